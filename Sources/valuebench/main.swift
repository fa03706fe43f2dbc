import ArgumentParser
import Workbench
#if canImport(Glibc)
    import Glibc
#endif

/// The process's own flags. Command lines inside the session are parsed by Workbench's parser.
struct ValueBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "valuebench",
        abstract: "Model how an enterprise creates value, and check the model with numbers.",
        discussion: """
            With no FILE and a terminal on stdin, starts the interactive workbench. Otherwise runs \
            commands from -c, from FILE (a .vbench script), or from stdin, one per line.
            Exit status: 0 all commands succeeded, 1 some command failed, 2 bad usage or unreadable input.

            Notebooks: `valuebench FILE.ipynb` opens a notebook (then reads commands from the terminal \
            or stdin); `valuebench --save OUT.ipynb < script.vbench` records a script as a notebook; \
            `valuebench -c 'replay FILE.ipynb'` re-runs a notebook and compares its outputs, exiting \
            0 all matched, 1 a mismatch or an unexpected error, 2 an unreadable notebook.
            An interactive session keeps a journal under $XDG_STATE_HOME/valuebench (default \
            ~/.local/state/valuebench); after a crash, the next start offers to recover it \
            (VALUEBENCH_RECOVER=yes|no answers without asking).
            Jupyter: `valuebench kernel install --user` makes this binary a Jupyter kernel.
            """,
        version: Version.line)

    @Argument(help: "A script (.vbench) to run, or a notebook (.ipynb) to open.")
    var file: String?

    @Option(name: .customShort("c"), help: "Run this command (repeatable); no REPL.")
    var command: [String] = []

    @Flag(help: "Stop at the first command that fails.")
    var bail = false

    @Flag(help: "Print each command before its output (readable transcripts).")
    var echo = false

    @Flag(name: [.customShort("q"), .long], help: "Leave out confirmations: stdout holds only what commands return.")
    var quiet = false

    @Flag(
        help: "Print JSON Lines: one object per command line, {\"line\", \"command\", \"ok\", \"result\" or \"error\"}."
    )
    var json = false

    @Option(
        help: ArgumentHelp(
            "Record the commands as a notebook and save it to FILE.ipynb at the end.", valueName: "FILE.ipynb"))
    var save: String?

    @Flag(help: "Recover the commands of a session that ended unexpectedly, without asking.")
    var recover = false

    mutating func run() throws {
        let registry = Registry(plugins: allPlugins)
        let session = Session(registry: registry, files: LocalFileAccess())
        let notebookFile = file.flatMap { $0.hasSuffix(".ipynb") ? $0 : nil }
        let script = notebookFile == nil ? file : nil
        let interactive = command.isEmpty && script == nil && isatty(0) == 1
        let color =
            interactive && isatty(1) == 1 && getenv("NO_COLOR") == nil
            && getenv("TERM").map { String(cString: $0) != "dumb" } ?? true
        let driver = Driver(
            session: session, renderer: Renderer(color: color),
            options: .init(bail: bail, echo: echo, numberErrors: !interactive, quiet: quiet, jsonLines: json),
            out: json ? .stderr : .stdout, status: interactive && !json ? .stdout : .stderr)
        defer { driver.finishJournal() }
        try startNotebooks(driver, interactive: interactive, notebook: notebookFile)
        if !command.isEmpty {
            driver.run(ListLines(command))
        } else if let file = script {
            let fd = open(file, O_RDONLY)
            guard fd >= 0 else {
                OutputStream.stderr.write("error: cannot read \(file): \(String(cString: strerror(errno)))\n")
                throw ExitCode(2)
            }
            defer { close(fd) }
            let lines = DescriptorLines(fd: fd)
            driver.run(lines)
            try Self.check(lines, file)
        } else if interactive {
            Interactive.run(driver, color: color)
        } else {
            let lines = DescriptorLines(fd: 0)
            driver.run(lines)
            try Self.check(lines, "standard input")
        }
        try finishNotebooks(driver)
        driver.finishJournal()
        OutputStream.stdout.flush()
        // Leave without tearing the workspace down: freeing 100,000 enterprises one by one costs
        // more than a quarter of the script that made them, and the kernel frees it all at once.
        // A typed command that failed was answered on the spot: the REPL itself succeeded.
        Glibc.exit(interactive ? 0 : driver.exitStatus)
    }

    /// Input that could not be read to its end (a folder, an I/O error, an over-long line) is
    /// status 2.
    static func check(_ lines: DescriptorLines, _ name: String) throws {
        guard let problem = lines.failure else { return }
        OutputStream.stdout.flush()
        OutputStream.stderr.write("error: cannot read \(name): \(problem)\n")
        throw ExitCode(2)
    }
}

setlocale(LC_ALL, "")
signal(SIGPIPE, SIG_IGN)
HugePages.reserveHeap()
// How Jupyter starts the kernel (kernel.json's argv), taken without ArgumentParser: a client
// connecting before the sockets are bound waits out ZeroMQ's 100 ms reconnect interval, so
// every millisecond before the bind counts.
if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "kernel", CommandLine.arguments[2] == "-f" {
    KernelCommand.start(connectionFile: CommandLine.arguments[3])
}

/// `valuebench kernel …` is the Jupyter kernel's command; anything else is the workbench's.
/// (Declared as a subcommand, "kernel" would be taken for the FILE argument.)
let root: any ParsableCommand.Type =
    CommandLine.arguments.dropFirst().first == "kernel" ? KernelCommand.self : ValueBench.self
do {
    var command =
        try root == KernelCommand.self
        ? KernelCommand.parseAsRoot(Array(CommandLine.arguments.dropFirst(2)))
        : ValueBench.parseAsRoot()
    try command.run()
    exit(0)
} catch let code as ExitCode {
    exit(code.rawValue)
} catch {
    // Help and version requests exit 0; every other usage error is status 2, as the README says.
    let status = root.exitCode(for: error)
    let message = root.fullMessage(for: error)
    if status == .success {
        OutputStream.stdout.write(message + "\n")
        OutputStream.stdout.flush()
        exit(0)
    }
    OutputStream.stderr.write("error: " + message.replacingOccurrences(of: "Error: ", with: "") + "\n")
    exit(2)
}

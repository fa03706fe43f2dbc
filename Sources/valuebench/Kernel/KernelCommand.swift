#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Jupyter
import Workbench

/// `valuebench kernel -f CONNECTION_FILE` runs the Jupyter kernel; `valuebench kernel install`
/// writes its kernelspec.
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "valuebench kernel",
        abstract: "Run as a Jupyter kernel (started by Jupyter with -f CONNECTION_FILE), or install its kernelspec.",
        discussion: "Install it once with `valuebench kernel install --user`, then open notebooks with `jupyter lab`.",
        subcommands: [KernelInstall.self])

    @Option(name: .customShort("f"), help: ArgumentHelp("The connection file Jupyter wrote.", valueName: "CONNECTION_FILE"))
    var connectionFile: String?

    mutating func run() throws {
        guard let path = connectionFile else {
            throw ValidationError("a kernel is started by Jupyter with -f CONNECTION_FILE; to make it known to Jupyter, run `valuebench kernel install --user`")
        }
        let connection: Connection
        let kernel: Kernel
        do {
            connection = try Connection(json: JSON.parse(bytes: LocalFileAccess().read(path)))
            kernel = try Kernel(connection: connection)
        } catch {
            OutputStream.stderr.write("error: kernel: \(path): \(error)\n")
            throw ExitCode(2)
        }
        // Jupyter sends SIGINT to a whole process group at times; interrupts come as messages.
        signal(SIGINT, SIG_IGN)
        kernel.run()
        OutputStream.stderr.flush()
        // As the REPL does: leave without tearing the workspace down.
        Glibc.exit(0)
    }
}

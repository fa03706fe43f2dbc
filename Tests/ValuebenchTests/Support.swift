import Foundation
import Testing
// Re-exported to every file of this target: TestSupport's `TemporaryFolder`, `SplitMix64`…
@_exported import TestSupport

/// The built `valuebench` executable, found beside the test bundle (SwiftPM puts both in the
/// same build folder, whatever the scratch path).
enum Binary {
    static let path: String? = {
        var starts: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: exe))
        }
        starts.append(URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL)
        starts.append(Bundle.main.bundleURL)
        for start in starts {
            var dir = start.deletingLastPathComponent()
            for _ in 0..<5 {
                let candidate = dir.appendingPathComponent("valuebench").path
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
                dir = dir.deletingLastPathComponent()
            }
        }
        return nil
    }()

    static func require() throws -> String {
        try #require(path, "the valuebench executable was not found beside the test bundle (build it: swift build)")
    }
}

/// What a run of the executable gave.
struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `valuebench` with `arguments`, `input` on stdin (a pipe: not a terminal), and a private
/// HOME and XDG_STATE_HOME in `home`.
func runValuebench(
    _ arguments: [String], input: String = "", home: String? = nil,
    environment extra: [String: String] = [:], directory: String? = nil
) throws -> RunResult {
    let binary = try Binary.require()
    let scratch = try TemporaryFolder()
    defer { scratch.remove() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["HOME"] = home ?? scratch.path
    env["XDG_STATE_HOME"] = (home ?? scratch.path) + "/state"
    env["LANG"] = "C.UTF-8"
    env.removeValue(forKey: "NO_COLOR")
    for (k, v) in extra { env[k] = v }
    process.environment = env
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    // Files, not pipes, for the output: no deadlock whatever the sizes.
    _ = FileManager.default.createFile(atPath: scratch.file("out"), contents: nil)
    _ = FileManager.default.createFile(atPath: scratch.file("err"), contents: nil)
    try scratch.write("in", input)
    process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: scratch.file("in")))
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.file("out")))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.file("err")))
    try process.run()
    process.waitUntilExit()
    let out = try String(contentsOfFile: scratch.file("out"), encoding: .utf8)
    let err = try String(contentsOfFile: scratch.file("err"), encoding: .utf8)
    return RunResult(status: process.terminationStatus, stdout: out, stderr: err)
}

/// A terminal driven through tmux: a private server (its own socket), one window running the
/// workbench, keys sent with `send-keys`, the screen read with `capture-pane`.
final class TmuxTerminal {
    static let executable: String? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/tmux"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()
    static var available: Bool { executable != nil }

    let socket: String
    let home: String

    /// Starts the workbench in a detached session. `home` holds HOME and XDG_STATE_HOME (kept
    /// between terminals to test history across runs).
    init(home: String, environment: [String: String] = [:], width: Int = 120, height: Int = 40) throws {
        let binary = try Binary.require()
        self.home = home
        socket = "vbtest-\(getpid())-\(UUID().uuidString.prefix(8))"
        // TERM is tmux's own (as for anyone who runs the workbench in tmux).
        var env = ["HOME": home, "XDG_STATE_HOME": home + "/state", "LANG": "C.UTF-8"]
        for (k, v) in environment { env[k] = v }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(TmuxTerminal.shellQuote($0.value))" }
        var unset = ""
        if environment["NO_COLOR"] == nil { unset = "-u NO_COLOR " }
        // The pane outlives the program so that its exit status can be read.
        let command =
            "env \(unset)\(assignments.joined(separator: " ")) \(TmuxTerminal.shellQuote(binary)); "
            + "echo \"EXITED=$?\"; sleep 600"
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "vb", "-x", "\(width)", "-y", "\(height)", command])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        // tmux leaves its socket file behind.
        let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(folder)/tmux-\(getuid())/\(socket)")
    }

    static func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let executable = try #require(TmuxTerminal.executable)
        // posix_spawn and waitpid, not Foundation's Process: the tmux server forked by the first
        // command inherits the client's descriptors, among them the one Process watches to learn
        // that the child ended, and Process would wait forever. Output goes to a file for the
        // same reason (a pipe would never reach its end).
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "\(socket)-\(UUID().uuidString.prefix(8)).out"
        ).path
        defer { unlink(output) }
        let pid = try spawn(
            executable, [executable, "-L", socket] + arguments, stdin: "/dev/null", stdout: output, stderr: "/dev/null")
        var code: Int32 = 0
        while waitpid(pid, &code, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// Types `keys`: literal text, or tmux key names when `named` (Enter, Up, C-c, Tab, …).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "vb", "-l", text]) }
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "vb"] + keys) }

    /// The screen (and the scroll-back), wrapped lines joined.
    func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-J", "-S", "-500", "-t", "vb"] + (escapes ? ["-e"] : []))
    }

    /// Waits until the screen satisfies `condition` (polling; a generous bound so that a slow,
    /// shared machine does not fail it) and returns the screen. Records an issue on timeout.
    @discardableResult
    func waitFor(
        _ what: String, timeout: Double = 20, sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(50_000)
        }
        Issue.record("timed out waiting for \(what); the screen:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    /// Waits until `text` appears `count` times on the screen.
    @discardableResult
    func waitFor(_ text: String, count: Int = 1, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitFor("“\(text)” ×\(count)", sourceLocation: sourceLocation) {
            $0.components(separatedBy: text).count - 1 >= count
        }
    }

    /// The last non-empty line of the screen (where the prompt and the typed text are).
    func lastLine() throws -> String {
        try screen().split(separator: "\n").last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }).map(
            String.init) ?? ""
    }
}

/// Starts `path` with `arguments` (the first is the program's name) and `environment` (nil: this
/// process's), standard input, output and error opened from files, no signal blocked and the usual
/// ones at their default action: the test runner's threads block most signals and a child inherits
/// the mask (tmux and the workbench must start with none blocked, or Ctrl-C would never arrive).
func spawn(
    _ path: String, _ arguments: [String], environment: [String: String]? = nil,
    stdin: String, stdout: String, stderr: String
) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGPIPE, SIGTERM, SIGHUP, SIGCHLD, SIGXFSZ] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
    defer { for p in argv + (envp ?? []) { free(p) } }
    var pid = pid_t()
    let status =
        envp.map { posix_spawn(&pid, path, &actions, &attributes, argv, $0) }
        ?? posix_spawn(&pid, path, &actions, &attributes, argv, environ)
    guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }
    return pid
}

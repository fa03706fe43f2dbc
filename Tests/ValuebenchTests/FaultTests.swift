import Foundation
import Testing

/// Issue 14's faults, through the built executable: a full disk, a folder that cannot be written
/// (even by root), `kill -9` during a save, two saves at once, links and modes, FIFOs and devices
/// as inputs, SIGINT to a script. Every run has a time limit: a hang fails the test.
@Suite struct FaultTests {
    // MARK: Running with limits

    /// Runs `valuebench` through `/bin/sh -c` (`prefix` runs first: `ulimit`, `trap`), killing it
    /// after `timeout` seconds (a hang is recorded as an issue and gives status -1).
    static func run(
        _ arguments: [String], prefix: String = "", input: String = "", state: String,
        timeout: Double = 30, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> RunResult {
        var started = try start(arguments, prefix: prefix, input: input, state: state)
        return try started.finish(timeout: timeout, sourceLocation: sourceLocation)
    }

    /// A started run; `finish` waits for it with a time limit. A death by signal N is status
    /// 128 + N, as a shell reports it.
    struct Started {
        let pid: pid_t
        let scratch: TemporaryFolder
        private var ended: Int32?

        init(pid: pid_t, scratch: TemporaryFolder) { self.pid = pid; self.scratch = scratch }

        /// The status once the process has ended (nil while it runs).
        mutating func poll() -> Int32? {
            if let ended { return ended }
            var code: Int32 = 0
            guard waitpid(pid, &code, WNOHANG) == pid else { return nil }
            ended = code & 0x7F == 0 ? (code >> 8) & 0xFF : 128 + (code & 0x7F)
            return ended
        }

        var isRunning: Bool { mutating get { poll() == nil } }

        mutating func finish(timeout: Double, sourceLocation: SourceLocation = #_sourceLocation) throws -> RunResult {
            defer { scratch.remove() }
            let deadline = Date().addingTimeInterval(timeout)
            while poll() == nil && Date() < deadline { usleep(10_000) }
            var status = poll() ?? -1
            if status == -1 {
                kill(pid, SIGKILL)
                var code: Int32 = 0
                while waitpid(pid, &code, 0) < 0 && errno == EINTR {}
                Issue.record("no answer after \(timeout) s: killed", sourceLocation: sourceLocation)
                status = -1
            }
            return RunResult(
                status: status,
                stdout: (try? String(contentsOfFile: scratch.file("out"), encoding: .utf8)) ?? "",
                stderr: (try? String(contentsOfFile: scratch.file("err"), encoding: .utf8)) ?? "")
        }
    }

    /// Starts `sh -c 'PREFIX exec valuebench ARGUMENTS'` with no signal blocked or ignored (the
    /// test runner blocks some, and a child inherits that), stdin from `input`, output to files.
    static func start(
        _ arguments: [String], prefix: String = "", input: String = "", state: String,
        environment: [String: String] = [:]
    ) throws -> Started {
        let binary = try Binary.require()
        let scratch = try TemporaryFolder()
        try scratch.write("in", input)
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = state
        env["XDG_STATE_HOME"] = state + "/state"
        env["LANG"] = "C.UTF-8"
        for (k, v) in environment { env[k] = v }
        let command = prefix + " exec " + ([binary] + arguments).map(TmuxTerminal.shellQuote).joined(separator: " ")
        let pid = try spawn(
            "/bin/sh", ["/bin/sh", "-c", command], environment: env,
            stdin: scratch.file("in"), stdout: scratch.file("out"), stderr: scratch.file("err"))
        return Started(pid: pid, scratch: scratch)
    }

    /// A script of `n` commands that makes a notebook of about 100 bytes per command.
    static func script(_ n: Int, prefix: String = "E") -> String {
        (0..<n).map { "enterprise add \(prefix)\($0) --industry 'Industry \($0 % 7)'\n" }.joined()
    }

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// One `error: …` line on stderr (and perhaps confirmations before it).
    static func oneErrorLine(_ r: RunResult) -> Bool {
        let errors = r.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }
        return errors.count == 1
    }

    // MARK: Disk full

    /// A file-size limit (SIGXFSZ ignored, as a full disk gives EFBIG/ENOSPC to write): the save
    /// fails with one error, the notebook already there is unchanged and no temporary is left.
    @Test func aFullDiskFailsTheSaveAndKeepsTheNotebook() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let nb = folder.file("n.ipynb")
        #expect(try Self.run(["-c", "enterprise add A", "--save", nb], state: folder.path).status == 0)
        let before = try #require(Self.bytes(nb))
        // 64 blocks of 512 bytes: the first notebook fits, one of 2,000 commands does not.
        try folder.write("more.vb", "open \(nb)\n" + Self.script(2000) + "save\n")
        let r = try Self.run([folder.file("more.vb")], prefix: "ulimit -f 64; trap '' XFSZ;", state: folder.path)
        #expect(r.status != 0)
        #expect(r.stderr.contains("error: "), "\(r.stderr.suffix(400))")
        #expect(r.stderr.contains("File too large") || r.stderr.contains("No space"), "\(r.stderr.suffix(400))")
        #expect(Self.bytes(nb) == before)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "state" }
        #expect(left.sorted() == ["more.vb", "n.ipynb"])
    }

    /// `--save` to a notebook that cannot fit: the commands ran, the save says why it failed.
    @Test func aFullDiskWithSaveFlagIsAnError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let nb = folder.file("n.ipynb")
        try folder.write("s.vb", Self.script(2000))
        let r = try Self.run(
            [folder.file("s.vb"), "--save", nb], prefix: "ulimit -f 64; trap '' XFSZ;",
            state: folder.path)
        #expect(r.status != 0)
        #expect(Self.oneErrorLine(r), "\(r.stderr.suffix(400))")
        #expect(!FileManager.default.fileExists(atPath: nb))
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: folder.path)).contains { $0.contains(".tmp-") })
    }

    // MARK: Folders that cannot be written

    /// Root ignores permission bits; an immutable folder (`chattr +i`) and /proc stop it.
    static let immutableWorks: Bool = {
        guard let folder = try? TemporaryFolder() else { return false }
        defer { _ = shell("chattr -i '\(folder.path)'"); folder.remove() }
        guard shell("chattr +i '\(folder.path)'") == 0 else { return false }
        return !FileManager.default.createFile(atPath: folder.file("probe"), contents: Data())
    }()

    @discardableResult
    static func shell(_ command: String) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command + " 2>/dev/null"]
        guard (try? p.run()) != nil else { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }

    @Test func saveIntoAFolderOnAReadOnlyFilesystemIsRefusedBeforeRunning() throws {
        let state = try TemporaryFolder()
        defer { state.remove() }
        let r = try Self.run(
            ["-c", "enterprise add A", "--save", "/proc/valuebench-fault-test.ipynb"],
            state: state.path)
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("error: --save /proc/valuebench-fault-test.ipynb: cannot write it"), "\(r.stderr)")
        #expect(!r.stdout.contains("Added"))
        let save = try Self.run(
            ["-c", "enterprise add A", "-c", "save /proc/valuebench-fault-test.ipynb"],
            state: state.path)
        #expect(save.status == 1)
        #expect(Self.oneErrorLine(save), "\(save.stderr)")
    }

    @Test(.enabled(if: FaultTests.immutableWorks, "chattr +i is not supported on this filesystem"))
    func aSaveInAnImmutableFolderFailsAndKeepsTheNotebook() throws {
        let folder = try TemporaryFolder(), state = try TemporaryFolder()
        defer { Self.shell("chattr -i '\(folder.path)'"); folder.remove(); state.remove() }
        let nb = folder.file("n.ipynb")
        #expect(try Self.run(["-c", "enterprise add A", "--save", nb], state: state.path).status == 0)
        let before = try #require(Self.bytes(nb))
        #expect(Self.shell("chattr +i '\(folder.path)'") == 0)
        let r = try Self.run(["-c", "open \(nb)", "-c", "enterprise add B", "-c", "save"], state: state.path)
        #expect(r.status == 1)
        #expect(Self.oneErrorLine(r), "\(r.stderr)")
        #expect(Self.bytes(nb) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["n.ipynb"])
    }

    // MARK: kill -9 during a save, then recovery

    /// A big notebook; a session adds a command and saves; `kill -9` as soon as its temporary
    /// file appears. The notebook is the old one or the whole new one, never half; `--recover`
    /// then brings the command back, and a save keeps it.
    @Test func killDuringASaveKeepsTheNotebookAndRecoveryBringsTheCommandBack() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let nb = folder.file("big.ipynb")
        try folder.write("make.vb", Self.script(6000))
        #expect(try Self.run([folder.file("make.vb"), "--save", nb], state: folder.path, timeout: 120).status == 0)
        var killedDuringSave = 0
        for round in 0..<5 {
            let before = try #require(Self.bytes(nb))
            let state = try TemporaryFolder()
            defer { state.remove() }
            var started = try Self.start(
                [], input: "open \(nb)\nenterprise add Late\(round)\nsave\n",
                state: state.path,
                environment: ["VALUEBENCH_JOURNAL": "1"])
            let pid = started.pid
            let temporary = folder.file(".big.ipynb.tmp-\(pid)")
            let deadline = Date().addingTimeInterval(60)
            while started.isRunning && !FileManager.default.fileExists(atPath: temporary) && Date() < deadline {
                usleep(200)
            }
            if started.isRunning { kill(pid, SIGKILL); killedDuringSave += 1 }
            _ = try started.finish(timeout: 30)
            let now = try #require(Self.bytes(nb))
            let text = String(decoding: now, as: UTF8.self)
            let whole = (try? JSONSerialization.jsonObject(with: now)) != nil
            #expect(
                now == before || (text.contains("enterprise add Late\(round)") && whole),
                "round \(round): the notebook is neither the old one nor a whole new one")
            // Recovery: the journal of the killed session replays its commands on its notebook.
            let r = try Self.run(["--recover", "-c", "save"], state: state.path, timeout: 120)
            #expect(r.status == 0, "\(r.stderr.suffix(400))")
            let after = String(decoding: try #require(Self.bytes(nb)), as: UTF8.self)
            #expect(after.contains("enterprise add Late\(round)"), "round \(round): \(r.stderr.suffix(300))")
            #expect(after.contains("enterprise add E5999"))
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(!files.contains { $0.contains(".tmp-") })
        }
        #expect(killedDuringSave > 0)
    }

    // MARK: Two saves at once

    /// Two sessions open the same notebook and save at once, 20 times: at least one saves; one
    /// that does not says so with an error (status 1), and whoever said "Saved" is in the file.
    @Test func twoConcurrentSavesNeverLoseWorkSilently() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let nb = folder.file("n.ipynb")
        for round in 0..<20 {
            #expect(try Self.run(["-c", "enterprise add Start", "--save", nb], state: folder.path).status == 0)
            let runs = try [0, 1].map { k in
                try Self.start(
                    ["-c", "open \(nb)", "-c", "enterprise add Side\(k)r\(round)", "-c", "save"],
                    state: folder.path)
            }.map { started in
                var started = started; return try started.finish(timeout: 60)
            }
            let text = try String(contentsOfFile: nb, encoding: .utf8)
            #expect(runs.contains { $0.stderr.contains("Saved") }, "round \(round)")
            for (k, r) in runs.enumerated() {
                if r.stderr.contains("Saved") {
                    #expect(text.contains("Side\(k)r\(round)"), "round \(round): side \(k) said Saved but is gone")
                } else {
                    #expect(
                        r.status == 1 && r.stderr.contains("error: "),
                        "round \(round): side \(k) neither saved nor said so")
                }
            }
        }
    }

    // MARK: Links, modes, owners

    /// A save through a symlink writes the real file (the link stays a link); a 0600 notebook
    /// owned by someone else keeps its mode and owner.
    @Test func aSaveKeepsLinkModeAndOwner() throws {
        let folder = try TemporaryFolder(), state = try TemporaryFolder()
        defer { folder.remove(); state.remove() }
        let real = folder.file("real.ipynb"), link = folder.file("link.ipynb")
        #expect(try Self.run(["-c", "enterprise add A", "--save", real], state: folder.path).status == 0)
        chmod(real, 0o600)
        let owner: uid_t = getuid() == 0 ? 4321 : getuid(), group: gid_t = getuid() == 0 ? 4322 : getgid()
        #expect(chown(real, owner, group) == 0)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.ipynb")
        let r = try Self.run(["-c", "open \(link)", "-c", "enterprise add B", "-c", "save"], state: state.path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.ipynb")
        var info = stat()
        #expect(stat(real, &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o600)
        #expect(info.st_uid == owner && info.st_gid == group)
        #expect(try String(contentsOfFile: real, encoding: .utf8).contains("enterprise add B"))
    }

    // MARK: FIFOs and devices as inputs

    static let readers: [String] = [
        "open %@",
        "kpi survey %@ --nps Q1",
        "kpi nps --file %@ --column Q1",
        "diff import %@",
        "diff kano %@",
        "price psm %@ --too-cheap A --cheap B --expensive C --too-expensive D",
    ]

    /// A FIFO nobody writes to, /dev/zero, /dev/null and a folder: each reader says what is wrong
    /// in one line (status 1), promptly.
    @Test(arguments: readers)
    func fifosAndDevicesAreRefusedPromptly(_ command: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fifo = folder.file("pipe.csv")
        #expect(mkfifo(fifo, 0o600) == 0)
        for input in [fifo, "/dev/zero", "/dev/urandom", folder.path] {
            let line = command.replacingOccurrences(of: "%@", with: input)
            let r = try Self.run(["-c", line], state: folder.path, timeout: 20)
            #expect(r.status == 1 || r.status == 2, "\(line): status \(r.status)")
            #expect(Self.oneErrorLine(r) && r.stderr.utf8.count < 600, "\(line): \(r.stderr.prefix(600))")
        }
    }

    // MARK: SIGINT to a script

    /// SIGINT while a script runs: status 130 (an exit or death by SIGINT, as a shell sees it),
    /// and `--save` writes nothing (no half notebook).
    @Test func sigintToAScriptExits130AndSavesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let nb = folder.file("n.ipynb")
        try folder.write("long.vb", Self.script(200_000))
        for delay: UInt32 in [300_000, 1_000_000] {
            var started = try Self.start([folder.file("long.vb"), "--save", nb], state: folder.path)
            usleep(delay)
            let running = started.isRunning
            #expect(running, "the script ended before SIGINT: make it longer")
            kill(started.pid, SIGINT)
            let r = try started.finish(timeout: 30)
            #expect(r.status == 130, "\(r.stderr.suffix(300))")
            #expect(!FileManager.default.fileExists(atPath: nb))
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(files.filter { $0 != "state" } == ["long.vb"])
        }
    }
}

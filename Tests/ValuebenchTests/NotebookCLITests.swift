import Foundation
import Testing
import TestSupport

/// End-to-end: the built `valuebench` binary saving, opening, replaying and recovering notebooks.
@Suite(.serialized) struct NotebookCLITests {
    static let repository = Repository.root
    static var binary: String {
        ProcessInfo.processInfo.environment["VALUEBENCH_BIN"]
            ?? repository.appendingPathComponent(".build/debug/valuebench").path
    }

    let folder: URL

    init() throws {
        folder = URL(fileURLWithPath: try TemporaryFolder("cli").path)
    }

    struct Result { var status: Int32; var out: String; var err: String }

    /// Runs the binary in the test's folder; stdin from `input`; a private journal folder.
    @discardableResult
    func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = arguments
        p.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["XDG_STATE_HOME"] = folder.appendingPathComponent("state").path
        env.removeValue(forKey: "VALUEBENCH_JOURNAL")
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let base = folder.appendingPathComponent(".io-\(UUID().uuidString)")
        try Data(input.utf8).write(to: base.appendingPathExtension("in"))
        for ext in ["out", "err"] {
            FileManager.default.createFile(atPath: base.appendingPathExtension(ext).path, contents: nil)
        }
        p.standardInput = try FileHandle(forReadingFrom: base.appendingPathExtension("in"))
        p.standardOutput = try FileHandle(forWritingTo: base.appendingPathExtension("out"))
        p.standardError = try FileHandle(forWritingTo: base.appendingPathExtension("err"))
        try p.run()
        p.waitUntilExit()
        func text(_ ext: String) -> String {
            String(decoding: (try? Data(contentsOf: base.appendingPathExtension(ext))) ?? Data(), as: UTF8.self)
        }
        return Result(status: p.terminationStatus, out: text("out"), err: text("err"))
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
    func read(_ name: String) -> String { (try? String(contentsOfFile: path(name), encoding: .utf8)) ?? "" }
    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: path(name), atomically: false, encoding: .utf8)
    }

    static let script = """
        enterprise add CATL --industry batteries
        note "Two enterprises, one of them twice."
        enterprise add Tesla
        enterprise add catl
        enterprise list
        undo
        use CATL

        """

    @Test func savesAScriptAsANotebookThatReplays() throws {
        let saved = try run(["--save", "s.ipynb"], input: Self.script)
        #expect(saved.status == 1)  // one command failed (on purpose), and the notebook is saved
        #expect(read("s.ipynb").contains("\"id\": \"c6\""))
        let replay = try run(["-c", "replay s.ipynb"])
        #expect(replay.status == 0, "\(replay.out)\(replay.err)")
        #expect(replay.out.contains("s.ipynb: 6 code cells: 6 matched, 0 failed"))
        if let python = ProcessInfo.processInfo.environment["VALUEBENCH_PYTHON"] {
            let p = try Process.run(
                URL(fileURLWithPath: python),
                arguments: [
                    Self.repository.appendingPathComponent("scripts/validate_notebook.py").path,
                    "--roundtrip", path("s.ipynb"),
                ])
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
        }
    }

    @Test func replayExitsOneOnAMismatchAndTwoOnABadFile() throws {
        try run(["--save", "s.ipynb"], input: "enterprise add A\nundo\n")
        try write(
            "s.ipynb", read("s.ipynb").replacingOccurrences(of: "Undid: enterprise add A", with: "Undid one step."))
        let mismatch = try run(["-c", "replay s.ipynb"])
        #expect(mismatch.status == 1)
        #expect(mismatch.out.contains("MISMATCH cell c2 (#2):\n--- cell c2 (#2) stored\n+++ cell c2 (#2) replayed"))
        #expect(mismatch.out.contains("-Undid one step.\n+Undid: enterprise add A"))
        try write("bad.ipynb", "{\"cells\": [")
        let bad = try run(["-c", "replay bad.ipynb"])
        #expect(bad.status == 2)
        #expect(bad.err.contains("bad.ipynb: not valid JSON"))
        #expect(try run(["-c", "replay missing.ipynb"]).status == 2)
        #expect(try run(["-c", "replay"]).status != 0)
        // --update makes it match again.
        let update = try run(["-c", "replay s.ipynb --update"])
        #expect(update.status == 0)
        #expect(try run(["-c", "replay s.ipynb"]).status == 0)
    }

    @Test func opensANotebookRestoringOrReplaying() throws {
        try run(["--save", "s.ipynb"], input: "enterprise add A\nnote hello\n")
        let opened = try run(["s.ipynb"], input: "enterprise add B\nenterprise list --json\nsave\n")
        #expect(opened.status == 0, "\(opened.err)")
        #expect(opened.err.contains("Opened s.ipynb: 2 cells, workspace restored from its snapshot."))
        #expect(opened.out.contains("[{\"name\":\"A\",\"industry\":null},{\"name\":\"B\",\"industry\":null}]"))
        let text = read("s.ipynb")
        #expect(text.contains("\"id\": \"c3\"") && text.contains("\"id\": \"c4\""))
        // Edited outside: the snapshot no longer matches the cells, so open replays them.
        try write("s.ipynb", text.replacingOccurrences(of: "\"enterprise add B\"", with: "\"enterprise add C\""))
        let replayed = try run(["s.ipynb"], input: "enterprise list --json\n")
        #expect(replayed.err.contains("replayed 3 code cells because its cells changed"))
        #expect(replayed.out.contains("\"C\""))
        #expect(replayed.err.contains("note: 2 cells gave other outputs than stored"))
        // `open` inside a session.
        let inside = try run(["-c", "open s.ipynb", "-c", "enterprise list --json"])
        #expect(inside.out.contains("\"C\""))
    }

    /// After `open` (from the snapshot, which holds no undo history), undo and redo act on the
    /// history a replay of the cells builds: the first one rebuilds it. Whatever is typed, undo,
    /// redo and a failing command included, the saved notebook replays to its outputs, and the
    /// workspace a replay ends in is the snapshot's.
    @Test func undoAndRedoAfterOpenReplayExactly() throws {
        try run(["--save", "s.ipynb"], input: "enterprise add A\nenterprise add B\nundo\n")
        let opened = try run(
            ["s.ipynb"],
            input: "redo\nundo\nenterprise add C\nenterprise add c\nredo\nundo 5\nredo\nenterprise list --json\nsave\n")
        #expect(opened.err.contains("workspace restored from its snapshot"), "\(opened.err)")
        #expect(!opened.err.contains("reach back only"), "\(opened.err)")
        #expect(
            opened.out.contains(
                """
                Redid: enterprise add B\nUndid: enterprise add B\nAdded enterprise C; still working on A \
                (`use C` to switch).\nNothing to redo.\nUndid 2 steps: enterprise add C; enterprise add \
                A\nRedid: enterprise add A\n
                """
            ), "\(opened.out)")
        #expect(opened.out.contains("[{\"name\":\"A\",\"industry\":null}]"), "\(opened.out)")
        let replay = try run(["-c", "replay s.ipynb"])
        #expect(replay.status == 0, "\(replay.out)\(replay.err)")
        #expect(replay.out.contains("s.ipynb: 11 code cells: 11 matched, 0 failed"), "\(replay.out)")
        // The snapshot a replay writes (--update) is the saved one: same workspace.
        try write("u.ipynb", read("s.ipynb"))
        #expect(try run(["-c", "replay u.ipynb --update"]).status == 0)
        func snapshot(_ name: String) throws -> NSDictionary? {
            let nb = try JSONSerialization.jsonObject(with: Data(read(name).utf8)) as? NSDictionary
            return (nb?["metadata"] as? NSDictionary)?["valuebench"].flatMap {
                ($0 as? NSDictionary)?["snapshot"] as? NSDictionary
            }
        }
        let saved = try #require(try snapshot("s.ipynb"))
        #expect(saved == (try snapshot("u.ipynb")))
        // Opened again and undone to the start: still exact.
        try run(["s.ipynb"], input: "undo 100\nredo\nsave\n")
        #expect(try run(["-c", "replay s.ipynb"]).status == 0)
    }

    /// Status lines (Opened, Saved, Recovered) go to stderr outside the interactive REPL: stdout
    /// holds only what the commands return, one JSON document with --json.
    @Test(arguments: [
        ["s.ipynb", "-c", "enterprise list --json", "-c", "save"],
        ["-c", "open s.ipynb", "-c", "enterprise list --json", "-c", "save"],
        ["s.ipynb"],
    ])
    func statusLinesLeaveStdoutToTheCommands(_ arguments: [String]) throws {
        try run(["--save", "s.ipynb"], input: "enterprise add A\n")
        let r = try run(arguments, input: "enterprise list --json\nsave\n")
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == "[{\"name\":\"A\",\"industry\":null}]\n")
        let parsed = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]]
        #expect(parsed?.first?["name"] as? String == "A")
        #expect(r.err.contains("Opened s.ipynb: 1 cell, workspace restored from its snapshot.\n"))
        #expect(r.err.contains("Saved 2 cells to s.ipynb.\n"))
    }

    /// A save that cannot land fails at once, with one line, before the snapshot is built (or,
    /// for --save, before the script runs).
    @Test func savingWhereNoNotebookCanBeWrittenFailsFirst() throws {
        try write("file", "")
        try FileManager.default.createDirectory(atPath: path("folder.ipynb"), withIntermediateDirectories: false)
        let r = try run([
            "-c", "enterprise add A", "-c", "save nope/x.ipynb", "-c", "save file/x.ipynb",
            "-c", "save folder.ipynb", "-c", "enterprise list --json",
        ])
        #expect(
            r.err == """
                error: line 2: save: cannot write nope/x.ipynb: the folder nope does not exist
                error: line 3: save: cannot write file/x.ipynb: file is not a folder
                error: line 4: save: cannot write folder.ipynb: it is a folder

                """)
        #expect(r.out.hasSuffix("[{\"name\":\"A\",\"industry\":null}]\n"))
        // --save: nothing runs.
        let flag = try run(["--save", "nope/x.ipynb"], input: "enterprise add A\n")
        #expect(flag.status == 2)
        #expect(flag.out == "")
        #expect(flag.err == "error: --save nope/x.ipynb: cannot write it: the folder nope does not exist\n")
        #expect(!FileManager.default.fileExists(atPath: path("nope")))
    }

    /// A hand-made notebook whose snapshot checksum matches but holds a factor score of 50:
    /// the snapshot is refused with its reason, and open replays the cells instead.
    @Test func aSnapshotOutOfRangeIsReplayedInstead() throws {
        let fixture = Self.repository.appendingPathComponent("Tests/WorkbenchTests/Golden/out-of-range-snapshot.ipynb")
        try write("oor.ipynb", String(contentsOf: fixture, encoding: .utf8))
        let r = try run(["oor.ipynb", "-c", "factor list --json", "-c", "save"])
        #expect(r.status == 0, "\(r.err)")
        #expect(
            r.out
                == """
                [{\"enterprise\":\"A\",\"factor\":\"Range\",\"kind\":\"quality\",\"score\":8,\"importance\"\
                :null}]\n
                """
        )
        #expect(
            r.err.hasPrefix(
                """
                Opened oor.ipynb: 2 cells; replayed 2 code cells because its snapshot holds a value no \
                command accepts (enterprise 'A', factor 'Range': score 50 is outside 0–10).\n
                """
            ), "\(r.err)")
        // Saved again, the snapshot is the replayed workspace's, and is restored.
        let again = try run(["oor.ipynb"], input: "factor list --json\n")
        #expect(again.err.contains("workspace restored from its snapshot"), "\(again.err)")
        #expect(again.out.contains("\"score\":8"))
    }

    @Test func refusesToOverwriteSilently() throws {
        try run(["--save", "a.ipynb"], input: "enterprise add A\n")
        try write("other.ipynb", "not mine")
        let refused = try run(["a.ipynb"], input: "save other.ipynb\n")
        #expect(refused.err.contains("other.ipynb already exists; type the same `save` again"))
        #expect(read("other.ipynb") == "not mine")
        let confirmed = try run(["a.ipynb"], input: "save other.ipynb\nsave other.ipynb\n")
        #expect(confirmed.err.contains("Saved 1 cell to other.ipynb."))
        #expect(read("other.ipynb").contains("enterprise add A"))
        // A notebook changed on disk after it was opened: the journal's "opened" line says when.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = ["a.ipynb"]
        p.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["XDG_STATE_HOME"] = path("state")
        env["VALUEBENCH_JOURNAL"] = "1"
        p.environment = env
        let stdin = Pipe()
        p.standardInput = stdin
        p.standardOutput = FileHandle.nullDevice
        let errFile = path("changed.err")
        FileManager.default.createFile(atPath: errFile, contents: nil)
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errFile))
        try p.run()
        let journal = path("state/valuebench/journal-\(p.processIdentifier).jsonl")
        var waited = 0
        while waited < 20_000, (try? String(contentsOfFile: journal, encoding: .utf8))?.contains("opened") != true {
            usleep(5_000); waited += 5
        }
        try write("a.ipynb", read("a.ipynb") + " ")
        stdin.fileHandleForWriting.write(Data("enterprise add B\nsave\n".utf8))
        try stdin.fileHandleForWriting.close()
        p.waitUntilExit()
        #expect(read("a.ipynb").hasSuffix("\n "), "the changed file was kept")
        #expect(read("changed.err").contains("a.ipynb changed on disk since it was opened or saved"))
    }

    @Test func recoversAfterKill9() throws {
        // A session that journals (as an interactive one does), killed after two commands.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["XDG_STATE_HOME"] = path("state")
        env["VALUEBENCH_JOURNAL"] = "1"
        p.environment = env
        let stdin = Pipe()
        p.standardInput = stdin
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        stdin.fileHandleForWriting.write(Data("enterprise add A\nnote why\nenterprise add B\nenterprise add a\n".utf8))
        let journal = path("state/valuebench/journal-\(p.processIdentifier).jsonl")
        var waited = 0
        while waited < 20_000,
            (try? String(contentsOfFile: journal, encoding: .utf8))?.components(separatedBy: "\n").count ?? 0 < 6
        {
            usleep(5_000); waited += 5
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)
        #expect(FileManager.default.fileExists(atPath: journal))
        let recovered = try run(["--recover", "-c", "enterprise list --json", "-c", "save r.ipynb"])
        #expect(recovered.err.contains("Recovered 4 commands from the journal"), "\(recovered.out)\(recovered.err)")
        #expect(recovered.out.contains("[{\"name\":\"A\",\"industry\":null},{\"name\":\"B\",\"industry\":null}]"))
        let nb = read("r.ipynb")
        #expect(nb.contains("\"why\"") && nb.contains("enterprise add B") && nb.contains("raises-exception"))
        #expect(!FileManager.default.fileExists(atPath: journal))
        // Nothing left to offer the next time.
        #expect(!(try run(["--recover", "-c", "enterprise list"]).err.contains("Recovered")))
    }

    @Test func recoveryStartsFromTheLastSave() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["XDG_STATE_HOME"] = path("state")
        env["VALUEBENCH_JOURNAL"] = "1"
        p.environment = env
        let stdin = Pipe()
        p.standardInput = stdin
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        stdin.fileHandleForWriting.write(Data("enterprise add A\nsave base.ipynb\nenterprise add B\n".utf8))
        let journal = path("state/valuebench/journal-\(p.processIdentifier).jsonl")
        var waited = 0
        while waited < 20_000,
            (try? String(contentsOfFile: journal, encoding: .utf8))?.contains("enterprise add B") != true
        {
            usleep(5_000); waited += 5
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        // Asked on a terminal; VALUEBENCH_RECOVER answers for tests. A non-terminal start asks nothing.
        let recovered = try run(["--recover", "-c", "enterprise list --json", "-c", "save"])
        #expect(recovered.err.contains("Opened"), "\(recovered.out)\(recovered.err)")
        #expect(recovered.err.contains("Recovered 1 command from the journal"))
        #expect(recovered.err.contains("Saved 3 cells to"))  // A, B and the list
        #expect(read("base.ipynb").contains("enterprise add B"))
    }

    @Test func hostileFilesGetOneClearError() throws {
        // A sparse 3 GB file: refused by its size, never read. (Up to 2 GB is read: what `save`
        // may write.)
        FileManager.default.createFile(atPath: path("huge.ipynb"), contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path("huge.ipynb")))
        try handle.truncate(atOffset: 3 << 30)
        try handle.close()
        let huge = try run(["-c", "replay huge.ipynb"])
        #expect(huge.status == 2)
        #expect(huge.err.contains("notebooks of up to 2048 MB are read"))
        try write("deep.ipynb", String(repeating: "[", count: 200_000))
        let deep = try run(["deep.ipynb"])
        #expect(deep.status == 2)
        #expect(deep.err.contains("nesting deeper than"))
        try write(
            "dup.ipynb",
            #"""
            {"cells":[{"cell_type":"markdown","id":"a","metadata":{},"source":""},{"cell_type":"markdown",\#
            "id":"a","metadata":{},"source":""}],"metadata":{},"nbformat":4,"nbformat_minor":5}
            """#
        )
        let dup = try run(["dup.ipynb"])
        #expect(dup.status == 2)
        #expect(dup.err == "error: dup.ipynb: cell 2: id 'a' is used by an earlier cell; cell ids must be unique\n")
        try write(
            "types.ipynb",
            #"""
            {"cells":[{"cell_type":"code","id":"a","metadata":{},"source":"x","outputs":{}}],"metadata":{}\#
            ,"nbformat":4,"nbformat_minor":5}
            """#
        )
        #expect(try run(["-c", "replay types.ipynb"]).err.contains("cell 1: 'outputs' must be a list"))
    }

    @Test func replayDoesNotWrite() throws {
        try write(
            "w.ipynb",
            #"""
            {"cells":[{"cell_type":"code","execution_count":1,"id":"c1","metadata":{},"outputs":[],"source\#
            ":"save written.ipynb"}],"metadata":{},"nbformat":4,"nbformat_minor":5}
            """#
        )
        let r = try run(["-c", "replay w.ipynb"])
        #expect(r.status == 0)
        #expect(r.out.contains("skipped cell c1 (#1): `save` is a session command"))
        #expect(!FileManager.default.fileExists(atPath: path("written.ipynb")))
    }

    @Test func openAsksBeforeDiscardingUnsavedCells() throws {
        try run(["--save", "s.ipynb"], input: "enterprise add A\n")
        let refused = try run(["-c", "enterprise add B", "-c", "open s.ipynb", "-c", "enterprise list --json"])
        #expect(refused.err.contains("1 recorded cell is not saved"))
        #expect(refused.out.contains("\"B\""))
        let confirmed = try run([
            "-c", "enterprise add B", "-c", "open s.ipynb", "-c", "open s.ipynb", "-c", "enterprise list --json",
        ])
        #expect(confirmed.out.contains("[{\"name\":\"A\",\"industry\":null}]"))
        let bad = try run(["--save", "x.txt"], input: "enterprise add A\n")
        #expect(bad.status == 2)
        #expect(bad.err == "error: --save x.txt: a notebook is saved as FILE.ipynb\n")
    }

    @Test func pipedScriptsAreNotRecorded() throws {
        let r = try run([], input: "enterprise add A\nsave x.ipynb\n")
        #expect(r.err.contains("not recorded as a notebook"))
        #expect(!FileManager.default.fileExists(atPath: path("x.ipynb")))
    }
}

extension NotebookCLITests {
    /// Starts a journaling session, runs `input`, waits until the journal holds `marker`, kills it.
    func crash(after input: String, marker: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["XDG_STATE_HOME"] = path("state")
        env["VALUEBENCH_JOURNAL"] = "1"
        p.environment = env
        let stdin = Pipe()
        p.standardInput = stdin
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        let journal = path("state/valuebench/journal-\(p.processIdentifier).jsonl")
        var waited = 0
        while waited < 20_000, (try? String(contentsOfFile: journal, encoding: .utf8))?.contains(marker) != true {
            usleep(5_000); waited += 5
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
    }

    @Test func recoveryKeepsItsCommandsWhenANotebookIsNamed() throws {
        try run(["--save", "a.ipynb"], input: "enterprise add A\n")
        try crash(after: "enterprise add Z\n", marker: "enterprise add Z")
        // Another notebook named on the command line is not opened over the recovered commands.
        let other = try run(["--recover", "a.ipynb"], input: "enterprise list --json\n")
        #expect(other.err.contains("note: a.ipynb is not opened"), "\(other.err)")
        #expect(other.out.contains("\"Z\"") && !other.out.contains("\"A\""))
        // The notebook the crashed session had open is reopened with its unsaved commands.
        try crash(after: "open a.ipynb\nenterprise add B\n", marker: "enterprise add B")
        let same = try run(["--recover", "a.ipynb"], input: "enterprise list --json\nsave\n")
        #expect(!same.err.contains("is not opened"), "\(same.err)")
        #expect(same.out.contains("[{\"name\":\"A\",\"industry\":null},{\"name\":\"B\",\"industry\":null}]"))
        #expect(read("a.ipynb").contains("enterprise add B"))
    }
}

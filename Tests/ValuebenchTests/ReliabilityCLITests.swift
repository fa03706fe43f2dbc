import Foundation
import Testing

/// Issue 14, through the built executable: input that cannot be a script ends with one clear
/// line and status 2; a bad line is an error, not a guess.
@Suite struct ReliabilityCLITests {
    @Test func anOverlongLineIsUnreadableInput() throws {
        let r = try runValuebench(
            [], input: "enterprise add A\n" + String(repeating: "x", count: 2 << 20) + "\nenterprise list\n")
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot read standard input: line 2 is longer than 1 MiB"), "\(r.stderr.prefix(300))")
        #expect(r.stderr.utf8.count < 400)
    }

    @Test func devZeroDoesNotAbort() throws {
        let r = try runValuebench(["/dev/zero"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot read /dev/zero: line 1 is longer than 1 MiB"), "\(r.stderr.prefix(300))")
    }

    @Test func invalidUTF8InACommandLineIsAnError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var bytes = Array("enterprise add A\nenterprise add B".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\nenterprise list --json\n".utf8)
        FileManager.default.createFile(atPath: folder.file("s.vb"), contents: Data(bytes))
        let r = try runValuebench([folder.file("s.vb")])
        #expect(r.status == 1)
        #expect(r.stderr.contains("line 2: the line holds bytes that are not UTF-8"), "\(r.stderr)")
        #expect(!r.stdout.contains("\"B"))
    }

    @Test func errorsQuoteLongTokensShortly() throws {
        let r = try runValuebench([], input: "enterprise show '" + String(repeating: "y", count: 100_000) + "'\n")
        #expect(r.status == 1)
        #expect(r.stderr.utf8.count < 400, "\(r.stderr.prefix(400))")
        #expect(r.stderr.contains("…"))
    }

    @Test func openingAnUnreadableNotebookIsStatusTwoEitherWay() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("bad.ipynb", "{not json")
        #expect(try runValuebench(["-c", "open \(folder.file("bad.ipynb"))"]).status == 2)
        #expect(try runValuebench([folder.file("bad.ipynb")]).status == 2)
    }

    // MARK: Saves (items 7 and 8)

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func aSaveKeepsTheModeAndWritesThroughASymlink() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let real = folder.file("real.ipynb"), link = folder.file("link.ipynb")
        #expect(try runValuebench(["-c", "enterprise add A", "--save", real]).status == 0)
        chmod(real, 0o600)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.ipynb")
        let r = try runValuebench(["-c", "open \(link)", "-c", "enterprise add B", "-c", "save"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.ipynb")
        #expect(try mode(real) == 0o600)
        #expect(try String(contentsOfFile: real, encoding: .utf8).contains("enterprise add B"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["link.ipynb", "real.ipynb"])
    }

    @Test func aSaveRemovesStaleTemporaryFilesOfDeadProcesses() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        try folder.write(".n.ipynb.tmp-\(dead.processIdentifier)", "half a save")
        try folder.write(".n.ipynb.tmp-1", "pid 1 runs: kept")
        try folder.write(".other.ipynb.tmp-\(dead.processIdentifier)", "not ours: kept")
        #expect(try runValuebench(["-c", "enterprise add A", "--save", folder.file("n.ipynb")]).status == 0)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
                == [".n.ipynb.tmp-1", ".other.ipynb.tmp-\(dead.processIdentifier)", "n.ipynb"])
    }

    /// Two sessions open the same notebook and save at once: whoever says "Saved" has its
    /// command in the file (the other sees the first save and refuses).
    @Test func concurrentSavesLoseNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let nb = folder.file("n.ipynb")
        for round in 0..<6 {
            #expect(try runValuebench(["-c", "enterprise add Start", "--save", nb]).status == 0)
            let results = try [0, 1].map { k in
                try startValuebench(["-c", "open \(nb)", "-c", "enterprise add Side\(k)r\(round)", "-c", "save"])
            }.map { try $0.wait() }
            let text = try String(contentsOfFile: nb, encoding: .utf8)
            for (k, r) in results.enumerated() where r.stderr.contains("Saved") {
                #expect(
                    text.contains("Side\(k)r\(round)"), "round \(round): side \(k) said Saved but its command is gone")
            }
            #expect(results.contains { $0.stderr.contains("Saved") })
        }
    }
}

/// A run of `valuebench` started and not yet waited for (to run two at once).
struct StartedRun {
    let process: Process
    let scratch: TemporaryFolder

    func wait() throws -> RunResult {
        process.waitUntilExit()
        defer { scratch.remove() }
        return RunResult(
            status: process.terminationStatus,
            stdout: try String(contentsOfFile: scratch.file("out"), encoding: .utf8),
            stderr: try String(contentsOfFile: scratch.file("err"), encoding: .utf8))
    }
}

func startValuebench(_ arguments: [String]) throws -> StartedRun {
    let scratch = try TemporaryFolder()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try Binary.require())
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["HOME"] = scratch.path
    env["XDG_STATE_HOME"] = scratch.path + "/state"
    process.environment = env
    _ = FileManager.default.createFile(atPath: scratch.file("out"), contents: nil)
    _ = FileManager.default.createFile(atPath: scratch.file("err"), contents: nil)
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.file("out")))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.file("err")))
    try process.run()
    return StartedRun(process: process, scratch: scratch)
}

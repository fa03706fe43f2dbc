import Foundation
import Modeling
import Testing
import TestSupport
import ValueCore
import Workbench

/// Shared by the notebook tests: the golden folder, a registry, a recorded session, Python.
enum NotebookSupport {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let repository = Repository.root

    static let registry = Registry(plugins: [CorePlugin(), ModelingPlugin()])

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: golden.appendingPathComponent(name)))
    }

    /// Compares `bytes` with the golden file `name`; writes it when missing or when
    /// VALUEBENCH_UPDATE_GOLDEN=1 (then review and commit it).
    static func expectGolden(_ bytes: [UInt8], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let url = golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["VALUEBENCH_UPDATE_GOLDEN"] == "1" {
            try Data(bytes).write(to: url)
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            Issue.record(
                "Golden/\(name) is missing (VALUEBENCH_UPDATE_GOLDEN=1 writes it)", sourceLocation: sourceLocation)
            return
        }
        let stored = [UInt8](try Data(contentsOf: url))
        if stored != bytes {
            let at =
                (0..<min(stored.count, bytes.count)).first { stored[$0] != bytes[$0] } ?? min(stored.count, bytes.count)
            let excerpt = { (b: [UInt8]) in String(decoding: b[max(0, at - 40)..<min(b.count, at + 80)], as: UTF8.self)
            }
            Issue.record(
                """
                differs from Golden/\(name) at byte \(at) (VALUEBENCH_UPDATE_GOLDEN=1 rewrites \
                it):\ngolden: \(excerpt(stored))\nnow:    \(excerpt(bytes))
                """,
                sourceLocation: sourceLocation)
        }
    }

    /// A notebook recorded the way the driver records one: a code cell per model command,
    /// a markdown cell per note, and a snapshot.
    static func record(_ lines: [String]) throws -> (Notebook, Session) {
        var session = Session(registry: registry)
        var nb = Notebook()
        var count = 0
        for line in lines {
            switch session.execute(line) {
            case .nothing: continue
            case let .failure(e):
                count += 1
                nb.append(.code(line, error: e, executionCount: count))
            case let .success(output, spec, requests):
                for case let .note(text) in requests { nb.append(.markdown(text)) }
                guard spec.role == .model else { continue }
                count += 1
                nb.append(.code(line, output: output, executionCount: count))
            }
        }
        nb.stampKernel()
        nb.setWorkbench("snapshot", try Snapshot.make(session.workspace, for: nb))
        return (nb, session)
    }

    static let script = [
        "enterprise add CATL --industry \"batteries & storage\"",
        "note \"## CATL\nLines that *matter*: 宁德时代.\"",
        "enterprise add Tesla --industry cars",
        "enterprise add catl",
        "enterprise list",
        "undo",
        "redo",
        "use CATL",
        "enterprise list --json",
        "help",
    ]

    /// The venv's Python (set by `make test`), or nil.
    static var python: String? {
        guard let p = ProcessInfo.processInfo.environment["VALUEBENCH_PYTHON"], !p.isEmpty,
            FileManager.default.isExecutableFile(atPath: p)
        else { return nil }
        return p
    }

    /// Runs Python with `arguments`, feeding `input`; returns (status, stdout, stderr).
    static func runPython(_ arguments: [String], input: [UInt8] = []) throws -> (Int32, [UInt8], String) {
        guard let python else { return (-1, [], "VALUEBENCH_PYTHON is not set") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = arguments
        p.currentDirectoryURL = repository
        // Files rather than pipes for stdin and stderr: no threads needed to avoid a deadlock.
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("vb-py-\(UUID().uuidString)")
        try Data(input).write(to: tmp.appendingPathExtension("in"))
        FileManager.default.createFile(atPath: tmp.appendingPathExtension("err").path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: tmp.appendingPathExtension("in"))
            try? FileManager.default.removeItem(at: tmp.appendingPathExtension("err"))
        }
        let outPipe = Pipe()
        p.standardInput = try FileHandle(forReadingFrom: tmp.appendingPathExtension("in"))
        p.standardOutput = outPipe
        p.standardError = try FileHandle(forWritingTo: tmp.appendingPathExtension("err"))
        try p.run()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let errData = (try? Data(contentsOf: tmp.appendingPathExtension("err"))) ?? Data()
        return (p.terminationStatus, [UInt8](out), String(decoding: errData, as: UTF8.self))
    }
}

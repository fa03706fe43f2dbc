import Testing
import ValueCore
import Workbench

/// Checks every plugin's tests make of the lines they run, one set of rules for all: a line that
/// must succeed records an issue when it fails, and a line that must fail also checks the
/// workbench's promise for bad input — one line of error, and nothing changed (the workspace and
/// the undo history are as before).
extension Session {
    /// A session with `CorePlugin` and `plugins`, holding `workspace`, reading through `files`.
    public static func testing(
        _ plugins: [any WorkbenchPlugin], workspace: Workspace? = nil, files: any FileAccess = LocalFileAccess()
    ) -> Session {
        var s = Session(registry: Registry(plugins: [CorePlugin()] + plugins), files: files)
        if let workspace { s.load(workspace) }
        return s
    }

    /// Runs a line that must succeed; returns its output (empty, with an issue recorded, when it
    /// fails or does nothing).
    @discardableResult
    public mutating func ok(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> CommandOutput {
        switch execute(line) {
        case let .success(output, _, _): return output
        case let .failure(error):
            Issue.record("\(line) failed: \(error.code): \(error.message)", sourceLocation: sourceLocation)
        case .nothing:
            Issue.record("\(line) did nothing", sourceLocation: sourceLocation)
        }
        return .empty
    }

    /// Runs a line that must fail; checks that its error is one line and that the workspace and
    /// the undo depth are unchanged; returns the error.
    @discardableResult
    public mutating func fails(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> CommandError {
        let before = workspace
        let depth = undoDepth
        switch execute(line) {
        case let .failure(error):
            #expect(workspace == before, "\(line) changed the workspace", sourceLocation: sourceLocation)
            #expect(undoDepth == depth, "\(line) changed the undo history", sourceLocation: sourceLocation)
            #expect(
                !error.message.contains("\n"), "\(line): the error is more than one line",
                sourceLocation: sourceLocation)
            return error
        default:
            Issue.record("\(line) did not fail", sourceLocation: sourceLocation)
            return CommandError("None", "")
        }
    }

    /// Runs a line that must succeed; returns its data (`.null` when it has none).
    @discardableResult
    public mutating func data(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> JSON {
        ok(line, sourceLocation: sourceLocation).data ?? .null
    }

    /// Runs a line that must succeed; returns the text a person would see.
    public mutating func text(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        Renderer.plain(ok(line, sourceLocation: sourceLocation))
    }

    /// Runs `line --json`, which must succeed; returns the printed document parsed back, after
    /// checking that it is the line's data.
    public mutating func json(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> JSON {
        let out = ok(line + " --json", sourceLocation: sourceLocation)
        guard case let .text(t)? = out.blocks.first, let parsed = try? JSON.parse(t) else {
            Issue.record("\(line) --json printed no JSON", sourceLocation: sourceLocation)
            return .null
        }
        #expect(parsed == out.data, sourceLocation: sourceLocation)
        return parsed
    }
}

/// Files held in memory (path → text), for commands that read inputs; it refuses to write.
public struct MemoryFiles: FileAccess {
    /// The files, by the path a command names.
    public var files: [String: String]

    public init(files: [String: String] = [:]) { self.files = files }

    public func resolve(_ path: String) throws -> String { path }

    public func read(_ path: String) throws -> [UInt8] {
        guard let text = files[path] else { throw CommandError("NoFile", "cannot read \(path): No such file") }
        return Array(text.utf8)
    }

    public func open(_ path: String) throws -> any RandomAccessFile { throw CommandError("NoFile", "not here") }

    public func write(_ path: String, _ bytes: [UInt8]) throws { throw CommandError("NoFile", "read-only") }
}

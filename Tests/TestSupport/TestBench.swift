import Testing
import Workbench

/// A session with `CorePlugin` and the given plugins, reading local files: what a plugin's tests
/// use to run command lines and check each one's data, text or error.
public struct TestBench {
    public var session: Session

    public init(plugins: [any WorkbenchPlugin]) {
        session = Session(registry: Registry(plugins: [CorePlugin()] + plugins), files: LocalFileAccess())
    }

    /// Runs `line`; returns its data, or records a test failure.
    @discardableResult
    public mutating func data(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> JSON {
        switch session.execute(line) {
        case let .success(output, _, _):
            return output.data ?? .null
        case let .failure(e):
            Issue.record("\(line) failed: \(e.message)", sourceLocation: sourceLocation)
            return .null
        case .nothing:
            Issue.record("\(line) did nothing", sourceLocation: sourceLocation)
            return .null
        }
    }

    /// Runs `line`; returns the rendered text.
    public mutating func text(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        switch session.execute(line) {
        case let .success(output, _, _): return Renderer.plain(output)
        case let .failure(e):
            Issue.record("\(line) failed: \(e.message)", sourceLocation: sourceLocation)
            return ""
        case .nothing: return ""
        }
    }

    /// Runs a line that must fail; returns the error.
    public mutating func error(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> CommandError {
        switch session.execute(line) {
        case let .failure(e): return e
        default:
            Issue.record("\(line) should have failed", sourceLocation: sourceLocation)
            return CommandError("", "")
        }
    }
}

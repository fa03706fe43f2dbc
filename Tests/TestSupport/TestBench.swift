import Testing
import Workbench

/// A session with `CorePlugin` and the given plugins, reading local files: what a plugin's tests
/// use to run command lines and check each one's data, text or error (with the checks of
/// `Session.ok` and `Session.fails`).
public struct TestBench {
    public var session: Session

    public init(plugins: [any WorkbenchPlugin]) {
        session = .testing(plugins)
    }

    /// Runs a line that must succeed; returns its data (see `Session.data`).
    @discardableResult
    public mutating func data(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> JSON {
        session.data(line, sourceLocation: sourceLocation)
    }

    /// Runs a line that must succeed; returns the rendered text (see `Session.text`).
    public mutating func text(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        session.text(line, sourceLocation: sourceLocation)
    }

    /// Runs a line that must fail, change nothing and give a one-line error; returns the error
    /// (see `Session.fails`).
    @discardableResult
    public mutating func error(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> CommandError {
        session.fails(line, sourceLocation: sourceLocation)
    }
}

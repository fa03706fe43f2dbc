import Testing
import ValueCore
import Workbench
import Modeling

/// Sessions for the tests: empty, or holding the example workspace that the plugin's own
/// examples build (a CATL-like battery maker with BYD as competitor).
enum Fixture {
    static let registry = Registry(plugins: [CorePlugin(), ModelingPlugin()])

    /// Every example of the plugin, in declaration order.
    static var examples: [String] { ModelingPlugin().commands.flatMap(\.examples) }

    static func empty() -> Session { Session(registry: registry) }

    /// A session in which every example has run.
    static func examplesSession(sourceLocation: SourceLocation = #_sourceLocation) -> Session {
        var s = empty()
        for line in examples { s.ok(line, sourceLocation: sourceLocation) }
        return s
    }
}

extension Session {
    /// Runs a line that must succeed; returns its output.
    @discardableResult
    mutating func ok(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> CommandOutput {
        switch execute(line) {
        case let .success(output, _, _): return output
        case let .failure(error):
            Issue.record("\(line) failed: \(error.code): \(error.message)", sourceLocation: sourceLocation)
        case .nothing:
            Issue.record("\(line) did nothing", sourceLocation: sourceLocation)
        }
        return .empty
    }

    /// Runs a line that must fail and leave the workspace and the undo history as they were.
    @discardableResult
    mutating func fails(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> CommandError {
        let before = workspace
        let depth = undoDepth
        switch execute(line) {
        case let .failure(error):
            #expect(workspace == before, "\(line) changed the workspace", sourceLocation: sourceLocation)
            #expect(undoDepth == depth, sourceLocation: sourceLocation)
            #expect(!error.message.contains("\n"), "error is more than one line", sourceLocation: sourceLocation)
            return error
        default:
            Issue.record("\(line) did not fail", sourceLocation: sourceLocation)
            return CommandError("None", "")
        }
    }

    /// The text a person would see.
    mutating func text(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        Renderer.plain(ok(line, sourceLocation: sourceLocation))
    }

    /// The `--json` document of a line, parsed back.
    mutating func json(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> JSON {
        let out = ok(line + " --json", sourceLocation: sourceLocation)
        guard case let .text(t)? = out.blocks.first, let parsed = try? JSON.parse(t) else {
            Issue.record("\(line) --json printed no JSON", sourceLocation: sourceLocation)
            return .null
        }
        #expect(parsed == out.data, sourceLocation: sourceLocation)
        return parsed
    }

    var catl: Enterprise { workspace.enterprise(named: "CATL")! }
}

import Testing
import ValueCore
import Workbench
import Modeling
// Re-exported to every file of this target: TestSupport's `Session.ok`, `fails`, `text`, `json`, `close`…
@_exported import TestSupport

/// Sessions for the tests: empty, or holding the example workspace that the plugin's own
/// examples build (a CATL-like battery maker with BYD as competitor). Lines are run with
/// TestSupport's `ok`, `fails`, `text` and `json`.
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
    var catl: Enterprise { workspace.enterprise(named: "CATL")! }
}

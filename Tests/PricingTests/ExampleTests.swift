import Testing
import Workbench
import Modeling
import KPI
import Pricing

/// Every example of the pricing commands runs, in order, after the modeling examples, with
/// files read from the repository root (as the shared conformance test will run them).
@Suite struct ExampleTests {
    static var root: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }

    @Test func examplesRunAfterTheModelingExamples() {
        var s = Session(registry: Registry(plugins: [CorePlugin(), ModelingPlugin(), KPIPlugin(), PricingPlugin()]),
                        files: LocalFileAccess(base: Self.root))
        var failures: [String] = []
        for plugin in [ModelingPlugin(), PricingPlugin()] as [any WorkbenchPlugin] {
            for spec in plugin.commands where spec.role == .model {
                for example in spec.examples {
                    if case let .failure(e) = s.execute(example) { failures.append("\(example): \(e.message)") }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
        // Every command has an abstract, a discussion and examples.
        for spec in PricingPlugin().commands {
            #expect(!spec.abstract.isEmpty && !spec.discussion.isEmpty && !spec.examples.isEmpty, "\(spec.name)")
        }
    }
}

import Testing
import Workbench
import Differentiation
import Modeling

@Suite struct DifferentiationPluginTests {
    /// The plugin keeps `WorkbenchPlugin`'s promises: declarations, help, examples that run.
    @Test func conformsToWorkbenchPlugin() {
        checkConformance(DifferentiationPlugin(), after: [ModelingPlugin()])
    }

    @Test func declaresItsName() {
        let plugin = DifferentiationPlugin()
        #expect(plugin.name == "diff")
        #expect(!plugin.abstract.isEmpty)
    }
}

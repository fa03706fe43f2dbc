import Testing
import Workbench
import Modeling

@Suite struct ModelingPluginTests {
    /// The plugin keeps `WorkbenchPlugin`'s promises: declarations, help, examples that run.
    @Test func conformsToWorkbenchPlugin() {
        checkConformance(ModelingPlugin())
    }

    @Test func declaresItsName() {
        let plugin = ModelingPlugin()
        #expect(plugin.name == "model")
        #expect(!plugin.abstract.isEmpty)
    }
}

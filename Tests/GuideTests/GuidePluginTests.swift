import Testing
import Workbench
import Guide
import Modeling

@Suite struct GuidePluginTests {
    /// The plugin keeps `WorkbenchPlugin`'s promises: declarations, help, examples that run.
    @Test func conformsToWorkbenchPlugin() {
        checkConformance(GuidePlugin(), after: [ModelingPlugin()])
    }

    @Test func declaresItsName() {
        let plugin = GuidePlugin()
        #expect(plugin.name == "guide")
        #expect(!plugin.abstract.isEmpty)
    }
}

import Testing
import Workbench
import KPI
import Modeling

@Suite struct KPIPluginTests {
    /// The plugin keeps `WorkbenchPlugin`'s promises: declarations, help, examples that run.
    @Test func conformsToWorkbenchPlugin() {
        checkConformance(KPIPlugin(), after: [ModelingPlugin()])
    }

    @Test func declaresItsName() {
        let plugin = KPIPlugin()
        #expect(plugin.name == "kpi")
        #expect(!plugin.abstract.isEmpty)
    }
}

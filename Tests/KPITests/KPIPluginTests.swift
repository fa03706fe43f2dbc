import Testing
import Workbench
import KPI

@Suite struct KPIPluginTests {
    @Test func declaresItsName() {
        let plugin = KPIPlugin()
        #expect(plugin.name == "kpi")
        #expect(!plugin.abstract.isEmpty)
    }
}

import Testing
import Workbench
import Differentiation

@Suite struct DifferentiationPluginTests {
    @Test func declaresItsName() {
        let plugin = DifferentiationPlugin()
        #expect(plugin.name == "diff")
        #expect(!plugin.abstract.isEmpty)
    }
}

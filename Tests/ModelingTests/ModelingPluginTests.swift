import Testing
import Workbench
import Modeling

@Suite struct ModelingPluginTests {
    @Test func declaresItsName() {
        let plugin = ModelingPlugin()
        #expect(plugin.name == "model")
        #expect(!plugin.abstract.isEmpty)
    }
}

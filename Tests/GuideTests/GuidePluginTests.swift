import Testing
import Workbench
import Guide

@Suite struct GuidePluginTests {
    @Test func declaresItsName() {
        let plugin = GuidePlugin()
        #expect(plugin.name == "guide")
        #expect(!plugin.abstract.isEmpty)
    }
}

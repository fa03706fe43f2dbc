import Testing
import Modeling
import Pricing

@Suite struct PricingPluginTests {
    /// The plugin keeps `WorkbenchPlugin`'s promises: declarations, help, examples that run.
    @Test func conformsToWorkbenchPlugin() {
        checkConformance(PricingPlugin(), after: [ModelingPlugin()])
    }
}

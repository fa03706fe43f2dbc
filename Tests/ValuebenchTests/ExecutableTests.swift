import Testing
@testable import valuebench

@Suite struct ExecutableTests {
    @Test func everyPluginIsRegistered() {
        #expect(allPlugins.map(\.name) == ["session", "model", "guide", "kpi", "diff", "price"])
    }
}

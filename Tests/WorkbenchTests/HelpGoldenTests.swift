import Testing
import Workbench

/// `help` and every `help COMMAND`, as a user reads them, against Golden/help.txt. Help is
/// generated from the declarations, so this file shows in review what a declaration change does
/// to what users read. VALUEBENCH_UPDATE_GOLDEN=1 rewrites it.
@Suite struct HelpGoldenTests {
    @Test func helpTextMatchesTheGoldenFile() throws {
        let registry = Registry(plugins: allPlugins)
        var text = "$ help\n" + Renderer.plain(Help.overview(registry)) + "\n"
        for spec in registry.commands {
            text += "\n$ help \(spec.name)\n" + Renderer.plain(Help.command(spec)) + "\n"
        }
        try NotebookSupport.expectGolden(Array(text.utf8), "help.txt")
    }

    @Test func everyCommandHasAnExampleAndAnAbstract() {
        let registry = Registry(plugins: allPlugins)
        for spec in registry.commands where spec.name != "quit" {
            #expect(!spec.examples.isEmpty, "\(spec.name) has no example")
            #expect(!spec.abstract.isEmpty, "\(spec.name) has no abstract")
        }
    }
}

import Synchronization
import Testing
import Workbench
import Modeling
import TestSupport

/// What every plugin promises (see `WorkbenchPlugin`), checked for every registered plugin by
/// TestSupport's `checkConformance`, which each plugin's own tests also call. A new plugin gets
/// these checks by being in Package.swift's `plugins`.
@Suite struct PluginConformanceTests {
    @Test func pluginNamesAreUnique() {
        let names = allPlugins.map(\.name)
        #expect(Set(names).count == names.count, "\(names)")
    }

    /// Each plugin's declarations, help and examples; its examples run after the modeling
    /// plugin's, which build the example workspace.
    @Test(arguments: allPlugins.map(\.name))
    func conforms(plugin name: String) throws {
        let plugin = try #require(allPlugins.first { $0.name == name })
        let needsModelingExamples = !(plugin is ModelingPlugin || plugin is CorePlugin)
        checkConformance(plugin, after: needsModelingExamples ? [ModelingPlugin()] : [])
    }

    /// The check can fail: a plugin with a capitalised name, no abstracts and an example that
    /// fails breaks three promises, and each is recorded.
    @Test func theCheckFindsABrokenPlugin() {
        struct Broken: WorkbenchPlugin {
            var name: String { "Broken" }
            var abstract: String { "" }
            var commands: [CommandSpec] {
                [
                    CommandSpec("broken run", abstract: "", examples: ["broken run"]) { _ in
                        throw CommandError.badValue("broken run: always fails")
                    }
                ]
            }
        }
        let comments = Mutex<[String]>([])
        withKnownIssue {
            checkConformance(Broken())
        } matching: { issue in
            comments.withLock { $0.append(issue.comments.map(\.rawValue).joined()) }
            return true
        }
        let recorded = comments.withLock { $0 }
        #expect(recorded.contains("plugin name 'Broken'"))
        #expect(recorded.contains("plugin Broken has no abstract"))
        #expect(recorded.contains("broken run has no abstract"))
        #expect(recorded.contains("example broken run: broken run: always fails"))
    }
}

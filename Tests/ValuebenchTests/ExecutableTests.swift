import Foundation
import Testing
import TestSupport
@testable import valuebench

@Suite struct ExecutableTests {
    /// The names in Package.swift's `plugins` (the one list a new plugin is added to), read from
    /// the file itself so that no test writes the list again.
    static func declaredPlugins() throws -> [String] {
        let manifest = try String(contentsOfFile: Repository.path("Package.swift"), encoding: .utf8)
        let line = try #require(
            manifest.split(separator: "\n").first { $0.hasPrefix("let plugins = [") }, "no `let plugins = [` line")
        return line.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// The executable's generated `allPlugins` is the core plugin and then every plugin of
    /// Package.swift, in its order (the order `help` lists them).
    @Test func everyPluginIsRegistered() throws {
        let declared = try Self.declaredPlugins()
        #expect(declared.count >= 5)
        #expect(allPlugins.map { String(describing: type(of: $0)) } == ["CorePlugin"] + declared.map { $0 + "Plugin" })
    }
}

import Testing
import ValueCore
import Workbench
import Modeling
import KPI
import Differentiation
import Guide
import Foundation
import TestSupport

/// What every plugin promises (see `WorkbenchPlugin`): each command declares an abstract, its
/// `--help` parses and renders, and its examples run, in order, on the workspace the examples
/// before them built. A new plugin gets these checks by being in `plugins`.
@Suite struct PluginConformanceTests {
    static let plugins: [any WorkbenchPlugin] = allPlugins
    static let registry = Registry(plugins: plugins)
    static var commandNames: [String] { registry.commands.map(\.name) }

    @Test func pluginNamesAreUniqueLowerCaseWords() {
        let names = Self.plugins.map(\.name)
        #expect(Set(names).count == names.count)
        for n in names { #expect(!n.isEmpty && n == n.lowercased() && !n.contains(" "), "plugin name '\(n)'") }
        for p in Self.plugins { #expect(!p.abstract.isEmpty, "plugin \(p.name) has no abstract") }
    }

    @Test(arguments: commandNames)
    func declaration(command: String) throws {
        let spec = try #require(Self.registry.command(command))
        #expect(!spec.abstract.isEmpty, "\(command) has no abstract")
        #expect(!spec.abstract.contains("\n"), "\(command): the abstract is one line")
        #expect(!spec.examples.isEmpty || spec.name == "quit", "\(command) has no example")
        let names = spec.arguments.map(\.name) + spec.allOptions.map(\.name)
        #expect(Set(spec.allOptions.map(\.name)).count == spec.allOptions.count, "\(command) declares an option twice")
        #expect(Set(spec.arguments.map(\.name)).count == spec.arguments.count, "\(command) declares an argument twice")
        #expect(!names.contains(""), "\(command) has an unnamed argument or option")
        // Every example is this command (its words come first).
        for example in spec.examples {
            let tokens = try Tokenizer.tokenize(example)
            let (matched, _) = try Self.registry.match(tokens)
            #expect(matched.name == spec.name, "example '\(example)' runs \(matched.name)")
        }
    }

    @Test(arguments: commandNames)
    func helpParsesAndRenders(command: String) throws {
        let spec = try #require(Self.registry.command(command))
        var s = Session(registry: Self.registry)
        guard case let .success(output, matched, _) = s.execute(command + " --help") else {
            Issue.record("\(command) --help failed"); return
        }
        #expect(matched.name == spec.name)
        let text = Renderer.plain(output)
        // The usage line may be wrapped at 80 columns; unwrapped, it is the declaration's.
        let usage = text.split(separator: "\n\n").first.map {
            $0.split(separator: "\n").map { $0.drop { $0 == " " } }.joined(separator: " ")
        }
        #expect(usage == "usage: \(spec.usage)")
        #expect(text.contains(spec.abstract))
        for o in spec.options { #expect(text.contains("--\(o.name)"), "\(command) help lacks --\(o.name)") }
        for e in spec.examples { #expect(text.contains(e), "\(command) help lacks its example") }
        #expect(s.workspace == Workspace())
    }

    /// The modeling plugin's examples, in order, build the example workspace without error.
    @Test func modelingExamplesRunInOrder() {
        var s = Self.session()
        let failures = Self.run(ModelingPlugin(), in: &s)
        #expect(failures.isEmpty, "\(failures)")
        #expect(s.workspace.count > 0)
    }

    /// Every plugin's examples, file-based ones included, run in order after the modeling
    /// examples have built the example workspace. Files named by an example are read from the
    /// repository (examples name files such as notebooks/data/…); anything an example writes
    /// lands in a temporary folder. Session commands (save, open, replay, quit …) are skipped.
    @Test(arguments: plugins.filter { $0.name != ModelingPlugin().name }.map(\.name))
    func examplesRunAfterTheModelingExamples(plugin name: String) throws {
        let plugin = try #require(Self.plugins.first { $0.name == name })
        var s = Self.session()
        _ = Self.run(ModelingPlugin(), in: &s)
        let failures = Self.run(plugin, in: &s)
        #expect(failures.isEmpty, "\(failures)")
    }

    /// A session whose reads resolve at the repository root and whose writes go to a fresh
    /// temporary folder.
    static func session() -> Session {
        Session(registry: registry, files: ExampleFiles(root: NotebookSupport.repository.path))
    }

    /// Files for the examples: reads from the repository, writes into a sandbox that is not the
    /// repository, so an example that writes cannot change the working tree.
    struct ExampleFiles: FileAccess {
        let reads: LocalFileAccess
        let writes: LocalFileAccess
        init(root: String) {
            reads = LocalFileAccess(base: root, allowWrites: false)
            let sandbox = try! TemporaryFolder("examples").path
            writes = LocalFileAccess(base: sandbox, jail: sandbox)
        }
        func resolve(_ path: String) throws -> String { try reads.resolve(path) }
        func read(_ path: String) throws -> [UInt8] { try reads.read(path) }
        func open(_ path: String) throws -> any RandomAccessFile { try reads.open(path) }
        func write(_ path: String, _ bytes: [UInt8]) throws { try writes.write(path, bytes) }
    }

    /// Runs every model-role example of `plugin`; returns the lines that failed, with why.
    static func run(_ plugin: any WorkbenchPlugin, in s: inout Session) -> [String] {
        var failures: [String] = []
        for spec in plugin.commands where spec.role == .model {
            for example in spec.examples {
                if case let .failure(e) = s.execute(example) { failures.append("\(example): \(e.message)") }
            }
        }
        return failures
    }
}

import Testing
import ValueCore
import Workbench

/// Checks `plugin` against `WorkbenchPlugin`'s requirements, recording a test issue for each one
/// it breaks: its name is one lower-case word and it has an abstract; each command has a one-line
/// abstract, an example (`quit` excepted), no argument or option declared twice or unnamed, and
/// examples that run that very command; `--help` renders the usage, abstract, options and examples
/// and changes nothing; and the examples run in order, after those of `base` (the plugins whose
/// examples build the workspace this one's need: `ModelingPlugin()` for every plugin but itself).
///
/// A plugin's own test target calls it (`checkConformance(KPIPlugin(), after: [ModelingPlugin()])`),
/// and WorkbenchTests calls it for every registered plugin.
public func checkConformance(
    _ plugin: any WorkbenchPlugin, after base: [any WorkbenchPlugin] = [],
    sourceLocation: SourceLocation = #_sourceLocation
) {
    func fail(_ message: String) { Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation) }
    let name = plugin.name
    if name.isEmpty || name != name.lowercased() || name.contains(" ") { fail("plugin name '\(name)'") }
    if plugin.abstract.isEmpty { fail("plugin \(name) has no abstract") }
    let core: [any WorkbenchPlugin] = plugin is CorePlugin ? [] : [CorePlugin()]
    let registry = Registry(plugins: core + base + [plugin])
    for spec in plugin.commands {
        checkDeclaration(spec, in: registry, fail)
        checkHelp(spec, in: registry, fail)
    }
    var s = Session(registry: registry, files: ExampleFiles(root: Repository.root.path))
    for p in base + [plugin] {
        for failure in runExamples(of: p, in: &s) { fail("example \(failure)") }
    }
}

private func checkDeclaration(_ spec: CommandSpec, in registry: Registry, _ fail: (String) -> Void) {
    let command = spec.name
    if spec.abstract.isEmpty { fail("\(command) has no abstract") }
    if spec.abstract.contains("\n") { fail("\(command): the abstract is more than one line") }
    if spec.examples.isEmpty && command != "quit" { fail("\(command) has no example") }
    let options = spec.allOptions.map(\.name), arguments = spec.arguments.map(\.name)
    if Set(options).count != options.count { fail("\(command) declares an option twice") }
    if Set(arguments).count != arguments.count { fail("\(command) declares an argument twice") }
    if (options + arguments).contains("") { fail("\(command) has an unnamed argument or option") }
    for example in spec.examples {
        do {
            let (matched, _) = try registry.match(try Tokenizer.tokenize(example))
            if matched.name != command { fail("example '\(example)' runs \(matched.name), not \(command)") }
        } catch {
            fail("example '\(example)' does not parse: \(error)")
        }
    }
}

private func checkHelp(_ spec: CommandSpec, in registry: Registry, _ fail: (String) -> Void) {
    let command = spec.name
    var s = Session(registry: registry)
    guard case let .success(output, matched, _) = s.execute(command + " --help") else {
        return fail("\(command) --help failed")
    }
    if matched.name != command { fail("\(command) --help ran \(matched.name)") }
    let text = Renderer.plain(output)
    // The usage line may be wrapped at 80 columns; unwrapped, it is the declaration's.
    let usage = text.split(separator: "\n\n").first.map {
        $0.split(separator: "\n").map { $0.drop { $0 == " " } }.joined(separator: " ")
    }
    if usage != "usage: \(spec.usage)" { fail("\(command) --help shows '\(usage ?? "")', not its usage") }
    if !text.contains(spec.abstract) { fail("\(command) help lacks its abstract") }
    for o in spec.options where !text.contains("--\(o.name)") { fail("\(command) help lacks --\(o.name)") }
    for e in spec.examples where !text.contains(e) { fail("\(command) help lacks its example '\(e)'") }
    if s.workspace != Workspace() { fail("\(command) --help changed the workspace") }
}

/// Runs every model-role example of `plugin` in `s`, in order; returns those that failed, with why.
public func runExamples(of plugin: any WorkbenchPlugin, in s: inout Session) -> [String] {
    var failures: [String] = []
    for spec in plugin.commands where spec.role == .model {
        for example in spec.examples {
            if case let .failure(e) = s.execute(example) { failures.append("\(example): \(e.message)") }
        }
    }
    return failures
}

/// Files for the examples: read from the repository (examples name files such as
/// `notebooks/data/…`), written into a temporary sandbox, so that an example that writes cannot
/// change the working tree.
public struct ExampleFiles: FileAccess {
    let reads: LocalFileAccess
    let writes: LocalFileAccess

    public init(root: String) {
        reads = LocalFileAccess(base: root, allowWrites: false)
        guard let sandbox = try? TemporaryFolder("examples").path else { fatalError("no temporary folder") }
        writes = LocalFileAccess(base: sandbox, jail: sandbox)
    }
    public func resolve(_ path: String) throws -> String { try reads.resolve(path) }
    public func read(_ path: String) throws -> [UInt8] { try reads.read(path) }
    public func open(_ path: String) throws -> any RandomAccessFile { try reads.open(path) }
    public func write(_ path: String, _ bytes: [UInt8]) throws { try writes.write(path, bytes) }
}

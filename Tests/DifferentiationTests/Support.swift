import Testing
import ValueCore
import Workbench
@testable import Differentiation

/// Files held in memory, for commands that read inputs.
struct MemoryFiles: FileAccess {
    var files: [String: String]
    func resolve(_ path: String) throws -> String { path }
    func read(_ path: String) throws -> [UInt8] {
        guard let text = files[path] else { throw CommandError("NoFile", "cannot read \(path): No such file") }
        return Array(text.utf8)
    }
    func open(_ path: String) throws -> any RandomAccessFile { throw CommandError("NoFile", "not here") }
    func write(_ path: String, _ bytes: [UInt8]) throws { throw CommandError("NoFile", "read-only") }
}

/// A session with the differentiation plugin on a given workspace.
func session(_ workspace: Workspace = Workspace(), files: [String: String] = [:]) -> Session {
    var s = Session(registry: Registry(plugins: [DifferentiationPlugin()]), files: MemoryFiles(files: files))
    s.load(workspace)
    return s
}

/// Runs `line`, expecting success; returns its data.
@discardableResult
func run(_ s: inout Session, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> (
    output: CommandOutput, data: JSON
) {
    switch s.execute(line) {
    case let .success(output, _, _):
        return (output, output.data ?? .null)
    case let .failure(e):
        Issue.record("\(line) failed: \(e.message)", sourceLocation: sourceLocation)
    case .nothing:
        Issue.record("\(line) did nothing", sourceLocation: sourceLocation)
    }
    return (CommandOutput(), .null)
}

/// Runs `line`, expecting failure; returns the error.
func fail(_ s: inout Session, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> CommandError {
    if case let .failure(e) = s.execute(line) { return e }
    Issue.record("\(line) should have failed", sourceLocation: sourceLocation)
    return CommandError("", "")
}

/// An enterprise with factor scores (factor, score, importance).
func firm(
    _ name: String, industry: String? = "batteries", price: Double? = nil,
    _ scores: [(String, Double, Int?)] = [], competitors: [String] = []
) -> Enterprise {
    var e = Enterprise(name: name, industry: industry)
    e.price = price
    e.factors = scores.map { FactorScore(factor: $0.0, score: $0.1, importance: $0.2) }
    e.competitors = competitors
    return e
}

func workspace(_ list: [Enterprise]) -> Workspace { Workspace(enterprises: list, current: list.first?.name) }

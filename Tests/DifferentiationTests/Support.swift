import Testing
import ValueCore
import Workbench
@testable import Differentiation
// Re-exported to every file of this target: TestSupport's `Session.ok`, `fails`, `text`, `json`, `close`…
@_exported import TestSupport

/// A session with the differentiation plugin on a given workspace, its files held in memory.
func session(_ workspace: Workspace = Workspace(), files: [String: String] = [:]) -> Session {
    .testing([DifferentiationPlugin()], workspace: workspace, files: MemoryFiles(files: files))
}

/// Runs a line that must succeed (TestSupport's `Session.ok`); returns its output and data.
@discardableResult
func run(_ s: inout Session, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> (
    output: CommandOutput, data: JSON
) {
    let output = s.ok(line, sourceLocation: sourceLocation)
    return (output, output.data ?? .null)
}

/// Runs a line that must fail, change nothing and give a one-line error (TestSupport's
/// `Session.fails`); returns the error.
@discardableResult
func fail(_ s: inout Session, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> CommandError {
    s.fails(line, sourceLocation: sourceLocation)
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

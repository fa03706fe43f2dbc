import Testing
#if canImport(Glibc)
import Glibc
#endif
import Workbench
import KPI
import ValueCore

/// Paths of fixtures, computed from this file's place in the repository.
enum Paths {
    /// The package root (…/Tests/KPITests/Support.swift → …).
    static var root: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }
    static var fixtures: String { root + "/Tests/KPITests/Fixtures" }
    /// `shared/` beside the project (`<root>/../shared`; from a worktree one level further up).
    static var shared: String {
        var base = root
        for _ in 0..<3 {
            base += "/.."
            if access(base + "/shared/fixtures/external", F_OK) == 0 { return base + "/shared" }
        }
        return root + "/../shared"
    }
    /// The real exports beside the project: `<root>/../shared/fixtures/external`.
    static var external: String { shared + "/fixtures/external" }
    static var generator: String { shared + "/bench/gen_survey.py" }
    static func fixture(_ name: String) -> String { fixtures + "/" + name }
    static func external(_ name: String) -> String { external + "/" + name }
}

/// A session with the plugins the KPI commands need, reading local files.
struct Bench {
    var session = Session(registry: Registry(plugins: [CorePlugin(), KPIPlugin()]), files: LocalFileAccess())

    /// Runs `line`; returns its data, or records a test failure.
    @discardableResult
    mutating func data(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> JSON {
        switch session.execute(line) {
        case let .success(output, _, _):
            return output.data ?? .null
        case let .failure(e):
            Issue.record("\(line) failed: \(e.message)", sourceLocation: sourceLocation)
            return .null
        case .nothing:
            Issue.record("\(line) did nothing", sourceLocation: sourceLocation)
            return .null
        }
    }

    /// Runs `line`; returns the rendered text.
    mutating func text(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        switch session.execute(line) {
        case let .success(output, _, _): return Renderer.plain(output)
        case let .failure(e):
            Issue.record("\(line) failed: \(e.message)", sourceLocation: sourceLocation)
            return ""
        case .nothing: return ""
        }
    }

    /// Runs a line that must fail; returns the error.
    mutating func error(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> CommandError {
        switch session.execute(line) {
        case let .failure(e): return e
        default:
            Issue.record("\(line) should have failed", sourceLocation: sourceLocation)
            return CommandError("", "")
        }
    }
}

func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}

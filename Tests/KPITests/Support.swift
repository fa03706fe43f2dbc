import Testing
#if canImport(Glibc)
    import Glibc
#endif
import Workbench
import KPI
import ValueCore
// Re-exported to every file of this target: TestSupport's `Session.ok`, `fails`, `text`, `json`, `close`…
@_exported import TestSupport

/// Paths of fixtures, computed from this file's place in the repository.
enum Paths {
    /// The package root.
    static var root: String { Repository.root.path }
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

/// The KPI tests' bench: `TestBench` with the KPI plugin.
typealias Bench = TestBench

extension TestBench {
    init() { self.init(plugins: [KPIPlugin()]) }
}

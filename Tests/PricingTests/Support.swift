import Testing
#if canImport(Glibc)
    import Glibc
#endif
import Workbench
import KPI
import Modeling
import Pricing
import ValueCore
// Re-exported to every file of this target: TestSupport's `Session.ok`, `fails`, `text`, `json`, `close`…
@_exported import TestSupport

/// Survey files written by the tests: the data stays in Swift, the files in a temporary folder.
enum Files {
    static let folder: String = {
        guard let folder = try? TemporaryFolder("pricing") else { fatalError("cannot create a temporary folder") }
        return folder.path
    }()

    /// Writes `text` to a file named `name` in the folder; returns its path.
    static func write(_ name: String, _ text: String) -> String {
        let path = folder + "/" + name
        let f = fopen(path, "w")!
        _ = text.utf8CString.withUnsafeBufferPointer { fputs($0.baseAddress!, f) }
        fclose(f)
        return path
    }
}

/// The pricing tests' bench: `TestBench` with the modeling, KPI and pricing plugins.
typealias Bench = TestBench

extension TestBench {
    init() { self.init(plugins: [ModelingPlugin(), KPIPlugin(), PricingPlugin()]) }

    /// The message of a line that must fail.
    mutating func errorMessage(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        error(line, sourceLocation: sourceLocation).message
    }
}

extension JSON {
    var doubles: [Double?] { arrayValue?.map(\.doubleValue) ?? [] }
}

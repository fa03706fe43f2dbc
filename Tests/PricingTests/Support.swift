import Testing
#if canImport(Glibc)
import Glibc
#endif
import Workbench
import KPI
import Modeling
import Pricing
import ValueCore

/// Survey files written by the tests: the data stays in Swift, the files in a temporary folder.
enum Files {
    static let folder: String = {
        let path = "/tmp/pricing-tests-\(getpid())"
        mkdir(path, 0o755)
        return path
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

/// A session with the modeling, KPI and pricing plugins, reading local files.
struct Bench {
    var session = Session(registry: Registry(plugins: [CorePlugin(), ModelingPlugin(), KPIPlugin(), PricingPlugin()]),
                          files: LocalFileAccess())

    @discardableResult
    mutating func data(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> JSON {
        switch session.execute(line) {
        case let .success(output, _, _): return output.data ?? .null
        case let .failure(e):
            Issue.record("\(line) failed: \(e.message)", sourceLocation: sourceLocation)
            return .null
        case .nothing: return .null
        }
    }

    mutating func text(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        switch session.execute(line) {
        case let .success(output, _, _): return Renderer.plain(output)
        case let .failure(e):
            Issue.record("\(line) failed: \(e.message)", sourceLocation: sourceLocation)
            return ""
        case .nothing: return ""
        }
    }

    mutating func error(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        switch session.execute(line) {
        case let .failure(e): return e.message
        default:
            Issue.record("\(line) should have failed", sourceLocation: sourceLocation)
            return ""
        }
    }
}

func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}

extension JSON {
    var doubles: [Double?] { arrayValue?.map(\.doubleValue) ?? [] }
}

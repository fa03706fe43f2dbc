import Foundation
import Testing
import TestSupport

/// The docs name files a newcomer opens (CONTRIBUTING's five changes, PERFORMANCE's tricks): every
/// path they give in backticks exists, so that a move or a rename updates them. A path with a
/// `<placeholder>` (`Plugins/<Name>`, `<Thing>Commands.swift`) stands for a file to create, and one
/// with `*` for a pattern.
@Suite struct DocumentationTests {
    static let documents = ["README.md", "CONTRIBUTING.md", "PERFORMANCE.md"]
    static let roots = [
        "Sources/", "Plugins/", "Tests/", "Benchmarks/", "Fuzz/", "scripts/", "notebooks/", "BuildTools/",
    ]

    /// The backticked paths of `text` under the package's folders.
    static func paths(in text: String) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
            .filter { path in
                roots.contains { path.hasPrefix($0) } && !path.contains("<") && !path.contains("*")
                    && !path.contains(" ")
            }
    }

    @Test(arguments: documents)
    func everyPathNamedExists(document: String) throws {
        let text = try String(contentsOfFile: Repository.path(document), encoding: .utf8)
        let named = Self.paths(in: text)
        #expect(named.count > 5 || document == "README.md", "\(document) names few paths: \(named)")
        for path in named {
            #expect(FileManager.default.fileExists(atPath: Repository.path(path)), "\(document) names \(path)")
        }
    }

    @Test func thePathsAreFoundAndPlaceholdersSkipped() {
        let text = "see `Plugins/KPI/UnitEconomics.swift` and `Plugins/<Name>`, not `kpi nps` or `Nowhere/x`"
        #expect(Self.paths(in: text) == ["Plugins/KPI/UnitEconomics.swift"])
    }
}

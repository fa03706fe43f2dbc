import Testing
import ValueCore
import Workbench
@testable import Differentiation

/// The typed results: each one's text, tables and JSON come from the same figures.
@Suite struct ResultTests {
    /// A worked ERRC case: X is hardly cared about yet offered (eliminate), Y matters and trails
    /// (raise), Z is wanted and offered by no one (create); the grid, the table and the JSON
    /// lists name the same subjects.
    @Test func errcGridTableAndJSONAgree() {
        let a = firm("A", [("X", 5, 1), ("Y", 3, 5), ("Z", 0, 5)], competitors: ["B"])
        let b = firm("B", [("X", 5, nil), ("Y", 7, nil), ("Z", 1, nil)])
        let r = ERRCResult(a, competitors: [b], priceFactors: [])
        func row(_ l: String, _ r: String) -> String {
            var line = Format.pad(l, 38) + "│ " + r
            while line.hasSuffix(" ") { line.removeLast() }
            return line + "\n"
        }
        let rule = String(repeating: "─", count: 38) + "┼" + String(repeating: "─", count: 38) + "\n"
        #expect(
            r.grid == row("ELIMINATE", "RAISE") + row("  X", "  Y") + rule + row("REDUCE", "CREATE") + row("  —", "  Z")
        )
        #expect(r.table.rows.map { $0[0] } == ["eliminate", "raise", "create"])
        #expect(
            r.json.objectValue?.map(\.0) == [
                "enterprise", "competitors", "eliminate", "reduce", "raise", "create", "keep", "actions",
            ])
        #expect(r.json["eliminate"] == ["X"] && r.json["raise"] == ["Y"] && r.json["create"] == ["Z"])
        #expect(r.sentence == "Four actions for A against 1 competitor (named competitors): B")
    }

    /// The canvas tables show the JSON's figures, rounded, and the notes name unscored factors.
    @Test func canvasTablesShowTheJSONFigures() throws {
        let list = [firm("A", [("Price", 8, nil), ("Range", 2, nil)]), firm("B", [("Price", 4, nil)])]
        let r = CanvasResult(canvas: Canvas(list, factors: ["Price", "Range"]), priceFactors: [NameKey("Price")])
        #expect(r.scores.headers == ["factor", "1 A", "2 B"])
        #expect(r.scores.rows == [["Price (price)", "8", "4"], ["Range", "2", "0"]])
        let curves = try #require(r.json["curves"]?.arrayValue)
        #expect(curves.map { $0["overall_divergence"]?.doubleValue } == [3, 3])
        #expect(
            r.divergence.rows == [["A", "3.00", "Price +4.0, Range +2.0"], ["B", "3.00", "Price -4.0, Range -2.0"]])
        #expect(r.notes == ["B does not score Range: counted as 0"])
        #expect(r.sentence?.hasPrefix("A diverges most (3.00 points on average)") == true)
    }

    /// An empty VRIO or utility result is a confirmation (a hint), with the JSON's empty lists.
    @Test func emptyResultsAreHints() {
        var e = firm("A")
        let vrio = VRIOResult(e).output()
        #expect(vrio.isConfirmation && vrio.data?["resources"] == [])
        #expect(vrio.blocks == [.text(VRIOResult(e).sentence)] && VRIOResult(e).sentence.contains("resource add"))
        let utility = UtilityResult(e).output()
        #expect(utility.isConfirmation && utility.data?["needs"] == [] && utility.blocks.count == 1)
        e.resources = [
            Resource(
                name: "Patents", strength: 8, valuable: true, rare: true, costlyToImitate: true,
                organized: true)
        ]
        let full = VRIOResult(e)
        #expect(!full.output().isConfirmation && full.table.rows[0].last == "sustained advantage")
        #expect(full.sentence == "Sustained advantage from: Patents.")
    }

    /// The import sentence names the first 12 factors; the JSON has every one.
    @Test(arguments: [(3, "(f1, f2, f3)."), (12, "f12)."), (14, "f12 … and 2 more).")])
    func importNamesAtMostTwelveFactors(count: Int, ending: String) {
        let factors = (1...count).map { "f\($0)" }
        let r = ImportResult(imported: 2, factors: factors)
        #expect(r.sentence.hasPrefix("Imported 2 enterprises with \(count) factors (f1, "))
        #expect(r.sentence.hasSuffix(ending), "\(r.sentence)")
        #expect(r.json["factors"]?.arrayValue?.count == count && r.output().isConfirmation)
    }

    /// Nearest: the JSON's columns hold enterprise i's neighbours at i·k … i·k + k − 1, the
    /// distances on the 0–10 scale; with `--json` no table is built.
    @Test func nearestColumns() throws {
        // On a line at 0, 3 and 4 (scale 1): nearest of each, then the second nearest.
        let search = try NearestSearch.allNearest(points: [0, 3, 4], dimensions: 1, k: 2)
        let r = NearestResult(
            names: ["A", "B", "C"], search: search, factors: ["f"], industry: nil, scale: 1, elapsedMs: nil)
        let json = try r.json()
        #expect(json["neighbors"] == ["B", "C", "C", "A", "B", "A"])
        #expect(json["distances"]?.arrayValue?.map(\.doubleValue) == [3, 4, 1, 3, 1, 4])
        #expect(json["sum_nearest_distance"]?.doubleValue == 5 && json["elapsed_ms"] == nil)
        #expect(try r.output(notes: [], forPeople: false).blocks.isEmpty)
        #expect(r.table.rows.map { $0[0] } == ["B", "C", "A"])
        #expect(r.sentence.contains("mean distance to the nearest competitor 1.67"))
    }
}

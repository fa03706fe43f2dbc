import Testing
import Workbench

/// Tables and text fitted to a terminal's width (60, 80 and 120 columns), with CJK and long
/// names: no line longer than the terminal, no wide character split, figures never shortened.
@Suite struct TableFitTests {
    static let table = Table(
        headers: ["enterprise", "industry", "divergence", "largest differences"],
        rows: [
            [
                "Dennis Department Store (丹尼斯)", "department stores and supermarkets in Henan", "4.50",
                "Price +5.0, Service and after-sales care +4.0",
            ],
            ["胖东来", "超市与百货商店，许昌与新乡", "4.50", "Price -5.0, Service and after-sales care -4.0"],
            ["Yonghui Superstores Company Limited", "supermarkets", "12345.25", "—"],
        ],
        alignments: [.left, .left, .right, .left])

    static func lines(_ text: String) -> [Substring] { text.split(separator: "\n") }

    @Test(arguments: [60, 80, 120])
    func aTableFitsTheWidth(width: Int) {
        let text = Renderer(width: width).render(CommandOutput(blocks: [.table(Self.table)]))
        for line in Self.lines(text) {
            #expect(Format.displayWidth(String(line)) <= width, "\(line)")
            #expect(!line.contains("\u{FFFD}"))
        }
        // Figures are whole.
        #expect(text.contains("12345.25"))
        #expect(text.contains("4.50"))
        // Shortened with "…" where every text keeps at least half of itself, else as records.
        #expect(width < 150 ? (text.contains("…") || text.hasPrefix("─[ 1 ]")) : !text.contains("…"))
        #expect(text.hasPrefix("─[ 1 ]") == (width < 100), "\(text)")
    }

    /// A text cut to less than half of itself (a verdict shown as "gives m…") turns the table
    /// into records, where it is whole.
    @Test func aTextCutBelowHalfTurnsIntoRecords() {
        let t = Table(
            headers: ["enterprise", "verdict"],
            rows: [["Volt Cells", "gives more value than its price asks"]], alignments: [.left, .left])
        let text = Renderer(width: 26).render(CommandOutput(blocks: [.table(t)]))
        #expect(text.hasPrefix("─[ 1 ]") && text.contains("gives more") && text.contains("price asks"), "\(text)")
        #expect(
            Renderer(width: 40).render(CommandOutput(blocks: [.table(t)])).contains(
                "Volt Cells  gives more value than its p…"))
    }

    @Test func pipesKeepFullValues() {
        let text = Renderer().render(CommandOutput(blocks: [.table(Self.table)]))
        #expect(text.contains("Dennis Department Store (丹尼斯)"))
        #expect(text.contains("Price +5.0, Service and after-sales care +4.0"))
    }

    @Test func aTableTooWideEvenShortenedBecomesRecords() {
        let wide = Table(
            headers: ["a", "b", "c", "d", "e", "f"],
            rows: [["1234567890", "2234567890", "3234567890", "4234567890", "5234567890", "6234567890"]],
            alignments: Array(repeating: .right, count: 6))
        let text = Renderer(width: 40).render(CommandOutput(blocks: [.table(wide)]))
        #expect(text.hasPrefix("─[ 1 ]"))
        #expect(text.contains("\na │ 1234567890\n"))
        #expect(Self.lines(text).allSatisfy { Format.displayWidth(String($0)) <= 40 })
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        #expect(Format.truncate("胖东来超市", 6) == "胖东…")
        #expect(Format.truncate("胖东来超市", 5) == "胖东…")
        #expect(Format.truncate("abc", 3) == "abc")
        #expect(Format.displayWidth(Format.truncate("Dennis (丹尼斯)", 9)) <= 9)
    }

    @Test(arguments: [60, 80, 120])
    func helpTextWrapsToTheWidth(width: Int) {
        let registry = Registry(plugins: allPlugins)
        let renderer = Renderer(width: width)
        var longest = 0
        for spec in registry.commands {
            let text = renderer.render(Help.command(spec))
            for line in Self.lines(text) { longest = max(longest, Format.displayWidth(String(line))) }
        }
        let overview = renderer.render(Help.overview(registry))
        for line in Self.lines(overview) { longest = max(longest, Format.displayWidth(String(line))) }
        #expect(longest <= width)
    }

    @Test func wrappedOptionLinesHangUnderTheirHelp() {
        let text = Renderer.wrapLines(
            "  --csat-scale 5|7|10  points on the CSAT scale (default 5) and more words here", limit: 50)
        let indent = String(repeating: " ", count: 23)
        #expect(
            text
                == "  --csat-scale 5|7|10  points on the CSAT scale\n\(indent)(default 5) and more words\n\(indent)here"
        )
    }
}

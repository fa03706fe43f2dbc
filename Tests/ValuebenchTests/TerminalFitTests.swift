import Foundation
import Testing
import Workbench

/// Tables and help in a real terminal (tmux) at 60, 80 and 120 columns, with CJK and long
/// names: no output line longer than the terminal.
@Suite(.serialized) struct TerminalFitTests {
    static let lines = [
        "enterprise add \"Dennis Department Store (丹尼斯)\" --industry \"department stores and supermarkets in Henan\"",
        "enterprise add 胖东来 --industry \"supermarkets and department stores in Xuchang\"",
        "factor set 胖东来 \"Service and after-sales care\" 10",
        "factor set \"Dennis Department Store (丹尼斯)\" \"Service and after-sales care\" 6",
        "enterprise list",
        "factor list",
        "help kpi survey",
        "help",
    ]

    @Test(.enabled(if: TmuxTerminal.available), arguments: [60, 80, 120])
    func outputFitsTheTerminal(width: Int) throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let t = try TmuxTerminal(home: home.path, width: width, height: 50)
        try t.waitFor("valuebench> ")
        for (n, line) in Self.lines.enumerated() {
            try t.type(line)
            try t.press("Enter")
            // The next prompt: the line's output is all there before the next is typed.
            try t.waitFor("prompt \(n + 2)") {
                $0.split(separator: "\n").filter { $0.hasPrefix("valuebench") }.count >= n + 2
            }
        }
        try t.type("note done")
        try t.press("Enter")
        let screen = try t.waitFor("Type `help COMMAND`")
        // Typed lines wrap as the terminal pleases (and are joined by the capture): only output counts.
        let output = screen.split(separator: "\n").filter { !$0.hasPrefix("valuebench") }
        for line in output {
            #expect(Format.displayWidth(String(line)) <= width, "\(width) columns: \(line)")
        }
        #expect(screen.contains("Dennis"))
    }
}

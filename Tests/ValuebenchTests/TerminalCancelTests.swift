import Foundation
import Testing

/// Ctrl-C in the real REPL (tmux) stops the analysis itself: after three cancelled searches the
/// process has no more threads than before them.
@Suite(
    .serialized,
    .enabled(
        if: TmuxTerminal.available,
        "tmux is not installed (make test installs it): the terminal tests are skipped"))
struct TerminalCancelTests {
    /// `n` enterprises scored at random on `factors` factors: `diff nearest --k 100` on it is all
    /// but a brute-force scan, minutes of work unless cancelled.
    static func market(_ n: Int = 60_000, factors: Int = 32) -> String {
        var state: UInt64 = 42
        var text = "name,industry,price," + (0..<factors).map { "f\($0)" }.joined(separator: ",") + "\n"
        for i in 0..<n {
            text += "e\(i),,"
            for _ in 0..<factors {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += ",\((state >> 33) % 11)"
            }
            text += "\n"
        }
        return text
    }

    /// The workbench's process id: the child of the pane's shell.
    static func workbenchPID(_ t: TmuxTerminal) throws -> Int {
        let shell = try #require(
            Int(
                t.tmux(["list-panes", "-t", "vb", "-F", "#{pane_pid}"])
                    .trimmingCharacters(in: .whitespacesAndNewlines)))
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        return try #require(children.split(separator: " ").first.flatMap { Int($0) })
    }

    static func threads(_ pid: Int) -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task").count) ?? -1
    }

    @Test func threeCtrlCsStopTheSearchesAndLeaveNoThreadsBehind() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        try home.write("market.csv", TerminalCancelTests.market())
        let t = try TmuxTerminal(home: home.path)
        try t.waitFor("valuebench> ")
        try t.type("diff import \(home.file("market.csv"))")
        try t.press("Enter")
        try t.waitFor("Imported 60000 enterprises")
        let pid = try TerminalCancelTests.workbenchPID(t)
        try t.waitFor("valuebench> ", count: 2)
        let baseline = TerminalCancelTests.threads(pid)
        #expect(baseline >= 1)
        for round in 1...3 {
            // Nothing left over from the round before (else the next wait would not tell).
            try t.waitFor("no thread left over") { _ in TerminalCancelTests.threads(pid) <= baseline }
            try t.type("diff nearest --k 100")
            try t.press("Enter")
            // Wait until the search runs (its worker and the search's second thread are up).
            try t.waitFor("the search running") { _ in TerminalCancelTests.threads(pid) > baseline }
            try t.press("C-c")
            try t.waitFor("cancelled (Ctrl-C)", count: round)
        }
        try t.waitFor("the thread count back at its baseline") { _ in TerminalCancelTests.threads(pid) <= baseline }
        #expect(TerminalCancelTests.threads(pid) <= baseline)
        let screen = try t.screen()
        #expect(!screen.contains("enterprises over"))
        #expect(!screen.contains("EXITED"))
    }
}

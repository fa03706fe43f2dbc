import Foundation
import Testing

/// The real terminal: the workbench in a tmux pane, keys typed with `send-keys`, the screen read
/// with `capture-pane`. Every wait polls the screen until the expected text appears.
@Suite(
    .serialized,
    .enabled(
        if: TmuxTerminal.available, "tmux is not installed (make test installs it): the terminal tests are skipped"))
struct TerminalTests {
    @Test func bannerAndPromptShowTheCurrentEnterprise() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let t = try TmuxTerminal(home: home.path)
        let start = try t.waitFor("valuebench> ")
        #expect(start.contains("Type `help` for the commands"))
        try t.type("enterprise add 宁德时代 --industry batteries")
        try t.press("Enter")
        try t.waitFor("valuebench[宁德时代]> ")
        try t.type("enterprise add \\")
        try t.press("Enter")
        try t.waitFor("...> ")
        try t.type("\"Café Nord\"")
        try t.press("Enter")
        // The enterprise being worked on stays current.
        try t.waitFor("still working on 宁德时代")
        try t.type("use \"Café Nord\"")
        try t.press("Enter")
        try t.waitFor("valuebench[Café Nord]> ")
    }

    @Test func upRecallsHistoryAlsoAfterARestart() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        do {
            let t = try TmuxTerminal(home: home.path)
            try t.waitFor("valuebench> ")
            try t.type("enterprise add Alpha")
            try t.press("Enter")
            try t.waitFor("Added enterprise Alpha.")
            // Up brings the line back; typing goes on at its end.
            try t.press("Up")
            try t.type("2")
            try t.press("Enter")
            try t.waitFor("Added enterprise Alpha2;")
            try t.press("C-d")
            try t.waitFor("unsaved changes: press Ctrl-D again")
            try t.press("C-d")
            try t.waitFor("EXITED=0")
        }
        let saved = try String(contentsOfFile: home.file("state/valuebench/history"), encoding: .utf8)
        #expect(saved.contains("Alpha2"))
        let t = try TmuxTerminal(home: home.path)
        try t.waitFor("valuebench> ")
        try t.press("Up")
        try t.waitFor("valuebench> enterprise add Alpha2")
        try t.press("Up")
        try t.type("3")
        try t.press("Enter")
        try t.waitFor("Added enterprise Alpha3.")
    }

    /// The recovery question takes y, yes, n or no; a command typed before reading it asks again
    /// instead of counting as a no (it threw the journal away).
    @Test func recoveryAsksAgainUntilAnswered() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        // A journal left by a process that no longer runs.
        try FileManager.default.createDirectory(
            atPath: home.file("state/valuebench"), withIntermediateDirectories: true)
        let journal = #"{"valuebench_journal":1,"pid":2147483646}"# + "\n" + #"{"run":"enterprise add Lost"}"# + "\n"
        try journal.write(
            toFile: home.file("state/valuebench/journal-2147483646.jsonl"), atomically: true, encoding: .utf8)
        let t = try TmuxTerminal(home: home.path)
        try t.waitFor("Recover them? [y/n] ")
        try t.type("enterprise list")
        try t.press("Enter")
        try t.waitFor("Please answer y or n: ")
        try t.type("Yes")
        try t.press("Enter")
        try t.waitFor("Recovered 1 command from the journal")
        try t.waitFor("valuebench[Lost]> ")
    }

    @Test func ctrlRSearchesTheHistory() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let t = try TmuxTerminal(home: home.path)
        try t.waitFor("valuebench> ")
        for line in ["enterprise add 胖东来", "enterprise add 宁德时代", "enterprise add Beta", "enterprise list --json"] {
            try t.type(line)
            try t.press("Enter")
        }
        try t.waitFor("\"name\":\"Beta\"")
        // 东 is U+4E1C, whose low byte is a control code: it must extend the search.
        try t.press("C-r")
        try t.type("东")
        try t.waitFor("(reverse-i-search)`东': enterprise add 胖东来")
        try t.press("C-g")
        try t.press("C-r")
        try t.type("BET")
        try t.waitFor("(reverse-i-search)`BET': enterprise add Beta")
        try t.press("BSpace", "BSpace", "BSpace")
        try t.type("宁")
        try t.waitFor("(reverse-i-search)`宁': enterprise add 宁德时代")
        // Enter runs the line found.
        try t.press("C-g", "C-r")
        try t.type("list")
        try t.waitFor("(reverse-i-search)`list': enterprise list --json")
        try t.press("Enter")
        try t.waitFor("\"name\":\"Beta\"", count: 2)
    }

    @Test func tabCompletesCommandsAndEnterpriseNamesInUTF8() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let t = try TmuxTerminal(home: home.path)
        try t.waitFor("valuebench> ")
        for line in ["enterprise add \"Café Nord\"", "enterprise add 宁德时代", "enterprise add 胖东来"] {
            try t.type(line)
            try t.press("Enter")
        }
        try t.waitFor("valuebench[Café Nord]> ")
        // A command word, then an enterprise.
        try t.type("us")
        try t.press("Tab")
        try t.waitFor("valuebench[Café Nord]> use ")
        try t.type("宁")
        try t.press("Tab")
        try t.waitFor("valuebench[Café Nord]> use 宁德时代 ")
        try t.press("Enter")
        try t.waitFor("valuebench[宁德时代]> ")
        // A name with a blank is quoted; case does not matter.
        try t.type("use caf")
        try t.press("Tab")
        try t.waitFor("use \"Café Nord\" ")
        try t.press("Enter")
        try t.waitFor("Now working on Café Nord.")
        // Several candidates are listed.
        try t.type("use ")
        try t.press("Tab")
        try t.waitFor("candidates") { screen in
            screen.split(separator: "\n").contains {
                $0.contains("宁德时代") && $0.contains("胖东来") && $0.contains("Café Nord")
            }
        }
        try t.press("C-c")
        // Sub-commands.
        try t.type("enterprise l")
        try t.press("Tab")
        try t.waitFor("enterprise list ")
        try t.press("Enter")
        try t.waitFor("resources")
    }

    @Test func utf8IsEditedWithArrowsAndBackspace() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let t = try TmuxTerminal(home: home.path)
        try t.waitFor("valuebench> ")
        try t.type("enterprise add 宁德X时代")
        try t.press("Left", "Left", "BSpace")
        try t.press("End")
        try t.type("é")
        try t.press("Enter")
        try t.waitFor("Added enterprise 宁德时代é.")
        try t.waitFor("valuebench[宁德时代é]> ")
    }

    @Test func ctrlCCancelsTheTypedLineAndNeverExits() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let t = try TmuxTerminal(home: home.path)
        try t.waitFor("valuebench> ")
        try t.type("enterprise add Ghost")
        try t.press("C-c")
        try t.waitFor("^C")
        try t.press("C-c")
        try t.type("enterprise list --json")
        try t.press("Enter")
        let screen = try t.waitFor("[]")
        #expect(!screen.contains("Added enterprise Ghost"))
        #expect(!screen.contains("EXITED"))
        // A continued line is given up whole.
        try t.type("enterprise add \\")
        try t.press("Enter")
        try t.waitFor("...> ")
        try t.type("Ghost")
        try t.press("C-c")
        try t.type("enterprise list --json")
        try t.press("Enter")
        try t.waitFor("[]", count: 2)
        // Keys typed right after Ctrl-C (one burst) start the next line.
        try t.type("enterprise add Ghost")
        try t.tmux(["send-keys", "-t", "vb", "C-c", "enterprise list --json", "Enter"])
        let after = try t.waitFor("[]", count: 3)
        #expect(!after.contains("Added enterprise Ghost"))
    }

    @Test func ctrlDExitsAtOnceWhenNothingChanged() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let t = try TmuxTerminal(home: home.path)
        try t.waitFor("valuebench> ")
        try t.type("enterprise list --json")
        try t.press("Enter")
        try t.waitFor("[]")
        try t.press("C-d")
        let screen = try t.waitFor("EXITED=0")
        #expect(!screen.contains("unsaved changes"))
    }

    @Test func ctrlDAndQuitWarnOnceAboutUnsavedChanges() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let t = try TmuxTerminal(home: home.path)
        try t.waitFor("valuebench> ")
        try t.type("enterprise add A")
        try t.press("Enter")
        try t.waitFor("Added enterprise A.")
        try t.type("quit")
        try t.press("Enter")
        try t.waitFor("unsaved changes: type `quit` again to leave, or `save FILE.ipynb`")
        // Ctrl-D on a non-empty line deletes the character under the cursor; it does not quit.
        try t.type("enterprise list --jsonX")
        try t.press("Left", "C-d")
        try t.press("Enter")
        try t.waitFor("[{\"name\":\"A\"")
        try t.press("C-d")
        try t.waitFor("EXITED=0")
    }

    @Test func colourOnlyWithoutNoColor() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let coloured = try TmuxTerminal(home: home.path)
        try coloured.waitFor("valuebench> ")
        #expect(try coloured.screen(escapes: true).contains("\u{1B}["))
        let plain = try TmuxTerminal(home: home.path, environment: ["NO_COLOR": "1"])
        try plain.waitFor("valuebench> ")
        try plain.type("bogus")
        try plain.press("Enter")
        try plain.waitFor("error: unknown command")
        #expect(try !plain.screen(escapes: true).contains("\u{1B}["))
    }
}

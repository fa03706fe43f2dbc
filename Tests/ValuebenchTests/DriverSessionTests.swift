import Foundation
import Testing
import ValueCore
import Workbench
@testable import valuebench

/// A terminal in memory, as Julia's REPL tests have: typed lines come from a list, the prompts
/// the driver shows are recorded, and what it writes to stdout and stderr is collected.
private final class FakeTerminal: LineSource {
    private var typed: [String]
    /// Every prompt shown, in order (one per line read).
    private(set) var prompts: [String] = []
    private(set) var stdout = ""
    private(set) var stderr = ""
    /// JSON Lines (`--json`), which go to stdout in the real program.
    private(set) var machine = ""

    init(_ typed: [String]) { self.typed = typed }

    func readLine(prompt: String) -> String? {
        prompts.append(prompt)
        return typed.isEmpty ? nil : typed.removeFirst()
    }

    /// A driver whose output goes to this terminal (interactive: errors unnumbered).
    func driver(_ options: Driver.Options = .init(numberErrors: false)) -> Driver {
        let driver = Driver(
            session: Session(registry: Registry(plugins: allPlugins)), renderer: Renderer(color: false),
            options: options, out: OutputStream { [unowned self] in stdout += $0 },
            err: OutputStream { [unowned self] in stderr += $0 })
        driver.machine = OutputStream { [unowned self] in machine += $0 }
        return driver
    }

    /// Runs the session with the REPL's prompts.
    func session(_ driver: Driver) {
        driver.run(
            self, prompt: { Interactive.prompt(current: driver.session.workspace.current, color: false) },
            continuationPrompt: "...> ")
    }
}

/// Whole REPL sessions through `Driver.run`, without a process or a terminal.
@Suite struct DriverSessionTests {
    @Test func commandsPrintTheirOutputAndThePromptFollowsTheCurrentEnterprise() {
        let terminal = FakeTerminal(["enterprise add Acme", "factor set Acme Quality 7", "factor list"])
        let driver = terminal.driver()
        terminal.session(driver)
        #expect(terminal.prompts == ["valuebench> ", "valuebench[Acme]> ", "valuebench[Acme]> ", "valuebench[Acme]> "])
        #expect(terminal.stdout.contains("Added enterprise Acme."))
        #expect(terminal.stdout.contains("Scored Acme 7 on Quality."))
        #expect(terminal.stdout.contains("Quality"))
        #expect(terminal.stderr.isEmpty)
        #expect(driver.failures == 0)
    }

    @Test func anErrorLineIsOneLineAndLeavesTheWorkspaceAsItWas() {
        let terminal = FakeTerminal([
            "enterprise add Acme", "factor set Acme Quality 7", "factor set Acme Quality 11",
            "enterprise add Acme",
        ])
        let driver = terminal.driver()
        terminal.session(driver)
        let before = driver.session.workspace
        #expect(terminal.stderr.hasPrefix("error: factor set: SCORE is 11, outside 0…10\n"))
        #expect(terminal.stderr.split(separator: "\n").count == 2)
        #expect(terminal.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("error: ") })
        #expect(driver.failures == 2)
        #expect(driver.session.workspace.enterprises.map(\.name) == ["Acme"])
        #expect(driver.session.workspace.enterprises[0].factors.map(\.score) == [7])
        #expect(driver.session.workspace == before)
    }

    @Test func undoAndRedoWalkTheHistory() {
        let terminal = FakeTerminal([
            "enterprise add A", "enterprise add B", "undo", "enterprise list --json", "redo",
            "undo", "undo", "undo",
        ])
        let driver = terminal.driver()
        terminal.session(driver)
        #expect(terminal.stdout.contains("Undid: enterprise add B"))
        #expect(terminal.stdout.contains("Redid: enterprise add B"))
        #expect(terminal.stdout.contains("Undid: enterprise add A"))
        // The last undo has nothing left to undo, and says so.
        #expect(terminal.stdout.hasSuffix("Nothing to undo.\n"))
        #expect(terminal.stderr.isEmpty)
        #expect(driver.session.workspace.enterprises.isEmpty)
    }

    @Test func jsonLinesGiveOneObjectPerCommandLine() throws {
        let terminal = FakeTerminal(["enterprise add A", "", "# a comment", "enterprise add A", "enterprise list"])
        var options = Driver.Options()
        options.jsonLines = true
        let driver = terminal.driver(options)
        driver.run(terminal)
        let lines = terminal.machine.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let objects = try lines.map { try JSON.parse($0) }
        #expect(objects.map { $0["line"] } == [.int(1), .int(4), .int(5)])
        #expect(objects.map { $0["ok"] } == [.bool(true), .bool(false), .bool(true)])
        #expect(objects[1]["error"]?["code"] == .string("DuplicateName"))
        // Results go only to the JSON Lines; the error also to stderr, numbered.
        #expect(terminal.stdout.isEmpty)
        #expect(terminal.stderr.hasPrefix("error: line 4: "))
    }

    @Test func aLineEndingWithBackslashContinuesWithTheContinuationPrompt() {
        let terminal = FakeTerminal(["enterprise add \\", "\"Café Nord\" \\", "--industry food"])
        let driver = terminal.driver()
        terminal.session(driver)
        #expect(terminal.prompts == ["valuebench> ", "...> ", "...> ", "valuebench[Café Nord]> "])
        #expect(driver.session.workspace.enterprises.map(\.industry) == ["food"])
    }

    @Test func quitAsksTheLeaveGuardAndStaysWhenItSaysNo() {
        let terminal = FakeTerminal(["enterprise add A", "quit", "enterprise add B", "quit", "enterprise add C"])
        let driver = terminal.driver()
        var asked = 0
        driver.leaveGuard = {
            asked += 1; return asked > 1
        }
        terminal.session(driver)
        #expect(asked == 2)
        #expect(driver.finished)
        // The line after the second quit is never read.
        #expect(driver.session.workspace.enterprises.map(\.name) == ["A", "B"])
        #expect(terminal.prompts.count == 4)
    }

    @Test func aCancelledAnalysisIsAnErrorLineAndTheSessionGoesOn() {
        let terminal = FakeTerminal([
            "enterprise add A", "factor set A Quality 3", "enterprise add B",
            "factor set B Quality 9", "diff nearest --k 1", "enterprise add C",
        ])
        let driver = terminal.driver()
        // As the REPL's runner does on Ctrl-C: the command runs under a token that is cancelled.
        driver.runLine = { session, line in
            let token = Cancellation()
            if line.hasPrefix("diff nearest") { token.cancel() }
            return token.installed { session.execute(line) }
        }
        terminal.session(driver)
        #expect(terminal.stderr == "error: \(Cancellation.interrupted.message)\n")
        #expect(!terminal.stdout.contains("enterprises over"))
        #expect(driver.session.workspace.enterprises.map(\.name) == ["A", "B", "C"])
        #expect(driver.session.history.last == "enterprise add C")
    }
}

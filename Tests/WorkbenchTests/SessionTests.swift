import Testing
import ValueCore
import Workbench
import Modeling

@Suite struct SessionTests {
    func session() -> Session { Session(registry: Registry(plugins: [CorePlugin(), ModelingPlugin()])) }

    @discardableResult
    func run(_ s: inout Session, _ line: String) -> CommandOutput? {
        if case let .success(output, _, _) = s.execute(line) { return output }
        return nil
    }

    @Test func undoAndRedoWalkTheHistory() {
        var s = session()
        run(&s, "enterprise add CATL --industry batteries")
        run(&s, "enterprise add Tesla --industry automotive")
        run(&s, "use Tesla")
        #expect(s.workspace.count == 2)
        #expect(s.workspace.current == "Tesla")
        run(&s, "undo")
        #expect(s.workspace.current == "CATL")
        run(&s, "undo 2")
        #expect(s.workspace.count == 0)
        #expect(s.workspace.current == nil)
        #expect(run(&s, "undo")?.data?["undone"] == .int(0))
        run(&s, "redo 3")
        #expect(s.workspace.count == 2)
        #expect(s.workspace.current == "Tesla")
        // A new change forgets what was undone.
        run(&s, "undo")
        run(&s, "enterprise add BYD")
        #expect(run(&s, "redo")?.data?["redone"] == .int(0))
    }

    @Test func aFailedCommandChangesNothing() {
        var s = session()
        run(&s, "enterprise add CATL")
        let before = s.workspace
        let depth = s.undoDepth
        for bad in ["enterprise add catl", "use Nobody", "enterprise add", "enterprise add \"open"] {
            if case .success = s.execute(bad) { Issue.record("succeeded: \(bad)") }
            #expect(s.workspace == before)
            #expect(s.undoDepth == depth)
        }
    }

    @Test func readOnlyCommandsAreNotUndoSteps() {
        var s = session()
        run(&s, "enterprise add CATL")
        run(&s, "enterprise list")
        run(&s, "help")
        #expect(s.undoDepth == 1)
    }

    @Test func historyListsModelCommands() {
        var s = session()
        run(&s, "enterprise add CATL")
        run(&s, "enterprise list")
        let out = run(&s, "history")
        #expect(out?.data == .array(["enterprise add CATL", "enterprise list"]))
    }

    @Test func jsonFlagPrintsTheData() {
        var s = session()
        run(&s, "enterprise add CATL --industry batteries")
        let out = run(&s, "enterprise list --json")
        #expect(Renderer().render(out!) == "[{\"name\":\"CATL\",\"industry\":\"batteries\"}]\n")
    }

    @Test func formatSettingChangesRendering() {
        var s = session()
        run(&s, "set format csv")
        #expect(s.format == .csv)
        if case .failure = s.execute("set format yaml") {} else { Issue.record("yaml accepted") }
        #expect(s.format == .csv)
    }

    @Test func helpShowsUsageAndExample() {
        var s = session()
        let text = Renderer.plain(run(&s, "help enterprise add")!)
        #expect(text.hasPrefix("usage: enterprise add NAME [--industry TEXT]"))
        #expect(text.contains("\n  enterprise add CATL"))
        let bad = s.execute("help entreprise")
        if case let .failure(e) = bad {
            #expect(e.message.contains("did you mean 'enterprise'"))
        } else {
            Issue.record("no error")
        }
    }

    @Test func undoCostsWhatTheCommandChanged() {
        // 10,000 adds leave 10,000 undo steps, each holding only its own enterprise.
        var s = session()
        for i in 0..<10_000 { run(&s, "enterprise add \"E \(i)\"") }
        #expect(s.undoDepth == 10_000)
        run(&s, "undo 10000")
        #expect(s.workspace.count == 0)
        run(&s, "redo 10000")
        #expect(s.workspace.count == 10_000)
        #expect(s.workspace.enterprise(named: "e 9999")?.name == "E 9999")
    }

    @Test func loadingAWorkspaceLeavesNothingToRevert() {
        var built = Workspace()
        built.add(Enterprise(name: "CATL"))
        var s = session()
        s.load(built)
        if case .success = s.execute("use Nobody") { Issue.record("use Nobody succeeded") }
        #expect(s.workspace.count == 1)
        #expect(s.undoDepth == 0)
    }
}

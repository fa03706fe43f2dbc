import Testing
import ValueCore
import Workbench
@testable import Guide

/// The stepper driven through a session, as a user types it: start, next, back, step, the ends,
/// undo.
@Suite struct NavigationTests {
    static let registry = Registry(plugins: [CorePlugin(), GuidePlugin()])

    func session(_ workspace: Workspace = Fixture.workspace()) -> Session {
        var s = Session(registry: Self.registry)
        s.load(workspace)
        return s
    }

    func run(_ s: inout Session, _ line: String) throws -> CommandOutput {
        switch s.execute(line) {
        case let .success(output, _, _): return output
        case let .failure(error): throw error
        case .nothing: return .empty
        }
    }

    func text(_ o: CommandOutput) -> String { Renderer.plain(o) }
    func step(_ s: Session, _ name: String = "CATL") -> Int? { s.workspace.enterprise(named: name)?.guideStep }

    @Test func startNextBackStep() throws {
        var s = session()
        #expect(step(s) == nil)
        let started = try run(&s, "guide start CATL")
        #expect(step(s) == 1)
        #expect(
            text(started).hasPrefix("Started the guide for CATL.\n\nGuide for CATL · step 1 of 5 · [1✓] 2✓ 3✓ 4✓ 5✓"))
        _ = try run(&s, "guide next")
        #expect(step(s) == 2)
        _ = try run(&s, "guide step 4")
        #expect(step(s) == 4)
        _ = try run(&s, "guide back")
        #expect(step(s) == 3)
        let whereAmI = try run(&s, "guide")
        #expect(whereAmI.data?["step"] == .int(3))
        #expect(
            whereAmI.data?["title"] == .string("Develop a strategy that incorporates the key value generation elements")
        )
    }

    @Test func backFromStepOneChangesNothing() throws {
        var s = session()
        _ = try run(&s, "guide start")
        let depth = s.undoDepth
        let o = try run(&s, "guide back")
        #expect(text(o) == "Step 1 is the first step; there is none before it. Nothing changed.")
        #expect(o.data?["moved"] == .bool(false))
        #expect(step(s) == 1)
        #expect(s.undoDepth == depth, "no change recorded")
    }

    @Test func nextFromStepFiveChangesNothing() throws {
        var s = session()
        _ = try run(&s, "guide step 5")
        let depth = s.undoDepth
        let o = try run(&s, "guide next")
        #expect(text(o).hasPrefix("Step 5 is the last step"))
        #expect(step(s) == 5)
        #expect(s.undoDepth == depth)
    }

    @Test func nextWarnsWhenTheStepIsNotMet() throws {
        var e = Fixture.catl()
        e.segments = []; e.needs = []
        var s = session(Fixture.workspace(e))
        _ = try run(&s, "guide start")
        let o = try run(&s, "guide next")
        #expect(text(o).hasPrefix("Moved to step 2. Step 1 is not met yet (1 missing: `guide check --step 1`)."))
        #expect(step(s) == 2)
    }

    @Test func undoAndRedoGuideProgress() throws {
        var s = session()
        _ = try run(&s, "guide start")
        _ = try run(&s, "guide next")
        _ = try run(&s, "guide next")
        #expect(step(s) == 3)
        _ = try run(&s, "undo")
        #expect(step(s) == 2)
        _ = try run(&s, "undo 2")
        #expect(step(s) == nil, "undoing the start forgets the guide")
        _ = try run(&s, "redo")
        #expect(step(s) == 1)
    }

    @Test func startMakesTheEnterpriseCurrent() throws {
        var s = session()
        _ = try run(&s, "guide start byd")
        #expect(s.workspace.current == "BYD")
        #expect(step(s, "BYD") == 1)
        #expect(step(s, "CATL") == nil)
    }

    @Test(arguments: [
        ("guide next", "GuideNotStarted"), ("guide back", "GuideNotStarted"),
        ("guide step 6", "OutOfRange"), ("guide step 0", "OutOfRange"), ("guide step two", "BadValue"),
        ("guide start Tesla", "UnknownName"), ("guide check --all --step 2", "BadValue"),
    ])
    func badInputFailsAndChangesNothing(line: String, code: String) {
        var s = session()
        let before = s.workspace
        guard case let .failure(error) = s.execute(line) else {
            Issue.record("\(line) should fail")
            return
        }
        #expect(error.code == code)
        #expect(s.workspace == before)
    }

    @Test func noCurrentEnterprise() {
        var s = session(Workspace(enterprises: [Fixture.catl()], current: nil))
        guard case let .failure(error) = s.execute("guide") else { Issue.record("should fail"); return }
        #expect(error.code == "NoEnterprise")
    }

    @Test func whereAmIBeforeStarting() throws {
        var s = session()
        let o = try run(&s, "guide")
        #expect(text(o).hasPrefix("The guide has not started for CATL: `guide start` begins at step 1."))
        #expect(o.data?["current"] == .null)
        #expect(step(s) == nil)
    }

    @Test func checkListsWhatIsMissingWithCommands() throws {
        var e = Fixture.catl()
        e.initiatives.removeAll { $0.element == .sustainability }
        var s = session(Fixture.workspace(e))
        _ = try run(&s, "guide step 3")
        let o = try run(&s, "guide check")
        #expect(
            text(o) == """
                CATL, step 3 of 5: Develop a strategy that incorporates the key value generation elements
                Step 3: not met, 1 thing missing
                  ✗ No initiative carries sustainability.
                      initiative add INITIATIVE --element sustainability
                """)
        let steps = try #require(o.data?["steps"]?.arrayValue)
        #expect(steps.count == 1)
        #expect(
            steps[0]["missing"]?.arrayValue?.first?["commands"] == [
                "initiative add INITIATIVE --element sustainability"
            ])
        let all = try run(&s, "guide check --all")
        #expect(all.data?["steps"]?.arrayValue?.map { $0["met"] } == [true, true, false, true, true])
    }

    @Test func checkWhenMetPointsOn() throws {
        var s = session()
        _ = try run(&s, "guide start")
        let o = try run(&s, "guide check")
        #expect(text(o).hasSuffix("Step 1: met\n  Nothing missing: `guide next`."))
    }

    /// The whole screen of step 1 for a new enterprise, as the terminal shows it.
    @Test func stepOneScreen() throws {
        var s = session(Workspace(enterprises: [Enterprise(name: "Demo Co")], current: "Demo Co"))
        let o = try run(&s, "guide start")
        #expect(
            text(o) == """
                Started the guide for Demo Co.

                Guide for Demo Co · step 1 of 5 · [1✗] 2✗ 3✗ 4✗ 5✗
                Define your target audience and their needs

                Value generation begins with a deep understanding of who you serve and what
                truly matters to them. Name the segments you serve and, for each, its pain
                points, the gains it seeks and the jobs it needs done, each with how much it
                matters (importance 1–5).

                Questions
                  1. Who are your customers, and into which segments do they fall?
                  2. What pains, gains and jobs does each segment have?
                  3. How much does each need matter to the segment, from 1 to 5?
                Commands
                  segment add SEGMENT --size 1000
                  need add NEED --segment SEGMENT --type pain --importance 5
                  need list

                Step 1: not met, 1 thing missing
                  ✗ No segment names who ‘Demo Co’ serves.
                      segment add SEGMENT --size 1000
                      need add NEED --segment SEGMENT --type pain --importance 5
                """)
        #expect(o.data?["missing"]?.arrayValue?.count == 1)
    }
}

import Testing
import ValueCore
import Workbench
@testable import Guide

/// The stepper driven through a session, as a user types it: start, next, back, step, the ends,
/// undo.
@Suite struct NavigationTests {
    func session(_ workspace: Workspace = Fixture.workspace()) -> Session {
        .testing([GuidePlugin()], workspace: workspace)
    }

    func text(_ o: CommandOutput) -> String { Renderer.plain(o) }
    func step(_ s: Session, _ name: String = "CATL") -> Int? { s.workspace.enterprise(named: name)?.guideStep }

    @Test func startNextBackStep() {
        var s = session()
        #expect(step(s) == nil)
        let started = s.ok("guide start CATL")
        #expect(step(s) == 1)
        #expect(
            text(started).hasPrefix("Started the guide for CATL.\n\nGuide for CATL · step 1 of 5 · [1✓] 2✓ 3✓ 4✓ 5✓"))
        s.ok("guide next")
        #expect(step(s) == 2)
        s.ok("guide step 4")
        #expect(step(s) == 4)
        s.ok("guide back")
        #expect(step(s) == 3)
        let whereAmI = s.ok("guide")
        #expect(whereAmI.data?["step"] == .int(3))
        #expect(
            whereAmI.data?["title"] == .string("Develop a strategy that incorporates the key value generation elements")
        )
    }

    @Test func backFromStepOneChangesNothing() {
        var s = session()
        s.ok("guide start")
        let depth = s.undoDepth
        let o = s.ok("guide back")
        #expect(text(o) == "Step 1 is the first step; there is none before it. Nothing changed.")
        #expect(o.data?["moved"] == .bool(false))
        #expect(step(s) == 1)
        #expect(s.undoDepth == depth, "no change recorded")
    }

    @Test func nextFromStepFiveChangesNothing() {
        var s = session()
        s.ok("guide step 5")
        let depth = s.undoDepth
        let o = s.ok("guide next")
        #expect(text(o).hasPrefix("Step 5 is the last step"))
        #expect(step(s) == 5)
        #expect(s.undoDepth == depth)
    }

    @Test func nextWarnsWhenTheStepIsNotMet() {
        var e = Fixture.catl()
        e.segments = []; e.needs = []
        var s = session(Fixture.workspace(e))
        s.ok("guide start")
        let o = s.ok("guide next")
        #expect(text(o).hasPrefix("Moved to step 2. Step 1 is not met yet (1 missing: `guide check --step 1`)."))
        #expect(step(s) == 2)
    }

    @Test func undoAndRedoGuideProgress() {
        var s = session()
        s.ok("guide start")
        s.ok("guide next")
        s.ok("guide next")
        #expect(step(s) == 3)
        s.ok("undo")
        #expect(step(s) == 2)
        s.ok("undo 2")
        #expect(step(s) == nil, "undoing the start forgets the guide")
        s.ok("redo")
        #expect(step(s) == 1)
    }

    @Test func startMakesTheEnterpriseCurrent() {
        var s = session()
        s.ok("guide start byd")
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
        #expect(s.fails(line).code == code)
    }

    @Test func noCurrentEnterprise() {
        var s = session(Workspace(enterprises: [Fixture.catl()], current: nil))
        #expect(s.fails("guide").code == "NoEnterprise")
    }

    @Test func whereAmIBeforeStarting() {
        var s = session()
        let o = s.ok("guide")
        #expect(text(o).hasPrefix("The guide has not started for CATL: `guide start` begins at step 1."))
        #expect(o.data?["current"] == .null)
        #expect(step(s) == nil)
    }

    @Test func checkListsWhatIsMissingWithCommands() throws {
        var e = Fixture.catl()
        e.initiatives.removeAll { $0.element == .sustainability }
        var s = session(Fixture.workspace(e))
        s.ok("guide step 3")
        let o = s.ok("guide check")
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
        let all = s.ok("guide check --all")
        #expect(all.data?["steps"]?.arrayValue?.map { $0["met"] } == [true, true, false, true, true])
    }

    @Test func checkWhenMetPointsOn() {
        var s = session()
        s.ok("guide start")
        let o = s.ok("guide check")
        #expect(text(o).hasSuffix("Step 1: met\n  Nothing missing: `guide next`."))
    }

    /// The whole screen of step 1 for a new enterprise, as the terminal shows it.
    @Test func stepOneScreen() {
        var s = session(Workspace(enterprises: [Enterprise(name: "Demo Co")], current: "Demo Co"))
        let o = s.ok("guide start")
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

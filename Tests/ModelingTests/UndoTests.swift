import Testing
import ValueCore
import Workbench
import Modeling

/// Every kind of change is undone and redone exactly, through the session's `undo` and `redo`.
@Suite struct UndoTests {
    static let changes = [
        "enterprise add Tesla --industry cars",
        "enterprise set CATL --name 宁德时代 --industry energy",
        "enterprise set BYD --competitor CATL --price 90",
        "enterprise set CATL --no-competitors --no-price",
        "enterprise remove BYD",
        "enterprise remove CATL",
        "use BYD",
        "resource add \"Cathode know-how\" --kind technology --strength 7 --rare",
        "resource set \"Battery R&D\" --name \"Battery research\" --strength 10",
        "resource set Brand --no-valuable --organized",
        "resource remove \"Manufacturing scale\"",
        "segment add Utilities --size 12",
        "segment set \"EV makers\" --name Automakers --no-size",
        "segment remove \"EV makers\"",
        "need add \"cold weather\" --segment \"EV makers\" --type pain --importance 3",
        "need set \"range anxiety\" --name \"range worry\" --segment \"Energy storage\" --type gain",
        "need remove \"range anxiety\"",
        "offering add \"Sodium cell\" --carrier product --price 50 --cost 40",
        "offering set \"Qilin pack\" --name Qilin --carrier platform --no-cost",
        "offering remove \"Qilin pack\"",
        "relief set Choco-swap \"battery safety\" --functional 3 --emotional 7",
        "relief set \"Qilin pack\" \"range anxiety\" --functional 10",
        "relief remove \"Qilin pack\" \"range anxiety\"",
        "factor set CATL Price 7 --importance 3",
        "factor set CATL Warranty 6",
        "factor remove CATL Safety",
        "model add Alt --proposition x",
        "model set Base --name Core --no-proposition",
        "model fork Base Copy",
        "model remove Base",
        "model node add Base \"Cash\" \"Dividends\" --stage profit",
        "model node set Base \"Cell chemistry\" --name Chemistry --stage value",
        "model node remove Base \"Pack sales\"",
        "model edge add Base \"Operating profit\" \"Brand marketing\" \"Lower cost per kWh\" --polarity -",
        "model edge set Base \"Pack sales\" \"Operating profit\" --polarity -",
        "model edge remove Base \"Battery R&D\" \"Cell chemistry\"",
        "initiative add Recycling --element sustainability --link \"Pack sales\"",
        "initiative set \"Qilin launch\" --name Qilin --element data-driven --no-link",
        "initiative remove \"Qilin launch\"",
    ]

    @Test(arguments: changes)
    func undoAndRedo(line: String) {
        var s = Fixture.examplesSession()
        let before = s.workspace
        let depth = s.undoDepth
        s.ok(line)
        let after = s.workspace
        #expect(after != before, "\(line) changed nothing")
        #expect(s.undoDepth == depth + 1)
        s.ok("undo")
        #expect(s.workspace == before)
        #expect(s.workspace.current == before.current)
        s.ok("redo")
        #expect(s.workspace == after)
        #expect(s.workspace.current == after.current)
    }

    /// Undo walks back through the whole example session to the empty workspace, and redo
    /// forward to the end again.
    @Test func undoEverythingAndRedoEverything() {
        var s = Fixture.examplesSession()
        let end = s.workspace
        let steps = s.undoDepth
        #expect(steps > 50)
        s.ok("undo \(steps)")
        #expect(s.workspace == Workspace())
        s.ok("redo \(steps)")
        #expect(s.workspace == end)
    }

    /// Read-only commands add nothing to the undo history.
    @Test(arguments: [
        "enterprise list", "enterprise show", "resource list", "resource show Brand", "segment list",
        "segment show \"EV makers\"", "need list", "need show \"range anxiety\"", "offering list",
        "offering show Choco-swap", "relief list", "factor list", "factor list BYD", "model list",
        "model show Base", "model check Base", "initiative list", "initiative show \"Qilin launch\"",
    ])
    func readsChangeNothing(line: String) {
        var s = Fixture.examplesSession()
        let before = s.workspace
        let depth = s.undoDepth
        s.ok(line)
        #expect(s.workspace == before)
        #expect(s.undoDepth == depth)
    }
}

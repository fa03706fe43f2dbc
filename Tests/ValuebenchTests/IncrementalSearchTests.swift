import Testing
@testable import valuebench

/// The Ctrl-R search's state, key by key, without a terminal.
@Suite struct IncrementalSearchTests {
    let lines = ["enterprise add 胖东来", "enterprise add 宁德时代", "use 胖东来", "enterprise list"]

    func typing(_ keys: [UInt32]) -> (IncrementalSearch, [IncrementalSearch.Action]) {
        var s = IncrementalSearch(original: "draft", cursor: 2)
        var actions: [IncrementalSearch.Action] = []
        for k in keys { actions.append(s.key(k, lines: lines)) }
        return (s, actions)
    }

    static func text(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    @Test func typingFindsTheNewestMatchAndItsPosition() {
        let (s, actions) = typing(Self.text("东"))
        #expect(actions == [.update])
        #expect(s.index == 2)
        #expect(s.offset == 5)
        #expect(s.shown(in: lines).text == "use 胖东来")
        #expect(s.prompt == "(reverse-i-search)`东': ")
    }

    @Test func ctrlRGoesOlderAndFailsPastTheOldest() {
        let (s, _) = typing(Self.text("东") + [0x12])
        #expect(s.index == 0)
        #expect(!s.failed)
        let (t, _) = typing(Self.text("东") + [0x12, 0x12])
        #expect(t.index == 0)
        #expect(t.failed)
        #expect(t.prompt.hasPrefix("(failed reverse-i-search)"))
    }

    @Test func ctrlSGoesNewer() {
        let (s, _) = typing(Self.text("东") + [0x12, 0x13])
        #expect(s.index == 2)
    }

    @Test func caseIsIgnoredAndAPatternNoLongerMatchingFails() {
        let (s, _) = typing(Self.text("LIST"))
        #expect(s.index == 3)
        let (t, _) = typing(Self.text("listx"))
        #expect(t.failed)
        #expect(t.index == 3)  // the last entry that matched stays shown
    }

    @Test func backspaceShortensThePattern() {
        let (s, _) = typing(Self.text("listx") + [0x7F])
        #expect(s.pattern == "list")
        #expect(!s.failed)
        #expect(s.index == 3)
        let (empty, actions) = typing([0x7F])
        #expect(actions == [.ignore])
        #expect(empty.shown(in: lines).text == "draft")
    }

    @Test func ctrlGCancelsAndOtherKeysAccept() {
        #expect(typing(Self.text("宁") + [0x07]).1.last == .cancel)
        #expect(typing(Self.text("宁") + [0x0D]).1.last == .accept(0x0D))
        #expect(typing(Self.text("宁") + [0x1B]).1.last == .accept(0x1B))
        #expect(typing(Self.text("宁") + [0x01]).1.last == .accept(0x01))
        let (s, _) = typing(Self.text("宁"))
        #expect(s.shown(in: lines).text == "enterprise add 宁德时代")
        #expect(s.shown(in: lines).cursor == 15)
    }
}

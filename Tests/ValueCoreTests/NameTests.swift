import Testing
import ValueCore

@Suite struct NameTests {
    @Test(arguments: [("CATL", "catl", true), ("Café", "CAFÉ", true), ("宁德时代", "宁德时代", true), ("Tesla", "Telsa", false),
                      ("Cafe\u{301}", "café", true), ("CAFE\u{301}", "Café", true)])
    func sameIgnoresCase(a: String, b: String, same: Bool) {
        #expect(Name.same(a, b) == same)
    }

    /// The same name in two Unicode normalisations (precomposed é, or e + U+0301 as macOS and
    /// some keyboards type it) is one name: equal keys, and found in the workspace.
    @Test func normalisationDoesNotSplitNames() {
        #expect(NameKey("Cafe\u{301}") == NameKey("CAFÉ"))
        #expect(NameKey("Cafe\u{301}").hashValue == NameKey("café").hashValue)
        var ws = Workspace()
        ws.add(Enterprise(name: "Cafe\u{301}"))
        #expect(ws.enterprise(named: "café")?.name == "Cafe\u{301}")
        #expect(ws.contains("CAFÉ"))
    }
}

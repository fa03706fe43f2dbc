import Testing
@testable import ValueCore

@Suite struct NameTests {
    @Test(arguments: [
        ("CATL", "catl", true), ("Café", "CAFÉ", true), ("宁德时代", "宁德时代", true), ("Tesla", "Telsa", false),
        ("Cafe\u{301}", "café", true), ("CAFE\u{301}", "Café", true),
    ])
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

    /// Keys added in bulk (in the order of their home slots) are found like keys added one by
    /// one, across several growths, and a taken key leaves the index as it was.
    @Test(arguments: [0, 1, 13, 1_000, 70_000])
    func bulkInsertFindsEveryKey(existing: Int) {
        var index = NameIndex()
        for i in 0..<existing {
            let added = index.insertNew(NameKey("old \(i)"), i)
            #expect(added)
        }
        let keys = (0..<50_000).map { NameKey("Co \($0)") }
        let none = index.insertNew(contentsOf: keys, from: existing)
        #expect(none == nil)
        #expect(index.count == existing + keys.count)
        #expect(keys.indices.allSatisfy { index[NameKey("CO \($0)")] == existing + $0 })
        #expect((0..<existing).allSatisfy { index[NameKey("old \($0)")] == $0 })

        let clash = (0..<30_000).map { NameKey("New \($0)") } + [NameKey("co 7")] + [NameKey("x"), NameKey("X")]
        let first = index.insertNew(contentsOf: clash, from: 0)
        #expect(first == 30_000)
        #expect(index.count == existing + keys.count && index[NameKey("new 5")] == nil)
        let twice = [NameKey("y"), NameKey("z"), NameKey("Y")]
        let second = index.insertNew(contentsOf: twice, from: 0)
        #expect(second == 2)
        #expect(index[NameKey("y")] == nil)
    }
}

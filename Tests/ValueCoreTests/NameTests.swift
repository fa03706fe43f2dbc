import Testing
import ValueCore

@Suite struct NameTests {
    @Test(arguments: [("CATL", "catl", true), ("Café", "CAFÉ", true), ("宁德时代", "宁德时代", true), ("Tesla", "Telsa", false)])
    func sameIgnoresCase(a: String, b: String, same: Bool) {
        #expect(Name.same(a, b) == same)
    }
}

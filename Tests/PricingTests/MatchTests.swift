import Testing
import Workbench
import ValueCore
@testable import Pricing

@Suite struct MatchTests {
    static func workspace() -> Bench {
        var b = Bench()
        for line in [
            "enterprise add Pangdonglai", "segment add Shoppers",
            "need add \"fresh food\" --segment Shoppers --type pain",
            "offering add Membership --price 120", "offering add Basket --price 30", "offering add Premium --price 300",
            "relief set Membership \"fresh food\" --functional 8 --emotional 6",
            "relief set Basket \"fresh food\" --functional 5 --emotional 3",
            "relief set Premium \"fresh food\" --functional 9 --emotional 9",
        ] {
            b.data(line)
        }
        return b
    }

    @Test func nothingRecordedSaysWhatToRecord() {
        var b = Self.workspace()
        let text = b.text("price match")
        #expect(
            text.contains("price psm FILE") && text.contains("--record \"Shoppers\"")
                && text.contains("price record \"Shoppers\""))
    }

    /// Range 50–200, OPP 110: Membership 120 inside; Basket 30 below by 20; Premium 300 above by 100.
    @Test func verdicts() {
        var b = Self.workspace()
        b.data("price record Shoppers --low 50 --high 200 --opp 110")
        let d = b.data("price match --json")
        let checks = d["checks"]?.arrayValue ?? []
        #expect(checks.map { $0["position"]?.stringValue } == ["inside", "below", "above"])
        #expect(checks.map { $0["gap"]?.doubleValue } == [0, -20, 100])
        #expect(checks.first?["from_opp"] == 10 && checks.first?["functional"] == 8 && checks.first?["emotional"] == 6)
        let text = b.text("price match")
        #expect(
            text.contains(
                "Premium for Shoppers: 300 is above by 100: customers will find it too expensive (a value gap)."))
        #expect(text.contains("Basket for Shoppers: 30 is below by 20: money left on the table, or doubted quality."))
    }

    /// A recorded willingness to pay is in the notebook's snapshot and comes back from it.
    @Test func keptInTheSnapshot() throws {
        var b = Self.workspace()
        b.data("price record Shoppers --low 50 --high 200 --opp 110 --idp 120")
        let tree = try Snapshot.encode(b.session.workspace)
        #expect(
            tree["enterprises"]?.arrayValue?.first?["segments"]?.arrayValue?.first?["willingnessToPay"]?["low"] == 50)
        let back = try Snapshot.decode(tree)
        #expect(
            back.enterprise(named: "Pangdonglai")?.segments.first?.willingnessToPay
                == WillingnessToPay(low: 50, high: 200, opp: 110, idp: 120, source: "entered"))
    }

    @Test func recordChecksAndClears() {
        var b = Self.workspace()
        #expect(
            b.errorMessage("price record Shoppers --low 200 --high 50 --opp 100").contains(
                "low end 200 is above its high end 50"))
        b.data("price record Shoppers --low 50 --high 200 --opp 110 --idp 120")
        #expect(b.data("segment show Shoppers")["willingness_to_pay"]?["source"] == "entered")
        b.data("price record Shoppers --clear")
        #expect(b.data("segment show Shoppers")["willingness_to_pay"] == nil)
        b.data("undo")
        #expect(b.data("segment show Shoppers")["willingness_to_pay"]?["idp"] == 120)
    }
}

import Testing
import Workbench
import ValueCore
@testable import Pricing

/// Gabor–Granger worked by hand.
@Suite struct DemandTests {
    /// Prices 10, 20, 30 (given out of order). Highest price with a yes, made monotone:
    ///   R1 yes yes no → 20     R2 no yes no → 20 (counted at 10 too)    R3 no no yes → 30 (all)
    ///   R4 no no no → none     R5 blank ×3 → left out                    R6 y blank n → 10
    /// Respondents 5; buyers at 10: R1 R2 R3 R6 = 4; at 20: R1 R2 R3 = 3; at 30: R3 = 1.
    /// Shares .8 .6 .2; revenue 8 12 6 → highest at 20.
    /// Arc elasticity 10→20: ((.6 − .8)/.7)/(10/15) = −3/7; 20→30: ((.2 − .6)/.4)/(10/25) = −2.5.
    @Test func yesNoByHand() {
        let path = Files.write(
            "demand.csv",
            """
            Id,Group,P10,P20,P30
            R1,x,yes,YES,no
            R2,x,No,yes,no
            R3,y,n,false,True
            R4,y,0,no,N
            R5,y,,,
            R6,x,y,,n

            """)
        var b = Bench()
        let d = b.data("price demand \(path) --at 30=P30 --at 10=P10 --at 20=P20 --json")
        #expect(d["respondents"] == 5 && d["invalid"] == 0 && d["scale"] == "yes/no")
        let points = d["prices"]?.arrayValue ?? []
        #expect(points.map { $0["price"]?.doubleValue } == [10, 20, 30])
        #expect(points.map { $0["buyers"]?.intValue } == [4, 3, 1])
        #expect(points.map { $0["share"]?.doubleValue } == [0.8, 0.6, 0.2])
        #expect(close(points[1]["revenue"]?.doubleValue, 12))
        #expect(d["revenue_price"] == 20)
        let e = d["elasticities"]?.arrayValue ?? []
        #expect(close(e.first?["elasticity"]?.doubleValue, -3.0 / 7) && close(e.last?["elasticity"]?.doubleValue, -2.5))
        let by = b.data("price demand \(path) --at 10=P10 --at 20=P20 --at 30=P30 --by Group")
        // x: R1 (20), R2 (20), R6 (10) → buyers 3 2 0; y: R3 (30), R4 (none) → buyers 1 1 1.
        let groups = by["groups"]?.arrayValue ?? []
        #expect(groups.map { $0["prices"]?.arrayValue?.map { $0["buyers"]?.intValue } } == [[3, 2, 0], [1, 1, 1]])
    }

    /// A 1–5 file (some answer is 2–5), 4–5 = yes, so 1 is a no:
    ///   R1 5 4 3 → 20    R2 1 2 5 → 30    R3 3 3 3 → none
    /// Buyers 2 2 1 of 3: shares 2/3 2/3 1/3; revenue 6.67 13.33 10 → 20.
    /// Elasticity 10→20: 0; 20→30: ((1/3 − 2/3)/(1/2))/(10/25) = −5/3.
    @Test func intentScaleByHand() {
        let path = Files.write("demand-scale.csv", "P10,P20,P30\n5,4,3\n1,2,5\n3,3,3\n")
        var b = Bench()
        let d = b.data("price demand \(path) --at 10=P10 --at 20=P20 --at 30=P30")
        #expect(d["scale"] == "1-5" && d["respondents"] == 3)
        #expect((d["prices"]?.arrayValue ?? []).map { $0["buyers"]?.intValue } == [2, 2, 1])
        #expect(d["revenue_price"] == 20)
        let e = d["elasticities"]?.arrayValue ?? []
        #expect(e.first?["elasticity"] == 0 && close(e.last?["elasticity"]?.doubleValue, -5.0 / 3))
    }

    /// The monotone rule on its own: highest yes positions → buyers at or above.
    @Test(arguments: [
        ([2, 0, -1, 1], [3, 2, 1]),  // 2 → buys at 0,1,2; 0 → at 0; 1 → at 0,1
        ([-1, -1], [0, 0, 0]),
        ([0, 0, 0], [3, 0, 0]),
    ])
    func monotone(highest: [Int], buyers: [Int]) {
        #expect(Demand.analyze(prices: [1, 2, 3], highest: highest).buyers == buyers)
    }

    @Test func errors() {
        let path = Files.write("demand-bad.csv", "P10,P20\nyes,maybe\nno,no\n")
        var b = Bench()
        #expect(
            b.errorMessage("price demand \(path) --at 10=P10 --at 20=P20")
                == """
                \(path): row 2, column 'P20' (2): 'maybe' is not yes/no or an intent from 1 to 5 (--lenient \
                counts such respondents as invalid and goes on)
                """
        )
        let d = b.data("price demand \(path) --at 10=P10 --at 20=P20 --lenient")
        #expect(d["respondents"] == 1 && d["invalid"] == 1)
        #expect(b.errorMessage("price demand \(path) --at 10=P10").contains("at least two tested prices"))
        #expect(b.errorMessage("price demand \(path) --at 10=P10 --at 20=P2O").contains("did you mean 'P20'?"))
        #expect(b.errorMessage("price demand \(path) --at ten=P10 --at 20=P20").contains("is not PRICE=COLUMN"))
    }
}

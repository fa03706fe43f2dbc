import Testing
import Workbench
import ValueCore
@testable import Pricing

/// Van Westendorp figures worked by hand with the rules (R pricesensitivitymeter's
/// psm_analysis() defaults, crossings interpolated): grid = distinct valid prices; F = share
/// ≤ p, but 0 at and below the question's smallest answer and 1 at and above its largest;
/// too cheap = 1 − F, cheap = 1 − F, expensive = F, too expensive = F; where A meets B, with
/// d = A − B, the first neighbouring pair whose signs (−, 0, +) differ gives
/// x₁ − d₁(x₂ − x₁)/(d₂ − d₁): low (not cheap, too cheap), high (too expensive, not expensive),
/// IDP (expensive, cheap), OPP (too expensive, too cheap). (An independent Python check of these
/// cases gives the same figures.)
@Suite struct PSMTests {
    /// Case A. Seven respondents; three invalid:
    ///   R1 1,2,3,4   R2 2,3,4,5   R3 1,3,5,6   R4 2,4,5,7      valid (n = 4)
    ///   R5 blank too cheap                                       invalid: blank
    ///   R6 3,2,4,5 (too cheap > cheap)                           invalid: not in order
    ///   R7 1,2,2,3 (cheap = expensive: a tie, not strictly less) invalid: not in order
    /// Grid 1…7. F (p = 1…7), 0 at and below the smallest answer, 1 at and above the largest:
    ///   too cheap {1,2,1,2}: 0 1 1 1 1 1 1     → too cheap 1 0 0 0 0 0 0
    ///   cheap {2,3,3,4}:      0 0 .75 1 1 1 1  → cheap 1 1 .25 0 0 0 0; not cheap 0 0 .75 1 1 1 1
    ///   expensive {3,4,5,5}:  0 0 0 .5 1 1 1   → expensive the same; not expensive 1 1 1 .5 0 0 0
    ///   too exp. {4,5,6,7}:   0 0 0 0 .5 .75 1
    /// low:  d = not cheap − too cheap = −1 0 .75 …: − to 0 at (1, 2): 1 − (−1)(1)/(0 + 1) = 2
    /// high: d = too exp − not exp = −1 −1 −1 −.5 .5 …: at (4, 5): 4 − (−.5)(1)/(.5 + .5) = 4.5
    /// IDP:  d = expensive − cheap = −1 −1 −.25 .5 …: at (3, 4): 3 + .25/.75 = 3.333…
    /// OPP:  d = too exp − too cheap = −1 0 0 0 .5 …: − to 0 at (1, 2) → 2
    /// NMS intents (cheap, expensive) R1 5,1 (.7, 0)  R2 4,2 (.5, .1)  R3 3,3 (.3, .3)  R4 1,4 (0, .5);
    /// purchase probability by grid position 0…6 (linear in position between the four points):
    ///   R1 tc@0 c@1 e@2 te@3: 0 .7 0 0 0 0 0
    ///   R2 tc@1 c@2 e@3 te@4: 0 0 .5 .1 0 0 0
    ///   R3 tc@0 c@2 e@4 te@5: 0 .15 .3 .3 .3 0 0
    ///   R4 tc@1 c@3 e@4 te@6: 0 0 0 0 .5 .25 0
    ///   sum 0 .85 .8 .4 .8 .25 0 → reach (÷4) 0 .2125 .2 .1 .2 .0625 0 → highest at 2
    ///   revenue = p × reach: 0 .425 .6 .4 1 .375 0 → highest at 5
    static let caseA = """
        Id,Segment,TooCheap,Cheap,Expensive,TooExpensive,PiCheap,PiExpensive
        R1,A,1,2,3,4,5,1
        R2,A,2,3,4,5,4,2
        R3,B,1,3,5,6,3,3
        R4,B,2,4,5,7,1,4
        R5,A,,2,3,4,3,3
        R6,B,3,2,4,5,3,3
        R7,B,1,2,2,3,3,3

        """
    static let columns = "--too-cheap TooCheap --cheap Cheap --expensive Expensive --too-expensive TooExpensive"
    static let nms = "--pi-cheap PiCheap --pi-expensive PiExpensive"

    @Test func caseAByHand() {
        let path = Files.write("case-a.csv", Self.caseA)
        var b = Bench()
        let d = b.data("price psm \(path) \(Self.columns) \(Self.nms) --json")
        #expect(d["total"] == 7 && d["invalid"] == 3 && d["n"] == 4 && d["prices"] == 7)
        #expect(d["invalid_reasons"]?["blank"] == 1 && d["invalid_reasons"]?["not_in_order"] == 2)
        #expect(d["range"]?.doubles == [2, 4.5])
        #expect(d["idp"]?.doubleValue == 10.0 / 3 && d["opp"] == 2)
        #expect(d["reach_price"] == 2 && d["revenue_price"] == 5)
        #expect(close(d["reach"]?.doubleValue, 0.2125) && close(d["revenue"]?.doubleValue, 1.0))
        let text = b.text("price psm \(path) \(Self.columns)")
        #expect(text.contains("7 respondents, 4 valid, 3 invalid (1 blank, 2 not in order)"), "\(text)")
        #expect(text.contains("Acceptable range 2.00 to 4.50"), "\(text)")
    }

    /// The curves themselves, on the grid (the analysis, without a file).
    @Test func caseACurves() {
        var a = PSMAnswers()
        a.append(1, 2, 3, 4); a.append(2, 3, 4, 5); a.append(1, 3, 5, 6); a.append(2, 4, 5, 7)
        let r = PSM.analyze([a])
        #expect(r.prices == [1, 2, 3, 4, 5, 6, 7])
        #expect(r.tooCheap == [1, 0, 0, 0, 0, 0, 0])
        #expect(r.cheap == [1, 1, 0.25, 0, 0, 0, 0])
        #expect(r.expensive == [0, 0, 0, 0.5, 1, 1, 1])
        #expect(r.tooExpensive == [0, 0, 0, 0, 0.5, 0.75, 1])
        #expect(r.reach == nil)
    }

    /// Prices with three decimals take the sorting path instead of counting cents: the same
    /// respondents shifted by 0.001 give the same points shifted by 0.001.
    @Test func thousandthsTakeTheSortingPath() {
        var a = PSMAnswers()
        for row in [[1, 2, 3, 4], [2, 3, 4, 5], [1, 3, 5, 6], [2, 4, 5, 7]].map({ $0.map { Double($0) + 0.001 } }) {
            a.append(row[0], row[1], row[2], row[3])
        }
        let r = PSM.analyze([a])
        // 3.001 + 0.25/0.75 in doubles, as the Python check computes it.
        #expect(r.low == 2.001 && r.high == 4.501 && r.idp == 3.3343333333333334 && r.opp == 2.001)
    }

    /// A single valid respondent 10, 20, 30, 40 (grid 10 20 30 40). Each question has one answer,
    /// so F is 0 up to and at it (0 wins where smallest = largest) and 1 above:
    ///   too cheap 1 0 0 0; cheap 1 1 0 0 (not cheap 0 0 1 1); expensive 0 0 0 1 (not exp. 1 1 1 0);
    ///   too expensive 0 0 0 0.
    ///   low: d = −1 0 1 1 → (10, 20): 20; high: d = −1 −1 −1 0 → (30, 40): 40;
    ///   IDP: d = −1 −1 0 1 → (20, 30): 30; OPP: d = −1 0 0 0 → (10, 20): 20.
    /// NMS with both intents k: probability 0, c, c, 0 at 10, 20, 30, 40 with c = 0.7, 0.5, 0.3, 0.1, 0
    /// for k = 5…1: reach highest first at 20 (k = 1: all 0, so 10); revenue 20c vs 30c → 30 (k = 1: 10).
    @Test(arguments: [(5, 0.7), (4, 0.5), (3, 0.3), (2, 0.1), (1, 0.0)])
    func singleRespondentEveryIntent(intent: Int, calibrated: Double) {
        let path = Files.write(
            "single-\(intent).csv",
            "TooCheap,Cheap,Expensive,TooExpensive,PiCheap,PiExpensive\n10,20,30,40,\(intent),\(intent)\n")
        var b = Bench()
        let d = b.data("price psm \(path) \(Self.columns) \(Self.nms)")
        #expect(d["n"] == 1 && d["range"]?.doubles == [20, 40] && d["idp"] == 30 && d["opp"] == 20)
        #expect(d["reach_price"]?.doubleValue == (calibrated > 0 ? 20 : 10))
        #expect(d["revenue_price"]?.doubleValue == (calibrated > 0 ? 30 : 10))
        #expect(close(d["reach"]?.doubleValue, calibrated))
        #expect(close(d["revenue"]?.doubleValue, 30 * calibrated))
    }

    /// Crossings by hand: curves that never meet give nil; a zero is a sign of its own (the
    /// crossing is that grid price); a sign change between prices is interpolated.
    @Test func curvesThatNeverMeet() {
        #expect(PSM.crossing([0, 0.1, 0.2], [0.5, 0.6, 0.7], [1, 2, 3]) == nil)
        #expect(PSM.crossing([0, 0.6, 0.9], [0.5, 0.6, 0.7], [1, 2, 3]) == 2)  // d = −.5 0 .2
        #expect(PSM.crossing([0, 0.5, 0.9], [0.5, 0.6, 0.1], [10, 20, 30]) == 20 + 0.1 * 10 / 0.9)  // d = −.5 −.1 .8
        #expect(PSM.crossing([0.5], [0.1], [1]) == nil)
        var r = PSMResult(n: 1, prices: [1, 2], tooCheap: [], cheap: [], expensive: [], tooExpensive: [])
        r.low = 1; r.high = 2
        #expect(
            PSMCommand.sentence(r).contains(
                "no optimal price point: the too-cheap and too-expensive curves do not meet"))
        #expect(PSMCommand.sentence(r).contains("no indifference price point"))
    }

    /// --by: group A = R1, R2 (+ R5 invalid); group B = R3, R4 (+ R6, R7 invalid).
    /// A: grid 1…5; too cheap 1 0 0 0 0; cheap 1 1 0 0 0 (not cheap 0 0 1 1 1); expensive 0 0 0 1 1
    ///    (not exp. 1 1 1 0 0); too exp. 0 0 0 0 1 → low: d −1 0 → 2; high: d −1 −1 −1 0 → 4;
    ///    IDP: d −1 −1 0 → 3; OPP: d −1 0 → 2.
    /// B: grid 1…7; too cheap 1 0…; cheap 1 1 1 0 0 0 0 (not cheap 0 0 0 1 1 1 1); expensive 0 0 0 0 0 1 1
    ///    (not exp. 1 1 1 1 1 0 0); too exp. 0 0 0 0 0 0 1 → low: d −1 0 → 2; high: d … −1 0 at (5, 6) → 6;
    ///    IDP: d −1 −1 −1 0 at (3, 4) → 4; OPP: d −1 0 → 2.
    @Test func byGroup() {
        let path = Files.write("case-a-by.csv", Self.caseA)
        var b = Bench()
        let d = b.data("price psm \(path) \(Self.columns) --by Segment --json")
        #expect(d["by"] == "Segment" && d["n"] == 4 && d["range"]?.doubles == [2, 4.5])
        let groups = d["groups"]?.arrayValue ?? []
        #expect(groups.count == 2)
        #expect(groups.first?["group"] == "A" && groups.first?["n"] == 2 && groups.first?["invalid"] == 1)
        #expect(groups.first?["range"]?.doubles == [2, 4] && groups.first?["idp"] == 3 && groups.first?["opp"] == 2)
        #expect(groups.last?["group"] == "B" && groups.last?["n"] == 2 && groups.last?["invalid"] == 2)
        #expect(groups.last?["range"]?.doubles == [2, 6] && groups.last?["idp"] == 4 && groups.last?["opp"] == 2)
    }

    /// The same respondents behind Qualtrics' three header rows, columns named by question id.
    @Test func qualtricsLayoutByQuestionId() {
        let path = Files.write(
            "qualtrics.csv",
            """
            Q1,Q2,Q3,Q4
            At what price is it too cheap?,A bargain?,Getting expensive?,Too expensive?
            "{""ImportId"":""QID1""}","{""ImportId"":""QID2""}","{""ImportId"":""QID3""}","{""ImportId"":""QID4""}"
            1,2,3,4
            2,3,4,5
            1,3,5,6
            2,4,5,7

            """)
        var b = Bench()
        let d = b.data(
            "price psm \(path) --too-cheap QID1 --cheap QID2 --expensive 3 --too-expensive \"Too expensive?\"")
        #expect(d["n"] == 4 && d["range"]?.doubles == [2, 4.5] && d["idp"]?.doubleValue == 10.0 / 3 && d["opp"] == 2)
    }

    /// SurveyMonkey (two header rows), Google Forms and Typeform exports of the same four
    /// respondents give Case A's figures.
    @Test(arguments: [
        (
            "surveymonkey.csv",
            """
            Respondent ID,Collector ID,Too cheap?,Cheap?,Expensive?,Too expensive?
            ,,Response,Response,Response,Response
            1,9,1,2,3,4
            2,9,2,3,4,5
            3,9,1,3,5,6
            4,9,2,4,5,7

            """, "--too-cheap \"Too cheap?\" --cheap Cheap? --expensive Expensive? --too-expensive \"Too expensive?\""
        ),
        (
            "google.csv",
            """
            Timestamp,Too cheap,Cheap,Expensive,Too expensive
            2026/12/01 10:00:00,1,2,3,4
            2026/12/01 10:01:00,2,3,4,5
            2026/12/01 10:02:00,1,3,5,6
            2026/12/01 10:03:00,2,4,5,7

            """, "--too-cheap 2 --cheap 3 --expensive 4 --too-expensive 5"
        ),
        (
            "typeform.csv",
            """
            #,Too cheap,Cheap,Expensive,Too expensive,Submit Date (UTC)
            a1,"1.00",2,3,4,2026-12-01 10:00:00
            a2,2,3,4,5,2026-12-01 10:01:00
            a3,1, 3 ,5,6,2026-12-01 10:02:00
            a4,2,4,5,7.0,2026-12-01 10:03:00

            """, "--too-cheap \"too cheap\" --cheap cheap --expensive expensive --too-expensive \"too expensive\""
        ),
    ])
    func otherLayouts(name: String, text: String, columns: String) {
        let path = Files.write(name, text)
        var b = Bench()
        let d = b.data("price psm \(path) \(columns)")
        #expect(
            d["n"] == 4 && d["range"]?.doubles == [2, 4.5] && d["idp"]?.doubleValue == 10.0 / 3 && d["opp"] == 2,
            "\(name)")
    }

    /// Windows line ends, a byte-order mark, quoted and padded cells: Case A again.
    @Test func crlfBomAndQuotes() {
        let path = Files.write(
            "crlf.csv",
            "\u{FEFF}TooCheap,Cheap,Expensive,TooExpensive\r\n\"1\",2,3,4\r\n2,\" 3 \",4,5\r\n1,3,5,6\r\n2,4,5,7\r\n")
        var b = Bench()
        let d = b.data("price psm \(path) \(Self.columns)")
        #expect(
            d["n"] == 4 && d["total"] == 4 && d["range"]?.doubles == [2, 4.5] && d["idp"]?.doubleValue == 10.0 / 3
                && d["opp"] == 2)
    }

    @Test func errorsAreOneLineAndChangeNothing() {
        let good = Files.write("good.csv", Self.caseA)
        var b = Bench()
        #expect(
            b.errorMessage(
                "price psm \(good) --too-cheap TooCheap --cheap Chep --expensive Expensive --too-expensive TooExpensive"
            )
            .contains("no column 'Chep'; did you mean 'Cheap'?"))
        let bad = Files.write("bad.csv", "TooCheap,Cheap,Expensive,TooExpensive\n1,2,3,4\n2,abc,4,5\n")
        #expect(
            b.errorMessage("price psm \(bad) \(Self.columns)")
                == """
                \(bad): row 3, column 'Cheap' (2): 'abc' is not a price (a number) (a blank answer makes \
                the respondent invalid; --lenient counts such respondents as invalid and goes on)
                """
        )
        let lenient = b.data("price psm \(bad) \(Self.columns) --lenient")
        #expect(lenient["n"] == 1 && lenient["invalid"] == 1 && lenient["invalid_reasons"]?["not_numeric"] == 1)
        let intent = Files.write(
            "intent.csv", "TooCheap,Cheap,Expensive,TooExpensive,PiCheap,PiExpensive\n1,2,3,4,6,1\n")
        #expect(
            b.errorMessage("price psm \(intent) \(Self.columns) \(Self.nms)").contains(
                "row 2, column 'PiCheap' (5): '6' is not a purchase intent from 1 to 5"))
        let none = Files.write("none.csv", "TooCheap,Cheap,Expensive,TooExpensive\n4,3,2,1\n1,,3,4\n1,2,2,3\n")
        #expect(
            b.errorMessage("price psm \(none) \(Self.columns)")
                .hasPrefix("price psm: \(none): every respondent is invalid (3 respondents: 1 blank, 2 not in order)"))
        #expect(
            b.errorMessage(
                """
                price psm \(good) --too-cheap TooCheap --cheap Cheap --expensive Expensive --too-expensive \
                TooExpensive --pi-cheap PiCheap
                """
            )
            .contains("needs both --pi-cheap and --pi-expensive"))
    }

    /// --record keeps the total's figures as the segment's willingness to pay; undo takes it back.
    @Test func recordThenUndo() {
        let path = Files.write("record.csv", Self.caseA)
        var b = Bench()
        b.data("enterprise add Pangdonglai")
        b.data("segment add Shoppers")
        b.data("price psm \(path) \(Self.columns) --record shoppers")
        let shown = b.data("segment show Shoppers")["willingness_to_pay"]
        #expect(
            shown?["low"] == 2 && shown?["high"] == 4.5 && shown?["opp"] == 2 && shown?["idp"]?.doubleValue == 10.0 / 3)
        #expect(shown?["respondents"] == 4 && shown?["source"] == "record.csv")
        #expect(
            b.text("segment show Shoppers").contains(
                "Willingness to pay: acceptable range 2–4.5, OPP 2, IDP 3.33, 4 respondents (record.csv)."))
        b.data("undo")
        #expect(b.data("segment show Shoppers")["willingness_to_pay"] == nil)
        #expect(
            b.errorMessage("price psm \(path) \(Self.columns) --record Nobody").contains("no segment named 'Nobody'"))
    }

    /// --record-by keeps each group's figures (worked above in byGroup) for the segment of its
    /// name, in one step that one undo takes back; a group without a segment changes nothing.
    @Test func recordByGroup() {
        let path = Files.write("record-by.csv", Self.caseA)
        var b = Bench()
        b.data("enterprise add Acme")
        b.data("segment add A")
        #expect(
            b.errorMessage("price psm \(path) \(Self.columns) --by Segment --record-by").contains(
                "no segment named 'B'"))
        #expect(b.data("segment show A")["willingness_to_pay"] == nil)
        b.data("segment add B")
        b.data("price psm \(path) \(Self.columns) --by Segment --record-by")
        #expect(
            b.data("segment show A")["willingness_to_pay"]?["high"] == 4
                && b.data("segment show B")["willingness_to_pay"]?["high"] == 6)
        b.data("undo")
        #expect(
            b.data("segment show A")["willingness_to_pay"] == nil
                && b.data("segment show B")["willingness_to_pay"] == nil)
    }

    /// The chart: 80 columns in the terminal; SVG with every name escaped.
    @Test func chartFitsAndEscapes() {
        var a = PSMAnswers()
        a.append(1, 2, 3, 4, intents: (5, 2)); a.append(2, 3, 4, 5, intents: (4, 1))
        let chart = PricingCharts.psm(PSM.analyze([a]), title: "<Riders & \"Couriers\">")
        #expect(chart.text.split(separator: "\n").allSatisfy { Format.displayWidth(String($0)) <= 80 })
        #expect(chart.svg.contains("&lt;Riders &amp; &quot;Couriers&quot;&gt;") && !chart.svg.contains("<Riders"))
        #expect(chart.svg.contains("OPP") && chart.svg.contains("IDP") && chart.svg.contains("reach"))
    }
}

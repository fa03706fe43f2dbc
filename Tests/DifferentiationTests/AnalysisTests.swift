import Testing
import ValueCore
import Workbench
@testable import Differentiation

@Suite struct KanoTests {
    /// All 25 cells of the standard evaluation table (functional row, dysfunctional column).
    @Test(arguments: [
        (1, 1, "Q"), (1, 2, "A"), (1, 3, "A"), (1, 4, "A"), (1, 5, "O"),
        (2, 1, "R"), (2, 2, "I"), (2, 3, "I"), (2, 4, "I"), (2, 5, "M"),
        (3, 1, "R"), (3, 2, "I"), (3, 3, "I"), (3, 4, "I"), (3, 5, "M"),
        (4, 1, "R"), (4, 2, "I"), (4, 3, "I"), (4, 4, "I"), (4, 5, "M"),
        (5, 1, "R"), (5, 2, "R"), (5, 3, "R"), (5, 4, "R"), (5, 5, "Q"),
    ])
    func evaluationTable(functional: Int, dysfunctional: Int, expected: String) {
        #expect(Kano.classify(functional: functional, dysfunctional: dysfunctional).rawValue == expected)
    }

    @Test func betterWorseAndTies() {
        // 2 A, 1 O, 1 M, 1 I, 1 Q: A wins; Better = 3/5, Worse = −2/5.
        let f = Kano.Feature(feature: "x", counts: [.A: 2, .O: 1, .M: 1, .I: 1, .Q: 1])
        #expect(f.category == .A && f.better == 0.6 && f.worse == -0.4 && f.respondents == 6)
        // Ties: M > O > A > I.
        #expect(Kano.Feature(feature: "t", counts: [.A: 2, .O: 2, .M: 2, .I: 2]).category == .M)
        #expect(Kano.Feature(feature: "t", counts: [.A: 2, .O: 2, .I: 2]).category == .O)
        #expect(Kano.Feature(feature: "t", counts: [.A: 2, .I: 2]).category == .A)
        #expect(Kano.Feature(feature: "t", counts: [.I: 1, .R: 1]).category == .I)
        // Only R and Q: Better and Worse are undefined, not NaN.
        let rq = Kano.Feature(feature: "rq", counts: [.R: 3, .Q: 1])
        #expect(rq.category == .R && rq.better == nil && rq.worse == nil)
    }

    @Test func commandReadsACSVAndGivesTheDocumentedJSON() throws {
        let csv = "respondent,feature,functional,dysfunctional\n1,Fast charge,1,5\n2,Fast charge,1,5\n3,Fast charge,1,3\n1,Colour,3,3\n2,Colour,2,5\n"
        var s = session(files: ["k.csv": csv])
        let r = run(&s, "diff kano k.csv --json")
        let rows = try #require(r.data.arrayValue)
        #expect(rows.count == 2)
        #expect(rows[0]["feature"] == "Fast charge" && rows[0]["category"] == "One-dimensional")
        #expect(rows[0]["counts"] == ["A": 1, "O": 2, "M": 0, "I": 0, "R": 0, "Q": 0])
        #expect(rows[0]["better"]?.doubleValue == 1 && rows[0]["worse"]?.doubleValue == -2.0 / 3)
        #expect(rows[1]["category"] == "Must-be")  // I 1, M 1: M wins the tie
        #expect(fail(&s, "diff kano nope.csv").message.contains("nope.csv"))
    }

    @Test(arguments: [
        ("feature,functional\nA,1\n", "no 'dysfunctional' column"),
        ("feature,functional,dysfunctional\nA,1,6\n", "line 2: dysfunctional answer '6' is not 1–5"),
        ("feature,functional,dysfunctional\n,1,2\n", "line 2: the feature is empty"),
        ("feature,functional,dysfunctional\n", "no answers"),
        ("feature,functional,dysfunctional\nA\n", "line 2: 1 field, expected 3"),
    ])
    func badSurveys(text: String, expected: String) {
        var s = session(files: ["k.csv": text])
        let e = fail(&s, "diff kano k.csv")
        #expect(e.message.contains(expected), "\(e.message)")
    }
}

@Suite struct VRIOTests {
    @Test(arguments: [
        (false, true, true, true, "competitive disadvantage"),
        (true, false, true, true, "competitive parity"),
        (true, true, false, true, "temporary advantage"),
        (true, true, true, false, "unexploited advantage"),
        (true, true, true, true, "sustained advantage"),
    ])
    func barneysTable(v: Bool, r: Bool, i: Bool, o: Bool, expected: String) {
        let row = VRIORow(Resource(name: "x", valuable: v, rare: r, costlyToImitate: i, organized: o))
        #expect(row.label == expected)
    }

    @Test func commandListsEveryResourceOrSaysThereAreNone() {
        var e = firm("Co")
        e.resources = [Resource(name: "R&D", kind: .technology, strength: 9, valuable: true, rare: true, costlyToImitate: true, organized: true),
                       Resource(name: "Plant", strength: 3)]
        var s = session(workspace([e, firm("Empty")]))
        let r = run(&s, "diff vrio Co --json")
        #expect(r.data["resources"]?.arrayValue?.map { $0["implication"] } == ["sustained advantage", "competitive disadvantage"])
        let none = run(&s, "diff vrio Empty")
        #expect(none.data["resources"] == [])
        #expect(Renderer.plain(none.output).contains("has no resources yet"))
    }
}

@Suite struct CanvasTests {
    @Test func divergenceFromTheOthersMean() {
        let a = firm("A", [("F", 8, nil), ("G", 2, nil)])
        let b = firm("B", [("F", 4, nil), ("G", 2, nil)])
        let c = firm("C", [("F", 6, nil)])  // G not scored: 0
        let canvas = Canvas([a, b, c], factors: ["F", "G"])
        #expect(canvas.curves[0].divergence == [3, 1])      // 8 − (4+6)/2, 2 − (2+0)/2
        #expect(canvas.curves[0].overall == 2)
        #expect(canvas.curves[2].divergence == [0, -2])
        #expect(canvas.curves[2].unscored == ["G"])
        #expect(!canvas.allEqual)
    }

    @Test func allEqualCurvesSaySo() {
        var s = session(workspace([firm("A", [("F", 5, nil)]), firm("B", [("F", 5, nil)])]))
        let r = run(&s, "diff canvas A B")
        #expect(r.data["all_equal"] == true)
        #expect(Renderer.plain(r.output).contains("The curves coincide"))
    }

    @Test func oneEnterpriseIsAClearError() {
        var s = session(workspace([firm("Solo", [("F", 5, nil)])]))
        #expect(fail(&s, "diff canvas").message.contains("needs at least two enterprises with factor scores, found 1"))
        #expect(fail(&s, "diff canvas Solo --factors Nope").message.contains("needs at least two"))
    }

    @Test func unknownFactorAndEnterpriseAreNamed() {
        var s = session(workspace([firm("A", [("Speed", 5, nil)]), firm("B", [("Speed", 3, nil)])]))
        #expect(fail(&s, "diff canvas A B --factors Sped").message.contains("did you mean 'Speed'"))
        #expect(fail(&s, "diff canvas A Zed").message.contains("no enterprise named 'Zed'"))
    }
}

@Suite struct ERRCTests {
    @Test func decisionsFromCurvesAndImportance() {
        var me = firm("Me", [("Frills", 5, 1), ("Paperwork", 6, 2), ("Speed", 5, 5), ("Safety", 9, 4), ("Service", 0, 5), ("Colour", 3, 3)])
        me.needs = [Need(name: "Range anxiety", segment: "Drivers", kind: .pain, importance: 5),
                    Need(name: "Looks", segment: "Drivers", kind: .gain, importance: 2)]
        let rival = firm("Rival", [("Frills", 7, nil), ("Paperwork", 5, nil), ("Speed", 6, nil), ("Safety", 6, nil), ("Service", 1, nil)])
        let actions = ERRC.actions(for: me, competitors: [rival])
        func kind(_ s: String) -> ERRCAction.Kind? { actions.first { $0.subject == s }?.kind }
        #expect(kind("Frills") == .eliminate)   // importance 1, offered
        #expect(kind("Paperwork") == .reduce)   // importance 2, at or above the rival
        #expect(kind("Speed") == .raise)        // importance 5, below the rival
        #expect(kind("Safety") == .keep)        // importance 4, 3 points ahead
        #expect(kind("Service") == .create)     // importance 5, no one offers it
        #expect(kind("Colour") == .keep)        // importance 3
        #expect(kind("Range anxiety") == .create)  // an important need no offering relieves
        #expect(kind("Looks") == nil)           // unimportant need
        #expect(actions.allSatisfy { !$0.reason.isEmpty })
    }

    @Test func noCompetitorsIsAClearError() {
        var s = session(workspace([firm("Alone", industry: nil, [("F", 5, 4)])]))
        let e = fail(&s, "diff errc Alone")
        #expect(e.code == "NoCompetitors" && e.message.contains("names no competitors and has no industry"))
        var s2 = session(workspace([firm("A", [("F", 5, 4)], competitors: ["Ghost"])]))
        #expect(fail(&s2, "diff errc").message.contains("none of its named competitors (Ghost)"))
    }
}

@Suite struct ValueMapTests {
    @Test func fairValueLineIsTheLeastSquaresFit() throws {
        // Relative qualities 0.5, 1, 1.5 with relative prices 0.6, 0.9, 1.5:
        // slope = Σ(x−1)(y−1)/Σ(x−1)² = (0.2+0+0.25)/0.5 = 0.9, intercept = 1 − 0.9 = 0.1.
        let m = ValueMap(names: ["a", "b", "c"], quality: [2, 4, 6], price: [60, 90, 150])
        let slope = try #require(m.slope)
        #expect(abs(slope - 0.9) < 1e-12 && abs(m.intercept - 0.1) < 1e-12)
        #expect(m.averagePrice == 100 && m.averageQuality == 4)
        // b: fair 0.1 + 0.9 = 1.0, actual 0.9 → advantage +0.1 (10 in price units).
        #expect(abs(m.points[1].advantage - 0.1) < 1e-12 && abs(m.points[1].advantageInPrice - 10) < 1e-9)
        #expect(m.points[1].verdict == "more value than the price asks")
        // c: fair 1.45, actual 1.5 → −0.05: within the tolerance.
        #expect(m.points[2].verdict == "value matches price")
    }

    @Test func equalQualitiesGiveAFlatLineNotNaN() {
        let m = ValueMap(names: ["a", "b"], quality: [5, 5], price: [80, 120])
        #expect(m.slope == nil && m.intercept == 1)
        #expect(m.points.allSatisfy { $0.advantage.isFinite })
    }

    @Test func missingPricesAreNamed() {
        var s = session(workspace([firm("A", price: 10, [("F", 5, nil)]), firm("B", [("F", 6, nil)]), firm("C", [("F", 7, nil)])]))
        let e = fail(&s, "diff valuemap A B C")
        #expect(e.message.contains("needs at least two enterprises with both factor scores and a price, found 1"))
        #expect(e.message.contains("missing a price: B, C"))
    }

    /// Enterprises called A, B, C: the plot's marks are 1, 2, 3 and the legend reads `1 → A`,
    /// so no letter on the chart can be taken for a name; 80 columns, no colour.
    @Test func marksCannotBeMistakenForNames() throws {
        let list = [firm("A", price: 10, [("Range", 8, nil), ("Cost", 5, nil)]),
                    firm("B", price: 14, [("Range", 9, nil), ("Cost", 3, nil)]),
                    firm("C", price: 8, [("Range", 4, nil), ("Cost", 9, nil)])]
        var s = session(workspace(list))
        let map = try #require(run(&s, "diff valuemap A B C").output.chart?.text)
        #expect(map == """
            Customer value map: relative price (up), relative perceived quality (across).
            Dots: the fair-value line; below it, more value than the price asks.
              1.37 │            ··
                   │              ·2
                   │                ···
                   │                   ··
                   │                     ··
                   │                       ···
                   │                          ··
                   │                            ··
              1.01 │                              ···
                   │                                 ··
                   │                                   ··   1
                   │                                     ···
                   │                                        ··
                   │                                          ··
                   │                                        3   ···
              0.69 │                                               ··
                   └────────────────────────────────────────────────────────
                    0.90                      0.99                      1.08
            1 → A   2 → B   3 → C

            """)
        let canvas = try #require(run(&s, "diff canvas A B C").output.chart?.text)
        #expect(canvas.hasSuffix("""
            Range                    3               1   2
            Cost                 2       1               3
            1 → A   2 → B   3 → C

            """), "\(canvas)")
        for line in (map + canvas).split(separator: "\n") {
            #expect(Format.displayWidth(String(line)) <= 80)
            #expect(!line.contains("\u{1B}"))
        }
    }

    /// Marks run 1 … 9, a … z, then +; collisions are `*`, named in the legend.
    @Test func marksAndCollisions() throws {
        #expect(String((0..<36).map(Charts.marker)) == "123456789abcdefghijklmnopqrstuvwxyz+")
        let list = ["A", "B"].map { firm($0, price: 10, [("Range", 5, nil)]) } + [firm("C", price: 12, [("Range", 7, nil)])]
        var s = session(workspace(list))
        let text = try #require(run(&s, "diff valuemap A B C").output.chart?.text)
        #expect(text.hasSuffix("3 → C   * → several at one point\n"), "\(text)")
    }

    @Test func offeringPricesStandInForAPriceLevel() {
        var b = firm("B", [("F", 6, nil)])
        b.offerings = [Offering(name: "x", price: 30), Offering(name: "y", price: 50), Offering(name: "z")]
        var s = session(workspace([firm("A", price: 20, [("F", 4, nil)]), b]))
        let r = run(&s, "diff valuemap A B --json")
        #expect(r.data["points"]?.arrayValue?[1]["price"] == .int(40))
    }
}

@Suite struct UtilityTests {
    @Test func weightedUtilityAndFit() {
        var e = firm("Co")
        e.needs = [Need(name: "Range", segment: "Drivers", kind: .pain, importance: 5),
                   Need(name: "Status", segment: "Drivers", kind: .gain, importance: 4),
                   Need(name: "Cheap", segment: "Fleets", kind: .pain, importance: 4),
                   Need(name: "Move", segment: "Fleets", kind: .job, importance: 5)]
        e.offerings = [Offering(name: "Pack"), Offering(name: "Badge")]
        e.reliefs = [Relief(offering: "Pack", need: "Range", functional: 8, emotional: 2),
                     Relief(offering: "Badge", need: "Status", functional: 0, emotional: 6),
                     Relief(offering: "Pack", need: "Status", functional: 1, emotional: 3)]
        let u = UtilityReport(e)
        // Drivers: functional (5×8 + 4×1)/9, emotional (5×2 + 4×6)/9.
        #expect(abs(u.segments[0].functional - 44.0 / 9) < 1e-12 && abs(u.segments[0].emotional - 34.0 / 9) < 1e-12)
        #expect(u.segments[1].functional == 0)
        // Fit: Range and Status relieved (≥ 5), Cheap not; the job does not count.
        #expect(u.importantPainsAndGains == 3 && u.importantRelieved == 2)
        #expect(u.needs.filter { !$0.served }.map(\.need) == ["Cheap", "Move"])
        #expect(abs((u.emotionalShare ?? 0) - 34.0 / 78) < 1e-12)
    }

    @Test func noNeedsIsAMessageNotNaN() {
        var s = session(workspace([firm("Co")]))
        let r = run(&s, "diff utility --json")
        #expect(r.data["fit"] == .null && r.data["emotional_share"] == .null)
    }
}

@Suite struct MoatTests {
    @Test func partsAndTotal() {
        var e = firm("Co", [("F", 9, nil), ("G", 9, nil)])
        e.resources = [Resource(name: "Tech", strength: 8, valuable: true, rare: true, costlyToImitate: true, organized: true),
                       Resource(name: "Brand", strength: 7, valuable: true, rare: true, costlyToImitate: true)]
        e.models = [ValueModel(name: "m", nodes: [.init(name: "Tech", stage: .resource), .init(name: "Make", stage: .activity),
                                                   .init(name: "Value", stage: .value), .init(name: "Sales", stage: .revenue),
                                                   .init(name: "Profit", stage: .profit), .init(name: "Reinvest", stage: .reinvestment)],
                               edges: [.init(from: "Tech", to: "Make"), .init(from: "Make", to: "Value"), .init(from: "Value", to: "Sales"),
                                       .init(from: "Sales", to: "Profit"), .init(from: "Profit", to: "Reinvest"), .init(from: "Reinvest", to: "Tech")])]
        e.needs = [Need(name: "N", segment: "S", importance: 5)]
        e.reliefs = [Relief(offering: "O", need: "N", functional: 5, emotional: 5)]
        let rival = firm("Rival", [("F", 3, nil), ("G", 3, nil)])
        let m = Moat(e, in: workspace([e, rival]))
        let score = Dictionary(uniqueKeysWithValues: m.parts.map { ($0.name, $0.score) })
        #expect(score["vrio"] == 0.75)       // (1 + ½)/2
        #expect(score["divergence"] == 1)    // 6 points ≥ 3
        #expect(score["grounding"] == 1 && score["loops"] == 1 && score["emotional"] == 1)
        #expect(abs(m.total - (30 * 0.75 + 70)) < 1e-9 && m.verdict == "a strong moat")
    }

    /// Counts agree with their nouns: one competitor, one factor.
    @Test func evidenceCountsAgreeInNumber() {
        let a = firm("A", [("Range", 8, 4)], competitors: ["B"])
        var s = session(workspace([a, firm("B", [("Range", 5, nil)])]))
        let r = run(&s, "diff moat --json")
        let evidence = r.data["parts"]?.arrayValue?.first { $0["part"]?.stringValue == "divergence" }?["evidence"]?.stringValue
        #expect(evidence == "3.00 points from 1 competitor's mean over 1 factor")
        #expect(Renderer.plain(run(&s, "diff nearest").output).hasPrefix("2 enterprises over 1 factor; "))
    }

    @Test func emptyEnterpriseScoresZeroWithEvidence() {
        var s = session(workspace([firm("Bare")]))
        let r = run(&s, "diff moat --json")
        #expect(r.data["total"] == .int(0))
        #expect(r.data["parts"]?.arrayValue?.allSatisfy { !($0["evidence"]?.stringValue ?? "").isEmpty } == true)
    }
}

@Suite struct EscapingTests {
    static let nasty = ["<script>alert(1)</script>", "Tom & Jerry's"]

    @Test func namesAreEscapedInEverySVG() throws {
        var a = firm(Self.nasty[0], price: 10, [("<b>F</b>", 5, 3), ("G", 7, nil)])
        a.competitors = [Self.nasty[1]]
        let b = firm(Self.nasty[1], price: 12, [("<b>F</b>", 8, nil), ("G", 2, nil)])
        var s = session(workspace([a, b]))
        for line in ["diff canvas", "diff valuemap"] {
            let r = run(&s, line)
            let svg = try #require(r.output.chart?.svg)
            #expect(!svg.contains("<script>") && !svg.contains("<b>"))
            #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(svg.contains("Tom &amp; Jerry&#39;s"))
            #expect(!svg.contains("Jerry's"))
            // The text chart shows the names as they are.
            #expect(r.output.chart?.text.contains("Tom & Jerry's") == true)
        }
    }

    @Test func textChartsFitEightyColumns() throws {
        let names = ["A very long enterprise name indeed", "B", "C"]
        let list = names.enumerated().map { i, n in
            firm(n, price: Double(10 + i), [("An extremely long competition factor name", Double(i * 3), 4), ("Speed", Double(9 - i), nil)])
        }
        var s = session(workspace(list))
        for line in ["diff canvas", "diff valuemap"] {
            let chart = try #require(run(&s, line).output.chart)
            for l in chart.text.split(separator: "\n") { #expect(Format.displayWidth(String(l)) <= 80, "\(line): \(l)") }
        }
    }
}

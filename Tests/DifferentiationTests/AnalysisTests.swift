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
        let csv =
            """
            respondent,feature,functional,dysfunctional\n1,Fast charge,1,5\n2,Fast charge,1,5\n3,Fast \
            charge,1,3\n1,Colour,3,3\n2,Colour,2,5\n
            """
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
        e.resources = [
            Resource(
                name: "R&D", kind: .technology, strength: 9, valuable: true, rare: true, costlyToImitate: true,
                organized: true),
            Resource(name: "Plant", strength: 3),
        ]
        var s = session(workspace([e, firm("Empty")]))
        let r = run(&s, "diff vrio Co --json")
        #expect(
            r.data["resources"]?.arrayValue?.map { $0["implication"] } == [
                "sustained advantage", "competitive disadvantage",
            ])
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
        #expect(canvas.curves[0].divergence == [3, 1])  // 8 − (4+6)/2, 2 − (2+0)/2
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
        var me = firm(
            "Me",
            [
                ("Frills", 5, 1), ("Paperwork", 6, 2), ("Speed", 5, 5), ("Safety", 9, 4), ("Service", 0, 5),
                ("Colour", 3, 3),
            ])
        me.needs = [
            Need(name: "Range anxiety", segment: "Drivers", kind: .pain, importance: 5),
            Need(name: "Looks", segment: "Drivers", kind: .gain, importance: 2),
        ]
        let rival = firm(
            "Rival",
            [("Frills", 7, nil), ("Paperwork", 5, nil), ("Speed", 6, nil), ("Safety", 6, nil), ("Service", 1, nil)])
        let actions = ERRC.actions(for: me, competitors: [rival])
        func kind(_ s: String) -> ERRCAction.Kind? { actions.first { $0.subject == s }?.kind }
        #expect(kind("Frills") == .eliminate)  // importance 1, offered
        #expect(kind("Paperwork") == .reduce)  // importance 2, at or above the rival
        #expect(kind("Speed") == .raise)  // importance 5, below the rival
        #expect(kind("Safety") == .keep)  // importance 4, 3 points ahead
        #expect(kind("Service") == .create)  // importance 5, no one offers it
        #expect(kind("Colour") == .keep)  // importance 3
        #expect(kind("Range anxiety") == .create)  // an important need no offering relieves
        #expect(kind("Looks") == nil)  // unimportant need
        #expect(actions.allSatisfy { !$0.reason.isEmpty })
    }

    /// Each rule at and around its edge, worked by hand against the help's table (tried in order:
    /// eliminate, reduce, create, raise, keep). Competitors' scores are given one by one.
    @Test(arguments: [
        // (my score, importance, competitors, expected)
        (5.0, 1, [7.0], ERRCAction.Kind.eliminate),
        (0.0, 1, [7.0], .keep),  // importance 1 but not offered: nothing to drop
        (6.0, 2, [5.0], .reduce), (5.0, 2, [5.0], .reduce), (4.0, 2, [5.0], .keep),
        (0.0, 5, [1.0, 2.0], .create),
        (0.0, 5, [0.0, 5.0], .raise),  // mean 2.5 < 3, but one competitor offers 5: not "no one offers it"
        (5.0, 4, [4.0], .raise),  // 1 point above the mean: less than 2
        (6.0, 4, [4.0], .keep),  // 2 points above: the lead is kept
        (3.5, 3, [9.0], .raise),  // a 5.5-point deficit on importance 3 (was "no action needed")
        (7.0, 3, [9.0], .raise),  // exactly 2 behind
        (7.5, 3, [9.0], .keep),  // 1.5 behind: watch it
        (9.0, 3, [9.0], .keep),
    ])
    func rulesAtTheirEdges(_ mine: Double, _ importance: Int, _ theirs: [Double], _ expected: ERRCAction.Kind) {
        let me = firm("Me", [("F", mine, importance)])
        let rivals = theirs.enumerated().map { firm("R\($0.offset)", [("F", $0.element, nil)]) }
        #expect(ERRC.actions(for: me, competitors: rivals).first?.kind == expected)
    }

    /// "raise Price … well above the industry" read as "raise your prices": a price factor is
    /// phrased as a more attractive price.
    @Test func priceFactorsArePhrasedAsPrice() {
        let me = firm("Me", [("Price", 5, 4)]), rival = firm("Rival", [("Price", 8, nil)])
        let a = ERRC.actions(for: me, competitors: [rival], priceFactors: [NameKey("price")])[0]
        #expect(
            a.kind == .raise && a.reason.contains("make your price more attractive") && !a.reason.contains("well above")
        )
        #expect(ERRC.actions(for: me, competitors: [rival])[0].reason.contains("well above the industry"))
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
    /// `ValueMap` from qualities and prices, every price a price level.
    func map(_ quality: [Double], _ price: [Double], slope: Double = 1) -> ValueMap {
        ValueMap(
            names: quality.indices.map { "e\($0)" }, quality: quality, price: price,
            basis: quality.map { _ in "price level" }, slope: slope)
    }

    /// Two enterprises: a line fitted through them would call both fair. A: quality 8 at 100,
    /// B: 6 at 120; means 7 and 110. A: relative quality 8/7, relative price 100/110; the fair
    /// relative price at 8/7 is 8/7, so A's advantage is 8/7 − 10/11 = 0.2338 (25.71 in price).
    @Test func twoEnterprisesAreJudgedNotFitted() {
        let m = map([8, 6], [100, 120])
        #expect(m.averageQuality == 7 && m.averagePrice == 110 && m.slope == 1)
        #expect(abs(m.points[0].advantage - (8.0 / 7 - 10.0 / 11)) < 1e-12)
        #expect(abs(m.points[0].advantageInPrice - 25.714285714285) < 1e-9)
        #expect(m.points.map(\.verdict) == [.moreValue, .lessValue])
        #expect(abs(m.points[1].advantage + m.points[0].advantage) < 1e-12)
        // The same quality and price: both at (1, 1), on the line.
        #expect(map([5, 5], [80, 80]).points.map(\.verdict) == [.matches, .matches])
    }

    /// Three: the one with the highest quality at a below-average price (the issue's case) is
    /// told it gives more value than its price asks. Qualities 9, 6, 6 (mean 7), prices 90, 100,
    /// 110 (mean 100): relative (1.286, 0.9), (0.857, 1.0), (0.857, 1.1).
    @Test func higherQualityAtALowerPriceGivesMoreValue() {
        let m = map([9, 6, 6], [90, 100, 110])
        #expect(m.points.map(\.verdict) == [.moreValue, .lessValue, .lessValue])
        #expect(abs(m.points[0].advantage - (9.0 / 7 - 0.9)) < 1e-12)
        #expect(abs(m.points[1].advantage - (6.0 / 7 - 1.0)) < 1e-12)
        #expect(abs(m.points[2].fairRelativePrice - 6.0 / 7) < 1e-12)
        // Slope 2: quality is worth half as much price; fair relative price = 1 + (q − 1)/2.
        let steep = map([9, 6, 6], [90, 100, 110], slope: 2)
        #expect(abs(steep.points[0].fairRelativePrice - (1 + (9.0 / 7 - 1) / 2)) < 1e-12)
        #expect(abs(steep.points[1].advantage - (1 + (6.0 / 7 - 1) / 2 - 1.0)) < 1e-12)
        #expect(steep.points.map(\.verdict) == [.moreValue, .lessValue, .lessValue])
    }

    /// Five, with the ±5% band: qualities 4…8 (mean 6), prices 70, 92, 100, 112, 126 (mean 100).
    /// Advantages q/6 − p/100: −0.033, −0.087, 0, +0.047, +0.073.
    @Test func fiveEnterprisesAndTheToleranceBand() {
        let m = map([4, 5, 6, 7, 8], [70, 92, 100, 112, 126])
        let expected = [4.0 / 6 - 0.7, 5.0 / 6 - 0.92, 0, 7.0 / 6 - 1.12, 8.0 / 6 - 1.26]
        for (p, e) in zip(m.points, expected) { #expect(abs(p.advantage - e) < 1e-12) }
        #expect(m.points.map(\.verdict) == [.matches, .lessValue, .matches, .matches, .moreValue])
    }

    /// A factor marked as a price factor by any enterprise is left out of every quality.
    @Test func priceFactorsAreLeftOutOfQuality() throws {
        let a = firm("A", price: 100, [("Range", 8, nil), ("Price per kWh", 3, nil)])
        var b = firm("B", price: 120, [("Range", 6, nil), ("Price per kWh", 9, nil)])
        b.priceFactors = ["price per KWH"]
        var s = session(workspace([a, b]))
        let r = run(&s, "diff valuemap A B --json")
        let points = try #require(r.data["points"]?.arrayValue)
        #expect(points[0]["quality"] == .int(8) && points[1]["quality"] == .int(6))
        #expect(points[0]["verdict"] == .string("gives more value than its price asks"))
        #expect(r.output.notes.contains("price factors left out of perceived quality: Price per kWh"))
        // Unmarked, the price factor would have counted: A (8+3)/2, B (6+9)/2.
        var s2 = session(workspace([a, firm("B", price: 120, [("Range", 6, nil), ("Price per kWh", 9, nil)])]))
        #expect(run(&s2, "diff valuemap A B --json").data["points"]?.arrayValue?[1]["quality"] == .num(7.5))
    }

    /// Free offerings are left out of the price, with a note; an enterprise with no paid price is
    /// left off the map with a note.
    @Test func freeOfferingsAndNoPrice() throws {
        var b = firm("B", [("F", 6, nil)])
        b.offerings = [Offering(name: "x", price: 30), Offering(name: "y", price: 50), Offering(name: "z", price: 0)]
        var c = firm("C", [("F", 5, nil)])
        c.offerings = [Offering(name: "free", price: 0)]
        var s = session(workspace([firm("A", price: 20, [("F", 4, nil)]), b, c]))
        let r = run(&s, "diff valuemap A B C --json")
        let points = try #require(r.data["points"]?.arrayValue)
        #expect(points.count == 2)
        #expect(points[0]["price_from"] == .string("price level"))
        #expect(
            points[1]["price"] == .int(40)
                && points[1]["price_from"] == .string("mean of 2 paid offerings; 1 free left out"))
        #expect(r.data["left_out"] == .array([.string("C")]))
        #expect(r.output.notes.contains("B: price from mean of 2 paid offerings; 1 free left out"))
        #expect(
            r.output.notes.contains {
                $0.hasPrefix("left off the map, no price") && $0.contains("C (its only priced offering is free)")
            })
        #expect(ValueMap.price(c).price == nil)
    }

    @Test func missingPricesAreNamed() {
        var s = session(
            workspace([firm("A", price: 10, [("F", 5, nil)]), firm("B", [("F", 6, nil)]), firm("C", [("F", 7, nil)])]))
        let e = fail(&s, "diff valuemap A B C")
        #expect(e.message.contains("needs at least two enterprises with both factor scores and a price, found 1"))
        #expect(e.message.contains("missing a price: B, C"))
    }

    /// Enterprises called A, B, C: the plot's marks are 1, 2, 3 and the legend reads `1 → A`,
    /// so no letter on the chart can be taken for a name; 80 columns, no colour.
    @Test func marksCannotBeMistakenForNames() throws {
        let list = [
            firm("A", price: 10, [("Range", 8, nil), ("Cost", 5, nil)]),
            firm("B", price: 14, [("Range", 9, nil), ("Cost", 3, nil)]),
            firm("C", price: 8, [("Range", 4, nil), ("Cost", 9, nil)]),
        ]
        var s = session(workspace(list))
        let map = try #require(run(&s, "diff valuemap A B C").output.chart?.text)
        #expect(
            map == """
                Customer value map: relative perceived quality (up), relative price (across).
                Dots: the fair-value line through the market average (+); above or left of it,
                more value than the price asks.
                  1.37 │                                                      ··
                       │                                                  ····
                       │                                              ····
                       │                                           ···
                       │                                       ····
                       │                                   ····
                       │                                ···
                       │                            ····
                  1.01 │     3              1   ·+··
                       │                     ···                          2
                       │                 ····
                       │             ····
                       │          ···
                       │      ····
                       │  ····
                  0.69 │··
                       └────────────────────────────────────────────────────────
                        0.69                      1.03                      1.37
                1 → A   2 → B   3 → C

                """)
        let canvas = try #require(run(&s, "diff canvas A B C").output.chart?.text)
        #expect(
            canvas.hasSuffix(
                """
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
        let list =
            ["A", "B"].map { firm($0, price: 10, [("Range", 5, nil)]) } + [firm("C", price: 12, [("Range", 7, nil)])]
        var s = session(workspace(list))
        let text = try #require(run(&s, "diff valuemap A B C").output.chart?.text)
        #expect(text.hasSuffix("3 → C   * → several at one point (1, 2)\n"), "\(text)")
    }
}

@Suite struct UtilityTests {
    @Test func weightedUtilityAndFit() {
        var e = firm("Co")
        e.needs = [
            Need(name: "Range", segment: "Drivers", kind: .pain, importance: 5),
            Need(name: "Status", segment: "Drivers", kind: .gain, importance: 4),
            Need(name: "Cheap", segment: "Fleets", kind: .pain, importance: 4),
            Need(name: "Move", segment: "Fleets", kind: .job, importance: 5),
        ]
        e.offerings = [Offering(name: "Pack"), Offering(name: "Badge")]
        e.reliefs = [
            Relief(offering: "Pack", need: "Range", functional: 8, emotional: 2),
            Relief(offering: "Badge", need: "Status", functional: 0, emotional: 6),
            Relief(offering: "Pack", need: "Status", functional: 1, emotional: 3),
        ]
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
        e.resources = [
            Resource(name: "Tech", strength: 8, valuable: true, rare: true, costlyToImitate: true, organized: true),
            Resource(name: "Brand", strength: 7, valuable: true, rare: true, costlyToImitate: true),
        ]
        e.models = [
            ValueModel(
                name: "m",
                nodes: [
                    .init(name: "Tech", stage: .resource), .init(name: "Make", stage: .activity),
                    .init(name: "Value", stage: .value), .init(name: "Sales", stage: .revenue),
                    .init(name: "Profit", stage: .profit), .init(name: "Reinvest", stage: .reinvestment),
                ],
                edges: [
                    .init(from: "Tech", to: "Make"), .init(from: "Make", to: "Value"),
                    .init(from: "Value", to: "Sales"),
                    .init(from: "Sales", to: "Profit"), .init(from: "Profit", to: "Reinvest"),
                    .init(from: "Reinvest", to: "Tech"),
                ])
        ]
        e.needs = [Need(name: "N", segment: "S", importance: 5)]
        e.reliefs = [Relief(offering: "O", need: "N", functional: 5, emotional: 5)]
        let rival = firm("Rival", [("F", 3, nil), ("G", 3, nil)])
        let m = Moat(e, in: workspace([e, rival]))
        let score = Dictionary(uniqueKeysWithValues: m.parts.map { ($0.name, $0.score) })
        #expect(score["vrio"] == 0.75)  // (1 + ½)/2
        #expect(score["divergence"] == 1)  // 6 points ≥ 3
        #expect(score["grounding"] == 1 && score["loops"] == 1 && score["emotional"] == 1)
        #expect(abs(m.total - (30 * 0.75 + 70)) < 1e-9 && m.verdict == "a strong moat")
    }

    /// Counts agree with their nouns: one competitor, one factor.
    @Test func evidenceCountsAgreeInNumber() {
        let a = firm("A", [("Range", 8, 4)], competitors: ["B"])
        var s = session(workspace([a, firm("B", [("Range", 5, nil)])]))
        let r = run(&s, "diff moat --json")
        let evidence = r.data["parts"]?.arrayValue?.first { $0["part"]?.stringValue == "divergence" }?["evidence"]?
            .stringValue
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
            firm(
                n, price: Double(10 + i),
                [("An extremely long competition factor name", Double(i * 3), 4), ("Speed", Double(9 - i), nil)])
        }
        var s = session(workspace(list))
        for line in ["diff canvas", "diff valuemap"] {
            let chart = try #require(run(&s, line).output.chart)
            for l in chart.text.split(separator: "\n") {
                #expect(Format.displayWidth(String(l)) <= 80, "\(line): \(l)")
            }
        }
    }
}

@Suite struct MoatLoopTests {
    /// The moat cites only reinforcing growth loops: a balancing reinvestment loop scores as a
    /// value loop (½) and is named as limiting growth; parallel edges are noted.
    @Test func aBalancingReinvestmentLoopIsNotGrowth() {
        var e = firm("Co")
        e.models = [
            ValueModel(
                name: "M",
                nodes: [
                    .init(name: "R", stage: .resource), .init(name: "A", stage: .activity),
                    .init(name: "V", stage: .value), .init(name: "S", stage: .revenue),
                    .init(name: "P", stage: .profit), .init(name: "I", stage: .reinvestment),
                ],
                edges: [
                    .init(from: "R", to: "A"), .init(from: "A", to: "V"), .init(from: "V", to: "S"),
                    .init(from: "S", to: "P"), .init(from: "P", to: "I", polarity: .negative),
                    .init(from: "I", to: "R"),
                ])
        ]
        var m = Moat(e, in: workspace([e]))
        let loops = m.parts.first { $0.name == "loops" }
        #expect(loops?.score == 0.5)
        #expect(loops?.evidence == "0 growth loops, 1 value loop, 1 limiting growth (balancing)")
        #expect(m.notes.isEmpty)
        e.models[0].edges[4].polarity = .positive
        e.models[0].edges.append(.init(from: "P", to: "I", polarity: .negative))
        m = Moat(e, in: workspace([e]))
        #expect(m.parts.first { $0.name == "loops" }?.score == 1)
        #expect(m.notes.count == 1 && m.notes[0].contains("P → I"))
    }
}

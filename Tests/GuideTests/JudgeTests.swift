import Testing
import ValueCore
import Workbench
@testable import Guide

/// Each step judged from the workspace: met on the full fixture, not met when a part is taken
/// away, and `guide check` naming what is missing.
@Suite struct JudgeTests {
    func judge(_ step: Int, _ e: Enterprise, competitors: [Enterprise] = [Fixture.byd()]) -> Judgement {
        Judge.step(step, e, in: Fixture.workspace(e, competitors: competitors))
    }

    /// Every "missing" item as plain text.
    func missing(_ j: Judgement) -> [String] { j.missing.map(\.what.description) }

    @Test(arguments: 1...5) func everyStepIsMetOnTheFullFixture(step: Int) {
        let j = judge(step, Fixture.catl())
        #expect(j.met, "step \(step): \(missing(j))")
        #expect(!j.evidence.isEmpty)
    }

    // MARK: Step 1

    @Test func step1WithoutSegments() {
        var e = Fixture.catl()
        e.segments = []; e.needs = []
        let j = judge(1, e)
        #expect(!j.met)
        #expect(missing(j) == ["No segment names who ‘CATL’ serves."])
        #expect(j.missing[0].commands.contains { $0.hasPrefix("segment add") })
    }

    @Test func step1SegmentWithoutNeeds() {
        var e = Fixture.catl()
        e.needs = []
        let j = judge(1, e)
        #expect(!j.met)
        #expect(missing(j) == ["Segment ‘Automakers’ has no needs yet."])
        #expect(j.missing[0].commands == ["need add NEED --segment Automakers --type pain --importance 5"])
    }

    @Test func step1MetWhenOneSegmentHasNeedsAndAnotherIsOpen() {
        var e = Fixture.catl()
        e.segments.append(Segment(name: "Energy storage"))
        let j = judge(1, e)
        #expect(j.met)
        #expect(j.open.map(\.what.description) == ["Segment ‘Energy storage’ has no needs yet."])
        #expect(
            j.evidence.map(\.description) == [
                "Segment ‘Automakers’ has 2 pains, 1 gain; the most important is ‘range anxiety’ (5 of 5)."
            ])
    }

    // MARK: Step 2

    @Test func step2MostImportantNeedUnrelieved() {
        var e = Fixture.catl()
        e.reliefs.removeAll { $0.need == "charging time" }
        let j = judge(2, e)
        #expect(!j.met)
        #expect(missing(j) == ["No offering relieves ‘charging time’ (importance 5, segment ‘Automakers’)."])
        #expect(
            j.missing[0].commands == ["relief set \"Kirin battery\" \"charging time\" --functional 8 --emotional 5"])
        // A less important need left unrelieved is open, not missing.
        #expect(
            j.open.map(\.what.description) == ["No offering relieves ‘pack cost’ (importance 4, segment ‘Automakers’)."]
        )
    }

    @Test func step2ZeroUtilityDoesNotRelieve() {
        var e = Fixture.catl()
        e.reliefs[0].functional = 0; e.reliefs[0].emotional = 0
        #expect(missing(judge(2, e)) == ["No offering relieves ‘range anxiety’ (importance 5, segment ‘Automakers’)."])
    }

    @Test func step2WeakReliefIsNotEnough() {
        var e = Fixture.catl()
        e.reliefs[0].functional = 4; e.reliefs[0].emotional = 3
        let j = judge(2, e)
        #expect(!j.met)
        #expect(
            missing(j) == [
                """
                ‘range anxiety’ (importance 5, segment ‘Automakers’) is served only weakly: functional 4, \
                emotional 3; relieving it takes 5 or more on either.
                """
            ])
        #expect(
            j.missing[0].commands == ["relief set \"Kirin battery\" \"range anxiety\" --functional 8 --emotional 5"])
    }

    @Test func step2NamedCompetitorMissingFromTheWorkspace() {
        var e = Fixture.catl()
        e.competitors = ["BYD", "Sunwoda"]
        let j = judge(2, e)
        #expect(j.met)
        #expect(j.open.map(\.what.description).last == "Named competitor ‘Sunwoda’ is not in the workspace.")
        #expect(j.open.last?.commands == ["enterprise add Sunwoda --industry batteries"])
    }

    @Test func step2WithoutCompetitors() {
        let j = judge(2, Fixture.catl(), competitors: [])
        #expect(!j.met)
        #expect(
            missing(j) == [
                """
                ‘CATL’ has no competitor in the workspace to compare with: name its competitors or add \
                enterprises of its industry (‘batteries’).
                """
            ])
    }

    @Test func step2NotDistinct() {
        var byd = Fixture.byd()
        byd.factors = [FactorScore(factor: "energy density", score: 8), FactorScore(factor: "price", score: 6)]
        let j = judge(2, Fixture.catl(), competitors: [byd])
        #expect(!j.met)
        #expect(
            missing(j) == [
                """
                Nothing in ‘CATL’'s offering stands apart: on no factor does it lead its competitors \
                (‘BYD’) by 2 points or more.
                """
            ])
        #expect(j.missing[0].commands.first == "factor set CATL \"energy density\" 7")
    }

    /// Being 2 points worse than the competitors does not make an offering stand apart.
    @Test func step2OnlyALeadStandsApart() {
        var byd = Fixture.byd()
        byd.factors = [FactorScore(factor: "energy density", score: 9), FactorScore(factor: "price", score: 8)]
        var e = Fixture.catl()
        e.factors = [
            FactorScore(factor: "energy density", score: 7, importance: 5),
            FactorScore(factor: "price", score: 6, importance: 4),
        ]
        let j = judge(2, e, competitors: [byd])
        #expect(!j.met)
        #expect(
            missing(j).first
                == """
                Nothing in ‘CATL’'s offering stands apart: on no factor does it lead its competitors \
                (‘BYD’) by 2 points or more.
                """
        )
        #expect(Analyses.distinctness(of: e, in: Fixture.workspace(e, competitors: [byd])).distinct.isEmpty)
    }

    /// With an acceptable range recorded, each offering's price is judged against it.
    @Test func step2PriceAgainstTheRecordedRange() {
        var e = Fixture.catl()
        e.segments[0].willingnessToPay = WillingnessToPay(low: 80, high: 120, opp: 95)
        var j = judge(2, e)
        #expect(j.met)
        #expect(
            j.evidence.map(\.description).contains(
                "‘Kirin battery’ at 100 lies inside ‘Automakers’'s acceptable price range (80–120)."))
        e.offerings[0].price = 130
        j = judge(2, e)
        #expect(!j.met)
        #expect(
            missing(j) == [
                """
                ‘Kirin battery’ at 130 is above ‘Automakers’'s acceptable price range (80–120): customers \
                find it too expensive for the value it delivers.
                """
            ])
        #expect(j.missing[0].commands.first == "price match CATL")
        e.offerings[0].price = 60
        #expect(missing(judge(2, e)).first?.contains("is below ‘Automakers’'s acceptable price range") == true)
        // The range decides, not the value map: a rival far cheaper for the same quality changes nothing.
        var cheap = Fixture.byd()
        cheap.price = 10
        e.offerings[0].price = 100
        #expect(judge(2, e, competitors: [cheap]).met)
    }

    /// With no range recorded, the value map must not place the enterprise below its fair line.
    @Test func step2PriceAgainstTheValueMap() {
        var j = judge(2, Fixture.catl())
        #expect(
            j.evidence.map(\.description).contains {
                $0.hasPrefix("On the value map ‘CATL’ gives more value than its price asks")
            })
        var dear = Fixture.byd()
        dear.price = 50
        j = judge(2, Fixture.catl(), competitors: [dear])
        #expect(!j.met)
        // CATL: quality 69/9 at 100, BYD 58/9 at 50: relative quality 1.09 at relative price 1.33.
        #expect(
            missing(j) == [
                """
                On the value map ‘CATL’ asks more than its value: below its fair-value line (relative \
                quality 1.09, relative price 1.33 against ‘BYD’).
                """
            ])
        #expect(
            j.missing[0].commands.contains { $0.hasPrefix("price psm ") }
                && j.missing[0].commands.last == "diff valuemap CATL BYD")
        // No price for the rival: the price cannot be judged.
        j = judge(
            2, Fixture.catl(),
            competitors: [
                {
                    var b = Fixture.byd(); b.price = nil; return b
                }()
            ])
        #expect(
            missing(j) == [
                """
                ‘CATL’'s price is not judged against its value: no acceptable price range is recorded for \
                its segments, and the value map lacks a price for ‘BYD’.
                """
            ])
        #expect(j.missing[0].commands.last == "enterprise set BYD --price 100")
    }

    @Test func step2NamedCompetitorsWinOverIndustry() {
        var e = Fixture.catl()
        var lg = Enterprise(name: "LG Energy", industry: "chemicals")
        lg.factors = [FactorScore(factor: "energy density", score: 9), FactorScore(factor: "price", score: 6)]
        e.competitors = ["LG Energy"]
        let j = judge(2, e, competitors: [Fixture.byd(), lg])
        #expect(!j.met, "compared with LG Energy only, nothing stands apart")
        e.competitors = ["BYD"]
        #expect(judge(2, e, competitors: [Fixture.byd(), lg]).met)
    }

    @Test func step2NoFactors() {
        var e = Fixture.catl()
        e.factors = []
        let j = judge(2, e)
        #expect(missing(j) == ["‘CATL’ has no strategy-canvas factor scores."])
        #expect(j.missing[0].commands.contains("factor set CATL FACTOR 7"))
    }

    @Test func step2ACreatedFactorIsDistinct() {
        var e = Fixture.catl()
        e.factors = [FactorScore(factor: "battery swapping", score: 6)]
        var byd = Fixture.byd()
        byd.price = 300  // so that the value map, which now weighs BYD's higher scores, does not hold the step
        let j = judge(2, e, competitors: [byd])
        #expect(j.met)
        #expect(
            j.evidence.map(\.description).contains("‘CATL’ offers ‘battery swapping’ (6), which no competitor scores."))
    }

    // MARK: Step 3

    /// A reinvestment loop with one − edge is balancing: it limits growth, and step 3 does not
    /// cite it as a growth loop.
    @Test func step3ABalancingReinvestmentLoopIsNotGrowth() {
        var e = Fixture.catl()
        e.models[0].edges[4].polarity = .negative  // Profit −→ R&D reinvestment
        let j = judge(3, e)
        #expect(!j.evidence.contains { $0.description.contains("growth loop") })
        #expect(
            j.open.map(\.what.description).contains(
                """
                Model ‘Moat’'s reinvestment loop is balancing: it limits growth instead of driving it (a \
                growth loop is reinforcing: an even number of − edges).
                """
            ))
        #expect(Analyses.read(e.models[0], of: e).growthLoopCount == 0)
    }

    @Test func step3NamesTheMissingElements() {
        var e = Fixture.catl()
        e.initiatives.removeAll { $0.element == .sustainability || $0.element == .dataDriven }
        let j = judge(3, e)
        #expect(!j.met)
        #expect(
            missing(j) == [
                "No initiative carries sustainability.", "No initiative carries data-driven decision making.",
            ])
        #expect(
            j.missing.map(\.commands) == [
                ["initiative add INITIATIVE --element sustainability"],
                ["initiative add INITIATIVE --element data-driven"],
            ])
    }

    @Test func step3WeakResourceDoesNotAnchor() {
        var e = Fixture.catl()
        e.resources[0].strength = 5
        let j = judge(3, e)
        #expect(!j.met)
        #expect(
            missing(j) == [
                "Activity ‘Technology iteration’ in model ‘Moat’ is not anchored in a resource of strength 6 or more."
            ])
        // The strong resource the enterprise has is offered as the anchor.
        #expect(
            j.missing[0].commands == [
                "model node add Moat Scale --stage resource", "model edge add Moat Scale \"Technology iteration\"",
            ])
    }

    @Test func step3OpenLoop() {
        var e = Fixture.catl()
        e.models[0].edges.removeAll { $0.from == "Market share" }
        let j = judge(3, e)
        #expect(!j.met)
        #expect(
            missing(j) == [
                "Model ‘Moat’ does not close its loop: no cycle runs from value delivery through revenue and back."
            ])
    }

    @Test func step3ValueLoopWithoutGrowthIsMetButOpen() {
        var e = Fixture.catl()
        // Profit goes back into technology iteration instead of the resource: a value loop only.
        e.models[0].edges.removeAll { $0.from == "R&D reinvestment" }
        e.models[0].edges.append(.init(from: "Profit", to: "Technology iteration"))
        let j = judge(3, e)
        #expect(j.met)
        #expect(j.open.count == 1)
    }

    @Test func step3WithoutModel() {
        var e = Fixture.catl()
        e.models = []
        #expect(missing(judge(3, e)) == ["‘CATL’ has no value model."])
    }

    // MARK: Step 4

    @Test func step4WithoutKPIs() {
        var e = Fixture.catl()
        e.kpis = []
        let j = judge(4, e)
        #expect(missing(j) == ["No KPI is recorded for ‘CATL’."])
    }

    @Test func step4KPIWithoutTarget() {
        var e = Fixture.catl()
        e.kpis.append(KPIRecord(kpi: "repurchase", period: "2025", value: 0.4))
        let j = judge(4, e)
        #expect(!j.met)
        #expect(missing(j) == ["KPI ‘repurchase’ has no target."])
        #expect(j.missing[0].commands == ["kpi record CATL repurchase 0.4 --period 2025 --target 50"])
    }

    // MARK: Step 5

    @Test func step5NeedsTwoPeriods() {
        var e = Fixture.catl()
        e.kpis = [KPIRecord(kpi: "nps", period: "2025", value: 41, target: 50)]
        let j = judge(5, e)
        #expect(!j.met)
        #expect(missing(j) == ["KPI ‘nps’ has one period (‘2025’); record the next to read its trend."])
        #expect(j.missing[0].commands == ["kpi record CATL nps 41.0 --period 2026 --target 50.0"])
    }

    @Test func step5ReadsTheTrend() throws {
        let j = judge(5, Fixture.catl())
        let it = try #require(j.iteration)
        #expect(it.trends.count == 1)
        #expect(it.trends[0].direction == .better)
        #expect(
            j.evidence.map(\.description) == [
                "‘nps’ rose from 32.0 (‘2024’) to 41.0 (‘2025’) over 2 periods, moving towards its target 50.0."
            ])
        // Everything is in place: no challenge applies, and the standing tip is to keep measuring.
        #expect(it.challenges.isEmpty)
        #expect(it.tips.map(\.item) == [.measureProgress])
    }

    @Test func step5ChallengesWhereTheFiguresPoint() throws {
        var e = Fixture.catl()
        e.initiatives.removeAll { $0.element == .employeeEmpowerment }
        e.initiatives[0].link = nil
        e.kpis += [
            KPIRecord(kpi: "market share", period: "2024", value: 37, target: 40),
            KPIRecord(kpi: "market share", period: "2025", value: 35),
        ]
        var byd = Fixture.byd()
        byd.factors = [FactorScore(factor: "energy density", score: 8), FactorScore(factor: "price", score: 6)]
        let it = try #require(judge(5, e, competitors: [byd]).iteration)
        #expect(it.challenges.map(\.item) == [.measuringImpact, .resistanceToChange, .competition])
        #expect(it.challenges[0].reasons.map(\.description) == ["no KPI or model node linked to ‘Do innovation’"])
        #expect(
            it.challenges[2].reasons.map(\.description)
                == [
                    "no factor stands 2 points apart from the competitors (‘BYD’)",
                    "‘market share’ is moving away from its target",
                ])
        #expect(it.tips.map(\.item) == [.employeeDevelopment, .dataAnalytics, .innovationCulture, .measureProgress])
    }

    @Test func step5LackOfResources() throws {
        var e = Fixture.catl()
        for i in e.resources.indices { e.resources[i].strength = 4 }
        let it = try #require(judge(5, e).iteration)
        #expect(it.challenges.map(\.item) == [.lackOfResources])
        #expect(
            it.challenges[0].item.remedy
                == "Prioritize initiatives with the highest potential impact and seek external funding.")
    }

    /// A price above the segment's recorded range keeps step 2 open even before any factor is
    /// scored (it was only judged once the canvas had scores); inside the range it is evidence.
    @Test func step2JudgesThePriceWithoutFactors() {
        var e = Fixture.catl()
        e.factors = []
        e.segments[0].willingnessToPay = WillingnessToPay(low: 60, high: 90, opp: 75)
        #expect(judge(2, e).missing.contains { "\($0.what)".contains("above") && "\($0.what)".contains("Automakers") })
        e.offerings[0].price = 80
        #expect(!judge(2, e).missing.contains { "\($0.what)".contains("acceptable price range") })
        #expect(judge(2, e).evidence.contains { "\($0)".contains("inside") })
    }

    /// NPS moving away from its target keeps step 5 open, with the reason (it counted as met).
    @Test func step5OpenWhileAKPISlips() throws {
        var e = Fixture.catl()
        e.kpis = [
            KPIRecord(kpi: "nps", period: "2025-Q1", value: 40, target: 50),
            KPIRecord(kpi: "nps", period: "2025-Q2", value: 35, target: 50),
        ]
        let j = judge(5, e)
        #expect(!j.met)
        #expect(j.missing.contains { "\($0)".contains("moving away from its target") }, "\(j.missing)")
        e.kpis.append(KPIRecord(kpi: "nps", period: "2025-Q3", value: 42, target: 50))
        #expect(judge(5, e).met)
    }

    /// The direction of a custom KPI is the one it was recorded with (`--lower-is-better`), as
    /// on the dashboard; it is no longer guessed from the target.
    @Test func step5LowerIsBetterAsRecorded() throws {
        var e = Fixture.catl()
        e.kpis = [
            KPIRecord(kpi: "acquisition cost", period: "2025Q1", value: 120, target: 80, lowerIsBetter: true),
            KPIRecord(kpi: "acquisition cost", period: "2025Q2", value: 95, target: 80, lowerIsBetter: true),
        ]
        let it = try #require(judge(5, e).iteration)
        #expect(it.trends[0].series.lowerIsBetter)
        #expect(it.trends[0].direction == .better)
        #expect(!it.trends[0].slipping)
    }

    // MARK: Periods

    @Test(arguments: [
        ("2025", "2026"), ("2025Q3", "2025-Q4"), ("2025-Q4", "2026-Q1"), ("2025-09", "2025-10"),
        ("2025-12", "2026-01"), ("2025-W52", "2026-W01"), ("2026-W52", "2026-W53"), ("spring", "NEXT"),
    ])
    func nextPeriod(period: String, next: String) {
        #expect(KPISeries.nextPeriod(after: period) == next)
    }

    @Test func periodsSortedAndReRecordedPeriodKeepsTheLastFigure() {
        var e = Fixture.catl()
        e.kpis = [
            KPIRecord(kpi: "NPS", period: "2025", value: 41), KPIRecord(kpi: "nps", period: "2024", value: 32),
            KPIRecord(kpi: "nps", period: "2025", value: 44, target: 50),
        ]
        let s = KPISeries.all(e)
        #expect(s.count == 1)
        #expect(s[0].points.map(\.period) == ["2024", "2025"])
        #expect(s[0].points.map(\.value) == [32, 44])
        #expect(s[0].target == 50)
    }
}

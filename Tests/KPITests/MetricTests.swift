import Testing
import Workbench
@testable import KPI

/// Formulas, from their definitions, with the edge cases the issue names.
@Suite struct MetricTests {
    struct NPSCase: Sendable, CustomStringConvertible {
        var answers: [Int]
        var promoters: Int, passives: Int, detractors: Int
        var score: Double
        var description: String { "\(answers)" }
    }

    static let npsCases: [NPSCase] = [
        NPSCase(answers: [10, 9, 8, 6, 0], promoters: 2, passives: 1, detractors: 2, score: 0),
        NPSCase(answers: [10, 10, 10], promoters: 3, passives: 0, detractors: 0, score: 100),
        NPSCase(answers: [0, 6, 3], promoters: 0, passives: 0, detractors: 3, score: -100),
        NPSCase(answers: [7, 8, 7, 8], promoters: 0, passives: 4, detractors: 0, score: 0),  // all passives
        NPSCase(answers: [9], promoters: 1, passives: 0, detractors: 0, score: 100),  // a single answer
        NPSCase(answers: [6], promoters: 0, passives: 0, detractors: 1, score: -100),
        NPSCase(answers: [9, 9, 9, 7, 7, 5, 5, 5], promoters: 3, passives: 2, detractors: 3, score: 0),
        NPSCase(answers: [10, 9, 7, 0, 8, 9, 10, 1], promoters: 4, passives: 2, detractors: 2, score: 25),
        NPSCase(answers: [9, 8, 8], promoters: 1, passives: 2, detractors: 0, score: 100.0 / 3),
    ]

    @Test(arguments: npsCases)
    func nps(_ c: NPSCase) throws {
        let r = try NPS.compute(c.answers)
        #expect(r.promoters == c.promoters && r.passives == c.passives && r.detractors == c.detractors)
        #expect(r.n == c.answers.count)
        #expect(close(r.score, c.score))
        // Margin of error by its definition.
        let n = Double(c.answers.count), p = Double(c.promoters) / n, d = Double(c.detractors) / n
        let moe = 1.96 * ((p + d - (p - d) * (p - d)) / n).squareRoot() * 100
        #expect(close(r.moe95, moe))
        #expect(r.ci95.low >= -100 && r.ci95.high <= 100)
        #expect(close(r.ci95.low, max(-100, c.score - moe)) && close(r.ci95.high, min(100, c.score + moe)))
    }

    @Test func allPassivesHaveNoSpread() throws {
        let r = try NPS.compute([7, 7, 8, 8, 7])
        #expect(r.score == 0 && r.moe95 == 0 && r.ci95.low == 0 && r.ci95.high == 0)
    }

    /// Huge counts are refused, never summed into an overflow trap.
    @Test func hugeCountsThrow() {
        #expect(throws: MetricError.self) { try NPS(promoters: Int.max, passives: 1, detractors: 0) }
        #expect(throws: MetricError.self) { try NPS(promoters: 1_000_000_001, passives: 0, detractors: 0) }
        #expect((try? NPS(promoters: 1_000_000_000, passives: 1_000_000_000, detractors: 1_000_000_000))?.n == 3_000_000_000)
    }

    @Test func intervalIsClamped() throws {
        let r = try NPS(promoters: 9, passives: 0, detractors: 1)
        #expect(close(r.score, 80))
        #expect(r.ci95.high == 100)
    }

    @Test(arguments: [
        // (promoters, passives, detractors, display of the score)
        (1, 398, 0, "0.3"),  // 0.2506… rounds up
        (1, 399, 0, "0.3"),  // exactly 0.25: half away from zero
        (0, 399, 1, "-0.3"), // exactly −0.25
        (1, 7, 0, "12.5"),
        (3, 5, 0, "37.5"),
        (1, 15, 0, "6.3"),   // 6.25
        (0, 15, 1, "-6.3"),  // −6.25
    ])
    func displayRoundsHalfAwayFromZero(_ p: Int, _ pa: Int, _ d: Int, _ shown: String) {
        var bench = Bench()
        let text = bench.text("kpi nps --promoters \(p) --passives \(pa) --detractors \(d)")
        #expect(text.hasPrefix("NPS \(shown) "), "\(text)")
        let data = bench.data("kpi nps --promoters \(p) --passives \(pa) --detractors \(d) --json")
        #expect(close(data["nps"]?.doubleValue, 100.0 * Double(p - d) / Double(p + pa + d)))
    }

    @Test(arguments: [
        ([5, 4, 4, 3], 5, 4, 3, 75.0),
        ([1, 2, 3], 5, 3, 0, 0.0),
        ([5], 5, 1, 1, 100.0),
        ([7, 6, 5, 1], 7, 4, 2, 50.0),
        ([10, 9, 8, 1, 10], 10, 5, 3, 60.0),
    ])
    func csat(_ answers: [Int], _ scale: Int, _ n: Int, _ satisfied: Int, _ score: Double) throws {
        let r = try CSAT.compute(answers, scale: scale)
        #expect(r.n == n && r.satisfied == satisfied && close(r.score, score))
    }

    @Test(arguments: [
        ([6, 7, 5, 3], 5.25, 1.707825127659933),
        ([4], 4.0, 0.0),
        ([1, 7], 4.0, 4.242640687119285),
        ([2, 2, 2], 2.0, 0.0),
    ])
    func ces(_ answers: [Int], _ mean: Double, _ sd: Double) throws {
        let r = try MeanScore.ces(answers)
        #expect(close(r.mean, mean) && close(r.sd, sd, 1e-12))
    }

    @Test(arguments: [
        ([5.0, 4, 6, 3, 2, 4], 3, 2, 4.0, 1),
        ([4.0, 4, 4], 1, 3, 4.0, 3),
        ([0.0, 1, 2, 6, 6, 6], 3, 2, 3.5, 1),
    ])
    func engagement(_ items: [Double], _ per: Int, _ n: Int, _ mean: Double, _ engaged: Int) throws {
        let r = try Engagement.compute(items: items, perRespondent: per, scale: 0...6, threshold: 4)
        #expect(r.n == n && close(r.mean, mean) && r.engaged == engaged)
    }

    @Test(arguments: [
        (50, 30, 20, 40, 30, 30, 1.7541160386140582, 0.07941062599894229, false),
        (200, 100, 100, 150, 100, 150, 4.170288281141495, 3.042145654733882e-05, true),
        (30, 40, 30, 31, 40, 29, -0.18260462247539952, 0.855108257120167, false),
    ])
    func compare(_ p1: Int, _ pa1: Int, _ d1: Int, _ p2: Int, _ pa2: Int, _ d2: Int, _ z: Double, _ p: Double, _ significant: Bool) throws {
        let c = try NPSComparison(NPS(promoters: p1, passives: pa1, detractors: d1), NPS(promoters: p2, passives: pa2, detractors: d2))
        #expect(close(c.z, z, 1e-9) && close(c.p, p, 1e-7) && c.significant == significant)
    }

    @Test func compareWithoutSpreadIsAnError() {
        #expect(throws: MetricError.self) { try NPSComparison(NPS(promoters: 10, passives: 0, detractors: 0), NPS(promoters: 0, passives: 0, detractors: 10)) }
    }

    @Test func emptyInputsAreErrors() {
        #expect(throws: MetricError.self) { try NPS.compute([]) }
        #expect(throws: MetricError.self) { try NPS.compute([11]) }
        #expect(throws: MetricError.self) { try CSAT.compute([]) }
        #expect(throws: MetricError.self) { try CSAT.compute([6]) }
        #expect(throws: MetricError.self) { try MeanScore.ces([0]) }
        #expect(throws: MetricError.self) { try MeanScore.ces([]) }
        #expect(throws: MetricError.self) { try Engagement.compute(items: [1, 2], perRespondent: 3, scale: 0...6, threshold: 4) }
        #expect(throws: MetricError.self) { try Engagement.compute(items: [7], perRespondent: 1, scale: 0...6, threshold: 4) }
    }

    // MARK: Unit economics

    @Test(arguments: [
        (1000.0, 1040.0, 120.0, 92.0),
        (100.0, 100.0, 0.0, 100.0),
        (50.0, 10.0, 10.0, 0.0),
    ])
    func retention(_ start: Double, _ end: Double, _ new: Double, _ retained: Double) throws {
        let r = try UnitEconomics.retention(start: start, end: end, new: new)
        #expect(close(r.retention, retained) && close(r.churn, 100 - retained))
    }

    @Test func unitEconomics() throws {
        #expect(close(try UnitEconomics.cac(spend: 50000, newCustomers: 125), 400))
        #expect(close(try UnitEconomics.ltv(arpa: 100, marginPercent: 70, churnPercent: 2), 3500))
        #expect(close(try UnitEconomics.payback(cac: 1200, arpa: 100, marginPercent: 70), 17.142857142857142))
        #expect(close(try UnitEconomics.margin(revenue: 1200, cost: 780), 35))
        #expect(close(try UnitEconomics.repurchase(repeat: 340, customers: 1000), 34))
    }

    @Test func zeroDenominatorsAreErrors() {
        #expect(throws: MetricError.self) { try UnitEconomics.retention(start: 0, end: 5, new: 1) }
        #expect(throws: MetricError.self) { try UnitEconomics.retention(start: 10, end: 5, new: 6) }
        #expect(throws: MetricError.self) { try UnitEconomics.retention(start: 10, end: 30, new: 5) }
        #expect(throws: MetricError.self) { try UnitEconomics.cac(spend: 100, newCustomers: 0) }
        #expect(throws: MetricError.self) { try UnitEconomics.ltv(arpa: 100, marginPercent: 70, churnPercent: 0) }
        #expect(throws: MetricError.self) { try UnitEconomics.margin(revenue: 0, cost: 10) }
        #expect(throws: MetricError.self) { try UnitEconomics.repurchase(repeat: 5, customers: 0) }
        #expect(throws: MetricError.self) { try UnitEconomics.payback(cac: 100, arpa: 0, marginPercent: 50) }
    }

    // MARK: Impact

    @Test(arguments: [
        ("2:12000:uk-electricity", 2, 2124.0),
        ("1:800:diesel", 1, 2157.6),
        ("1:10:1:ch4", 1, 279.0),
        ("1:2:1:n2o", 1, 546.0),
        ("3:1000:0.25", 3, 250.0),
        ("1:1:1:25", 1, 25.0),
    ])
    func co2e(_ entry: String, _ scope: Int, _ kg: Double) throws {
        let e = try CO2e.parse(entry)
        #expect(e.scope == scope && close(e.kg, kg, 1e-12))
    }

    @Test(arguments: ["4:10:diesel", "1:x:diesel", "1:10:coal-of-mars", "1:10", "1:10:1:unobtainium", "1:-5:diesel"])
    func badEmissionEntries(_ entry: String) {
        #expect(throws: MetricError.self) { try CO2e.parse(entry) }
    }

    @Test func sroi() throws {
        let defaults = SROI.Outcome(name: "", quantity: 0, proxy: 0, deadweight: 0, displacement: 0, attribution: 0, dropOff: 0, years: 1)
        let r = try SROI(outcomes: [try SROI.parseOutcome("jobs:20:8000:25:10:20:10:3", defaults: defaults),
                                    try SROI.parseOutcome("wellbeing:50:1200", defaults: defaults)],
                         inputs: 100000, discount: 0.035)
        #expect(r.impactByYear.count == 3)
        #expect(close(r.impactByYear[0], 146400) && close(r.impactByYear[1], 77760) && close(r.impactByYear[2], 69984))
        #expect(close(r.presentValue, 277160.6257362812))
        #expect(close(r.ratio, 2.771606257362812) && close(r.netRatio, 1.771606257362812))
        #expect(close(r.paybackMonths, 8.19672131147541))
        #expect(throws: MetricError.self) { try SROI(outcomes: r.outcomes, inputs: 0, discount: 0.035) }
        #expect(throws: MetricError.self) { try SROI.parseOutcome("jobs:20", defaults: defaults) }
        #expect(throws: MetricError.self) { try SROI.parseOutcome("jobs:20:100:120", defaults: defaults) }
    }
}

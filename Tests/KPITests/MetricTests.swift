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
    }

    /// Huge counts are refused, never summed into an overflow trap.
    @Test func hugeCountsThrow() {
        #expect(throws: MetricError.self) { try NPS(promoters: Int.max, passives: 1, detractors: 0) }
        #expect(throws: MetricError.self) { try NPS(promoters: 1_000_000_001, passives: 0, detractors: 0) }
        #expect(
            (try? NPS(promoters: 1_000_000_000, passives: 1_000_000_000, detractors: 1_000_000_000))?.n == 3_000_000_000
        )
    }

    /// 95% intervals for NPS worked by hand (z = 1.96). Adjusted Wald (Rocks 2016): n' = N + 3,
    /// p' = (P + ¾)/n', d' = (D + ¾)/n', centre 100(p' − d'), MoE 196·√((p' + d' − (p' − d')²)/n').
    /// E.g. one promoter: n' = 4, p' = 0.4375, d' = 0.1875, centre 25, var = 0.625 − 0.0625 =
    /// 0.5625, MoE = 196·√(0.5625/4) = 196·0.375 = 73.5 → [−48.5, 98.5]; Wald gives 100 ± 0.
    /// Wald on 5/3/2: p = 0.5, d = 0.2, var = 0.7 − 0.09 = 0.61, MoE = 196·√0.061 = 48.408….
    struct IntervalCase: Sendable, CustomStringConvertible {
        var promoters: Int, passives: Int, detractors: Int
        var adjusted: (low: Double, high: Double, moe: Double)
        var wald: (low: Double, high: Double, moe: Double)
        var description: String { "\(promoters)/\(passives)/\(detractors)" }
    }

    static let npsIntervals: [IntervalCase] = [
        .init(promoters: 1, passives: 0, detractors: 0, adjusted: (-48.5, 98.5, 73.5), wald: (100, 100, 0)),
        .init(promoters: 0, passives: 0, detractors: 1, adjusted: (-98.5, 48.5, 73.5), wald: (-100, -100, 0)),
        .init(
            promoters: 1, passives: 0, detractors: 1, adjusted: (-73.3364847808, 73.3364847808, 73.3364847808),
            wald: (-100, 100, 138.5929291126)),
        .init(
            promoters: 2, passives: 0, detractors: 0, adjusted: (-24.4121727626, 100, 64.4121727626),
            wald: (100, 100, 0)),
        .init(
            promoters: 5, passives: 3, detractors: 2, adjusted: (-19.0513894940, 65.2052356478, 42.1283125709),
            wald: (-18.4084290181, 78.4084290181, 48.4084290181)),
        .init(
            promoters: 10, passives: 0, detractors: 0, adjusted: (47.5030109442, 100, 29.4200659789),
            wald: (100, 100, 0)),
        .init(
            promoters: 0, passives: 10, detractors: 0, adjusted: (-18.4653842148, 18.4653842148, 18.4653842148),
            wald: (0, 0, 0)),
        .init(
            promoters: 600, passives: 250, detractors: 150, adjusted: (40.2841880328, 49.4466195445, 4.5812157558),
            wald: (40.4138512889, 49.5861487111, 4.5861487111)),
        .init(
            promoters: 1000, passives: 0, detractors: 0, adjusted: (99.2867756278, 100, 0.4141216803),
            wald: (100, 100, 0)),
    ]

    @Test(arguments: npsIntervals)
    func npsInterval(_ c: IntervalCase) throws {
        let r = try NPS(promoters: c.promoters, passives: c.passives, detractors: c.detractors)
        let a = r.interval(), w = r.interval(.wald)
        #expect(a.method == .adjustedWald && w.method == .wald)
        #expect(
            close(a.low, c.adjusted.low, 1e-8) && close(a.high, c.adjusted.high, 1e-8)
                && close(a.moe, c.adjusted.moe, 1e-8), "\(a)")
        #expect(
            close(w.low, c.wald.low, 1e-8) && close(w.high, c.wald.high, 1e-8) && close(w.moe, c.wald.moe, 1e-8), "\(w)"
        )
    }

    /// Wilson score intervals worked by hand (z = 1.96, z² = 3.8416): one satisfied answer of one:
    /// centre (1 + 1.9208)/4.8416 = 0.60328, MoE 1.96·√(3.8416/4)/4.8416 = 0.39673 →
    /// [20.654%, 100%] where Wald gives 100% ± 0. 7 of 10 gives the textbook [39.68%, 89.22%].
    @Test(arguments: [
        (1, 1, 20.6543291474, 100.0, 39.6728354263),
        (0, 1, 0.0, 79.3456708526, 39.6728354263),
        (1, 2, 9.4528654801, 90.5471345199, 40.5471345199),
        (7, 10, 39.6773219980, 89.2210712514, 24.7718746267),
        (10, 10, 72.2459831233, 100.0, 13.8770084383),
        (0, 10, 0.0, 27.7540168767, 13.8770084383),
        (850, 1000, 82.6530885972, 87.0790285018, 2.2129699523),
        (1000, 1000, 99.6173101414, 100.0, 0.1913449293),
        (0, 1000, 0.0, 0.3826898586, 0.1913449293),
    ])
    func csatWilson(_ satisfied: Int, _ n: Int, _ low: Double, _ high: Double, _ moe: Double) throws {
        let i = try CSAT(n: n, satisfied: satisfied).interval()
        #expect(i.method == .wilson)
        #expect(close(i.low, low, 1e-8) && close(i.high, high, 1e-8) && close(i.moe, moe, 1e-8), "\(i)")
        // Wald collapses at 0% and 100%.
        let w = try CSAT(n: n, satisfied: satisfied).interval(.wald)
        if satisfied == 0 || satisfied == n { #expect(w.moe == 0) }
    }

    /// The method is named in --json and the sentence, --ci wald keeps the classic interval, and
    /// a sample under 30 answers is called small.
    @Test func intervalsInCommands() {
        var b = Bench()
        let d = b.data("kpi nps 9 --json")
        #expect(
            d["ci_method"] == "adjusted-wald" && close(d["ci95"]?.arrayValue?.first?.doubleValue, -48.5)
                && close(d["ci95"]?.arrayValue?.last?.doubleValue, 98.5))
        #expect(b.data("kpi nps 9 --ci wald")["ci_method"] == "wald")
        #expect(
            b.text("kpi nps 9").contains("adjusted-Wald CI -48.5 to 98.5")
                && b.text("kpi nps 9").contains("small sample"))
        let c = b.data("kpi csat 5 --json")
        #expect(c["ci_method"] == "wilson" && close(c["ci95"]?.arrayValue?.first?.doubleValue, 20.6543291474, 1e-8))
        #expect(b.text("kpi csat 5").contains("Wilson CI 20.7% to 100.0%"))
        #expect(!b.text("kpi nps --promoters 50 --passives 30 --detractors 20").contains("small sample"))
    }

    @Test(arguments: [
        // (promoters, passives, detractors, display of the score)
        (1, 398, 0, "0.3"),  // 0.2506… rounds up
        (1, 399, 0, "0.3"),  // exactly 0.25: half away from zero
        (0, 399, 1, "-0.3"),  // exactly −0.25
        (1, 7, 0, "12.5"),
        (3, 5, 0, "37.5"),
        (1, 15, 0, "6.3"),  // 6.25
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
    func compare(
        _ p1: Int, _ pa1: Int, _ d1: Int, _ p2: Int, _ pa2: Int, _ d2: Int, _ z: Double, _ p: Double,
        _ significant: Bool
    ) throws {
        let c = try NPSComparison(
            NPS(promoters: p1, passives: pa1, detractors: d1), NPS(promoters: p2, passives: pa2, detractors: d2))
        #expect(close(c.z, z, 1e-9) && close(c.p, p, 1e-7) && c.significant == significant)
    }

    @Test func compareWithoutSpreadIsAnError() {
        #expect(throws: MetricError.self) {
            try NPSComparison(
                NPS(promoters: 10, passives: 0, detractors: 0), NPS(promoters: 0, passives: 0, detractors: 10))
        }
    }

    @Test func emptyInputsAreErrors() {
        #expect(throws: MetricError.self) { try NPS.compute([]) }
        #expect(throws: MetricError.self) { try NPS.compute([11]) }
        #expect(throws: MetricError.self) { try CSAT.compute([]) }
        #expect(throws: MetricError.self) { try CSAT.compute([6]) }
        #expect(throws: MetricError.self) { try MeanScore.ces([0]) }
        #expect(throws: MetricError.self) { try MeanScore.ces([]) }
        #expect(throws: MetricError.self) {
            try Engagement.compute(items: [1, 2], perRespondent: 3, scale: 0...6, threshold: 4)
        }
        #expect(throws: MetricError.self) {
            try Engagement.compute(items: [7], perRespondent: 1, scale: 0...6, threshold: 4)
        }
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

    /// Net and gross revenue retention, worked by hand from the definitions (start + expansion −
    /// contraction − churned) / start and (start − contraction − churned) / start.
    @Test(arguments: [
        (100_000.0, 15_000.0, 3_000.0, 7_000.0, 105.0, 90.0),  // 105,000 and 90,000 of 100,000
        (1_000.0, 50.0, 100.0, 150.0, 80.0, 75.0),  // 800 and 750 of 1,000
        (200.0, 0.0, 0.0, 0.0, 100.0, 100.0),
        (1_000.0, 0.0, 400.0, 600.0, 0.0, 0.0),  // everything lost
        (500.0, 500.0, 0.0, 0.0, 200.0, 100.0),  // doubled by expansion; GRR stays at 100
    ])
    func revenueRetention(
        _ start: Double, _ expansion: Double, _ contraction: Double, _ churned: Double, _ net: Double,
        _ gross: Double
    ) throws {
        let r = try UnitEconomics.revenueRetention(
            start: start, expansion: expansion, contraction: contraction, churned: churned)
        #expect(close(r.net, net) && close(r.gross, gross), "\(r)")
    }

    @Test func revenueRetentionRefusesWhatCannotBe() {
        #expect(throws: MetricError.self) {
            try UnitEconomics.revenueRetention(start: 0, expansion: 10, contraction: 0, churned: 0)
        }
        #expect(throws: MetricError.self) {
            try UnitEconomics.revenueRetention(start: 100, expansion: -1, contraction: 0, churned: 0)
        }
        #expect(throws: MetricError.self) {
            try UnitEconomics.revenueRetention(start: 100, expansion: 0, contraction: 60, churned: 41)
        }
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
        // Diesel in kgCO2e by hand: (10.21 kg CO2 + 0.41 g CH4 × 29.8 + 0.08 g N2O × 273) per
        // gallon = 10.244058 kg / 3.785411784 L = 2.70619383 kg/L; × 800 L = 2164.955 kg.
        ("1:800:diesel", 1, 2164.9550610687274),
        ("3:800:diesel", 3, 2164.9550610687274),
        ("2m:1000:0.05", 2, 50.0),
        ("1:10:1:ch4", 1, 279.0),
        ("1:2:1:n2o", 1, 546.0),
        ("3:1000:0.25", 3, 250.0),
        ("1:1:1:25", 1, 25.0),
    ])
    func co2e(_ entry: String, _ scope: Int, _ kg: Double) throws {
        let e = try CO2e.parse(entry)
        #expect(e.scope == scope && close(e.kg, kg, 1e-12))
    }

    @Test(arguments: [
        "4:10:diesel", "1:x:diesel", "1:10:coal-of-mars", "1:10", "1:10:1:unobtainium", "1:-5:diesel",
        "2:12000:uk-electricity:ch4",  // already CO2e: the override multiplied it by 27.9
        "1:12000:uk-electricity",  // grid electricity is not scope 1
        "2:100:diesel",  // a fuel burnt is not scope 2
        "2m:100:uk-electricity",
    ])  // a grid average is not a market-based factor
    func badEmissionEntries(_ entry: String) {
        #expect(throws: MetricError.self) { try CO2e.parse(entry) }
    }

    @Test func sroi() throws {
        let defaults = SROI.Outcome(
            name: "", quantity: 0, proxy: 0, deadweight: 0, displacement: 0, attribution: 0, dropOff: 0, years: 1)
        let r = try SROI(
            outcomes: [
                try SROI.parseOutcome("jobs:20:8000:25:10:20:10:3", defaults: defaults),
                try SROI.parseOutcome("wellbeing:50:1200", defaults: defaults),
            ],
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

import Testing
import Workbench
import ValueCore
@testable import KPI

/// The typed results of `kpi compare` and of the commands that `--record` their figure.
@Suite struct TypedResultTests {
    /// The pooled two-proportion z-test against the Pearson X² of the 2×2 table (what R's
    /// `prop.test(c(s1, s2), c(n1, n2), correct = FALSE)` reports; X² = z²), worked out apart from
    /// the code: X² = Σ (O − E)²/E over satisfied/not × first/second, E = row total × column
    /// total / N; z takes the sign of p₁ − p₂; p = erfc(√(X²/2)). By hand for 45/60 vs 30/60:
    /// pooled 75/120 = 0.625, se = √(0.625 · 0.375 · 2/60) = 0.0883883, z = 0.25/0.0883883 = √8
    /// (X² = 8: each expected cell is 37.5 or 22.5, (7.5²/37.5 + 7.5²/22.5) · 2 = 8).
    @Test(arguments: [
        (80, 100, 65, 100, 15.0, 5.6426332288, 0.0175288613),
        (45, 60, 30, 60, 25.0, 8.0, 0.0046777350),
        (10, 12, 9, 12, 100.0 / 12, 0.2526315789, 0.6152281671),
        (300, 400, 280, 400, 5.0, 2.5078369906, 0.1132813208),
        (50, 80, 120, 150, -17.5, 8.2867647059, 0.0039935076),
        (0, 20, 3, 20, -15.0, 3.2432432432, 0.0717185365),
    ])
    func csatComparison(_ s1: Int, _ n1: Int, _ s2: Int, _ n2: Int, _ difference: Double, _ x2: Double, _ p: Double)
        throws
    {
        let c = try CSATComparison(CSAT(n: n1, satisfied: s1), CSAT(n: n2, satisfied: s2))
        #expect(close(c.difference, difference, 1e-12))
        #expect(close(c.z * c.z, x2, 1e-9) && (c.z < 0) == (difference < 0), "z \(c.z)")
        #expect(close(c.p, p, 1e-8) && c.significant == (p < 0.05), "p \(c.p)")
    }

    @Test func csatComparisonWithoutSpreadIsAnError() {
        #expect(throws: MetricError.self) { try CSATComparison(CSAT(n: 10, satisfied: 10), CSAT(n: 5, satisfied: 5)) }
        #expect(throws: MetricError.self) { try CSATComparison(CSAT(n: 10, satisfied: 0), CSAT(n: 5, satisfied: 0)) }
    }

    /// `kpi compare csat PERIOD PERIOD` gives the figures of `CSATComparison` on the recorded
    /// counts, in the words of a change between periods; without spread it is one error line.
    @Test func periodsOfCSATUseTheComparison() throws {
        var b = TrackingTests.bench()
        b.data("kpi csat 5 5 5 5 4 4 4 4 1 1 --record 2025-Q1")  // 8 of 10
        b.data("kpi csat 5 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 --record 2025-Q2")  // 2 of 20
        let c = try CSATComparison(CSAT(n: 10, satisfied: 8), CSAT(n: 20, satisfied: 2))
        let d = b.data("kpi compare csat 2025-Q1 2025-Q2")
        #expect(d["z"] == .num(c.z) && d["p"] == .num(c.p) && d["difference"] == .num(c.difference))
        #expect(d["kpi"] == "csat" && d["significant"] == true)
        #expect(b.text("kpi compare csat 2025-Q1 2025-Q2").contains("The change is significant at 95%"))
        b.data("kpi csat 5 5 --record 2025-Q3")
        b.data("kpi csat 4 4 4 --record 2025-Q4")
        let e = b.error("kpi compare csat 2025-Q3 2025-Q4")
        #expect(e.message.hasPrefix("kpi compare: cannot compare:") && e.message.contains("zero variance"))
    }

    /// Each recording command's typed result: the figure `--record` stores is the JSON field it
    /// names, and the one worked out by hand.
    @Test(arguments: [
        (try! RetentionResult(start: 1000, end: 1040, new: 120) as any RecordableResult, "retention", 92.0),
        (try! RepurchaseResult(repeat: 340, customers: 1000), "repurchase", 34.0),
        (
            try! RevenueRetentionResult(start: 100_000, expansion: 15_000, contraction: 3_000, churned: 7_000), "nrr",
            105.0
        ),
        (try! CACResult(spend: 50000, newCustomers: 125), "cac", 400.0),
        (try! LTVResult(arpa: 100, marginPercent: 70, churnPercent: 2), "ltv", 3500.0),
        (LTVCACResult(ltv: 3000, cac: 1000, payback: nil), "ratio", 3.0),
        (try! MarginResult(revenue: 1200, cost: 780), "margin", 35.0),
        (CO2eResult([try! CO2e.parse("2:1000:uk-electricity")]), "tonnes", 0.177),
        (
            try! SROI(
                outcomes: [
                    try! SROI.parseOutcome(
                        "a:10:100",
                        defaults: .init(
                            name: "", quantity: 0, proxy: 0, deadweight: 0, displacement: 0, attribution: 0, dropOff: 0,
                            years: 1))
                ], inputs: 500, discount: 0), "ratio", 2.0
        ),
    ])
    func recordedFigureIsTheField(_ result: any RecordableResult, _ field: String, _ value: Double) {
        let recorded = result.recorded
        #expect(recorded.field == field && close(recorded.value, value, 1e-6) && recorded.n == nil)
        #expect(JSON.object(result.fields)[field] == .num(recorded.value))
        #expect(!result.blocks.isEmpty)
    }

    /// Engagement records its mean with the number of respondents behind it.
    @Test func engagementRecordsItsSampleSize() {
        var b = TrackingTests.bench()
        b.data("kpi engagement 5 4 6 3 2 4 --items 3 --record 2026")
        let r = b.session.workspace.enterprise(named: "Acme")?.kpis.last
        #expect(r?.kpi == "engagement" && close(r?.value, 4) && r?.n == 2)
    }
}

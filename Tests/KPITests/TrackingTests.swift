import Testing
import Workbench
import ValueCore
@testable import KPI

/// KPI figures stored in the enterprise: record, dashboard, trend, undo.
@Suite struct TrackingTests {
    static func bench() -> Bench {
        var b = Bench()
        var ws = Workspace()
        ws.add(Enterprise(name: "Acme"))
        ws.add(Enterprise(name: "Globex"))
        ws.setCurrent("Acme")
        _ = ws.takeChanges()  // the set-up is not a command: nothing to undo or revert
        b.session.load(ws)
        return b
    }

    @Test func recordDashboardTrend() {
        var b = Self.bench()
        b.data("kpi record nps 31.5 --period 2026-Q1 --target 40")
        b.data("kpi record Acme NPS 36 --period 2026-Q2 --n 412")
        b.data("kpi record cac 420 --period 2026-Q2 --target 400")
        b.data("kpi record Globex csat 81 --period 2026-Q2")
        let kpis = b.session.workspace.enterprise(named: "Acme")?.kpis ?? []
        #expect(kpis.count == 3)
        // target carried on
        #expect(kpis[1] == KPIRecord(kpi: "nps", period: "2026-Q2", value: 36, target: 40, n: 412))
        let dash = b.data("kpi dashboard")
        let rows = dash["kpis"]?.arrayValue ?? []
        #expect(rows.count == 2)
        #expect(rows[0]["kpi"] == "nps" && rows[0]["value"] == 36 && rows[0]["met"] == false && rows[0]["periods"] == 2)
        #expect(rows[1]["kpi"] == "cac" && rows[1]["met"] == false)  // lower is better: 420 > 400
        let text = b.text("kpi dashboard")
        #expect(text.contains("gap 4") && text.contains("▁█"))
        let trend = b.data("kpi trend nps")
        #expect(trend["series"]?.arrayValue?.map { $0["value"]?.doubleValue ?? 0 } == [31.5, 36])
        // Replacing a period's figure, then undo.
        b.data("kpi record nps 38 --period 2026-Q2")
        #expect(
            b.session.workspace.enterprise(named: "Acme")?.kpis.filter { $0.kpi == "nps" }.map(\.value) == [31.5, 38])
        #expect(b.session.undo() == 1)
        #expect(
            b.session.workspace.enterprise(named: "Acme")?.kpis.filter { $0.kpi == "nps" }.map(\.value) == [31.5, 36])
        #expect(b.data("kpi dashboard Globex")["kpis"]?.arrayValue?.first?["kpi"] == "csat")
    }

    /// A period is replaced whichever way it is written, and one KPI keeps one kind of period;
    /// both checks now read one stored period, not every one (8,000 lines took 133 s).
    @Test func periodsAreMatchedByTheirStoredForm() {
        var b = Self.bench()
        b.data("kpi record nps 30 --period \"Q1 2026\"")
        b.data("kpi record nps 31 --period 2026-Q2")
        #expect(b.text("kpi record nps 32 --period \"Q1 2026\"").contains("Replaced nps = 32.0 for 2026-Q1"))
        let periods = b.session.workspace.enterprise(named: "Acme")?.kpis.filter { $0.kpi == "nps" }.map(\.period)
        #expect(periods == ["2026-Q1", "2026-Q2"])
        let e = b.error("kpi record nps 33 --period 2026-03")
        #expect(e.message.contains("is recorded by quarter (2026-Q1); 2026-03 is a month"), "\(e.message)")
        b.data("kpi record csat 80 --period 2026-03")
    }

    /// Figures far beyond any KPI are refused like an out-of-range --target; ±1e308 used to be
    /// stored and then trapped the dashboard's sparkline (hi − lo overflowed to infinity).
    @Test func hugeFiguresAreRefused() {
        var b = Self.bench()
        let e = b.error("kpi record nps -1e308 --period 2023")
        #expect(e.message.contains("-1e+308") && e.message.contains("outside -1000000000000…1000000000000"))
        let ltv = b.error("kpi ltv --arpa 1000000000000 --margin 100 --churn 0.000001% --record 2023")
        #expect(ltv.message.contains("outside"))
        #expect(b.session.workspace.enterprise(named: "Acme")?.kpis.isEmpty == true)
        b.data("kpi record nps -1000000000000 --period 2023")
        b.data("kpi record nps 1000000000000 --period 2024")
        #expect(b.text("kpi dashboard").contains("▁█"))
    }

    @Test(
        arguments: [([-1e308, 1e308], "▁█"), ([-1.7e308, 0, 1.7e308], "▁▅█"), ([5, 5], "▄▄"), ([1, 2, 3], "▁▅█")]
            as [([Double], String)])
    func sparklineNeverOverflows(values: [Double], bars: String) {
        #expect(TrackingCommands.sparkline(values) == bars)
    }

    @Test func surveyResultsRecordDirectly() {
        var b = Self.bench()
        b.data("kpi nps 10 9 8 6 0 10 --record 2026-Q3 --target 20")
        let r = b.session.workspace.enterprise(named: "Acme")?.kpis.first
        #expect(r?.kpi == "nps" && r?.period == "2026-Q3" && r?.n == 6 && r?.target == 20)
        #expect(close(r?.value, 100.0 * 1 / 6))  // 3 promoters, 2 detractors
        b.data("kpi csat --file \(Paths.fixture("typeform.csv")) --column 2 --scale 10 --record 2026-Q3")
        #expect(b.session.workspace.enterprise(named: "Acme")?.kpis.last?.kpi == "csat")
    }

    @Test(arguments: [
        ("kpi retention 1000 1040 120", "retention", 92.0),
        ("kpi repurchase 340 1000", "repurchase", 34.0),
        ("kpi nrr 100000 15000 3000 7000", "nrr", 105.0),
        ("kpi cac 50000 125", "cac", 400.0),
        ("kpi ltv --arpa 100 --margin 70 --churn 2", "ltv", 3500.0),
        ("kpi ltv-cac --ltv 3000 --cac 1000", "ltv-cac", 3.0),
        ("kpi margin 1200 780", "margin", 35.0),
        ("kpi co2e 2:1000:uk-electricity", "co2e", 0.177),
        ("kpi sroi a:10:100 --inputs 500 --discount 0", "sroi", 2.0),
        ("kpi engagement 4 5 6", "engagement", 5.0),
    ])
    func computedResultsRecordDirectly(_ line: String, _ kpi: String, _ value: Double) {
        var b = Self.bench()
        b.data(line + " --record 2026 --target 1")
        let r = b.session.workspace.enterprise(named: "Acme")?.kpis.last
        #expect(
            r?.kpi == kpi && r?.period == "2026" && r?.target == 1 && close(r?.value, value), "\(String(describing: r))"
        )
        #expect(b.error(line + " --target 3").message.contains("--target goes with --record"))
    }

    @Test(arguments: [
        ("kpi record nps --period 2026-Q1", "expected [ENTERPRISE] KPI VALUE"),
        ("kpi record nps high --period 2026-Q1", "must be a number"),
        ("kpi record nps 40", "needs --period"),
        ("kpi record Initech nps 40 --period 2026-Q1", "no enterprise named 'Initech'"),
        ("kpi record \"net promoter\" 40 --period Q1", "not a KPI name"),
        ("kpi trend retention", "no KPI recorded for Acme named 'retention'"),
    ])
    func errorsLeaveTheWorkspaceAlone(_ line: String, _ fragment: String) {
        var b = Self.bench()
        let before = b.session.workspace
        let e = b.error(line)
        #expect(e.message.contains(fragment), "\(e.message)")
        #expect(b.session.workspace == before)
    }

    /// A figure recorded with --record is refused in the words of the command the user ran,
    /// not `kpi record`'s.
    @Test(arguments: [
        (
            "kpi cac 1000000000000 0.001 --record 2026",
            """
            kpi cac: the cac figure 1000000000000000.0 is outside -1000000000000…1000000000000, so it \
            cannot be recorded
            """
        ),
        ("kpi ltv --arpa 1000000000000 --margin 100 --churn 0.000001% --record 2026", "kpi ltv: the ltv figure "),
        ("kpi nps 10 --record \"  \"", "kpi nps: --record needs a period, e.g. --record 2026-Q3"),
        ("kpi engagement 4 --record \"\"", "kpi engagement: --record needs a period, e.g. --record 2026-Q3"),
        (
            "kpi record nps 1e13 --period 2026",
            "kpi record: the nps figure 10000000000000 is outside -1000000000000…1000000000000"
        ),
        ("kpi record \"net promoter\" 40 --period Q1", "kpi record: 'net promoter' is not a KPI name"),
    ])
    func recordErrorsNameTheCommandRun(_ line: String, _ prefix: String) {
        var b = Self.bench()
        let before = b.session.workspace
        let e = b.error(line)
        #expect(e.message.hasPrefix(prefix), "\(e.message)")
        #expect(b.session.workspace == before)
    }

    @Test func recordWithoutACurrentEnterpriseSaysWhatToDo() {
        var b = Bench()
        #expect(
            b.error("kpi csat 5 --record 2026").message
                == "kpi csat: --record records for the current enterprise, and none is current (`use ENTERPRISE` first)"
        )
        #expect(
            b.error("kpi record csat 5 --period 2026").message
                == "kpi record: no enterprise given and none is current (name one, or `use ENTERPRISE`)")
    }

    @Test func trendChartEscapesNames() {
        var b = Bench()
        var ws = Workspace()
        ws.add(Enterprise(name: "A<b>&Co"))
        ws.setCurrent("A<b>&Co")
        _ = ws.takeChanges()
        b.session.load(ws)
        b.data("kpi record nps 10 --period 2026-Q1")
        let out = b.session.ok("kpi trend nps")
        let svg = out.chart?.svg ?? ""
        #expect(svg.contains("A&lt;b&gt;&amp;Co") && svg.contains("2026-Q1") && !svg.contains("<b>"))
    }

    // MARK: Periods as time, one direction

    /// W8, W9, W10 and January, February order by time in the trend and the dashboard (they
    /// sorted as text: W10 first, W9 reported as the latest).
    @Test func periodsOrderByTime() {
        var b = Self.bench()
        for (p, v) in [("2025-W10", 3), ("2025-W8", 1), ("2025-W9", 2)] { b.data("kpi record nps \(v) --period \(p)") }
        #expect(
            b.data("kpi trend nps")["series"]?.arrayValue?.compactMap { $0["period"]?.stringValue } == [
                "2025-W08", "2025-W09", "2025-W10",
            ])
        #expect(b.data("kpi dashboard")["kpis"]?.arrayValue?.first?["period"] == "2025-W10")
        for (p, v) in [("Feb 2025", 2), ("January 2025", 1), ("2025-03", 3)] {
            b.data("kpi record csat \(v) --period \"\(p)\"")
        }
        #expect(
            b.data("kpi trend csat")["series"]?.arrayValue?.compactMap { $0["period"]?.stringValue } == [
                "2025-01", "2025-02", "2025-03",
            ])
        // The same period written another way replaces its figure.
        b.data("kpi record csat 9 --period \"Mar 2025\"")
        #expect(b.data("kpi trend csat")["series"]?.arrayValue?.last?["value"] == 9)
    }

    @Test(arguments: [
        ("kpi record nps 40 --period spring", "'spring' is not a period; give a year (2025)"),
        ("kpi record nps 40 --period 2025-W54", "'2025-W54' is not a period"),
        // 2025 has 52 ISO weeks (2026, starting on a Thursday, has 53)
        ("kpi record nps 40 --period 2025-W53", "'2025-W53' is not a period"),
        ("kpi record nps 40 --period 2025-02-29", "'2025-02-29' is not a period"),
        ("kpi record nps 40 --period 2025-Q5", "'2025-Q5' is not a period"),
        (
            "kpi record csat 80 --period 2026-03",
            "csat at Acme is recorded by quarter (2026-Q1); 2026-03 is a month: one KPI's periods are of one kind"
        ),
        (
            "kpi record nps 40 --period 2026 --lower-is-better",
            "nps (Net Promoter Score) is higher-is-better in the catalogue"
        ),
    ])
    func badPeriodsAndDirectionsAreRefused(_ line: String, _ fragment: String) {
        var b = Self.bench()
        b.data("kpi record csat 70 --period 2026-Q1")
        let before = b.session.workspace
        #expect(b.error(line).message.contains(fragment), "\(b.error(line).message)")
        #expect(b.session.workspace == before)
    }

    /// A custom lower-is-better KPI, "defect-rate 5, target 3": short of target on the dashboard
    /// and in the trend (it showed `met` on the dashboard while the guide said short).
    @Test func customDirectionIsKeptWithTheKPI() {
        var b = Self.bench()
        b.data("kpi record defect-rate 5 --period 2026-Q1 --target 3 --lower-is-better")
        let row = b.data("kpi dashboard")["kpis"]?.arrayValue?.first
        #expect(row?["met"] == false)
        #expect(b.text("kpi dashboard").contains("gap 2"))
        // Later records keep the direction without the flag; a change of direction is refused.
        b.data("kpi record defect-rate 2 --period 2026-Q2")
        #expect(b.data("kpi dashboard")["kpis"]?.arrayValue?.first?["met"] == true)
        b.data("kpi record uptime 99 --period 2026-Q1 --target 99.5")
        #expect(
            b.error("kpi record uptime 99.9 --period 2026-Q2 --lower-is-better").message.contains(
                "first recorded as higher-is-better"))
    }

    /// Two recorded periods tested against each other, from the counts --record kept. By hand:
    /// NPS 50/30/20 (0.30, var 0.61) vs 40/30/30 (0.10, var 0.69): z = 0.2/√(0.013) = 1.7541,
    /// p = 0.079411. CSAT 3 of 5 vs 4 of 10: pooled 7/15, se = √(7/15 · 8/15 · (1/5 + 1/10)) =
    /// 0.27325, z = 0.2/0.27325 = 0.73193, p = 0.46421.
    @Test func compareRecordedPeriods() {
        var b = Self.bench()
        b.data("kpi nps --promoters 50 --passives 30 --detractors 20 --record 2025-Q1")
        b.data("kpi nps --promoters 40 --passives 30 --detractors 30 --record \"Q2 2025\"")
        let n = b.data("kpi compare nps 2025-Q1 2025-Q2")
        #expect(
            close(n["z"]?.doubleValue, 1.754116039, 1e-8) && close(n["p"]?.doubleValue, 0.0794106260, 1e-8)
                && n["significant"] == false)
        b.data("kpi csat 5 5 4 3 2 --record 2025-Q1")
        b.data("kpi csat 5 5 5 5 1 1 1 1 1 1 --record 2025-Q2")
        let c = b.data("kpi compare csat 2025-Q1 2025-Q2")
        #expect(close(c["z"]?.doubleValue, 0.7319250547, 1e-8) && close(c["p"]?.doubleValue, 0.4642143128, 1e-8))
        b.data("kpi record nps 12 --period 2025-Q3")
        #expect(b.error("kpi compare nps 2025-Q1 2025-Q3").message.contains("recorded without its answer counts"))
        #expect(b.error("kpi compare nps 2025-Q1 2026-Q1").message.contains("'2026-Q1'"))
    }
}

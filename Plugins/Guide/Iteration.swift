import ValueCore
import KPI
import Workbench

/// One KPI's recorded figures, in period order.
public struct KPISeries: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var period: String
        public var value: Double
    }
    public var kpi: String
    public var points: [Point]
    /// The target of the latest record that has one.
    public var target: Double?
    /// Whether lower figures are better, by the KPI calculator's one rule (its catalogue, else
    /// the direction the KPI was first recorded with), as the dashboard judges it.
    public var lowerIsBetter: Bool

    /// Every KPI of the enterprise, in the order first recorded. A period recorded twice keeps
    /// its last figure.
    public static func all(_ e: Enterprise) -> [KPISeries] {
        var order: [String] = []
        var byKPI: [String: [KPIRecord]] = [:]
        for r in e.kpis {
            let key = Name.fold(r.kpi)
            if byKPI[key] == nil { order.append(key) }
            byKPI[key, default: []].append(r)
        }
        return order.map { key in
            let records = byKPI[key]!
            var points: [Point] = []
            var target: Double?
            for r in records {
                if let i = points.firstIndex(where: { Name.same($0.period, r.period) }) {
                    points[i].value = r.value
                } else {
                    points.append(Point(period: r.period, value: r.value))
                }
                if let t = r.target { target = t }
            }
            points.sort { Period.precedes($0.period, $1.period) }
            return KPISeries(
                kpi: records[0].kpi, points: points, target: target,
                lowerIsBetter: KPICatalog.lowerIsBetter(records[0].kpi, in: e))
        }
    }

    /// The period after `period` (2025 → 2026, 2025-Q4 → 2026-Q1), or `NEXT` for a text kept
    /// from an older notebook that is not a period.
    public static func nextPeriod(after period: String) -> String {
        Period(period)?.next.description ?? "NEXT"
    }

}

/// How a KPI moved between its first and last periods.
public struct Trend: Sendable, Equatable {
    public enum Direction: String, Sendable { case better, worse, flat }
    public var series: KPISeries
    public var direction: Direction
    /// The move over the last period alone.
    public var lastStep: Direction
    public var targetReached: Bool

    init(_ s: KPISeries) {
        series = s
        func judge(_ from: Double, _ to: Double) -> Direction {
            if to == from { return .flat }
            return (to < from) == s.lowerIsBetter ? .better : .worse
        }
        let first = s.points[0].value, last = s.points[s.points.count - 1].value
        let previous = s.points[s.points.count - 2].value
        direction = judge(first, last)
        lastStep = judge(previous, last)
        if let t = s.target { targetReached = s.lowerIsBetter ? last <= t : last >= t } else { targetReached = false }
    }

    /// Whether the KPI is moving away from its target (or, without one, getting worse).
    public var slipping: Bool { !targetReached && (lastStep == .worse || (lastStep == .flat && direction == .worse)) }

    var phrase: Phrase {
        let s = series
        let first = s.points[0], last = s.points[s.points.count - 1]
        let verb = last.value > first.value ? "rose" : last.value < first.value ? "fell" : "held"
        var p: Phrase =
            """
            \(name: s.kpi) \(verb) from \(first.value, kpi: s.kpi) (\(name: first.period)) to \
            \(last.value, kpi: s.kpi) (\(name: last.period)) over \(s.points.count) periods
            """
        if let t = s.target {
            if targetReached {
                p.parts.append(.text(", reaching its target \(KPICatalog.figure(t, kpi: s.kpi))"))
            } else if lastStep == .better {
                p.parts.append(.text(", moving towards its target \(KPICatalog.figure(t, kpi: s.kpi))"))
            } else if lastStep == .worse {
                p.parts.append(.text(", moving away from its target \(KPICatalog.figure(t, kpi: s.kpi))"))
            } else {
                p.parts.append(.text(", short of its target \(KPICatalog.figure(t, kpi: s.kpi))"))
            }
        } else {
            p.parts.append(
                .text(
                    direction == .flat
                        ? ", with no target" : ", \(direction == .better ? "better" : "worse") with no target"))
        }
        if s.lowerIsBetter { p.parts.append(.text(" (lower is better)")) }
        p.parts.append(.text("."))
        return p
    }
}

/// Step 5: the KPI trends read, and the seeds' challenges and tips the workspace points to.
public struct Iteration: Sendable, Equatable {
    public struct Finding<T: Sendable & Equatable>: Sendable, Equatable {
        public var item: T
        /// Why it applies here.
        public var reasons: [Phrase]
    }
    public var series: [KPISeries]
    public var trends: [Trend]
    public var challenges: [Finding<Challenge>]
    public var tips: [Finding<ExpertTip>]

    static func read(_ e: Enterprise, in workspace: Workspace) -> Iteration {
        let series = KPISeries.all(e)
        let trends = series.filter { $0.points.count >= 2 }.map(Trend.init)
        let slipping = trends.filter(\.slipping)
        let elements = Set(e.initiatives.map(\.element))
        func named(_ words: [String]) -> [Trend] {
            slipping.filter { t in words.contains { Name.fold(t.series.kpi).contains($0) } }
        }

        var challenges: [Finding<Challenge>] = []
        // Difficulty measuring impact.
        var measuring: [Phrase] = []
        if series.isEmpty { measuring.append("no KPI is recorded") }
        let untargeted = series.filter { $0.target == nil }.map(\.kpi)
        if !untargeted.isEmpty { measuring.append("no target for \(names: untargeted)") }
        let single = series.filter { $0.points.count < 2 }.map(\.kpi)
        if !single.isEmpty { measuring.append("only one period for \(names: single)") }
        let unlinked = e.initiatives.filter { $0.link == nil }.map(\.name)
        if !unlinked.isEmpty { measuring.append("no KPI or model node linked to \(names: unlinked)") }
        if !measuring.isEmpty { challenges.append(Finding(item: .measuringImpact, reasons: measuring)) }
        // Resistance to change.
        var resistance: [Phrase] = []
        if !elements.contains(.employeeEmpowerment) { resistance.append("no initiative empowers employees") }
        for t in named(["engagement", "enps", "employee"]) {
            resistance.append("\(name: t.series.kpi) is moving away from its target")
        }
        if !resistance.isEmpty { challenges.append(Finding(item: .resistanceToChange, reasons: resistance)) }
        // Lack of resources.
        var resources: [Phrase] = []
        if !e.resources.contains(where: { $0.strength >= Resource.anchoringStrength }) {
            resources.append("no resource has a strength of \(Resource.anchoringStrength) or more")
        }
        for m in e.models {
            let ungrounded = Analyses.ungrounded(m, of: e)
            if !ungrounded.isEmpty {
                resources.append(
                    "activities of \(name: m.name) not anchored in a strong resource: \(names: ungrounded)")
            }
        }
        if !resources.isEmpty { challenges.append(Finding(item: .lackOfResources, reasons: resources)) }
        // Competition.
        var competition: [Phrase] = []
        let d = Analyses.distinctness(of: e, in: workspace)
        if !d.competitors.isEmpty && !e.factors.isEmpty && d.distinct.isEmpty {
            competition.append(
                "no factor stands \(Analyses.distinctGap) points apart from the competitors (\(names: d.competitors))")
        }
        for t in named(["share", "market", "win"]) {
            competition.append("\(name: t.series.kpi) is moving away from its target")
        }
        if !competition.isEmpty { challenges.append(Finding(item: .competition, reasons: competition)) }

        var tips: [Finding<ExpertTip>] = []
        var customer: [Phrase] = []
        if !elements.contains(.customerFocus) { customer.append("no initiative carries customer focus") }
        for t in named(["nps", "csat", "ces", "satisfaction", "repurchase", "retention", "churn"]) {
            customer.append("\(name: t.series.kpi) is moving away from its target")
        }
        if !customer.isEmpty { tips.append(Finding(item: .customerCentric, reasons: customer)) }
        if !resistance.isEmpty { tips.append(Finding(item: .employeeDevelopment, reasons: resistance)) }
        var data: [Phrase] = []
        if !elements.contains(.dataDriven) { data.append("no initiative carries data-driven decision making") }
        if !slipping.isEmpty {
            data.append("\(names: slipping.map(\.series.kpi)) slipping: find out why before the next period")
        }
        if !data.isEmpty { tips.append(Finding(item: .dataAnalytics, reasons: data)) }
        var innovation: [Phrase] = []
        if !elements.contains(.innovation) { innovation.append("no initiative carries innovation") }
        if !competition.isEmpty { innovation.append("the offering is not yet distinct enough") }
        if !innovation.isEmpty { tips.append(Finding(item: .innovationCulture, reasons: innovation)) }
        let measured: Phrase =
            trends.isEmpty ? "record each KPI again next period" : "keep recording every KPI each period"
        tips.append(Finding(item: .measureProgress, reasons: [measured]))
        return Iteration(series: series, trends: trends, challenges: challenges, tips: tips)
    }
}

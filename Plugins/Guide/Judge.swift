import ValueCore
import Workbench
import KPI
import Differentiation

/// Something a step still lacks, and the command lines that would supply it.
public struct Gap: Sendable, Equatable {
    public var what: Phrase
    public var commands: [String]
    public init(_ what: Phrase, _ commands: [String]) { self.what = what; self.commands = commands }
}

/// How far the workspace meets one step of the guide: the evidence found, what is missing (the
/// step is met when nothing is), and what is open without holding the step back.
public struct Judgement: Sendable, Equatable {
    public var step: Int
    public var evidence: [Phrase] = []
    /// Required for the step; `guide check` lists these.
    public var missing: [Gap] = []
    /// Worth doing, but the step is met without it.
    public var open: [Gap] = []
    /// Step 5's reading of the KPI trends, challenges and tips.
    public var iteration: Iteration?
    public var met: Bool { missing.isEmpty }
}

/// Judges each step of the guide from an enterprise's workspace: never from ticks.
public enum Judge {
    /// The judgement of step `step` (1–5) for `enterprise`.
    public static func step(_ step: Int, _ e: Enterprise, in workspace: Workspace) -> Judgement {
        switch step {
        case 1: return audience(e)
        case 2: return proposition(e, workspace)
        case 3: return strategy(e)
        case 4: return tracking(e)
        default: return iteration(e, workspace)
        }
    }

    /// Every step, in order.
    public static func all(_ e: Enterprise, in workspace: Workspace) -> [Judgement] {
        (1...GuideStep.count).map { step($0, e, in: workspace) }
    }

    // MARK: Step 1

    /// Met when a segment has needs (each need carries its importance, 1–5).
    static func audience(_ e: Enterprise) -> Judgement {
        var j = Judgement(step: 1)
        if e.segments.isEmpty {
            j.missing.append(
                Gap(
                    "No segment names who \(name: e.name) serves.", [Supply.segmentAdd(), Supply.needAdd(segment: nil)])
            )
            return j
        }
        var withNeeds = 0
        for s in e.segments {
            let needs = e.needs.filter { Name.same($0.segment, s.name) }.sorted { $0.importance > $1.importance }
            if let top = needs.first {
                withNeeds += 1
                let kinds = Need.Kind.allCases.compactMap { k -> String? in
                    let n = needs.filter { $0.kind == k }.count
                    return n == 0 ? nil : "\(Format.count(n, k.rawValue))"
                }
                j.evidence.append(
                    """
                    Segment \(name: s.name) has \(kinds.joined(separator: ", ")); the most important is \
                    \(name: top.name) (\(top.importance) of 5).
                    """
                )
            } else {
                j.open.append(Gap("Segment \(name: s.name) has no needs yet.", [Supply.needAdd(segment: s.name)]))
            }
        }
        if withNeeds == 0 {
            // No segment has needs: the open items are what is missing.
            j.missing = j.open
            j.open = []
        }
        return j
    }

    // MARK: Step 3

    /// Met when initiatives cover the six strategy elements and a value model is anchored in
    /// resources and closes its loop.
    static func strategy(_ e: Enterprise) -> Judgement {
        var j = Judgement(step: 3)
        for element in Initiative.Element.allCases {
            let carried = e.initiatives.filter { $0.element == element }.map(\.name)
            if carried.isEmpty {
                j.missing.append(Gap("No initiative carries \(element.title).", [Supply.initiativeAdd(element)]))
            } else {
                j.evidence.append("\(element.title.capitalizedFirst): \(names: carried).")
            }
        }
        guard !e.models.isEmpty else {
            j.missing.append(
                Gap(
                    "\(name: e.name) has no value model.",
                    [
                        Supply.modelAdd(), Supply.nodeAdd(model: nil, stage: .resource),
                        Supply.edgeAdd(model: nil, from: nil, to: nil), Supply.modelCheck(model: nil),
                    ]))
            return j
        }
        let readings = e.models.map { Analyses.read($0, of: e) }
        func problems(_ r: Analyses.ModelReading) -> Int {
            r.ungrounded.count + (r.activities == 0 ? 1 : 0) + (r.closed ? 0 : 1)
        }
        let best = readings.indices.min { problems(readings[$0]) < problems(readings[$1]) } ?? 0
        let reading = readings[best], model = e.models[best]
        if reading.activities > 0 && reading.ungrounded.isEmpty {
            j.evidence.append(
                """
                Every activity of model \(name: model.name) (\(reading.activities)) stands on a resource of \
                strength \(Resource.anchoringStrength) or more.
                """
            )
        } else if reading.activities == 0 {
            j.missing.append(
                Gap(
                    "Model \(name: model.name) has no activity to anchor in a resource.",
                    [Supply.nodeAdd(model: model.name, stage: .activity)]))
        }
        if !reading.parallelEdges.isEmpty {
            j.open.append(
                Gap(
                    """
                    Model \(name: model.name) gives an edge twice between the same two nodes \
                    (\(names: reading.parallelEdges)); the analysis used the first of each.
                    """,
                    [Supply.modelCheck(model: model.name)]))
        }
        let strong = e.resources.filter { $0.strength >= Resource.anchoringStrength }.sorted {
            $0.strength > $1.strength
        }
        for activity in reading.ungrounded {
            var commands: [String] = []
            if let r = strong.first {
                if !model.nodes.contains(where: { Name.same($0.name, r.name) }) {
                    commands.append(Supply.nodeAdd(model: model.name, stage: .resource, name: r.name))
                }
                commands.append(Supply.edgeAdd(model: model.name, from: r.name, to: activity))
            } else {
                commands.append(Supply.resourceAdd())
                commands.append(Supply.edgeAdd(model: model.name, from: nil, to: activity))
            }
            j.missing.append(
                Gap(
                    """
                    Activity \(name: activity) in model \(name: model.name) is not anchored in a resource \
                    of strength \(Resource.anchoringStrength) or more.
                    """,
                    commands))
        }
        if reading.growthLoopCount > 0 {
            let through: Phrase = reading.growthLoops.first.map { ": \(loop: $0)" } ?? ""
            j.evidence.append(
                "Model \(name: model.name) closes \(Format.count(reading.growthLoopCount, "growth loop"))\(through).")
        } else if reading.valueLoopCount > 0 {
            let through: Phrase = reading.valueLoops.first.map { ": \(loop: $0)" } ?? ""
            j.evidence.append(
                "Model \(name: model.name) closes \(Format.count(reading.valueLoopCount, "value loop"))\(through).")
            let gap: Phrase =
                reading.limitingLoopCount > 0
                ? """
                Model \(name: model.name)'s reinvestment loop is balancing: it limits growth instead of \
                driving it (a growth loop is reinforcing: an even number of − edges).
                """
                : "Model \(name: model.name)'s loops do not yet feed reinvestment back into a resource (a growth loop)."
            j.open.append(
                Gap(
                    gap,
                    [
                        Supply.nodeAdd(model: model.name, stage: .reinvestment),
                        Supply.edgeAdd(
                            model: model.name, from: model.nodes.first { $0.stage == .profit }?.name, to: nil),
                        Supply.edgeAdd(
                            model: model.name, from: nil, to: model.nodes.first { $0.stage == .resource }?.name),
                    ]))
        } else {
            let from = model.nodes.last { $0.stage == .reinvestment || $0.stage == .profit || $0.stage == .revenue }?
                .name
            let to = model.nodes.first { $0.stage == .resource || $0.stage == .activity }?.name
            j.missing.append(
                Gap(
                    """
                    Model \(name: model.name) does not close its loop: no cycle runs from value delivery \
                    through revenue and back.
                    """,
                    [Supply.edgeAdd(model: model.name, from: from, to: to), Supply.modelCheck(model: model.name)]))
        }
        return j
    }

    // MARK: Step 4

    /// Met when KPIs are recorded, each with a target.
    static func tracking(_ e: Enterprise) -> Judgement {
        var j = Judgement(step: 4)
        let series = KPISeries.all(e)
        if series.isEmpty {
            j.missing.append(
                Gap("No KPI is recorded for \(name: e.name).", [Supply.kpiNPS(), Supply.kpiRecord(e.name, kpi: nil)]))
            return j
        }
        for s in series {
            let last = s.points[s.points.count - 1]
            if let target = s.target {
                j.evidence.append(
                    "\(name: s.kpi): \(last.value, kpi: s.kpi) in \(name: last.period), target \(target, kpi: s.kpi).")
            } else {
                j.missing.append(
                    Gap(
                        "KPI \(name: s.kpi) has no target.",
                        [Supply.kpiRecord(e.name, kpi: s.kpi, value: last.value, period: last.period)]))
            }
        }
        return j
    }

    // MARK: Step 5

    /// Met when a KPI has two or more periods; reads every trend and brings up the challenges and
    /// tips the figures point to.
    static func iteration(_ e: Enterprise, _ workspace: Workspace) -> Judgement {
        var j = Judgement(step: 5)
        let reading = Iteration.read(e, in: workspace)
        j.iteration = reading
        if reading.series.isEmpty {
            j.missing.append(
                Gap("No KPI is recorded for \(name: e.name) (step 4).", [Supply.kpiRecord(e.name, kpi: nil)]))
            return j
        }
        for t in reading.trends { j.evidence.append(t.phrase) }
        let single = reading.series.filter { $0.points.count < 2 }
        let gaps = single.map { s in
            Gap(
                "KPI \(name: s.kpi) has one period (\(name: s.points[0].period)); record the next to read its trend.",
                [
                    Supply.kpiRecord(
                        e.name, kpi: s.kpi, value: s.points[0].value,
                        period: KPISeries.nextPeriod(after: s.points[0].period),
                        target: s.target)
                ])
        }
        if reading.trends.isEmpty { j.missing += gaps } else { j.open += gaps }
        for t in reading.trends where t.slipping {
            let last = t.series.points[t.series.points.count - 1]
            j.missing.append(
                Gap(
                    """
                    KPI \(name: t.series.kpi) is moving away from its target (\(name: last.period): \
                    \(last.value, kpi: t.series.kpi), target \
                    \(t.series.target.map { KPICatalog.figure($0, kpi: t.series.kpi) } ?? "none")); act on \
                    it, then record the next period.
                    """,
                    [
                        Supply.kpiRecord(
                            e.name, kpi: t.series.kpi, value: last.value,
                            period: KPISeries.nextPeriod(after: last.period), target: t.series.target)
                    ]))
        }
        return j
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

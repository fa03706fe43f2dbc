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

    // MARK: Step 2

    /// The needs that matter most: in each segment, those of its highest importance.
    static func mostImportantNeeds(_ e: Enterprise) -> [Need] {
        var top: [String: Int] = [:]
        for n in e.needs { top[Name.fold(n.segment)] = max(top[Name.fold(n.segment)] ?? 0, n.importance) }
        return e.needs.filter { top[Name.fold($0.segment)] == $0.importance }
    }

    /// Met when offerings relieve the most important needs, something in the strategy canvas
    /// stands apart from (leads) the competitors', and price matches value. Relief, distinctness
    /// and the value map are read as the differentiation analyzer reads them (`diff utility`,
    /// `diff canvas`, `diff valuemap`).
    static func proposition(_ e: Enterprise, _ workspace: Workspace) -> Judgement {
        var j = Judgement(step: 2)
        for m in e.models {
            if let p = m.proposition, !p.isEmpty {
                j.evidence.append("Value proposition (\(name: m.name)): \(name: p).")
            }
        }
        // Offerings relieve the most important needs.
        if e.needs.isEmpty {
            j.missing.append(
                Gap("No needs to address yet (step 1).", [Supply.needAdd(segment: e.segments.first?.name)]))
        } else {
            if e.offerings.isEmpty {
                j.missing.append(
                    Gap(
                        "No offering (product, service or platform) carries value to \(name: e.name)'s customers.",
                        [Supply.offeringAdd()]))
            }
            let top = mostImportantNeeds(e)
            let rows = UtilityReport(e).needs
            let threshold = UtilityReport.relievedAt
            for (need, row) in zip(e.needs, rows) {
                let important = top.contains { $0.name == need.name && $0.segment == need.segment }
                let where_: Phrase = "importance \(need.importance), segment \(name: need.segment)"
                let gap: Gap
                if row.relieved {
                    if important {
                        j.evidence.append(
                            """
                            \(names: row.offerings) relieve\(row.offerings.count == 1 ? "s" : "") \
                            \(name: need.name) (importance \(need.importance)): functional \
                            \(row.functional), emotional \(row.emotional).
                            """
                        )
                    }
                    continue
                } else if row.served {
                    gap = Gap(
                        """
                        \(name: need.name) (\(where_)) is served only weakly: functional \(row.functional), \
                        emotional \(row.emotional); relieving it takes \(threshold) or more on either.
                        """,
                        [Supply.reliefAdd(offering: row.offerings.first, need: need.name)])
                } else {
                    gap = Gap(
                        "No offering relieves \(name: need.name) (\(where_)).",
                        [Supply.reliefAdd(offering: e.offerings.first?.name, need: need.name)])
                }
                if important { j.missing.append(gap) } else { j.open.append(gap) }
            }
        }
        // Something is distinct from the competitors.
        let d = Analyses.distinctness(of: e, in: workspace)
        for name in d.missing {
            j.open.append(
                Gap(
                    "Named competitor \(name: name) is not in the workspace.",
                    [Supply.competitorAdd(name: name, industry: e.industry)]))
        }
        if e.factors.isEmpty {
            j.missing.append(
                Gap(
                    "\(name: e.name) has no strategy-canvas factor scores.",
                    [Supply.factorSet(e.name, factor: nil), Supply.canvas()]))
        }
        if d.competitors.isEmpty {
            let how: Phrase =
                e.industry.map { "name its competitors or add enterprises of its industry (\(name: $0))" }
                ?? "name its competitors or set its industry"
            j.missing.append(
                Gap(
                    "\(name: e.name) has no competitor in the workspace to compare with: \(how).",
                    [
                        Supply.competitorAdd(name: nil, industry: e.industry),
                        Supply.factorSet("COMPETITOR", factor: e.factors.first?.factor),
                        Supply.competitorSet(e.name),
                    ]))
        } else if !e.factors.isEmpty {
            let distinct = d.distinct
            for f in distinct {
                if let rivals = f.rivals {
                    j.evidence.append(
                        "On \(name: f.factor) \(name: e.name) offers \(f.own) against its competitors' \(rivals).")
                } else {
                    j.evidence.append(
                        "\(name: e.name) offers \(name: f.factor) (\(f.own)), which no competitor scores.")
                }
            }
            if distinct.isEmpty {
                let closest = d.factors.max { $0.own - ($0.rivals ?? 0) < $1.own - ($1.rivals ?? 0) }
                j.missing.append(
                    Gap(
                        """
                        Nothing in \(name: e.name)'s offering stands apart: on no factor does it lead its \
                        competitors (\(names: d.competitors)) by \(Analyses.distinctGap) points or more.
                        """,
                        [Supply.factorSet(e.name, factor: closest?.factor), Supply.canvas()]))
            }
        }
        priceMatchesValue(e, competitors: d.competitors, workspace, &j)
        return j
    }

    /// Whether price matches value: each offering's price against the acceptable range recorded
    /// for the segments it serves (`Enterprise.priceChecks()`); where none is recorded, the value
    /// map (`diff valuemap`) must not place the enterprise below its fair-value line.
    static func priceMatchesValue(_ e: Enterprise, competitors: [String], _ workspace: Workspace, _ j: inout Judgement)
    {
        let segment = e.segments.first?.name
        let checks = e.priceChecks()
        for c in checks {
            let w = c.willingnessToPay
            let range: Phrase = "\(w.low)–\(w.high)"
            switch c.position {
            case .inside:
                j.evidence.append(
                    """
                    \(name: c.offering) at \(c.price) lies inside \(name: c.segment)'s acceptable price \
                    range (\(range)).
                    """
                )
            case .above:
                j.missing.append(
                    Gap(
                        """
                        \(name: c.offering) at \(c.price) is above \(name: c.segment)'s acceptable price \
                        range (\(range)): customers find it too expensive for the value it delivers.
                        """,
                        [Supply.priceMatch(e.name), Supply.reliefAdd(offering: c.offering, need: "NEED")]))
            case .below:
                j.missing.append(
                    Gap(
                        """
                        \(name: c.offering) at \(c.price) is below \(name: c.segment)'s acceptable price \
                        range (\(range)): money left on the table, or a price that makes customers doubt \
                        the quality.
                        """,
                        [Supply.priceMatch(e.name)]))
            }
        }
        // Without a recorded range, the value map judges; it needs factor scores and competitors,
        // whose absence the step already reports.
        guard checks.isEmpty, !e.factors.isEmpty, !competitors.isEmpty else { return }
        let measure = [Supply.pricePSM(segment: segment), Supply.priceRecord(segment: segment)]
        let rivals = Analyses.competitors(of: e, in: workspace)
        let unpriced = ([e] + rivals).filter { !$0.factors.isEmpty && ValueMap.price($0).price == nil }.map(\.name)
        if !unpriced.isEmpty {
            j.missing.append(
                Gap(
                    """
                    \(name: e.name)'s price is not judged against its value: no acceptable price range is \
                    recorded for its segments, and the value map lacks a price for \(names: unpriced).
                    """,
                    measure + unpriced.prefix(3).map(Supply.priceLevel)))
            return
        }
        do {
            let (m, _, _) = try ValueMap.of([e] + rivals, in: workspace)
            guard let p = m.points.first(where: { Name.same($0.enterprise, e.name) }) else { return }
            let at: Phrase =
                "relative quality \(p.relativeQuality), relative price \(p.relativePrice) against \(names: competitors)"
            switch p.verdict {
            case .moreValue, .matches:
                j.evidence.append("On the value map \(name: e.name) \(p.verdict.rawValue) (\(at)).")
            case .lessValue:
                j.missing.append(
                    Gap(
                        "On the value map \(name: e.name) \(p.verdict.rawValue): below its fair-value line (\(at)).",
                        measure + [Supply.valueMap(e.name, competitors: competitors)]))
            }
        } catch {
            let why = (error as? CommandError)?.message ?? "\(error)"
            j.missing.append(
                Gap(
                    """
                    \(name: e.name)'s price is not judged against its value: no acceptable price range is \
                    recorded for its segments, and the value map cannot place it (\(why)).
                    """,
                    measure + [Supply.valueMap(e.name, competitors: competitors)]))
        }
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

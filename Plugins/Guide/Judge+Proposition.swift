import ValueCore
import Workbench
import KPI
import Differentiation

/// Step 2: the value proposition, and whether the value delivered matches the price.
extension Judge {
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
}

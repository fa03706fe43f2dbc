import ValueCore
import Workbench

/// What one screen of the stepper shows: a step of the guide for an enterprise, judged from the
/// workspace. A screen is a value; the command returns it as a `CommandOutput` and the session
/// prints it (the stepper does no I/O of its own).
struct Screen {
    var enterprise: Enterprise
    /// The step the screen is about.
    var step: Int
    /// The step the enterprise is on, if the guide has started.
    var current: Int?
    var judgements: [Judgement]
    /// A line shown first (what a navigation command did).
    var headline: String?

    init(_ e: Enterprise, step: Int, in workspace: Workspace, headline: String? = nil) {
        enterprise = e; self.step = step; current = e.guideStep; self.headline = headline
        judgements = Judge.all(e, in: workspace)
    }

    var judgement: Judgement { judgements[step - 1] }
    var info: GuideStep { GuideStep.numbered(step) }

    /// `1✓ 2✓ [3✗] 4✗ 5✗`: each step met or not, the current one in brackets.
    var progress: String {
        judgements.map { j in
            let s = "\(j.step)\(j.met ? "✓" : "✗")"
            return j.step == current ? "[\(s)]" : s
        }.joined(separator: " ")
    }

    /// The commands that answer the step's questions, with names from the workspace.
    var commands: [String] { Screen.commands(step: step, enterprise) }

    static func commands(step: Int, _ e: Enterprise) -> [String] {
        switch step {
        case 1: return [Supply.segmentAdd(), Supply.needAdd(segment: e.segments.first?.name), Supply.needList()]
        case 2:
            return [
                Supply.offeringAdd(),
                Supply.reliefAdd(offering: e.offerings.first?.name, need: e.needs.first?.name ?? "NEED"),
                Supply.factorSet(e.name, factor: e.factors.first?.factor), Supply.canvas(), Supply.utility(e.name),
                Supply.pricePSM(segment: e.segments.first?.name), Supply.priceMatch(e.name),
                Supply.valueMap(e.name, competitors: e.competitors),
            ]
        case 3:
            return [
                Supply.initiativeAdd(.innovation), Supply.resourceAdd(), Supply.modelAdd(),
                Supply.nodeAdd(model: e.models.first?.name, stage: .activity),
                Supply.edgeAdd(model: e.models.first?.name, from: nil, to: nil),
                Supply.modelCheck(model: e.models.first?.name),
            ]
        case 4: return [Supply.kpiNPS(), Supply.kpiRecord(e.name, kpi: nil), Supply.kpiDashboard(e.name)]
        default:
            let series = KPISeries.all(e)
            let last = series.first.map { $0.points[$0.points.count - 1] }
            return [
                Supply.kpiRecord(
                    e.name, kpi: series.first?.kpi, value: last?.value,
                    period: last.map { KPISeries.nextPeriod(after: $0.period) } ?? "2026",
                    target: series.first?.target),
                Supply.kpiTrend(series.first?.kpi ?? "nps"), Supply.kpiDashboard(e.name), Supply.guideReport(),
            ]
        }
    }

    // MARK: Rendering

    var output: CommandOutput {
        var lines: [String] = []
        if let headline { lines.append(headline); lines.append("") }
        lines.append("Guide for \(enterprise.name) · step \(step) of \(GuideStep.count) · \(progress)")
        lines.append(info.title)
        lines.append("")
        lines += wrap(info.explanation, width: 80)
        lines.append("")
        lines.append("Questions")
        for (i, q) in info.questions.enumerated() { lines += wrap(q, width: 76, first: "  \(i + 1). ", rest: "     ") }
        lines.append("Commands")
        for c in commands { lines.append("  " + c) }
        lines.append("")
        lines += Screen.status(judgement, enterprise: enterprise.name)
        return CommandOutput(blocks: [.prose(text: lines.joined(separator: "\n"), markdown: markdown)], data: data)
    }

    /// The screen as Markdown for notebooks: the same content, names escaped, commands as code.
    var markdown: String {
        var md: [String] = []
        if let headline { md.append(Markup.markdown(headline)); md.append("") }
        md.append(
            "#### Guide for \(Markup.markdown(enterprise.name)) · step \(step) of \(GuideStep.count) · "
                + "\(Markup.markdown(progress))"
        )
        md.append("")
        md.append("**\(info.title)**")
        md.append("")
        md.append(info.explanation)
        md.append("")
        md.append("**Questions**")
        md.append("")
        for (i, q) in info.questions.enumerated() { md.append("\(i + 1). \(q)") }
        md.append("")
        md.append("**Commands**")
        md.append("")
        for c in commands { md.append("- " + Phrase.codeSpan(c)) }
        md.append("")
        md += Screen.statusMarkdown(judgement)
        return md.joined(separator: "\n") + "\n"
    }

    /// `status` as Markdown: a bold line, then a bullet per item with its commands as code spans.
    static func statusMarkdown(_ j: Judgement, evidence: Bool = true) -> [String] {
        let missing = j.missing.count
        var md = [
            "**Step \(j.step): " + (j.met ? "met" : "not met, \(Format.count(missing, "thing")) missing") + "**", "",
        ]
        func item(_ mark: String, _ g: Gap, _ suffix: String = "") {
            md.append("- \(mark) " + g.what.markdown + suffix)
            for c in g.commands { md.append("  - " + Phrase.codeSpan(c)) }
        }
        if evidence { for e in j.evidence { md.append("- ✓ " + e.markdown) } }
        for g in j.missing { item("✗", g) }
        for g in j.open { item("·", g, " (open; not required)") }
        if let it = j.iteration {
            for c in it.challenges {
                md.append(
                    "- ! Challenge: \(c.item.rawValue) (\(c.reasons.map(\.markdown).joined(separator: "; "))). "
                        + "Remedy: \(c.item.remedy)"
                )
            }
            for t in it.tips {
                md.append(
                    "- ☞ Tip \(t.item.rawValue): \(t.item.text) "
                        + "(\(t.reasons.map(\.markdown).joined(separator: "; ")))")
            }
        }
        if md.count == 2 { md.removeLast() }  // no items: no blank line after the bold one
        return md
    }

    /// The judgement of a step as lines: evidence, what is missing (with commands), what is open.
    static func status(_ j: Judgement, enterprise: String, evidence: Bool = true) -> [String] {
        var lines: [String] = []
        let missing = j.missing.count
        lines.append("Step \(j.step): " + (j.met ? "met" : "not met, \(Format.count(missing, "thing")) missing"))
        if evidence { for e in j.evidence { lines += wrap(e.description, width: 76, first: "  ✓ ", rest: "    ") } }
        for g in j.missing {
            lines += wrap(g.what.description, width: 76, first: "  ✗ ", rest: "    ")
            for c in g.commands { lines.append("      " + c) }
        }
        for g in j.open {
            lines += wrap(g.what.description + " (open; not required)", width: 76, first: "  · ", rest: "    ")
            for c in g.commands { lines.append("      " + c) }
        }
        if let it = j.iteration {
            for c in it.challenges {
                lines += wrap(
                    "Challenge: \(c.item.rawValue) (\(c.reasons.map(\.description).joined(separator: "; "))). "
                        + "Remedy: \(c.item.remedy)",
                    width: 76, first: "  ! ", rest: "    ")
            }
            for t in it.tips {
                lines += wrap(
                    "Tip \(t.item.rawValue): \(t.item.text) (\(t.reasons.map(\.description).joined(separator: "; ")))",
                    width: 76, first: "  ☞ ", rest: "    ")
            }
        }
        return lines
    }

    var data: JSON {
        let pairs: [(String, JSON)] = [
            ("enterprise", .string(enterprise.name)),
            ("step", .int(step)),
            ("current", current.map { .int($0) } ?? .null),
            ("title", .string(info.title)),
            ("met", .bool(judgement.met)),
            ("steps", .array(judgements.map { ["step": .int($0.step), "met": .bool($0.met)] })),
            ("questions", .array(info.questions.map { .string($0) })),
            ("commands", .array(commands.map { .string($0) })),
        ]
        return .object(pairs + Screen.fields(judgement))
    }

    /// A judgement's JSON fields: evidence, missing and open items, and step 5's reading.
    static func fields(_ j: Judgement) -> [(String, JSON)] {
        func gaps(_ list: [Gap]) -> JSON {
            .array(
                list.map {
                    ["what": .string($0.what.description), "commands": .array($0.commands.map { .string($0) })]
                })
        }
        var pairs: [(String, JSON)] = [
            ("evidence", .array(j.evidence.map { .string($0.description) })),
            ("missing", gaps(j.missing)),
            ("open", gaps(j.open)),
        ]
        if let it = j.iteration {
            pairs.append(
                (
                    "trends",
                    .array(
                        it.trends.map { t in
                            [
                                "kpi": .string(t.series.kpi),
                                "periods": .array(t.series.points.map { .string($0.period) }),
                                "values": .array(t.series.points.map { .num($0.value) }),
                                "target": .num(t.series.target),
                                "lower_is_better": .bool(t.series.lowerIsBetter),
                                "direction": .string(t.direction.rawValue),
                                "last_step": .string(t.lastStep.rawValue),
                                "target_reached": .bool(t.targetReached),
                            ]
                        })
                ))
            pairs.append(
                (
                    "challenges",
                    .array(
                        it.challenges.map {
                            [
                                "challenge": .string($0.item.rawValue), "remedy": .string($0.item.remedy),
                                "reasons": .array($0.reasons.map { .string($0.description) }),
                            ]
                        })
                ))
            pairs.append(
                (
                    "tips",
                    .array(
                        it.tips.map {
                            [
                                "tip": .int($0.item.rawValue), "text": .string($0.item.text),
                                "reasons": .array($0.reasons.map { .string($0.description) }),
                            ]
                        })
                ))
        }
        return pairs
    }
}

/// Breaks `text` into lines of at most `width` columns at spaces; the first line starts with
/// `first`, the others with `rest`.
func wrap(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
    var lines: [String] = []
    var line = first
    var empty = true
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
        let w = String(word)
        if !empty, Format.displayWidth(line) + 1 + Format.displayWidth(w) > width {
            lines.append(line)
            line = rest
            empty = true
        }
        line += (empty ? "" : " ") + w
        empty = false
    }
    lines.append(line)
    return lines
}

import ValueCore
import Workbench

/// `guide report`: the whole guide for an enterprise as Markdown. Every name the user typed goes
/// through `Markup.markdown` (via `Phrase.markdown`); command lines are code spans.
enum Report {
    static func markdown(_ e: Enterprise, in workspace: Workspace) -> String {
        let judgements = Judge.all(e, in: workspace)
        let met = judgements.filter(\.met).count
        var md: [String] = []
        md.append("# Value creation guide: \(Markup.markdown(e.name))")
        md.append("")
        var facts: [String] = []
        if let industry = e.industry { facts.append("Industry: \(Markup.markdown(industry))") }
        let rivals = Analyses.competitors(of: e, in: workspace).map(\.name)
        facts.append(
            rivals.isEmpty
                ? "no competitors in the workspace" : "compared with " + Phrase("\(names: rivals)").plainMarkdown)
        facts.append(e.guideStep.map { "on step \($0) of \(GuideStep.count)" } ?? "guide not started")
        facts.append("\(met) of \(GuideStep.count) steps met")
        md.append(facts.joined(separator: " · ") + ".")
        md.append("")
        md.append("| step | status | missing |")
        md.append("|---|---|---:|")
        for j in judgements {
            let here = j.step == e.guideStep ? " (current)" : ""
            md.append(
                """
                | \(j.step). \(GuideStep.numbered(j.step).title)\(here) | \(j.met ? "met" : "not met") | \
                \(j.missing.count) |
                """
            )
        }
        for j in judgements {
            let step = GuideStep.numbered(j.step)
            md.append("")
            md.append("## Step \(j.step): \(step.title) — \(j.met ? "met" : "not met")")
            md.append("")
            md.append(step.explanation)
            md.append("")
            md.append("**Evidence**")
            md.append("")
            if j.evidence.isEmpty { md.append("- none yet") }
            for p in j.evidence { md.append("- " + p.markdown) }
            if let it = j.iteration { md += iteration(it) }
            md.append("")
            md.append("**Still open**")
            md.append("")
            if j.missing.isEmpty && j.open.isEmpty { md.append("- nothing") }
            for g in j.missing { md.append("- " + gap(g)) }
            for g in j.open { md.append("- (optional) " + gap(g)) }
        }
        return md.joined(separator: "\n") + "\n"
    }

    static func gap(_ g: Gap) -> String {
        g.what.markdown + (g.commands.isEmpty ? "" : " " + g.commands.map(Phrase.codeSpan).joined(separator: ", "))
    }

    static func iteration(_ it: Iteration) -> [String] {
        var md: [String] = []
        if !it.challenges.isEmpty {
            md.append("")
            md.append("**Common challenges that apply**")
            md.append("")
            md.append("| challenge | why here | remedy |")
            md.append("|---|---|---|")
            for c in it.challenges {
                let why = c.reasons.map(\.markdown).joined(separator: "; ").replacingPipes()
                md.append("| \(c.item.rawValue) | \(why) | \(c.item.remedy) |")
            }
        }
        md.append("")
        md.append("**Expert tips**")
        md.append("")
        for t in it.tips {
            md.append(
                """
                - **Tip \(t.item.rawValue).** \(t.item.text) *Here:* \
                \(t.reasons.map(\.markdown).joined(separator: "; ")).
                """
            )
        }
        return md
    }
}

extension String {
    /// A pipe inside a table cell ends the cell, even in a code span: escape it.
    func replacingPipes() -> String {
        var s = ""
        var escaped = false
        for ch in self {
            if ch == "|" && !escaped { s += "\\|" } else { s.append(ch) }
            escaped = ch == "\\" && !escaped
        }
        return s
    }
}

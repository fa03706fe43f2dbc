import Testing
import ValueCore
import Workbench
@testable import Guide

@Suite struct ReportTests {
    func report(_ workspace: Workspace) throws -> (markdown: String, output: CommandOutput) {
        var s = Session.testing([GuidePlugin()], workspace: workspace)
        let output = s.ok("guide report")
        guard case let .markdown(md)? = output.blocks.first else { throw CommandError("Failed", "not markdown") }
        return (md, output)
    }

    @Test func fullFixture() throws {
        let (md, output) = try report(Fixture.workspace())
        let lines = md.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "# Value creation guide: CATL")
        #expect(lines[2] == "Industry: batteries · compared with BYD · guide not started · 5 of 5 steps met.")
        #expect(lines[4] == "| step | status | missing |")
        #expect(lines[6] == "| 1. Define your target audience and their needs | met | 0 |")
        for n in 1...5 {
            #expect(md.contains("## Step \(n): \(GuideStep.numbered(n).title) — met"))
        }
        #expect(md.contains("- “Kirin battery” relieves “range anxiety” (importance 5): functional 9, emotional 4."))
        #expect(
            md.contains(
                "- “nps” rose from 32.0 (“2024”) to 41.0 (“2025”) over 2 periods, moving towards its target 50.0."))
        #expect(md.contains("**Expert tips**\n\n- **Tip 5.** Measure and track your progress"))
        #expect(md.hasSuffix("\n"))
        #expect(output.data?["markdown"] == .string(md))
        #expect(output.data?["steps"]?.arrayValue?.count == 5)
    }

    @Test func openItemsAndCommandsAsCodeSpans() throws {
        var e = Fixture.catl()
        e.initiatives.removeAll { $0.element == .innovation }
        e.guideStep = 3
        let (md, _) = try report(Fixture.workspace(e))
        #expect(
            md.contains(
                "| 3. Develop a strategy that incorporates the key value generation elements (current) | not met | 1 |")
        )
        #expect(
            md.contains("## Step 3: Develop a strategy that incorporates the key value generation elements — not met"))
        #expect(md.contains("- No initiative carries innovation. `initiative add INITIATIVE --element innovation`"))
        // Step 5 brings up the tip that fits.
        #expect(
            md.contains(
                """
                - **Tip 4.** Foster a culture of innovation: encourage experimentation and continuous \
                improvement. *Here:* no initiative carries innovation.
                """
            ))
    }

    @Test func everyUserNameIsEscaped() throws {
        let hostile = "<script>alert(1)</script> *x* [l](u) `t` | Tom & Jerry's"
        var e = Fixture.catl()
        e.name = hostile
        e.industry = "<b>batteries</b>"
        e.segments[0].name = "Auto|makers"
        for i in e.needs.indices { e.needs[i].segment = "Auto|makers" }
        e.needs[0].name = "**range**"
        e.reliefs[0].need = "**range**"
        e.initiatives.removeAll { $0.element == .innovation }
        e.kpis.append(KPIRecord(kpi: "a`b", period: "<2025>", value: 1))
        var byd = Fixture.byd()
        byd.industry = "<b>batteries</b>"
        let (md, _) = try report(Workspace(enterprises: [e, byd], current: hostile))
        // Outside code spans (which show their text literally) no markup gets through.
        let prose = ReportTests.removingCodeSpans(md)
        #expect(!prose.contains("<"))
        #expect(!prose.contains(">"))
        #expect(
            md.contains(
                """
                # Value creation guide: &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\*x\\* \\[l\\]\\(u\\) \
                \\`t\\` \\| Tom &amp; Jerry's
                """
            ))
        #expect(md.contains("Industry: &lt;b&gt;batteries&lt;/b&gt;"))
        #expect(md.contains("“\\*\\*range\\*\\*”"))
        #expect(md.contains("Segment “Auto\\|makers”"))
        // Alone (no competitor), the industry is named in a sentence: still escaped.
        let (alone, _) = try report(Workspace(enterprises: [e], current: hostile))
        #expect(alone.contains("(“&lt;b&gt;batteries&lt;/b&gt;”)"))
        #expect(!ReportTests.removingCodeSpans(alone).contains("<"))
        // A command line holding a backtick gets a longer fence.
        #expect(
            md.contains(
                """
                ``kpi record \"<script>alert(1)</script> *x* [l](u) `t` | Tom & Jerry's\" a`b 1 --period \
                <2025> --target 50``
                """
            ))
    }

    /// `md` without its code spans (a run of backticks up to the next run of the same length).
    static func removingCodeSpans(_ md: String) -> String {
        let chars = Array(md)
        var out = "", i = 0
        while i < chars.count {
            if chars[i] == "\\", i + 1 < chars.count {
                out.append(chars[i]); out.append(chars[i + 1]); i += 2; continue
            }
            guard chars[i] == "`" else { out.append(chars[i]); i += 1; continue }
            var n = 0
            while i + n < chars.count, chars[i + n] == "`" { n += 1 }
            var j = i + n, closed = false
            while j < chars.count {
                var m = 0
                while j + m < chars.count, chars[j + m] == "`" { m += 1 }
                if m == n { closed = true; j += m; break }
                j += max(m, 1)
            }
            if closed { i = j } else { out += String(repeating: "`", count: n); i += n }
        }
        return out
    }

    @Test(arguments: [("plain", "`plain`"), ("a`b", "``a`b``"), ("`x", "`` `x ``"), ("a\nb", "`a b`")])
    func codeSpans(text: String, span: String) {
        #expect(Phrase.codeSpan(text) == span)
    }
}

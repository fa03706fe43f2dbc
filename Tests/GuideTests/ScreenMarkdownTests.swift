import Testing
import ValueCore
import Workbench
@testable import Guide

/// Guide screens and `guide check` reach notebooks as Markdown (`.prose`): the same content as
/// the terminal's text, every name escaped, commands as code spans.
@Suite struct ScreenMarkdownTests {
    static let hostile = "<script>*Acme*</script> & [Co] | #1"

    func run(_ lines: [String]) throws -> CommandOutput {
        var e = Enterprise(name: Self.hostile, industry: "e-bikes")
        e.segments = [Segment(name: "_riders_", size: 10)]
        e.needs = [Need(name: "`fast` <b>", segment: "_riders_", kind: .pain, importance: 5)]
        var s = Session.testing([GuidePlugin()], workspace: Workspace(enterprises: [e], current: nil))
        var last: CommandOutput?
        for line in lines { last = s.ok(line) }
        return try #require(last)
    }

    @Test(arguments: ["guide start '\(hostile)'", "guide next", "guide check", "guide check --all"])
    func screensAreProseWithEscapedNames(line: String) throws {
        let output = try run(["guide start '\(Self.hostile)'", line])
        guard case let .prose(text, md)? = output.blocks.first, output.blocks.count == 1 else {
            Issue.record("not one prose block: \(output.blocks)"); return
        }
        #expect(text.contains(Self.hostile))  // the terminal shows the name as typed
        #expect(md.contains(Markup.markdown(Self.hostile)))
        // Outside code spans (which show `<` literally) no markup the user typed survives.
        let outside = md.replacing(try Regex("(`+).*?\\1"), with: "")
        #expect(!outside.contains("<script>"))
        #expect(!outside.contains("<b>"))
        #expect(!outside.contains("*Acme*"))
        #expect(md.hasSuffix("\n"))
    }

    @Test func stepOneScreenGolden() throws {
        let output = try run(["guide start '\(Self.hostile)'"])
        guard case let .prose(_, md)? = output.blocks.first else { Issue.record("not prose"); return }
        let lines = md.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Started the guide for &lt;script&gt;\\*Acme\\*&lt;/script&gt; &amp; \\[Co\\] \\| \\#1.")
        #expect(
            lines[2]
                == """
                #### Guide for &lt;script&gt;\\*Acme\\*&lt;/script&gt; &amp; \\[Co\\] \\| \\#1 · step 1 of \
                5 · \\[1✓\\] 2✗ 3✗ 4✗ 5✗
                """
        )
        #expect(lines[4] == "**Define your target audience and their needs**")
        #expect(md.contains("\n**Questions**\n\n1. "))
        #expect(md.contains("\n**Commands**\n\n- `segment add SEGMENT --size 1000`\n"))
        #expect(md.contains("\n**Step 1: met**\n\n- ✓ "))
    }
}

import Testing
import Workbench

/// `guide report`'s Markdown on a terminal: no escapes or entities, tables aligned; notebooks
/// and pipes keep the Markdown.
@Suite struct MarkdownTerminalTests {
    static let md = """
        # Value creation guide: Dennis Department Store \\(丹尼斯\\)

        Industry: food &amp; retail · compared with A &lt;B&gt;

        | step | status | missing |
        |---|---|---:|
        | 1\\. Define \\| name | met | 0 |

        **Evidence**

        - Segment “Regional shoppers” has 2 pains; see `diff canvas`.
        """

    @Test func theTerminalGetsTextWithoutMarkup() {
        let text = Renderer(width: 80).render(CommandOutput(blocks: [.markdown(Self.md)]))
        #expect(text.hasPrefix("Value creation guide: Dennis Department Store (丹尼斯)\n═"))
        #expect(text.contains("Industry: food & retail · compared with A <B>"))
        #expect(text.contains("step              status  missing\n"), "\(text)")
        #expect(text.contains("1. Define | name  met           0"), "\(text)")
        #expect(text.contains("\nEvidence\n"))
        #expect(text.contains("`diff canvas`"))
        #expect(!text.contains("&amp;") && !text.contains("\\(") && !text.contains("**"))
    }

    @Test func pipesAndNotebooksKeepTheMarkdown() {
        #expect(Renderer().render(CommandOutput(blocks: [.markdown(Self.md)])) == Self.md + "\n")
        #expect(Renderer.plain(CommandOutput(blocks: [.markdown(Self.md)])) == Self.md)
    }
}

import Testing
import Workbench

/// The rich forms notebooks store beside `text/plain`: HTML for outputs with tables, Markdown for
/// screens and reports, and every name a user typed escaped in both.
@Suite struct RichOutputTests {
    /// Names a user could type, and what Markdown must get so that it shows them literally.
    @Test(arguments: [
        ("Acme", "Acme"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"),
        ("Tom & Jerry's \"best\"", "Tom &amp; Jerry's \"best\""),
        ("*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`"),
        ("[link](http://x)", "\\[link\\]\\(http://x\\)"),
        ("a | b", "a \\| b"),
        ("# not a heading", "\\# not a heading"),
        ("- not a list", "\\- not a list"),
        ("+ not a list", "\\+ not a list"),
        ("1. not a list", "1\\. not a list"),
        ("2024) not a list", "2024\\) not a list"),
        ("=== not a rule", "\\=== not a rule"),
        ("> not a quote", "&gt; not a quote"),
        ("    not code", "&#32;&#32;&#32;&#32;not code"),
        ("$5 plan and $10 plan", "\\$5 plan and \\$10 plan"),
        ("~~struck~~ \\ back", "\\~\\~struck\\~\\~ \\\\ back"),
        ("two\nlines", "two lines"),
        ("e-bikes 1.5 x=y", "e-bikes 1.5 x=y"),
        ("![img](x.png)", "\\!\\[img\\]\\(x.png\\)"),
    ])
    func markdownEscapesHostileNames(name: String, escaped: String) {
        #expect(Markup.markdown(name) == escaped)
    }

    @Test(arguments: [
        ("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        ("Tom & \"Jerry\"", "Tom &amp; &quot;Jerry&quot;"),
        ("A\u{1B}[31mred", "A\u{241B}[31mred"),
    ])
    func htmlCellsAreEscaped(name: String, escaped: String) {
        let html = Renderer.html(Table(headers: [name], rows: [[name]]))
        #expect(html.contains("<th style='text-align:left'>\(escaped)</th>"))
        #expect(html.contains("<td style='text-align:left'>\(escaped)</td>"))
        #expect(!html.contains("<script"))
    }

    static let table = CommandOutput(
        blocks: [
            .text("Needs of <Acme & Co>:"),
            .table(
                Table(
                    headers: ["need", "importance"], rows: [["<b>fast</b>", "5"], ["cheap", "4"], ["short row"]],
                    alignments: [.left, .right])),
            .text("two\nlines"),
        ], data: ["n": 3])

    @Test func htmlGolden() {
        #expect(
            Renderer.html(Self.table) == """
                <p>Needs of &lt;Acme &amp; Co&gt;:</p>
                <table>
                <thead>
                <tr><th style='text-align:left'>need</th><th style='text-align:right'>importance</th></tr>
                </thead>
                <tbody>
                <tr><td style='text-align:left'>&lt;b&gt;fast&lt;/b&gt;</td><td style='text-align:right'>5</td></tr>
                <tr><td style='text-align:left'>cheap</td><td style='text-align:right'>4</td></tr>
                <tr><td style='text-align:left'>short row</td><td style='text-align:right'></td></tr>
                </tbody>
                </table>
                <pre style='font-family:monospace'>two
                lines</pre>

                """)
    }

    @Test func markdownGolden() {
        let output = CommandOutput(blocks: [
            .prose(text: "Step 1 of <Acme>", markdown: "#### Step 1 of \(Markup.markdown("<Acme>"))\n"),
            .text("```\nraw `text`"),
        ])
        #expect(
            Renderer.markdown(output) == """
                #### Step 1 of &lt;Acme&gt;

                ````
                ```
                raw `text`
                ````

                """)
        // The terminal shows the text form, never the Markdown.
        #expect(Renderer.plain(output) == "Step 1 of <Acme>\n```\nraw `text`")
    }

    /// One rule per output: a table gives text/html, Markdown gives text/markdown, plain text
    /// gives neither; text/plain and the typed JSON are always there, as before.
    @Test func bundleRule() throws {
        func bundle(_ o: CommandOutput) -> JSON? { Cell.outputs(for: o, executionCount: 1).last?["data"] }
        let html = try #require(bundle(Self.table))
        #expect(html["text/html"]?.stringValue == Renderer.html(Self.table))
        #expect(html["text/markdown"] == nil)
        #expect(html["text/plain"]?.stringValue == Renderer.plain(Self.table))
        #expect(html[Notebook.dataMime] == ["n": 3])

        let prose = try #require(bundle(CommandOutput(blocks: [.prose(text: "plain", markdown: "**md**\n")])))
        #expect(prose["text/markdown"]?.stringValue == "**md**\n")
        #expect(prose["text/plain"]?.stringValue == "plain")
        #expect(prose["text/html"] == nil)

        let text = try #require(bundle(.message("Added <x>.")))
        #expect(text.objectValue?.map(\.0) == ["text/plain"])
    }
}

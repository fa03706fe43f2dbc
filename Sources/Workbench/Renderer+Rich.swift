/// The rich forms of an output that notebooks store beside `text/plain` (which stays the
/// terminal's text and what replay compares). One rule per output, in `Cell.outputs(for:)`:
/// an output holding a table is stored as `text/html` of all its blocks; one holding Markdown
/// (a guide screen, a report) as `text/markdown` of all its blocks; charts as `image/svg+xml`.
extension Renderer {
    /// Which rich form an output gets, by the rule above.
    public enum RichForm: Sendable, Equatable { case html, markdown }

    public static func richForm(of output: CommandOutput) -> RichForm? {
        var markdown = false
        for block in output.blocks {
            switch block {
            case .table: return .html
            case .markdown, .prose: markdown = true
            case .text, .chart: break
            }
        }
        return markdown ? .markdown : nil
    }

    /// The output as an HTML fragment: tables as plain `<table>`s (numeric columns right-aligned
    /// by a `style`, which nbconvert's and JupyterLab's table CSS respect), text as `<p>` (one
    /// line) or `<pre>` (monospace by its own `style`: nbconvert's template gives an output's
    /// `<pre>` the page's proportional font, which breaks aligned text such as `diff errc`'s grid),
    /// charts as their inline SVG. Every cell, header and text is escaped.
    public static func html(_ output: CommandOutput) -> String {
        var parts: [String] = []
        for block in output.blocks {
            switch block {
            case let .table(t): parts.append(html(t))
            case let .chart(c): parts.append(c.svg)
            case let .text(t), let .markdown(t), let .prose(t, _):
                parts.append(
                    t.contains("\n")
                        ? "<pre style='font-family:monospace'>" + Markup.xml(t) + "</pre>"
                        : "<p>" + Markup.xml(t) + "</p>")
            }
        }
        return parts.joined(separator: "\n") + "\n"
    }

    /// A table as `<table>` with `<thead>` and `<tbody>`; cells shown as on the terminal
    /// (control characters as visible symbols), then escaped. Attributes are single-quoted: in the
    /// notebook's JSON a double quote costs an escape in every cell (`Markup.xml` escapes `'` in
    /// the text, so the quotes cannot clash).
    public static func html(_ table: Table) -> String {
        let columns = max(table.headers.count, table.rows.map(\.count).max() ?? 0)
        func row(_ cells: [String], tag: String) -> String {
            var s = "<tr>"
            for i in 0..<columns {
                let align = i < table.alignments.count && table.alignments[i] == .right ? "right" : "left"
                s +=
                    "<\(tag) style='text-align:\(align)'>" + Markup.xml(visible(i < cells.count ? cells[i] : ""))
                    + "</\(tag)>"
            }
            return s + "</tr>\n"
        }
        var s = "<table>\n"
        if !table.headers.isEmpty { s += "<thead>\n" + row(table.headers, tag: "th") + "</thead>\n" }
        s += "<tbody>\n" + table.rows.map { row($0, tag: "td") }.joined() + "</tbody>\n</table>"
        return s
    }

    /// The output as Markdown: Markdown blocks as they are (their names already escaped), other
    /// text and tables as fenced code (shown literally, so nothing in them needs escaping).
    /// Charts are left to `image/svg+xml`.
    public static func markdown(_ output: CommandOutput) -> String {
        var parts: [String] = []
        for block in output.blocks {
            switch block {
            case let .markdown(m), let .prose(_, m): parts.append(m.hasSuffix("\n") ? String(m.dropLast()) : m)
            case let .text(t): parts.append(fenced(t))
            case let .table(t): parts.append(fenced(Renderer().aligned(t)))
            case .chart: break
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// `text` as a fenced code block whose fence is longer than any run of backticks inside.
    static func fenced(_ text: String) -> String {
        var longest = 0, run = 0
        for ch in text {
            if ch == "`" { run += 1; longest = max(longest, run) } else { run = 0 }
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return fence + "\n" + body + "\n" + fence
    }
}

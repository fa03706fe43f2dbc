/// Markdown (`guide report`) shown on a terminal: headings underlined, emphasis as bold (with
/// colour) or plain, pipe tables aligned and fitted, escapes and entities undone. Notebooks keep
/// the Markdown itself.
extension Renderer {
    /// The terminal's rendering of the Markdown `md`.
    public func terminalText(fromMarkdown md: String) -> String {
        var out: [String] = []
        let lines = md.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if line.hasPrefix("|") {
                var block: [String] = []
                while i < lines.count, lines[i].hasPrefix("|") { block.append(lines[i]); i += 1 }
                var text = aligned(Renderer.pipeTable(block))
                if text.hasSuffix("\n") { text.removeLast() }
                out.append(text)
                continue
            }
            i += 1
            let level = line.prefix(while: { $0 == "#" }).count
            if level > 0, line.dropFirst(level).hasPrefix(" ") {
                let title = Renderer.inline(String(line.dropFirst(level + 1)), color: color)
                out.append(color ? "\u{1B}[1m" + title + "\u{1B}[0m" : title)
                if level <= 2 {
                    let rule = String(
                        repeating: level == 1 ? "═" : "─",
                        count: min(
                            Format.displayWidth(Renderer.inline(String(line.dropFirst(level + 1)), color: false)),
                            width ?? 80))
                    out.append(rule)
                }
                continue
            }
            out.append(Renderer.inline(line, color: color))
        }
        return out.joined(separator: "\n")
    }

    /// A Markdown pipe table (header, delimiter row, rows) as a `Table`; `---:` aligns right.
    static func pipeTable(_ lines: [String]) -> Table {
        let rows = lines.map(cells)
        guard rows.count >= 2 else { return Table(headers: rows.first ?? [], rows: []) }
        let alignments: [Table.Alignment] = rows[1].map { $0.hasSuffix(":") ? .right : .left }
        return Table(
            headers: rows[0].map { inline($0, color: false) },
            rows: rows.dropFirst(2).map { $0.map { inline($0, color: false) } },
            alignments: alignments)
    }

    /// The cells of a pipe table's row, split at unescaped `|`.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for ch in line.dropFirst() {
            if escaped { cell.append("\\"); cell.append(ch); escaped = false; continue }
            if ch == "\\" { escaped = true; continue }
            if ch == "|" { cells.append(cell.trimmingSpaces); cell = ""; continue }
            cell.append(ch)
        }
        if !cell.trimmingSpaces.isEmpty { cells.append(cell.trimmingSpaces) }
        return cells
    }

    /// A line's inline Markdown undone: backslash escapes, entities, `**strong**` and `*emphasis*`
    /// markers (strong shown bold with colour). Code spans keep their backquotes, as the
    /// terminal's other messages quote commands.
    static func inline(_ s: String, color: Bool) -> String {
        var out = ""
        var chars = Array(s)[...]
        var strong = false
        while let ch = chars.first {
            chars = chars.dropFirst()
            switch ch {
            case "\\":
                if let next = chars.first, next.isPunctuation || next.isSymbol {
                    out.append(next); chars = chars.dropFirst()
                } else {
                    out.append(ch)
                }
            case "&":
                let rest = String(chars.prefix(6))
                if let (entity, text) = entities.first(where: { rest.hasPrefix($0.0) }) {
                    out += text
                    chars = chars.dropFirst(entity.count)
                } else {
                    out.append(ch)
                }
            case "*":
                if chars.first == "*" {
                    chars = chars.dropFirst()
                    strong.toggle()
                    if color { out += strong ? "\u{1B}[1m" : "\u{1B}[0m" }
                }
            // A single `*` marks emphasis: dropped.
            default:
                out.append(ch)
            }
        }
        if strong && color { out += "\u{1B}[0m" }
        return out
    }

    private static let entities: [(String, String)] = [
        ("amp;", "&"), ("lt;", "<"), ("gt;", ">"), ("quot;", "\""), ("#39;", "'"), ("#32;", " "), ("#9;", "\t"),
    ]
}

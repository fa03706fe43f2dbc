/// Fitting output to a terminal's width: tables shorten their widest text cells with "…" or,
/// when even that cannot fit, turn into a record view (one "column: value" line per cell, as
/// psql's `\x auto`); long text lines wrap at spaces. Only with `Renderer.width` set (stdout is
/// a terminal): pipes keep full values.
extension Renderer {
    /// The narrowest a text column is made before the table turns into records.
    static let narrowestText = 8

    /// Column widths that fit `limit` columns (two spaces between columns), shrinking the widest
    /// left-aligned columns first; nil when even the narrowest do not fit. The figures of a
    /// right-aligned column are never shortened (only its header, down to `cellWidths`, the
    /// widest of its cells).
    static func fit(_ widths: [Int], cellWidths: [Int], alignments: [Table.Alignment], limit: Int) -> [Int]? {
        var widths = widths
        var excess = widths.reduce(0, +) + 2 * (widths.count - 1) - limit
        guard excess > 0 else { return widths }
        let floor = widths.indices.map { i -> Int in
            let right = i < alignments.count && alignments[i] == .right
            return right ? max(cellWidths[i], 1) : min(widths[i], narrowestText)
        }
        let natural = widths
        while excess > 0 {
            guard let i = widths.indices.filter({ widths[$0] > floor[$0] }).max(by: { widths[$0] < widths[$1] }) else {
                return nil
            }
            widths[i] -= 1
            excess -= 1
        }
        // A text cut to less than half of itself says too little (a verdict shown as "gives m…"):
        // the record view shows it whole instead.
        for i in widths.indices where natural[i] > 2 * narrowestText && widths[i] * 2 < natural[i] {
            if i < alignments.count && alignments[i] == .right { continue }
            return nil
        }
        return widths
    }

    /// The record view of a table: each row as "header: value" lines under a rule naming the
    /// row, values wrapped to `limit`.
    func records(_ table: Table, limit: Int) -> String {
        let labelWidth = min(table.headers.map { Format.displayWidth($0) }.max() ?? 0, max(4, limit / 3))
        var out = ""
        for (n, row) in table.rows.enumerated() {
            let title = "─[ \(n + 1) ]"
            let rule = title + String(repeating: "─", count: max(0, min(limit, 40) - Format.displayWidth(title)))
            out += (color ? "\u{1B}[2m" + rule + "\u{1B}[0m" : rule) + "\n"
            for (i, cell) in row.enumerated() {
                let header = i < table.headers.count ? Format.truncate(table.headers[i], labelWidth) : ""
                let label = Format.pad(header, labelWidth) + " │ "
                let lines = Format.wrap(cell, max(8, limit - labelWidth - 3))
                let indent = String(repeating: " ", count: labelWidth) + " │ "
                for (k, line) in lines.enumerated() {
                    var s = (k == 0 ? (color ? "\u{1B}[1m" + label + "\u{1B}[0m" : label) : indent) + line
                    while s.hasSuffix(" ") { s.removeLast() }
                    out += s + "\n"
                }
            }
        }
        return out
    }

    /// `text` with every line longer than `limit` wrapped at spaces; a continuation is indented
    /// under the line's text, or under its second column ("  --name TEXT   the help…").
    public static func wrapLines(_ text: String, limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        // JSON printed by `--json` is for copying: the terminal's own wrapping keeps it intact.
        if let first = text.first, first == "{" || first == "[" { return text }
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            guard Format.displayWidth(line) > limit else { out.append(line); continue }
            let indent = String(repeating: " ", count: min(hangingIndent(line), limit / 2))
            let lead = line.prefix(while: { $0 == " " }).count
            let wrapped = Format.wrap(
                String(line.dropFirst(lead)), limit - lead, continuation: max(0, indent.count - lead))
            for piece in wrapped { out.append(String(repeating: " ", count: lead) + piece) }
        }
        return out.joined(separator: "\n")
    }

    /// Where a wrapped line's continuation starts: after the gap of two or more spaces that
    /// ends a first column ("  kpi nps   NPS: …"), else under the line's first character.
    static func hangingIndent(_ line: String) -> Int {
        let chars = Array(line)
        let lead = chars.prefix(while: { $0 == " " }).count
        if line.dropFirst(lead).hasPrefix("- ") { return lead + 2 }  // a list item
        guard lead > 0 else { return 0 }
        var i = lead
        var column = lead
        while i < chars.count {
            if chars[i] == " ", i + 1 < chars.count, chars[i + 1] == " " {
                var j = i
                while j < chars.count, chars[j] == " " { j += 1 }
                let at = column + (j - i)
                return at < chars.count ? at : lead + 2
            }
            column += Format.displayWidth(String(chars[i]))
            i += 1
        }
        return lead + 2
    }
}

extension Format {
    /// `s` cut to `width` columns, ending with "…" when cut; a wide character is never split.
    public static func truncate(_ s: String, _ width: Int) -> String {
        guard displayWidth(s) > width else { return s }
        guard width > 0 else { return "" }
        var out = ""
        var used = 0
        for ch in s {
            let w = displayWidth(String(ch))
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    /// `s` in lines of at most `width` columns, broken at spaces (a word longer than a line is
    /// cut between characters, never inside a wide one); lines after the first are indented by
    /// `continuation` spaces.
    public static func wrap(_ s: String, _ width: Int, continuation: Int = 0) -> [String] {
        let width = max(width, 2)
        var lines: [String] = []
        var line = ""
        var used = 0
        var limit = width
        func flush() {
            while line.hasSuffix(" ") { line.removeLast() }
            lines.append((lines.isEmpty ? "" : String(repeating: " ", count: continuation)) + line)
            line = ""
            used = 0
            limit = max(2, width - continuation)
        }
        for word in s.split(separator: " ", omittingEmptySubsequences: false) {
            var w = displayWidth(String(word))
            if used > 0, used + 1 + w > limit { flush() }
            if used > 0 { line += " "; used += 1 }
            var rest = Substring(word)
            while w > limit - used, !rest.isEmpty {
                // A word longer than the line: cut it.
                var piece = ""
                var pw = 0
                while let ch = rest.first, pw + displayWidth(String(ch)) <= limit - used {
                    piece.append(ch); pw += displayWidth(String(ch)); rest = rest.dropFirst()
                }
                if piece.isEmpty, used == 0, let ch = rest.first { piece.append(ch); rest = rest.dropFirst() }
                line += piece
                flush()
                w = displayWidth(String(rest))
            }
            line += rest
            used += w
        }
        if !line.isEmpty || lines.isEmpty { flush() }
        return lines
    }
}

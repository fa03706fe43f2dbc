/// Turns a command's output into text: aligned tables for people, CSV or JSON for programs.
public struct Renderer: Sendable {
    public var format: OutputFormat
    /// ANSI styling (bold headers, dim rules); only on a terminal, never with `NO_COLOR`.
    public var color: Bool
    /// The terminal's width in columns, to fit tables and text to (Renderer+Fit.swift); nil for
    /// a pipe or a notebook, which keep full values.
    public var width: Int?

    public init(format: OutputFormat = .table, color: Bool = false, width: Int? = nil) {
        self.format = format; self.color = color; self.width = width
    }

    /// The text of `output`, ending with a newline unless empty.
    public func render(_ output: CommandOutput) -> String {
        var out = ""
        render(output) { out += $0 }
        return out
    }

    /// Hands the text of `output` to `emit` piece by piece (each block, then a newline where the
    /// block lacks one), so a caller writing to a stream builds no intermediate string.
    public func render(_ output: CommandOutput, to emit: (String) -> Void) {
        if format == .json, let data = output.data {
            emit(data.compact())
            emit("\n")
            return
        }
        if format.isDelimited, output.blocks.contains(where: { if case .table = $0 { true } else { false } }) {
            renderTables(output, to: emit)
            return
        }
        for block in output.blocks {
            let text: String
            switch block {
            case let .markdown(t) where width != nil:
                text = Renderer.wrapLines(
                    Printable.visible(terminalText(fromMarkdown: t), keepingLines: true), limit: width!)
            case let .text(t), let .markdown(t), let .prose(t, _):
                let shown = Printable.visible(t, keepingLines: true)
                text = width.map { Renderer.wrapLines(shown, limit: $0) } ?? shown
            case let .table(t): text = aligned(t)
            case let .chart(c): text = Printable.visible(c.text, keepingLines: true)
            }
            emit(text)
            if text.utf8.last != 0x0A { emit("\n") }
        }
    }

    /// Plain text for a notebook's `text/plain`: the table rendering, never colour.
    public static func plain(_ output: CommandOutput) -> String {
        var s = Renderer(format: .table, color: false).render(output)
        if s.hasSuffix("\n") { s.removeLast() }
        return s
    }

    /// Columns padded to their widest cell (counting wide characters as two columns), numbers
    /// right-aligned, a rule under the header.
    public func aligned(_ table: Table) -> String {
        // Cells hold data from files too (a survey's group values, imported names): control
        // characters would break the table's lines or drive the terminal (ESC), so they are shown.
        var table = table
        if table.headers.contains(where: Self.hasControl)
            || table.rows.contains(where: { $0.contains(where: Self.hasControl) })
        {
            table.headers = table.headers.map(Self.visible)
            table.rows = table.rows.map { $0.map(Self.visible) }
        }
        let columns = max(table.headers.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        var cellWidths = [Int](repeating: 0, count: columns)
        for row in table.rows {
            for (i, cell) in row.enumerated() { cellWidths[i] = max(cellWidths[i], Format.displayWidth(cell)) }
        }
        for (i, h) in table.headers.enumerated() { widths[i] = Format.displayWidth(h) }
        for i in 0..<columns { widths[i] = max(widths[i], cellWidths[i]) }
        if let limit = width {
            guard let fitted = Renderer.fit(widths, cellWidths: cellWidths, alignments: table.alignments, limit: limit)
            else {
                return records(table, limit: limit)
            }
            if fitted != widths {
                widths = fitted
                table.headers = table.headers.enumerated().map { Format.truncate($1, widths[$0]) }
                table.rows = table.rows.map { $0.enumerated().map { Format.truncate($1, widths[$0]) } }
            }
        }
        func line(_ cells: [String], header: Bool) -> String {
            var parts: [String] = []
            for i in 0..<columns {
                let cell = i < cells.count ? cells[i] : ""
                let right = i < table.alignments.count && table.alignments[i] == .right
                let last = i == columns - 1
                parts.append(last && !right ? cell : Format.pad(cell, widths[i], right: right))
            }
            var s = parts.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return header && color ? "\u{1B}[1m" + s + "\u{1B}[0m" : s
        }
        var out = ""
        if !table.headers.isEmpty {
            out += line(table.headers, header: true) + "\n"
            let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
            out += (color ? "\u{1B}[2m" + rule + "\u{1B}[0m" : rule) + "\n"
        }
        for row in table.rows { out += line(row, header: false) + "\n" }
        return out
    }

    static func hasControl(_ cell: String) -> Bool { Printable.mayHoldUnsafe(cell) }

    /// A cell as one line of visible text (`Printable.visible`).
    static func visible(_ cell: String) -> String { Printable.visible(cell) }

    /// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled.
    public static func csv(_ table: Table) -> String {
        func field(_ s: String) -> String {
            if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return s
        }
        var out = ""
        if !table.headers.isEmpty { out += table.headers.map(field).joined(separator: ",") + "\n" }
        for row in table.rows { out += row.map(field).joined(separator: ",") + "\n" }
        return out
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    public func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

/// `set format csv` and `set format tsv`: nothing but the tables, their cells as a program
/// reads them.
extension OutputFormat {
    /// CSV or TSV: only the tables of an output reach stdout.
    public var isDelimited: Bool { self == .csv || self == .tsv }
}

extension Renderer {
    /// Emits each table of `output` as CSV (RFC 4180) or TSV, tables apart by a blank line; text,
    /// charts and prose around them (banners, file summaries) are left out.
    func renderTables(_ output: CommandOutput, to emit: (String) -> Void) {
        var first = true
        for case let .table(t) in output.blocks {
            if !first { emit("\n") }
            first = false
            let table = t.forMachines()
            emit(format == .tsv ? Renderer.tsv(table) : Renderer.csv(table))
        }
    }

    /// Tab-separated values: one line per row; a tab or line break inside a cell (which the
    /// format cannot hold) becomes a space.
    public static func tsv(_ table: Table) -> String {
        func field(_ s: String) -> String {
            guard s.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
            return String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
        }
        var out = ""
        if !table.headers.isEmpty { out += table.headers.map(field).joined(separator: "\t") + "\n" }
        for row in table.rows { out += row.map(field).joined(separator: "\t") + "\n" }
        return out
    }
}

extension Table {
    /// The table as a program wants it: numbers without their decoration ("±19.9" → 19.9,
    /// "42.0%" → 42.0, "—" → empty) and compound cells ("23 / 22 / 15", header "P / Pa / D")
    /// split into one column per part.
    public func forMachines() -> Table {
        if let d = delimited { return Table(headers: d.headers, rows: d.rows) }
        let columns = max(headers.count, rows.map(\.count).max() ?? 0)
        var newHeaders: [String] = []
        var newRows = [[String]](repeating: [], count: rows.count)
        var newAlignments: [Alignment] = []
        for c in 0..<columns {
            let header = c < headers.count ? headers[c] : ""
            let cells = rows.map { c < $0.count ? $0[c] : "" }
            let parts = Table.compoundParts(header: header, cells: cells)
            let alignment = c < alignments.count ? alignments[c] : .left
            if parts > 1 {
                let names = Table.parts(header)
                for k in 0..<parts {
                    newHeaders.append(names.count == parts ? names[k] : "\(header) \(k + 1)")
                    newAlignments.append(alignment)
                }
                for (r, cell) in cells.enumerated() {
                    let split = Table.parts(cell)
                    for k in 0..<parts { newRows[r].append(Table.plainValue(split.count == parts ? split[k] : "")) }
                }
            } else {
                newHeaders.append(header)
                newAlignments.append(alignment)
                for (r, cell) in cells.enumerated() { newRows[r].append(Table.plainValue(cell)) }
            }
        }
        return Table(headers: headers.isEmpty ? [] : newHeaders, rows: newRows, alignments: newAlignments)
    }

    /// How many parts each cell of a column splits into on " / ", when every filled cell splits
    /// alike into numbers (1 otherwise: names with a slash stay whole).
    static func compoundParts(header: String, cells: [String]) -> Int {
        var parts: Int?
        for cell in cells where !cell.isEmpty && !Table.isEmptyMark(cell) {
            let split = Table.parts(cell)
            guard split.count > 1, split.allSatisfy({ Table.number(Table.plainValue($0)) != nil }) else { return 1 }
            if let p = parts, p != split.count { return 1 }
            parts = split.count
        }
        return parts ?? 1
    }

    static func parts(_ cell: String) -> [String] {
        cell.split(separator: " / ", omittingEmptySubsequences: false).map(String.init)
    }

    static func isEmptyMark(_ cell: String) -> Bool { cell == "—" || cell == "–" || cell == "-" || cell == "n/a" }

    /// A cell without the decoration of a figure: "±19.9" → "19.9", "42.0%" → "42.0",
    /// "—" → "". Text that is not a decorated number is kept as it is.
    static func plainValue(_ cell: String) -> String {
        var s = cell
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        if isEmptyMark(s) { return "" }
        var core = Substring(s)
        if core.hasPrefix("±") { core = core.dropFirst() }
        if core.hasSuffix("%") { core = core.dropLast() }
        if core.hasPrefix("+"), core.count > 1 { core = core.dropFirst() }
        let digits = String(core).replacingOccurrences(of: "−", with: "-")
        return number(digits) != nil ? digits : s
    }

    /// `s` as a number, if it is one written plainly (digits, one point, a leading minus).
    static func number(_ s: String) -> Double? {
        guard !s.isEmpty,
            s.allSatisfy({
                $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "e" || $0 == "E" || $0 == "+")
            }),
            s.first != "e", s.first != "E"
        else { return nil }
        return Double(s)
    }
}

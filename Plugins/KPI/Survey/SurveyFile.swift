import ValueCore
import Workbench

/// A file whose lines end in CR alone (old Mac OS line ends), read with every CR as LF: the
/// same bytes otherwise, so offsets and sizes are the file's own.
struct CROnlyFile: RandomAccessFile {
    let base: any RandomAccessFile
    var size: Int { base.size }

    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int {
        let n = try base.read(into: buffer, at: offset)
        for i in 0..<n where buffer[i] == 0x0D { buffer[i] = 0x0A }
        return n
    }

    /// Whether `head` (the file's first bytes) ends its lines in CR alone: it has a CR and no LF.
    static func applies(_ head: [UInt8]) -> Bool { !head.contains(0x0A) && head.contains(0x0D) }

    static func convert(_ bytes: inout [UInt8]) {
        for i in bytes.indices where bytes[i] == 0x0D { bytes[i] = 0x0A }
    }
}

/// A column of a survey file.
public struct SurveyColumn: Sendable, Equatable {
    /// 0-based.
    public var index: Int
    /// The header (for Qualtrics the column id, for SurveyMonkey the question with its sub-label).
    public var name: String
    /// The question text, when the export has it apart from the name.
    public var question: String?
    /// Qualtrics' ImportId (e.g. `QID1`).
    public var importId: String?
}

/// A survey export opened for reading: its format, columns, and where the answers begin.
public struct SurveyFile: Sendable {
    public var path: String
    public var format: SurveyFormat
    public var detected: Bool
    public var columns: [SurveyColumn]
    public var dataStart: Int
    public var file: any RandomAccessFile
    /// Per column: its value labels as folded label → value (SPSS files), read as a `--map` the
    /// user's own `--map` overrides.
    public var labelSets: [Int: [String: Int]] = [:]

    /// Column `column`'s value labels (folded label → value); empty for CSV exports.
    public func valueLabels(_ column: Int) -> [String: Int] { labelSets[column] ?? [:] }

    /// Opens `path` through `files` and reads its header rows.
    public static func open(_ path: String, files: any FileAccess, format forced: SurveyFormat? = nil) throws
        -> SurveyFile
    {
        var file = try files.open(path)
        var head: [UInt8] = []
        var rows: [[String]] = []
        var ends: [Int] = []
        var window = 1 << 16
        while true {
            head = [UInt8](repeating: 0, count: min(window, file.size))
            var done = 0
            while done < head.count {
                let n = try head.withUnsafeMutableBytes {
                    try file.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[done...]), at: done)
                }
                if n == 0 { break }
                done += n
            }
            head.removeLast(head.count - done)
            // Lines ended by CR alone (old Mac OS exports) read as one row: read each CR as LF.
            if !(file is CROnlyFile), !SPSS.isSAV(head), CROnlyFile.applies(head) {
                file = CROnlyFile(base: file)
                CROnlyFile.convert(&head)
            }
            let whole = done >= file.size
            (rows, ends) = CSV.records(head, limit: 4, final: whole)
            if rows.count >= 4 || whole || window >= 1 << 24 { break }
            window *= 4
        }
        if SPSS.isSAV(head) { return try SPSS.open(path, file: file) }
        let bom = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if bom > 0 {
            (rows, ends) = CSV.records(Array(head[3...]), limit: 4, final: head.count >= file.size)
            ends = ends.map { $0 + 3 }
        }
        guard let header = rows.first, header.contains(where: { !$0.isEmpty }) else {
            throw CommandError(
                "BadFile",
                """
                \(path): no header row (the file is empty or its first line is blank); a survey export \
                starts with a row of column names
                """
            )
        }
        if let bad = CSV.firstInvalidUTF8(head, 0, ends.first ?? 0) {
            throw CommandError(
                "BadFile",
                """
                \(path): the header row is not valid UTF-8 (byte \
                0x\(String(head[bad], radix: 16, uppercase: true)) at offset \(bad)); export the survey as \
                UTF-8 (with or without BOM)
                """
            )
        }
        let format = forced ?? SurveyFormat.detect(rows)
        guard rows.count >= format.headerRows else {
            throw CommandError(
                "BadFile",
                """
                \(path): a \(format.title) export has \(Format.count(format.headerRows, "header row")), \
                this file has \(Format.count(rows.count, "row"))
                """
            )
        }
        var columns = header.enumerated().map { SurveyColumn(index: $0.offset, name: $0.element) }
        switch format {
        case .qualtrics:
            for i in columns.indices {
                if i < rows[1].count, !rows[1][i].isEmpty { columns[i].question = rows[1][i] }
                if i < rows[2].count { columns[i].importId = importId(rows[2][i]) }
            }
        case .surveymonkey:
            var question = ""
            for i in columns.indices {
                if !header[i].isEmpty { question = header[i] }
                let sub = i < rows[1].count ? rows[1][i] : ""
                columns[i].question = question
                if sub.isEmpty || sub == "Response" || sub == "Open-Ended Response" {
                    columns[i].name = question
                } else {
                    columns[i].name = question.isEmpty ? sub : "\(question) - \(sub)"
                }
            }
        default: break
        }
        let dataStart = format.headerRows <= ends.count ? ends[format.headerRows - 1] : file.size
        return SurveyFile(
            path: path, format: format, detected: forced == nil, columns: columns, dataStart: dataStart, file: file)
    }

    static func importId(_ json: String) -> String? {
        guard let parsed = try? JSON.parse(json), let id = parsed["ImportId"]?.stringValue else { return nil }
        return id
    }

    /// The column `spec` names: a header, a question text, an ImportId, or a number from 1.
    public func column(_ spec: String) throws -> Int {
        let wanted = Name.foldTrim(spec)
        let keys: [(SurveyColumn) -> String?] = [{ $0.name }, { $0.importId }, { $0.question }]
        for key in keys {
            let hits = columns.filter { key($0).map(Name.foldTrim) == wanted }
            if hits.count == 1 { return hits[0].index }
            if hits.count > 1 {
                throw CommandError(
                    "AmbiguousColumn",
                    """
                    \(path): \(hits.count) columns are named '\(spec)' (numbers \
                    \(hits.map { String($0.index + 1) }.joined(separator: ", "))); give the column number \
                    instead
                    """
                )
            }
        }
        if let n = Int(spec), (1...columns.count).contains(n) { return n - 1 }
        let names = columns.map(\.name)
        var m = "\(path): no column '\(spec)'"
        if let s = Suggest.closest(to: spec, in: names) { m += "; did you mean '\(s)'?" }
        let shown = names.prefix(12).map { "'\($0)'" }.joined(separator: ", ")
        m +=
            """
             (columns: \(shown)\(names.count > 12 ? ", …" : ""); or a number from 1 to \(columns.count); \
            `kpi columns \(path)` lists them)
            """
        throw CommandError("UnknownColumn", m)
    }

    public func label(_ column: Int) -> String {
        column < columns.count ? columns[column].name : "column \(column + 1)"
    }

    public func scanner(mode: SurveyScanner.Mode = .automatic) -> SurveyScanner {
        var s = SurveyScanner(file: file, dataStart: dataStart, columnCount: columns.count)
        s.mode = mode
        return s
    }

    /// Scans the answers. Throws on a malformed file, and on a bad answer unless `lenient`.
    func scan(
        _ request: ScanRequest, lenient: Bool, scanner: SurveyScanner? = nil,
        makeSink: (() -> any SurveyRowSink)? = nil
    ) throws -> Accumulator {
        let acc = try (scanner ?? self.scanner()).scan(request, makeSink: makeSink)
        let headerRows = format.headerRows
        if acc.unterminatedQuote {
            throw CommandError(
                "BadFile",
                """
                \(path): a quoted field opened in row \(headerRows + acc.rows + 1) is never closed (a \" is \
                missing); fields with commas or line breaks must be enclosed in a pair of \" with inner \" \
                doubled
                """
            )
        }
        if let offset = acc.badUTF8Offset {
            let row = try rowOf(offset: offset)
            var byte: UInt8 = 0
            _ = try withUnsafeMutableBytes(of: &byte) { try file.read(into: $0, at: offset) }
            throw CommandError(
                "BadFile",
                """
                \(path): row \(row) is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)) \
                at offset \(offset)); export the survey as UTF-8 (with or without BOM)
                """
            )
        }
        if !lenient, let r = acc.firstRagged {
            throw CommandError(
                "BadFile",
                """
                \(path): row \(headerRows + r.row + 1) has \(Format.count(r.fields, "field")) where the \
                header has \(columns.count) (an unquoted comma?); enclose fields holding commas in \"…\" \
                (--lenient counts such rows as invalid and goes on)
                """
            )
        }
        if !lenient, let bad = acc.firstBad {
            if let error = unmappedLabels(request, acc, bad) { throw error }
            let metric = request.metrics.first { $0.column == bad.column }
            let range = metric.map { "\($0.range.lowerBound)–\($0.range.upperBound)" } ?? ""
            let what: String
            if case .value = Accumulator.parseAnswer(Array(bad.text.utf8), 0, bad.text.utf8.count) {
                what = "'\(bad.text)' is outside the scale \(range)"
            } else {
                let shown = bad.text.count > 40 ? String(bad.text.prefix(40)) + "…" : bad.text
                what = "'\(shown)' is not a whole number from \(range)"
            }
            throw CommandError(
                "BadAnswer",
                """
                \(path): row \(headerRows + bad.row + 1), column '\(label(bad.column))' \
                (\(bad.column + 1)): \(what) (a blank answer is skipped; --lenient counts bad answers as \
                invalid and goes on)
                """
            )
        }
        return acc
    }

    /// The error for a column answered with labels that are not mapped to numbers: every
    /// distinct invalid answer with its count, and a `--map` to fill in. Nil when the column's
    /// invalid answers are all numbers (out of range: the row-by-row error says which).
    func unmappedLabels(_ request: ScanRequest, _ acc: Accumulator, _ bad: BadAnswer) -> CommandError? {
        guard let slot = request.metrics.firstIndex(where: { $0.column == bad.column }) else { return nil }
        let values = acc.invalidValues(slot: slot)
        let labels = values.keys.filter { Accumulator.parseAnswer(Array($0.utf8), 0, $0.utf8.count) == .other }
        guard !labels.isEmpty else { return nil }
        let metric = request.metrics[slot]
        let range = "\(metric.range.lowerBound) to \(metric.range.upperBound)"
        let total = values.values.reduce(0, +)
        let labelCounts = values.filter { labels.contains($0.key) }
        let template =
            AnswerLabels.sortedByCount(labelCounts).prefix(8).map { AnswerLabels.mapItem($0.0) + "=N" }.joined(
                separator: ",")
            + (labelCounts.count > 8 ? ",…" : "")
        return CommandError(
            "UnmappedLabels",
            """
            \(path): column '\(label(bad.column))' (\(bad.column + 1)) has \(Format.count(total, "answer")) \
            that \(total == 1 ? "is" : "are") not numbers from \(range), \
            \(Format.count(values.count, "distinct value")): \(AnswerLabels.listing(values, limit: 12)) \
            (first in row \(format.headerRows + bad.row + 1)); map them to numbers with \
            \(metric.mapHint)'\(template)' (N from \(range); a number at the start or end of a label is \
            read as the answer), or --lenient counts them as invalid
            """
        )
    }

    /// The 1-based row (header rows included) holding byte `offset` (read in small pieces).
    func rowOf(offset: Int) throws -> Int {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var inside = false, rows = 0, position = dataStart
        while position < offset {
            let want = min(chunk.count, offset - position)
            let n = try chunk.withUnsafeMutableBytes {
                try file.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[..<want]), at: position)
            }
            if n == 0 { break }
            for c in chunk[..<n] {
                if c == CSV.quote { inside.toggle() } else if c == CSV.newline, !inside { rows += 1 }
            }
            position += n
        }
        return format.headerRows + rows + 1
    }
}

extension Accumulator {
    static func parseAnswer(_ bytes: [UInt8], _ s: Int, _ e: Int) -> Answer {
        bytes.withUnsafeBufferPointer { b in b.baseAddress.map { parseAnswer($0, s, e) } ?? .blank }
    }
}

extension Name {
    static func foldTrim(_ s: String) -> String { fold(s.trimmingSpaces) }
}

/// What one pass over a survey file counted, for callers outside the KPI commands.
public struct SurveyTally: Sendable, Equatable {
    /// Data rows (blank lines not counted).
    public var rows: Int
    /// Per group (sorted; one group "" without `--by`): the counts of each requested metric column.
    public var groups: [Group]
    /// The counts of each metric column over all groups.
    public var total: [SlotCounts]
    /// Non-blank cells per column, when `countColumns` was asked for.
    public var nonBlank: [Int]

    public struct Group: Sendable, Equatable {
        public var key: String
        public var counts: [SlotCounts]
    }
}

extension SurveyFile {
    /// Hands the raw fields of `columns` to a sink, row by row, in one pass (on two threads for a
    /// large file, each with a sink from `makeSink`; the first absorbs the second). The sink
    /// judges the answers itself.
    /// - Returns: the sink holding every row, and the number of data rows (blank lines not counted).
    /// - Throws: on a malformed file (unterminated quote, bad UTF-8).
    /// - Parameter lenient: let rows with more or fewer fields than the header through (else an error).
    public func scanRows(
        _ columns: [Int], mode: SurveyScanner.Mode = .automatic, lenient: Bool = false,
        makeSink: () -> any SurveyRowSink
    ) throws -> (sink: any SurveyRowSink, rows: Int) {
        let acc = try withoutActuallyEscaping(makeSink) { make in
            try scan(ScanRequest(rawColumns: columns), lenient: lenient, scanner: scanner(mode: mode), makeSink: make)
        }
        return (acc.sink!, acc.rows - acc.blankLines)
    }

    /// Counts the answers `request` asks for in one pass (in parallel on large files).
    /// - Throws: on a malformed file (unterminated quote, bad UTF-8), and on a bad answer unless
    ///   `lenient` (then counted as invalid).
    public func tally(_ request: ScanRequest, lenient: Bool = false, mode: SurveyScanner.Mode = .automatic) throws
        -> SurveyTally
    {
        let acc = try scan(request, lenient: lenient, scanner: scanner(mode: mode))
        let groups = SurveyCommands.sortedGroups(acc).map {
            SurveyTally.Group(key: $0.0, counts: acc.slotCounts(group: $0.1))
        }
        let empty = request.metrics.map {
            SlotCounts(histogram: [Int](repeating: 0, count: $0.range.upperBound + 1), skipped: 0, invalid: 0)
        }
        let total = groups.reduce(empty) { sum, g in zip(sum, g.counts).map { $0 + $1 } }
        return SurveyTally(
            rows: acc.rows - acc.blankLines, groups: groups, total: total,
            nonBlank: (0..<request.countColumns).map { acc.nonBlank[$0] })
    }
}

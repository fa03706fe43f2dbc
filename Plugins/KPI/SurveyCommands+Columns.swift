import ValueCore
import Workbench

/// `kpi columns`: an export's format and columns, and what each holds.
extension SurveyCommands {
    static let columns = CommandSpec(
        "kpi columns", abstract: "the format of a survey export, its columns, how many answered each and with what",
        discussion: """
            Shows the detected format (or --format), each column's number, name, question text or id, \
            its non-blank answers, and what they are: numbers (with their range), labels (the \
            distinct ones with their counts, most frequent first; "10 - Extremely likely" reads as \
            10, other labels need a map: `kpi survey … --map`), or free text (more than \
            \(ColumnKind.maxLabels) distinct texts). --json: format, responses, columns (number, name, \
            question, id, answers, kind, low/high for numbers, labels as {label: count}).
            """,
        arguments: [ArgumentSpec("path", .file, help: "the survey export (CSV or SPSS .sav)")],
        options: [formatOption],
        examples: ["kpi columns notebooks/data/pangdonglai-pulse.csv"]
    ) { ctx in
        let path = try ctx.arguments.required("path")
        let file = try SurveyFile.open(path, files: ctx.files, format: try format(ctx.arguments))
        let acc = try file.scan(ScanRequest(countColumns: file.columns.count), lenient: true)
        let responses = acc.rows - acc.blankLines
        var rows: [[String]] = []
        var list: [JSON] = []
        for c in file.columns {
            let answers = acc.nonBlank[c.index]
            let kind = acc.columnKinds[c.index]
            let about = [c.importId, c.question].compactMap { $0 }.filter { $0 != c.name }.joined(separator: " · ")
            rows.append([String(c.index + 1), c.name, about, String(answers), describe(kind)])
            var fields: [(String, JSON)] = [("number", .int(c.index + 1)), ("name", .string(c.name))]
            if let q = c.question { fields.append(("question", .string(q))) }
            if let id = c.importId { fields.append(("id", .string(id))) }
            fields.append(("answers", .int(answers)))
            fields += kindFields(kind)
            list.append(.object(fields))
        }
        let table = Table(
            headers: ["#", "column", "question / id", "answers", "kind"], rows: rows,
            alignments: [.right, .left, .left, .right, .left])
        let text =
            """
            \(path): \(file.format.title)\(file.detected ? " (detected)" : " (as given)"), \
            \(Format.count(file.format.headerRows, "header row")), \(Format.count(responses, "response")), \
            \(Format.count(file.columns.count, "column")).
            """
        return CommandOutput(
            blocks: [.text(text), .table(table)],
            data: ["format": .string(file.format.rawValue), "responses": .int(responses), "columns": .array(list)])
    }

    /// The kind of a column's answers: "numbers", "labels", "numbers and labels", "text" or "none".
    static func kindName(_ k: ColumnKind) -> String {
        if k.isText { return "text" }
        switch (k.numbers > 0, k.labelCount > 0) {
        case (true, false): return "numbers"
        case (false, true): return "labels"
        case (true, true): return "numbers and labels"
        case (false, false): return "none"
        }
    }

    /// `numbers 0–10`, `labels (5): 'Yum!' 8, 'Horrendous' 5, …`, `text (39 distinct+)`.
    static func describe(_ k: ColumnKind) -> String {
        var parts: [String] = []
        if k.numbers > 0 { parts.append(k.low == k.high ? "numbers \(k.low)" : "numbers \(k.low)–\(k.high)") }
        if k.isText {
            parts.append("text")
        } else if !k.labels.isEmpty {
            // The table shows a few, shortened; --json has them all.
            let shown = AnswerLabels.sortedByCount(k.labels).prefix(4).map { label, n in
                "'\(label.count > 32 ? label.prefix(31) + "…" : label)' \(n)"
            }
            parts.append(
                "labels (\(k.labels.count)): " + shown.joined(separator: ", ") + (k.labels.count > 4 ? ", …" : ""))
        }
        return parts.isEmpty ? "—" : parts.joined(separator: "; ")
    }

    static func kindFields(_ k: ColumnKind) -> [(String, JSON)] {
        var fields: [(String, JSON)] = [("kind", .string(kindName(k)))]
        if k.numbers > 0 { fields += [("low", .int(k.low)), ("high", .int(k.high))] }
        if !k.isText, !k.labels.isEmpty {
            fields.append(("labels", .object(AnswerLabels.sortedByCount(k.labels).map { ($0.0, JSON.int($0.1)) })))
        }
        return fields
    }
}

extension Substring {
    func trimmingCharacters() -> String { String(self).trimmingSpaces }
}

import ValueCore
import Workbench

/// `kpi survey`: NPS, CSAT and CES of one export in one pass over the file.
extension SurveyCommands {
    static let survey = CommandSpec(
        "kpi survey", abstract: "NPS, CSAT and CES of a survey export in one pass over the file",
        discussion: """
            Any subset of --nps, --csat and --ces (each a column: header, question id or number). \
            The file is read once, in parallel, whatever its size. --json: {"nps": {…}, "csat": {…}, \
            "ces": {…}} with the fields of `kpi nps`, `kpi csat` and `kpi ces` (each {"by", "groups", \
            "total"} with --by), then format and rows. Labels are mapped per metric: --map \
            'csat:Yum!=5,Good=4' --map 'nps:Not likely=0' (the METRIC: prefix may be left out when \
            only one metric is asked for).

            """ + exportDiscussion,
        arguments: [ArgumentSpec("path", .file, help: "the survey export (CSV or SPSS .sav)")],
        options: [
            OptionSpec("nps", .text, help: "the NPS column (answers 0–10)"),
            OptionSpec("csat", .text, help: "the CSAT column (answers 1–5, or --csat-scale)"),
            OptionSpec("ces", .text, help: "the CES column (answers 1–7, or --ces-scale)"),
            OptionSpec("csat-scale", .choice(["5", "7", "10"]), help: "points on the CSAT scale (default 5)"),
            OptionSpec(
                "ces-scale", .choice(["5", "7"]),
                help: "points on the CES scale (default 7: CES 2.0; 5: CES 1.0, lower is easier)"),
        ] + cesDirection + [
            OptionSpec("by", .text, help: "one result per value of this column (sorted), plus the total"),
            formatOption,
            OptionSpec(
                "map", .text,
                help: "labels of one metric's answers: METRIC:LABEL=N,… (METRIC nps, csat or ces; repeat per metric)",
                repeating: true),
            .flag(
                "lenient",
                help:
                    "count non-numeric and out-of-range answers as invalid instead of stopping (and list them by value)"
            ),
            ciOption("recommended"),
        ],
        examples: [
            "kpi survey notebooks/data/pangdonglai-pulse.csv --nps Q1 --csat Q2 --ces Q3",
            "kpi survey notebooks/data/pangdonglai-pulse.csv --nps Q1 --by Store",
        ]
    ) { ctx in
        let args = ctx.arguments
        let path = try args.required("path")
        var metrics: [(SurveyMetric, String)] = []
        if let c = args.string("nps") { metrics.append((.nps, c)) }
        if let c = args.string("csat") { metrics.append((.csat(scale: Int(args.string("csat-scale") ?? "5") ?? 5), c)) }
        if let c = args.string("ces") {
            metrics.append(
                (try SurveyMetric.ces(scale: Int(args.string("ces-scale") ?? "7") ?? 7, args, command: "kpi survey"), c)
            )
        }
        guard !metrics.isEmpty else {
            throw CommandError(
                "MissingValue", "kpi survey: name at least one column: --nps COLUMN, --csat COLUMN, --ces COLUMN")
        }
        let lenient = args.flag("lenient"), wald = args.string("ci") == "wald"
        let file = try SurveyFile.open(path, files: ctx.files, format: try format(args))
        let columns = try metrics.map { try file.column($0.1) }
        let by = try args.string("by").map { try file.column($0) }
        let maps = try surveyMaps(args.strings("map"), metrics: metrics.map(\.0))
        let request = ScanRequest(
            metrics: zip(metrics, columns).enumerated().map { k, mc in
                .init(
                    column: mc.1, range: mc.0.0.range,
                    labels: file.valueLabels(mc.1).merging(maps[k], uniquingKeysWith: { $1 }),
                    mapHint: "--map \(mc.0.0.key):")
            }, group: by)
        let acc = try file.scan(request, lenient: lenient)
        var data: [(String, JSON)] = []
        var rows: [[String]] = []
        let groups = sortedGroups(acc)
        var machineRows: [[String]] = []
        for (k, (metric, _)) in metrics.enumerated() {
            let empty = SlotCounts(
                histogram: [Int](repeating: 0, count: metric.range.upperBound + 1), skipped: 0, invalid: 0)
            let total = groups.map { acc.slotCounts(group: $0.1)[k] }.reduce(empty, +)
            guard total.n > 0 else {
                let invalid =
                    lenient && total.invalid > 0
                    ? ", \(total.invalid) invalid: \(AnswerLabels.listing(total.invalidValues))" : ""
                throw CommandError.badValue(
                    "kpi survey: \(file.path), column '\(file.label(columns[k]))' has no answers "
                        + "from \(metric.range.lowerBound) to \(metric.range.upperBound) (\(total.skipped) "
                        + "blank\(invalid))"
                )
            }
            let totalResult = try SurveyResult(metric, total, lenient: lenient, wald: wald)
            if let by {
                var list: [JSON] = []
                for (key, g) in groups {
                    let c = acc.slotCounts(group: g)[k]
                    let r = try SurveyResult.group(metric, c, lenient: lenient, wald: wald)
                    list.append(.object([("group", .string(key))] + r.fields))
                    rows.append([metric.title, key.isEmpty ? "(blank)" : key] + r.cells + [String(c.skipped)])
                    machineRows.append([metric.title, key] + r.machineCells + [String(c.skipped)])
                }
                data.append(
                    (metric.key, ["by": .string(file.label(by)), "groups": .array(list), "total": totalResult.json]))
                rows.append([metric.title, "total"] + totalResult.cells + [String(total.skipped)])
                machineRows.append([metric.title, "total"] + totalResult.machineCells + [String(total.skipped)])
            } else {
                let column = file.label(columns[k])
                data.append((metric.key, totalResult.json))
                rows.append([metric.title, column] + totalResult.cells + [String(total.skipped)])
                machineRows.append([metric.title, column] + totalResult.machineCells + [String(total.skipped)])
            }
        }
        data.append(("format", .string(file.format.rawValue)))
        data.append(("rows", .int(acc.rows - acc.blankLines)))
        let label = by.map { file.label($0) } ?? "column"
        let table = Table(
            headers: ["metric", label, "value", "95%", "N", "detail", "skipped"],
            rows: rows, alignments: [.left, .left, .right, .right, .right, .right, .right],
            delimited: .init(headers: ["metric", label] + SurveyMetric.machineHeaders + ["skipped"], rows: machineRows))
        let text =
            "\(path): \(file.format.title)\(file.detected ? "" : " (as given)"), "
            + "\(Format.count(acc.rows - acc.blankLines, "response"))."
        var blocks: [OutputBlock] = [.text(text), .table(table)]
        if lenient {
            // Each metric's invalid answers by value, over all groups.
            let notes = metrics.enumerated().compactMap { k, m -> String? in
                let values = acc.invalidValues(slot: k)
                let n = values.values.reduce(0, +)
                return n == 0 ? nil : "\(m.0.title): \(n) invalid: \(AnswerLabels.listing(values))."
            }
            if !notes.isEmpty { blocks.append(.text(notes.joined(separator: " "))) }
        }
        return CommandOutput(blocks: blocks, data: .object(data))
    }

    /// `kpi survey --map METRIC:LABEL=N,…`: one label map per metric asked for.
    static func surveyMaps(_ texts: [String], metrics: [SurveyMetric]) throws -> [[String: Int]] {
        var maps = metrics.map { _ in [String: Int]() }
        for text in texts {
            var target: Int?
            var body = text
            if let colon = text.firstIndex(of: ":") {
                let key = text[..<colon].trimmingCharacters().lowercased()
                if ["nps", "csat", "ces"].contains(key) {
                    guard let k = metrics.firstIndex(where: { $0.key == key }) else {
                        throw CommandError.badValue("kpi survey: --map \(key): but no --\(key) COLUMN is asked for")
                    }
                    target = k
                    body = String(text[text.index(after: colon)...])
                }
            }
            if target == nil {
                guard metrics.count == 1 else {
                    throw CommandError.badValue(
                        "kpi survey: --map '\(text)' does not say which metric it maps; write --map "
                            + "\(metrics.map { "\($0.key):…" }.joined(separator: " or --map "))"
                    )
                }
                target = 0
            }
            maps[target!].merge(try AnswerLabels.parseMap(body, option: "--map"), uniquingKeysWith: { $1 })
        }
        return maps
    }
}

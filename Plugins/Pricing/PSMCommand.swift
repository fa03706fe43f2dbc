import KPI
import ValueCore
import Workbench

/// `price psm`: the Van Westendorp Price Sensitivity Meter of a survey export.
enum PSMCommand {
    static let example = "notebooks/data/pricing-survey.csv"
    static let exampleColumns = "--too-cheap TooCheap --cheap Cheap --expensive Expensive --too-expensive TooExpensive"

    static let psm = CommandSpec(
        "price psm",
        abstract: "Van Westendorp price sensitivity: acceptable price range, OPP and IDP from a survey export",
        discussion: """
            Four questions, each a column (a header, question text, question id or number from 1): at \
            what price is the product so cheap you would doubt its quality (--too-cheap), a bargain \
            (--cheap), getting expensive but still worth considering (--expensive), too expensive to \
            consider (--too-expensive). The figures follow the R package pricesensitivitymeter \
            (psm_analysis() with its defaults), except that a crossing is interpolated between grid \
            prices rather than taken at the next grid price:
            • A respondent counts when all four prices are present and too cheap < cheap < expensive < \
            too expensive, strictly; the others are invalid, counted by reason (blank, not in order, \
            and with --lenient not a number).
            • The grid is the sorted distinct prices among the valid answers. On it, with F the share of \
            a question's answers ≤ the price, taken as 0 at and below its smallest answer and 1 at and \
            above its largest: too cheap = 1 − F, cheap = 1 − F, expensive = F, too expensive = F; \
            not cheap = 1 − cheap, not expensive = 1 − expensive.
            • Where curves A and B meet: d = A − B on the grid; at the first pair of neighbouring grid \
            prices where the sign of d changes (zero is a sign of its own) the crossing is \
            x₁ − d₁·(x₂ − x₁)/(d₂ − d₁). The lower end of the acceptable range is where not cheap meets \
            too cheap, the upper end where too expensive meets not expensive, the IDP (indifference) \
            where expensive meets cheap, the OPP (optimal) where too expensive meets too cheap; curves \
            that never meet give null, with a sentence saying so.
            • With --pi-cheap and --pi-expensive (purchase intent 1–5 at the cheap and the expensive \
            price, 5 = definitely), the Newton–Miller–Smith extension: 5, 4, 3, 2, 1 → 0.7, 0.5, 0.3, \
            0.1, 0; each respondent's purchase probability is 0 at their too-cheap and too-expensive \
            prices, the calibrated intent at cheap and at expensive, linear between them along the \
            grid (R interpolates by grid position, not by price) and 0 outside; reach = the mean over \
            valid respondents, revenue = price × reach; reach_price and revenue_price are the first \
            grid prices with the highest reach and revenue. A blank intent makes the respondent invalid (R stops on \
            any blank or \
            off-scale intent; here an off-scale one stops too, unless --lenient).
            A cell that is not a number (or an intent outside 1–5) stops with the file, row and column, \
            unless --lenient counts that respondent as invalid. --by COLUMN: one result per group \
            (sorted), then the total. --record SEGMENT keeps the total's range, OPP, IDP, respondents \
            and the file's name as the segment's willingness to pay in the current enterprise (undo \
            takes it back; `segment show` and `price match` use it); with --by, --record-by keeps each \
            group's result for the segment of the same name instead (every group must name a segment \
            of the enterprise; a blank group is left out).
            --json: total, invalid, invalid_reasons, n, prices (grid size), range [lower, upper], idp, \
            opp, and with NMS reach_price, reach, revenue_price, revenue (full precision); with --by \
            also by and groups. The file is read once, in parallel when large (as `kpi survey`).
            """,
        arguments: [
            ArgumentSpec(
                "path", .file, help: "the survey export (CSV): \(SurveyFormat.csvNames(last: "or"))"
            )
        ],
        options: [
            OptionSpec("too-cheap", .text, help: "the column: so cheap you would doubt the quality"),
            OptionSpec("cheap", .text, help: "the column: a bargain"),
            OptionSpec("expensive", .text, help: "the column: getting expensive, still worth considering"),
            OptionSpec("too-expensive", .text, help: "the column: too expensive to consider"),
            OptionSpec("pi-cheap", .text, help: "purchase intent (1–5) at the cheap price, for NMS"),
            OptionSpec("pi-expensive", .text, help: "purchase intent (1–5) at the expensive price, for NMS"),
            OptionSpec("by", .text, help: "one result per value of this column (sorted), plus the total"),
            SurveyFormat.option,
            .flag("lenient", help: "count respondents with a non-numeric answer as invalid instead of stopping"),
            OptionSpec(
                "record", .text, help: "keep the result as this segment's willingness to pay (current enterprise)"),
            .flag(
                "record-by",
                help: "with --by: keep each group's result as the willingness to pay of the segment of that name"),
        ],
        examples: [
            "price psm \(example) \(exampleColumns)",
            "price psm \(example) \(exampleColumns) --pi-cheap IntentCheap --pi-expensive IntentExpensive",
            "price psm \(example) \(exampleColumns) --by Segment",
        ]
    ) { ctx in try run(&ctx) }

    struct Columns { var prices: [Int]; var intents: [Int]; var by: Int? }

    static func run(_ ctx: inout CommandContext) throws -> CommandOutput {
        let args = ctx.arguments
        let path = try args.required("path")
        let names = ["too-cheap", "cheap", "expensive", "too-expensive"]
        let missing = names.filter { args.string($0) == nil }
        guard missing.isEmpty else {
            throw CommandError(
                "MissingValue",
                "price psm: name the four price columns; missing "
                    + missing.map { "--\($0) COLUMN" }.joined(separator: ", "))
        }
        guard (args.string("pi-cheap") == nil) == (args.string("pi-expensive") == nil) else {
            throw CommandError.badValue("price psm: the NMS extension needs both --pi-cheap and --pi-expensive")
        }
        let format = args.string("format").flatMap(SurveyFormat.init(rawValue:))
        let file = try SurveyFile.open(path, files: ctx.files, format: format)
        let prices = try names.map { try file.column(args.string($0)!) }
        let intents = try ["pi-cheap", "pi-expensive"].compactMap { args.string($0) }.map { try file.column($0) }
        let by = try args.string("by").map { try file.column($0) }
        if args.flag("record-by") {
            guard by != nil else {
                throw CommandError(
                    "MissingValue",
                    "price psm: --record-by records each group of --by COLUMN for the segment of its name; give --by")
            }
            guard args.string("record") == nil else {
                throw CommandError.badValue(
                    "price psm: --record SEGMENT keeps the total, --record-by each group: give one")
            }
        }
        let nms = !intents.isEmpty
        // Each of the (at most two) sinks makes room for a little over half the rows.
        let reserve = try estimatedRows(file) * 9 / 16
        let (sink, _) = try file.scanRows(prices + intents + (by.map { [$0] } ?? []), lenient: args.flag("lenient")) {
            PSMRows(nms: nms, grouped: by != nil, reserve: reserve)
        }
        let rows = sink as! PSMRows
        if !args.flag("lenient"), let bad = rows.firstBad {
            let column = (prices + intents)[bad.slot]
            let shown = bad.text.count > 40 ? String(bad.text.prefix(40)) + "…" : bad.text
            let what = bad.slot >= 4 ? "is not a purchase intent from 1 to 5" : "is not a price (a number)"
            throw CommandError(
                "BadAnswer",
                "\(path): row \(file.format.headerRows + bad.row + 1), column '\(file.label(column))' "
                    + "(\(column + 1)): '\(shown)' \(what) (a blank answer makes the respondent invalid; --lenient "
                    + "counts such respondents as invalid and goes on)"
            )
        }
        let groups = rows.groups
        let total = PSMGroup(
            key: "", chunks: by == nil ? groups[0].chunks : rows.chunks,
            invalid: groups.map(\.invalid).reduce(InvalidCounts(), +))
        guard total.n > 0 else {
            let reasons = total.invalid.reasons.isEmpty ? "none in the file" : total.invalid.reasons
            throw CommandError.badValue(
                "price psm: \(path): every respondent is invalid (\(Format.count(total.total, "respondent")): "
                    + "\(reasons)); a respondent counts when all four prices are given and "
                    + "too cheap < cheap < expensive < too expensive")
        }
        let result = PSM.analyze(total.chunks)
        guard result.prices.count >= 2 else {
            throw CommandError.badValue(
                "price psm: \(path): fewer than two distinct prices among the valid answers; "
                    + "the curves need a range of prices")
        }
        var data = fields(result, total)
        var blocks: [OutputBlock] = [
            .text(
                "\(path): \(file.format.title), \(Format.count(total.total, "respondent")), \(total.n) valid"
                    + (total.invalid.total > 0 ? ", \(total.invalid.total) invalid (\(total.invalid.reasons))" : "")
                    + ".")
        ]
        if let byColumn = by {
            var list: [JSON] = []
            var tableRows: [[String]] = []
            for g in groups {
                let r = g.n > 0 ? PSM.analyze(g.chunks) : nil
                list.append(.object([("group", .string(g.key))] + fields(r, g)))
                tableRows.append(row(g.key.isEmpty ? "(blank)" : g.key, r, g))
            }
            tableRows.append(row("total", result, total))
            data += [("by", .string(file.label(byColumn))), ("groups", .array(list))]
            blocks.append(
                .table(
                    Table(
                        headers: [file.label(byColumn), "range", "OPP", "IDP"]
                            + (nms ? ["reach max", "revenue max"] : []) + ["N", "invalid"],
                        rows: tableRows.map { nms ? $0 : Array($0[0..<4]) + Array($0[6...]) },
                        alignments: [.left] + Array(repeating: .right, count: nms ? 7 : 5))))
        }
        blocks.append(.text(sentence(result)))
        blocks.append(
            .chart(
                PricingCharts.psm(
                    result, title: "Price sensitivity (Van Westendorp)" + (by == nil ? "" : ", all respondents"))))
        if let segment = args.string("record") {
            blocks.append(.text(try record(&ctx, segment: segment, result: result, source: fileName(path))))
        }
        if args.flag("record-by"), let byColumn = by {
            blocks += try recordGroups(&ctx, groups, column: file.label(byColumn), source: fileName(path))
        }
        return CommandOutput(blocks: blocks, data: .object(data))
    }

    /// The data rows a large file holds, estimated from its first 64 KB (0 for a small file).
    static func estimatedRows(_ file: SurveyFile) throws -> Int {
        let size = file.file.size - file.dataStart
        guard size > 1 << 20 else { return 0 }
        var head = [UInt8](repeating: 0, count: 1 << 16)
        let n = try head.withUnsafeMutableBytes { try file.file.read(into: $0, at: file.dataStart) }
        let lines = head[..<n].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return lines > 0 ? Int(Double(size) * Double(lines) / Double(n)) : 0
    }

    static func fileName(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }

    static func money(_ v: Double?) -> String { v.map { Format.fixed($0, 2) } ?? "—" }

    static func row(_ label: String, _ r: PSMResult?, _ g: PSMGroup) -> [String] {
        guard let r else { return [label, "—", "—", "—", "—", "—", "0", String(g.invalid.total)] }
        return [
            label, "\(money(r.low))–\(money(r.high))", money(r.opp), money(r.idp), money(r.reachPrice),
            money(r.revenuePrice),
            String(r.n), String(g.invalid.total),
        ]
    }

    static func num(_ v: Double?) -> JSON { v.map { .num($0) } ?? .null }

    /// The JSON fields of a group's (or all respondents') result, `r` nil when it has no valid respondent.
    static func fields(_ r: PSMResult?, _ g: PSMGroup) -> [(String, JSON)] {
        var fields: [(String, JSON)] = [
            ("total", .int(g.total)), ("invalid", .int(g.invalid.total)),
            (
                "invalid_reasons",
                [
                    "blank": .int(g.invalid.blank), "not_in_order": .int(g.invalid.notInOrder),
                    "not_numeric": .int(g.invalid.notNumeric), "wrong_fields": .int(g.invalid.wrongFields),
                ]
            ),
            ("n", .int(g.n)), ("prices", .int(r?.prices.count ?? 0)),
            ("range", [num(r?.low), num(r?.high)]), ("idp", num(r?.idp)), ("opp", num(r?.opp)),
        ]
        if let r, let reach = r.reach, let revenue = r.revenue, let rp = r.reachPrice, let vp = r.revenuePrice {
            let k = r.prices.firstIndex(of: rp) ?? 0, m = r.prices.firstIndex(of: vp) ?? 0
            fields += [
                ("reach_price", .num(rp)), ("reach", .num(reach[k])), ("revenue_price", .num(vp)),
                ("revenue", .num(revenue[m])),
            ]
        }
        return fields
    }

    /// What the figures say, with a sentence for each pair of curves that never meets.
    static func sentence(_ r: PSMResult) -> String {
        var parts: [String] = []
        if let l = r.low, let h = r.high {
            parts.append("Acceptable range \(money(l)) to \(money(h))")
        } else {
            if r.low == nil {
                parts.append("No lower end of the range: the not-cheap curve never reaches the too-cheap curve")
            }
            if r.high == nil {
                parts.append("No upper end of the range: the too-expensive curve never reaches the not-expensive curve")
            }
        }
        parts.append(
            r.opp.map { "optimal price point (as many too cheap as too expensive) \(money($0))" }
                ?? "no optimal price point: the too-cheap and too-expensive curves do not meet")
        parts.append(
            r.idp.map { "indifference price point (as many cheap as expensive) \(money($0))" }
                ?? "no indifference price point: the cheap and expensive curves do not meet")
        var text = parts.joined(separator: "; ") + ", from \(Format.count(r.n, "valid respondent"))."
        if let rp = r.reachPrice, let vp = r.revenuePrice, let reach = r.reach, let revenue = r.revenue {
            let k = r.prices.firstIndex(of: rp) ?? 0, m = r.prices.firstIndex(of: vp) ?? 0
            text +=
                " Newton–Miller–Smith: the most buyers at \(money(rp)) (reach \(Format.percent(100 * reach[k]))), "
                + "the most revenue at \(money(vp)) (\(Format.fixed(revenue[m], 2)) per respondent)."
        }
        return text
    }

    /// `--record-by`: each group's result for the segment of its name, all or nothing: every
    /// group must name a segment of the enterprise and have an acceptable range before any is
    /// kept. A blank group is left out.
    static func recordGroups(_ ctx: inout CommandContext, _ groups: [PSMGroup], column: String, source: String) throws
        -> [OutputBlock]
    {
        let e = try ctx.enterprise(argument: "enterprise")
        var kept: [(String, PSMResult)] = []
        for g in groups where !g.key.isEmpty {
            let segment = e.segments[try RecordCommand.find(g.key, in: e)].name
            guard g.n > 0 else {
                throw CommandError.badValue(
                    "price psm: group '\(g.key)' has no valid respondent, so nothing can be recorded for \(segment)")
            }
            let r = PSM.analyze(g.chunks)
            guard r.low != nil, r.high != nil else {
                throw CommandError.badValue(
                    "price psm: group '\(g.key)' gives no acceptable range (the curves do not meet)")
            }
            kept.append((segment, r))
        }
        return try kept.map { segment, r in
            .text(try record(&ctx, segment: segment, result: r, source: "\(source), \(column) = \(segment)"))
        }
    }

    static func record(_ ctx: inout CommandContext, segment: String, result r: PSMResult, source: String) throws
        -> String
    {
        guard let low = r.low, let high = r.high else {
            throw CommandError.badValue(
                "price psm: nothing to record for '\(segment)': the survey gives no acceptable range "
                    + "(the curves do not meet)"
            )
        }
        let wtp = WillingnessToPay(low: low, high: high, opp: r.opp, idp: r.idp, respondents: r.n, source: source)
        return try RecordCommand.store(&ctx, segment: segment, wtp, command: "price psm")
    }
}

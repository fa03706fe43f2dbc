import KPI
import ValueCore
import Workbench

/// `price demand`: Gabor–Granger from a survey export with one column per tested price.
enum DemandCommand {
    static let demand = CommandSpec(
        "price demand",
        abstract:
            "Gabor–Granger demand: share who would buy at each tested price, revenue-maximising price, elasticity",
        discussion: """
            --at PRICE=COLUMN once per tested price (COLUMN a header, question id or number from 1). \
            Answers: yes/y/true/1 or no/n/false/0 (any case), or purchase intent 1–5 where 4–5 is a yes \
            (a file is read as a 1–5 scale when any answer is 2–5; then 1 is a no). A blank is no \
            answer. Each respondent is made monotone: one who would buy at a higher price is counted \
            as buying at every lower one. Respondents who answered no price are left out. Share = \
            buyers / respondents; revenue = price × share; the revenue-maximising price is the first \
            with the highest revenue; arc elasticity between neighbouring prices = ((s2 − s1)/((s1 + \
            s2)/2)) / ((p2 − p1)/((p1 + p2)/2)). An answer that is none of these stops with the file, \
            row and column, unless --lenient (the respondent is then counted as invalid). --json: \
            respondents, invalid, scale, prices [{price, column, buyers, share, revenue}], \
            revenue_price, elasticities [{from, to, elasticity}]; with --by, by and groups.
            """,
        arguments: [ArgumentSpec("path", .file, help: "the survey export (CSV)")],
        options: [
            OptionSpec(
                "at", .text, help: "PRICE=COLUMN: a tested price and the column of answers to it", repeating: true),
            OptionSpec("by", .text, help: "one result per value of this column (sorted), plus the total"),
            SurveyFormat.option,
            .flag(
                "lenient",
                help: "count respondents with an answer that is not yes/no or 1–5 as invalid instead of stopping"),
        ],
        examples: [
            "price demand notebooks/data/pricing-demand.csv "
                + "--at 39=Buy39 --at 49=Buy49 --at 59=Buy59 --at 69=Buy69 --at 79=Buy79"
        ]
    ) { ctx in try run(&ctx) }

    static func run(_ ctx: inout CommandContext) throws -> CommandOutput {
        let args = ctx.arguments
        let path = try args.required("path")
        var tested: [(Double, String)] = []
        for spec in args.strings("at") {
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let p = Double(parts[0].filter { $0 != " " }), p >= 0, p.isFinite, !parts[1].isEmpty
            else {
                throw CommandError.badValue("price demand: --at '\(spec)' is not PRICE=COLUMN (e.g. --at 49=Buy49)")
            }
            tested.append((p, parts[1]))
        }
        guard tested.count >= 2 else {
            throw CommandError(
                "MissingValue", "price demand: give at least two tested prices, each as --at PRICE=COLUMN")
        }
        tested.sort { $0.0 < $1.0 }
        for k in 1..<tested.count where tested[k].0 == tested[k - 1].0 {
            throw CommandError.badValue("price demand: the price \(Format.number(tested[k].0)) is given twice")
        }
        let file = try SurveyFile.open(
            path, files: ctx.files, format: args.string("format").flatMap(SurveyFormat.init(rawValue:)))
        let columns = try tested.map { try file.column($0.1) }
        let by = try args.string("by").map { try file.column($0) }
        let (sink, _) = try file.scanRows(columns + (by.map { [$0] } ?? []), lenient: args.flag("lenient")) {
            DemandRows(prices: columns.count, grouped: by != nil)
        }
        let rows = sink as! DemandRows
        if !args.flag("lenient"), let bad = rows.firstBad {
            throw CommandError(
                "BadAnswer",
                "\(path): row \(file.format.headerRows + bad.row + 1), column '\(file.label(columns[bad.slot]))' "
                    + "(\(columns[bad.slot] + 1)): '\(bad.text)' is not yes/no or an intent from 1 to 5 (--lenient "
                    + "counts such respondents as invalid and goes on)"
            )
        }
        let scale = Demand.isScale(rows.answers.flatMap { $0 })
        let prices = tested.map(\.0)
        func result(_ members: [Int]) -> DemandResult {
            Demand.analyze(prices: prices, highest: members.map { rows.highest($0, scale: scale) })
        }
        let groups = rows.groupsSorted
        let all = groups.flatMap(\.members)
        guard !all.isEmpty else {
            throw CommandError.badValue(
                "price demand: \(path): no respondent answered any tested price "
                    + "(\(Format.count(rows.invalidTotal, "invalid respondent")))")
        }
        let total = result(all)
        var data = fields(total, tested.map(\.1), invalid: rows.invalidTotal, scale: scale)
        var blocks: [OutputBlock] = [
            .text(
                "\(path): \(file.format.title), \(Format.count(total.respondents, "respondent")) answered"
                    + (rows.invalidTotal > 0 ? ", \(rows.invalidTotal) invalid" : "") + "; answers read as "
                    + (scale ? "purchase intent 1–5 (4–5 = yes)." : "yes/no."))
        ]
        var tableRows: [[String]] = []
        for k in prices.indices {
            tableRows.append([
                Format.number(prices[k], maxDecimals: 2), String(total.buyers[k]), Format.percent(100 * total.share[k]),
                Format.fixed(total.revenue[k], 2),
                k == 0 ? "" : total.elasticity[k - 1].map { Format.fixed($0, 2) } ?? "—",
            ])
        }
        blocks.append(
            .table(
                Table(
                    headers: ["price", "buyers", "share", "revenue/resp.", "elasticity"], rows: tableRows,
                    alignments: [.right, .right, .right, .right, .right])))
        if let byColumn = by {
            var list: [JSON] = []
            var groupRows: [[String]] = []
            for g in groups {
                let r = result(g.members)
                let groupFields = fields(r, tested.map(\.1), invalid: g.invalid, scale: scale)
                list.append(.object([("group", .string(g.key))] + groupFields))
                groupRows.append([
                    g.key.isEmpty ? "(blank)" : g.key,
                    r.revenuePrice.map { Format.number($0, maxDecimals: 2) } ?? "—",
                    String(r.respondents),
                ])
            }
            groupRows.append([
                "total", total.revenuePrice.map { Format.number($0, maxDecimals: 2) } ?? "—",
                String(total.respondents),
            ])
            blocks.append(
                .table(
                    Table(
                        headers: [file.label(byColumn), "revenue max", "N"], rows: groupRows,
                        alignments: [.left, .right, .right])))
            data += [("by", .string(file.label(byColumn))), ("groups", .array(list))]
        }
        if let p = total.revenuePrice, let k = prices.firstIndex(of: p) {
            blocks.append(
                .text(
                    "Revenue is highest at \(Format.number(p, maxDecimals: 2)): "
                        + "\(Format.percent(100 * total.share[k])) would buy, \(Format.fixed(total.revenue[k], 2)) "
                        + "per respondent."
                ))
        }
        blocks.append(.chart(PricingCharts.demand(total, title: "Demand (Gabor–Granger)")))
        return CommandOutput(blocks: blocks, data: .object(data))
    }

    /// The JSON fields of a result: all respondents' or a group's.
    static func fields(_ r: DemandResult, _ columns: [String], invalid: Int, scale: Bool) -> [(String, JSON)] {
        var points: [JSON] = []
        for k in r.prices.indices {
            points.append([
                "price": .num(r.prices[k]), "column": .string(columns[k]), "buyers": .int(r.buyers[k]),
                "share": .num(r.share[k]), "revenue": .num(r.revenue[k]),
            ])
        }
        let elasticities: [JSON] = r.elasticity.enumerated().map { k, e in
            ["from": .num(r.prices[k]), "to": .num(r.prices[k + 1]), "elasticity": e.map { .num($0) } ?? .null]
        }
        return [
            ("respondents", .int(r.respondents)), ("invalid", .int(invalid)),
            ("scale", .string(scale ? "1-5" : "yes/no")),
            ("prices", .array(points)), ("revenue_price", r.revenuePrice.map { .num($0) } ?? .null),
            ("elasticities", .array(elasticities)),
        ]
    }
}

/// The `SurveyRowSink` of `price demand`: one slot per tested price (ascending), then the group.
final class DemandRows: SurveyRowSink {
    let prices: Int
    let grouped: Bool
    var rows = 0
    var firstBad: BadCell?
    /// Per kept respondent: its answers, in price order.
    var answers: [[Demand.Answer]] = []
    var groupOf: [Int] = []
    var keys: [String] = []
    var index: [String: Int] = [:]
    var invalid: [Int] = []
    var current: [Demand.Answer]
    var bad = false
    var group = -1

    init(prices: Int, grouped: Bool) {
        self.prices = prices; self.grouped = grouped
        current = Array(repeating: .blank, count: prices)
    }

    func key(_ k: String) -> Int {
        if let g = index[k] { return g }
        keys.append(k); index[k] = keys.count - 1; invalid.append(0)
        return keys.count - 1
    }

    func field(_ slot: Int, _ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) {
        let text = PriceText.text(p, s, e)
        if slot == prices { group = key(text); return }
        let a = Demand.answer(text)
        if a == .other {
            bad = true
            if firstBad == nil { firstBad = BadCell(row: rows, slot: slot, text: text) }
        }
        current[slot] = a
    }

    func ragged() { bad = true }

    func endRow(blank: Bool) {
        rows += 1
        defer { current = Array(repeating: .blank, count: prices); bad = false; group = -1 }
        if blank { return }
        let g = group >= 0 ? group : key("")
        if bad { invalid[g] += 1; return }
        guard current.contains(where: { $0 != .blank }) else { return }
        answers.append(current); groupOf.append(g)
    }

    func absorb(_ other: any SurveyRowSink) {
        guard let o = other as? DemandRows else { return }
        if firstBad == nil, var b = o.firstBad { b.row += rows; firstBad = b }
        rows += o.rows
        let map = o.keys.map { key($0) }
        for (g, k) in map.enumerated() { invalid[k] += o.invalid[g] }
        answers += o.answers
        groupOf += o.groupOf.map { map[$0] }
    }

    /// Respondent i's highest price position with a yes, or -1.
    func highest(_ i: Int, scale: Bool) -> Int {
        answers[i].lastIndex { Demand.buys($0, scale: scale) == true } ?? -1
    }

    var invalidTotal: Int { invalid.reduce(0, +) }

    var groupsSorted: [(key: String, members: [Int], invalid: Int)] {
        var members = [[Int]](repeating: [], count: keys.count)
        for (i, g) in groupOf.enumerated() { members[g].append(i) }
        return keys.indices.map { (keys[$0], members[$0], invalid[$0]) }.sorted { $0.key < $1.key }
    }
}

import ValueCore
import Workbench

/// `kpi record`, `kpi dashboard`, `kpi trend`: KPI figures stored in the enterprise.
enum TrackingCommands {
    static var all: [CommandSpec] { [recordCommand, dashboard, trend] }

    static let recordCommand = CommandSpec(
        "kpi record", abstract: "record a KPI figure for a period (replaces that period's figure)",
        discussion: """
            `kpi record [ENTERPRISE] KPI VALUE --period P [--target T] [--n N]`. KPI names are \
            lower case; the known ones: \(KPICatalog.described). \
            Periods are read as time: \(Period.accepted); they are stored in the first form \
            (Q1 2025 → 2025-Q1) and every view orders them by time. One KPI's periods are of one \
            kind. A KPI the catalogue does not know is higher-is-better unless it is first recorded \
            with --lower-is-better; the direction is kept with the KPI, and the dashboard, trend \
            and guide judge targets by it. The survey commands record their result directly \
            (`kpi nps … --record PERIOD`). Figures are part of the workspace: undo, notebooks and the guide see them.
            """,
        arguments: [ArgumentSpec("figure", .text, help: "[ENTERPRISE] KPI VALUE", variadic: true)],
        options: [
            OptionSpec("period", .text, help: "the period the figure covers, e.g. 2026-Q3"),
            OptionSpec("target", .number(KPIRecord.valueRange), help: "the target for the period"),
            OptionSpec("n", .integer(KPIRecord.sampleSizeRange), help: "the sample size behind the figure"),
            .flag(
                "lower-is-better",
                help: "for a KPI the catalogue does not know, recorded for the first time: lower figures are better"),
        ],
        examples: [
            "kpi record nps 31.5 --period 2026-Q1 --target 40",
            "kpi record defect-rate 5 --period 2026-03 --target 3 --lower-is-better",
            "kpi record CATL nps 36 --period 2026-Q2 --target 40 --n 412",
        ]
    ) { ctx in
        let words = ctx.arguments.strings("figure")
        guard words.count == 2 || words.count == 3 else {
            throw CommandError(
                "MissingArgument",
                """
                kpi record: expected [ENTERPRISE] KPI VALUE, got \(Format.count(words.count, "word")); e.g. \
                `kpi record nps 42 --period 2026-Q3`
                """
            )
        }
        guard let period = ctx.arguments.string("period")?.trimmingSpaces, !period.isEmpty else {
            throw CommandError("MissingValue", "kpi record: needs --period P (e.g. 2026-Q3)")
        }
        let raw = words[words.count - 1]
        guard let value = Double(raw), value.isFinite else {
            throw CommandError.badValue("kpi record: VALUE must be a number, not '\(raw)'")
        }
        let note = try record(
            &ctx, command: "kpi record", enterprise: words.count == 3 ? words[0] : nil, kpi: words[words.count - 2],
            value: value,
            period: period, target: ctx.arguments.double("target"), n: ctx.arguments.int("n"),
            lowerIsBetter: ctx.arguments.flag("lower-is-better"))
        return .message(
            note,
            data: [
                "kpi": .string(try KPICatalog.canonical(words[words.count - 2])),
                "period": .string(Period(period)?.description ?? period),
                "value": .num(value), "target": .num(ctx.arguments.double("target")),
            ])
    }

    /// Stores a figure in the enterprise (the named or the current one); returns a sentence.
    /// - Parameter command: the command the user ran (`kpi record`, or `kpi nps` with --record):
    ///   errors start with it.
    static func record(
        _ ctx: inout CommandContext, command: String, enterprise: String?, kpi raw: String, value: Double,
        period rawPeriod: String, target: Double?, n: Int?, lowerIsBetter flag: Bool = false,
        counts: [Int]? = nil
    ) throws -> String {
        let viaOption = command != recordCommand.name
        let kpi: String
        do { kpi = try KPICatalog.canonical(raw) } catch let e as CommandError {
            throw CommandError(e.code, "\(command): \(e.message)")
        }
        guard !rawPeriod.trimmingSpaces.isEmpty else {
            throw CommandError(
                "MissingValue",
                viaOption
                    ? "\(command): --record needs a period, e.g. --record 2026-Q3"
                    : "\(command): needs --period P (e.g. 2026-Q3)")
        }
        guard let parsed = Period(rawPeriod) else {
            throw CommandError.badValue(
                "\(command): '\(rawPeriod.trimmingSpaces)' is not a period; give \(Period.accepted)")
        }
        let period = parsed.description
        // The same range as --target: figures beyond it overflowed the dashboard's sparkline.
        guard KPIRecord.valueRange.contains(value) else {
            throw CommandError.badValue(
                """
                \(command): the \(kpi) figure \(show(value)) is outside \
                -1000000000000…1000000000000\(viaOption ? ", so it cannot be recorded" : "")
                """
            )
        }
        let e: Enterprise
        if let enterprise {
            guard let found = ctx.workspace.enterprise(named: enterprise) else {
                throw CommandError.unknown("enterprise", enterprise, among: ctx.workspace.enterprises.map(\.name))
            }
            e = found
        } else {
            guard let current = ctx.workspace.currentEnterprise else {
                throw CommandError(
                    "NoEnterprise",
                    viaOption
                        ? """
                        \(command): --record records for the current enterprise, and none is current (`use \
                        ENTERPRISE` first)
                        """
                        : "\(command): no enterprise given and none is current (name one, or `use ENTERPRISE`)")
            }
            e = current
        }
        // One KPI's periods are of one kind, so its first period says which: parsing every stored
        // period here (and in the replace lookup below) made 8,000 `kpi record` lines take 133 s.
        if let other = e.kpis.first(where: { $0.kpi == kpi }), let kind = Period(other.period)?.kind,
            kind != parsed.kind
        {
            throw CommandError.badValue(
                "\(command): \(kpi) at \(e.name) is recorded by \(kind.rawValue) (\(other.period)); "
                    + "\(period) is a \(parsed.kind.rawValue): one KPI's periods are of one kind")
        }
        let known = KPICatalog.entry(kpi)
        let recorded = e.kpis.contains { $0.kpi == kpi }
        let lower = KPICatalog.lowerIsBetter(kpi, in: e)
        if flag, let known, known.higherIsBetter {
            throw CommandError.badValue(
                """
                \(command): \(kpi) (\(known.title)) is higher-is-better in the catalogue; --lower-is-better \
                is for KPIs it does not know
                """
            )
        }
        if flag, known == nil, recorded, !lower {
            throw CommandError.badValue(
                """
                \(command): \(kpi) at \(e.name) was first recorded as higher-is-better, and a KPI keeps its \
                direction (record it under a new name to change it)
                """
            )
        }
        var replaced = false
        try ctx.update(e.name) { ent in
            let previous = ent.kpis.last { $0.kpi == kpi }
            let figure = KPIRecord(
                kpi: kpi, period: period, value: value, target: target ?? previous?.target, n: n,
                lowerIsBetter: known == nil && (lower || flag) ? true : nil, counts: counts)
            // Periods are stored in their first form (`Period.description`), so equal periods are equal text.
            if let i = ent.kpis.lastIndex(where: { $0.kpi == kpi && $0.period == period }) {
                ent.kpis[i] = figure; replaced = true
            } else {
                ent.kpis.append(figure)
            }
        }
        return "\(replaced ? "Replaced" : "Recorded") \(kpi) = \(show(value, kpi)) for \(period) at \(e.name)."
    }

    /// A figure as people read it: two decimals from 10 up, three below.
    static func show(_ v: Double) -> String { Format.number(v, maxDecimals: abs(v) >= 10 ? 2 : 3) }

    static func show(_ v: Double, _ kpi: String) -> String { KPICatalog.figure(v, kpi: kpi) }

    static func series(_ e: Enterprise, _ kpi: String) -> [KPIRecord] {
        e.kpis.filter { $0.kpi == kpi }.sorted { Period.precedes($0.period, $1.period) }
    }

    /// Eight-level bars for a series, lowest value ▁, highest █.
    static func sparkline(_ values: [Double]) -> String {
        let bars = Array("▁▂▃▄▅▆▇█")
        guard let lo = values.min(), let hi = values.max() else { return "" }
        // Halves, so that hi − lo cannot overflow; the level is clamped to the eight bars.
        let span = hi / 2 - lo / 2
        return String(
            values.map { v in
                guard span > 0 else { return bars[3] }
                let level = ((v / 2 - lo / 2) / span * 7).rounded()
                return bars[level.isFinite ? Int(min(max(level, 0), 7)) : 3]
            })
    }

    static func progress(_ r: KPIRecord, lowerIsBetter: Bool) -> String {
        guard let t = r.target else { return "" }
        return KPICatalog.meets(r.value, t, lowerIsBetter: lowerIsBetter)
            ? "met" : "gap \(show(abs(t - r.value), r.kpi))"
    }

    static let dashboard = CommandSpec(
        "kpi dashboard", abstract: "each KPI's latest value, target, progress and trend",
        discussion:
            """
            Progress is `met` when the latest value reaches its target (at most the target for KPIs where \
            lower is better: cac, churn, co2e and custom KPIs first recorded with `kpi record … \
            --lower-is-better`; the guide judges by the same rule), else the gap. The trend is a sparkline \
            of every recorded period, oldest first.
            """,
        arguments: [
            ArgumentSpec(
                "enterprise", .name(.enterprise), help: "an enterprise (default: the current one)", optional: true)
        ],
        examples: ["kpi dashboard"]
    ) { ctx in
        let e = try ctx.enterprise()
        let names = e.kpis.reduce(into: [String]()) { if !$0.contains($1.kpi) { $0.append($1.kpi) } }
        var rows: [[String]] = []
        var list: [JSON] = []
        for k in names {
            let s = series(e, k)
            guard let last = s.last else { continue }
            let lower = KPICatalog.lowerIsBetter(k, in: e)
            rows.append([
                k, last.period, show(last.value, k), last.target.map { show($0, k) } ?? "",
                progress(last, lowerIsBetter: lower), sparkline(s.map(\.value)), last.n.map(String.init) ?? "",
            ])
            list.append([
                "kpi": .string(k), "period": .string(last.period), "value": .num(last.value),
                "target": .num(last.target),
                "met": last.target.map { t in .bool(KPICatalog.meets(last.value, t, lowerIsBetter: lower)) } ?? .null,
                "n": last.n.map { .int($0) } ?? .null, "periods": .int(s.count),
            ])
        }
        guard !rows.isEmpty else {
            return CommandOutput(
                blocks: [.text("No KPIs recorded for \(e.name) yet: `kpi record KPI VALUE --period P`.")],
                data: ["enterprise": .string(e.name), "kpis": []])
        }
        let table = Table(
            headers: ["kpi", "period", "value", "target", "progress", "trend", "n"], rows: rows,
            alignments: [.left, .left, .right, .right, .left, .left, .right])
        return CommandOutput(
            blocks: [.text("KPIs of \(e.name):"), .table(table)],
            data: ["enterprise": .string(e.name), "kpis": .array(list)])
    }

    static let trend = CommandSpec(
        "kpi trend", abstract: "the recorded series of one KPI, period by period",
        arguments: [
            ArgumentSpec("kpi", .name(.kpi), help: "a recorded KPI, e.g. nps"),
            ArgumentSpec(
                "enterprise", .name(.enterprise), help: "an enterprise (default: the current one)", optional: true),
        ],
        examples: ["kpi trend nps"]
    ) { ctx in
        let e = try ctx.enterprise()
        let kpi = try KPICatalog.canonical(ctx.arguments.required("kpi"))
        let s = series(e, kpi)
        guard !s.isEmpty else {
            let known = e.kpis.reduce(into: [String]()) { if !$0.contains($1.kpi) { $0.append($1.kpi) } }
            throw CommandError.unknown(
                "KPI recorded for \(e.name)", kpi, among: known,
                hint: known.isEmpty ? "none recorded yet" : "recorded: " + known.joined(separator: ", "))
        }
        var rows: [[String]] = []
        var previous: Double?
        for r in s {
            let change = previous.map { (r.value - $0 >= 0 ? "+" : "") + show(r.value - $0, kpi) } ?? ""
            rows.append([
                r.period, show(r.value, kpi), change, r.target.map { show($0, kpi) } ?? "",
                progress(r, lowerIsBetter: KPICatalog.lowerIsBetter(kpi, in: e)), r.n.map(String.init) ?? "",
            ])
            previous = r.value
        }
        let table = Table(
            headers: ["period", kpi, "change", "target", "progress", "n"], rows: rows,
            alignments: [.left, .right, .right, .right, .left, .right])
        let chart = Chart(
            title: "\(kpi) at \(e.name)", text: "\(kpi) \(sparkline(s.map(\.value)))", svg: svg(kpi, e.name, s))
        let data: JSON = [
            "enterprise": .string(e.name), "kpi": .string(kpi),
            "series": .array(
                s.map {
                    [
                        "period": .string($0.period), "value": .num($0.value), "target": .num($0.target),
                        "n": $0.n.map { .int($0) } ?? .null,
                    ]
                }),
        ]
        return CommandOutput(blocks: [.table(table), .chart(chart)], data: data)
    }

    /// A line chart of the series (and its targets, dashed).
    static func svg(_ kpi: String, _ enterprise: String, _ s: [KPIRecord]) -> String {
        let w = 480.0, h = 200.0, left = 50.0, right = 20.0, top = 30.0, bottom = 40.0
        let values = s.map(\.value) + s.compactMap(\.target)
        var lo = values.min() ?? 0, hi = values.max() ?? 1
        if hi == lo { lo -= 1; hi += 1 }
        func x(_ i: Int) -> Double {
            s.count == 1 ? left + (w - left - right) / 2 : left + Double(i) * (w - left - right) / Double(s.count - 1)
        }
        func y(_ v: Double) -> Double { top + (hi - v) / (hi - lo) * (h - top - bottom) }
        func f(_ v: Double) -> String { Format.fixed(v, 1) }
        var out =
            """
            <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(w))\" height=\"\(Int(h))\" viewBox=\"0 \
            0 \(Int(w)) \(Int(h))\" font-family=\"sans-serif\" font-size=\"11\">
            """
        out += "<text x=\"\(f(left))\" y=\"18\" font-size=\"13\">\(Markup.xml(kpi)) at \(Markup.xml(enterprise))</text>"
        out +=
            """
            <line x1=\"\(f(left))\" y1=\"\(f(h - bottom))\" x2=\"\(f(w - right))\" y2=\"\(f(h - bottom))\" \
            stroke=\"#999\"/>
            """
        out +=
            """
            <text x=\"\(f(left - 6))\" y=\"\(f(y(hi) + 4))\" \
            text-anchor=\"end\">\(Format.number(hi, maxDecimals: 1))</text>
            """
        out +=
            """
            <text x=\"\(f(left - 6))\" y=\"\(f(y(lo) + 4))\" \
            text-anchor=\"end\">\(Format.number(lo, maxDecimals: 1))</text>
            """
        let targets = s.enumerated().compactMap { i, r in r.target.map { "\(f(x(i))),\(f(y($0)))" } }
        if targets.count > 1 {
            out +=
                """
                <polyline points=\"\(targets.joined(separator: " "))\" fill=\"none\" stroke=\"#c60\" \
                stroke-dasharray=\"4 3\"/>
                """
        }
        out +=
            """
            <polyline \
            points=\"\(s.enumerated().map { "\(f(x($0))),\(f(y($1.value)))" }.joined(separator: " "))\" \
            fill=\"none\" stroke=\"#036\" stroke-width=\"2\"/>
            """
        for (i, r) in s.enumerated() {
            out += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(r.value)))\" r=\"3\" fill=\"#036\"/>"
            out +=
                """
                <text x=\"\(f(x(i)))\" y=\"\(f(h - bottom + 16))\" \
                text-anchor=\"middle\">\(Markup.xml(r.period))</text>
                """
        }
        return out + "</svg>"
    }
}

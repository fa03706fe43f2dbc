import ValueCore
import Workbench

/// `kpi compare`: whether two NPS (or CSAT) figures differ, between groups or recorded periods.
extension SurveyCommands {
    static let compare = CommandSpec(
        "kpi compare", abstract: "is the NPS (or CSAT) of two groups or periods different? (z-test, 95%)",
        discussion: """
            z = (NPS₁ − NPS₂)/√(var₁/N₁ + var₂/N₂), with each NPS and variance on the −1…+1 scale \
            (var = p + d − (p − d)²); the two-sided p-value comes from the normal distribution, and \
            the difference is significant at 95% when p < 0.05. FIRST and SECOND are counts \
            PROMOTERS/PASSIVES/DETRACTORS (e.g. 50/30/20), or, with --file PATH --column NAME --by \
            COLUMN, two values of the --by column. `kpi compare KPI PERIOD PERIOD` tests two \
            recorded periods of the current enterprise (figures recorded with `kpi nps|enps|csat \
            … --record PERIOD`, which keep their answer counts); for CSAT the test is the pooled \
            two-proportion z-test, z = (p₁ − p₂)/√(p(1 − p)(1/N₁ + 1/N₂)). --json: first, second, \
            difference, z, p, significant.
            """,
        arguments: [
            ArgumentSpec("first", .text, help: "P/Pa/D counts, a group of --by, or a recorded KPI"),
            ArgumentSpec("second", .text, help: "P/Pa/D counts, a group of --by, or a period"),
            ArgumentSpec("third", .text, help: "with a KPI: the second period", optional: true),
        ],
        options: [
            OptionSpec("file", .file, help: "a survey export (CSV or SPSS .sav)"),
            OptionSpec("column", .text, help: "the NPS answers' column"),
            OptionSpec("by", .text, help: "the column whose values FIRST and SECOND name"),
            formatOption,
            OptionSpec(
                "map", .text,
                help: "answers given as labels: \"LABEL=N,LABEL=N,…\" (a label with a comma in double quotes)"),
            .flag("lenient", help: "count non-numeric and out-of-range answers as invalid instead of stopping"),
        ],
        examples: ["kpi compare 50/30/20 40/30/30"]
    ) { ctx in
        let args = ctx.arguments
        if let third = args.string("third") {
            return try comparePeriods(ctx, args.required("first"), args.required("second"), third)
        }
        let a = try args.required("first"), b = try args.required("second")
        let first: NPS, second: NPS
        do {
            if let path = args.string("file") {
                guard let columnName = args.string("column"), let byName = args.string("by") else {
                    throw CommandError(
                        "MissingValue",
                        "kpi compare: --file needs --column NAME and --by COLUMN (FIRST and SECOND are values of it)")
                }
                let survey = try SurveyFile.open(path, files: ctx.files, format: try format(args))
                let column = try survey.column(columnName), by = try survey.column(byName)
                let labels = try args.strings("map").reduce(into: survey.valueLabels(column)) { all, text in
                    try all.merge(AnswerLabels.parseMap(text), uniquingKeysWith: { $1 })
                }
                let acc = try survey.scan(
                    ScanRequest(metrics: [.init(column: column, range: 0...10, labels: labels)], group: by),
                    lenient: args.flag("lenient"))
                func counts(_ name: String) throws -> NPS {
                    let groups = sortedGroups(acc)
                    guard
                        let g = groups.first(where: { $0.0 == name }) ?? groups.first(where: { Name.same($0.0, name) })
                    else {
                        throw CommandError.unknown(
                            "value of '\(survey.label(by))' in \(path)", name, among: groups.map(\.0),
                            hint: "values: " + groups.prefix(10).map(\.0).joined(separator: ", "))
                    }
                    return try NPS.compute(histogram: acc.slotCounts(group: g.1)[0].histogram)
                }
                first = try counts(a); second = try counts(b)
            } else {
                first = try parseCounts(a); second = try parseCounts(b)
            }
            return ComparisonResult(try NPSComparison(first, second), .groups(a, b)).output
        } catch let e as MetricError {
            let file = ctx.arguments.string("file").map { "\($0): " } ?? ""
            throw CommandError.badValue("kpi compare: \(file)\(e.message)")
        }
    }

    /// `kpi compare KPI PERIOD PERIOD`: two recorded figures that kept their answer counts.
    static func comparePeriods(_ ctx: CommandContext, _ rawKPI: String, _ first: String, _ second: String) throws
        -> CommandOutput
    {
        let e = try ctx.enterprise()
        let name = try KPICatalog.canonical(rawKPI)
        guard let kpi = ComparedKPI(rawValue: name) else {
            throw CommandError.badValue(
                "kpi compare: \(name) cannot be tested between periods; nps, enps and csat can "
                    + "(their counts are kept by --record)")
        }
        func figure(_ text: String) throws -> (KPIRecord, counts: [Int]) {
            let period = Period(text)?.description ?? text
            let records = e.kpis.filter { $0.kpi == name }
            guard let r = records.last(where: { $0.period == period }) else {
                throw CommandError.unknown(
                    "period of \(name) at \(e.name)", text, among: records.map(\.period),
                    hint: records.isEmpty
                        ? "none recorded" : "recorded: " + records.map(\.period).joined(separator: ", "))
            }
            guard let counts = r.counts, counts.count == kpi.countsKept else {
                throw CommandError.badValue(
                    "kpi compare: \(name) for \(period) was recorded without its answer counts; "
                        + "record it with `kpi \(name) … --record \(period)` to test it")
            }
            return (r, counts)
        }
        let a = try figure(first), b = try figure(second)
        do {
            return try kpi.compare(a, b).output
        } catch let e as MetricError {
            throw CommandError.badValue("kpi compare: \(e.message)")
        }
    }

    static func parseCounts(_ text: String) throws -> NPS {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters()) }
        let counts = 0...1_000_000_000
        guard parts.count == 3, let p = parts[0], let pa = parts[1], let d = parts[2], counts.contains(p),
            counts.contains(pa), counts.contains(d)
        else {
            throw CommandError.badValue(
                "kpi compare: '\(text)' is not PROMOTERS/PASSIVES/DETRACTORS (three whole numbers from 0 to "
                    + "1000000000, e.g. 50/30/20); with --file, FIRST and SECOND are values of the --by column"
            )
        }
        return try NPS(promoters: p, passives: pa, detractors: d)
    }
}

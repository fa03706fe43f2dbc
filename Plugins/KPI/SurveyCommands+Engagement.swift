import ValueCore
import Workbench

/// `kpi engagement`: the mean of item scores and the share of respondents engaged.
extension SurveyCommands {
    static let engagement = EconomicsCommands.recording(
        "kpi engagement", kpi: "engagement",
        abstract: "employee engagement: mean of item scores and the share engaged (e.g. UWES 0–6)",
        discussion: """
            Each respondent's score is the mean of their item answers (UWES-9: nine items scored 0 \
            "never" to 6 "always"); the result is the mean score over respondents and the share \
            whose score is at least --threshold (default 4, "often"). Inline: scores as arguments, \
            --items K groups them into respondents of K items each (default 1: each number is a \
            respondent's score). From a file: --file PATH --column ITEM for each item column \
            (repeat --column); blank items are left out of a respondent's mean, and a respondent \
            with no answered item is skipped. --json: n, mean, engaged, share, threshold, skipped.
            """,
        arguments: [ArgumentSpec("scores", .number(-100...100), help: "item scores", optional: true, variadic: true)],
        options: [
            OptionSpec("items", .integer(1...1000), help: "items per respondent in the inline scores (default 1)"),
            OptionSpec(
                "threshold", .number(-100...100), help: "score from which a respondent counts as engaged (default 4)"),
            OptionSpec("min", .integer(-100...100), help: "lowest point of the item scale (default 0)"),
            OptionSpec("max", .integer(-100...100), help: "highest point of the item scale (default 6)"),
            OptionSpec("file", .file, help: "a survey export (CSV or SPSS .sav)"),
            OptionSpec("column", .text, help: "an item column (repeat for every item)", repeating: true),
            formatOption,
            .flag("lenient", help: "count non-numeric and out-of-range answers as invalid instead of stopping"),
        ],
        examples: ["kpi engagement 5 4 6 3 2 4 --items 3"]
    ) { ctx in
        let args = ctx.arguments
        let low = args.int("min") ?? 0, high = args.int("max") ?? 6
        guard low < high else {
            throw CommandError.badValue("kpi engagement: --min (\(low)) must be below --max (\(high))")
        }
        let threshold = args.double("threshold") ?? 4
        let result: Engagement
        var skipped = 0
        var invalid: Int?
        if let path = args.string("file") {
            let names = args.strings("column")
            guard !names.isEmpty else {
                throw CommandError("MissingValue", "kpi engagement: --file needs --column ITEM for each item column")
            }
            guard args.strings("scores").isEmpty else {
                throw CommandError.badValue("kpi engagement: give scores or --file, not both")
            }
            guard low >= 0, high <= 99 else {
                throw CommandError.badValue("kpi engagement: a file's item scale must lie within 0–99")
            }
            let survey = try SurveyFile.open(path, files: ctx.files, format: try format(args))
            let cols = try names.map { try survey.column($0) }
            let request = ScanRequest(
                metrics: cols.map { .init(column: $0, range: low...high) }, rowMeanThreshold: threshold)
            let acc = try survey.scan(request, lenient: args.flag("lenient"))
            guard acc.meanN > 0 else {
                throw CommandError.badValue("kpi engagement: no respondent in \(path) answered any of the items")
            }
            result = try Engagement(n: acc.meanN, sum: acc.meanSum, engaged: acc.meanEngaged, threshold: threshold)
            skipped = acc.meanSkipped
            if args.flag("lenient") { invalid = acc.slotCounts(group: 0).reduce(0) { $0 + $1.invalid } }
        } else {
            let scores = args.doubles("scores")
            guard !scores.isEmpty else {
                throw CommandError(
                    "MissingArgument",
                    "kpi engagement: no scores; give item scores (`kpi engagement 5 4 6 --items 3`) or --file PATH "
                        + "--column ITEM …"
                )
            }
            do {
                result = try Engagement.compute(
                    items: scores, perRespondent: args.int("items") ?? 1,
                    scale: Double(low)...Double(high), threshold: threshold)
            } catch let e as MetricError { throw CommandError.badValue("kpi engagement: \(e.message)") }
        }
        return EngagementResult(engagement: result, scale: low...high, skipped: skipped, invalid: invalid)
    }
}

/// `kpi engagement`'s figures: its JSON, its sentence and the mean score `--record` stores.
struct EngagementResult: RecordableResult {
    var engagement: Engagement
    /// The item scale (`--min`…`--max`).
    var scale: ClosedRange<Int>
    /// Respondents left out: no item answered.
    var skipped: Int
    /// With `--lenient` and a file: the invalid answers.
    var invalid: Int?

    var fields: [(String, JSON)] {
        let e = engagement
        let fields: [(String, JSON)] = [
            ("n", .int(e.n)), ("mean", .num(e.mean)), ("engaged", .int(e.engaged)),
            ("share", .num(e.share)), ("threshold", .num(e.threshold)), ("skipped", .int(skipped)),
        ]
        return fields + (invalid.map { [("invalid", .int($0))] } ?? [])
    }

    var sentence: String {
        "Engagement \(Format.fixed(engagement.mean, 2)) on \(scale.lowerBound)–\(scale.upperBound) from "
            + "\(Format.count(engagement.n, "respondent")); \(engagement.engaged) engaged "
            + "(score ≥ \(Format.number(engagement.threshold))): \(Format.percent(engagement.share))."
    }

    var recorded: (field: String, value: Double, n: Int?) { ("mean", engagement.mean, engagement.n) }
}

import ValueCore
import Workbench

/// `kpi nps`, `enps`, `csat`, `ces`, `engagement`, `compare`, `survey`, `columns`.
enum SurveyCommands {
    static var all: [CommandSpec] { [nps, enps, csat, ces, compare, survey, columns] }

    /// `--ci METHOD`: the recommended interval by default, or the classic Wald one.
    static func ciOption(_ recommended: String) -> OptionSpec {
        OptionSpec(
            "ci", .choice([recommended, "wald"]),
            help: "the 95% interval's method (default \(recommended); wald: the classic one)")
    }

    static let formatOption = SurveyFormat.option
    static let fileOptions: [OptionSpec] =
        [
            OptionSpec(
                "file", .file,
                help: "a survey export: CSV (\(SurveyFormat.csvNames())) or SPSS .sav"),
            OptionSpec(
                "column", .text, help: "the answers' column: a header, question text, question id or number from 1"),
            OptionSpec("by", .text, help: "one result per value of this column (sorted), plus the total"),
            formatOption,
            OptionSpec(
                "map", .text,
                help: "answers given as labels: \"LABEL=N,LABEL=N,…\" (a label with a comma in double quotes)"),
            .flag(
                "lenient",
                help:
                    "count non-numeric and out-of-range answers as invalid instead of stopping (and list them by value)"
            ),
        ] + RecordOptions.specs()

    static let fileDiscussion = """
        Sources: answers as arguments, counts as options, or a column of a survey export with \
        --file PATH --column NAME (NAME a header, question text, question id or number from 1).
        """ + " " + exportDiscussion

    /// How exports are read: for every command that reads one.
    static let exportDiscussion = """
        Exports are read as RFC 4180 CSV (quoted fields with commas, doubled quotes and line breaks; \
        UTF-8 with or without BOM; CRLF). The format is detected (\(SurveyFormat.csvNames())) and \
        --format overrides it. SPSS .sav files are read too (by their \
        first bytes, with ReadStat): a column is named by its variable's name or label, an answer \
        with a value label is that label, read back as its code unless --map says otherwise, and \
        missing values (system or user-defined) are blank. A blank answer is skipped and counted; \
        a non-numeric or out-of-range answer stops with the file, row and column, unless --lenient \
        (then it is counted as invalid, and the invalid answers are listed by value: `invalid_values` \
        in --json). Answers may be labels: a number at the start or end of a label is the answer \
        ("10 - Extremely likely" is 10, "Not at all likely 0" is 0); --map "Yum!=5,Good=4,…" gives \
        the others their numbers (matched ignoring case and surrounding spaces; a label with a comma \
        in double quotes: --map '"Some good, some not so good"=3,Yum!=5'). Labels left unmapped stop \
        with every distinct one and its count, and a --map to fill in. --by COLUMN gives one result per group (sorted, \
        with N), \
        then the total. Results are computed from integer counts; rounding is for display only.
        """

    static func npsLike(_ word: String, _ metric: SurveyMetric, question: String) -> CommandSpec {
        CommandSpec(
            "kpi \(word)",
            abstract: "\(metric.title): promoters (9–10) minus detractors (0–6), in points, "
                + "with a 95% margin of error",
            discussion: """
                \(question) Answers 0–10: promoters 9–10, passives 7–8, detractors 0–6. \
                \(metric.title) = 100·(P − D)/N, from −100 to 100. The 95% interval is the adjusted \
                Wald interval of Rocks (2016), which holds at small samples: n' = N + 3, p' = (P + ¾)/n', \
                d' = (D + ¾)/n', var = p' + d' − (p' − d')², interval 100·(p' − d') ± 1.96·√(var/n')·100 \
                (so it need not be centred on the figure); --ci wald gives the classic Wald interval \
                (p = P/N, d = D/N, N unadjusted), which is zero wide when every answer is one class. \
                Both are clamped to [−100, 100]; below 30 answers the sentence says the sample is small. \
                Figures show one decimal, rounded half away from zero; --json gives full precision: n, \
                promoters, passives, detractors, \(metric.key), moe95 (half the interval's width), ci95, \
                ci_method, skipped.

                """ + fileDiscussion,
            arguments: [
                ArgumentSpec("answers", .integer(0...10), help: "answers from 0 to 10", optional: true, variadic: true)
            ],
            options: [
                OptionSpec("promoters", .integer(0...1_000_000_000), help: "count of answers 9–10"),
                OptionSpec("passives", .integer(0...1_000_000_000), help: "count of answers 7–8"),
                OptionSpec("detractors", .integer(0...1_000_000_000), help: "count of answers 0–6"),
                ciOption("adjusted-wald"),
            ] + fileOptions,
            examples: [
                "kpi \(word) 10 9 8 6 0", "kpi \(word) --promoters 50 --passives 30 --detractors 20",
                "kpi \(word) --file notebooks/data/pangdonglai-pulse.csv --column Q1 --by Store",
            ]
        ) { ctx in try runMetric(&ctx, metric) }
    }

    static let nps = npsLike(
        "nps", .nps, question: "Net Promoter Score: \"How likely are you to recommend us to a friend or colleague?\"")
    static let enps = npsLike(
        "enps", .enps, question: "Employee NPS: \"How likely are you to recommend working here to a friend?\"")

    static let csat = CommandSpec(
        "kpi csat", abstract: "customer satisfaction: the share of answers in the top two boxes",
        discussion: """
            CSAT = 100·(answers in the top two boxes)/N: 4–5 on the usual 1–5 scale, 6–7 with \
            --scale 7, 9–10 with --scale 10. The 95% interval is Wilson's score interval, which \
            holds at small samples and at 0% and 100%: with p the share and z = 1.96, centre \
            (p + z²/2N)/(1 + z²/N), margin z·√(p(1 − p)/N + z²/4N²)/(1 + z²/N); --ci wald gives the \
            classic p ± z·√(p(1 − p)/N). Below 30 answers the sentence says the sample is small. \
            --json: n, satisfied, csat, moe95 (half the interval's width), ci95, ci_method, scale, skipped.

            """ + fileDiscussion,
        arguments: [
            ArgumentSpec(
                "answers", .integer(1...10), help: "answers from 1 to the scale's top", optional: true, variadic: true)
        ],
        options: [
            OptionSpec("scale", .choice(["5", "7", "10"]), help: "points on the scale (default 5)"), ciOption("wilson"),
        ] + fileOptions,
        examples: ["kpi csat 5 4 4 3", "kpi csat 7 6 3 --scale 7"]
    ) { ctx in
        let scale = Int(ctx.arguments.string("scale") ?? "5") ?? 5
        return try runMetric(&ctx, .csat(scale: scale))
    }

    static let ces = CommandSpec(
        "kpi ces", abstract: "customer effort score: the mean answer on 1–7 (higher = easier)",
        discussion: """
            Two variants, named in the output. CES 2.0 (the default, 7 points): agreement with "The \
            company made it easy for me to handle my issue", 1 (strongly disagree) to 7 (strongly \
            agree); higher means less effort, and "easy" is the share answering 5–7. CES 1.0 \
            (--scale 5): "How much effort did you personally have to put forth?", 1 (very low) to 5 \
            (very high); lower means less effort, and "easy" is the share answering 1–2. \
            --lower-is-easier or --higher-is-easier overrides the direction the scale implies (a \
            5-point agreement scale is higher-is-easier: "easy" is then 4–5). With the mean: the \
            sample standard deviation and the 95% margin of error 1.96·sd/√N. --json: n, mean, sd, \
            moe95, scale, lower_is_easier, easy (percent), skipped.

            """ + fileDiscussion,
        arguments: [
            ArgumentSpec("answers", .integer(1...7), help: "answers from 1 to 7", optional: true, variadic: true)
        ],
        options: [
            OptionSpec("scale", .choice(["5", "7"]), help: "points on the scale (default 7: CES 2.0; 5: CES 1.0)")
        ]
            + cesDirection + fileOptions,
        examples: ["kpi ces 6 7 5 3", "kpi ces 1 2 2 4 --scale 5"]
    ) { ctx in
        let scale = Int(ctx.arguments.string("scale") ?? "7") ?? 7
        return try runMetric(&ctx, try SurveyMetric.ces(scale: scale, ctx.arguments, command: "kpi ces"))
    }

    static let cesDirection: [OptionSpec] = [
        .flag("lower-is-easier", help: "lower CES answers mean less effort (the default on 5 points, CES 1.0)"),
        .flag("higher-is-easier", help: "higher CES answers mean less effort (the default on 7 points, CES 2.0)"),
    ]

    // MARK: Running a survey metric

    static func runMetric(_ ctx: inout CommandContext, _ metric: SurveyMetric) throws -> CommandOutput {
        do { return try runMetricUnchecked(&ctx, metric) } catch let e as MetricError {
            let file = ctx.arguments.string("file").map { "\($0): " } ?? ""
            throw CommandError.badValue("kpi \(metric.key): \(file)\(e.message)")
        }
    }

    static func runMetricUnchecked(_ ctx: inout CommandContext, _ metric: SurveyMetric) throws -> CommandOutput {
        let args = ctx.arguments
        let lenient = args.flag("lenient"), wald = args.string("ci") == "wald"
        var output: CommandOutput
        var recordValue: (Double, Int)?
        var recordCounts: [Int]?
        if let path = args.string("file") {
            guard args.strings("answers").isEmpty else {
                throw CommandError.badValue("kpi \(metric.key): give answers or --file, not both")
            }
            guard let columnName = args.string("column") else {
                throw CommandError(
                    "MissingValue",
                    "kpi \(metric.key): --file needs --column NAME (a header, question id or number; `kpi columns "
                        + "\(path)` lists them)"
                )
            }
            let survey = try SurveyFile.open(path, files: ctx.files, format: try format(args))
            let column = try survey.column(columnName)
            let by = try args.string("by").map { try survey.column($0) }
            let labels = try args.strings("map").reduce(into: survey.valueLabels(column)) { all, text in
                try all.merge(AnswerLabels.parseMap(text), uniquingKeysWith: { $1 })
            }
            let acc = try survey.scan(
                ScanRequest(metrics: [.init(column: column, range: metric.range, labels: labels)], group: by),
                lenient: lenient)
            let total: SurveyResult
            (output, total) = try present(
                metric, survey: survey, column: column, by: by, acc: acc, lenient: lenient,
                wald: wald)
            recordValue = total.value.map { ($0, total.n) }
            recordCounts = total.recordedCounts
        } else {
            guard args.string("by") == nil, args.string("column") == nil, args.string("format") == nil,
                args.string("map") == nil
            else {
                throw CommandError.badValue("kpi \(metric.key): --column, --by, --map and --format need --file PATH")
            }
            let counts = try inlineCounts(args, metric)
            let r = try SurveyResult(metric, counts, lenient: false, wald: wald)
            output = CommandOutput(blocks: [.text(r.sentence)], data: r.json)
            recordValue = r.value.map { ($0, counts.n) }
            recordCounts = r.recordedCounts
        }
        if let period = args.string("record") {
            guard let (value, n) = recordValue else {
                throw CommandError.badValue("kpi \(metric.key): nothing to record (no answers)")
            }
            let note = try TrackingCommands.record(
                &ctx, command: "kpi \(metric.key)", enterprise: nil, kpi: metric.recordName, value: value,
                period: period,
                target: args.double("target"), n: n, counts: recordCounts)
            output.blocks.append(.text(note))
        } else if args.has("target") {
            throw CommandError.badValue("kpi \(metric.key): --target goes with --record PERIOD")
        }
        return output
    }

    static func format(_ args: ParsedArguments) throws -> SurveyFormat? {
        args.string("format").flatMap(SurveyFormat.init(rawValue:))
    }

    static func inlineCounts(_ args: ParsedArguments, _ metric: SurveyMetric) throws -> SlotCounts {
        let answers = args.ints("answers")
        var h = [Int](repeating: 0, count: metric.range.upperBound + 1)
        let classCounts = ["promoters", "passives", "detractors"].map { args.int($0) }
        if classCounts.contains(where: { $0 != nil }) {
            guard answers.isEmpty else {
                throw CommandError.badValue("kpi \(metric.key): give answers or counts, not both")
            }
            let p = classCounts[0] ?? 0, pa = classCounts[1] ?? 0, d = classCounts[2] ?? 0
            guard p + pa + d > 0 else {
                throw CommandError.badValue(
                    "kpi \(metric.key): the counts add up to 0; \(metric.title) needs at least one answer")
            }
            h[10] = p; h[8] = pa; h[0] = d
            return SlotCounts(histogram: h, skipped: 0, invalid: 0)
        }
        guard !answers.isEmpty else {
            let example: String
            switch metric {
            case .nps, .enps: example = "`kpi \(metric.key) 10 9 8 6 0`, `--promoters 50 --passives 30 --detractors 20`"
            case .csat: example = "`kpi csat 5 4 4 3`"
            case .ces: example = "`kpi ces 6 7 5`"
            }
            throw CommandError(
                "MissingArgument",
                "kpi \(metric.key): no answers; give answers (\(example)) or --file PATH --column NAME")
        }
        for a in answers {
            guard metric.range.contains(a) else {
                throw CommandError(
                    "OutOfRange",
                    "kpi \(metric.key): answer \(a) is outside the scale "
                        + "\(metric.range.lowerBound)–\(metric.range.upperBound)"
                )
            }
            h[a] += 1
        }
        return SlotCounts(histogram: h, skipped: 0, invalid: 0)
    }

    /// A file result: one sentence (no groups) or a table per group plus the total; and the
    /// total's result, which `--record` keeps.
    static func present(
        _ metric: SurveyMetric, survey: SurveyFile, column: Int, by: Int?, acc: Accumulator,
        lenient: Bool, wald: Bool
    ) throws -> (CommandOutput, total: SurveyResult) {
        let source =
            "\(survey.path) (\(survey.format.title)\(survey.detected ? "" : ", as given")), column "
            + "'\(survey.label(column))'"
        let total = acc.groupKeys.indices.map { acc.slotCounts(group: $0)[0] }.reduce(
            SlotCounts(histogram: [Int](repeating: 0, count: metric.range.upperBound + 1), skipped: 0, invalid: 0), +)
        guard total.n > 0 else {
            let invalid =
                lenient
                ? ", \(total.invalid) invalid"
                    + (total.invalid > 0 ? ": " + AnswerLabels.listing(total.invalidValues) : "") : ""
            throw CommandError.badValue(
                "kpi \(metric.key): \(survey.path), column '\(survey.label(column))' has no answers from "
                    + "\(metric.range.lowerBound) to \(metric.range.upperBound) (in "
                    + "\(Format.count(acc.rows - acc.blankLines, "row")): \(total.skipped) blank\(invalid))"
            )
        }
        let totalResult = try SurveyResult(metric, total, lenient: lenient, wald: wald)
        guard let by else {
            let blocks: [OutputBlock] = [.text(totalResult.sentence), .text("Source: \(source).")]
            return (CommandOutput(blocks: blocks, data: totalResult.json), totalResult)
        }
        var groups: [JSON] = []
        var rows: [[String]] = []
        for (key, g) in sortedGroups(acc) {
            let r = try SurveyResult.group(metric, acc.slotCounts(group: g)[0], lenient: lenient, wald: wald)
            groups.append(.object([("group", .string(key))] + r.fields))
            rows.append([key.isEmpty ? "(blank)" : key] + r.cells)
        }
        rows.append(["total"] + totalResult.cells)
        let table = Table(
            headers: [survey.label(by), metric.title, "95%", "N", metric.detailHeader], rows: rows,
            alignments: [.left, .right, .right, .right, .right])
        let data: JSON = ["by": .string(survey.label(by)), "groups": .array(groups), "total": totalResult.json]
        let blocks: [OutputBlock] = [.table(table), .text("Source: \(source), by '\(survey.label(by))'.")]
        return (CommandOutput(blocks: blocks, data: data), totalResult)
    }

    /// Group keys in order: numerically when every key is a number, else by text.
    static func sortedGroups(_ acc: Accumulator) -> [(String, Int)] {
        let keys = acc.groupKeys.enumerated().map { (String(decoding: $0.element, as: UTF8.self), $0.offset) }
        let numbers = keys.compactMap { Double($0.0) }
        if numbers.count == keys.count {
            return keys.sorted { Double($0.0)! < Double($1.0)! }
        }
        return keys.sorted { $0.0 < $1.0 }
    }
}

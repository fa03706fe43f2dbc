#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ValueCore
import Workbench

/// The survey metrics: what each computes from a column of whole-number answers.
public enum SurveyMetric: Sendable, Equatable {
    case nps, enps
    case csat(scale: Int)
    /// Customer effort: CES 2.0 on 7 points (higher = easier) or CES 1.0 on 5 (lower = easier) by
    /// default; `lowerIsEasier` names the variant.
    case ces(scale: Int, lowerIsEasier: Bool)

    public var key: String {
        switch self {
        case .nps: return "nps"
        case .enps: return "enps"
        case .csat: return "csat"
        case .ces: return "ces"
        }
    }
    /// The KPI a result is recorded as (`--record`): a lower-is-easier CES is `ces-1`, whose
    /// direction the catalogue knows, so that its targets are judged the right way round.
    public var recordName: String {
        if case .ces(_, true) = self { return "ces-1" }
        return key
    }
    public var title: String {
        switch self {
        case .nps: return "NPS"
        case .enps: return "eNPS"
        case .csat: return "CSAT"
        case .ces: return "CES"
        }
    }
    public var range: ClosedRange<Int> {
        switch self {
        case .nps, .enps: return 0...10
        case let .csat(s), let .ces(s, _): return 1...s
        }
    }

    /// The counts a recorded figure keeps for `kpi compare KPI PERIOD PERIOD`.
    func counts(_ json: JSON) -> [Int]? {
        switch self {
        case .nps, .enps:
            guard let p = json["promoters"]?.intValue, let pa = json["passives"]?.intValue, let d = json["detractors"]?.intValue else { return nil }
            return [p, pa, d]
        case .csat:
            guard let s = json["satisfied"]?.intValue, let n = json["n"]?.intValue else { return nil }
            return [s, n]
        case .ces:
            return nil
        }
    }

    /// The answers that count as "easy": 5–7 on 7 points, 4–5 on 5 (1–2 when lower is easier).
    static func easyAnswers(scale: Int, lowerIsEasier: Bool) -> ClosedRange<Int> {
        lowerIsEasier ? 1...(scale == 7 ? 3 : 2) : (scale == 7 ? 5 : 4)...scale
    }

    /// The CES variant from --scale and --lower-is-easier/--higher-is-easier: by default CES 2.0
    /// on 7 points (higher is easier), CES 1.0 on 5 (lower is easier).
    static func ces(scale: Int, _ args: ParsedArguments, command: String) throws -> SurveyMetric {
        if args.flag("lower-is-easier") && args.flag("higher-is-easier") {
            throw CommandError.badValue("\(command): --lower-is-easier and --higher-is-easier contradict each other")
        }
        let lower = args.flag("lower-is-easier") || (scale == 5 && !args.flag("higher-is-easier"))
        return .ces(scale: scale, lowerIsEasier: lower)
    }

    /// The result of one group's counts: JSON (fixed field names), table cells, one sentence.
    func result(_ c: SlotCounts, lenient: Bool, wald: Bool = false) throws -> (json: JSON, value: Double) {
        var fields: [(String, JSON)]
        let value: Double
        switch self {
        case .nps, .enps:
            let r = try NPS.compute(histogram: c.histogram)
            let ci = r.interval(wald ? .wald : .adjustedWald)
            value = r.score
            fields = [("n", .int(r.n)), ("promoters", .int(r.promoters)), ("passives", .int(r.passives)),
                      ("detractors", .int(r.detractors)), (key, .num(r.score)), ("moe95", .num(ci.moe)),
                      ("ci95", [.num(ci.low), .num(ci.high)]), ("ci_method", .string(ci.method.rawValue))]
        case let .csat(scale):
            let r = try CSAT.compute(histogram: c.histogram, scale: scale)
            let ci = r.interval(wald ? .wald : .wilson)
            value = r.score
            fields = [("n", .int(r.n)), ("satisfied", .int(r.satisfied)), ("csat", .num(r.score)), ("moe95", .num(ci.moe)),
                      ("ci95", [.num(ci.low), .num(ci.high)]), ("ci_method", .string(ci.method.rawValue)), ("scale", .int(scale))]
        case let .ces(scale, lower):
            let r = try MeanScore(histogram: c.histogram, what: "CES", range: 1...scale)
            let easy = SurveyMetric.easyAnswers(scale: scale, lowerIsEasier: lower)
            let easyCount = easy.reduce(0) { $0 + ($1 < c.histogram.count ? c.histogram[$1] : 0) }
            value = r.mean
            fields = [("n", .int(r.n)), ("mean", .num(r.mean)), ("sd", .num(r.sd)), ("moe95", .num(r.moe95)), ("scale", .int(scale)),
                      ("lower_is_easier", .bool(lower)), ("easy", .num(100 * Double(easyCount) / Double(r.n)))]
        }
        fields.append(("skipped", .int(c.skipped)))
        if lenient { fields += SurveyMetric.invalidFields(c) }
        return (.object(fields), value)
    }

    /// `invalid` and `invalid_values` (each invalid answer's text and count, most frequent first).
    static func invalidFields(_ c: SlotCounts) -> [(String, JSON)] {
        [("invalid", .int(c.invalid)),
         ("invalid_values", .object(AnswerLabels.sortedByCount(c.invalidValues).map { ($0.0, JSON.int($0.1)) }))]
    }

    /// Cells for a results table: value, ±95%, detail.
    func cells(_ json: JSON) -> [String] {
        guard let n = json["n"]?.intValue, n > 0 else { return ["—", "", "0", ""] }
        let moe = "±" + Format.fixed(json["moe95"]?.doubleValue ?? 0, 1)
        switch self {
        case .nps, .enps:
            let detail = "\(json["promoters"]?.intValue ?? 0) / \(json["passives"]?.intValue ?? 0) / \(json["detractors"]?.intValue ?? 0)"
            return [Format.fixed(json[key]?.doubleValue ?? 0, 1), moe, String(n), detail]
        case .csat:
            return [Format.percent(json["csat"]?.doubleValue ?? 0), moe, String(n), "\(json["satisfied"]?.intValue ?? 0) satisfied"]
        case .ces:
            return [Format.fixed(json["mean"]?.doubleValue ?? 0, 2), "±" + Format.fixed(json["moe95"]?.doubleValue ?? 0, 2), String(n),
                    "sd " + Format.fixed(json["sd"]?.doubleValue ?? 0, 2)]
        }
    }

    /// The figures of `cells` for CSV and TSV, at full precision, in the columns of
    /// `machineHeaders`; a figure the metric has not is empty.
    func machineCells(_ json: JSON) -> [String] {
        func figure(_ key: String) -> String {
            guard let v = json[key], v != .null else { return "" }
            return v.compact()
        }
        let value = switch self {
        case .nps, .enps: figure(key)
        case .csat: figure("csat")
        case .ces: figure("mean")
        }
        return [value, figure("moe95"), figure("n"), figure("promoters"), figure("passives"), figure("detractors"),
                figure("satisfied"), figure("sd")]
    }

    static let machineHeaders = ["value", "moe95", "n", "promoters", "passives", "detractors", "satisfied", "sd"]

    var detailHeader: String {
        switch self {
        case .nps, .enps: return "P / Pa / D"
        case .csat: return "top-two"
        case .ces: return "spread"
        }
    }

    /// One sentence about a result.
    func sentence(_ json: JSON) -> String {
        let n = json["n"]?.intValue ?? 0
        let skipped = json["skipped"]?.intValue ?? 0
        let invalid = json["invalid"]?.intValue ?? 0
        var tail = ""
        if skipped > 0 { tail += "; \(skipped) blank skipped" }
        if invalid > 0 {
            tail += "; \(invalid) invalid"
            if let values = json["invalid_values"]?.objectValue, !values.isEmpty {
                var counts: [String: Int] = [:]
                for (k, v) in values { counts[k] = v.intValue ?? 0 }
                tail += ": " + AnswerLabels.listing(counts)
            }
        }
        let ci = json["ci95"]?.arrayValue?.compactMap(\.doubleValue) ?? [0, 0]
        let method = (json["ci_method"]?.stringValue).flatMap(IntervalMethod.init(rawValue:)).map { "\($0.title) " } ?? ""
        let small = n < 30 ? " A small sample (under 30 answers): read the interval, not the figure." : ""
        switch self {
        case .nps, .enps:
            let p = json["promoters"]?.intValue ?? 0, pa = json["passives"]?.intValue ?? 0, d = json["detractors"]?.intValue ?? 0
            func share(_ k: Int) -> String { Format.percent(100.0 * Double(k) / Double(max(1, n))) }
            return "\(title) \(Format.fixed(json[key]?.doubleValue ?? 0, 1)) (±\(Format.fixed(json["moe95"]?.doubleValue ?? 0, 1)); 95% \(method)CI \(Format.fixed(ci.first ?? 0, 1)) to \(Format.fixed(ci.last ?? 0, 1))) from \(Format.count(n, "answer")): \(Format.count(p, "promoter")) (\(share(p))), \(Format.count(pa, "passive")) (\(share(pa))), \(Format.count(d, "detractor")) (\(share(d)))\(tail).\(small)"
        case let .csat(scale):
            let top = scale == 5 ? "4–5" : scale == 7 ? "6–7" : "9–10"
            return "CSAT \(Format.percent(json["csat"]?.doubleValue ?? 0)) (95% \(method)CI \(Format.percent(ci.first ?? 0)) to \(Format.percent(ci.last ?? 0))): \(json["satisfied"]?.intValue ?? 0) of \(n) answered \(top) on the 1–\(scale) scale\(tail).\(small)"
        case let .ces(scale, lower):
            let easy = SurveyMetric.easyAnswers(scale: scale, lowerIsEasier: lower)
            return "CES \(Format.fixed(json["mean"]?.doubleValue ?? 0, 2)) on 1–\(scale) (\(lower ? "lower" : "higher") = easier; \(Format.percent(json["easy"]?.doubleValue ?? 0)) easy, answering \(easy.lowerBound)–\(easy.upperBound); sd \(Format.fixed(json["sd"]?.doubleValue ?? 0, 2)), ±\(Format.fixed(json["moe95"]?.doubleValue ?? 0, 2))) from \(Format.count(n, "answer"))\(tail).\(small)"
        }
    }
}

/// `kpi nps`, `enps`, `csat`, `ces`, `engagement`, `compare`, `survey`, `columns`.
enum SurveyCommands {
    static var all: [CommandSpec] { [nps, enps, csat, ces, compare, survey, columns] }

    /// `--ci METHOD`: the recommended interval by default, or the classic Wald one.
    static func ciOption(_ recommended: String) -> OptionSpec {
        OptionSpec("ci", .choice([recommended, "wald"]), help: "the 95% interval's method (default \(recommended); wald: the classic one)")
    }

    static let formatOption = OptionSpec("format", .choice(SurveyFormat.allCases.map(\.rawValue)),
                                         help: "the export format, when detection guesses wrong")
    static let fileOptions: [OptionSpec] = [
        OptionSpec("file", .file, help: "a survey export: CSV (plain, Qualtrics, SurveyMonkey, Google Forms, Typeform) or SPSS .sav"),
        OptionSpec("column", .text, help: "the answers' column: a header, question text, question id or number from 1"),
        OptionSpec("by", .text, help: "one result per value of this column (sorted), plus the total"),
        formatOption,
        OptionSpec("map", .text, help: "answers given as labels: \"LABEL=N,LABEL=N,…\" (a label with a comma in double quotes)"),
        .flag("lenient", help: "count non-numeric and out-of-range answers as invalid instead of stopping (and list them by value)"),
        OptionSpec("record", .text, help: "record the result as a KPI of the current enterprise for this period"),
        OptionSpec("target", .number(-1e12...1e12), help: "with --record: the target value"),
    ]

    static let fileDiscussion = """
        Sources: answers as arguments, counts as options, or a column of a survey export with \
        --file PATH --column NAME (NAME a header, question text, question id or number from 1).
        """ + " " + exportDiscussion

    /// How exports are read: for every command that reads one.
    static let exportDiscussion = """
        Exports are read as RFC 4180 CSV (quoted fields with commas, doubled quotes and line breaks; \
        UTF-8 with or without BOM; CRLF). The format is detected (plain, Qualtrics, SurveyMonkey, \
        Google Forms, Typeform) and --format overrides it. SPSS .sav files are read too (by their \
        first bytes, with ReadStat): a column is named by its variable's name or label, an answer \
        with a value label is that label, read back as its code unless --map says otherwise, and \
        missing values (system or user-defined) are blank. A blank answer is skipped and counted; \
        a non-numeric or out-of-range answer stops with the file, row and column, unless --lenient \
        (then it is counted as invalid, and the invalid answers are listed by value: `invalid_values` \
        in --json). Answers may be labels: a number at the start or end of a label is the answer \
        ("10 - Extremely likely" is 10, "Not at all likely 0" is 0); --map "Yum!=5,Good=4,…" gives \
        the others their numbers (matched ignoring case and surrounding spaces; a label with a comma \
        in double quotes: --map '"Some good, some not so good"=3,Yum!=5'). Labels left unmapped stop \
        with every distinct one and its count, and a --map to fill in. --by COLUMN gives one result per group (sorted, with N), \
        then the total. Results are computed from integer counts; rounding is for display only.
        """

    static func npsLike(_ word: String, _ metric: SurveyMetric, question: String) -> CommandSpec {
        CommandSpec(
            "kpi \(word)", abstract: "\(metric.title): promoters (9–10) minus detractors (0–6), in points, with a 95% margin of error",
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
            arguments: [ArgumentSpec("answers", .integer(0...10), help: "answers from 0 to 10", optional: true, variadic: true)],
            options: [
                OptionSpec("promoters", .integer(0...1_000_000_000), help: "count of answers 9–10"),
                OptionSpec("passives", .integer(0...1_000_000_000), help: "count of answers 7–8"),
                OptionSpec("detractors", .integer(0...1_000_000_000), help: "count of answers 0–6"),
                ciOption("adjusted-wald"),
            ] + fileOptions,
            examples: ["kpi \(word) 10 9 8 6 0", "kpi \(word) --promoters 50 --passives 30 --detractors 20",
                       "kpi \(word) --file notebooks/data/pangdonglai-pulse.csv --column Q1 --by Store"]
        ) { ctx in try runMetric(&ctx, metric) }
    }

    static let nps = npsLike("nps", .nps, question: "Net Promoter Score: \"How likely are you to recommend us to a friend or colleague?\"")
    static let enps = npsLike("enps", .enps, question: "Employee NPS: \"How likely are you to recommend working here to a friend?\"")

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
        arguments: [ArgumentSpec("answers", .integer(1...10), help: "answers from 1 to the scale's top", optional: true, variadic: true)],
        options: [OptionSpec("scale", .choice(["5", "7", "10"]), help: "points on the scale (default 5)"), ciOption("wilson")] + fileOptions,
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
        arguments: [ArgumentSpec("answers", .integer(1...7), help: "answers from 1 to 7", optional: true, variadic: true)],
        options: [OptionSpec("scale", .choice(["5", "7"]), help: "points on the scale (default 7: CES 2.0; 5: CES 1.0)")]
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
                throw CommandError("MissingValue", "kpi \(metric.key): --file needs --column NAME (a header, question id or number; `kpi columns \(path)` lists them)")
            }
            let survey = try SurveyFile.open(path, files: ctx.files, format: try format(args))
            let column = try survey.column(columnName)
            let by = try args.string("by").map { try survey.column($0) }
            let labels = try args.strings("map").reduce(into: survey.valueLabels(column)) { all, text in
                try all.merge(AnswerLabels.parseMap(text), uniquingKeysWith: { $1 })
            }
            let acc = try survey.scan(ScanRequest(metrics: [.init(column: column, range: metric.range, labels: labels)], group: by), lenient: lenient)
            output = try present(metric, survey: survey, column: column, by: by, acc: acc, lenient: lenient, wald: wald)
            if let total = output.data?["total"] ?? output.data, let n = total["n"]?.intValue, n > 0 {
                recordValue = (metricValue(metric, total), n)
                recordCounts = metric.counts(total)
            }
        } else {
            guard args.string("by") == nil, args.string("column") == nil, args.string("format") == nil, args.string("map") == nil else {
                throw CommandError.badValue("kpi \(metric.key): --column, --by, --map and --format need --file PATH")
            }
            let counts = try inlineCounts(args, metric)
            let r = try metric.result(counts, lenient: false, wald: wald)
            output = CommandOutput(blocks: [.text(metric.sentence(r.json))], data: r.json)
            recordValue = (r.value, counts.n)
            recordCounts = metric.counts(r.json)
        }
        if let period = args.string("record") {
            guard let (value, n) = recordValue else { throw CommandError.badValue("kpi \(metric.key): nothing to record (no answers)") }
            let note = try TrackingCommands.record(&ctx, command: "kpi \(metric.key)", enterprise: nil, kpi: metric.recordName, value: value, period: period,
                                                   target: args.double("target"), n: n, counts: recordCounts)
            output.blocks.append(.text(note))
        } else if args.has("target") {
            throw CommandError.badValue("kpi \(metric.key): --target goes with --record PERIOD")
        }
        return output
    }

    static func metricValue(_ metric: SurveyMetric, _ json: JSON) -> Double {
        switch metric {
        case .nps, .enps: return json[metric.key]?.doubleValue ?? 0
        case .csat: return json["csat"]?.doubleValue ?? 0
        case .ces: return json["mean"]?.doubleValue ?? 0
        }
    }

    static func format(_ args: ParsedArguments) throws -> SurveyFormat? {
        args.string("format").flatMap(SurveyFormat.init(rawValue:))
    }

    static func inlineCounts(_ args: ParsedArguments, _ metric: SurveyMetric) throws -> SlotCounts {
        let answers = args.ints("answers")
        var h = [Int](repeating: 0, count: metric.range.upperBound + 1)
        let classCounts = ["promoters", "passives", "detractors"].map { args.int($0) }
        if classCounts.contains(where: { $0 != nil }) {
            guard answers.isEmpty else { throw CommandError.badValue("kpi \(metric.key): give answers or counts, not both") }
            let p = classCounts[0] ?? 0, pa = classCounts[1] ?? 0, d = classCounts[2] ?? 0
            guard p + pa + d > 0 else { throw CommandError.badValue("kpi \(metric.key): the counts add up to 0; \(metric.title) needs at least one answer") }
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
            throw CommandError("MissingArgument", "kpi \(metric.key): no answers; give answers (\(example)) or --file PATH --column NAME")
        }
        for a in answers {
            guard metric.range.contains(a) else {
                throw CommandError("OutOfRange", "kpi \(metric.key): answer \(a) is outside the scale \(metric.range.lowerBound)–\(metric.range.upperBound)")
            }
            h[a] += 1
        }
        return SlotCounts(histogram: h, skipped: 0, invalid: 0)
    }

    /// A file result: one sentence (no groups) or a table per group plus the total.
    static func present(_ metric: SurveyMetric, survey: SurveyFile, column: Int, by: Int?, acc: Accumulator,
                        lenient: Bool, wald: Bool) throws -> CommandOutput {
        let source = "\(survey.path) (\(survey.format.title)\(survey.detected ? "" : ", as given")), column '\(survey.label(column))'"
        let total = acc.groupKeys.indices.map { acc.slotCounts(group: $0)[0] }.reduce(SlotCounts(histogram: [Int](repeating: 0, count: metric.range.upperBound + 1), skipped: 0, invalid: 0), +)
        guard total.n > 0 else {
            let invalid = lenient ? ", \(total.invalid) invalid" + (total.invalid > 0 ? ": " + AnswerLabels.listing(total.invalidValues) : "") : ""
            throw CommandError.badValue("kpi \(metric.key): \(survey.path), column '\(survey.label(column))' has no answers from \(metric.range.lowerBound) to \(metric.range.upperBound) (in \(Format.count(acc.rows - acc.blankLines, "row")): \(total.skipped) blank\(invalid))")
        }
        guard let by else {
            let r = try metric.result(total, lenient: lenient, wald: wald)
            return CommandOutput(blocks: [.text(metric.sentence(r.json)), .text("Source: \(source).")], data: r.json)
        }
        let totalJSON = try metric.result(total, lenient: lenient, wald: wald).json
        var groups: [JSON] = []
        var rows: [[String]] = []
        for (key, g) in sortedGroups(acc) {
            let counts = acc.slotCounts(group: g)[0]
            let json: JSON
            if counts.n > 0 { json = try metric.result(counts, lenient: lenient, wald: wald).json } else { json = emptyResult(metric, counts, lenient: lenient) }
            groups.append(.object([("group", .string(key))] + (json.objectValue ?? [])))
            rows.append([key.isEmpty ? "(blank)" : key] + metric.cells(json))
        }
        rows.append(["total"] + metric.cells(totalJSON))
        let table = Table(headers: [survey.label(by), metric.title, "95%", "N", metric.detailHeader], rows: rows,
                          alignments: [.left, .right, .right, .right, .right])
        let data: JSON = ["by": .string(survey.label(by)), "groups": .array(groups), "total": totalJSON]
        return CommandOutput(blocks: [.table(table), .text("Source: \(source), by '\(survey.label(by))'.")], data: data)
    }

    static func emptyResult(_ metric: SurveyMetric, _ c: SlotCounts, lenient: Bool) -> JSON {
        var fields: [(String, JSON)] = [("n", 0), (metric.key == "ces" ? "mean" : metric.key, .null), ("skipped", .int(c.skipped))]
        if lenient { fields += SurveyMetric.invalidFields(c) }
        return .object(fields)
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

    // MARK: Engagement

    static let engagement = CommandSpec(
        "kpi engagement", abstract: "employee engagement: mean of item scores and the share engaged (e.g. UWES 0–6)",
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
            OptionSpec("threshold", .number(-100...100), help: "score from which a respondent counts as engaged (default 4)"),
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
        guard low < high else { throw CommandError.badValue("kpi engagement: --min (\(low)) must be below --max (\(high))") }
        let threshold = args.double("threshold") ?? 4
        let result: Engagement
        var skipped = 0
        var invalid: Int?
        if let path = args.string("file") {
            let names = args.strings("column")
            guard !names.isEmpty else { throw CommandError("MissingValue", "kpi engagement: --file needs --column ITEM for each item column") }
            guard args.strings("scores").isEmpty else { throw CommandError.badValue("kpi engagement: give scores or --file, not both") }
            guard low >= 0, high <= 99 else { throw CommandError.badValue("kpi engagement: a file's item scale must lie within 0–99") }
            let survey = try SurveyFile.open(path, files: ctx.files, format: try format(args))
            let cols = try names.map { try survey.column($0) }
            let request = ScanRequest(metrics: cols.map { .init(column: $0, range: low...high) }, rowMeanThreshold: threshold)
            let acc = try survey.scan(request, lenient: args.flag("lenient"))
            guard acc.meanN > 0 else { throw CommandError.badValue("kpi engagement: no respondent in \(path) answered any of the items") }
            result = try Engagement(n: acc.meanN, sum: acc.meanSum, engaged: acc.meanEngaged, threshold: threshold)
            skipped = acc.meanSkipped
            if args.flag("lenient") { invalid = acc.slotCounts(group: 0).reduce(0) { $0 + $1.invalid } }
        } else {
            let scores = args.doubles("scores")
            guard !scores.isEmpty else {
                throw CommandError("MissingArgument", "kpi engagement: no scores; give item scores (`kpi engagement 5 4 6 --items 3`) or --file PATH --column ITEM …")
            }
            do {
                result = try Engagement.compute(items: scores, perRespondent: args.int("items") ?? 1,
                                                scale: Double(low)...Double(high), threshold: threshold)
            } catch let e as MetricError { throw CommandError.badValue("kpi engagement: \(e.message)") }
        }
        var fields: [(String, JSON)] = [("n", .int(result.n)), ("mean", .num(result.mean)), ("engaged", .int(result.engaged)),
                                        ("share", .num(result.share)), ("threshold", .num(threshold)), ("skipped", .int(skipped))]
        if let invalid { fields.append(("invalid", .int(invalid))) }
        let text = "Engagement \(Format.fixed(result.mean, 2)) on \(low)–\(high) from \(Format.count(result.n, "respondent")); \(result.engaged) engaged (score ≥ \(Format.number(threshold))): \(Format.percent(result.share))."
        return CommandOutput(blocks: [.text(text)], data: .object(fields))
    }

    // MARK: Compare

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
        arguments: [ArgumentSpec("first", .text, help: "P/Pa/D counts, a group of --by, or a recorded KPI"),
                    ArgumentSpec("second", .text, help: "P/Pa/D counts, a group of --by, or a period"),
                    ArgumentSpec("third", .text, help: "with a KPI: the second period", optional: true)],
        options: [
            OptionSpec("file", .file, help: "a survey export (CSV or SPSS .sav)"),
            OptionSpec("column", .text, help: "the NPS answers' column"),
            OptionSpec("by", .text, help: "the column whose values FIRST and SECOND name"),
            formatOption,
            OptionSpec("map", .text, help: "answers given as labels: \"LABEL=N,LABEL=N,…\" (a label with a comma in double quotes)"),
            .flag("lenient", help: "count non-numeric and out-of-range answers as invalid instead of stopping"),
        ],
        examples: ["kpi compare 50/30/20 40/30/30"]
    ) { ctx in
        let args = ctx.arguments
        if let third = args.string("third") { return try comparePeriods(ctx, args.string("first")!, args.string("second")!, third) }
        let a = args.string("first")!, b = args.string("second")!
        let first: NPS, second: NPS
        do {
            if let path = args.string("file") {
                guard let columnName = args.string("column"), let byName = args.string("by") else {
                    throw CommandError("MissingValue", "kpi compare: --file needs --column NAME and --by COLUMN (FIRST and SECOND are values of it)")
                }
                let survey = try SurveyFile.open(path, files: ctx.files, format: try format(args))
                let column = try survey.column(columnName), by = try survey.column(byName)
                let labels = try args.strings("map").reduce(into: survey.valueLabels(column)) { all, text in
                    try all.merge(AnswerLabels.parseMap(text), uniquingKeysWith: { $1 })
                }
                let acc = try survey.scan(ScanRequest(metrics: [.init(column: column, range: 0...10, labels: labels)], group: by), lenient: args.flag("lenient"))
                func counts(_ name: String) throws -> NPS {
                    let groups = sortedGroups(acc)
                    guard let g = groups.first(where: { $0.0 == name }) ?? groups.first(where: { Name.same($0.0, name) }) else {
                        throw CommandError.unknown("value of '\(survey.label(by))' in \(path)", name,
                                                   among: groups.map(\.0),
                                                   hint: "values: " + groups.prefix(10).map(\.0).joined(separator: ", "))
                    }
                    return try NPS.compute(histogram: acc.slotCounts(group: g.1)[0].histogram)
                }
                first = try counts(a); second = try counts(b)
            } else {
                first = try parseCounts(a); second = try parseCounts(b)
            }
            let c = try NPSComparison(first, second)
            func j(_ r: NPS) -> JSON {
                ["n": .int(r.n), "promoters": .int(r.promoters), "passives": .int(r.passives), "detractors": .int(r.detractors),
                 "nps": .num(r.score), "moe95": .num(r.interval().moe)]
            }
            let data: JSON = ["first": j(first), "second": j(second), "difference": .num(c.difference), "z": .num(c.z),
                              "p": .num(c.p), "significant": .bool(c.significant)]
            let verdict = c.significant
                ? "The difference is significant at 95% (p = \(Format.fixed(c.p, 4)) < 0.05)."
                : "The difference is not significant at 95% (p = \(Format.fixed(c.p, 4)) ≥ 0.05): it may be sampling noise."
            let table = Table(headers: ["", "NPS", "95%", "N"], rows: [
                [a, Format.fixed(first.score, 1), "±" + Format.fixed(first.interval().moe, 1), String(first.n)],
                [b, Format.fixed(second.score, 1), "±" + Format.fixed(second.interval().moe, 1), String(second.n)],
            ], alignments: [.left, .right, .right, .right])
            return CommandOutput(blocks: [.table(table), .text("Difference \(Format.fixed(c.difference, 1)) points, z = \(Format.fixed(c.z, 2)). " + verdict)], data: data)
        } catch let e as MetricError {
            let file = ctx.arguments.string("file").map { "\($0): " } ?? ""
            throw CommandError.badValue("kpi compare: \(file)\(e.message)")
        }
    }

    /// `kpi compare KPI PERIOD PERIOD`: two recorded figures that kept their answer counts.
    static func comparePeriods(_ ctx: CommandContext, _ rawKPI: String, _ first: String, _ second: String) throws -> CommandOutput {
        let e = try ctx.enterprise()
        let kpi = try KPICatalog.canonical(rawKPI)
        guard ["nps", "enps", "csat"].contains(kpi) else {
            throw CommandError.badValue("kpi compare: \(kpi) cannot be tested between periods; nps, enps and csat can (their counts are kept by --record)")
        }
        func figure(_ text: String) throws -> KPIRecord {
            let period = Period(text)?.description ?? text
            let records = e.kpis.filter { $0.kpi == kpi }
            guard let r = records.last(where: { $0.period == period }) else {
                throw CommandError.unknown("period of \(kpi) at \(e.name)", text, among: records.map(\.period),
                                           hint: records.isEmpty ? "none recorded" : "recorded: " + records.map(\.period).joined(separator: ", "))
            }
            guard let c = r.counts, c.count == (kpi == "csat" ? 2 : 3) else {
                throw CommandError.badValue("kpi compare: \(kpi) for \(period) was recorded without its answer counts; record it with `kpi \(kpi) … --record \(period)` to test it")
            }
            return r
        }
        let a = try figure(first), b = try figure(second)
        let z: Double, p: Double, difference: Double
        var rows: [[String]] = []
        if kpi == "csat" {
            let (s1, n1, s2, n2) = (Double(a.counts![0]), Double(a.counts![1]), Double(b.counts![0]), Double(b.counts![1]))
            let pooled = (s1 + s2) / (n1 + n2)
            let se = (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
            guard se > 0 else { throw CommandError.badValue("kpi compare: both periods answered all satisfied or all not (zero variance), so there is no spread to test against") }
            difference = 100 * (s1 / n1 - s2 / n2)
            z = (s1 / n1 - s2 / n2) / se
            p = erfc(abs(z) / 2.0.squareRoot())
            for (r, s, n) in [(a, s1, n1), (b, s2, n2)] { rows.append([r.period, Format.percent(100 * s / n), String(Int(n))]) }
        } else {
            func nps(_ r: KPIRecord) throws -> NPS { try NPS(promoters: r.counts![0], passives: r.counts![1], detractors: r.counts![2]) }
            let c = try NPSComparison(try nps(a), try nps(b))
            (z, p, difference) = (c.z, c.p, c.difference)
            for (r, x) in [(a, c.first), (b, c.second)] { rows.append([r.period, Format.fixed(x.score, 1), String(x.n)]) }
        }
        let significant = p < 0.05
        let verdict = significant
            ? "The change is significant at 95% (p = \(Format.fixed(p, 4)) < 0.05)."
            : "The change is not significant at 95% (p = \(Format.fixed(p, 4)) ≥ 0.05): it may be sampling noise."
        let table = Table(headers: ["period", kpi, "N"], rows: rows, alignments: [.left, .right, .right])
        let data: JSON = ["kpi": .string(kpi), "first": ["period": .string(a.period), "value": .num(a.value), "n": .int(a.n ?? 0)],
                          "second": ["period": .string(b.period), "value": .num(b.value), "n": .int(b.n ?? 0)],
                          "difference": .num(difference), "z": .num(z), "p": .num(p), "significant": .bool(significant)]
        return CommandOutput(blocks: [.table(table), .text("Difference \(Format.fixed(difference, 1)) points, z = \(Format.fixed(z, 2)). " + verdict)], data: data)
    }

    static func parseCounts(_ text: String) throws -> NPS {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters()) }
        let counts = 0...1_000_000_000
        guard parts.count == 3, let p = parts[0], let pa = parts[1], let d = parts[2], counts.contains(p), counts.contains(pa), counts.contains(d) else {
            throw CommandError.badValue("kpi compare: '\(text)' is not PROMOTERS/PASSIVES/DETRACTORS (three whole numbers from 0 to 1000000000, e.g. 50/30/20); with --file, FIRST and SECOND are values of the --by column")
        }
        return try NPS(promoters: p, passives: pa, detractors: d)
    }

    // MARK: Several metrics in one pass

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
            OptionSpec("ces-scale", .choice(["5", "7"]), help: "points on the CES scale (default 7: CES 2.0; 5: CES 1.0, lower is easier)"),
        ] + cesDirection + [
            OptionSpec("by", .text, help: "one result per value of this column (sorted), plus the total"),
            formatOption,
            OptionSpec("map", .text, help: "labels of one metric's answers: METRIC:LABEL=N,… (METRIC nps, csat or ces; repeat per metric)", repeating: true),
            .flag("lenient", help: "count non-numeric and out-of-range answers as invalid instead of stopping (and list them by value)"),
            ciOption("recommended"),
        ],
        examples: ["kpi survey notebooks/data/pangdonglai-pulse.csv --nps Q1 --csat Q2 --ces Q3",
                   "kpi survey notebooks/data/pangdonglai-pulse.csv --nps Q1 --by Store"]
    ) { ctx in
        let args = ctx.arguments
        let path = args.string("path")!
        var metrics: [(SurveyMetric, String)] = []
        if let c = args.string("nps") { metrics.append((.nps, c)) }
        if let c = args.string("csat") { metrics.append((.csat(scale: Int(args.string("csat-scale") ?? "5") ?? 5), c)) }
        if let c = args.string("ces") { metrics.append((try SurveyMetric.ces(scale: Int(args.string("ces-scale") ?? "7") ?? 7, args, command: "kpi survey"), c)) }
        guard !metrics.isEmpty else {
            throw CommandError("MissingValue", "kpi survey: name at least one column: --nps COLUMN, --csat COLUMN, --ces COLUMN")
        }
        let lenient = args.flag("lenient"), wald = args.string("ci") == "wald"
        let file = try SurveyFile.open(path, files: ctx.files, format: try format(args))
        let columns = try metrics.map { try file.column($0.1) }
        let by = try args.string("by").map { try file.column($0) }
        let maps = try surveyMaps(args.strings("map"), metrics: metrics.map(\.0))
        let request = ScanRequest(metrics: zip(metrics, columns).enumerated().map { k, mc in
            .init(column: mc.1, range: mc.0.0.range, labels: file.valueLabels(mc.1).merging(maps[k], uniquingKeysWith: { $1 }),
                  mapHint: "--map \(mc.0.0.key):")
        }, group: by)
        let acc = try file.scan(request, lenient: lenient)
        var data: [(String, JSON)] = []
        var rows: [[String]] = []
        let groups = sortedGroups(acc)
        var machineRows: [[String]] = []
        for (k, (metric, _)) in metrics.enumerated() {
            let empty = SlotCounts(histogram: [Int](repeating: 0, count: metric.range.upperBound + 1), skipped: 0, invalid: 0)
            let total = groups.map { acc.slotCounts(group: $0.1)[k] }.reduce(empty, +)
            guard total.n > 0 else {
                let invalid = lenient && total.invalid > 0 ? ", \(total.invalid) invalid: \(AnswerLabels.listing(total.invalidValues))" : ""
                throw CommandError.badValue("kpi survey: \(file.path), column '\(file.label(columns[k]))' has no answers "
                                            + "from \(metric.range.lowerBound) to \(metric.range.upperBound) (\(total.skipped) blank\(invalid))")
            }
            let totalJSON = try metric.result(total, lenient: lenient, wald: wald).json
            if by != nil {
                var list: [JSON] = []
                for (key, g) in groups {
                    let c = acc.slotCounts(group: g)[k]
                    let json = c.n > 0 ? try metric.result(c, lenient: lenient, wald: wald).json : emptyResult(metric, c, lenient: lenient)
                    list.append(.object([("group", .string(key))] + (json.objectValue ?? [])))
                    rows.append([metric.title, key.isEmpty ? "(blank)" : key] + metric.cells(json) + [String(c.skipped)])
                    machineRows.append([metric.title, key] + metric.machineCells(json) + [String(c.skipped)])
                }
                data.append((metric.key, ["by": .string(file.label(by!)), "groups": .array(list), "total": totalJSON]))
                rows.append([metric.title, "total"] + metric.cells(totalJSON) + [String(total.skipped)])
                machineRows.append([metric.title, "total"] + metric.machineCells(totalJSON) + [String(total.skipped)])
            } else {
                data.append((metric.key, totalJSON))
                rows.append([metric.title, file.label(columns[k])] + metric.cells(totalJSON) + [String(total.skipped)])
                machineRows.append([metric.title, file.label(columns[k])] + metric.machineCells(totalJSON) + [String(total.skipped)])
            }
        }
        data.append(("format", .string(file.format.rawValue)))
        data.append(("rows", .int(acc.rows - acc.blankLines)))
        let label = by.map { file.label($0) } ?? "column"
        let table = Table(headers: ["metric", label, "value", "95%", "N", "detail", "skipped"],
                          rows: rows, alignments: [.left, .left, .right, .right, .right, .right, .right],
                          delimited: .init(headers: ["metric", label] + SurveyMetric.machineHeaders + ["skipped"], rows: machineRows))
        let text = "\(path): \(file.format.title)\(file.detected ? "" : " (as given)"), \(Format.count(acc.rows - acc.blankLines, "response"))."
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
                    throw CommandError.badValue("kpi survey: --map '\(text)' does not say which metric it maps; write --map \(metrics.map { "\($0.key):…" }.joined(separator: " or --map "))")
                }
                target = 0
            }
            maps[target!].merge(try AnswerLabels.parseMap(body, option: "--map"), uniquingKeysWith: { $1 })
        }
        return maps
    }

    // MARK: Columns

    static let columns = CommandSpec(
        "kpi columns", abstract: "the format of a survey export, its columns, how many answered each and with what",
        discussion: """
            Shows the detected format (or --format), each column's number, name, question text or id, \
            its non-blank answers, and what they are: numbers (with their range), labels (the \
            distinct ones with their counts, most frequent first; "10 - Extremely likely" reads as \
            10, other labels need a map: `kpi survey … --map`), or free text (more than \(ColumnKind.maxLabels) distinct \
            texts). --json: format, responses, columns (number, name, question, id, answers, kind, \
            low/high for numbers, labels as {label: count}).
            """,
        arguments: [ArgumentSpec("path", .file, help: "the survey export (CSV or SPSS .sav)")],
        options: [formatOption],
        examples: ["kpi columns notebooks/data/pangdonglai-pulse.csv"]
    ) { ctx in
        let path = ctx.arguments.string("path")!
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
        let table = Table(headers: ["#", "column", "question / id", "answers", "kind"], rows: rows, alignments: [.right, .left, .left, .right, .left])
        let text = "\(path): \(file.format.title)\(file.detected ? " (detected)" : " (as given)"), \(file.format.headerRows) header row\(file.format.headerRows == 1 ? "" : "s"), \(Format.count(responses, "response")), \(Format.count(file.columns.count, "column"))."
        return CommandOutput(blocks: [.text(text), .table(table)],
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
            parts.append("labels (\(k.labels.count)): " + shown.joined(separator: ", ") + (k.labels.count > 4 ? ", …" : ""))
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


import ValueCore
import Workbench

/// One group's answers to a survey metric, computed: its JSON (fixed field names), its cells in a
/// results table and its sentence all come from these figures, so none is read back from another.
struct SurveyResult {
    /// What the metric computed from the answers.
    enum Figures {
        case nps(NPS, Interval)
        case csat(CSAT, Interval)
        /// The mean answer, and the share (percent) of answers the variant counts as easy.
        case ces(MeanScore, easyShare: Double)
        /// A group with no answers.
        case none
    }

    var metric: SurveyMetric
    var figures: Figures
    /// The group's counts: blank and invalid answers.
    var counts: SlotCounts
    /// Whether invalid answers are counted and listed (`--lenient`).
    var lenient: Bool

    /// The metric computed from `counts`; `wald` asks for the classic interval.
    /// - Throws: `MetricError` when the counts hold no answer.
    init(_ metric: SurveyMetric, _ counts: SlotCounts, lenient: Bool, wald: Bool = false) throws {
        self.metric = metric; self.counts = counts; self.lenient = lenient
        switch metric {
        case .nps, .enps:
            let r = try NPS.compute(histogram: counts.histogram)
            figures = .nps(r, r.interval(wald ? .wald : .adjustedWald))
        case let .csat(scale):
            let r = try CSAT.compute(histogram: counts.histogram, scale: scale)
            figures = .csat(r, r.interval(wald ? .wald : .wilson))
        case let .ces(scale, lower):
            let r = try MeanScore(histogram: counts.histogram, what: "CES", range: 1...scale)
            let easy = SurveyMetric.easyAnswers(scale: scale, lowerIsEasier: lower)
            let easyCount = easy.reduce(0) { $0 + ($1 < counts.histogram.count ? counts.histogram[$1] : 0) }
            figures = .ces(r, easyShare: 100 * Double(easyCount) / Double(r.n))
        }
    }

    private init(empty metric: SurveyMetric, _ counts: SlotCounts, lenient: Bool) {
        self.metric = metric; figures = .none; self.counts = counts; self.lenient = lenient
    }

    /// The result of one group of a `--by` column: computed when it has answers, else empty.
    static func group(_ metric: SurveyMetric, _ counts: SlotCounts, lenient: Bool, wald: Bool) throws -> SurveyResult {
        if counts.n > 0 { return try SurveyResult(metric, counts, lenient: lenient, wald: wald) }
        return SurveyResult(empty: metric, counts, lenient: lenient)
    }

    /// How many answers the figures rest on.
    var n: Int {
        switch figures {
        case let .nps(r, _): return r.n
        case let .csat(r, _): return r.n
        case let .ces(r, _): return r.n
        case .none: return 0
        }
    }

    /// The figure recorded as a KPI: the score, the percentage satisfied or the mean answer.
    var value: Double? {
        switch figures {
        case let .nps(r, _): return r.score
        case let .csat(r, _): return r.score
        case let .ces(r, _): return r.mean
        case .none: return nil
        }
    }

    /// The answer counts a recorded figure keeps for `kpi compare KPI PERIOD PERIOD`: NPS
    /// promoters, passives, detractors; CSAT satisfied, answers.
    var recordedCounts: [Int]? {
        switch figures {
        case let .nps(r, _): return [r.promoters, r.passives, r.detractors]
        case let .csat(r, _): return [r.satisfied, r.n]
        case .ces, .none: return nil
        }
    }

    /// The JSON object of `fields`.
    var json: JSON { .object(fields) }

    /// The JSON fields, in a fixed order: the metric's figures, then `skipped`, then with
    /// `--lenient` `invalid` and `invalid_values` (each invalid answer's text and count, most
    /// frequent first).
    var fields: [(String, JSON)] {
        var fields: [(String, JSON)]
        switch figures {
        case let .nps(r, ci):
            fields = [
                ("n", .int(r.n)), ("promoters", .int(r.promoters)), ("passives", .int(r.passives)),
                ("detractors", .int(r.detractors)), (metric.key, .num(r.score)), ("moe95", .num(ci.moe)),
                ("ci95", [.num(ci.low), .num(ci.high)]), ("ci_method", .string(ci.method.rawValue)),
            ]
        case let .csat(r, ci):
            fields = [
                ("n", .int(r.n)), ("satisfied", .int(r.satisfied)), ("csat", .num(r.score)),
                ("moe95", .num(ci.moe)), ("ci95", [.num(ci.low), .num(ci.high)]),
                ("ci_method", .string(ci.method.rawValue)), ("scale", .int(r.scale)),
            ]
        case let .ces(r, easy):
            guard case let .ces(scale, lower) = metric else { preconditionFailure("CES figures of \(metric.key)") }
            fields = [
                ("n", .int(r.n)), ("mean", .num(r.mean)), ("sd", .num(r.sd)), ("moe95", .num(r.moe95)),
                ("scale", .int(scale)), ("lower_is_easier", .bool(lower)), ("easy", .num(easy)),
            ]
        case .none:
            fields = [("n", 0), (metric.valueKey, .null)]
        }
        fields.append(("skipped", .int(counts.skipped)))
        if lenient {
            let values = AnswerLabels.sortedByCount(counts.invalidValues).map { ($0.0, JSON.int($0.1)) }
            fields += [("invalid", .int(counts.invalid)), ("invalid_values", .object(values))]
        }
        return fields
    }

    /// Cells for a results table: value, ±95%, N, detail (`SurveyMetric.detailHeader`).
    var cells: [String] {
        switch figures {
        case let .nps(r, ci):
            return [
                Format.fixed(r.score, 1), "±" + Format.fixed(ci.moe, 1), String(r.n),
                "\(r.promoters) / \(r.passives) / \(r.detractors)",
            ]
        case let .csat(r, ci):
            return [Format.percent(r.score), "±" + Format.fixed(ci.moe, 1), String(r.n), "\(r.satisfied) satisfied"]
        case let .ces(r, _):
            return [
                Format.fixed(r.mean, 2), "±" + Format.fixed(r.moe95, 2), String(r.n),
                "sd " + Format.fixed(r.sd, 2),
            ]
        case .none:
            return ["—", "", "0", ""]
        }
    }

    /// The figures of `cells` for CSV and TSV, at full precision, in the columns of
    /// `SurveyMetric.machineHeaders`; a figure the metric has not is empty.
    var machineCells: [String] {
        func text(_ v: Double) -> String { JSON.num(v).compact() }
        func text(_ v: Int) -> String { JSON.int(v).compact() }
        switch figures {
        case let .nps(r, ci):
            return [
                text(r.score), text(ci.moe), text(r.n), text(r.promoters), text(r.passives), text(r.detractors),
                "", "",
            ]
        case let .csat(r, ci):
            return [text(r.score), text(ci.moe), text(r.n), "", "", "", text(r.satisfied), ""]
        case let .ces(r, _):
            return [text(r.mean), text(r.moe95), text(r.n), "", "", "", "", text(r.sd)]
        case .none:
            return ["", "", text(0), "", "", "", "", ""]
        }
    }

    /// One sentence about the result: the figure, its interval, what it rests on, what was
    /// skipped or invalid, and a warning under 30 answers.
    var sentence: String {
        let n = self.n
        var tail = ""
        if counts.skipped > 0 { tail += "; \(counts.skipped) blank skipped" }
        if lenient, counts.invalid > 0 {
            tail += "; \(counts.invalid) invalid"
            if !counts.invalidValues.isEmpty { tail += ": " + AnswerLabels.listing(counts.invalidValues) }
        }
        let small = n < 30 ? " A small sample (under 30 answers): read the interval, not the figure." : ""
        switch figures {
        case let .nps(r, ci):
            func share(_ k: Int) -> String { Format.percent(100.0 * Double(k) / Double(max(1, n))) }
            let interval =
                "(±\(Format.fixed(ci.moe, 1)); 95% \(ci.method.title) CI \(Format.fixed(ci.low, 1)) to "
                + "\(Format.fixed(ci.high, 1)))"
            let classes =
                "\(Format.count(r.promoters, "promoter")) (\(share(r.promoters))), "
                + "\(Format.count(r.passives, "passive")) (\(share(r.passives))), "
                + "\(Format.count(r.detractors, "detractor")) (\(share(r.detractors)))"
            return "\(metric.title) \(Format.fixed(r.score, 1)) \(interval) from \(Format.count(n, "answer")): "
                + "\(classes)\(tail).\(small)"
        case let .csat(r, ci):
            let top = r.scale == 5 ? "4–5" : r.scale == 7 ? "6–7" : "9–10"
            return "CSAT \(Format.percent(r.score)) (95% \(ci.method.title) CI \(Format.percent(ci.low)) to "
                + "\(Format.percent(ci.high))): \(r.satisfied) of \(n) answered \(top) on the 1–\(r.scale) scale"
                + "\(tail).\(small)"
        case let .ces(r, easyShare):
            guard case let .ces(scale, lower) = metric else { preconditionFailure("CES figures of \(metric.key)") }
            let easy = SurveyMetric.easyAnswers(scale: scale, lowerIsEasier: lower)
            return "CES \(Format.fixed(r.mean, 2)) on 1–\(scale) (\(lower ? "lower" : "higher") = easier; "
                + "\(Format.percent(easyShare)) easy, answering \(easy.lowerBound)–\(easy.upperBound); "
                + "sd \(Format.fixed(r.sd, 2)), ±\(Format.fixed(r.moe95, 2))) from \(Format.count(n, "answer"))"
                + "\(tail).\(small)"
        case .none:
            return "\(metric.title): no answers\(tail)."
        }
    }
}

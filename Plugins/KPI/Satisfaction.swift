#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif
import Workbench

/// Customer satisfaction: the share of answers in the top two boxes (4–5 on a 5-point scale,
/// 6–7 on 7 points, 9–10 on 10 points).
public struct CSAT: Equatable, Sendable {
    public var n: Int
    public var satisfied: Int
    public var scale: Int
    public init(n: Int, satisfied: Int, scale: Int = 5) throws {
        guard n > 0 else { throw MetricError("no answers: CSAT needs at least one answer from 1 to \(scale)") }
        guard satisfied >= 0, satisfied <= n else {
            throw MetricError("satisfied (\(satisfied)) must be from 0 to n (\(n))")
        }
        self.n = n; self.satisfied = satisfied; self.scale = scale
    }
    public static let scales = [5, 7, 10]
    public static func compute(_ answers: [Int], scale: Int = 5) throws -> CSAT {
        var h = [Int](repeating: 0, count: scale + 1)
        for a in answers {
            guard (1...scale).contains(a) else { throw MetricError("answer \(a) is outside the CSAT scale 1–\(scale)") }
            h[a] += 1
        }
        return try compute(histogram: h, scale: scale)
    }
    public static func compute(histogram h: [Int], scale: Int = 5) throws -> CSAT {
        let n = h.reduce(0, +)
        let top = (scale - 1 < h.count ? h[scale - 1] : 0) + (scale < h.count ? h[scale] : 0)
        return try CSAT(n: n, satisfied: top, scale: scale)
    }
    /// Percent satisfied, full precision.
    public var score: Double { 100.0 * Double(satisfied) / Double(n) }
    /// The 95% confidence interval, in percent: Wilson's score interval (the default),
    /// centre (p + z²/2N)/(1 + z²/N), MoE z·√(p(1 − p)/N + z²/4N²)/(1 + z²/N); or Wald,
    /// p ± z·√(p(1 − p)/N). Both clamped to [0, 100].
    public func interval(_ method: IntervalMethod = .wilson) -> Interval {
        let p = Double(satisfied) / Double(n), m = Double(n), z2 = z95 * z95
        if method == .wald {
            return Interval(
                centre: 100 * p, moe: z95 * (p * (1 - p) / m).squareRoot() * 100, scale: 0...100, method: .wald)
        }
        let denominator = 1 + z2 / m
        return Interval(
            centre: 100 * (p + z2 / (2 * m)) / denominator,
            moe: 100 * z95 * (p * (1 - p) / m + z2 / (4 * m * m)).squareRoot() / denominator,
            scale: 0...100, method: .wilson)
    }
}

/// Are two CSAT figures different? The pooled two-proportion z-test: with p₁ = s₁/n₁, p₂ = s₂/n₂
/// and the pooled p = (s₁ + s₂)/(n₁ + n₂), z = (p₁ − p₂)/√(p(1 − p)(1/n₁ + 1/n₂)); the two-sided
/// p-value comes from the normal distribution. z² is the X-squared of R's
/// `prop.test(c(s1, s2), c(n1, n2), correct = FALSE)`. The same shape as `NPSComparison`.
public struct CSATComparison: Equatable, Sendable {
    public var first: CSAT
    public var second: CSAT
    /// p₁ − p₂, in percentage points.
    public var difference: Double
    public var z: Double
    public var p: Double
    public var significant: Bool { p < 0.05 }

    /// - Throws: `MetricError` when both figures are all satisfied or all not (no spread to test).
    public init(_ first: CSAT, _ second: CSAT) throws {
        self.first = first; self.second = second
        let (s1, n1) = (Double(first.satisfied), Double(first.n)),
            (s2, n2) = (Double(second.satisfied), Double(second.n))
        let pooled = (s1 + s2) / (n1 + n2)
        let se = (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
        guard se > 0 else {
            throw MetricError(
                "cannot compare: both answered all satisfied or all not (zero variance), "
                    + "so there is no spread to test against")
        }
        difference = 100 * (s1 / n1 - s2 / n2)
        z = (s1 / n1 - s2 / n2) / se
        p = erfc(abs(z) / 2.0.squareRoot())
    }
}

/// Customer Effort Score (CES 2.0): the mean agreement, 1–7, with "the company made it easy
/// for me to handle my issue" — higher means less effort (better).
public struct MeanScore: Equatable, Sendable {
    public var n: Int
    public var sum: Int
    public var sumOfSquares: Int
    public init(histogram h: [Int], what: String, range: ClosedRange<Int>) throws {
        var n = 0, s = 0, q = 0
        for (v, c) in h.enumerated() where c > 0 { n += c; s += v * c; q += v * v * c }
        guard n > 0 else {
            throw MetricError(
                "no answers: \(what) needs at least one answer from \(range.lowerBound) to \(range.upperBound)")
        }
        self.n = n; sum = s; sumOfSquares = q
    }
    public static func ces(_ answers: [Int], scale: Int = 7) throws -> MeanScore {
        var h = [Int](repeating: 0, count: scale + 1)
        for a in answers {
            guard (1...scale).contains(a) else { throw MetricError("answer \(a) is outside the CES scale 1–\(scale)") }
            h[a] += 1
        }
        return try MeanScore(histogram: h, what: "CES", range: 1...scale)
    }
    public var mean: Double { Double(sum) / Double(n) }
    /// Sample standard deviation (0 for a single answer).
    public var sd: Double {
        guard n > 1 else { return 0 }
        let m = mean
        return max(0, (Double(sumOfSquares) - Double(n) * m * m) / Double(n - 1)).squareRoot()
    }
    public var moe95: Double { n > 1 ? 1.96 * sd / Double(n).squareRoot() : 0 }
}

/// Work engagement (e.g. UWES, items scored 0–6): each respondent's score is the mean of their
/// items; the result is the mean over respondents and the share whose score reaches the threshold.
public struct Engagement: Equatable, Sendable {
    public var n: Int
    /// Sum of the respondents' scores.
    public var sum: Double
    public var engaged: Int
    public var threshold: Double
    public init(n: Int, sum: Double, engaged: Int, threshold: Double) throws {
        guard n > 0 else { throw MetricError("no answers: engagement needs at least one respondent's item scores") }
        self.n = n; self.sum = sum; self.engaged = engaged; self.threshold = threshold
    }
    public init(respondentScores scores: [Double], threshold: Double) throws {
        try self.init(
            n: scores.count, sum: scores.reduce(0, +), engaged: scores.filter { $0 >= threshold }.count,
            threshold: threshold)
    }
    /// Groups item answers into respondents of `items` answers each.
    public static func compute(
        items answers: [Double], perRespondent items: Int, scale: ClosedRange<Double>,
        threshold: Double
    ) throws -> Engagement {
        guard items >= 1 else { throw MetricError("--items must be at least 1") }
        guard !answers.isEmpty else {
            throw MetricError("no answers: engagement needs at least one respondent's item scores")
        }
        guard answers.count % items == 0 else {
            throw MetricError(
                "\(Format.count(answers.count, "score")) \(answers.count == 1 ? "does" : "do") not divide into "
                    + "respondents of \(items) items each"
            )
        }
        for a in answers where !scale.contains(a) {
            throw MetricError(
                "item score \(Format.number(a)) is outside the scale "
                    + "\(Format.number(scale.lowerBound))–\(Format.number(scale.upperBound))"
            )
        }
        var scores: [Double] = []
        var i = 0
        while i < answers.count {
            scores.append(answers[i..<(i + items)].reduce(0, +) / Double(items))
            i += items
        }
        return try Engagement(respondentScores: scores, threshold: threshold)
    }
    public var mean: Double { sum / Double(n) }
    public var share: Double { 100.0 * Double(engaged) / Double(n) }
}

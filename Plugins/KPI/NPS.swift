#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif
import Workbench

/// Net Promoter Score from answers 0–10: promoters answer 9–10, passives 7–8, detractors 0–6;
/// NPS = 100·(P − D)/N. Its 95% interval is Rocks' adjusted Wald by default: n' = N + 3,
/// p' = (P + ¾)/n', d' = (D + ¾)/n', var = p' + d' − (p' − d')², centre 100·(p' − d'),
/// MoE = 1.96·√(var/n')·100; the Wald interval uses N, P/N and D/N unadjusted. Both are clamped
/// to [−100, 100].
public struct NPS: Equatable, Sendable {
    public var promoters: Int
    public var passives: Int
    public var detractors: Int
    public var n: Int { promoters + passives + detractors }

    /// - Throws: when there are no answers or a count is negative.
    public init(promoters: Int, passives: Int, detractors: Int) throws {
        guard promoters >= 0, passives >= 0, detractors >= 0 else {
            throw MetricError(
                "counts cannot be negative (promoters \(promoters), passives \(passives), detractors \(detractors))")
        }
        // Counts up to a billion each, as --promoters takes: their sum (and the squares in the
        // variance) then stay far from Int overflow, which trapped on 9223372036854775807.
        guard promoters <= 1_000_000_000, passives <= 1_000_000_000, detractors <= 1_000_000_000 else {
            throw MetricError(
                """
                counts must be at most 1000000000 each (promoters \(promoters), passives \(passives), \
                detractors \(detractors))
                """
            )
        }
        guard promoters + passives + detractors > 0 else {
            throw MetricError("no answers: NPS needs at least one answer from 0 to 10")
        }
        self.promoters = promoters; self.passives = passives; self.detractors = detractors
    }

    /// The classes of the answers (each 0–10).
    public static func compute(_ answers: [Int]) throws -> NPS {
        var counts = [Int](repeating: 0, count: 11)
        for a in answers {
            guard (0...10).contains(a) else { throw MetricError("answer \(a) is outside the NPS scale 0–10") }
            counts[a] += 1
        }
        return try compute(histogram: counts)
    }

    /// From a histogram: `histogram[v]` answers of value v (0…10).
    public static func compute(histogram h: [Int]) throws -> NPS {
        func c(_ v: Int) -> Int { v < h.count ? h[v] : 0 }
        return try NPS(promoters: c(9) + c(10), passives: c(7) + c(8), detractors: (0...6).reduce(0) { $0 + c($1) })
    }

    /// 100·(P − D)/N, full precision.
    public var score: Double { 100.0 * Double(promoters - detractors) / Double(n) }
    /// The variance of one answer scored +1/0/−1.
    public var variance: Double {
        let p = Double(promoters) / Double(n), d = Double(detractors) / Double(n)
        return p + d - (p - d) * (p - d)
    }
    /// The 95% confidence interval, in NPS points: adjusted Wald (the default) or Wald.
    public func interval(_ method: IntervalMethod = .adjustedWald) -> Interval {
        let extra = method == .wald ? 0 : 0.75
        let m = Double(n) + 4 * extra
        let p = (Double(promoters) + extra) / m, d = (Double(detractors) + extra) / m
        let variance = p + d - (p - d) * (p - d)
        return Interval(
            centre: 100 * (p - d), moe: z95 * (variance / m).squareRoot() * 100,
            scale: -100...100, method: method == .wald ? .wald : .adjustedWald)
    }
}

/// Are two NPS figures different? z = (NPS₁ − NPS₂)/√(var₁/N₁ + var₂/N₂) (NPS and variances on
/// the −1…+1 scale), two-sided p-value from the normal distribution.
public struct NPSComparison: Equatable, Sendable {
    public var first: NPS
    public var second: NPS
    public var difference: Double { first.score - second.score }
    public var z: Double
    public var p: Double
    public var significant: Bool { p < 0.05 }

    public init(_ first: NPS, _ second: NPS) throws {
        self.first = first; self.second = second
        let se = (first.variance / Double(first.n) + second.variance / Double(second.n)).squareRoot()
        guard se > 0 else {
            throw MetricError(
                """
                cannot compare: both groups give every answer the same class (zero variance), so there is \
                no spread to test against
                """
            )
        }
        z = (first.score - second.score) / 100 / se
        p = erfc(abs(z) / 2.0.squareRoot())
    }
}

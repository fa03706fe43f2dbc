#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Workbench

/// Why a metric cannot be computed: empty input, a zero denominator, a value off the scale.
/// The message names the value and what is accepted.
public struct MetricError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
    var commandError: CommandError { CommandError("BadValue", message) }
}

// MARK: - Net Promoter Score

/// How a 95% confidence interval is computed. The default for each figure is the method the
/// measurement literature recommends at small samples, where the classic Wald interval collapses
/// to zero width (one promoter: 100 ± 0): for NPS the adjusted Wald interval of Rocks (2016,
/// *The American Statistician*), for a share (CSAT) the Wilson score interval. `wald` is the
/// classic interval, kept for comparison with older reports (`--ci wald`).
public enum IntervalMethod: String, Sendable, CaseIterable {
    case adjustedWald = "adjusted-wald", wilson, wald
    /// As a sentence names it.
    public var title: String {
        switch self {
        case .adjustedWald: return "adjusted-Wald"
        case .wilson: return "Wilson"
        case .wald: return "Wald"
        }
    }
}

/// A 95% confidence interval: centre ± margin, clamped to the figure's scale. The centre is the
/// estimate the method adjusts (Rocks' and Wilson's are pulled towards the middle), so the
/// interval need not be symmetric about the reported figure.
public struct Interval: Equatable, Sendable {
    public var centre: Double
    /// The margin of error: half the unclamped width.
    public var moe: Double
    public var scale: ClosedRange<Double>
    public var method: IntervalMethod
    public var low: Double { max(scale.lowerBound, centre - moe) }
    public var high: Double { min(scale.upperBound, centre + moe) }
}

/// z for a two-sided 95% interval, as the published formulas round it.
let z95 = 1.96

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
            throw MetricError("counts cannot be negative (promoters \(promoters), passives \(passives), detractors \(detractors))")
        }
        // Counts up to a billion each, as --promoters takes: their sum (and the squares in the
        // variance) then stay far from Int overflow, which trapped on 9223372036854775807.
        guard promoters <= 1_000_000_000, passives <= 1_000_000_000, detractors <= 1_000_000_000 else {
            throw MetricError("counts must be at most 1000000000 each (promoters \(promoters), passives \(passives), detractors \(detractors))")
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
        return Interval(centre: 100 * (p - d), moe: z95 * (variance / m).squareRoot() * 100,
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
            throw MetricError("cannot compare: both groups give every answer the same class (zero variance), so there is no spread to test against")
        }
        z = (first.score - second.score) / 100 / se
        p = erfc(abs(z) / 2.0.squareRoot())
    }
}

// MARK: - Satisfaction and effort

/// Customer satisfaction: the share of answers in the top two boxes (4–5 on a 5-point scale,
/// 6–7 on 7 points, 9–10 on 10 points).
public struct CSAT: Equatable, Sendable {
    public var n: Int
    public var satisfied: Int
    public var scale: Int
    public init(n: Int, satisfied: Int, scale: Int = 5) throws {
        guard n > 0 else { throw MetricError("no answers: CSAT needs at least one answer from 1 to \(scale)") }
        guard satisfied >= 0, satisfied <= n else { throw MetricError("satisfied (\(satisfied)) must be from 0 to n (\(n))") }
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
            return Interval(centre: 100 * p, moe: z95 * (p * (1 - p) / m).squareRoot() * 100, scale: 0...100, method: .wald)
        }
        let denominator = 1 + z2 / m
        return Interval(centre: 100 * (p + z2 / (2 * m)) / denominator,
                        moe: 100 * z95 * (p * (1 - p) / m + z2 / (4 * m * m)).squareRoot() / denominator,
                        scale: 0...100, method: .wilson)
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
        guard n > 0 else { throw MetricError("no answers: \(what) needs at least one answer from \(range.lowerBound) to \(range.upperBound)") }
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
        try self.init(n: scores.count, sum: scores.reduce(0, +), engaged: scores.filter { $0 >= threshold }.count, threshold: threshold)
    }
    /// Groups item answers into respondents of `items` answers each.
    public static func compute(items answers: [Double], perRespondent items: Int, scale: ClosedRange<Double>,
                               threshold: Double) throws -> Engagement {
        guard items >= 1 else { throw MetricError("--items must be at least 1") }
        guard !answers.isEmpty else { throw MetricError("no answers: engagement needs at least one respondent's item scores") }
        guard answers.count % items == 0 else {
            throw MetricError("\(Format.count(answers.count, "score")) \(answers.count == 1 ? "does" : "do") not divide into respondents of \(items) items each")
        }
        for a in answers where !scale.contains(a) {
            throw MetricError("item score \(Format.number(a)) is outside the scale \(Format.number(scale.lowerBound))–\(Format.number(scale.upperBound))")
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

// MARK: - Unit economics

public enum UnitEconomics {
    /// Customer retention over a period: (end − new)/start; churn = 1 − retention.
    public static func retention(start: Double, end: Double, new: Double) throws -> (retention: Double, churn: Double) {
        guard start > 0 else { throw MetricError("customers at the start must be more than 0 (got \(Format.number(start)))") }
        guard end >= 0, new >= 0 else { throw MetricError("customer counts cannot be negative") }
        let kept = end - new
        guard kept >= 0 else {
            throw MetricError("new customers (\(Format.number(new))) exceed customers at the end (\(Format.number(end))): kept customers would be negative")
        }
        guard kept <= start else {
            throw MetricError("kept customers (end − new = \(Format.number(kept))) exceed customers at the start (\(Format.number(start)))")
        }
        let r = 100 * kept / start
        return (r, 100 - r)
    }

    /// Repurchase rate: customers who bought again / customers, in percent.
    public static func repurchase(repeat returning: Double, customers: Double) throws -> Double {
        guard customers > 0 else { throw MetricError("customers must be more than 0 (got \(Format.number(customers)))") }
        guard returning >= 0, returning <= customers else {
            throw MetricError("repeat customers (\(Format.number(returning))) must be from 0 to customers (\(Format.number(customers)))")
        }
        return 100 * returning / customers
    }

    /// Customer acquisition cost: sales and marketing spend / new customers.
    public static func cac(spend: Double, newCustomers: Double) throws -> Double {
        guard newCustomers > 0 else { throw MetricError("new customers must be more than 0 (got \(Format.number(newCustomers))): CAC divides by them") }
        guard spend >= 0 else { throw MetricError("spend cannot be negative (got \(Format.number(spend)))") }
        return spend / newCustomers
    }

    /// Lifetime value: ARPA × gross margin / churn, all per the same period (margin and churn in %).
    public static func ltv(arpa: Double, marginPercent: Double, churnPercent: Double) throws -> Double {
        guard churnPercent > 0, churnPercent <= 100 else {
            throw MetricError("churn must be more than 0% and at most 100% per period (got \(Format.number(churnPercent))%): LTV divides by it")
        }
        guard (0...100).contains(marginPercent) else { throw MetricError("gross margin must be from 0 to 100% (got \(Format.number(marginPercent))%)") }
        guard arpa >= 0 else { throw MetricError("ARPA cannot be negative (got \(Format.number(arpa)))") }
        return arpa * (marginPercent / 100) / (churnPercent / 100)
    }

    /// Months (periods) of gross profit to earn back the acquisition cost: CAC / (ARPA × margin).
    public static func payback(cac: Double, arpa: Double, marginPercent: Double) throws -> Double {
        let profit = arpa * marginPercent / 100
        guard profit > 0 else { throw MetricError("ARPA × gross margin must be more than 0 to earn back the CAC") }
        return cac / profit
    }

    /// Gross margin in percent: (revenue − cost of sales)/revenue.
    public static func margin(revenue: Double, cost: Double) throws -> Double {
        guard revenue > 0 else { throw MetricError("revenue must be more than 0 (got \(Format.number(revenue))): margin divides by it") }
        guard cost >= 0 else { throw MetricError("cost cannot be negative (got \(Format.number(cost)))") }
        return 100 * (revenue - cost) / revenue
    }
}

// MARK: - Environmental impact

/// GHG Protocol emissions: activity × emission factor (× GWP when the factor is for one gas).
public enum CO2e {
    public struct Factor: Sendable, Equatable {
        public var name: String
        public var what: String
        public var unit: String
        /// kg of `gas` per unit of activity.
        /// kgCO2e per unit of activity.
        public var kgPerUnit: Double
        /// The scopes the activity can belong to: burning a fuel is scope 1 (your own) or 3 (in
        /// the value chain), never 2; purchased electricity is scope 2 or 3, never 1.
        public var scopes: [Int]
        public var source: String
        public var year: Int
    }

    /// kgCO2e per unit from the CO2, CH4 and N2O of a combustion factor (kg CO2, g CH4 and
    /// g N2O per unit), with the AR6 GWPs of fossil methane (29.8) and N2O (273).
    static func combustion(co2 kg: Double, ch4 gCH4: Double, n2o gN2O: Double, per units: Double) -> Double {
        (kg + gCH4 / 1000 * 29.8 + gN2O / 1000 * 273) / units
    }
    static let litresPerGallon = 3.785411784, kWhPerMMBtu = 293.07107017

    /// Named emission factors, all in kgCO2e (source and year shown by `help kpi co2e`). The
    /// fuels carry their CH4 and N2O as well as their CO2 (they were CO2 only, summed as CO2e).
    public static let factors: [Factor] = [
        Factor(name: "uk-electricity", what: "UK grid electricity (location-based)", unit: "kWh", kgPerUnit: 0.177,
               scopes: [2, 3], source: "UK DESNZ GHG conversion factors", year: 2025),
        Factor(name: "diesel", what: "diesel fuel, combusted", unit: "L",
               kgPerUnit: combustion(co2: 10.21, ch4: 0.41, n2o: 0.08, per: litresPerGallon), scopes: [1, 3],
               source: "US EPA GHG Emission Factors Hub, stationary combustion: 10.21 kg CO2, 0.41 g CH4, 0.08 g N2O per gallon, AR6 GWPs", year: 2024),
        Factor(name: "gasoline", what: "motor gasoline, combusted", unit: "L",
               kgPerUnit: combustion(co2: 8.78, ch4: 0.38, n2o: 0.08, per: litresPerGallon), scopes: [1, 3],
               source: "US EPA GHG Emission Factors Hub, stationary combustion: 8.78 kg CO2, 0.38 g CH4, 0.08 g N2O per gallon, AR6 GWPs", year: 2024),
        Factor(name: "natural-gas", what: "natural gas, combusted", unit: "kWh",
               kgPerUnit: combustion(co2: 53.06, ch4: 1.0, n2o: 0.10, per: kWhPerMMBtu), scopes: [1, 3],
               source: "US EPA GHG Emission Factors Hub: 53.06 kg CO2, 1.0 g CH4, 0.10 g N2O per MMBtu, AR6 GWPs", year: 2024),
    ]

    /// 100-year global warming potentials, IPCC AR6 (2021).
    public static let gwp: [(gas: String, gwp: Double)] = [
        ("co2", 1), ("co2e", 1), ("ch4", 27.9), ("ch4-fossil", 29.8), ("n2o", 273), ("hfc-134a", 1530), ("sf6", 25200),
    ]

    public struct Entry: Sendable, Equatable {
        public var scope: Int
        /// Scope 2 by the market-based method (a supplier's or contract's factor, `2m:…`);
        /// otherwise location-based (the grid average).
        public var marketBased = false
        public var amount: Double
        public var factor: Double
        public var factorName: String
        public var unit: String
        public var gas: String
        public var gwp: Double
        public var kg: Double { amount * factor * gwp }
    }

    /// Parses `SCOPE:AMOUNT:FACTOR[:GAS]`: SCOPE 1, 2 (location-based), 2m (market-based) or 3;
    /// FACTOR a named factor or kg per unit; GAS, for a number only, a gas name (its AR6 GWP is
    /// applied) or a GWP number. A named factor is already CO2e, so it takes no GAS, and its
    /// scope must be one the activity can have.
    public static func parse(_ text: String) throws -> Entry {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        guard parts.count == 3 || parts.count == 4 else {
            throw MetricError("'\(text)' is not SCOPE:AMOUNT:FACTOR[:GAS] (e.g. 2:12000:uk-electricity or 1:40:1:ch4)")
        }
        let marketBased = parts[0].lowercased() == "2m"
        guard let scope = marketBased ? 2 : Int(parts[0]), (1...3).contains(scope) else {
            throw MetricError("scope '\(parts[0])' in '\(text)' must be 1, 2 (location-based), 2m (market-based) or 3")
        }
        // Inputs are capped at 1e12, as everywhere in the workbench: 1e308 × 1e308 gave an
        // infinite total, printed as `Infinity` (not JSON) under --json.
        guard let amount = Double(parts[1]), (0...1e12).contains(amount) else {
            throw MetricError("activity '\(parts[1])' in '\(text)' must be a number from 0 to 1000000000000")
        }
        var entry: Entry
        if let f = Double(parts[2]), f.isFinite {
            guard (0...1e12).contains(f) else { throw MetricError("emission factor '\(parts[2])' in '\(text)' must be a number of kg per unit from 0 to 1000000000000") }
            entry = Entry(scope: scope, marketBased: marketBased, amount: amount, factor: f, factorName: "kg/unit", unit: "unit", gas: "co2e", gwp: 1)
        } else if let named = factors.first(where: { $0.name == parts[2].lowercased() }) {
            guard parts.count == 3 else {
                throw MetricError("'\(named.name)' in '\(text)' is already in kgCO2e, so it takes no gas ('\(parts[3])'); a gas goes with a factor given as a number, e.g. 1:10:1:ch4")
            }
            guard named.scopes.contains(scope) else {
                throw MetricError("'\(named.name)' (\(named.what)) is scope \(named.scopes.map(String.init).joined(separator: " or ")), not scope \(scope), in '\(text)'")
            }
            guard !marketBased else {
                throw MetricError("'\(named.name)' is a location-based grid average; market-based scope 2 (2m) takes your supplier's or contract's factor as a number, e.g. 2m:12000:0.05")
            }
            entry = Entry(scope: scope, amount: amount, factor: named.kgPerUnit, factorName: named.name, unit: named.unit,
                          gas: "co2e", gwp: 1)
        } else {
            throw MetricError("unknown emission factor '\(parts[2])' in '\(text)' (a number of kg per unit, or one of \(factors.map(\.name).joined(separator: ", ")))")
        }
        if parts.count == 4 {
            let g = parts[3].lowercased()
            if let known = gwp.first(where: { $0.gas == g }) {
                entry.gas = known.gas; entry.gwp = known.gwp
            } else if let v = Double(g), v > 0, v <= 1e6 {
                entry.gas = "gwp \(Format.number(v))"; entry.gwp = v
            } else {
                throw MetricError("unknown gas '\(parts[3])' in '\(text)' (one of \(gwp.map(\.gas).joined(separator: ", ")), or a GWP number above 0 up to 1000000)")
            }
        }
        return entry
    }
}

// MARK: - Social impact

/// Social Return on Investment, Social Value UK method.
public struct SROI: Equatable, Sendable {
    public struct Outcome: Equatable, Sendable {
        public var name: String
        public var quantity: Double
        public var proxy: Double
        public var deadweight: Double
        public var displacement: Double
        public var attribution: Double
        public var dropOff: Double
        public var years: Int
        /// Impact in the first year: quantity × proxy × (1 − deadweight)(1 − displacement)(1 − attribution).
        public var firstYear: Double { quantity * proxy * (1 - deadweight) * (1 - displacement) * (1 - attribution) }
        /// Impact in year t (1-based): drop-off applies each year after the first.
        public func impact(year t: Int) -> Double { t > years ? 0 : firstYear * pow(1 - dropOff, Double(t - 1)) }
    }

    public var outcomes: [Outcome]
    public var inputs: Double
    public var discount: Double

    public init(outcomes: [Outcome], inputs: Double, discount: Double) throws {
        guard !outcomes.isEmpty else { throw MetricError("no outcomes: give at least one NAME:QUANTITY:PROXY") }
        guard inputs > 0 else { throw MetricError("inputs must be more than 0 (got \(Format.number(inputs))): the SROI ratio divides by them") }
        self.outcomes = outcomes; self.inputs = inputs; self.discount = discount
    }

    public var years: Int { outcomes.map(\.years).max() ?? 0 }
    /// Total impact per year (undiscounted), year 1…years.
    public var impactByYear: [Double] { (1...max(1, years)).map { t in outcomes.reduce(0) { $0 + $1.impact(year: t) } } }
    /// Present value: Σ impact_t/(1 + r)^t.
    public var presentValue: Double {
        impactByYear.enumerated().reduce(0) { $0 + $1.element / pow(1 + discount, Double($1.offset + 1)) }
    }
    public var ratio: Double { presentValue / inputs }
    public var netRatio: Double { (presentValue - inputs) / inputs }
    public var netPresentValue: Double { presentValue - inputs }
    /// Months for the first year's impact to repay the inputs: inputs / (annual impact / 12).
    public var paybackMonths: Double? {
        let annual = impactByYear.first ?? 0
        return annual > 0 ? inputs / (annual / 12) : nil
    }

    /// Parses `NAME:QUANTITY:PROXY[:DEADWEIGHT%:DISPLACEMENT%:ATTRIBUTION%:DROPOFF%:YEARS]`; missing
    /// adjustments take the defaults.
    public static func parseOutcome(_ text: String, defaults: Outcome) throws -> Outcome {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        guard (3...8).contains(parts.count), !parts[0].isEmpty else {
            throw MetricError("'\(text)' is not NAME:QUANTITY:PROXY[:DEADWEIGHT%:DISPLACEMENT%:ATTRIBUTION%:DROPOFF%:YEARS]")
        }
        var o = defaults
        o.name = parts[0]
        guard let q = Double(parts[1]), (0...1e12).contains(q) else { throw MetricError("quantity '\(parts[1])' of outcome '\(parts[0])' must be a number from 0 to 1000000000000") }
        guard let p = Double(parts[2]), (0...1e12).contains(p) else { throw MetricError("financial proxy '\(parts[2])' of outcome '\(parts[0])' must be a number from 0 to 1000000000000") }
        o.quantity = q; o.proxy = p
        let names = ["deadweight", "displacement", "attribution", "drop-off"]
        for (i, name) in names.enumerated() where parts.count > 3 + i && !parts[3 + i].isEmpty {
            guard let v = Double(parts[3 + i]), (0...100).contains(v) else {
                throw MetricError("\(name) '\(parts[3 + i])' of outcome '\(parts[0])' must be a percentage from 0 to 100")
            }
            switch i {
            case 0: o.deadweight = v / 100
            case 1: o.displacement = v / 100
            case 2: o.attribution = v / 100
            default: o.dropOff = v / 100
            }
        }
        if parts.count > 7, !parts[7].isEmpty {
            guard let y = Int(parts[7]), (1...50).contains(y) else {
                throw MetricError("years '\(parts[7])' of outcome '\(parts[0])' must be a whole number from 1 to 50")
            }
            o.years = y
        }
        return o
    }
}

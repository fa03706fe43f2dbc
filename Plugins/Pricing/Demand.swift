/// Gabor–Granger demand: at each tested price, the share of respondents who would buy.
public struct DemandResult: Sendable, Equatable {
    /// The tested prices, ascending.
    public var prices: [Double]
    /// Respondents who answered at least one price.
    public var respondents: Int
    /// Per price: respondents who would buy (made monotone), their share, price × share.
    public var buyers: [Int], share: [Double], revenue: [Double]
    /// The first price with the highest revenue; nil without respondents.
    public var revenuePrice: Double?
    /// Arc (midpoint) elasticity between prices k and k + 1; nil when neither sells.
    public var elasticity: [Double?]
}

public enum Demand {
    /// One answer: whether the respondent would buy at that price.
    public enum Answer: Equatable, Sendable {
        case blank, no, yes
        /// 1–5 purchase intent: 4–5 is a yes. (A lone "1" is a yes on a yes/no file, a no on a 1–5 file.)
        case scale(Int)
        case other
    }

    /// yes/y/true/1, no/n/false/0 (any case), or a whole number 1–5.
    public static func answer(_ text: String) -> Answer {
        let t = text.lowercased()
        switch t {
        case "": return .blank
        case "yes", "y", "true": return .yes
        case "no", "n", "false", "0": return .no
        default:
            if let v = Int(t), (1...5).contains(v) { return .scale(v) }
            if let d = Double(t), d == d.rounded(), (1...5).contains(d) { return .scale(Int(d)) }
            return .other
        }
    }

    /// Whether answers on this file are a 1–5 scale: some answer is 2–5.
    public static func isScale(_ answers: [Answer]) -> Bool {
        answers.contains { if case let .scale(v) = $0 { return v >= 2 } else { return false } }
    }

    /// Whether an answer is a yes (nil: blank).
    public static func buys(_ a: Answer, scale: Bool) -> Bool? {
        switch a {
        case .blank, .other: return nil
        case .yes: return true
        case .no: return false
        case let .scale(v): return scale ? v >= 4 : v == 1
        }
    }

    /// The demand curve. `highest[i]` is respondent i's highest tested price position (0-based,
    /// ascending prices) with a yes, -1 for none; a respondent who would buy at a price is
    /// counted as buying at every lower one.
    /// - Complexity: O(n + prices).
    public static func analyze(prices: [Double], highest: [Int]) -> DemandResult {
        let n = highest.count
        var atLeast = [Int](repeating: 0, count: prices.count + 1)
        for h in highest where h >= 0 { atLeast[h] += 1 }
        for k in stride(from: prices.count - 1, through: 0, by: -1) { atLeast[k] += atLeast[k + 1] }
        let buyers = Array(atLeast[0..<prices.count])
        let share = buyers.map { n > 0 ? Double($0) / Double(n) : 0 }
        let revenue = zip(prices, share).map { $0 * $1 }
        var best: Int?
        for k in revenue.indices where n > 0 && (best == nil || revenue[k] > revenue[best!]) { best = k }
        var elasticity: [Double?] = []
        for k in 0..<max(0, prices.count - 1) {
            let s1 = share[k], s2 = share[k + 1], p1 = prices[k], p2 = prices[k + 1]
            guard s1 + s2 > 0, p1 + p2 != 0, p2 != p1 else { elasticity.append(nil); continue }
            elasticity.append(((s2 - s1) / ((s1 + s2) / 2)) / ((p2 - p1) / ((p1 + p2) / 2)))
        }
        return DemandResult(
            prices: prices, respondents: n, buyers: buyers, share: share, revenue: revenue,
            revenuePrice: best.map { prices[$0] }, elasticity: elasticity)
    }
}

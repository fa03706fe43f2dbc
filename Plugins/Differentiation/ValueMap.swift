import ValueCore
import Workbench

/// The customer value map: relative perceived quality against relative price, judged against a
/// fair-value line through the market average.
///
/// Each enterprise's quality and price are divided by their means over the enterprises compared,
/// so the market average is (1, 1). The fair-value line passes through (1, 1) with a slope set
/// by the user (the quality–price trade-off: fair relative quality = 1 + slope × (relative price
/// − 1)); it is never fitted through the enterprises it judges, which with two of them would call
/// every pair fair.
public struct ValueMap: Sendable, Equatable {
    public enum Verdict: String, Sendable, CaseIterable {
        /// Above or left of the line: more quality than its price asks for.
        case moreValue = "gives more value than its price asks"
        /// Within the tolerance band around the line.
        case matches = "value matches price"
        /// Below or right of the line: a price above what its quality earns.
        case lessValue = "asks more than its value"
    }
    public struct Point: Sendable, Equatable {
        public var enterprise: String
        /// Importance-weighted mean score over the quality factors (price factors left out).
        public var quality: Double
        public var price: Double
        /// How the price was found ("price level", "mean of 2 paid offerings; 1 free left out").
        public var priceBasis: String
        /// Quality and price divided by their means over the map.
        public var relativeQuality: Double
        public var relativePrice: Double
        /// The relative price the fair-value line allows at this quality: 1 + (q − 1) / slope.
        public var fairRelativePrice: Double
        /// Fair minus actual relative price: positive is more value than the price asks.
        public var advantage: Double
        /// The advantage in price units (× the average price).
        public var advantageInPrice: Double
        public var verdict: Verdict
    }
    public var points: [Point]
    /// The fair-value line's slope: relative quality gained per unit of relative price.
    public var slope: Double
    public var averagePrice: Double
    public var averageQuality: Double
    /// Within this much relative price (5% of the average price) of the line, price and value match.
    public static let tolerance = 0.05

    /// Quality of an enterprise: Σ importance × score / Σ importance over `factors` (importance
    /// unknown: 3; a factor not scored: 0).
    public static func quality(_ e: Enterprise, factors: [String], importance: (String) -> Int) -> Double {
        var num = 0.0, den = 0.0
        let index = FactorIndex(e)
        for f in factors {
            let w = Double(importance(f))
            num += w * (index.score(f) ?? 0)
            den += w
        }
        return den > 0 ? num / den : 0
    }

    /// The price the map uses and how it was found: the price level if set, else the mean of the
    /// paid offerings (price > 0); free offerings are left out. Nil when neither gives a price;
    /// the string then says why.
    public static func price(_ e: Enterprise) -> (price: Double?, basis: String) {
        if let p = e.price { return (p, "price level") }
        let priced = e.offerings.compactMap(\.price)
        let paid = priced.filter { $0 > 0 }
        let free = priced.count - paid.count
        let freeNote = free == 0 ? "" : "; \(free) free left out"
        guard !paid.isEmpty else {
            return (
                nil,
                free > 0
                    ? "its \(free == 1 ? "only priced offering is" : "\(free) priced offerings are all") free"
                    : "no price level and no priced offering"
            )
        }
        let basis = paid.count == 1 ? "1 paid offering" : "mean of \(paid.count) paid offerings"
        return (paid.reduce(0, +) / Double(paid.count), basis + freeNote)
    }

    /// - Precondition: at least two points, average quality and price > 0, slope > 0.
    public init(names: [String], quality: [Double], price: [Double], basis: [String], slope: Double = 1) {
        let n = Double(names.count)
        let aq = quality.reduce(0, +) / n, ap = price.reduce(0, +) / n
        averageQuality = aq
        averagePrice = ap
        self.slope = slope
        points = names.indices.map { i in
            let x = quality[i] / aq, y = price[i] / ap
            let fair = 1 + (x - 1) / slope
            let adv = fair - y
            let verdict: Verdict = abs(adv) <= ValueMap.tolerance + 1e-12 ? .matches : adv > 0 ? .moreValue : .lessValue
            return Point(
                enterprise: names[i], quality: quality[i], price: price[i], priceBasis: basis[i],
                relativeQuality: x, relativePrice: y, fairRelativePrice: fair, advantage: adv,
                advantageInPrice: adv * ap, verdict: verdict)
        }
    }

    /// The map of `list` as `diff valuemap` draws it: quality over the workspace's quality factors
    /// (price factors left out), importance from the first enterprise's ratings, else its
    /// rivals'. Enterprises without factor scores or a price are left out with a note.
    /// - Throws: when fewer than two enterprises can be placed, or every quality or price is 0.
    public static func of(_ list: [Enterprise], in ws: Workspace, slope: Double = 1) throws -> (
        map: ValueMap, notes: [String], leftOut: [String]
    ) {
        let priceFactors = ws.priceFactors
        let all = Market.factors(of: list)
        let factors = all.filter { !priceFactors.contains(NameKey($0)) }
        var notes: [String] = []
        let excluded = all.filter { priceFactors.contains(NameKey($0)) }
        if !excluded.isEmpty {
            notes.append("price factors left out of perceived quality: \(excluded.joined(separator: ", "))")
        }
        var names: [String] = [], quality: [Double] = [], price: [Double] = [], basis: [String] = []
        var noPrice: [String] = [], whyNoPrice: [String] = [], noScores: [String] = []
        // Importance: the first enterprise's rating, else the first one's among all (as Market.importance).
        let ratings = list.first.map { [FactorIndex($0)] + list.map(FactorIndex.init) } ?? []
        var importance: [NameKey: Int] = [:]
        for f in factors { importance[NameKey(f)] = Market.importance(f, ratings) ?? ERRC.defaultImportance }
        for e in list {
            guard !e.factors.isEmpty else { noScores.append(e.name); continue }
            let (p, how) = ValueMap.price(e)
            guard let p else { noPrice.append(e.name); whyNoPrice.append("\(e.name) (\(how))"); continue }
            if how.contains("free") { notes.append("\(e.name): price from \(how)") }
            names.append(e.name)
            price.append(p)
            basis.append(how)
            quality.append(
                ValueMap.quality(e, factors: factors) { f in importance[NameKey(f)] ?? ERRC.defaultImportance })
        }
        if !noPrice.isEmpty {
            notes.append(
                "left off the map, no price (`enterprise set NAME --price P` or a paid offering): "
                    + whyNoPrice.joined(separator: ", ")
            )
        }
        if !noScores.isEmpty { notes.append("left off the map, no factor scores: \(noScores.joined(separator: ", "))") }
        guard names.count >= 2 else {
            var why: [String] = []
            if !noPrice.isEmpty { why.append("missing a price: \(noPrice.joined(separator: ", "))") }
            if !noScores.isEmpty { why.append("missing factor scores: \(noScores.joined(separator: ", "))") }
            throw CommandError(
                "NotEnoughData",
                "diff valuemap: needs at least two enterprises with both factor scores and a price, "
                    + "found \(names.count)"
                    + (why.isEmpty ? "" : " (\(why.joined(separator: "; ")))"))
        }
        guard !factors.isEmpty else {
            throw CommandError(
                "NotEnoughData",
                "diff valuemap: every factor scored is a price factor (\(all.joined(separator: ", "))): "
                    + "no quality factor to measure quality by"
            )
        }
        guard quality.reduce(0, +) > 0 else {
            throw CommandError(
                "NotEnoughData", "diff valuemap: every perceived quality is 0 (all quality factor scores are 0)")
        }
        guard price.reduce(0, +) > 0 else { throw CommandError("NotEnoughData", "diff valuemap: every price is 0") }
        let leftOut = list.map(\.name).filter { n in !names.contains(n) }
        return (ValueMap(names: names, quality: quality, price: price, basis: basis, slope: slope), notes, leftOut)
    }
}

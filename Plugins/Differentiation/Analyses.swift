import ValueCore
import Workbench

// The analyses as pure functions over domain values: the commands format what these return,
// and the tests check them on hand-worked cases.

/// The strategy canvas: each enterprise's value curve and its divergence from the others'.
public struct Canvas: Sendable, Equatable {
    public struct Curve: Sendable, Equatable {
        public var enterprise: String
        /// Per factor; a factor the enterprise does not score counts as 0 (not offered).
        public var scores: [Double]
        /// Per factor: the score minus the mean of the other curves on that factor.
        public var divergence: [Double]
        /// Mean absolute divergence over the factors, in points of the 0–10 scale.
        public var overall: Double
        /// Factors the enterprise does not score.
        public var unscored: [String]
    }
    public var factors: [String]
    public var curves: [Curve]

    /// - Precondition: at least two enterprises and one factor.
    public init(_ list: [Enterprise], factors: [String]) {
        self.factors = factors
        let table = list.map { e in
            let index = FactorIndex(e); return factors.map { index.score($0) }
        }
        curves = []
        for (i, e) in list.enumerated() {
            let scores = table[i].map { $0 ?? 0 }
            var div: [Double] = []
            for f in factors.indices {
                var sum = 0.0
                for j in list.indices where j != i { sum += table[j][f] ?? 0 }
                div.append(scores[f] - sum / Double(list.count - 1))
            }
            let overall = div.map(abs).reduce(0, +) / Double(max(factors.count, 1))
            let unscored = factors.indices.filter { table[i][$0] == nil }.map { factors[$0] }
            curves.append(
                Curve(enterprise: e.name, scores: scores, divergence: div, overall: overall, unscored: unscored))
        }
    }

    /// Whether every curve is the same.
    public var allEqual: Bool { curves.allSatisfy { $0.scores == curves[0].scores } }
}

/// One decision of the four actions framework.
public struct ERRCAction: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case eliminate, reduce, raise, create, keep }
    public var kind: Kind
    /// A factor, or a need for `create` from unserved needs.
    public var subject: String
    public var isNeed: Bool
    public var score: Double?
    public var competitorsMean: Double?
    public var importance: Int?
    public var reason: String
}

/// Eliminate–Reduce–Raise–Create from the enterprise's curve, its competitors' and customers'
/// importance.
public enum ERRC {
    /// Importance assumed for a factor no one rated.
    public static let defaultImportance = 3

    /// A clear difference between an enterprise and its competitors' mean, in points: a lead of
    /// less than this on an important factor calls for `raise`, a deficit of this much on a
    /// factor of middling importance (3) too; the guide's "stands apart" is a lead of as much.
    public static let clearGap = 2.0

    /// - Parameter priceFactors: factors marked `--kind price`: their score is how attractive the
    ///   price is, so `raise` reads "make the price more attractive", never "raise your prices".
    public static func actions(for e: Enterprise, competitors: [Enterprise], priceFactors: Set<NameKey> = [])
        -> [ERRCAction]
    {
        var out: [ERRCAction] = []
        let factors = Market.factors(of: [e] + competitors)
        let own = FactorIndex(e), others = competitors.map(FactorIndex.init)
        for f in factors {
            let isPrice = priceFactors.contains(NameKey(f))
            let mine = own.score(f) ?? 0
            let theirs = others.map { $0.score(f) ?? 0 }
            let mean = theirs.isEmpty ? 0 : theirs.reduce(0, +) / Double(theirs.count)
            let given = Market.importance(f, [own] + others)
            let imp = given ?? defaultImportance
            let m = fmt(mean), s = fmt(mine)
            let care = given.map { "importance \($0)" } ?? "importance unknown, taken as \(defaultImportance)"
            var a = ERRCAction(
                kind: .keep, subject: f, isNeed: false, score: mine, competitorsMean: mean, importance: given,
                reason: "")
            if imp <= 1 && mine > 0 {
                a.kind = .eliminate
                a.reason = "customers hardly care (\(care)) yet you offer \(s) (competitors \(m)): drop it and its cost"
            } else if imp <= 2 && mine > 0 && mine >= mean {
                a.kind = .reduce
                a.reason = "low importance (\(care)) and you offer \(s), at or above competitors' \(m): over-served"
            } else if imp >= 4 && mine == 0 && theirs.allSatisfy({ $0 < 3 }) {
                a.kind = .create
                a.reason =
                    "customers care (\(care)) but neither you (\(s)) nor any competitor (all below 3, mean \(m)) offers it: new value"
            } else if (imp >= 4 && mine < mean + clearGap) || (imp == 3 && mine <= mean - clearGap) {
                a.kind = .raise
                let gap =
                    mine < mean
                    ? "you trail with \(s) against competitors' \(m)" : "you offer \(s) against competitors' \(m)"
                a.reason =
                    isPrice
                    ? "customers care about price (\(care)); \(gap): make your price more attractive than the industry's (a lower price, or better terms for the same money)"
                    : "customers care (\(care)) and \(gap): raise it well above the industry"
            } else if imp >= 4 {
                a.reason = "customers care (\(care)) and you lead (\(s) vs \(m)): keep the lead"
            } else if mine < mean {
                a.reason =
                    "\(care), and you trail competitors by less than \(fmt(clearGap)) points (\(s) vs \(m)): watch it"
            } else {
                a.reason = "\(care), and you are level with or ahead of competitors (\(s) vs \(m)): nothing to change"
            }
            out.append(a)
        }
        // Needs no offering relieves yet: value to create.
        let relieved = Set(e.reliefs.filter { $0.functional > 0 || $0.emotional > 0 }.map { NameKey($0.need) })
        for n in e.needs where n.importance >= 3 && !relieved.contains(NameKey(n.name)) {
            out.append(
                ERRCAction(
                    kind: .create, subject: n.name, isNeed: true, score: nil, competitorsMean: nil,
                    importance: n.importance,
                    reason:
                        "\(n.kind.rawValue) of \(n.segment) (importance \(n.importance)) that no offering relieves yet")
            )
        }
        return out
    }

    static func fmt(_ v: Double) -> String { Format2.num(v) }
}

/// Barney's VRIO reading of one resource.
public struct VRIORow: Sendable, Equatable {
    public var resource: Resource
    public var implication: VRIOImplication
    /// The label the issue and the literature use (ValueCore's `unused` is "unexploited").
    public var label: String {
        switch implication {
        case .disadvantage: return "competitive disadvantage"
        case .parity: return "competitive parity"
        case .temporary: return "temporary advantage"
        case .unused: return "unexploited advantage"
        case .sustained: return "sustained advantage"
        }
    }
    public var reason: String {
        switch implication {
        case .disadvantage: return "not valuable"
        case .parity: return "valuable but not rare"
        case .temporary: return "valuable and rare, but easy to imitate"
        case .unused: return "valuable, rare and costly to imitate, but not organized to exploit"
        case .sustained: return "valuable, rare, costly to imitate and organized"
        }
    }
    public init(_ r: Resource) { resource = r; implication = r.vrio }
}

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
                "left off the map, no price (`enterprise set NAME --price P` or a paid offering): \(whyNoPrice.joined(separator: ", "))"
            )
        }
        if !noScores.isEmpty { notes.append("left off the map, no factor scores: \(noScores.joined(separator: ", "))") }
        guard names.count >= 2 else {
            var why: [String] = []
            if !noPrice.isEmpty { why.append("missing a price: \(noPrice.joined(separator: ", "))") }
            if !noScores.isEmpty { why.append("missing factor scores: \(noScores.joined(separator: ", "))") }
            throw CommandError(
                "NotEnoughData",
                "diff valuemap: needs at least two enterprises with both factor scores and a price, found \(names.count)"
                    + (why.isEmpty ? "" : " (\(why.joined(separator: "; ")))"))
        }
        guard !factors.isEmpty else {
            throw CommandError(
                "NotEnoughData",
                "diff valuemap: every factor scored is a price factor (\(all.joined(separator: ", "))): no quality factor to measure quality by"
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

/// Functional and emotional utility delivered, per segment and need, from the reliefs.
public struct UtilityReport: Sendable, Equatable {
    public struct NeedRow: Sendable, Equatable {
        public var need: String
        public var segment: String
        public var kind: Need.Kind
        public var importance: Int
        /// The best relief of any offering (0 when none).
        public var functional: Double
        public var emotional: Double
        public var offerings: [String]
        public var served: Bool { functional > 0 || emotional > 0 }
        /// Relieved well enough to count for the fit (either utility ≥ `UtilityReport.relievedAt`).
        public var relieved: Bool { max(functional, emotional) >= UtilityReport.relievedAt }
    }
    public struct SegmentRow: Sendable, Equatable {
        public var segment: String
        /// Importance-weighted means over the segment's needs.
        public var functional: Double
        public var emotional: Double
        public var needs: Int
    }
    public static let relievedAt = 5.0
    public var needs: [NeedRow]
    public var segments: [SegmentRow]
    /// Importance-weighted over every need.
    public var functional: Double
    public var emotional: Double
    /// emotional / (functional + emotional); nil when nothing is delivered.
    public var emotionalShare: Double?
    /// Share of important (importance ≥ 4) pains and gains relieved; nil when there are none.
    public var fit: Double?
    public var importantPainsAndGains: Int
    public var importantRelieved: Int

    public init(_ e: Enterprise) {
        var rows: [NeedRow] = []
        for n in e.needs {
            let rs = e.reliefs.filter { Name.same($0.need, n.name) }
            rows.append(
                NeedRow(
                    need: n.name, segment: n.segment, kind: n.kind, importance: n.importance,
                    functional: rs.map(\.functional).max() ?? 0, emotional: rs.map(\.emotional).max() ?? 0,
                    offerings: rs.filter { $0.functional > 0 || $0.emotional > 0 }.map(\.offering)))
        }
        needs = rows
        func weighted(_ list: [NeedRow], _ v: (NeedRow) -> Double) -> Double {
            let w = list.reduce(0.0) { $0 + Double($1.importance) }
            return w > 0 ? list.reduce(0.0) { $0 + Double($1.importance) * v($1) } / w : 0
        }
        var order: [String] = []
        for r in rows where !order.contains(where: { Name.same($0, r.segment) }) { order.append(r.segment) }
        segments = order.map { s in
            let list = rows.filter { Name.same($0.segment, s) }
            return SegmentRow(
                segment: s, functional: weighted(list, \.functional), emotional: weighted(list, \.emotional),
                needs: list.count)
        }
        functional = weighted(rows, \.functional)
        emotional = weighted(rows, \.emotional)
        emotionalShare = functional + emotional > 0 ? emotional / (functional + emotional) : nil
        let important = rows.filter { $0.importance >= 4 && $0.kind != .job }
        importantPainsAndGains = important.count
        importantRelieved = important.filter(\.relieved).count
        fit = important.isEmpty ? nil : Double(importantRelieved) / Double(important.count)
    }
}

enum Format2 {
    static func num(_ v: Double) -> String { Format.number(v, maxDecimals: 2) }
}

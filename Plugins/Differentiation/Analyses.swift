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
        let table = list.map { e in factors.map { Market.score(e, $0) } }
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
            curves.append(Curve(enterprise: e.name, scores: scores, divergence: div, overall: overall, unscored: unscored))
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

    public static func actions(for e: Enterprise, competitors: [Enterprise]) -> [ERRCAction] {
        var out: [ERRCAction] = []
        let factors = Market.factors(of: [e] + competitors)
        for f in factors {
            let mine = Market.score(e, f) ?? 0
            let theirs = competitors.map { Market.score($0, f) ?? 0 }
            let mean = theirs.isEmpty ? 0 : theirs.reduce(0, +) / Double(theirs.count)
            let given = Market.importance(f, e, competitors)
            let imp = given ?? defaultImportance
            let m = fmt(mean), s = fmt(mine)
            let care = given.map { "importance \($0)" } ?? "importance unknown, taken as \(defaultImportance)"
            var a = ERRCAction(kind: .keep, subject: f, isNeed: false, score: mine, competitorsMean: mean, importance: given, reason: "")
            if imp <= 1 && mine > 0 {
                a.kind = .eliminate
                a.reason = "customers hardly care (\(care)) yet you offer \(s) (competitors \(m)): drop it and its cost"
            } else if imp <= 2 && mine > 0 && mine >= mean {
                a.kind = .reduce
                a.reason = "low importance (\(care)) and you offer \(s), at or above competitors' \(m): over-served"
            } else if imp >= 4 && mine == 0 && mean < 3 {
                a.kind = .create
                a.reason = "customers care (\(care)) but neither you (\(s)) nor competitors (\(m)) offer it: new value"
            } else if imp >= 4 && mine < mean + 2 {
                a.kind = .raise
                a.reason = "customers care (\(care)) and you offer \(s) against competitors' \(m): raise it well above the industry"
            } else {
                a.reason = imp >= 4 ? "customers care (\(care)) and you lead (\(s) vs \(m)): keep the lead"
                                    : "no action needed (\(care), you \(s) vs \(m))"
            }
            out.append(a)
        }
        // Needs no offering relieves yet: value to create.
        let relieved = Set(e.reliefs.filter { $0.functional > 0 || $0.emotional > 0 }.map { NameKey($0.need) })
        for n in e.needs where n.importance >= 3 && !relieved.contains(NameKey(n.name)) {
            out.append(ERRCAction(kind: .create, subject: n.name, isNeed: true, score: nil, competitorsMean: nil,
                                  importance: n.importance,
                                  reason: "\(n.kind.rawValue) of \(n.segment) (importance \(n.importance)) that no offering relieves yet"))
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

/// The customer value map: relative quality against relative price, with the fair-value line.
public struct ValueMap: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var enterprise: String
        /// Importance-weighted mean factor score.
        public var quality: Double
        public var price: Double
        /// Quality and price divided by the averages over the map.
        public var relativeQuality: Double
        public var relativePrice: Double
        /// The fair-value line's relative price at this quality.
        public var fairRelativePrice: Double
        /// Fair minus actual relative price: positive is more value than the price asks.
        public var advantage: Double
        /// The advantage in price units (× the average price).
        public var advantageInPrice: Double
        public var verdict: String
    }
    public var points: [Point]
    /// relative price = intercept + slope × relative quality (least squares); slope nil when all
    /// qualities are equal (the line is then flat at the average price).
    public var intercept: Double
    public var slope: Double?
    public var averagePrice: Double
    public var averageQuality: Double
    /// Within this share of the average price, price and value match.
    public static let tolerance = 0.05

    /// Quality of an enterprise: Σ importance × score / Σ importance over `factors` (importance
    /// unknown: 3; a factor not scored: 0).
    public static func quality(_ e: Enterprise, factors: [String], importance: (String) -> Int) -> Double {
        var num = 0.0, den = 0.0
        for f in factors {
            let w = Double(importance(f))
            num += w * (Market.score(e, f) ?? 0)
            den += w
        }
        return den > 0 ? num / den : 0
    }

    /// - Precondition: at least two points, every quality and price given, average quality and price > 0.
    public init(names: [String], quality: [Double], price: [Double]) {
        let n = Double(names.count)
        let aq = quality.reduce(0, +) / n, ap = price.reduce(0, +) / n
        averageQuality = aq
        averagePrice = ap
        let x = quality.map { $0 / aq }
        let y = price.map { $0 / ap }
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxx = 0.0, sxy = 0.0
        for i in x.indices { sxx += (x[i] - mx) * (x[i] - mx); sxy += (x[i] - mx) * (y[i] - my) }
        if sxx > 1e-12 {
            slope = sxy / sxx
            intercept = my - (sxy / sxx) * mx
        } else {
            slope = nil
            intercept = my
        }
        var pts: [Point] = []
        for i in x.indices {
            let fair = intercept + (slope ?? 0) * x[i]
            let adv = fair - y[i]
            let verdict = abs(adv) <= ValueMap.tolerance ? "value matches price"
                : adv > 0 ? "more value than the price asks" : "price above the value delivered"
            pts.append(Point(enterprise: names[i], quality: quality[i], price: price[i], relativeQuality: x[i],
                             relativePrice: y[i], fairRelativePrice: fair, advantage: adv,
                             advantageInPrice: adv * ap, verdict: verdict))
        }
        points = pts
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
            rows.append(NeedRow(need: n.name, segment: n.segment, kind: n.kind, importance: n.importance,
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
            return SegmentRow(segment: s, functional: weighted(list, \.functional), emotional: weighted(list, \.emotional), needs: list.count)
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

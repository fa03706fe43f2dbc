import ValueCore
import Workbench

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
                    "customers care (\(care)) but neither you (\(s)) nor any competitor (all below 3, mean \(m)) "
                    + "offers it: new value"
            } else if (imp >= 4 && mine < mean + clearGap) || (imp == 3 && mine <= mean - clearGap) {
                a.kind = .raise
                let gap =
                    mine < mean
                    ? "you trail with \(s) against competitors' \(m)" : "you offer \(s) against competitors' \(m)"
                a.reason =
                    isPrice
                    ? "customers care about price (\(care)); \(gap): make your price more attractive "
                        + "than the industry's (a lower price, or better terms for the same money)"
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

    static func fmt(_ v: Double) -> String { Format.number(v, maxDecimals: 2) }
}

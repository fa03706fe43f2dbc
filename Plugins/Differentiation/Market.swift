import ValueCore

/// Who an enterprise competes with, and its factor curves.
public enum Market {
    /// The enterprise's competitors: those it names (that are in the workspace), else the other
    /// enterprises of its industry. Also returns the named competitors not in the workspace.
    public static func competitors(of e: Enterprise, in ws: Workspace) -> (list: [Enterprise], missing: [String]) {
        if !e.competitors.isEmpty {
            var list: [Enterprise] = []
            var missing: [String] = []
            for name in e.competitors {
                if let c = ws.enterprise(named: name), !Name.same(c.name, e.name) {
                    list.append(c)
                } else {
                    missing.append(name)
                }
            }
            return (list, missing)
        }
        guard let industry = e.industry else { return ([], []) }
        return (
            ws.enterprises.filter { c in
                !Name.same(c.name, e.name) && c.industry.map { Name.same($0, industry) } == true
            }, []
        )
    }

    /// How to say where the competitors come from.
    static func basis(of e: Enterprise) -> String {
        if !e.competitors.isEmpty { return "named competitors" }
        return e.industry.map { "the other enterprises in \($0)" } ?? "no competitors"
    }

    /// The factors scored by any of `list`, in the order first met (spelling of the first).
    public static func factors(of list: [Enterprise]) -> [String] {
        var seen = Set<NameKey>()
        var out: [String] = []
        for e in list { for f in e.factors where seen.insert(NameKey(f.factor)).inserted { out.append(f.factor) } }
        return out
    }

    /// The importance customers give `factor`: the first rating among `indexes` (the
    /// enterprise's own first, then its competitors').
    public static func importance(_ factor: String, _ indexes: [FactorIndex]) -> Int? {
        let key = NameKey(factor)
        for x in indexes { if let i = x.importance(key) { return i } }
        return nil
    }

    /// The enterprise's score on `factor` (nil: not scored).
    /// - Complexity: O(n) in its factors; for many look-ups build a `FactorIndex` once.
    public static func score(_ e: Enterprise, _ factor: String) -> Double? {
        e.factorNames.firstIndex { Name.same($0, factor) }.map { e.factorScores[$0] }
    }

    /// The importance customers give `factor`: the enterprise's own rating, else the first
    /// competitor's that has one.
    public static func importance(_ factor: String, _ e: Enterprise, _ others: [Enterprise]) -> Int? {
        for x in [e] + others {
            if let i = x.factors.first(where: { Name.same($0.factor, factor) })?.importance { return i }
        }
        return nil
    }
}

/// One enterprise's factor scores by name: built in O(n), then each look-up is O(1). Analyses
/// that visit every factor of several enterprises use it; a linear search per factor made them
/// quadratic (10,000 factors: `diff errc` took 35 s, `factor list` 33 s).
public struct FactorIndex: Sendable {
    private var position: [NameKey: Int] = [:]
    private let scores: [Double]
    private let importances: [Int?]

    public init(_ e: Enterprise) {
        let factors = e.factors
        scores = factors.map(\.score)
        importances = factors.map(\.importance)
        position.reserveCapacity(factors.count)
        // The first score of a factor counts, as in `Market.score`.
        for (i, f) in factors.enumerated() where position[NameKey(f.factor)] == nil { position[NameKey(f.factor)] = i }
    }

    public func score(_ factor: String) -> Double? { position[NameKey(factor)].map { scores[$0] } }
    public func importance(_ factor: String) -> Int? { importance(NameKey(factor)) }
    func importance(_ key: NameKey) -> Int? { position[key].flatMap { importances[$0] } }
}

import ValueCore

extension Canvas {
    /// One enterprise's curve against `others`: what `Canvas([e] + others, factors:).curves[0]`
    /// holds, computed in O(n·f) instead of the whole canvas's O(n²·f), for a single enterprise
    /// in a large market (the guide asks this for every screen).
    ///
    /// - Parameters:
    ///   - e: the enterprise.
    ///   - others: its competitors (at least one).
    ///   - factors: the factors of the curve.
    public static func curve(of e: Enterprise, against others: [Enterprise], factors: [String]) -> Curve {
        // Each competitor's factor list is read once, its names folded once, and matched through
        // a dictionary: O(n·k) for n competitors with k factors each.
        var index: [String: Int] = [:]
        for (i, f) in factors.enumerated() where index[Name.fold(f)] == nil { index[Name.fold(f)] = i }
        var sums = [Double](repeating: 0, count: factors.count)
        for o in others {
            var seen = [Bool](repeating: false, count: factors.count)
            for s in o.factors {
                // The first score of a factor counts, as `Market.score` takes the first.
                if let i = index[Name.fold(s.factor)], !seen[i] { seen[i] = true; sums[i] += s.score }
            }
        }
        var scores: [Double] = [], divergence: [Double] = [], unscored: [String] = []
        let own = FactorIndex(e)
        for (i, f) in factors.enumerated() {
            let mine = own.score(f)
            scores.append(mine ?? 0)
            divergence.append((mine ?? 0) - sums[index[Name.fold(f)] ?? i] / Double(max(others.count, 1)))
            if mine == nil { unscored.append(f) }
        }
        let overall = divergence.map(abs).reduce(0, +) / Double(max(factors.count, 1))
        return Curve(enterprise: e.name, scores: scores, divergence: divergence, overall: overall, unscored: unscored)
    }
}

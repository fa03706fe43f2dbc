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
        var scores: [Double] = [], divergence: [Double] = [], unscored: [String] = []
        for f in factors {
            let mine = Market.score(e, f)
            var sum = 0.0
            for o in others { sum += Market.score(o, f) ?? 0 }
            scores.append(mine ?? 0)
            divergence.append((mine ?? 0) - sum / Double(max(others.count, 1)))
            if mine == nil { unscored.append(f) }
        }
        let overall = divergence.map(abs).reduce(0, +) / Double(max(factors.count, 1))
        return Curve(enterprise: e.name, scores: scores, divergence: divergence, overall: overall, unscored: unscored)
    }
}

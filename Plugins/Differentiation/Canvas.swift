import ValueCore
import Workbench

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

/// Kano classification from functional / dysfunctional answer pairs.
public enum Kano {
    /// The six categories, in the order `counts` lists them.
    public enum Category: String, Sendable, CaseIterable {
        case A, O, M, I, R, Q
        public var name: String {
            switch self {
            case .A: return "Attractive"
            case .O: return "One-dimensional"
            case .M: return "Must-be"
            case .I: return "Indifferent"
            case .R: return "Reverse"
            case .Q: return "Questionable"
            }
        }
    }

    /// The answers: 1 Like, 2 Must-be, 3 Neutral, 4 Live-with, 5 Dislike.
    public static let answers = ["Like", "Must-be", "Neutral", "Live-with", "Dislike"]

    /// The standard evaluation table: row = functional answer, column = dysfunctional answer.
    public static let table: [[Category]] = [
        [.Q, .A, .A, .A, .O],
        [.R, .I, .I, .I, .M],
        [.R, .I, .I, .I, .M],
        [.R, .I, .I, .I, .M],
        [.R, .R, .R, .R, .Q],
    ]

    /// The category of one answer pair (each 1…5).
    public static func classify(functional: Int, dysfunctional: Int) -> Category {
        table[functional - 1][dysfunctional - 1]
    }

    /// Ties between the most frequent categories go to the first in this order.
    public static let precedence: [Category] = [.M, .O, .A, .I, .R, .Q]

    public struct Feature: Sendable, Equatable {
        public var feature: String
        public var counts: [Category: Int]
        public var category: Category
        /// (A+O)/(A+O+M+I): how much satisfaction rises when the feature is there; nil when
        /// no answer fell in A, O, M or I.
        public var better: Double?
        /// −(O+M)/(A+O+M+I): how much it falls when the feature is missing.
        public var worse: Double?
        public var respondents: Int

        public init(feature: String, counts: [Category: Int]) {
            self.feature = feature
            self.counts = counts
            let top = counts.values.max() ?? 0
            category = Kano.precedence.first { counts[$0, default: 0] == top } ?? .I
            let a = counts[.A, default: 0], o = counts[.O, default: 0], m = counts[.M, default: 0],
                i = counts[.I, default: 0]
            let d = a + o + m + i
            better = d > 0 ? Double(a + o) / Double(d) : nil
            worse = d > 0 ? -Double(o + m) / Double(d) : nil
            respondents = counts.values.reduce(0, +)
        }
    }

    /// Counts answer pairs per feature (features in the order first met).
    public static func evaluate(_ pairs: [(feature: String, functional: Int, dysfunctional: Int)]) -> [Feature] {
        var order: [String] = []
        var counts: [String: [Category: Int]] = [:]
        for p in pairs {
            if counts[p.feature] == nil { order.append(p.feature); counts[p.feature] = [:] }
            counts[p.feature]![classify(functional: p.functional, dysfunctional: p.dysfunctional), default: 0] += 1
        }
        return order.map { Feature(feature: $0, counts: counts[$0]!) }
    }
}

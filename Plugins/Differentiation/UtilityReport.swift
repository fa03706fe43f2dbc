import ValueCore
import Workbench

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

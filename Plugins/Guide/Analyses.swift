import ValueCore
import Workbench
import KPI

/// What the guide asks of the other analyses: whether an enterprise stands apart from its
/// competitors (the differentiation analyzer), and whether a value model is anchored and closes
/// its loop (the model analysis in ValueCore). The guide judges; it does not re-derive.
enum Analyses {
    /// How an enterprise's strategy canvas compares with its competitors'.
    struct Distinctness: Equatable {
        struct Factor: Equatable {
            var factor: String
            var own: Double
            /// The competitors' mean on this factor; nil when no competitor scores it (a factor
            /// the enterprise created).
            var rivals: Double?
            var distinct: Bool
        }
        var competitors: [String]
        var factors: [Factor]
        var distinct: [Factor] { factors.filter(\.distinct) }
    }

    /// The gap (0–10 points) from the competitors' mean at which a factor counts as distinct.
    static let distinctGap: Double = 2

    /// The competitors an enterprise is compared with: those it names that are in the workspace,
    /// else the other enterprises of its industry.
    static func competitors(of e: Enterprise, in workspace: Workspace) -> [Enterprise] {
        if !e.competitors.isEmpty {
            return e.competitors.compactMap { workspace.enterprise(named: $0) }.filter { !Name.same($0.name, e.name) }
        }
        guard let industry = e.industry else { return [] }
        return workspace.enterprises.filter { !Name.same($0.name, e.name) && $0.industry.map { Name.same($0, industry) } == true }
    }

    static func distinctness(of e: Enterprise, in workspace: Workspace) -> Distinctness {
        let rivals = competitors(of: e, in: workspace)
        var factors: [Distinctness.Factor] = []
        for f in e.factors {
            let scores = rivals.compactMap { r in r.factors.first { Name.same($0.factor, f.factor) }?.score }
            let mean = scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
            let distinct: Bool
            if let mean { distinct = abs(f.score - mean) >= distinctGap } else { distinct = !rivals.isEmpty && f.score > 0 }
            factors.append(.init(factor: f.factor, own: f.score, rivals: mean, distinct: distinct))
        }
        return Distinctness(competitors: rivals.map(\.name), factors: factors)
    }

    /// Whether `offering`'s relief of a need counts as relieving it.
    static func relieves(_ r: Relief) -> Bool { r.functional > 0 || r.emotional > 0 }

    /// What the model analysis says about one value model.
    struct ModelReading: Equatable {
        var model: String
        /// Closed loops through value delivery and revenue, as node names in order.
        var valueLoops: [[String]]
        /// Value loops that also feed reinvestment back into a resource.
        var growthLoops: [[String]]
        /// How many value and growth loops the analysis counted (it keeps only the first few).
        var valueLoopCount: Int
        var growthLoopCount: Int
        /// Activities with no resource of real strength behind them.
        var ungrounded: [String]
        var activities: Int
        var anchored: Bool { activities > 0 && ungrounded.isEmpty }
        var closed: Bool { valueLoopCount > 0 }
    }

    /// Reads a model with ValueCore's model analysis: its loops (Johnson's elementary cycles)
    /// and the grounding of its activities in resources of real strength.
    static func read(_ model: ValueModel, of e: Enterprise) -> ModelReading {
        let loops = ModelAnalysis.loops(in: model)
        let grounding = ModelAnalysis.grounding(of: model, resources: e.resources)
        return ModelReading(model: model.name,
                            valueLoops: loops.loops.filter(\.isValueLoop).map(\.nodes),
                            growthLoops: loops.loops.filter(\.isGrowthLoop).map(\.nodes),
                            valueLoopCount: loops.valueLoops, growthLoopCount: loops.growthLoops,
                            ungrounded: grounding.unanchored.map(\.activity),
                            activities: grounding.activities.count)
    }

    /// The activities of `model` not anchored in a resource of real strength (grounding only,
    /// without the loop search).
    static func ungrounded(_ model: ValueModel, of e: Enterprise) -> [String] {
        ModelAnalysis.grounding(of: model, resources: e.resources).unanchored.map(\.activity)
    }

    /// Whether higher figures of a KPI are better, as the KPI calculator's catalogue says; nil for
    /// KPIs it does not know.
    static func higherIsBetter(_ kpi: String) -> Bool? {
        KPICatalog.entry(Name.fold(kpi))?.higherIsBetter
    }
}

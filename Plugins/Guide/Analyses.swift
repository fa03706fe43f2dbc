import ValueCore
import Workbench
import KPI
import Differentiation

/// What the guide asks of the other analyses: whether an enterprise stands apart from its
/// competitors (the differentiation analyzer), and whether a value model is anchored and closes
/// its loop (the model analysis in ValueCore). The guide judges; it does not re-derive.
enum Analyses {
    /// How an enterprise's strategy canvas compares with its competitors', as the
    /// differentiation analyzer's canvas measures it.
    struct Distinctness: Equatable {
        struct Factor: Equatable {
            var factor: String
            var own: Double
            /// The competitors' mean on this factor (a competitor that does not score it counts
            /// as 0, as on the canvas); nil when no competitor scores it (a factor the enterprise
            /// created).
            var rivals: Double?
            var distinct: Bool
        }
        var competitors: [String]
        /// Named competitors that are not in the workspace.
        var missing: [String]
        var factors: [Factor]
        var distinct: [Factor] { factors.filter(\.distinct) }
    }

    /// The lead (points of the 0–10 scale) over the competitors' mean at which a factor counts as
    /// distinct: the lead `diff errc` asks for before it says "keep the lead" (one constant for
    /// both). Only a lead counts: being 2 points worse does not make an offering stand apart.
    static let distinctGap = ERRC.clearGap

    /// The competitors an enterprise is compared with (the differentiation analyzer's rule:
    /// those it names that are in the workspace, else the other enterprises of its industry).
    static func competitors(of e: Enterprise, in workspace: Workspace) -> [Enterprise] {
        Market.competitors(of: e, in: workspace).list
    }

    /// The enterprise's own factors on the strategy canvas against its competitors.
    static func distinctness(of e: Enterprise, in workspace: Workspace) -> Distinctness {
        let market = Market.competitors(of: e, in: workspace)
        let rivals = market.list
        let names = Market.factors(of: [e])
        guard !rivals.isEmpty, !names.isEmpty else {
            return Distinctness(competitors: rivals.map(\.name), missing: market.missing, factors: [])
        }
        let curve = Canvas.curve(of: e, against: rivals, factors: names)
        var factors: [Distinctness.Factor] = []
        let rivalScores = rivals.map(FactorIndex.init)
        for (i, f) in names.enumerated() {
            let scored = rivalScores.contains { $0.score(f) != nil }
            factors.append(
                .init(
                    factor: f, own: curve.scores[i], rivals: scored ? curve.scores[i] - curve.divergence[i] : nil,
                    distinct: curve.divergence[i] >= distinctGap))
        }
        return Distinctness(competitors: rivals.map(\.name), missing: market.missing, factors: factors)
    }

    /// What the model analysis says about one value model.
    struct ModelReading: Equatable {
        var model: String
        /// Closed loops through value delivery and revenue, as node names in order.
        var valueLoops: [[String]]
        /// Reinforcing value loops that also feed reinvestment back into a resource.
        var growthLoops: [[String]]
        /// Balancing value loops through reinvestment back into a resource: they limit growth.
        var limitingLoopCount: Int
        /// Edges given twice between the same two nodes ("A → B"); the analysis used the first.
        var parallelEdges: [String]
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
        return ModelReading(
            model: model.name,
            valueLoops: loops.loops.filter(\.isValueLoop).map(\.nodes),
            growthLoops: loops.loops.filter(\.isGrowthLoop).map(\.nodes),
            limitingLoopCount: loops.limitingLoops, parallelEdges: loops.parallelEdges,
            valueLoopCount: loops.valueLoops, growthLoopCount: loops.growthLoops,
            ungrounded: grounding.unanchored.map(\.activity),
            activities: grounding.activities.count)
    }

    /// The activities of `model` not anchored in a resource of real strength (grounding only,
    /// without the loop search).
    static func ungrounded(_ model: ValueModel, of e: Enterprise) -> [String] {
        ModelAnalysis.grounding(of: model, resources: e.resources).unanchored.map(\.activity)
    }

}

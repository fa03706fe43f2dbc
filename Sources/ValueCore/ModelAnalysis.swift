// The analyses of a value model that the seeds ask for: does the chain close into loops
// (value delivery → revenue → profit → reinvestment → resources), and is every activity
// anchored in a resource endowment of real strength. Pure functions over the domain values;
// `model check`, the guide and the differentiation analyzer all call them.

/// A closed loop of a value model: an elementary cycle of its causal loop diagram.
public struct ModelLoop: Sendable, Equatable {
    /// The loop's behaviour, from the product of its edge signs (as Vensim and Kumu name it).
    public enum Polarity: String, Sendable, CaseIterable {
        /// An even number of negative edges: a change travels round and amplifies itself.
        case reinforcing
        /// An odd number of negative edges: a change travels round and counteracts itself.
        case balancing
        /// "R" or "B", the label causal loop diagrams use.
        public var letter: String { self == .reinforcing ? "R" : "B" }
    }

    /// The loop's nodes in the order the edges run, starting at its node of earliest stage;
    /// the loop closes from the last node back to the first.
    public var nodes: [String]
    /// `signs[i]` is the sign of the edge from `nodes[i]` to the next node (the last one closes
    /// the loop).
    public var signs: [ValueModel.Polarity]
    public var polarity: Polarity
    /// The loop passes through a value node and a revenue node: value delivered comes back as
    /// revenue.
    public var isValueLoop: Bool
    /// A reinforcing value loop that also has an edge from a reinvestment node into a resource
    /// node: the profit is reinvested into the endowments the chain starts from, and the loop
    /// amplifies itself.
    public var isGrowthLoop: Bool
    /// A value loop through reinvestment back to a resource that is balancing: it counteracts
    /// itself, so it limits growth rather than driving it.
    public var limitsGrowth: Bool

    public init(
        nodes: [String], signs: [ValueModel.Polarity], polarity: Polarity, isValueLoop: Bool, isGrowthLoop: Bool,
        limitsGrowth: Bool = false
    ) {
        self.nodes = nodes; self.signs = signs; self.polarity = polarity
        self.isValueLoop = isValueLoop; self.isGrowthLoop = isGrowthLoop; self.limitsGrowth = limitsGrowth
    }

    /// The number of negative edges in the loop.
    public var negativeEdges: Int { signs.count(where: { $0 == .negative }) }
}

/// The loops of a model: the first ones in full, and counts of all of them.
public struct LoopReport: Sendable, Equatable {
    /// The loops kept (at most the limit asked), in the order `Cycles` finds them.
    public var loops: [ModelLoop]
    /// How many loops were counted: exact when `complete`, else a lower bound.
    public var total: Int
    /// Whether every loop was counted (the search did not stop at its counting limit).
    public var complete: Bool
    /// Loops with an even number of − edges, over all the loops counted (not only those kept).
    public var reinforcing: Int
    /// Loops with an odd number of − edges, over all the loops counted.
    public var balancing: Int
    /// Loops through a value node and a revenue node, over all the loops counted.
    public var valueLoops: Int
    /// Reinforcing value loops with a reinvestment → resource edge, over all the loops counted.
    public var growthLoops: Int
    /// Balancing value loops with a reinvestment → resource edge (they limit growth).
    public var limitingLoops: Int
    /// Edges that repeat an earlier edge between the same two nodes in the same direction
    /// ("A → B"): the analysis keeps the first and ignores these.
    public var parallelEdges: [String]

    public init(
        loops: [ModelLoop] = [], total: Int = 0, complete: Bool = true, reinforcing: Int = 0,
        balancing: Int = 0, valueLoops: Int = 0, growthLoops: Int = 0, limitingLoops: Int = 0,
        parallelEdges: [String] = []
    ) {
        self.loops = loops; self.total = total; self.complete = complete; self.reinforcing = reinforcing
        self.balancing = balancing; self.valueLoops = valueLoops; self.growthLoops = growthLoops
        self.limitingLoops = limitingLoops; self.parallelEdges = parallelEdges
    }

    /// The note an analysis shows when the model has parallel edges; nil when it has none.
    public var parallelEdgesNote: String? {
        guard !parallelEdges.isEmpty else { return nil }
        let shown = parallelEdges.prefix(3).joined(separator: ", ")
        let more = parallelEdges.count > 3 ? " and \(parallelEdges.count - 3) more" : ""
        return
            """
            parallel edges (an edge given again between the same two nodes, same direction): \
            \(shown)\(more); the analysis uses the first of each and ignores the repeat
            """
    }
}

/// How one activity node is anchored in the enterprise's resources.
public struct ActivityGrounding: Sendable, Equatable {
    /// A resource-stage node with an edge into the activity.
    public struct Feeder: Sendable, Equatable {
        /// The node's name.
        public var node: String
        /// The strength of the resource the node names; nil when it names no resource.
        public var strength: Double?
        public init(node: String, strength: Double?) { self.node = node; self.strength = strength }
    }

    public var activity: String
    /// Every resource-stage node feeding the activity, in edge order.
    public var feeders: [Feeder]

    public init(activity: String, feeders: [Feeder]) { self.activity = activity; self.feeders = feeders }

    /// The feeders that are resources of real strength (≥ `Resource.anchoringStrength`).
    public var anchors: [String] {
        feeders.filter { ($0.strength ?? -1) >= Resource.anchoringStrength }.map(\.node)
    }

    /// Whether some resource of real strength feeds the activity.
    public var isAnchored: Bool { !anchors.isEmpty }

    /// Why the activity is not anchored, in words (nil when it is).
    public var problem: String? {
        if isAnchored { return nil }
        if feeders.isEmpty { return "no resource node feeds it" }
        let parts = feeders.map { f in
            f.strength.map { "\(f.node) (strength \(ModelAnalysis.short($0)))" } ?? "\(f.node) (names no resource)"
        }
        return "fed only by " + parts.joined(separator: ", ")
            + "; anchoring needs strength ≥ \(ModelAnalysis.short(Resource.anchoringStrength))"
    }
}

/// Whether a model's activities are anchored in the enterprise's resource endowments.
public struct GroundingReport: Sendable, Equatable {
    /// Every activity node, in model order.
    public var activities: [ActivityGrounding]
    /// Resource-stage nodes whose name is no resource of the enterprise.
    public var unknownResourceNodes: [String]

    public init(activities: [ActivityGrounding] = [], unknownResourceNodes: [String] = []) {
        self.activities = activities; self.unknownResourceNodes = unknownResourceNodes
    }

    /// The activities not anchored in a resource of real strength.
    public var unanchored: [ActivityGrounding] { activities.filter { !$0.isAnchored } }
}

/// Everything `model check` reports about a model.
public struct ModelCheck: Sendable, Equatable {
    /// The model's loops, classified (see `ModelAnalysis.loops(in:limit:countLimit:)`).
    public var loops: LoopReport
    /// Whether each activity stands on a strong resource (see `ModelAnalysis.grounding(of:resources:)`).
    public var grounding: GroundingReport
    /// Stages with no node at all (the chain cannot close without value, revenue, …).
    public var missingStages: [ValueModel.Stage]
    /// Nodes with no edge in or out.
    public var isolatedNodes: [String]

    /// Whether the model closes at least one value loop, every activity is anchored and every
    /// resource node names a resource.
    public var isSound: Bool {
        loops.valueLoops > 0 && grounding.unanchored.isEmpty && grounding.unknownResourceNodes.isEmpty
    }
}

/// Analyses of value models. Names are matched ignoring case (`Name.fold`); edges whose ends are
/// not nodes of the model are ignored.
public enum ModelAnalysis {
    /// How many loops `loops(in:)` keeps in full by default.
    public static let defaultLoopLimit = 50
    /// How many loops `loops(in:)` counts at most by default, so that a dense model answers in
    /// bounded time.
    public static let defaultCountLimit = 200_000

    /// Finds every elementary loop of `model` (Johnson's algorithm, see `Cycles`) and classifies
    /// each as reinforcing or balancing, value loop and growth loop.
    ///
    /// - Parameters:
    ///   - model: the value model.
    ///   - limit: how many loops to keep in full; the others are only counted.
    ///   - countLimit: stop after counting this many loops (the report then says `complete == false`).
    ///   - stop: asked every 1,024 loops; true stops the count there (as `countLimit` does): a
    ///     cancelled command's way out.
    /// - Returns: the loops kept and the counts.
    /// - Complexity: O((n + e)(c + 1) + n(n + e)) for n nodes, e edges and c loops counted.
    public static func loops(
        in model: ValueModel, limit: Int = defaultLoopLimit,
        countLimit: Int = defaultCountLimit, stop: () -> Bool = { false }
    ) -> LoopReport {
        let graph = Graph(model)
        var report = LoopReport(parallelEdges: graph.parallel)
        let complete = Cycles.forEach(adjacency: graph.adjacency) { cycle in
            var negatives = 0
            var value = false, revenue = false, reinvestToResource = false
            let count = cycle.count
            var i = cycle.startIndex
            while i < cycle.endIndex {
                let v = cycle[i]
                let next = i + 1 < cycle.endIndex ? cycle[i + 1] : cycle[cycle.startIndex]
                if graph.sign(v, next) == .negative { negatives += 1 }
                switch graph.stages[v] {
                case .value: value = true
                case .revenue: revenue = true
                case .reinvestment: if graph.stages[next] == .resource { reinvestToResource = true }
                default: break
                }
                i += 1
            }
            let polarity: ModelLoop.Polarity = negatives % 2 == 0 ? .reinforcing : .balancing
            let isValue = value && revenue
            let isGrowth = isValue && reinvestToResource && polarity == .reinforcing
            let limits = isValue && reinvestToResource && polarity == .balancing
            report.total += 1
            if polarity == .reinforcing { report.reinforcing += 1 } else { report.balancing += 1 }
            if isValue { report.valueLoops += 1 }
            if isGrowth { report.growthLoops += 1 }
            if limits { report.limitingLoops += 1 }
            if report.loops.count < limit {
                // Start the loop at its node of earliest stage (first such in cycle order).
                var first = 0
                for k in 1..<max(1, count)
                where graph.stages[cycle[cycle.startIndex + k]].order
                    < graph.stages[cycle[cycle.startIndex + first]].order
                { first = k }
                var names: [String] = []
                var signs: [ValueModel.Polarity] = []
                names.reserveCapacity(count); signs.reserveCapacity(count)
                for k in 0..<count {
                    let v = cycle[cycle.startIndex + (first + k) % count]
                    let w = cycle[cycle.startIndex + (first + k + 1) % count]
                    names.append(graph.names[v])
                    signs.append(graph.sign(v, w))
                }
                report.loops.append(
                    ModelLoop(
                        nodes: names, signs: signs, polarity: polarity,
                        isValueLoop: isValue, isGrowthLoop: isGrowth, limitsGrowth: limits))
            }
            return report.total < countLimit && (report.total & 1023 != 0 || !stop())
        }
        report.complete = complete
        return report
    }

    /// Checks that every activity of `model` is anchored in a resource of real strength: some
    /// edge into it comes from a resource-stage node whose name is one of `resources` with
    /// strength ≥ `Resource.anchoringStrength`. Also lists resource-stage nodes that name no
    /// resource.
    ///
    /// - Parameters:
    ///   - model: the value model.
    ///   - resources: the enterprise's resources.
    /// - Returns: the grounding of every activity, in model order.
    /// - Complexity: O(n + e + r).
    public static func grounding(of model: ValueModel, resources: [Resource]) -> GroundingReport {
        var strength: [String: Double] = [:]
        for r in resources { strength[Name.fold(r.name)] = r.strength }
        let graph = Graph(model)
        var report = GroundingReport()
        for (v, node) in model.nodes.enumerated() where graph.isCanonical[v] {
            switch node.stage {
            case .resource:
                if strength[Name.fold(node.name)] == nil { report.unknownResourceNodes.append(node.name) }
            case .activity:
                var feeders: [ActivityGrounding.Feeder] = []
                for u in graph.predecessors[v] where graph.stages[u] == .resource {
                    feeders.append(.init(node: graph.names[u], strength: strength[Name.fold(graph.names[u])]))
                }
                report.activities.append(ActivityGrounding(activity: node.name, feeders: feeders))
            default: break
            }
        }
        return report
    }

    /// Runs every check of a model of `enterprise`: loops, grounding, missing stages and isolated
    /// nodes.
    ///
    /// - Parameters:
    ///   - model: the value model.
    ///   - enterprise: the enterprise whose resources anchor the model.
    ///   - limit: how many loops to keep in full.
    ///   - countLimit: how many loops to count at most.
    public static func check(
        _ model: ValueModel, of enterprise: Enterprise, limit: Int = defaultLoopLimit,
        countLimit: Int = defaultCountLimit
    ) -> ModelCheck {
        let graph = Graph(model)
        let present = Set(model.nodes.map(\.stage))
        var isolated: [String] = []
        for v in model.nodes.indices
        where graph.isCanonical[v] && graph.adjacency[v].isEmpty && graph.predecessors[v].isEmpty {
            isolated.append(model.nodes[v].name)
        }
        return ModelCheck(
            loops: loops(in: model, limit: limit, countLimit: countLimit),
            grounding: grounding(of: model, resources: enterprise.resources),
            missingStages: ValueModel.Stage.allCases.filter { !present.contains($0) },
            isolatedNodes: isolated)
    }

    /// A number as short as it can be written (`6`, `5.5`).
    static func short(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

extension ValueModel.Stage {
    /// The stage's position in the chain: resource 0 … reinvestment 5.
    public var order: Int {
        switch self {
        case .resource: return 0
        case .activity: return 1
        case .value: return 2
        case .revenue: return 3
        case .profit: return 4
        case .reinvestment: return 5
        }
    }
}

extension ValueModel {
    /// The node named `name` (ignoring case), if any.
    public func node(named name: String) -> Node? {
        nodes.first { Name.same($0.name, name) }
    }

    /// The edge from `from` to `to` (ignoring case), if any.
    public func edge(from: String, to: String) -> Edge? {
        edges.first { Name.same($0.from, from) && Name.same($0.to, to) }
    }
}

/// A model as an indexed graph: node i is `model.nodes[i]`.
struct Graph {
    var names: [String]
    var stages: [ValueModel.Stage]
    var adjacency: [[Int]]
    var predecessors: [[Int]]
    /// False for a node whose name repeats an earlier node's (corrupt input): it is left out.
    var isCanonical: [Bool]
    /// Edges that repeat an earlier one between the same ordered pair ("A → B"), left out.
    var parallel: [String] = []
    /// Negative edges: a bit matrix for models up to `denseLimit` nodes (one probe per edge of
    /// every loop counted, so it must be cheap), a set above.
    private var negativeBits: [UInt64]
    private var negative: Set<Int64>
    private let dense: Bool
    private let n: Int
    static let denseLimit = 4096

    init(_ model: ValueModel) {
        n = model.nodes.count
        names = model.nodes.map(\.name)
        stages = model.nodes.map(\.stage)
        adjacency = [[Int]](repeating: [], count: n)
        predecessors = [[Int]](repeating: [], count: n)
        isCanonical = [Bool](repeating: true, count: n)
        negative = []
        dense = n <= Graph.denseLimit
        negativeBits = dense ? [UInt64](repeating: 0, count: (n * n + 63) / 64) : []
        var index: [String: Int] = [:]
        index.reserveCapacity(n)
        for (i, node) in model.nodes.enumerated() {
            let key = Name.fold(node.name)
            if index[key] == nil { index[key] = i } else { isCanonical[i] = false }
        }
        var seen = Set<Int64>()
        for e in model.edges {
            guard let u = index[Name.fold(e.from)], let v = index[Name.fold(e.to)] else { continue }
            let key = Int64(u) * Int64(n) + Int64(v)
            guard seen.insert(key).inserted else { parallel.append("\(names[u]) → \(names[v])"); continue }
            adjacency[u].append(v)
            predecessors[v].append(u)
            if e.polarity == .negative {
                if dense { negativeBits[Int(key) >> 6] |= 1 << UInt64(Int(key) & 63) } else { negative.insert(key) }
            }
        }
    }

    func sign(_ u: Int, _ v: Int) -> ValueModel.Polarity {
        if dense {
            let key = u * n + v
            return negativeBits[key >> 6] & (1 << UInt64(key & 63)) != 0 ? .negative : .positive
        }
        return negative.contains(Int64(u) * Int64(n) + Int64(v)) ? .negative : .positive
    }
}

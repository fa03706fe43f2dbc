import ValueCore
import Workbench

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
        /// Activities with no resource of real strength behind them.
        var ungrounded: [String]
        var activities: Int
        var anchored: Bool { activities > 0 && ungrounded.isEmpty }
        var closed: Bool { !valueLoops.isEmpty }
    }

    static func read(_ model: ValueModel, of e: Enterprise) -> ModelReading {
        // Provisional: strongly connected components stand in for the loop analysis until
        // ValueCore's model analysis lands; then this calls it.
        let index = Dictionary(model.nodes.enumerated().map { (Name.fold($0.element.name), $0.offset) },
                               uniquingKeysWith: { a, _ in a })
        var next = [[Int]](repeating: [], count: model.nodes.count)
        var prev = [[Int]](repeating: [], count: model.nodes.count)
        for edge in model.edges {
            guard let a = index[Name.fold(edge.from)], let b = index[Name.fold(edge.to)] else { continue }
            next[a].append(b); prev[b].append(a)
        }
        func reach(_ start: Int, _ adj: [[Int]]) -> Set<Int> {
            var seen: Set<Int> = [start], stack = [start]
            while let n = stack.popLast() { for m in adj[n] where seen.insert(m).inserted { stack.append(m) } }
            return seen
        }
        var valueLoops: [[String]] = [], growthLoops: [[String]] = []
        var done = Set<Int>()
        for (i, node) in model.nodes.enumerated() where node.stage == .value && !done.contains(i) {
            let component = reach(i, next).intersection(reach(i, prev))
            done.formUnion(component)
            let stages = Set(component.map { model.nodes[$0].stage })
            guard stages.contains(.revenue) else { continue }
            let names = component.sorted().map { model.nodes[$0].name }
            valueLoops.append(names)
            if stages.contains(.reinvestment) && stages.contains(.resource) { growthLoops.append(names) }
        }
        var ungrounded: [String] = []
        var activities = 0
        for (i, node) in model.nodes.enumerated() where node.stage == .activity {
            activities += 1
            let anchored = prev[i].contains { p in
                let source = model.nodes[p]
                guard source.stage == .resource else { return false }
                guard let r = e.resources.first(where: { Name.same($0.name, source.name) }) else { return false }
                return r.strength >= Resource.anchoringStrength
            }
            if !anchored { ungrounded.append(node.name) }
        }
        return ModelReading(model: model.name, valueLoops: valueLoops, growthLoops: growthLoops,
                            ungrounded: ungrounded, activities: activities)
    }
}

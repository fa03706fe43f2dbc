import Testing
import ValueCore

@Suite struct ModelAnalysisTests {
    typealias Stage = ValueModel.Stage

    static func model(_ nodes: [(String, Stage)], _ edges: [(String, String, ValueModel.Polarity)]) -> ValueModel {
        ValueModel(
            name: "M", nodes: nodes.map { .init(name: $0.0, stage: $0.1) },
            edges: edges.map { .init(from: $0.0, to: $0.1, polarity: $0.2) })
    }

    /// The CATL-like chain: a growth loop, and a balancing capacity loop.
    static let chain = model(
        [
            ("Battery R&D", .resource), ("Scale", .resource), ("Cells", .activity), ("Factories", .activity),
            ("Range", .value), ("Cost", .value), ("Sales", .revenue), ("Profit", .profit), ("Reinvest", .reinvestment),
        ],
        [
            ("Battery R&D", "Cells", .positive), ("Cells", "Range", .positive), ("Range", "Sales", .positive),
            ("Sales", "Profit", .positive), ("Profit", "Reinvest", .positive), ("Reinvest", "Battery R&D", .positive),
            ("Scale", "Factories", .positive), ("Factories", "Cost", .positive), ("Cost", "Sales", .positive),
            ("Sales", "Factories", .negative),
        ])

    static let resources = [
        Resource(name: "battery r&d", kind: .technology, strength: 9),
        Resource(name: "Scale", kind: .capacity, strength: 5),
    ]

    /// A loop through reinvestment back to a resource with one − edge is balancing: it limits
    /// growth and is not counted as a growth loop.
    @Test func aBalancingReinvestmentLoopIsNotGrowth() {
        let m = Self.model(
            [
                ("R&D", .resource), ("Cells", .activity), ("Range", .value), ("Sales", .revenue), ("Profit", .profit),
                ("Reinvest", .reinvestment),
            ],
            [
                ("R&D", "Cells", .positive), ("Cells", "Range", .positive), ("Range", "Sales", .positive),
                ("Sales", "Profit", .positive), ("Profit", "Reinvest", .negative), ("Reinvest", "R&D", .positive),
            ])
        let r = ModelAnalysis.loops(in: m)
        #expect(r.total == 1 && r.balancing == 1 && r.valueLoops == 1)
        #expect(r.growthLoops == 0 && r.limitingLoops == 1)
        #expect(r.loops[0].isValueLoop && !r.loops[0].isGrowthLoop && r.loops[0].limitsGrowth)
        // Two − edges: reinforcing again, a growth loop.
        var both = m
        both.edges[5].polarity = .negative
        let r2 = ModelAnalysis.loops(in: both)
        #expect(r2.growthLoops == 1 && r2.limitingLoops == 0 && r2.loops[0].isGrowthLoop && !r2.loops[0].limitsGrowth)
    }

    /// An edge given twice between the same ordered pair (a loaded model; commands refuse it) is
    /// reported, and only the first is used.
    @Test func parallelEdgesAreReported() {
        var m = Self.chain
        m.edges.append(.init(from: "profit", to: "reinvest", polarity: .negative))
        m.edges.append(.init(from: "Reinvest", to: "Profit", polarity: .positive))  // the other direction: not parallel
        let r = ModelAnalysis.loops(in: m)
        #expect(r.parallelEdges == ["Profit → Reinvest"])
        #expect(r.growthLoops == 1, "the first (+) edge is used")
        #expect(r.parallelEdgesNote?.contains("Profit → Reinvest") == true)
        #expect(ModelAnalysis.loops(in: Self.chain).parallelEdgesNote == nil)
    }

    @Test func loopsOfTheChain() {
        let r = ModelAnalysis.loops(in: Self.chain)
        #expect(r.total == 2)
        #expect(r.complete)
        #expect(r.reinforcing == 1 && r.balancing == 1)
        #expect(r.valueLoops == 2)
        #expect(r.growthLoops == 1)
        let growth = r.loops.first { $0.isGrowthLoop }
        #expect(growth?.nodes == ["Battery R&D", "Cells", "Range", "Sales", "Profit", "Reinvest"])
        #expect(growth?.polarity == .reinforcing)
        let capacity = r.loops.first { $0.polarity == .balancing }
        // Starts at its earliest stage (the activity), signs follow the edges.
        #expect(capacity?.nodes == ["Factories", "Cost", "Sales"])
        #expect(capacity?.signs == [.positive, .positive, .negative])
        #expect(capacity?.isValueLoop == true)
        #expect(capacity?.isGrowthLoop == false)
        #expect(capacity?.negativeEdges == 1)
    }

    /// Polarity is the product of the signs: even count of − edges reinforces, odd balances.
    @Test(arguments: [
        (0, ModelLoop.Polarity.reinforcing), (1, .balancing), (2, .reinforcing), (3, .balancing), (4, .reinforcing),
    ])
    func polarityFollowsNegativeEdges(negatives: Int, expected: ModelLoop.Polarity) {
        let names = ["a", "b", "c", "d", "e"]
        let nodes = names.map { ($0, Stage.activity) }
        let edges = names.indices.map { i in
            (names[i], names[(i + 1) % names.count], i < negatives ? ValueModel.Polarity.negative : .positive)
        }
        let r = ModelAnalysis.loops(in: Self.model(nodes, edges))
        #expect(r.total == 1)
        #expect(r.loops.first?.polarity == expected)
        #expect(r.loops.first?.polarity.letter == (negatives % 2 == 0 ? "R" : "B"))
    }

    /// Value loop: through value and revenue. Growth loop: a value loop with reinvestment → resource.
    @Test(arguments: [
        ([Stage.value, .revenue], true, false),
        ([.value, .activity], false, false),
        ([.revenue, .profit], false, false),
        ([.resource, .activity, .value, .revenue, .profit, .reinvestment], true, true),
        // Reinvestment feeds an activity, not a resource: a value loop, not a growth loop.
        ([.activity, .value, .revenue, .reinvestment], true, false),
        // Reinvestment → resource but no revenue: not even a value loop.
        ([.resource, .activity, .value, .reinvestment], false, false),
    ])
    func classification(stages: [Stage], value: Bool, growth: Bool) {
        let nodes = stages.enumerated().map { ("n\($0.offset)", $0.element) }
        let edges = nodes.indices.map { (nodes[$0].0, nodes[($0 + 1) % nodes.count].0, ValueModel.Polarity.positive) }
        let r = ModelAnalysis.loops(in: Self.model(nodes, edges))
        #expect(r.total == 1)
        #expect(r.loops.first?.isValueLoop == value)
        #expect(r.loops.first?.isGrowthLoop == growth)
        #expect(r.valueLoops == (value ? 1 : 0))
        #expect(r.growthLoops == (growth ? 1 : 0))
    }

    @Test func limitKeepsFewButCountsAll() {
        // Complete graph on 5 activity nodes: 84 loops.
        let names = (0..<5).map { "n\($0)" }
        var edges: [(String, String, ValueModel.Polarity)] = []
        for a in names { for b in names where a != b { edges.append((a, b, .positive)) } }
        let m = Self.model(names.map { ($0, .activity) }, edges)
        let r = ModelAnalysis.loops(in: m, limit: 3)
        #expect(r.total == 84 && r.loops.count == 3 && r.complete && r.reinforcing == 84)
        let capped = ModelAnalysis.loops(in: m, limit: 3, countLimit: 10)
        #expect(capped.total == 10 && !capped.complete)
    }

    /// Above 4,096 nodes the signs live in a hashed set rather than a bit matrix: same answers.
    @Test(arguments: [100, 5_000])
    func signsOfLargeModels(n: Int) {
        let names = (0..<n).map { "n\($0)" }
        let edges =
            names.indices.map {
                (names[$0], names[($0 + 1) % n], $0 == n / 2 ? ValueModel.Polarity.negative : .positive)
            }
            + [(names[1], names[0], .negative)]
        let r = ModelAnalysis.loops(in: Self.model(names.map { ($0, .activity) }, edges))
        #expect(r.total == 2)
        #expect(r.balancing == 2 && r.reinforcing == 0)  // the ring and n0 → n1 → n0 hold one − edge each
        #expect(r.loops.first { $0.nodes.count == n }?.polarity == .balancing)
    }

    @Test func edgeNamesMatchIgnoringCaseAndDanglingEdgesAreIgnored() {
        let m = Self.model(
            [("A", .value), ("B", .revenue)], [("a", "B", .positive), ("b", "A", .negative), ("B", "Ghost", .positive)])
        let r = ModelAnalysis.loops(in: m)
        #expect(r.total == 1)
        #expect(r.loops.first?.nodes == ["A", "B"])
        #expect(r.loops.first?.polarity == .balancing)
    }

    @Test func grounding() {
        var m = Self.chain
        m.nodes.append(.init(name: "Marketing", stage: .activity))
        m.nodes.append(.init(name: "Brand", stage: .resource))
        m.edges.append(.init(from: "Brand", to: "Marketing"))
        let g = ModelAnalysis.grounding(of: m, resources: Self.resources)
        #expect(g.activities.map(\.activity) == ["Cells", "Factories", "Marketing"])
        let cells = g.activities[0]
        #expect(cells.isAnchored && cells.anchors == ["Battery R&D"])  // names match ignoring case
        let factories = g.activities[1]
        #expect(!factories.isAnchored)
        #expect(factories.feeders == [.init(node: "Scale", strength: 5)])
        #expect(factories.problem?.contains("Scale (strength 5)") == true)
        let marketing = g.activities[2]
        #expect(marketing.problem?.contains("Brand (names no resource)") == true)
        #expect(g.unanchored.map(\.activity) == ["Factories", "Marketing"])
        #expect(g.unknownResourceNodes == ["Brand"])
    }

    /// Exactly at the anchoring strength anchors; just below does not; an activity fed by a
    /// non-resource node is not anchored.
    @Test(arguments: [
        (Resource.anchoringStrength, true), (Resource.anchoringStrength - 0.5, false), (10, true), (0, false),
    ])
    func anchoringThreshold(strength: Double, anchored: Bool) {
        let m = Self.model(
            [("R", .resource), ("V", .value), ("A", .activity)], [("R", "A", .positive), ("V", "A", .positive)])
        let g = ModelAnalysis.grounding(of: m, resources: [Resource(name: "R", strength: strength)])
        #expect(g.activities.first?.isAnchored == anchored)
        #expect(g.activities.first?.feeders.count == 1)
    }

    @Test func activityWithNoFeeder() {
        let m = Self.model([("A", .activity)], [])
        let g = ModelAnalysis.grounding(of: m, resources: Self.resources)
        #expect(g.unanchored.first?.problem == "no resource node feeds it")
    }

    @Test func fullCheck() {
        var e = Enterprise(name: "CATL")
        e.resources = Self.resources
        var m = Self.chain
        m.nodes.append(.init(name: "Lonely", stage: .value))
        let c = ModelAnalysis.check(m, of: e)
        #expect(c.missingStages.isEmpty)
        #expect(c.isolatedNodes == ["Lonely"])
        #expect(c.loops.total == 2)
        #expect(c.grounding.unanchored.map(\.activity) == ["Factories"])
        #expect(!c.isSound)
        e.resources[1].strength = 8
        #expect(ModelAnalysis.check(m, of: e).isSound)
        let empty = ModelAnalysis.check(ValueModel(name: "E"), of: e)
        #expect(empty.missingStages == ValueModel.Stage.allCases)
        #expect(empty.loops.total == 0 && !empty.isSound)
    }

    @Test(arguments: [
        (Resource(name: "x"), VRIOImplication.disadvantage),
        (Resource(name: "x", valuable: true), .parity),
        (Resource(name: "x", valuable: true, rare: true), .temporary),
        (Resource(name: "x", valuable: true, rare: true, costlyToImitate: true), .unused),
        (Resource(name: "x", valuable: true, rare: true, costlyToImitate: true, organized: true), .sustained),
        (Resource(name: "x", rare: true, costlyToImitate: true, organized: true), .disadvantage),
    ])
    func vrio(resource: Resource, expected: VRIOImplication) {
        #expect(resource.vrio == expected)
    }
}

// The objects of a value model, as the seeds describe them. Every type here is a plain value:
// Codable, Equatable, Sendable, with no I/O. Names are unique within their list,
// compared case-insensitively (see `Name.fold`).

/// What an enterprise can draw on: the seeds' "resource endowments".
public struct Resource: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case technology, capacity, supplyChain = "supply-chain", brand, talent, data, ecosystem,
            capital, location, service, other
    }
    public var name: String
    public var kind: Kind
    /// How strong the enterprise is in this resource, 0–10.
    public var strength: Double
    /// The strengths `resource add|set --strength` accepts and a snapshot may hold.
    public static let strengthRange: ClosedRange<Double> = 0...10
    /// Barney's VRIO questions.
    public var valuable: Bool
    public var rare: Bool
    public var costlyToImitate: Bool
    public var organized: Bool

    public init(
        name: String, kind: Kind = .other, strength: Double = 5, valuable: Bool = false,
        rare: Bool = false, costlyToImitate: Bool = false, organized: Bool = false
    ) {
        self.name = name; self.kind = kind; self.strength = strength; self.valuable = valuable
        self.rare = rare; self.costlyToImitate = costlyToImitate; self.organized = organized
    }

    /// The strength at or above which a resource anchors an activity ("real strength").
    public static let anchoringStrength: Double = 6
}

/// A group of customers the enterprise serves.
public struct Segment: Codable, Equatable, Sendable {
    public var name: String
    /// How many customers (or accounts) the segment holds, when known.
    public var size: Int?
    /// The sizes `segment add|set --size` accepts and a snapshot may hold.
    public static let sizeRange: ClosedRange<Int> = 0...1_000_000_000_000
    /// What the segment will pay, once measured or entered (`price psm --record`, `price record`).
    public var willingnessToPay: WillingnessToPay?
    public init(name: String, size: Int? = nil, willingnessToPay: WillingnessToPay? = nil) {
        self.name = name; self.size = size; self.willingnessToPay = willingnessToPay
    }
}

/// A pain point, a gain sought or a job to be done, of one segment.
public struct Need: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable { case pain, gain, job }
    public var name: String
    public var segment: String
    public var kind: Kind
    /// How much the segment cares, 1–5.
    public var importance: Int
    /// The importances `need add|set --importance` accepts and a snapshot may hold.
    public static let importanceRange: ClosedRange<Int> = 1...5
    public init(name: String, segment: String, kind: Kind = .pain, importance: Int = 3) {
        self.name = name; self.segment = segment; self.kind = kind; self.importance = importance
    }
}

/// A product, service or platform: the seeds' "carrier" of value.
public struct Offering: Codable, Equatable, Sendable {
    public enum Carrier: String, Codable, CaseIterable, Sendable { case product, service, platform }
    public var name: String
    public var carrier: Carrier
    public var price: Double?
    public var unitCost: Double?
    /// The prices and unit costs `offering add|set` accepts and a snapshot may hold.
    public static let moneyRange: ClosedRange<Double> = 0...1e12
    public init(name: String, carrier: Carrier = .product, price: Double? = nil, unitCost: Double? = nil) {
        self.name = name; self.carrier = carrier; self.price = price; self.unitCost = unitCost
    }
}

/// How far an offering relieves a need: functional and emotional utility, each 0–10.
public struct Relief: Codable, Equatable, Sendable {
    public var offering: String
    public var need: String
    public var functional: Double
    public var emotional: Double
    /// The utilities `relief set --functional|--emotional` accepts and a snapshot may hold.
    public static let utilityRange: ClosedRange<Double> = 0...10
    public init(offering: String, need: String, functional: Double, emotional: Double) {
        self.offering = offering; self.need = need; self.functional = functional; self.emotional = emotional
    }
}

/// The enterprise's offering level on one competition factor (a point of its strategy canvas).
public struct FactorScore: Codable, Equatable, Sendable {
    public var factor: String
    /// Offering level, 0–10.
    public var score: Double
    /// How much customers care about the factor, 1–5, when known.
    public var importance: Int?
    /// The scores `factor set` accepts and a snapshot may hold.
    public static let scoreRange: ClosedRange<Double> = 0...10
    /// The importances `factor set --importance` accepts and a snapshot may hold.
    public static let importanceRange: ClosedRange<Int> = 1...5
    public init(factor: String, score: Double, importance: Int? = nil) {
        self.factor = factor; self.score = score; self.importance = importance
    }
}

/// A strategic initiative, tagged with one of the seeds' value generation elements.
public struct Initiative: Codable, Equatable, Sendable {
    public enum Element: String, Codable, CaseIterable, Sendable {
        case innovation, customerFocus = "customer-focus", operationalExcellence = "operational-excellence",
            sustainability, dataDriven = "data-driven", employeeEmpowerment = "employee-empowerment"
    }
    public var name: String
    public var element: Element
    /// A model node or KPI the initiative acts on, when given.
    public var link: String?
    public init(name: String, element: Element, link: String? = nil) {
        self.name = name; self.element = element; self.link = link
    }
}

/// One recorded figure of a KPI for a period, with its target.
public struct KPIRecord: Codable, Equatable, Sendable {
    public var kpi: String
    public var period: String
    public var value: Double
    public var target: Double?
    /// Sample size behind the value, when it came from a survey.
    public var n: Int?
    /// The values and targets a record may hold (`kpi record`, `--record` and `--target`).
    public static let valueRange: ClosedRange<Double> = -1e12...1e12
    /// The sample sizes `kpi record --n` accepts and a snapshot may hold.
    public static let sampleSizeRange: ClosedRange<Int> = 0...1_000_000_000
    /// For a KPI the catalogue does not know: lower figures are better (`--lower-is-better` when
    /// first recorded, carried by every later record). Nil means higher is better.
    public var lowerIsBetter: Bool?
    /// The answer counts behind a survey figure, kept by `--record` so that two periods can be
    /// tested against each other (`kpi compare KPI PERIOD PERIOD`): NPS promoters, passives,
    /// detractors; CSAT satisfied, answers.
    public var counts: [Int]?
    public init(
        kpi: String, period: String, value: Double, target: Double? = nil, n: Int? = nil,
        lowerIsBetter: Bool? = nil, counts: [Int]? = nil
    ) {
        self.kpi = kpi; self.period = period; self.value = value; self.target = target; self.n = n
        self.lowerIsBetter = lowerIsBetter; self.counts = counts
    }
}

/// A value delivery chain: nodes at stages, joined by signed edges (a causal loop diagram).
public struct ValueModel: Codable, Equatable, Sendable {
    public enum Stage: String, Codable, CaseIterable, Sendable {
        case resource, activity, value, revenue, profit, reinvestment
    }
    public struct Node: Codable, Equatable, Sendable {
        public var name: String
        public var stage: Stage
        public init(name: String, stage: Stage) { self.name = name; self.stage = stage }
    }
    public enum Polarity: String, Codable, Sendable { case positive = "+", negative = "-" }
    public struct Edge: Codable, Equatable, Sendable {
        public var from: String
        public var to: String
        public var polarity: Polarity
        public init(from: String, to: String, polarity: Polarity = .positive) {
            self.from = from; self.to = to; self.polarity = polarity
        }
    }
    public var name: String
    /// The value proposition this scenario delivers.
    public var proposition: String?
    public var nodes: [Node]
    public var edges: [Edge]
    public init(name: String, proposition: String? = nil, nodes: [Node] = [], edges: [Edge] = []) {
        self.name = name; self.proposition = proposition; self.nodes = nodes; self.edges = edges
    }
}

/// An enterprise and everything modelled about it.
///
/// Its lists live in one copy-on-write box, so copying an enterprise (into the undo history, a
/// change record, a result) costs one reference count however much is modelled; changing a
/// list copies the box only when it is shared. The lists are declared once, in `Lists`: the
/// box's copy, equality and the snapshot's Codable all come from that one declaration.
public struct Enterprise: Codable, Equatable, Sendable {
    public var name: String
    public var industry: String?
    private var box: Box

    /// Everything modelled about an enterprise besides its name and industry. A new list is one
    /// line here (`@OmittedWhenEmpty`: snapshots leave it out when empty and read it as empty
    /// when missing, so older snapshots stay readable) and one accessor below.
    struct Lists: Codable, Equatable, Sendable {
        @OmittedWhenEmpty var competitors: [String] = []
        @OmittedWhenEmpty var resources: [Resource] = []
        @OmittedWhenEmpty var segments: [Segment] = []
        @OmittedWhenEmpty var needs: [Need] = []
        @OmittedWhenEmpty var offerings: [Offering] = []
        @OmittedWhenEmpty var reliefs: [Relief] = []
        @OmittedWhenEmpty var factors = FactorColumns()
        @OmittedWhenEmpty var priceFactors: [String] = []
        @OmittedWhenEmpty var initiatives: [Initiative] = []
        @OmittedWhenEmpty var kpis: [KPIRecord] = []
        @OmittedWhenEmpty var models: [ValueModel] = []
        var guideStep: Int?
        var price: Double?
    }

    /// The enterprise's lists, shared between copies until one of them changes (copy on write).
    private final class Box: @unchecked Sendable {
        /// Reachable only through `Enterprise`, whose own accesses Swift checks statically, so
        /// it skips the run-time exclusivity check a class's property otherwise gets (that check
        /// was an eighth of a million-row import).
        @exclusivity(unchecked) var lists: Lists
        init(_ lists: Lists) { self.lists = lists }
    }

    /// The box, copied first if another enterprise shares it.
    private mutating func unique() -> Box {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.lists) }
        return box
    }

    /// Named competitors; when empty, analyses compare with enterprises of the same industry.
    public var competitors: [String] {
        get { box.lists.competitors }
        _modify { yield &unique().lists.competitors }
    }
    public var resources: [Resource] {
        get { box.lists.resources }
        _modify { yield &unique().lists.resources }
    }
    public var segments: [Segment] {
        get { box.lists.segments }
        _modify { yield &unique().lists.segments }
    }
    public var needs: [Need] {
        get { box.lists.needs }
        _modify { yield &unique().lists.needs }
    }
    public var offerings: [Offering] {
        get { box.lists.offerings }
        _modify { yield &unique().lists.offerings }
    }
    public var reliefs: [Relief] {
        get { box.lists.reliefs }
        _modify { yield &unique().lists.reliefs }
    }
    public var factors: [FactorScore] {
        get { box.lists.factors.list }
        _modify { yield &unique().lists.factors.list }
    }
    /// The factors this enterprise marks as price factors (`factor set … --kind price`): they
    /// measure what customers pay, not the quality they get, so the value map leaves them out of
    /// perceived quality. A mark holds across the workspace (see `Workspace.isPriceFactor`).
    public var priceFactors: [String] {
        get { box.lists.priceFactors }
        _modify { yield &unique().lists.priceFactors }
    }
    public var initiatives: [Initiative] {
        get { box.lists.initiatives }
        _modify { yield &unique().lists.initiatives }
    }
    public var kpis: [KPIRecord] {
        get { box.lists.kpis }
        _modify { yield &unique().lists.kpis }
    }
    public var models: [ValueModel] {
        get { box.lists.models }
        _modify { yield &unique().lists.models }
    }
    /// The implementation-guide step the enterprise is on (1–5), once the guide has started.
    public var guideStep: Int? {
        get { box.lists.guideStep }
        _modify { yield &unique().lists.guideStep }
    }
    /// Price level for the value map when no offering carries a price.
    public var price: Double? {
        get { box.lists.price }
        _modify { yield &unique().lists.price }
    }
    /// The guide's steps (`guide step N`), as a snapshot may hold them.
    public static let guideStepRange: ClosedRange<Int> = 1...5
    /// The price levels `enterprise set --price` accepts and a snapshot may hold.
    public static let priceRange: ClosedRange<Double> = 0...1e12

    /// The factors scored, in order (shared between enterprises scoring the same factors).
    public var factorNames: [String] { box.lists.factors.names }
    /// The scores, in the order of `factorNames`.
    public var factorScores: [Double] { box.lists.factors.scores }

    /// Sets every factor score at once, without importance. Passing the same `names` array to
    /// many enterprises stores it once (a bulk import).
    /// - Precondition: `names.count == scores.count`.
    public mutating func setFactorScores(names: [String], scores: [Double]) {
        precondition(names.count == scores.count, "one score per factor")
        unique().lists.factors = FactorColumns(names: names, scores: scores)
    }

    /// Whether the factor columns are those of `o` (without building `factors`).
    func sameFactors(as o: Enterprise) -> Bool { box === o.box || box.lists.factors == o.box.lists.factors }

    public init(name: String, industry: String? = nil) {
        self.name = name; self.industry = industry
        box = Enterprise.empty
    }

    /// New enterprises share one empty box until their first change: adding 100,000 of them
    /// allocates no boxes.
    private static let empty = Box(Lists())

    public static func == (a: Enterprise, b: Enterprise) -> Bool {
        a.name == b.name && a.industry == b.industry && (a.box === b.box || a.box.lists == b.box.lists)
    }

    private enum CodingKeys: String, CodingKey { case name, industry }

    // The lists sit beside the name in the snapshot's object, as `Lists` codes them.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        industry = try c.decodeIfPresent(String.self, forKey: .industry)
        box = Box(try Lists(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(industry, forKey: .industry)
        try box.lists.encode(to: encoder)
    }
}

/// An enterprise's factor scores, kept as columns: a million imported enterprises that score the
/// same factors then share one list of names, and each holds only its scores (a tenth of the
/// memory of `[FactorScore]`). Snapshots hold them as `[FactorScore]`.
struct FactorColumns: Codable, Equatable, Sendable {
    var names: [String] = []
    var scores: [Double] = []
    /// Empty when no factor has an importance; else one per factor, 0 for unknown.
    var importance: [UInt8] = []

    init() {}
    init(names: [String], scores: [Double]) { self.names = names; self.scores = scores }

    var isEmpty: Bool { names.isEmpty }

    /// The columns as rows.
    var list: [FactorScore] {
        get {
            var out: [FactorScore] = []
            out.reserveCapacity(names.count)
            for i in names.indices {
                let imp = importance.isEmpty ? 0 : importance[i]
                out.append(FactorScore(factor: names[i], score: scores[i], importance: imp == 0 ? nil : Int(imp)))
            }
            return out
        }
        set {
            let newNames = newValue.map(\.factor)
            if newNames != names { names = newNames }
            scores = newValue.map(\.score)
            importance =
                newValue.contains { $0.importance != nil }
                ? newValue.map { UInt8(clamping: $0.importance ?? 0) } : []
        }
    }

    init(from decoder: any Decoder) throws { list = try decoder.singleValueContainer().decode([FactorScore].self) }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(list)
    }
}

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
    /// Barney's VRIO questions.
    public var valuable: Bool
    public var rare: Bool
    public var costlyToImitate: Bool
    public var organized: Bool

    public init(name: String, kind: Kind = .other, strength: Double = 5, valuable: Bool = false,
                rare: Bool = false, costlyToImitate: Bool = false, organized: Bool = false) {
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
    public init(name: String, size: Int? = nil) { self.name = name; self.size = size }
}

/// A pain point, a gain sought or a job to be done, of one segment.
public struct Need: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable { case pain, gain, job }
    public var name: String
    public var segment: String
    public var kind: Kind
    /// How much the segment cares, 1–5.
    public var importance: Int
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
    public init(kpi: String, period: String, value: Double, target: Double? = nil, n: Int? = nil) {
        self.kpi = kpi; self.period = period; self.value = value; self.target = target; self.n = n
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
public struct Enterprise: Codable, Equatable, Sendable {
    public var name: String
    public var industry: String?
    /// Named competitors; when empty, analyses compare with enterprises of the same industry.
    public var competitors: [String]
    public var resources: [Resource]
    public var segments: [Segment]
    public var needs: [Need]
    public var offerings: [Offering]
    public var reliefs: [Relief]
    public var factors: [FactorScore]
    public var initiatives: [Initiative]
    public var kpis: [KPIRecord]
    public var models: [ValueModel]
    /// The implementation-guide step the enterprise is on (1–5), once the guide has started.
    public var guideStep: Int?
    /// Price level for the value map when no offering carries a price.
    public var price: Double?

    public init(name: String, industry: String? = nil) {
        self.name = name; self.industry = industry
        competitors = []; resources = []; segments = []; needs = []; offerings = []; reliefs = []
        factors = []; initiatives = []; kpis = []; models = []
    }

    // Decoding tolerates missing lists so that snapshots stay readable as the model grows.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        industry = try c.decodeIfPresent(String.self, forKey: .industry)
        competitors = try c.decodeIfPresent([String].self, forKey: .competitors) ?? []
        resources = try c.decodeIfPresent([Resource].self, forKey: .resources) ?? []
        segments = try c.decodeIfPresent([Segment].self, forKey: .segments) ?? []
        needs = try c.decodeIfPresent([Need].self, forKey: .needs) ?? []
        offerings = try c.decodeIfPresent([Offering].self, forKey: .offerings) ?? []
        reliefs = try c.decodeIfPresent([Relief].self, forKey: .reliefs) ?? []
        factors = try c.decodeIfPresent([FactorScore].self, forKey: .factors) ?? []
        initiatives = try c.decodeIfPresent([Initiative].self, forKey: .initiatives) ?? []
        kpis = try c.decodeIfPresent([KPIRecord].self, forKey: .kpis) ?? []
        models = try c.decodeIfPresent([ValueModel].self, forKey: .models) ?? []
        guideStep = try c.decodeIfPresent(Int.self, forKey: .guideStep)
        price = try c.decodeIfPresent(Double.self, forKey: .price)
    }
}

/// Case-insensitive names.
public enum Name {
    /// The key under which a name is unique: Unicode lower case. ASCII takes a fast path.
    @inlinable
    public static func fold(_ name: String) -> String {
        var ascii = true
        var hasUpper = false
        for b in name.utf8 {
            if b >= 0x80 { ascii = false; break }
            if b >= 0x41 && b <= 0x5A { hasUpper = true }
        }
        if ascii && !hasUpper { return name }
        return name.lowercased()
    }

    /// Whether two names are the same name.
    @inlinable
    public static func same(_ a: String, _ b: String) -> Bool {
        a == b || fold(a) == fold(b)
    }
}

extension Array {
    /// The index of the element whose name (read by `key`) matches `name` case-insensitively.
    @inlinable
    public func index(named name: String, by key: (Element) -> String) -> Int? {
        let folded = Name.fold(name)
        return firstIndex { Name.fold(key($0)) == folded }
    }
}

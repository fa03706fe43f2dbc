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
    /// For a KPI the catalogue does not know: lower figures are better (`--lower-is-better` when
    /// first recorded, carried by every later record). Nil means higher is better.
    public var lowerIsBetter: Bool?
    /// The answer counts behind a survey figure, kept by `--record` so that two periods can be
    /// tested against each other (`kpi compare KPI PERIOD PERIOD`): NPS promoters, passives,
    /// detractors; CSAT satisfied, answers.
    public var counts: [Int]?
    public init(kpi: String, period: String, value: Double, target: Double? = nil, n: Int? = nil, lowerIsBetter: Bool? = nil,
                counts: [Int]? = nil) {
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
/// list copies the box only when it is shared.
public struct Enterprise: Codable, Equatable, Sendable {
    public var name: String
    public var industry: String?
    private var box: Storage

    /// The enterprise's lists, shared between copies until one of them changes (copy on write).
    /// The box is reachable only through `Enterprise`, whose own accesses Swift checks
    /// statically, so the box's properties skip the run-time exclusivity checks a class's
    /// properties otherwise get (they were an eighth of a million-row import).
    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var competitors: [String] = []
        @exclusivity(unchecked) var resources: [Resource] = []
        @exclusivity(unchecked) var segments: [Segment] = []
        @exclusivity(unchecked) var needs: [Need] = []
        @exclusivity(unchecked) var offerings: [Offering] = []
        @exclusivity(unchecked) var reliefs: [Relief] = []
        // Factor scores are kept as columns: a million imported enterprises that score the same
        // factors then share one list of names, and each holds only its scores (a tenth of the
        // memory of [FactorScore]). `Enterprise.factors` shows them as [FactorScore].
        @exclusivity(unchecked) var factorNames: [String] = []
        @exclusivity(unchecked) var factorScores: [Double] = []
        /// Empty when no factor has an importance; else one per factor, 0 for unknown.
        @exclusivity(unchecked) var factorImportance: [UInt8] = []
        @exclusivity(unchecked) var priceFactors: [String] = []
        var factors: [FactorScore] {
            get {
                var out: [FactorScore] = []
                out.reserveCapacity(factorNames.count)
                for i in factorNames.indices {
                    let imp = factorImportance.isEmpty ? 0 : factorImportance[i]
                    out.append(FactorScore(factor: factorNames[i], score: factorScores[i], importance: imp == 0 ? nil : Int(imp)))
                }
                return out
            }
            set {
                let names = newValue.map(\.factor)
                if names != factorNames { factorNames = names }
                factorScores = newValue.map(\.score)
                factorImportance = newValue.contains { $0.importance != nil }
                    ? newValue.map { UInt8(clamping: $0.importance ?? 0) } : []
            }
        }
        @exclusivity(unchecked) var initiatives: [Initiative] = []
        @exclusivity(unchecked) var kpis: [KPIRecord] = []
        @exclusivity(unchecked) var models: [ValueModel] = []
        @exclusivity(unchecked) var guideStep: Int?
        @exclusivity(unchecked) var price: Double?
        init() {}
        func copy() -> Storage {
            let s = Storage()
            s.competitors = competitors
            s.resources = resources
            s.segments = segments
            s.needs = needs
            s.offerings = offerings
            s.reliefs = reliefs
            s.factorNames = factorNames
            s.factorScores = factorScores
            s.factorImportance = factorImportance
            s.priceFactors = priceFactors
            s.initiatives = initiatives
            s.kpis = kpis
            s.models = models
            s.guideStep = guideStep
            s.price = price
            return s
        }
        func same(as o: Storage) -> Bool {
            self === o || (competitors == o.competitors && resources == o.resources && segments == o.segments && needs == o.needs && offerings == o.offerings && reliefs == o.reliefs && factorNames == o.factorNames && factorScores == o.factorScores && factorImportance == o.factorImportance && priceFactors == o.priceFactors && initiatives == o.initiatives && kpis == o.kpis && models == o.models && guideStep == o.guideStep && price == o.price)
        }
    }

    /// Whether the factor columns are those of `o` (without building `factors`).
    func sameFactors(as o: Enterprise) -> Bool {
        box === o.box || (box.factorNames == o.box.factorNames && box.factorScores == o.box.factorScores
                          && box.factorImportance == o.box.factorImportance)
    }

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&box) { box = box.copy() }
        return box
    }

    /// Named competitors; when empty, analyses compare with enterprises of the same industry.
    public var competitors: [String] {
        get { box.competitors }
        _modify { let b = unique(); yield &b.competitors }
        set { unique().competitors = newValue }
    }
    public var resources: [Resource] {
        get { box.resources }
        _modify { let b = unique(); yield &b.resources }
        set { unique().resources = newValue }
    }
    public var segments: [Segment] {
        get { box.segments }
        _modify { let b = unique(); yield &b.segments }
        set { unique().segments = newValue }
    }
    public var needs: [Need] {
        get { box.needs }
        _modify { let b = unique(); yield &b.needs }
        set { unique().needs = newValue }
    }
    public var offerings: [Offering] {
        get { box.offerings }
        _modify { let b = unique(); yield &b.offerings }
        set { unique().offerings = newValue }
    }
    public var reliefs: [Relief] {
        get { box.reliefs }
        _modify { let b = unique(); yield &b.reliefs }
        set { unique().reliefs = newValue }
    }
    public var factors: [FactorScore] {
        get { box.factors }
        _modify {
            var list = box.factors
            defer { unique().factors = list }
            yield &list
        }
        set { unique().factors = newValue }
    }

    /// The factors this enterprise marks as price factors (`factor set … --kind price`): they
    /// measure what customers pay, not the quality they get, so the value map leaves them out of
    /// perceived quality. A mark holds across the workspace (see `Workspace.isPriceFactor`).
    public var priceFactors: [String] {
        get { box.priceFactors }
        _modify { let b = unique(); yield &b.priceFactors }
        set { unique().priceFactors = newValue }
    }

    /// The factors scored, in order (shared between enterprises scoring the same factors).
    public var factorNames: [String] { box.factorNames }
    /// The scores, in the order of `factorNames`.
    public var factorScores: [Double] { box.factorScores }

    /// Sets every factor score at once, without importance. Passing the same `names` array to
    /// many enterprises stores it once (a bulk import).
    /// - Precondition: `names.count == scores.count`.
    public mutating func setFactorScores(names: [String], scores: [Double]) {
        precondition(names.count == scores.count, "one score per factor")
        let b = unique()
        b.factorNames = names
        b.factorScores = scores
        b.factorImportance = []
    }
    public var initiatives: [Initiative] {
        get { box.initiatives }
        _modify { let b = unique(); yield &b.initiatives }
        set { unique().initiatives = newValue }
    }
    public var kpis: [KPIRecord] {
        get { box.kpis }
        _modify { let b = unique(); yield &b.kpis }
        set { unique().kpis = newValue }
    }
    public var models: [ValueModel] {
        get { box.models }
        _modify { let b = unique(); yield &b.models }
        set { unique().models = newValue }
    }
    /// The implementation-guide step the enterprise is on (1–5), once the guide has started.
    public var guideStep: Int? {
        get { box.guideStep }
        set { unique().guideStep = newValue }
    }
    /// Price level for the value map when no offering carries a price.
    public var price: Double? {
        get { box.price }
        set { unique().price = newValue }
    }

    public init(name: String, industry: String? = nil) {
        self.name = name; self.industry = industry
        box = Enterprise.empty
    }

    /// New enterprises share one empty box until their first change: adding 100,000 of them
    /// allocates no boxes.
    private static let empty = Storage()

    public static func == (a: Enterprise, b: Enterprise) -> Bool {
        a.name == b.name && a.industry == b.industry && a.box.same(as: b.box)
    }

    private enum CodingKeys: String, CodingKey {
        case name, industry, competitors, resources, segments, needs, offerings, reliefs, factors, priceFactors, initiatives, kpis, models, guideStep, price
    }

    // Decoding tolerates missing lists so that snapshots stay readable as the model grows.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        industry = try c.decodeIfPresent(String.self, forKey: .industry)
        box = Storage()
        box.competitors = try c.decodeIfPresent([String].self, forKey: .competitors) ?? []
        box.resources = try c.decodeIfPresent([Resource].self, forKey: .resources) ?? []
        box.segments = try c.decodeIfPresent([Segment].self, forKey: .segments) ?? []
        box.needs = try c.decodeIfPresent([Need].self, forKey: .needs) ?? []
        box.offerings = try c.decodeIfPresent([Offering].self, forKey: .offerings) ?? []
        box.reliefs = try c.decodeIfPresent([Relief].self, forKey: .reliefs) ?? []
        box.factors = try c.decodeIfPresent([FactorScore].self, forKey: .factors) ?? []
        box.priceFactors = try c.decodeIfPresent([String].self, forKey: .priceFactors) ?? []
        box.initiatives = try c.decodeIfPresent([Initiative].self, forKey: .initiatives) ?? []
        box.kpis = try c.decodeIfPresent([KPIRecord].self, forKey: .kpis) ?? []
        box.models = try c.decodeIfPresent([ValueModel].self, forKey: .models) ?? []
        box.guideStep = try c.decodeIfPresent(Int.self, forKey: .guideStep)
        box.price = try c.decodeIfPresent(Double.self, forKey: .price)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(industry, forKey: .industry)
        if !box.competitors.isEmpty { try c.encode(box.competitors, forKey: .competitors) }
        if !box.resources.isEmpty { try c.encode(box.resources, forKey: .resources) }
        if !box.segments.isEmpty { try c.encode(box.segments, forKey: .segments) }
        if !box.needs.isEmpty { try c.encode(box.needs, forKey: .needs) }
        if !box.offerings.isEmpty { try c.encode(box.offerings, forKey: .offerings) }
        if !box.reliefs.isEmpty { try c.encode(box.reliefs, forKey: .reliefs) }
        if !box.factors.isEmpty { try c.encode(box.factors, forKey: .factors) }
        if !box.priceFactors.isEmpty { try c.encode(box.priceFactors, forKey: .priceFactors) }
        if !box.initiatives.isEmpty { try c.encode(box.initiatives, forKey: .initiatives) }
        if !box.kpis.isEmpty { try c.encode(box.kpis, forKey: .kpis) }
        if !box.models.isEmpty { try c.encode(box.models, forKey: .models) }
        try c.encodeIfPresent(box.guideStep, forKey: .guideStep)
        try c.encodeIfPresent(box.price, forKey: .price)
    }
}

/// Case-insensitive names.
public enum Name {
    /// The key under which a name is unique: Unicode lower case. ASCII takes a fast path.
    @inlinable
    public static func fold(_ name: String) -> String {
        var copy = name
        let plain = copy.withUTF8 { bytes in
            for b in bytes where b >= 0x80 || (b >= 0x41 && b <= 0x5A) { return false }
            return true
        }
        return plain ? name : name.lowercased()
    }

    /// The first control character in `name` (C0, DEL or C1: a line break, a tab, an escape
    /// sequence's ESC) or bidirectional override (U+202A–U+202E, U+2066–U+2069), or nil. Text
    /// holding one would break tables, could drive the terminal, or show in another order than
    /// it is stored; commands refuse it in every text they keep.
    public static func controlCharacter(in name: String) -> Unicode.Scalar? {
        var copy = name
        // Most text is ASCII with no control: one pass over the bytes decides it.
        let plain = copy.withUTF8 { bytes in !bytes.contains { $0 < 0x20 || $0 >= 0x7F } }
        return plain ? nil : name.unicodeScalars.first(where: isUnsafe)
    }

    /// Whether `c` is a control character or a bidirectional override (see `controlCharacter`).
    @inlinable
    public static func isUnsafe(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x20 || (0x7F...0x9F).contains(c.value) || (0x202A...0x202E).contains(c.value) || (0x2066...0x2069).contains(c.value)
    }

    /// "the control character U+001B" or "the bidirectional override U+202E", for messages.
    public static func describe(_ c: Unicode.Scalar) -> String {
        (c.value >= 0x202A ? "the bidirectional override " : "the control character ") + code(c)
    }

    /// `U+001B`: how messages name a character.
    public static func code(_ c: Unicode.Scalar) -> String {
        let hex = String(c.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Whether two names are the same name.
    @inlinable
    public static func same(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        // ASCII on both sides: compare bytes ignoring case, without allocating.
        var x = a, y = b
        let answer: Bool? = x.withUTF8 { p in
            y.withUTF8 { q in
                for c in p where c >= 0x80 { return nil }
                for c in q where c >= 0x80 { return nil }
                guard p.count == q.count else { return false }
                for i in 0..<p.count {
                    let l = p[i] >= 0x41 && p[i] <= 0x5A ? p[i] | 0x20 : p[i]
                    let r = q[i] >= 0x41 && q[i] <= 0x5A ? q[i] | 0x20 : q[i]
                    if l != r { return false }
                }
                return true
            }
        }
        return answer ?? (fold(a) == fold(b))
    }
}

/// A name as a dictionary key that ignores case (`Name.same`). It carries a fingerprint of the
/// folded name (FNV-1a), so hashing and most unequal comparisons cost one integer compare and no
/// allocation.
public struct NameKey: Hashable, Sendable {
    public let name: String
    @usableFromInline let fingerprint: UInt64

    @inlinable
    public init(_ name: String) {
        self.name = name
        var name = name
        fingerprint = name.withUTF8 { bytes in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in bytes {
                if b >= 0x80 {
                    // Swift's own String hash, which (like `==` in Name.same) ignores Unicode
                    // normalisation: "Café" typed precomposed or as e + U+0301 is one name. The
                    // UTF-8 bytes differ, so hashing them made equal names miss in the index.
                    var hasher = Hasher()
                    hasher.combine(Name.fold(String(decoding: bytes, as: UTF8.self)))
                    return UInt64(bitPattern: Int64(hasher.finalize()))
                }
                h = (h ^ UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)) &* 0x100_0000_01b3
            }
            return h
        }
    }

    @inlinable
    public static func == (a: NameKey, b: NameKey) -> Bool {
        a.fingerprint == b.fingerprint && Name.same(a.name, b.name)
    }

    @inlinable
    public func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }
}

extension Array {
    /// The index of the element whose name (read by `key`) matches `name` case-insensitively.
    @inlinable
    public func index(named name: String, by key: (Element) -> String) -> Int? {
        firstIndex { Name.same(key($0), name) }
    }
}

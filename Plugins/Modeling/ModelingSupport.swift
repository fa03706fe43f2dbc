import ValueCore
import Workbench

// What every command family of the plugin shares: which enterprise a command applies to, finding
// objects by name with "did you mean", checking new names, and the JSON shape of each object.
//
// The rules every family keeps:
// - A sub-object command applies to the current enterprise (`use`), or to `--enterprise NAME`.
// - Names are unique within their list, ignoring case; a name that is not found gets a
//   suggestion among the names that are.
// - References are checked when made: a need's segment, a relief's offering and need, an edge's
//   nodes, an initiative's link must exist.
// - Removing something cascades to what refers to it (needs of a segment, reliefs of a need or
//   offering, edges of a node; an initiative's link to a removed node is cleared), and the
//   confirmation says everything else that went. `undo` brings it all back.
// - Renaming carries the new name to whatever refers to the old one.

/// The `--enterprise NAME` option of every sub-object command.
let enterpriseOption = OptionSpec(
    "enterprise", .name(.enterprise),
    help: "the enterprise to work on (default: the current one, see `use`)")

/// Names may hold any character but must say something.
func checkNewName(_ raw: String, _ what: String, command: String) throws -> String {
    let name = raw.trimmingSpaces
    guard !name.isEmpty else { throw CommandError.badValue("\(command): the \(what) name is empty") }
    if let c = Name.controlCharacter(in: name) {
        throw CommandError.badValue("\(command): the \(what) name holds \(Name.describe(c)); names are printable text")
    }
    return name
}

extension CommandContext {
    /// The enterprise a sub-object command works on: `--enterprise NAME`, else the current one.
    func target() throws -> Enterprise { try enterprise(argument: "enterprise") }
}

/// Finds `name` among `items` (named by `key`) ignoring case, or throws `UnknownName` with a
/// suggestion.
/// - Parameters:
///   - what: the kind of object ("resource"), for the message.
///   - owner: where it was looked for ("CATL"), for the message when nothing is close.
///   - add: the command that would add one, for the message when there are none.
/// - Complexity: O(n), without allocating unless the name is not found.
func lookup<T>(_ name: String, in items: [T], by key: (T) -> String, what: String, owner: String, add: String? = nil)
    throws -> Int
{
    let matcher = NameMatcher(name)
    if let i = items.firstIndex(where: { matcher.matches(key($0)) }) { return i }
    let names = items.map(key)
    let hint: String
    if names.isEmpty {
        hint = "\(owner) has no \(Format.plural(what)) yet" + (add.map { ": `\($0)`" } ?? "")
    } else {
        hint = "\(owner) has: " + listed(names)
    }
    throw CommandError.unknown(what, name, among: names, hint: hint)
}

/// `lookup` over plain names.
func lookup(_ name: String, in names: [String], what: String, owner: String, add: String? = nil) throws -> Int {
    try lookup(name, in: names, by: { $0 }, what: what, owner: owner, add: add)
}

/// Throws `DuplicateName` when `name` is among `items` (named by `key`, ignoring case), except
/// at index `except`.
/// - Parameter owner: where the name is taken ("CATL", "model Base"), for the message.
func refuseDuplicate<T>(
    _ name: String, in items: [T], by key: (T) -> String, what: String, owner: String? = nil,
    except: Int? = nil
) throws {
    let matcher = NameMatcher(name)
    if let i = items.firstIndex(where: { matcher.matches(key($0)) }), i != except {
        guard let owner else { throw CommandError.duplicate(what, key(items[i])) }
        throw CommandError(
            "DuplicateName", "\(what) '\(key(items[i]))' already exists in \(owner) (names are compared ignoring case)")
    }
}

/// `refuseDuplicate` over plain names.
func refuseDuplicate(_ name: String, in names: [String], what: String, owner: String? = nil, except: Int? = nil) throws
{
    try refuseDuplicate(name, in: names, by: { $0 }, what: what, owner: owner, except: except)
}

/// Matches names against one name ignoring case, as `Name.same` does, but faster when scanning
/// a list: the name is folded once, and an ASCII candidate is compared byte by byte without
/// allocating (a list of thousands is scanned on every add).
struct NameMatcher {
    let name: String
    let folded: [UInt8]
    let ascii: Bool

    init(_ name: String) {
        self.name = name
        let f = Name.fold(name)
        folded = Array(f.utf8)
        ascii = folded.allSatisfy { $0 < 0x80 }
    }

    func matches(_ candidate: String) -> Bool {
        guard ascii else { return Name.same(candidate, name) }
        var c = candidate
        let answer: Bool? = c.withUTF8 { p in
            if p.count != folded.count {
                for b in p where b >= 0x80 { return nil }
                return false
            }
            for i in 0..<p.count {
                let b = p[i]
                if b >= 0x80 { return nil }
                if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != folded[i] { return false }
            }
            return true
        }
        return answer ?? Name.same(candidate, name)
    }
}

/// "a, b, c" (at most eight, then "… and N more").
func listed(_ names: [String], quote: Bool = false) -> String {
    let shown = names.prefix(8).map { quote ? "'\($0)'" : $0 }
    var s = shown.joined(separator: ", ")
    if names.count > 8 { s += " … and \(names.count - 8) more" }
    return s
}

/// A number for people: `6`, `6.5`.
func num(_ v: Double) -> String { Format.number(v) }
func num(_ v: Double?) -> String { v.map { Format.number($0) } ?? "" }

/// "yes"/"" for table cells of flags.
func mark(_ b: Bool) -> String { b ? "yes" : "" }

/// A line saying what else a change touched, or nothing.
func alsoLine(_ parts: [String], verb: String) -> String {
    parts.isEmpty ? "" : " Also \(verb) " + parts.joined(separator: "; ") + "."
}

// MARK: - JSON of the domain objects

/// The JSON shape of every object, shared by `list`, `show` and the confirmations of changes.
public enum ModelingJSON {
    public static func resource(_ r: Resource) -> JSON {
        [
            "name": .string(r.name), "kind": .string(r.kind.rawValue), "strength": .num(r.strength),
            "valuable": .bool(r.valuable), "rare": .bool(r.rare), "costlyToImitate": .bool(r.costlyToImitate),
            "organized": .bool(r.organized), "vrio": .string(r.vrio.rawValue),
        ]
    }

    public static func segment(_ s: Segment) -> JSON {
        guard let w = s.willingnessToPay else {
            return ["name": .string(s.name), "size": s.size.map { .int($0) } ?? .null]
        }
        return [
            "name": .string(s.name), "size": s.size.map { .int($0) } ?? .null,
            "willingness_to_pay": willingnessToPay(w),
        ]
    }

    /// A segment's willingness to pay (`price psm --record`, `price record`).
    public static func willingnessToPay(_ w: WillingnessToPay) -> JSON {
        [
            "low": .num(w.low), "high": .num(w.high), "opp": w.opp.map { .num($0) } ?? .null,
            "idp": w.idp.map { .num($0) } ?? .null,
            "respondents": w.respondents.map { .int($0) } ?? .null, "source": w.source.map { .string($0) } ?? .null,
        ]
    }

    public static func need(_ n: Need) -> JSON {
        [
            "name": .string(n.name), "segment": .string(n.segment), "type": .string(n.kind.rawValue),
            "importance": .int(n.importance),
        ]
    }

    public static func offering(_ o: Offering) -> JSON {
        var margin: JSON = .null
        if let p = o.price, let c = o.unitCost { margin = .num(p - c) }
        return [
            "name": .string(o.name), "carrier": .string(o.carrier.rawValue), "price": .num(o.price),
            "cost": .num(o.unitCost), "margin": margin,
        ]
    }

    public static func relief(_ r: Relief) -> JSON {
        [
            "offering": .string(r.offering), "need": .string(r.need), "functional": .num(r.functional),
            "emotional": .num(r.emotional),
        ]
    }

    public static func factor(_ f: FactorScore, of enterprise: String, price: Bool = false) -> JSON {
        [
            "enterprise": .string(enterprise), "factor": .string(f.factor),
            "kind": .string(price ? "price" : "quality"), "score": .num(f.score),
            "importance": f.importance.map { .int($0) } ?? .null,
        ]
    }

    public static func initiative(_ i: Initiative) -> JSON {
        ["name": .string(i.name), "element": .string(i.element.rawValue), "link": i.link.map { .string($0) } ?? .null]
    }

    public static func node(_ n: ValueModel.Node) -> JSON {
        ["name": .string(n.name), "stage": .string(n.stage.rawValue)]
    }

    public static func edge(_ e: ValueModel.Edge) -> JSON {
        ["from": .string(e.from), "to": .string(e.to), "polarity": .string(e.polarity.rawValue)]
    }

    public static func model(_ m: ValueModel, of enterprise: String) -> JSON {
        [
            "name": .string(m.name), "enterprise": .string(enterprise),
            "proposition": m.proposition.map { .string($0) } ?? .null,
            "nodes": .array(m.nodes.map(node)), "edges": .array(m.edges.map(edge)),
        ]
    }

    public static func kpi(_ k: KPIRecord) -> JSON {
        [
            "kpi": .string(k.kpi), "period": .string(k.period), "value": .num(k.value), "target": .num(k.target),
            "n": k.n.map { .int($0) } ?? .null,
        ]
    }

    /// Everything modelled about an enterprise.
    public static func enterprise(_ e: Enterprise) -> JSON {
        [
            "name": .string(e.name), "industry": e.industry.map { .string($0) } ?? .null,
            "price": .num(e.price), "competitors": .array(e.competitors.map { .string($0) }),
            "resources": .array(e.resources.map(resource)), "segments": .array(e.segments.map(segment)),
            "needs": .array(e.needs.map(need)), "offerings": .array(e.offerings.map(offering)),
            "reliefs": .array(e.reliefs.map(relief)), "factors": .array(e.factors.map { factor($0, of: e.name) }),
            "priceFactors": .array(e.priceFactors.map { .string($0) }),
            "initiatives": .array(e.initiatives.map(initiative)), "kpis": .array(e.kpis.map(kpi)),
            "models": .array(e.models.map { model($0, of: e.name) }),
            "guideStep": e.guideStep.map { .int($0) } ?? .null,
        ]
    }

    public static func loop(_ l: ModelLoop, label: String) -> JSON {
        [
            "label": .string(label), "polarity": .string(l.polarity.rawValue), "valueLoop": .bool(l.isValueLoop),
            "growthLoop": .bool(l.isGrowthLoop), "limitsGrowth": .bool(l.limitsGrowth),
            "nodes": .array(l.nodes.map { .string($0) }),
            "signs": .array(l.signs.map { .string($0.rawValue) }),
        ]
    }
}

import ValueCore
import Workbench

/// `offering add/list/show/set/remove`: the products, services and platforms that carry value.
enum OfferingCommands {
    static var all: [CommandSpec] { [add, list, show, set, remove] }

    static let carriers = Offering.Carrier.allCases.map(\.rawValue)

    static let add = CommandSpec(
        "offering add", abstract: "add an offering: the carrier (product, service, platform), price and unit cost",
        arguments: [ArgumentSpec("name", .text, help: "a new offering name (unique, ignoring case)")],
        options: [
            OptionSpec("carrier", .choice(carriers), help: "what carries the value (default: product)"),
            OptionSpec("price", .number(Offering.moneyRange), help: "the price per unit"),
            OptionSpec("cost", .number(Offering.moneyRange), help: "the cost per unit"),
            enterpriseOption,
        ],
        examples: [
            "offering add \"Qilin pack\" --carrier product --price 110 --cost 80",
            "offering add \"Shenxing LFP cell\" --carrier product --price 70 --cost 52",
            "offering add \"Choco-swap\" --carrier service --price 30 --cost 18",
            "offering add \"Demo kit\"",
        ]
    ) { ctx in
        let e = try ctx.target()
        let name = try checkNewName(ctx.arguments.required("name"), "offering", command: "offering add")
        try refuseDuplicate(name, in: e.offerings, by: \.name, what: "offering", owner: e.name)
        let o = Offering(
            name: name, carrier: ctx.arguments.string("carrier").flatMap(Offering.Carrier.init(rawValue:)) ?? .product,
            price: ctx.arguments.double("price"), unitCost: ctx.arguments.double("cost"))
        try ctx.update(e.name) { $0.offerings.append(o) }
        var text = "Added \(o.carrier.rawValue) \(name) to \(e.name)"
        if let p = o.price { text += ", price \(num(p))" }
        if let c = o.unitCost { text += ", unit cost \(num(c))" }
        return .message(text + ".", data: ModelingJSON.offering(o))
    }

    static let list = CommandSpec(
        "offering list", abstract: "list the offerings with carrier, price, cost, margin and the needs they relieve",
        options: [enterpriseOption],
        examples: ["offering list"]
    ) { ctx in
        let e = try ctx.target()
        let blocks: [OutputBlock] =
            e.offerings.isEmpty
            ? [.text("\(e.name) has no offerings yet: `offering add NAME --carrier product --price P --cost C`.")]
            : [.table(table(e.offerings, reliefs: e.reliefs))]
        return CommandOutput(blocks: blocks, data: .array(e.offerings.map(ModelingJSON.offering)))
    }

    static let show = CommandSpec(
        "offering show", abstract: "show an offering and the needs it relieves",
        arguments: [ArgumentSpec("offering", .name(.offering), help: "an offering of the enterprise")],
        options: [enterpriseOption],
        examples: ["offering show \"Qilin pack\""]
    ) { ctx in
        let e = try ctx.target()
        let o = e.offerings[try find(ctx.arguments.required("offering"), in: e)]
        let reliefs = e.reliefs.filter { Name.same($0.offering, o.name) }
        var head = "\(o.name) — \(o.carrier.rawValue) of \(e.name)"
        if let p = o.price { head += ", price \(num(p))" }
        if let c = o.unitCost { head += ", unit cost \(num(c))" }
        if let p = o.price, let c = o.unitCost {
            head += ", margin \(num(p - c))" + (p > 0 ? " (\(Format.percent((p - c) / p * 100)))" : "")
        }
        var blocks: [OutputBlock] = [.text(head)]
        blocks.append(
            reliefs.isEmpty
                ? .text("It relieves no need yet: `relief set \"\(o.name)\" NEED --functional 0–10 --emotional 0–10`.")
                : .table(ReliefCommands.table(reliefs)))
        var data = ModelingJSON.offering(o)
        if case var .object(pairs) = data {
            pairs.append(("reliefs", .array(reliefs.map(ModelingJSON.relief)))); data = .object(pairs)
        }
        return CommandOutput(blocks: blocks, data: data)
    }

    static let set = CommandSpec(
        "offering set", abstract: "change an offering: name, carrier, price, unit cost",
        discussion: "Renaming carries the new name to the offering's reliefs.",
        arguments: [ArgumentSpec("offering", .name(.offering), help: "an offering of the enterprise")],
        options: [
            OptionSpec("name", .text, help: "a new name (unique, ignoring case)"),
            OptionSpec("carrier", .choice(carriers), help: "what carries the value"),
            OptionSpec("price", .number(Offering.moneyRange), help: "the price per unit"),
            OptionSpec("cost", .number(Offering.moneyRange), help: "the cost per unit"),
            .flag("no-price", help: "forget the price"), .flag("no-cost", help: "forget the unit cost"),
            enterpriseOption,
        ],
        examples: ["offering set \"Qilin pack\" --price 105", "offering set \"Demo kit\" --name \"Sample kit\""]
    ) { ctx in
        let a = ctx.arguments
        let e = try ctx.target()
        let i = try find(a.required("offering"), in: e)
        let old = e.offerings[i]
        var o = old
        var changed: [String] = []
        if let n = a.string("name") {
            o.name = try checkNewName(n, "offering", command: "offering set")
            try refuseDuplicate(o.name, in: e.offerings, by: \.name, what: "offering", owner: e.name, except: i)
            changed.append("name")
        }
        if let c = a.string("carrier"), let carrier = Offering.Carrier(rawValue: c) {
            o.carrier = carrier; changed.append("carrier")
        }
        for (value, none, field) in [("price", "no-price", \Offering.price), ("cost", "no-cost", \Offering.unitCost)] {
            if a.has(value) && a.flag(none) {
                throw CommandError.badValue("offering set: --\(value) and --\(none) contradict each other")
            }
            if let v = a.double(value) { o[keyPath: field] = v; changed.append(value) }
            if a.flag(none) { o[keyPath: field] = nil; changed.append(value) }
        }
        guard !changed.isEmpty else {
            throw CommandError.badValue(
                "offering set: nothing to change (give --name, --carrier, --price, --cost, --no-price or --no-cost)")
        }
        var carried = 0
        try ctx.update(e.name) { x in
            x.offerings[i] = o
            if old.name != o.name {
                for k in x.reliefs.indices where Name.same(x.reliefs[k].offering, old.name) {
                    x.reliefs[k].offering = o.name; carried += 1
                }
            }
        }
        var text = "Changed offering \(o.name) of \(e.name): " + changed.joined(separator: ", ") + "."
        if carried > 0 { text += " Its \(Format.count(carried, "relief")) now name it." }
        return .message(text, data: ModelingJSON.offering(o))
    }

    static let remove = CommandSpec(
        "offering remove", abstract: "remove an offering, with its reliefs",
        arguments: [ArgumentSpec("offering", .name(.offering), help: "an offering of the enterprise")],
        options: [enterpriseOption],
        examples: ["offering remove \"Sample kit\""]
    ) { ctx in
        let e = try ctx.target()
        let i = try find(ctx.arguments.required("offering"), in: e)
        let o = e.offerings[i]
        let reliefs = e.reliefs.filter { Name.same($0.offering, o.name) }
        try ctx.update(e.name) { x in
            x.offerings.remove(at: i)
            x.reliefs.removeAll { Name.same($0.offering, o.name) }
        }
        let parts =
            reliefs.isEmpty ? [] : [Format.count(reliefs.count, "relief") + " (of " + listed(reliefs.map(\.need)) + ")"]
        return .message(
            "Removed offering \(o.name) from \(e.name)." + alsoLine(parts, verb: "removed"),
            data: ["removed": ModelingJSON.offering(o), "reliefs": .array(reliefs.map(ModelingJSON.relief))])
    }

    static func find(_ name: String, in e: Enterprise) throws -> Int {
        try lookup(name, in: e.offerings, by: \.name, what: "offering", owner: e.name, add: "offering add NAME")
    }

    static func table(_ offerings: [Offering], reliefs: [Relief] = []) -> Table {
        var counts: [String: Int] = [:]
        for r in reliefs { counts[Name.fold(r.offering), default: 0] += 1 }
        return Table(
            headers: ["offering", "carrier", "price", "cost", "margin", "relieves"],
            rows: offerings.map { o in
                var margin = ""
                if let p = o.price, let c = o.unitCost { margin = num(p - c) }
                return [
                    o.name, o.carrier.rawValue, num(o.price), num(o.unitCost), margin,
                    String(counts[Name.fold(o.name)] ?? 0),
                ]
            },
            alignments: [.left, .left, .right, .right, .right, .right])
    }
}

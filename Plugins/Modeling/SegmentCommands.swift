import ValueCore
import Workbench

/// `segment add/list/show/set/remove`: the groups of customers served.
enum SegmentCommands {
    static var all: [CommandSpec] { [add, list, show, set, remove] }

    static let add = CommandSpec(
        "segment add", abstract: "add a customer segment (optionally with its size)",
        arguments: [ArgumentSpec("name", .text, help: "a new segment name (unique, ignoring case)")],
        options: [
            OptionSpec("size", .integer(Segment.sizeRange), help: "how many customers or accounts it holds"),
            enterpriseOption,
        ],
        examples: [
            "segment add \"EV makers\" --size 120", "segment add \"Energy storage\" --size 40",
            "segment add \"Two-wheelers\"",
        ]
    ) { ctx in
        let e = try ctx.target()
        let name = try checkNewName(ctx.arguments.required("name"), "segment", command: "segment add")
        try refuseDuplicate(name, in: e.segments, by: \.name, what: "segment", owner: e.name)
        let s = Segment(name: name, size: ctx.arguments.int("size"))
        try ctx.update(e.name) { $0.segments.append(s) }
        return .message(
            "Added segment \(name) to \(e.name)\(s.size.map { " (size \($0))" } ?? "").",
            data: ModelingJSON.segment(s))
    }

    static let list = CommandSpec(
        "segment list", abstract: "list the enterprise's customer segments with their needs",
        options: [enterpriseOption],
        examples: ["segment list"]
    ) { ctx in
        let e = try ctx.target()
        let blocks: [OutputBlock] =
            e.segments.isEmpty
            ? [.text("\(e.name) has no segments yet: `segment add NAME --size N`.")]
            : [.table(table(e.segments, needs: e.needs))]
        return CommandOutput(blocks: blocks, data: .array(e.segments.map(ModelingJSON.segment)))
    }

    static let show = CommandSpec(
        "segment show", abstract: "show a segment and its needs",
        arguments: [ArgumentSpec("segment", .name(.segment), help: "a segment of the enterprise")],
        options: [enterpriseOption],
        examples: ["segment show \"EV makers\""]
    ) { ctx in
        let e = try ctx.target()
        let s = e.segments[try find(ctx.arguments.required("segment"), in: e)]
        let needs = e.needs.filter { Name.same($0.segment, s.name) }
        var blocks: [OutputBlock] = [.text("\(s.name) — segment of \(e.name)" + (s.size.map { ", size \($0)" } ?? ""))]
        if let w = s.willingnessToPay {
            func price(_ v: Double) -> String { Format.number(v, maxDecimals: 2) }
            var line = "Willingness to pay: acceptable range \(price(w.low))–\(price(w.high))"
            if let opp = w.opp { line += ", OPP \(price(opp))" }
            if let idp = w.idp { line += ", IDP \(price(idp))" }
            if let n = w.respondents { line += ", \(Format.count(n, "respondent"))" }
            if let src = w.source { line += src == "entered" ? " (entered)" : " (\(src))" }
            blocks.append(.text(line + "."))
        }
        blocks.append(
            needs.isEmpty
                ? .text("No needs yet: `need add NAME --segment \"\(s.name)\"`.") : .table(NeedCommands.table(needs)))
        var data = ModelingJSON.segment(s)
        if case var .object(pairs) = data {
            pairs.append(("needs", .array(needs.map(ModelingJSON.need)))); data = .object(pairs)
        }
        return CommandOutput(blocks: blocks, data: data)
    }

    static let set = CommandSpec(
        "segment set", abstract: "change a segment: name, size",
        discussion: "Renaming carries the new name to the segment's needs.",
        arguments: [ArgumentSpec("segment", .name(.segment), help: "a segment of the enterprise")],
        options: [
            OptionSpec("name", .text, help: "a new name (unique, ignoring case)"),
            OptionSpec("size", .integer(Segment.sizeRange), help: "how many customers or accounts it holds"),
            .flag("no-size", help: "forget the size"), enterpriseOption,
        ],
        examples: ["segment set \"Energy storage\" --size 45"]
    ) { ctx in
        let a = ctx.arguments
        let e = try ctx.target()
        let i = try find(a.required("segment"), in: e)
        let old = e.segments[i]
        var s = old
        var changed: [String] = []
        if let n = a.string("name") {
            s.name = try checkNewName(n, "segment", command: "segment set")
            try refuseDuplicate(s.name, in: e.segments, by: \.name, what: "segment", owner: e.name, except: i)
            changed.append("name")
        }
        if a.has("size") && a.flag("no-size") {
            throw CommandError.badValue("segment set: --size and --no-size contradict each other")
        }
        if let size = a.int("size") { s.size = size; changed.append("size") }
        if a.flag("no-size") { s.size = nil; changed.append("size") }
        guard !changed.isEmpty else {
            throw CommandError.badValue("segment set: nothing to change (give --name, --size or --no-size)")
        }
        var carried = 0
        try ctx.update(e.name) { x in
            x.segments[i] = s
            if old.name != s.name {
                for k in x.needs.indices where Name.same(x.needs[k].segment, old.name) {
                    x.needs[k].segment = s.name; carried += 1
                }
            }
        }
        var text = "Changed segment \(s.name) of \(e.name): " + changed.joined(separator: ", ") + "."
        if carried > 0 { text += " Its \(Format.count(carried, "need")) now name it." }
        return .message(text, data: ModelingJSON.segment(s))
    }

    static let remove = CommandSpec(
        "segment remove", abstract: "remove a segment, with its needs and their reliefs",
        arguments: [ArgumentSpec("segment", .name(.segment), help: "a segment of the enterprise")],
        options: [enterpriseOption],
        examples: ["segment remove \"Two-wheelers\""]
    ) { ctx in
        let e = try ctx.target()
        let i = try find(ctx.arguments.required("segment"), in: e)
        let s = e.segments[i]
        let needs = e.needs.filter { Name.same($0.segment, s.name) }
        var reliefs: [Relief] = []
        try ctx.update(e.name) { x in
            x.segments.remove(at: i)
            x.needs.removeAll { Name.same($0.segment, s.name) }
            for n in needs { reliefs += NeedCommands.dropReliefs(of: n.name, in: &x) }
        }
        var parts: [String] = []
        if !needs.isEmpty { parts.append(Format.count(needs.count, "need") + " (" + listed(needs.map(\.name)) + ")") }
        if !reliefs.isEmpty { parts.append(Format.count(reliefs.count, "relief")) }
        let text = "Removed segment \(s.name) from \(e.name)." + alsoLine(parts, verb: "removed")
        return .message(
            text,
            data: [
                "removed": ModelingJSON.segment(s), "needs": .array(needs.map(ModelingJSON.need)),
                "reliefs": .array(reliefs.map(ModelingJSON.relief)),
            ])
    }

    static func find(_ name: String, in e: Enterprise) throws -> Int {
        try lookup(name, in: e.segments, by: \.name, what: "segment", owner: e.name, add: "segment add NAME")
    }

    static func table(_ segments: [Segment], needs: [Need]) -> Table {
        var counts: [String: Int] = [:]
        for n in needs { counts[Name.fold(n.segment), default: 0] += 1 }
        return Table(
            headers: ["segment", "size", "needs"],
            rows: segments.map { s in [s.name, s.size.map(String.init) ?? "", String(counts[Name.fold(s.name)] ?? 0)] },
            alignments: [.left, .right, .right])
    }
}

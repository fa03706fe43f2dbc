import ValueCore
import Workbench

/// `need add/list/show/set/remove`: pain points, gains sought and jobs to be done of a segment.
enum NeedCommands {
    static var all: [CommandSpec] { [add, list, show, set, remove] }

    static let types = Need.Kind.allCases.map(\.rawValue)

    static let add = CommandSpec(
        "need add", abstract: "add a need of a segment: a pain, a gain or a job, importance 1–5",
        discussion: "--segment may be left out when the enterprise has exactly one segment.",
        arguments: [ArgumentSpec("name", .text, help: "a new need (unique, ignoring case)")],
        options: [
            OptionSpec("segment", .name(.segment), help: "the segment that has the need"),
            OptionSpec("type", .choice(types), help: "pain point, gain sought or job to be done (default: pain)"),
            OptionSpec(
                "importance", .integer(Need.importanceRange),
                help: "how much the segment cares, 1–5 (default: 3)"),
            enterpriseOption,
        ],
        examples: [
            "need add \"range anxiety\" --segment \"EV makers\" --type pain --importance 5",
            "need add \"battery safety\" --segment \"EV makers\" --type pain --importance 5",
            "need add \"fast charging\" --segment \"EV makers\" --type gain --importance 4",
            "need add \"lower cost per kWh\" --segment \"Energy storage\" --type job --importance 4",
            "need add \"exotic colours\" --segment \"EV makers\" --type gain --importance 1",
        ]
    ) { ctx in
        let e = try ctx.target()
        let name = try checkNewName(ctx.arguments.required("name"), "need", command: "need add")
        try refuseDuplicate(name, in: e.needs, by: \.name, what: "need", owner: e.name)
        let segment = try segmentName(ctx.arguments.string("segment"), in: e, command: "need add")
        let n = Need(
            name: name, segment: segment,
            kind: ctx.arguments.string("type").flatMap(Need.Kind.init(rawValue:)) ?? .pain,
            importance: ctx.arguments.int("importance") ?? 3)
        try ctx.update(e.name) { $0.needs.append(n) }
        return .message(
            "Added \(n.kind.rawValue) \(name) of \(segment) to \(e.name) (importance \(n.importance)).",
            data: ModelingJSON.need(n))
    }

    static let list = CommandSpec(
        "need list", abstract: "list the needs, by segment, with type and importance",
        options: [OptionSpec("segment", .name(.segment), help: "only this segment's needs"), enterpriseOption],
        examples: ["need list", "need list --segment \"EV makers\""]
    ) { ctx in
        let e = try ctx.target()
        var needs = e.needs
        if let s = ctx.arguments.string("segment") {
            let segment = e.segments[try SegmentCommands.find(s, in: e)].name
            needs = needs.filter { Name.same($0.segment, segment) }
        }
        let blocks: [OutputBlock] =
            needs.isEmpty
            ? [
                .text(
                    e.needs.isEmpty
                        ? "\(e.name) has no needs yet: `need add NAME --segment SEGMENT`." : "No needs in that segment."
                )
            ]
            : [.table(table(needs))]
        return CommandOutput(blocks: blocks, data: .array(needs.map(ModelingJSON.need)))
    }

    static let show = CommandSpec(
        "need show", abstract: "show a need and how far each offering relieves it",
        arguments: [ArgumentSpec("need", .name(.need), help: "a need of the enterprise")],
        options: [enterpriseOption],
        examples: ["need show \"range anxiety\""]
    ) { ctx in
        let e = try ctx.target()
        let n = e.needs[try find(ctx.arguments.required("need"), in: e)]
        let reliefs = e.reliefs.filter { Name.same($0.need, n.name) }
        var blocks: [OutputBlock] = [
            .text("\(n.name) — \(n.kind.rawValue) of \(n.segment) (\(e.name)), importance \(n.importance) of 5")
        ]
        blocks.append(
            reliefs.isEmpty
                ? .text(
                    """
                    No offering relieves it yet: `relief set OFFERING \"\(n.name)\" --functional 0–10 \
                    --emotional 0–10`.
                    """
                )
                : .table(ReliefCommands.table(reliefs)))
        var data = ModelingJSON.need(n)
        if case var .object(pairs) = data {
            pairs.append(("reliefs", .array(reliefs.map(ModelingJSON.relief)))); data = .object(pairs)
        }
        return CommandOutput(blocks: blocks, data: data)
    }

    static let set = CommandSpec(
        "need set", abstract: "change a need: name, segment, type, importance",
        discussion: "Renaming carries the new name to the need's reliefs.",
        arguments: [ArgumentSpec("need", .name(.need), help: "a need of the enterprise")],
        options: [
            OptionSpec("name", .text, help: "a new name (unique, ignoring case)"),
            OptionSpec("segment", .name(.segment), help: "move it to this segment"),
            OptionSpec("type", .choice(types), help: "pain, gain or job"),
            OptionSpec("importance", .integer(Need.importanceRange), help: "how much the segment cares, 1–5"),
            enterpriseOption,
        ],
        examples: ["need set \"fast charging\" --importance 5"]
    ) { ctx in
        let a = ctx.arguments
        let e = try ctx.target()
        let i = try find(a.required("need"), in: e)
        let old = e.needs[i]
        var n = old
        var changed: [String] = []
        if let new = a.string("name") {
            n.name = try checkNewName(new, "need", command: "need set")
            try refuseDuplicate(n.name, in: e.needs, by: \.name, what: "need", owner: e.name, except: i)
            changed.append("name")
        }
        if let s = a.string("segment") {
            n.segment = try segmentName(s, in: e, command: "need set"); changed.append("segment")
        }
        if let t = a.string("type"), let kind = Need.Kind(rawValue: t) { n.kind = kind; changed.append("type") }
        if let imp = a.int("importance") { n.importance = imp; changed.append("importance") }
        guard !changed.isEmpty else {
            throw CommandError.badValue("need set: nothing to change (give --name, --segment, --type or --importance)")
        }
        var carried = 0
        try ctx.update(e.name) { x in
            x.needs[i] = n
            if old.name != n.name {
                for k in x.reliefs.indices where Name.same(x.reliefs[k].need, old.name) {
                    x.reliefs[k].need = n.name; carried += 1
                }
            }
        }
        var text = "Changed need \(n.name) of \(e.name): " + changed.joined(separator: ", ") + "."
        if carried > 0 { text += " Its \(Format.count(carried, "relief")) now name it." }
        return .message(text, data: ModelingJSON.need(n))
    }

    static let remove = CommandSpec(
        "need remove", abstract: "remove a need, with the reliefs that answer it",
        arguments: [ArgumentSpec("need", .name(.need), help: "a need of the enterprise")],
        options: [enterpriseOption],
        examples: ["need remove \"exotic colours\""]
    ) { ctx in
        let e = try ctx.target()
        let i = try find(ctx.arguments.required("need"), in: e)
        let n = e.needs[i]
        var reliefs: [Relief] = []
        try ctx.update(e.name) { x in
            x.needs.remove(at: i)
            reliefs = dropReliefs(of: n.name, in: &x)
        }
        let parts =
            reliefs.isEmpty
            ? [] : [Format.count(reliefs.count, "relief") + " (by " + listed(reliefs.map(\.offering)) + ")"]
        return .message(
            "Removed need \(n.name) from \(e.name)." + alsoLine(parts, verb: "removed"),
            data: ["removed": ModelingJSON.need(n), "reliefs": .array(reliefs.map(ModelingJSON.relief))])
    }

    /// The segment a need belongs to: the one named, or the only one.
    static func segmentName(_ given: String?, in e: Enterprise, command: String) throws -> String {
        if let given { return e.segments[try SegmentCommands.find(given, in: e)].name }
        if e.segments.count == 1 { return e.segments[0].name }
        if e.segments.isEmpty {
            throw CommandError(
                "MissingReference",
                "\(command): a need belongs to a segment, and \(e.name) has none yet (`segment add NAME`)")
        }
        throw CommandError(
            "MissingArgument", "\(command): which segment? give --segment (one of \(listed(e.segments.map(\.name))))")
    }

    /// Removes the reliefs that answer need `name`; returns them.
    static func dropReliefs(of name: String, in e: inout Enterprise) -> [Relief] {
        let gone = e.reliefs.filter { Name.same($0.need, name) }
        if !gone.isEmpty { e.reliefs.removeAll { Name.same($0.need, name) } }
        return gone
    }

    static func find(_ name: String, in e: Enterprise) throws -> Int {
        try lookup(name, in: e.needs, by: \.name, what: "need", owner: e.name, add: "need add NAME --segment SEGMENT")
    }

    static func table(_ needs: [Need]) -> Table {
        Table(
            headers: ["need", "segment", "type", "importance"],
            rows: needs.map { [$0.name, $0.segment, $0.kind.rawValue, String($0.importance)] },
            alignments: [.left, .left, .left, .right])
    }
}

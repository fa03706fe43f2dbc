import ValueCore
import Workbench

/// `resource add/list/show/set/remove`: the enterprise's resource endowments.
enum ResourceCommands {
    static var all: [CommandSpec] { [add, list, show, set, remove] }

    static let kinds = Resource.Kind.allCases.map(\.rawValue)
    static var vrioFlags: [(flag: String, field: WritableKeyPath<Resource, Bool>, help: String)] {
        [
            ("valuable", \.valuable, "it lets the enterprise exploit an opportunity or neutralize a threat"),
            ("rare", \.rare, "few competitors hold it"),
            ("costly", \.costlyToImitate, "it is costly to imitate or substitute"),
            ("organized", \.organized, "the organization is set up to exploit it"),
        ]
    }

    static let add = CommandSpec(
        "resource add", abstract: "add a resource endowment: kind, strength 0–10, VRIO answers",
        discussion: """
            Strength says how strong the enterprise is in the resource; an activity is anchored
            when a resource of strength ≥ \(num(Resource.anchoringStrength)) feeds it in a value model.
            The four flags answer Barney's VRIO questions; `resource show` says what they imply.
            """,
        arguments: [ArgumentSpec("name", .text, help: "a new resource name (unique, ignoring case)")],
        options: [
            OptionSpec("kind", .choice(kinds), help: "what sort of resource (default: other)"),
            OptionSpec("strength", .number(Resource.strengthRange), help: "how strong, 0–10 (default: 5)"),
        ]
            + vrioFlags.map { .flag($0.flag, help: $0.help) } + [enterpriseOption],
        examples: [
            "resource add \"Battery R&D\" --kind technology --strength 9 --valuable --rare --costly --organized",
            "resource add \"Manufacturing scale\" --kind capacity --strength 8 --valuable --rare",
            "resource add \"Supply chain\" --kind supply-chain --strength 7 --valuable",
            "resource add \"Brand\" --kind brand --strength 4",
            "resource add \"Legacy plant\" --kind capacity --strength 2",
        ]
    ) { ctx in
        let e = try ctx.target()
        let name = try checkNewName(ctx.arguments.required("name"), "resource", command: "resource add")
        try refuseDuplicate(name, in: e.resources, by: \.name, what: "resource", owner: e.name)
        var r = Resource(
            name: name, kind: ctx.arguments.string("kind").flatMap(Resource.Kind.init(rawValue:)) ?? .other,
            strength: ctx.arguments.double("strength") ?? 5)
        for f in vrioFlags where ctx.arguments.flag(f.flag) { r[keyPath: f.field] = true }
        try ctx.update(e.name) { $0.resources.append(r) }
        return .message(
            """
            Added resource \(name) to \(e.name) (\(r.kind.rawValue), strength \(num(r.strength)); \
            \(r.vrio.rawValue)).
            """,
            data: ModelingJSON.resource(r))
    }

    static let list = CommandSpec(
        "resource list", abstract: "list the enterprise's resources with strength and VRIO answers",
        options: [enterpriseOption],
        examples: ["resource list"]
    ) { ctx in
        let e = try ctx.target()
        let blocks: [OutputBlock] =
            e.resources.isEmpty
            ? [.text("\(e.name) has no resources yet: `resource add NAME --kind KIND --strength 0–10`.")]
            : [.table(table(e.resources))]
        return CommandOutput(blocks: blocks, data: .array(e.resources.map(ModelingJSON.resource)))
    }

    static let show = CommandSpec(
        "resource show", abstract: "show a resource, its VRIO implication and the model nodes it anchors",
        arguments: [ArgumentSpec("resource", .name(.resource), help: "a resource of the enterprise")],
        options: [enterpriseOption],
        examples: ["resource show \"Battery R&D\""]
    ) { ctx in
        let e = try ctx.target()
        let r = e.resources[try find(ctx.arguments.required("resource"), in: e)]
        var lines = [
            "\(r.name) — \(r.kind.rawValue) resource of \(e.name), strength \(num(r.strength)) of 10"
                + (r.strength >= Resource.anchoringStrength
                    ? " (anchors activities)" : " (too weak to anchor an activity)")
        ]
        let answers = vrioFlags.map { "\($0.flag): \(r[keyPath: $0.field] ? "yes" : "no")" }
        lines.append("VRIO: " + answers.joined(separator: ", ") + " → \(r.vrio.rawValue)")
        var uses: [JSON] = []
        for m in e.models {
            for n in m.nodes where n.stage == .resource && Name.same(n.name, r.name) {
                let fed = m.edges.filter { Name.same($0.from, n.name) }.map(\.to)
                lines.append("In model \(m.name): feeds " + (fed.isEmpty ? "nothing yet" : listed(fed)))
                uses.append(["model": .string(m.name), "feeds": .array(fed.map { .string($0) })])
            }
        }
        if uses.isEmpty {
            lines.append("No value model uses it yet (`model node add MODEL \"\(r.name)\" --stage resource`).")
        }
        var data = ModelingJSON.resource(r)
        if case var .object(pairs) = data { pairs.append(("models", .array(uses))); data = .object(pairs) }
        return CommandOutput(blocks: [.text(lines.joined(separator: "\n"))], data: data)
    }

    static let set = CommandSpec(
        "resource set", abstract: "change a resource: name, kind, strength, VRIO answers",
        discussion: """
            Each VRIO flag has a negation (--no-valuable, --no-rare, --no-costly, --no-organized).
            Renaming also renames the resource nodes of the enterprise's models that named it.
            """,
        arguments: [ArgumentSpec("resource", .name(.resource), help: "a resource of the enterprise")],
        options: [
            OptionSpec("name", .text, help: "a new name (unique, ignoring case)"),
            OptionSpec("kind", .choice(kinds), help: "what sort of resource"),
            OptionSpec("strength", .number(Resource.strengthRange), help: "how strong, 0–10"),
        ]
            + vrioFlags.flatMap {
                [OptionSpec.flag($0.flag, help: "yes: " + $0.help), .flag("no-" + $0.flag, help: "no: not " + $0.flag)]
            }
            + [enterpriseOption],
        examples: ["resource set Brand --strength 5 --valuable", "resource set \"Legacy plant\" --name \"Old plant\""]
    ) { ctx in
        let a = ctx.arguments
        let e = try ctx.target()
        let i = try find(a.required("resource"), in: e)
        let old = e.resources[i]
        var r = old
        var changed: [String] = []
        if let n = a.string("name") {
            let new = try checkNewName(n, "resource", command: "resource set")
            try refuseDuplicate(new, in: e.resources, by: \.name, what: "resource", owner: e.name, except: i)
            r.name = new; changed.append("name")
        }
        if let k = a.string("kind"), let kind = Resource.Kind(rawValue: k) { r.kind = kind; changed.append("kind") }
        if let s = a.double("strength") { r.strength = s; changed.append("strength") }
        for f in vrioFlags {
            let yes = a.flag(f.flag), no = a.flag("no-" + f.flag)
            if yes && no {
                throw CommandError.badValue("resource set: --\(f.flag) and --no-\(f.flag) contradict each other")
            }
            if yes || no { r[keyPath: f.field] = yes; changed.append(f.flag) }
        }
        guard !changed.isEmpty else {
            throw CommandError.badValue(
                """
                resource set: nothing to change (give --name, --kind, --strength or a VRIO flag such as \
                --rare / --no-rare)
                """
            )
        }
        var renamedIn: [String] = []
        try ctx.update(e.name) { x in
            x.resources[i] = r
            if old.name != r.name {
                for m in x.models.indices {
                    if ModelCommands.renameNode(old.name, to: r.name, stage: .resource, in: &x.models[m]) {
                        renamedIn.append(x.models[m].name)
                    }
                }
            }
        }
        var text =
            "Changed resource \(r.name) of \(e.name): " + changed.joined(separator: ", ") + " (\(r.vrio.rawValue))."
        if !renamedIn.isEmpty {
            text += " Renamed its node in " + Format.count(renamedIn.count, "model") + ": " + listed(renamedIn) + "."
        }
        return .message(text, data: ModelingJSON.resource(r))
    }

    static let remove = CommandSpec(
        "resource remove", abstract: "remove a resource",
        discussion: """
            Model nodes that named the resource stay in their models (a model is a drawing the
            user owns); `model check` then reports them as naming no resource.
            """,
        arguments: [ArgumentSpec("resource", .name(.resource), help: "a resource of the enterprise")],
        options: [enterpriseOption],
        examples: ["resource remove \"Old plant\""]
    ) { ctx in
        let e = try ctx.target()
        let i = try find(ctx.arguments.required("resource"), in: e)
        let r = e.resources[i]
        try ctx.update(e.name) { $0.resources.remove(at: i) }
        let naming = e.models.filter { m in m.nodes.contains { $0.stage == .resource && Name.same($0.name, r.name) } }
            .map(\.name)
        var text = "Removed resource \(r.name) from \(e.name)."
        if !naming.isEmpty {
            text +=
                " Its node stays in " + Format.count(naming.count, "model") + " (" + listed(naming)
                + "), which `model check` will report as naming no resource."
        }
        return .message(text, data: ["removed": ModelingJSON.resource(r)])
    }

    static func find(_ name: String, in e: Enterprise) throws -> Int {
        try lookup(name, in: e.resources, by: \.name, what: "resource", owner: e.name, add: "resource add NAME")
    }

    static func table(_ resources: [Resource]) -> Table {
        Table(
            headers: ["resource", "kind", "strength", "V", "R", "I", "O", "implication"],
            rows: resources.map { r in
                [
                    r.name, r.kind.rawValue, num(r.strength), mark(r.valuable), mark(r.rare), mark(r.costlyToImitate),
                    mark(r.organized), r.vrio.rawValue,
                ]
            },
            alignments: [.left, .left, .right, .left, .left, .left, .left, .left])
    }
}

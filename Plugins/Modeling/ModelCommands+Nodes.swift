import ValueCore
import Workbench

/// `model node …`: a model's nodes.
extension ModelCommands {
    static let nodeAdd = CommandSpec(
        "model node add",
        abstract: "add nodes at a stage of the chain (resource, activity, value, revenue, profit, reinvestment)",
        discussion: """
            Several nodes may be named at once; they all get the stage given. A resource node
            should carry the name of one of the enterprise's resources: that is how `model check`
            tells whether the activities it feeds are anchored.
            """,
        arguments: [
            modelArgument,
            ArgumentSpec("node", .text, help: "new node names (unique within the model)", variadic: true),
        ],
        options: [
            OptionSpec("stage", .choice(stages), help: "where in the chain the nodes sit (required)"), enterpriseOption,
        ],
        examples: [
            "model node add Base \"Battery R&D\" \"Manufacturing scale\" Brand --stage resource",
            "model node add Base \"Cell chemistry\" \"Gigafactory production\" Marketing --stage activity",
            "model node add Base \"Longer range\" \"Lower cost per kWh\" --stage value",
            "model node add Base \"Pack sales\" --stage revenue",
            "model node add Base \"Operating profit\" --stage profit",
            "model node add Base \"R&D reinvestment\" --stage reinvestment",
            "model node add Base \"Spare node\" --stage activity",
        ]
    ) { ctx in
        let a = ctx.arguments
        let e = try ctx.target()
        let i = try find(a.required("model"), in: e)
        guard let stageName = a.string("stage"), let stage = ValueModel.Stage(rawValue: stageName) else {
            throw CommandError(
                "MissingArgument", "model node add: give the nodes' stage: --stage \(stages.joined(separator: "|"))")
        }
        var m = e.models[i]
        var added: [ValueModel.Node] = []
        var notes: [String] = []
        for raw in a.strings("node") {
            let name = try checkNewName(raw, "node", command: "model node add")
            try refuseDuplicate(name, in: m.nodes, by: \.name, what: "node", owner: "model \(m.name)")
            if stage == .resource, e.resources.index(named: name, by: \.name) == nil {
                var note = "\(e.name) has no resource named '\(name)'"
                if let s = Suggest.closest(to: name, in: e.resources.map(\.name)) {
                    note += "; did you mean '\(s)'?"
                } else {
                    note +=
                        """
                         (`resource add \(Tokenizer.quote(name))`); `model check` reports resource nodes \
                        naming no resource
                        """
                }
                notes.append(note)
            }
            let node = ValueModel.Node(
                name: e.resources.first { Name.same($0.name, name) && stage == .resource }?.name ?? name,
                stage: stage)
            m.nodes.append(node)
            added.append(node)
        }
        try ctx.update(e.name) { $0.models[i] = m }
        var out = CommandOutput.message(
            "Added \(stage.rawValue) " + (added.count == 1 ? "node " : "nodes ")
                + listed(added.map(\.name)) + " to \(m.name).",
            data: .array(added.map(ModelingJSON.node)))
        out.notes = notes
        return out
    }

    static let nodeSet = CommandSpec(
        "model node set", abstract: "change a node: name, stage",
        discussion: "Renaming carries the new name to the node's edges and to initiatives linked to it.",
        arguments: [modelArgument, ArgumentSpec("node", .name(.node), help: "a node of the model")],
        options: [
            OptionSpec("name", .text, help: "a new name (unique within the model)"),
            OptionSpec("stage", .choice(stages), help: "move it to this stage"), enterpriseOption,
        ],
        examples: ["model node set Base Marketing --name \"Brand marketing\""]
    ) { ctx in
        let a = ctx.arguments
        let e = try ctx.target()
        let i = try find(a.required("model"), in: e)
        var m = e.models[i]
        let k = try findNode(a.required("node"), in: m)
        let old = m.nodes[k]
        var changed: [String] = []
        if let n = a.string("name") {
            let new = try checkNewName(n, "node", command: "model node set")
            try refuseDuplicate(new, in: m.nodes, by: \.name, what: "node", owner: "model \(m.name)", except: k)
            _ = renameNode(old.name, to: new, stage: nil, in: &m)
            changed.append("name")
        }
        if let s = a.string("stage"), let stage = ValueModel.Stage(rawValue: s) {
            m.nodes[k].stage = stage; changed.append("stage")
        }
        guard !changed.isEmpty else {
            throw CommandError.badValue("model node set: nothing to change (give --name or --stage)")
        }
        let new = m.nodes[k]
        var relinked: [String] = []
        try ctx.update(e.name) { x in
            x.models[i] = m
            if old.name != new.name {
                for j in x.initiatives.indices where x.initiatives[j].link.map({ Name.same($0, old.name) }) ?? false {
                    x.initiatives[j].link = new.name; relinked.append(x.initiatives[j].name)
                }
            }
        }
        var text = "Changed node \(new.name) of \(m.name): " + changed.joined(separator: ", ") + "."
        if !relinked.isEmpty {
            text += " Relinked " + Format.count(relinked.count, "initiative") + ": " + listed(relinked) + "."
        }
        return .message(text, data: ModelingJSON.node(new))
    }

    static let nodeRemove = CommandSpec(
        "model node remove", abstract: "remove a node with the edges that touch it",
        arguments: [modelArgument, ArgumentSpec("node", .name(.node), help: "a node of the model")],
        options: [enterpriseOption],
        examples: ["model node remove Base \"Spare node\""]
    ) { ctx in
        let e = try ctx.target()
        let i = try find(ctx.arguments.required("model"), in: e)
        var m = e.models[i]
        let k = try findNode(ctx.arguments.required("node"), in: m)
        let node = m.nodes.remove(at: k)
        let edges = m.edges.filter { Name.same($0.from, node.name) || Name.same($0.to, node.name) }
        m.edges.removeAll { Name.same($0.from, node.name) || Name.same($0.to, node.name) }
        var unlinked: [String] = []
        try ctx.update(e.name) { x in
            x.models[i] = m
            unlinked = dropLinks(to: node.name, in: &x)
        }
        var parts: [String] = []
        if !edges.isEmpty { parts.append(Format.count(edges.count, "edge") + " (" + listed(edges.map(arrow)) + ")") }
        var text = "Removed \(node.stage.rawValue) node \(node.name) from \(m.name)." + alsoLine(parts, verb: "removed")
        if !unlinked.isEmpty {
            text += " Unlinked " + Format.count(unlinked.count, "initiative") + ": " + listed(unlinked) + "."
        }
        return .message(
            text,
            data: [
                "removed": ModelingJSON.node(node), "edges": .array(edges.map(ModelingJSON.edge)),
                "unlinked": .array(unlinked.map { .string($0) }),
            ])
    }
}

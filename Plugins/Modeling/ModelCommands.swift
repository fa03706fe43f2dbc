import ValueCore
import Workbench

/// `model …`: value models (scenarios) of an enterprise, their nodes and signed edges, and the
/// check of their loops and grounding.
enum ModelCommands {
    static var all: [CommandSpec] {
        [add, nodeAdd, nodeSet, nodeRemove, edgeAdd, edgeSet, edgeRemove, list, show, check, set, fork, remove]
    }

    static let stages = ValueModel.Stage.allCases.map(\.rawValue)
    static let signs = ["+", "-"]
    static let modelArgument = ArgumentSpec("model", .name(.model), help: "a value model of the enterprise")
    static let optionalModel = ArgumentSpec("model", .name(.model), help: "a value model of the enterprise (may be left out when it has only one)",
                                            optional: true)

    // MARK: Models

    static let add = CommandSpec(
        "model add", abstract: "add a value model (a scenario of the value delivery chain)",
        discussion: """
            A model is a causal loop diagram: nodes at the stages resource → activity → value →
            revenue → profit → reinvestment, joined by edges signed + (same direction) or −
            (opposite direction). Build it with `model node add` and `model edge add`; `model
            check` finds its loops and its activities not anchored in strong resources.
            """,
        arguments: [ArgumentSpec("name", .text, help: "a new model name (unique within the enterprise, ignoring case)")],
        options: [OptionSpec("proposition", .text, help: "the value proposition this scenario delivers"), enterpriseOption],
        examples: ["model add Base --proposition \"longer range and lower cost per kWh, at scale\""]
    ) { ctx in
        let e = try ctx.target()
        let name = try checkNewName(ctx.arguments.required("name"), "model", command: "model add")
        try refuseDuplicate(name, in: e.models, by: \.name, what: "model", owner: e.name)
        let m = ValueModel(name: name, proposition: ctx.arguments.string("proposition"))
        try ctx.update(e.name) { $0.models.append(m) }
        return .message("Added model \(name) to \(e.name). Next: `model node add \(quoted(name)) NODE --stage resource`.",
                        data: ModelingJSON.model(m, of: e.name))
    }

    static let list = CommandSpec(
        "model list", abstract: "list the enterprise's value models with their size and proposition",
        options: [enterpriseOption],
        examples: ["model list"]
    ) { ctx in
        let e = try ctx.target()
        let blocks: [OutputBlock] = e.models.isEmpty
            ? [.text("\(e.name) has no value models yet: `model add NAME --proposition TEXT`.")]
            : [.table(table(e.models))]
        return CommandOutput(blocks: blocks, data: .array(e.models.map { summary($0, of: e.name) }))
    }

    static let show = CommandSpec(
        "model show", abstract: "draw a model: its chain stage by stage, signed edges, and its loops",
        arguments: [optionalModel],
        options: [OptionSpec("limit", .integer(1...10_000), help: "list at most this many loops (default 20)"), enterpriseOption],
        examples: ["model show Base"]
    ) { ctx in
        let e = try ctx.target()
        let m = try modelOrOnly(ctx.arguments.string("model"), in: e, command: "model show")
        let report = ModelAnalysis.loops(in: m, limit: ctx.arguments.int("limit") ?? 20,
                                         stop: { Cancellation.isRequested })
        try Cancellation.check()
        var text = drawing(m, of: e)
        text += "\n\n" + loopLines(report).joined(separator: "\n")
        var data = ModelingJSON.model(m, of: e.name)
        if case var .object(pairs) = data { pairs.append(("loops", loopsJSON(report))); data = .object(pairs) }
        let chart = Chart(title: "Model \(m.name) of \(e.name)", text: text, svg: ModelDiagram.svg(m, of: e, loops: report))
        return CommandOutput(blocks: [.chart(chart)], data: data, notes: report.parallelEdgesNote.map { [$0] } ?? [])
    }

    static let set = CommandSpec(
        "model set", abstract: "change a model: name, value proposition",
        arguments: [modelArgument],
        options: [OptionSpec("name", .text, help: "a new name (unique within the enterprise, ignoring case)"),
                  OptionSpec("proposition", .text, help: "the value proposition this scenario delivers"),
                  .flag("no-proposition", help: "forget the proposition"), enterpriseOption],
        examples: ["model set Base --proposition \"longest range and lowest cost per kWh, at scale\""]
    ) { ctx in
        let a = ctx.arguments
        let e = try ctx.target()
        let i = try find(a.required("model"), in: e)
        var m = e.models[i]
        var changed: [String] = []
        if let n = a.string("name") {
            m.name = try checkNewName(n, "model", command: "model set")
            try refuseDuplicate(m.name, in: e.models, by: \.name, what: "model", owner: e.name, except: i)
            changed.append("name")
        }
        if a.has("proposition") && a.flag("no-proposition") {
            throw CommandError.badValue("model set: --proposition and --no-proposition contradict each other")
        }
        if let p = a.string("proposition") { m.proposition = p; changed.append("proposition") }
        if a.flag("no-proposition") { m.proposition = nil; changed.append("proposition") }
        guard !changed.isEmpty else { throw CommandError.badValue("model set: nothing to change (give --name, --proposition or --no-proposition)") }
        try ctx.update(e.name) { $0.models[i] = m }
        return .message("Changed model \(m.name) of \(e.name): " + changed.joined(separator: ", ") + ".",
                        data: ModelingJSON.model(m, of: e.name))
    }

    static let fork = CommandSpec(
        "model fork", abstract: "copy a model under a new name, to change the copy as another scenario",
        arguments: [modelArgument, ArgumentSpec("new", .text, help: "the copy's name (unique within the enterprise)")],
        options: [OptionSpec("proposition", .text, help: "the copy's value proposition (default: the original's)"), enterpriseOption],
        examples: ["model fork Base \"Sodium bet\" --proposition \"cheaper cells without lithium\""]
    ) { ctx in
        let e = try ctx.target()
        let original = e.models[try find(ctx.arguments.required("model"), in: e)]
        var copy = original
        copy.name = try checkNewName(ctx.arguments.required("new"), "model", command: "model fork")
        try refuseDuplicate(copy.name, in: e.models, by: \.name, what: "model", owner: e.name)
        if let p = ctx.arguments.string("proposition") { copy.proposition = p }
        try ctx.update(e.name) { $0.models.append(copy) }
        return .message("Forked \(original.name) into \(copy.name) (\(Format.count(copy.nodes.count, "node")), \(Format.count(copy.edges.count, "edge"))).",
                        data: ModelingJSON.model(copy, of: e.name))
    }

    static let remove = CommandSpec(
        "model remove", abstract: "remove a value model with its nodes and edges",
        discussion: "Initiatives linked to a node that no other model (and no KPI record) has lose their link.",
        arguments: [modelArgument],
        options: [enterpriseOption],
        examples: ["model remove \"Sodium bet\""]
    ) { ctx in
        let e = try ctx.target()
        let i = try find(ctx.arguments.required("model"), in: e)
        let m = e.models[i]
        var unlinked: [String] = []
        try ctx.update(e.name) { x in
            x.models.remove(at: i)
            for n in m.nodes { unlinked += dropLinks(to: n.name, in: &x) }
        }
        var text = "Removed model \(m.name) from \(e.name) (\(Format.count(m.nodes.count, "node")), \(Format.count(m.edges.count, "edge")))."
        if !unlinked.isEmpty { text += " Unlinked " + Format.count(unlinked.count, "initiative") + ": " + listed(unlinked) + "." }
        return .message(text, data: ["removed": ModelingJSON.model(m, of: e.name), "unlinked": .array(unlinked.map { .string($0) })])
    }

    // MARK: Nodes

    static let nodeAdd = CommandSpec(
        "model node add", abstract: "add nodes at a stage of the chain (resource, activity, value, revenue, profit, reinvestment)",
        discussion: """
            Several nodes may be named at once; they all get the stage given. A resource node
            should carry the name of one of the enterprise's resources: that is how `model check`
            tells whether the activities it feeds are anchored.
            """,
        arguments: [modelArgument, ArgumentSpec("node", .text, help: "new node names (unique within the model)", variadic: true)],
        options: [OptionSpec("stage", .choice(stages), help: "where in the chain the nodes sit (required)"), enterpriseOption],
        examples: ["model node add Base \"Battery R&D\" \"Manufacturing scale\" Brand --stage resource",
                   "model node add Base \"Cell chemistry\" \"Gigafactory production\" Marketing --stage activity",
                   "model node add Base \"Longer range\" \"Lower cost per kWh\" --stage value",
                   "model node add Base \"Pack sales\" --stage revenue",
                   "model node add Base \"Operating profit\" --stage profit",
                   "model node add Base \"R&D reinvestment\" --stage reinvestment",
                   "model node add Base \"Spare node\" --stage activity"]
    ) { ctx in
        let a = ctx.arguments
        let e = try ctx.target()
        let i = try find(a.required("model"), in: e)
        guard let stageName = a.string("stage"), let stage = ValueModel.Stage(rawValue: stageName) else {
            throw CommandError("MissingArgument", "model node add: give the nodes' stage: --stage \(stages.joined(separator: "|"))")
        }
        var m = e.models[i]
        var added: [ValueModel.Node] = []
        var notes: [String] = []
        for raw in a.strings("node") {
            let name = try checkNewName(raw, "node", command: "model node add")
            try refuseDuplicate(name, in: m.nodes, by: \.name, what: "node", owner: "model \(m.name)")
            if stage == .resource, e.resources.index(named: name, by: \.name) == nil {
                var note = "\(e.name) has no resource named '\(name)'"
                if let s = Suggest.closest(to: name, in: e.resources.map(\.name)) { note += "; did you mean '\(s)'?" }
                else { note += " (`resource add \(quoted(name))`); `model check` reports resource nodes naming no resource" }
                notes.append(note)
            }
            let node = ValueModel.Node(name: e.resources.first { Name.same($0.name, name) && stage == .resource }?.name ?? name,
                                       stage: stage)
            m.nodes.append(node)
            added.append(node)
        }
        try ctx.update(e.name) { $0.models[i] = m }
        var out = CommandOutput.message("Added \(stage.rawValue) " + (added.count == 1 ? "node " : "nodes ")
                                        + listed(added.map(\.name)) + " to \(m.name).",
                                        data: .array(added.map(ModelingJSON.node)))
        out.notes = notes
        return out
    }

    static let nodeSet = CommandSpec(
        "model node set", abstract: "change a node: name, stage",
        discussion: "Renaming carries the new name to the node's edges and to initiatives linked to it.",
        arguments: [modelArgument, ArgumentSpec("node", .name(.node), help: "a node of the model")],
        options: [OptionSpec("name", .text, help: "a new name (unique within the model)"),
                  OptionSpec("stage", .choice(stages), help: "move it to this stage"), enterpriseOption],
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
        if let s = a.string("stage"), let stage = ValueModel.Stage(rawValue: s) { m.nodes[k].stage = stage; changed.append("stage") }
        guard !changed.isEmpty else { throw CommandError.badValue("model node set: nothing to change (give --name or --stage)") }
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
        if !relinked.isEmpty { text += " Relinked " + Format.count(relinked.count, "initiative") + ": " + listed(relinked) + "." }
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
        if !unlinked.isEmpty { text += " Unlinked " + Format.count(unlinked.count, "initiative") + ": " + listed(unlinked) + "." }
        return .message(text, data: ["removed": ModelingJSON.node(node), "edges": .array(edges.map(ModelingJSON.edge)),
                                     "unlinked": .array(unlinked.map { .string($0) })])
    }

    // MARK: Edges

    static let edgeAdd = CommandSpec(
        "model edge add", abstract: "draw signed edges: FROM → TO (more nodes continue the path)",
        discussion: """
            + means the target moves in the same direction as the source (more R&D → more range);
            − the opposite (more sales → less spare capacity). Naming more than two nodes draws a
            path: each edge runs from the node before it, all with the same sign.
            """,
        arguments: [modelArgument, ArgumentSpec("from", .name(.node), help: "the node the edge leaves"),
                    ArgumentSpec("to", .name(.node), help: "the node it enters (more nodes continue the path)", variadic: true)],
        options: [OptionSpec("polarity", .choice(signs), help: "the edge's sign (default +)"), enterpriseOption],
        examples: ["model edge add Base \"Battery R&D\" \"Cell chemistry\" \"Longer range\" \"Pack sales\" \"Operating profit\" \"R&D reinvestment\" \"Battery R&D\"",
                   "model edge add Base \"Manufacturing scale\" \"Gigafactory production\" \"Lower cost per kWh\" \"Pack sales\"",
                   "model edge add Base Brand \"Brand marketing\" \"Pack sales\"",
                   "model edge add Base \"Pack sales\" \"Gigafactory production\" --polarity -",
                   "model edge add Base \"Brand marketing\" \"Longer range\""]
    ) { ctx in
        let a = ctx.arguments
        let e = try ctx.target()
        let i = try find(a.required("model"), in: e)
        var m = e.models[i]
        let polarity = ValueModel.Polarity(rawValue: a.string("polarity") ?? "+") ?? .positive
        var path = [m.nodes[try findNode(a.required("from"), in: m)].name]
        for t in a.strings("to") { path.append(m.nodes[try findNode(t, in: m)].name) }
        var added: [ValueModel.Edge] = []
        for k in 1..<path.count {
            let (from, to) = (path[k - 1], path[k])
            guard !Name.same(from, to) else {
                throw CommandError.badValue("model edge add: an edge joins two different nodes ('\(from)' → '\(from)' is not allowed)")
            }
            if let existing = m.edge(from: from, to: to) {
                throw CommandError("DuplicateName", "edge \(arrow(existing)) already exists in \(m.name) (change its sign with `model edge set`)")
            }
            let edge = ValueModel.Edge(from: from, to: to, polarity: polarity)
            m.edges.append(edge)
            added.append(edge)
        }
        try ctx.update(e.name) { $0.models[i] = m }
        return .message("Drew " + listed(added.map(arrow)) + " in \(m.name).", data: .array(added.map(ModelingJSON.edge)))
    }

    static let edgeSet = CommandSpec(
        "model edge set", abstract: "change the sign of an edge",
        arguments: [modelArgument, ArgumentSpec("from", .name(.node), help: "the node the edge leaves"),
                    ArgumentSpec("to", .name(.node), help: "the node it enters")],
        options: [OptionSpec("polarity", .choice(signs), help: "the edge's new sign (required)"), enterpriseOption],
        examples: ["model edge set Base \"Brand marketing\" \"Longer range\" --polarity -"]
    ) { ctx in
        let a = ctx.arguments
        let e = try ctx.target()
        let i = try find(a.required("model"), in: e)
        var m = e.models[i]
        guard let p = a.string("polarity"), let polarity = ValueModel.Polarity(rawValue: p) else {
            throw CommandError("MissingArgument", "model edge set: give the new sign: --polarity +|-")
        }
        let k = try findEdge(a.required("from"), a.required("to"), in: m)
        m.edges[k].polarity = polarity
        try ctx.update(e.name) { $0.models[i] = m }
        return .message("Edge \(arrow(m.edges[k])) in \(m.name).", data: ModelingJSON.edge(m.edges[k]))
    }

    static let edgeRemove = CommandSpec(
        "model edge remove", abstract: "remove an edge",
        arguments: [modelArgument, ArgumentSpec("from", .name(.node), help: "the node the edge leaves"),
                    ArgumentSpec("to", .name(.node), help: "the node it enters")],
        options: [enterpriseOption],
        examples: ["model edge remove Base \"Brand marketing\" \"Longer range\""]
    ) { ctx in
        let e = try ctx.target()
        let i = try find(ctx.arguments.required("model"), in: e)
        var m = e.models[i]
        let k = try findEdge(ctx.arguments.required("from"), ctx.arguments.required("to"), in: m)
        let edge = m.edges.remove(at: k)
        try ctx.update(e.name) { $0.models[i] = m }
        return .message("Removed edge \(arrow(edge)) from \(m.name).", data: ["removed": ModelingJSON.edge(edge)])
    }

    // MARK: Check

    static let check = CommandSpec(
        "model check", abstract: "find a model's loops (reinforcing/balancing, value/growth) and unanchored activities",
        discussion: """
            Loops are all the elementary cycles of the model (Johnson's algorithm). A loop is
            reinforcing when it has an even number of − edges, balancing when odd. A value loop
            passes through a value node and a revenue node; a growth loop is a reinforcing value
            loop that also has an edge from a reinvestment node into a resource node (a balancing
            one is reported as "limits growth": it counteracts itself). An edge given twice between
            the same two nodes is reported; the first is used. An activity is anchored when
            an edge into it comes from a resource node naming a resource of strength ≥ \(num(Resource.anchoringStrength)).
            Counting stops at \(ModelAnalysis.defaultCountLimit) loops (the count is then a lower bound).
            """,
        arguments: [optionalModel],
        options: [OptionSpec("limit", .integer(1...10_000), help: "list at most this many loops (default 20)"), enterpriseOption],
        examples: ["model check Base"]
    ) { ctx in
        let e = try ctx.target()
        let m = try modelOrOnly(ctx.arguments.string("model"), in: e, command: "model check")
        let result = ModelAnalysis.check(m, of: e, limit: ctx.arguments.int("limit") ?? 20)
        return CommandOutput(blocks: [.text(checkText(result, model: m, of: e))], data: checkJSON(result, model: m, of: e),
                             notes: result.loops.parallelEdgesNote.map { [$0] } ?? [])
    }

    // MARK: Helpers

    static func find(_ name: String, in e: Enterprise) throws -> Int {
        try lookup(name, in: e.models, by: \.name, what: "model", owner: e.name, add: "model add NAME")
    }

    /// The model named, or the enterprise's only model when none is named.
    static func modelOrOnly(_ name: String?, in e: Enterprise, command: String) throws -> ValueModel {
        if let name { return e.models[try find(name, in: e)] }
        if e.models.count == 1 { return e.models[0] }
        if e.models.isEmpty { throw CommandError("UnknownName", "\(command): \(e.name) has no value models yet (`model add NAME`)") }
        throw CommandError("MissingArgument", "\(command): which model? \(e.name) has " + listed(e.models.map(\.name)))
    }

    static func findNode(_ name: String, in m: ValueModel) throws -> Int {
        try lookup(name, in: m.nodes, by: \.name, what: "node", owner: "model \(m.name)", add: "model node add \(quoted(m.name)) NODE --stage STAGE")
    }

    static func findEdge(_ from: String, _ to: String, in m: ValueModel) throws -> Int {
        let f = m.nodes[try findNode(from, in: m)].name
        let t = m.nodes[try findNode(to, in: m)].name
        if let k = m.edges.firstIndex(where: { Name.same($0.from, f) && Name.same($0.to, t) }) { return k }
        let out = m.edges.filter { Name.same($0.from, f) }.map(\.to)
        throw CommandError("UnknownName", "no edge \(f) → \(t) in \(m.name) ("
                           + (out.isEmpty ? "\(f) has no edges out)" : "\(f) leads to: " + listed(out) + ")"))
    }

    /// Renames node `old` (of `stage`, when given) and its edges in `m`; returns whether it was there.
    static func renameNode(_ old: String, to new: String, stage: ValueModel.Stage?, in m: inout ValueModel) -> Bool {
        guard let k = m.nodes.firstIndex(where: { Name.same($0.name, old) && (stage == nil || $0.stage == stage) }) else { return false }
        let name = m.nodes[k].name
        m.nodes[k].name = new
        for j in m.edges.indices {
            if Name.same(m.edges[j].from, name) { m.edges[j].from = new }
            if Name.same(m.edges[j].to, name) { m.edges[j].to = new }
        }
        return true
    }

    /// Clears the links of initiatives to `node` when no model has such a node any more and no
    /// KPI is recorded under that name; returns the initiatives unlinked.
    static func dropLinks(to node: String, in e: inout Enterprise) -> [String] {
        if e.models.contains(where: { $0.node(named: node) != nil }) || e.kpis.contains(where: { Name.same($0.kpi, node) }) { return [] }
        var unlinked: [String] = []
        for j in e.initiatives.indices where e.initiatives[j].link.map({ Name.same($0, node) }) ?? false {
            e.initiatives[j].link = nil
            unlinked.append(e.initiatives[j].name)
        }
        return unlinked
    }

    static func sign(_ p: ValueModel.Polarity) -> String { p == .positive ? "+" : "−" }

    static func arrow(_ edge: ValueModel.Edge) -> String { "\(edge.from) ─(\(sign(edge.polarity)))→ \(edge.to)" }

    static func table(_ models: [ValueModel]) -> Table {
        Table(headers: ["model", "nodes", "edges", "proposition"],
              rows: models.map { [$0.name, String($0.nodes.count), String($0.edges.count), $0.proposition ?? ""] },
              alignments: [.left, .right, .right, .left])
    }

    static func summary(_ m: ValueModel, of enterprise: String) -> JSON {
        ["name": .string(m.name), "enterprise": .string(enterprise), "proposition": m.proposition.map { .string($0) } ?? .null,
         "nodes": .int(m.nodes.count), "edges": .int(m.edges.count)]
    }

    /// The chain, stage by stage: each node with its edges out; an edge back to an earlier (or
    /// the same) stage is marked ↩, as it is what closes loops.
    static func drawing(_ m: ValueModel, of e: Enterprise) -> String {
        var lines = ["Model \(m.name) of \(e.name): \(Format.count(m.nodes.count, "node")), \(Format.count(m.edges.count, "edge"))"]
        if let p = m.proposition { lines.append("Proposition: \(p)") }
        lines.append("")
        let stageOf = Dictionary(m.nodes.map { (Name.fold($0.name), $0.stage) }, uniquingKeysWith: { a, _ in a })
        let labelWidth = stages.map(\.count).max()! + 2
        for stage in ValueModel.Stage.allCases {
            let nodes = m.nodes.filter { $0.stage == stage }
            let label = Format.pad(stage.rawValue, labelWidth)
            if nodes.isEmpty { lines.append(label + "(none)"); continue }
            var first = true
            for n in nodes {
                let lead = first ? label : String(repeating: " ", count: labelWidth)
                first = false
                var head = n.name
                if stage == .resource {
                    if let r = e.resources.first(where: { Name.same($0.name, n.name) }) { head += " [\(num(r.strength))]" }
                    else { head += " [no such resource]" }
                }
                let out = m.edges.filter { Name.same($0.from, n.name) }
                if out.isEmpty { lines.append(lead + head); continue }
                let indent = String(repeating: " ", count: labelWidth + Format.displayWidth(head))
                for (k, edge) in out.enumerated() {
                    let back = (stageOf[Name.fold(edge.to)]?.order ?? 99) <= stage.order ? "  ↩" : ""
                    lines.append((k == 0 ? lead + head : indent) + " ─(\(sign(edge.polarity)))→ " + edge.to + back)
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// "R1  value, growth  A ─(+)→ B ─(+)→ A", wrapped at about 100 columns.
    static func loopLines(_ report: LoopReport) -> [String] {
        guard report.total > 0 else { return ["Loops: none — the chain does not close (draw an edge back, e.g. reinvestment → resource)."] }
        var head = "Loops: \(report.complete ? "" : "at least ")\(report.total) (\(report.reinforcing) reinforcing, \(report.balancing) balancing; "
        head += "\(Format.count(report.valueLoops, "value loop")), \(Format.count(report.growthLoops, "growth loop"))"
        head += report.limitingLoops > 0 ? ", \(report.limitingLoops) limiting growth)" : ")"
        var lines = [head]
        var r = 0, b = 0
        let labelled = report.loops.map { l -> (String, ModelLoop) in
            if l.polarity == .reinforcing { r += 1; return ("R\(r)", l) }
            b += 1; return ("B\(b)", l)
        }
        for (label, l) in labelled {
            var kind = [String]()
            if l.isGrowthLoop { kind.append("growth") } else if l.limitsGrowth { kind.append("limits growth") } else if l.isValueLoop { kind.append("value") }
            let prefix = "  " + Format.pad(label, 4) + Format.pad(kind.joined(), report.limitingLoops > 0 ? 15 : 8)
            var pieces: [String] = []
            for (k, n) in l.nodes.enumerated() { pieces.append(n + " ─(\(sign(l.signs[k])))→") }
            pieces.append(l.nodes[0])
            var line = prefix
            let indent = String(repeating: " ", count: Format.displayWidth(prefix))
            for p in pieces {
                if Format.displayWidth(line) + 1 + Format.displayWidth(p) > 100, line != prefix {
                    lines.append(line); line = indent + p
                } else {
                    line += (line == prefix ? "" : " ") + p
                }
            }
            lines.append(line)
        }
        if report.loops.count < report.total {
            lines.append("  … \(report.complete ? "" : "at least ")\(report.total - report.loops.count) more (--limit N lists more)")
        }
        return lines
    }

    static func loopsJSON(_ report: LoopReport) -> JSON {
        var r = 0, b = 0
        let listedLoops = report.loops.map { l -> JSON in
            let label: String
            if l.polarity == .reinforcing { r += 1; label = "R\(r)" } else { b += 1; label = "B\(b)" }
            return ModelingJSON.loop(l, label: label)
        }
        return ["total": .int(report.total), "complete": .bool(report.complete), "reinforcing": .int(report.reinforcing),
                "balancing": .int(report.balancing), "valueLoops": .int(report.valueLoops), "growthLoops": .int(report.growthLoops),
                "limitingLoops": .int(report.limitingLoops), "parallelEdges": .array(report.parallelEdges.map { .string($0) }),
                "listed": .array(listedLoops)]
    }

    static func checkText(_ c: ModelCheck, model m: ValueModel, of e: Enterprise) -> String {
        var lines = ["Check of model \(m.name) (\(e.name)): \(Format.count(m.nodes.count, "node")), \(Format.count(m.edges.count, "edge"))", ""]
        lines += loopLines(c.loops)
        if c.loops.total > 0 && c.loops.valueLoops == 0 {
            lines.append("  ✗ no value loop: no loop passes through both a value node and a revenue node")
        } else if c.loops.valueLoops > 0 && c.loops.growthLoops == 0 {
            lines.append(c.loops.limitingLoops > 0
                ? "  ✗ no growth loop: the value loops that reinvest into a resource are balancing (they limit growth); a growth loop is reinforcing"
                : "  ✗ no growth loop: no value loop reinvests into a resource (reinvestment → resource edge)")
        }
        lines.append("")
        let acts = c.grounding.activities
        let bad = c.grounding.unanchored
        if acts.isEmpty {
            lines.append("Grounding: no activity nodes.")
        } else {
            lines.append("Grounding: \(acts.count - bad.count) of \(Format.count(acts.count, "activity")) anchored in a resource of strength ≥ \(num(Resource.anchoringStrength))")
            for a in acts where a.isAnchored { lines.append("  ✓ \(a.activity) ← " + a.anchors.joined(separator: ", ")) }
            for a in bad { lines.append("  ✗ \(a.activity): \(a.problem ?? "")") }
        }
        if !c.grounding.unknownResourceNodes.isEmpty {
            lines.append("Resource nodes naming no resource of \(e.name):")
            for n in c.grounding.unknownResourceNodes {
                var s = "  ✗ \(n)"
                if let near = Suggest.closest(to: n, in: e.resources.map(\.name)) { s += " — did you mean '\(near)'?" }
                else { s += " (`resource add \(quoted(n)) --strength 0–10`)" }
                lines.append(s)
            }
        }
        if !c.missingStages.isEmpty { lines.append("Stages with no node: " + c.missingStages.map(\.rawValue).joined(separator: ", ")) }
        if !c.isolatedNodes.isEmpty { lines.append("Nodes with no edge: " + listed(c.isolatedNodes)) }
        lines.append("")
        lines.append(c.isSound ? "Verdict: the model closes a value loop and every activity is anchored."
                               : "Verdict: \(Format.count(findings(c), "finding")) to address.")
        return lines.joined(separator: "\n")
    }

    static func findings(_ c: ModelCheck) -> Int {
        (c.loops.valueLoops == 0 ? 1 : 0) + c.grounding.unanchored.count + c.grounding.unknownResourceNodes.count
    }

    static func checkJSON(_ c: ModelCheck, model m: ValueModel, of e: Enterprise) -> JSON {
        let activities = c.grounding.activities.map { a -> JSON in
            ["activity": .string(a.activity), "anchored": .bool(a.isAnchored), "anchors": .array(a.anchors.map { .string($0) }),
             "feeders": .array(a.feeders.map { ["node": .string($0.node), "strength": .num($0.strength)] }),
             "problem": a.problem.map { .string($0) } ?? .null]
        }
        return ["model": .string(m.name), "enterprise": .string(e.name), "sound": .bool(c.isSound),
                "loops": loopsJSON(c.loops),
                "grounding": ["activities": .array(activities),
                              "unanchored": .array(c.grounding.unanchored.map { .string($0.activity) }),
                              "unknownResourceNodes": .array(c.grounding.unknownResourceNodes.map { .string($0) })],
                "missingStages": .array(c.missingStages.map { .string($0.rawValue) }),
                "isolatedNodes": .array(c.isolatedNodes.map { .string($0) })]
    }
}

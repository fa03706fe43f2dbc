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
    static let optionalModel = ArgumentSpec(
        "model", .name(.model), help: "a value model of the enterprise (may be left out when it has only one)",
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
        arguments: [
            ArgumentSpec("name", .text, help: "a new model name (unique within the enterprise, ignoring case)")
        ],
        options: [
            OptionSpec("proposition", .text, help: "the value proposition this scenario delivers"), enterpriseOption,
        ],
        examples: ["model add Base --proposition \"longer range and lower cost per kWh, at scale\""]
    ) { ctx in
        let e = try ctx.target()
        let name = try checkNewName(ctx.arguments.required("name"), "model", command: "model add")
        try refuseDuplicate(name, in: e.models, by: \.name, what: "model", owner: e.name)
        let m = ValueModel(name: name, proposition: ctx.arguments.string("proposition"))
        try ctx.update(e.name) { $0.models.append(m) }
        return .message(
            "Added model \(name) to \(e.name). Next: `model node add \(Tokenizer.quote(name)) NODE --stage resource`.",
            data: ModelingJSON.model(m, of: e.name))
    }

    static let list = CommandSpec(
        "model list", abstract: "list the enterprise's value models with their size and proposition",
        options: [enterpriseOption],
        examples: ["model list"]
    ) { ctx in
        let e = try ctx.target()
        let blocks: [OutputBlock] =
            e.models.isEmpty
            ? [.text("\(e.name) has no value models yet: `model add NAME --proposition TEXT`.")]
            : [.table(table(e.models))]
        return CommandOutput(blocks: blocks, data: .array(e.models.map { summary($0, of: e.name) }))
    }

    static let show = CommandSpec(
        "model show", abstract: "draw a model: its chain stage by stage, signed edges, and its loops",
        arguments: [optionalModel],
        options: [
            OptionSpec("limit", .integer(1...10_000), help: "list at most this many loops (default 20)"),
            enterpriseOption,
        ],
        examples: ["model show Base"]
    ) { ctx in
        let e = try ctx.target()
        let m = try modelOrOnly(ctx.arguments.string("model"), in: e, command: "model show")
        let report = ModelAnalysis.loops(
            in: m, limit: ctx.arguments.int("limit") ?? 20,
            stop: { Cancellation.isRequested })
        try Cancellation.check()
        var text = drawing(m, of: e)
        text += "\n\n" + loopLines(report).joined(separator: "\n")
        var data = ModelingJSON.model(m, of: e.name)
        if case var .object(pairs) = data { pairs.append(("loops", loopsJSON(report))); data = .object(pairs) }
        let chart = Chart(
            title: "Model \(m.name) of \(e.name)", text: text, svg: ModelDiagram.svg(m, of: e, loops: report))
        return CommandOutput(blocks: [.chart(chart)], data: data, notes: report.parallelEdgesNote.map { [$0] } ?? [])
    }

    static let set = CommandSpec(
        "model set", abstract: "change a model: name, value proposition",
        arguments: [modelArgument],
        options: [
            OptionSpec("name", .text, help: "a new name (unique within the enterprise, ignoring case)"),
            OptionSpec("proposition", .text, help: "the value proposition this scenario delivers"),
            .flag("no-proposition", help: "forget the proposition"), enterpriseOption,
        ],
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
        guard !changed.isEmpty else {
            throw CommandError.badValue("model set: nothing to change (give --name, --proposition or --no-proposition)")
        }
        try ctx.update(e.name) { $0.models[i] = m }
        return .message(
            "Changed model \(m.name) of \(e.name): " + changed.joined(separator: ", ") + ".",
            data: ModelingJSON.model(m, of: e.name))
    }

    static let fork = CommandSpec(
        "model fork", abstract: "copy a model under a new name, to change the copy as another scenario",
        arguments: [modelArgument, ArgumentSpec("new", .text, help: "the copy's name (unique within the enterprise)")],
        options: [
            OptionSpec("proposition", .text, help: "the copy's value proposition (default: the original's)"),
            enterpriseOption,
        ],
        examples: ["model fork Base \"Sodium bet\" --proposition \"cheaper cells without lithium\""]
    ) { ctx in
        let e = try ctx.target()
        let original = e.models[try find(ctx.arguments.required("model"), in: e)]
        var copy = original
        copy.name = try checkNewName(ctx.arguments.required("new"), "model", command: "model fork")
        try refuseDuplicate(copy.name, in: e.models, by: \.name, what: "model", owner: e.name)
        if let p = ctx.arguments.string("proposition") { copy.proposition = p }
        try ctx.update(e.name) { $0.models.append(copy) }
        return .message(
            """
            Forked \(original.name) into \(copy.name) (\(Format.count(copy.nodes.count, "node")), \
            \(Format.count(copy.edges.count, "edge"))).
            """,
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
        var text =
            """
            Removed model \(m.name) from \(e.name) (\(Format.count(m.nodes.count, "node")), \
            \(Format.count(m.edges.count, "edge"))).
            """
        if !unlinked.isEmpty {
            text += " Unlinked " + Format.count(unlinked.count, "initiative") + ": " + listed(unlinked) + "."
        }
        return .message(
            text,
            data: ["removed": ModelingJSON.model(m, of: e.name), "unlinked": .array(unlinked.map { .string($0) })])
    }

    // MARK: Helpers

    static func find(_ name: String, in e: Enterprise) throws -> Int {
        try lookup(name, in: e.models, by: \.name, what: "model", owner: e.name, add: "model add NAME")
    }

    /// The model named, or the enterprise's only model when none is named.
    static func modelOrOnly(_ name: String?, in e: Enterprise, command: String) throws -> ValueModel {
        if let name { return e.models[try find(name, in: e)] }
        if e.models.count == 1 { return e.models[0] }
        if e.models.isEmpty {
            throw CommandError("UnknownName", "\(command): \(e.name) has no value models yet (`model add NAME`)")
        }
        throw CommandError("MissingArgument", "\(command): which model? \(e.name) has " + listed(e.models.map(\.name)))
    }

    static func findNode(_ name: String, in m: ValueModel) throws -> Int {
        try lookup(
            name, in: m.nodes, by: \.name, what: "node", owner: "model \(m.name)",
            add: "model node add \(Tokenizer.quote(m.name)) NODE --stage STAGE")
    }

    static func findEdge(_ from: String, _ to: String, in m: ValueModel) throws -> Int {
        let f = m.nodes[try findNode(from, in: m)].name
        let t = m.nodes[try findNode(to, in: m)].name
        if let k = m.edges.firstIndex(where: { Name.same($0.from, f) && Name.same($0.to, t) }) { return k }
        let out = m.edges.filter { Name.same($0.from, f) }.map(\.to)
        throw CommandError(
            "UnknownName",
            "no edge \(f) → \(t) in \(m.name) ("
                + (out.isEmpty ? "\(f) has no edges out)" : "\(f) leads to: " + listed(out) + ")"))
    }

    /// Renames node `old` (of `stage`, when given) and its edges in `m`; returns whether it was there.
    static func renameNode(_ old: String, to new: String, stage: ValueModel.Stage?, in m: inout ValueModel) -> Bool {
        guard let k = m.nodes.firstIndex(where: { Name.same($0.name, old) && (stage == nil || $0.stage == stage) })
        else { return false }
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
        if e.models.contains(where: { $0.node(named: node) != nil })
            || e.kpis.contains(where: { Name.same($0.kpi, node) })
        {
            return []
        }
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
        Table(
            headers: ["model", "nodes", "edges", "proposition"],
            rows: models.map { [$0.name, String($0.nodes.count), String($0.edges.count), $0.proposition ?? ""] },
            alignments: [.left, .right, .right, .left])
    }

    static func summary(_ m: ValueModel, of enterprise: String) -> JSON {
        [
            "name": .string(m.name), "enterprise": .string(enterprise),
            "proposition": m.proposition.map { .string($0) } ?? .null,
            "nodes": .int(m.nodes.count), "edges": .int(m.edges.count),
        ]
    }

    /// The chain, stage by stage: each node with its edges out; an edge back to an earlier (or
    /// the same) stage is marked ↩, as it is what closes loops.
    static func drawing(_ m: ValueModel, of e: Enterprise) -> String {
        var lines = [
            """
            Model \(m.name) of \(e.name): \(Format.count(m.nodes.count, "node")), \
            \(Format.count(m.edges.count, "edge"))
            """
        ]
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
                    if let r = e.resources.first(where: { Name.same($0.name, n.name) }) {
                        head += " [\(num(r.strength))]"
                    } else {
                        head += " [no such resource]"
                    }
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
}

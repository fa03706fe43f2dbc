import ValueCore
import Workbench

/// `model edge …`: a model's signed edges.
extension ModelCommands {
    static let edgeAdd = CommandSpec(
        "model edge add", abstract: "draw signed edges: FROM → TO (more nodes continue the path)",
        discussion: """
            + means the target moves in the same direction as the source (more R&D → more range);
            − the opposite (more sales → less spare capacity). Naming more than two nodes draws a
            path: each edge runs from the node before it, all with the same sign.
            """,
        arguments: [
            modelArgument, ArgumentSpec("from", .name(.node), help: "the node the edge leaves"),
            ArgumentSpec("to", .name(.node), help: "the node it enters (more nodes continue the path)", variadic: true),
        ],
        options: [OptionSpec("polarity", .choice(signs), help: "the edge's sign (default +)"), enterpriseOption],
        examples: [
            """
            model edge add Base \"Battery R&D\" \"Cell chemistry\" \"Longer range\" \"Pack sales\" \
            \"Operating profit\" \"R&D reinvestment\" \"Battery R&D\"
            """,
            """
            model edge add Base \"Manufacturing scale\" \"Gigafactory production\" \"Lower cost per kWh\" \
            \"Pack sales\"
            """,
            "model edge add Base Brand \"Brand marketing\" \"Pack sales\"",
            "model edge add Base \"Pack sales\" \"Gigafactory production\" --polarity -",
            "model edge add Base \"Brand marketing\" \"Longer range\"",
        ]
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
                throw CommandError.badValue(
                    "model edge add: an edge joins two different nodes ('\(from)' → '\(from)' is not allowed)")
            }
            if let existing = m.edge(from: from, to: to) {
                throw CommandError(
                    "DuplicateName",
                    "edge \(arrow(existing)) already exists in \(m.name) (change its sign with `model edge set`)")
            }
            let edge = ValueModel.Edge(from: from, to: to, polarity: polarity)
            m.edges.append(edge)
            added.append(edge)
        }
        try ctx.update(e.name) { $0.models[i] = m }
        return .message(
            "Drew " + listed(added.map(arrow)) + " in \(m.name).", data: .array(added.map(ModelingJSON.edge)))
    }

    static let edgeSet = CommandSpec(
        "model edge set", abstract: "change the sign of an edge",
        arguments: [
            modelArgument, ArgumentSpec("from", .name(.node), help: "the node the edge leaves"),
            ArgumentSpec("to", .name(.node), help: "the node it enters"),
        ],
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
        arguments: [
            modelArgument, ArgumentSpec("from", .name(.node), help: "the node the edge leaves"),
            ArgumentSpec("to", .name(.node), help: "the node it enters"),
        ],
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
}

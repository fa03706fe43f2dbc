import ValueCore
import Workbench

/// `factor set/list/remove`: offering levels on the competition factors (the strategy canvas).
/// Unlike the other families these name the enterprise first, because a canvas scores the
/// enterprise and its competitors side by side.
enum FactorCommands {
    static var all: [CommandSpec] { [set, list, remove] }

    static let set = CommandSpec(
        "factor set", abstract: "score an enterprise on a competition factor, 0–10 (a point of the strategy canvas)",
        discussion: """
            Creates the factor score or changes it. A factor is spelt as the workspace first spelt
            it, so that every enterprise's scores line up on one canvas.
            """,
        arguments: [ArgumentSpec("enterprise", .name(.enterprise), help: "an enterprise in the workspace"),
                    ArgumentSpec("factor", .name(.factor), help: "the competition factor, e.g. Price"),
                    ArgumentSpec("score", .number(0...10), help: "the offering level on that factor")],
        options: [OptionSpec("importance", .integer(1...5), help: "how much customers care about the factor, 1–5")],
        examples: ["factor set CATL \"Energy density\" 9 --importance 5", "factor set CATL Price 6 --importance 5",
                   "factor set CATL \"Charging speed\" 8 --importance 4", "factor set CATL Safety 8 --importance 5",
                   "factor set BYD \"Energy density\" 7", "factor set BYD Price 8", "factor set BYD \"Charging speed\" 7",
                   "factor set BYD Safety 9", "factor set BYD \"Colour range\" 3"]
    ) { ctx in
        let a = ctx.arguments
        let e = try ctx.enterprise()
        let raw = try checkNewName(a.string("factor")!, "factor", command: "factor set")
        let score = a.double("score")!
        let importance = a.int("importance")
        var notes: [String] = []
        if let i = e.factors.index(named: raw, by: \.factor) {
            var f = e.factors[i]
            let before = f.score
            f.score = score
            if let importance { f.importance = importance }
            try ctx.update(e.name) { $0.factors[i] = f }
            return .message("Set \(f.factor) of \(e.name) to \(num(score)) (was \(num(before))).",
                            data: ModelingJSON.factor(f, of: e.name))
        }
        // The workspace's spelling of the factor, if another enterprise scores it.
        let known = knownFactors(ctx.workspace)
        var name = raw
        if let same = known.first(where: { Name.same($0, raw) }) {
            name = same
        } else if let close = Suggest.closest(to: raw, in: known) {
            notes.append("'\(raw)' is a new factor; other enterprises score '\(close)' (`factor remove \(quoted(e.name)) \(quoted(raw))` if that was meant)")
        }
        let f = FactorScore(factor: name, score: score, importance: importance)
        try ctx.update(e.name) { $0.factors.append(f) }
        var out = CommandOutput.message("Scored \(e.name) \(num(score)) on \(name)" + (importance.map { " (importance \($0))" } ?? "") + ".",
                                        data: ModelingJSON.factor(f, of: e.name))
        out.notes = notes
        return out
    }

    static let list = CommandSpec(
        "factor list", abstract: "list factor scores: one enterprise's, or every enterprise side by side",
        arguments: [ArgumentSpec("enterprise", .name(.enterprise), help: "only this enterprise (default: all, as a canvas table)", optional: true)],
        examples: ["factor list", "factor list CATL"]
    ) { ctx in
        if ctx.arguments.has("enterprise") {
            let e = try ctx.enterprise()
            let blocks: [OutputBlock] = e.factors.isEmpty
                ? [.text("\(e.name) has no factor scores yet: `factor set \(quoted(e.name)) FACTOR SCORE`.")]
                : [.table(table(e.factors))]
            return CommandOutput(blocks: blocks, data: .array(e.factors.map { ModelingJSON.factor($0, of: e.name) }))
        }
        let scored = ctx.workspace.enterprises.filter { !$0.factors.isEmpty }
        let data = JSON.array(scored.flatMap { e in e.factors.map { ModelingJSON.factor($0, of: e.name) } })
        guard !scored.isEmpty else {
            return CommandOutput(blocks: [.text("No factor scores yet: `factor set ENTERPRISE FACTOR SCORE`.")], data: data)
        }
        let factors = knownFactors(ctx.workspace)
        let rows = factors.map { factor -> [String] in
            let importance = scored.lazy.compactMap { $0.factors.first { Name.same($0.factor, factor) }?.importance }.first
            return [factor, importance.map(String.init) ?? ""]
                + scored.map { e in e.factors.first { Name.same($0.factor, factor) }.map { num($0.score) } ?? "" }
        }
        let table = Table(headers: ["factor", "importance"] + scored.map(\.name), rows: rows,
                          alignments: [.left] + Array(repeating: .right, count: scored.count + 1))
        return CommandOutput(blocks: [.table(table)], data: data)
    }

    static let remove = CommandSpec(
        "factor remove", abstract: "remove an enterprise's score on a factor",
        arguments: [ArgumentSpec("enterprise", .name(.enterprise), help: "an enterprise in the workspace"),
                    ArgumentSpec("factor", .name(.factor), help: "a factor it is scored on")],
        examples: ["factor remove BYD \"Colour range\""]
    ) { ctx in
        let e = try ctx.enterprise()
        let i = try lookup(ctx.arguments.string("factor")!, in: e.factors, by: \.factor, what: "factor", owner: e.name,
                           add: "factor set \(quoted(e.name)) FACTOR SCORE")
        let f = e.factors[i]
        try ctx.update(e.name) { $0.factors.remove(at: i) }
        return .message("Removed \(e.name)'s score on \(f.factor).", data: ["removed": ModelingJSON.factor(f, of: e.name)])
    }

    /// Every factor scored in the workspace, in the order first seen.
    static func knownFactors(_ w: Workspace) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for e in w.enterprises {
            for f in e.factors where seen.insert(Name.fold(f.factor)).inserted { out.append(f.factor) }
        }
        return out
    }

    static func table(_ factors: [FactorScore]) -> Table {
        Table(headers: ["factor", "score", "importance"],
              rows: factors.map { [$0.factor, num($0.score), $0.importance.map(String.init) ?? ""] },
              alignments: [.left, .right, .right])
    }
}

/// A name as it would be typed: quoted when it holds a space or a quote.
func quoted(_ name: String) -> String {
    name.contains(where: { $0 == " " || $0 == "\"" || $0 == "'" || $0 == "#" }) || name.isEmpty
        ? "\"" + name.flatMap { $0 == "\\" || $0 == "\"" ? ["\\", $0] : [$0] } + "\""
        : name
}

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

            --kind price marks the factor as a price factor ("price per kWh", "upfront cost"): it
            says what customers pay, not the quality they get, so `diff valuemap` leaves it out of
            perceived quality (price is its other axis). The kind belongs to the factor name across
            the workspace: --kind price marks it on every enterprise that scores it, an enterprise
            that scores it later takes the mark, and --kind quality clears every mark. `factor
            list` and `enterprise show` show the kind once the workspace has a price factor.
            """,
        arguments: [
            ArgumentSpec("enterprise", .name(.enterprise), help: "an enterprise in the workspace"),
            ArgumentSpec("factor", .name(.factor), help: "the competition factor, e.g. Price"),
            ArgumentSpec("score", .number(FactorScore.scoreRange), help: "the offering level on that factor"),
        ],
        options: [
            OptionSpec(
                "importance", .integer(FactorScore.importanceRange),
                help: "how much customers care about the factor, 1–5"),
            OptionSpec(
                "kind", .choice(["quality", "price"]),
                help: "price: what customers pay, left out of perceived quality (default: as it was)"),
        ],
        examples: [
            "factor set CATL \"Energy density\" 9 --importance 5",
            "factor set CATL Price 6 --importance 5 --kind price",
            "factor set CATL \"Charging speed\" 8 --importance 4", "factor set CATL Safety 8 --importance 5",
            "factor set BYD \"Energy density\" 7", "factor set BYD Price 8", "factor set BYD \"Charging speed\" 7",
            "factor set BYD Safety 9", "factor set BYD \"Colour range\" 3",
        ]
    ) { ctx in
        let a = ctx.arguments
        let e = try ctx.enterprise()
        let raw = try checkNewName(a.required("factor"), "factor", command: "factor set")
        let score = a.double("score")!
        let importance = a.int("importance")
        let kind = a.string("kind")
        var notes: [String] = []
        // A closure, not the key path \.factor: projecting a key path per element cost a third of
        // each line in a long script.
        if let i = e.factors.index(named: raw, by: { $0.factor }) {
            var f = e.factors[i]
            let before = f.score
            f.score = score
            if let importance { f.importance = importance }
            try ctx.update(e.name) { $0.factors[i] = f }
            let kindSaid = try mark(f.factor, as: kind, in: &ctx)
            // Marks are kept on every enterprise scoring the factor, so its own list answers.
            let price = ctx.workspace.enterprise(named: e.name)!.priceFactors.contains { Name.same($0, f.factor) }
            return .message(
                "Set \(f.factor) of \(e.name) to \(num(score)) (was \(num(before)))\(kindSaid).",
                data: ModelingJSON.factor(f, of: e.name, price: price))
        }
        // The workspace's spelling of the factor, if another enterprise scores it; else a close
        // spelling another enterprise scores. Only the other enterprises' factors are searched
        // (this one's were above): 8,000 `factor set` lines on one enterprise spent 46 s in
        // did-you-mean over its own factors, each line comparing with all before it.
        let others = ctx.workspace.enterprises.filter { !Name.same($0.name, e.name) && !$0.factors.isEmpty }
        var name = raw
        let spelt = others.lazy.compactMap { o in
            o.factors.index(named: raw, by: { $0.factor }).map { o.factors[$0].factor }
        }
        if let same = spelt.first {
            name = same
        } else if !others.isEmpty, let close = Suggest.closest(to: raw, in: knownFactors(others)) {
            notes.append(
                """
                '\(raw)' is a new factor; other enterprises score '\(close)' (`factor remove \
                \(Tokenizer.quote(e.name)) \(Tokenizer.quote(raw))` if that was meant)
                """
            )
        }
        let f = FactorScore(factor: name, score: score, importance: importance)
        // A factor another enterprise marks as a price factor is one here too.
        let inherited = kind == nil && ctx.workspace.priceFactors.contains(NameKey(name))
        try ctx.update(e.name) { e in
            e.factors.append(f)
            if inherited { e.priceFactors.append(name) }
        }
        let kindSaid = try mark(name, as: kind, in: &ctx)
        var out = CommandOutput.message(
            "Scored \(e.name) \(num(score)) on \(name)" + (importance.map { " (importance \($0))" } ?? "") + kindSaid
                + (inherited ? " (a price factor)" : "") + ".",
            data: ModelingJSON.factor(f, of: e.name, price: inherited || kind == "price"))
        out.notes = notes
        return out
    }

    /// Marks `factor` as a price factor on every enterprise that scores it, or clears every mark
    /// (quality); returns what to add to the message ("" when the kind is not given or already
    /// so). Keeping the mark on each enterprise that scores the factor lets one enterprise answer
    /// for itself without a walk over the workspace; `factor set` copies it to a new scorer.
    /// - Complexity: O(n) in the enterprises; only when --kind is given.
    static func mark(_ factor: String, as kind: String?, in ctx: inout CommandContext) throws -> String {
        guard let kind else { return "" }
        let price = kind == "price"
        var changed = false
        for e in ctx.workspace.enterprises {
            let marked = e.priceFactors.contains { Name.same($0, factor) }
            let scores = e.factorNames.contains { Name.same($0, factor) }
            if price && scores && !marked {
                try ctx.update(e.name) { $0.priceFactors.append(factor) }
                changed = true
            } else if !price && marked {
                try ctx.update(e.name) { $0.priceFactors.removeAll { Name.same($0, factor) } }
                changed = true
            }
        }
        guard changed else { return "" }
        return price ? "; a price factor, left out of perceived quality" : "; a quality factor again"
    }

    static let list = CommandSpec(
        "factor list", abstract: "list factor scores: one enterprise's, or every enterprise side by side",
        arguments: [
            ArgumentSpec(
                "enterprise", .name(.enterprise), help: "only this enterprise (default: all, as a canvas table)",
                optional: true)
        ],
        examples: ["factor list", "factor list CATL"]
    ) { ctx in
        let price = ctx.workspace.priceFactors
        if ctx.arguments.has("enterprise") {
            let e = try ctx.enterprise()
            let blocks: [OutputBlock] =
                e.factors.isEmpty
                ? [.text("\(e.name) has no factor scores yet: `factor set \(Tokenizer.quote(e.name)) FACTOR SCORE`.")]
                : [.table(table(e.factors, price: price))]
            return CommandOutput(
                blocks: blocks,
                data: .array(
                    e.factors.map { ModelingJSON.factor($0, of: e.name, price: price.contains(NameKey($0.factor))) }))
        }
        let scored = ctx.workspace.enterprises.filter { !$0.factors.isEmpty }
        let data = JSON.array(
            scored.flatMap { e in
                e.factors.map { ModelingJSON.factor($0, of: e.name, price: price.contains(NameKey($0.factor))) }
            })
        guard !scored.isEmpty else {
            return CommandOutput(
                blocks: [.text("No factor scores yet: `factor set ENTERPRISE FACTOR SCORE`.")], data: data)
        }
        let factors = knownFactors(ctx.workspace)
        // Each enterprise's scores by name, built once: a search per factor and enterprise made
        // the table quadratic in the factors (10,000 took 33 s).
        let byName = scored.map { e in
            var index: [NameKey: FactorScore] = [:]
            for f in e.factors where index[NameKey(f.factor)] == nil { index[NameKey(f.factor)] = f }
            return index
        }
        let rows = factors.map { factor -> [String] in
            let key = NameKey(factor)
            let importance = byName.lazy.compactMap { $0[key]?.importance }.first
            return [factor] + (price.isEmpty ? [] : [price.contains(key) ? "price" : "quality"]) + [
                importance.map(String.init) ?? ""
            ]
                + byName.map { $0[key].map { num($0.score) } ?? "" }
        }
        let kind = price.isEmpty ? [String]() : ["kind"]
        let table = Table(
            headers: ["factor"] + kind + ["importance"] + scored.map(\.name), rows: rows,
            alignments: [.left] + kind.map { _ in .left } + Array(repeating: .right, count: scored.count + 1))
        return CommandOutput(blocks: [.table(table)], data: data)
    }

    static let remove = CommandSpec(
        "factor remove", abstract: "remove an enterprise's score on a factor",
        arguments: [
            ArgumentSpec("enterprise", .name(.enterprise), help: "an enterprise in the workspace"),
            ArgumentSpec("factor", .name(.factor), help: "a factor it is scored on"),
        ],
        examples: ["factor remove BYD \"Colour range\""]
    ) { ctx in
        let e = try ctx.enterprise()
        let i = try lookup(
            ctx.arguments.required("factor"), in: e.factors, by: \.factor, what: "factor", owner: e.name,
            add: "factor set \(Tokenizer.quote(e.name)) FACTOR SCORE")
        let f = e.factors[i]
        try ctx.update(e.name) { e in
            e.factors.remove(at: i)
            e.priceFactors.removeAll { Name.same($0, f.factor) }
        }
        return .message(
            "Removed \(e.name)'s score on \(f.factor).", data: ["removed": ModelingJSON.factor(f, of: e.name)])
    }

    /// Every factor scored in the workspace, in the order first seen.
    static func knownFactors(_ w: Workspace) -> [String] { knownFactors(w.enterprises) }

    /// Every factor the enterprises score, in the order first seen.
    static func knownFactors(_ enterprises: [Enterprise]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for e in enterprises {
            for f in e.factors where seen.insert(Name.fold(f.factor)).inserted { out.append(f.factor) }
        }
        return out
    }

    /// One enterprise's scores; a kind column when the workspace has price factors.
    static func table(_ factors: [FactorScore], price: Set<NameKey>) -> Table {
        let kind = !price.isEmpty
        return Table(
            headers: ["factor"] + (kind ? ["kind"] : []) + ["score", "importance"],
            rows: factors.map {
                [$0.factor] + (kind ? [price.contains(NameKey($0.factor)) ? "price" : "quality"] : [])
                    + [num($0.score), $0.importance.map(String.init) ?? ""]
            },
            alignments: [.left] + (kind ? [.left] : []) + [.right, .right])
    }
}

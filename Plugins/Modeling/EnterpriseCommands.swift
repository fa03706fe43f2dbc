import ValueCore
import Workbench

/// `enterprise …` and `use`.
enum EnterpriseCommands {
    static var all: [CommandSpec] { [add, list, show, set, remove, use] }

    static let add = CommandSpec(
        "enterprise add", abstract: "add an enterprise to the workspace (the first one becomes current)",
        discussion:
            """
            The current enterprise stays current, so that rivals can be added while one enterprise is \
            worked on; the first enterprise added becomes current. `use NAME` switches.
            """,
        arguments: [ArgumentSpec("name", .text, help: "a new name (unique, ignoring case)")],
        options: [OptionSpec("industry", .text, help: "the industry or track it competes in")],
        examples: [
            "enterprise add BYD --industry batteries", "enterprise add \"Demo Co\"",
            "enterprise add CATL --industry batteries",
        ]
    ) { ctx in
        let name = try checkNewName(ctx.arguments.required("name"), "enterprise", command: "enterprise add")
        // An empty industry is none, as `enterprise set --industry ""` has it.
        let industry = ctx.arguments.string("industry").map(\.trimmingSpaces).flatMap { $0.isEmpty ? nil : $0 }
        let e = Enterprise(name: name, industry: industry)
        if let existing = ctx.workspace.enterprise(named: name) {
            throw CommandError.duplicate("enterprise", existing.name)
        }
        ctx.workspace.add(e)
        guard let current = ctx.workspace.currentEnterprise else {
            ctx.workspace.setCurrent(name)
            return .message("Added enterprise \(name).", data: json(e))
        }
        return .message(
            "Added enterprise \(name); still working on \(current.name) (`use \(Tokenizer.quote(name))` to switch).",
            data: json(e))
    }

    static let list = CommandSpec(
        "enterprise list", abstract: "list the enterprises with their industry and what is modelled",
        examples: ["enterprise list"]
    ) { ctx in
        let all = ctx.workspace.enterprises
        if ctx.arguments.flag("json") {
            return CommandOutput(data: .array(all.map(json)))
        }
        let rows = all.map { e in
            [
                e.name, e.industry ?? "", String(e.resources.count), String(e.needs.count), String(e.offerings.count),
                String(e.models.count),
            ]
        }
        let table = Table(
            headers: ["name", "industry", "resources", "needs", "offerings", "models"], rows: rows,
            alignments: [.left, .left, .right, .right, .right, .right])
        return CommandOutput(
            blocks: all.isEmpty ? [.text("No enterprises yet: `enterprise add NAME`.")] : [.table(table)],
            data: .array(all.map(json)))
    }

    static let show = CommandSpec(
        "enterprise show", abstract: "show everything modelled about an enterprise (default: the current one)",
        arguments: [
            ArgumentSpec("enterprise", .name(.enterprise), help: "an enterprise in the workspace", optional: true)
        ],
        examples: ["enterprise show CATL"]
    ) { ctx in
        let e = try ctx.enterprise()
        return CommandOutput(blocks: describe(e), data: ModelingJSON.enterprise(e))
    }

    static let set = CommandSpec(
        "enterprise set", abstract: "change an enterprise: name, industry, price level, competitors",
        discussion: """
            --competitor replaces the list of named competitors (give it once per competitor);
            --no-competitors empties it. A competitor is an enterprise of the workspace (add it
            first); when the list is empty, analyses compare with the enterprises of the same \
            industry. Renaming carries the
            new name into other enterprises' competitor lists.
            """,
        arguments: [
            ArgumentSpec(
                "enterprise", .name(.enterprise), help: "the enterprise (default: the current one)", optional: true)
        ],
        options: [
            OptionSpec("name", .text, help: "a new name (unique, ignoring case)"),
            OptionSpec("industry", .text, help: "the industry or track it competes in"),
            OptionSpec(
                "price", .number(Enterprise.priceRange),
                help: "the price level for the value map when no offering has one"),
            OptionSpec("competitor", .text, help: "a named competitor", repeating: true),
            .flag("no-competitors", help: "forget the named competitors"),
            .flag("no-price", help: "forget the price level"),
        ],
        examples: [
            "enterprise set CATL --competitor BYD --competitor \"Demo Co\" --price 100",
            "enterprise set BYD --price 90",
        ]
    ) { ctx in
        let e = try ctx.enterprise()
        let a = ctx.arguments
        let changing = ["name", "industry", "price", "competitor", "no-competitors", "no-price"].filter { a.has($0) }
            .map { ["competitor": "competitors", "no-competitors": "competitors", "no-price": "price"][$0] ?? $0 }
        guard !changing.isEmpty else {
            throw CommandError.badValue(
                """
                enterprise set: nothing to change (give --name, --industry, --price, --competitor, \
                --no-competitors or --no-price)
                """
            )
        }
        if a.has("competitor") && a.flag("no-competitors") {
            throw CommandError.badValue("enterprise set: --competitor and --no-competitors contradict each other")
        }
        if a.has("price") && a.flag("no-price") {
            throw CommandError.badValue("enterprise set: --price and --no-price contradict each other")
        }
        var newName = e.name
        if let n = a.string("name") {
            newName = try checkNewName(n, "enterprise", command: "enterprise set")
            if !Name.same(newName, e.name), ctx.workspace.contains(newName) {
                throw CommandError.duplicate("enterprise", ctx.workspace.enterprise(named: newName)!.name)
            }
        }
        var competitors = e.competitors
        if a.has("competitor") {
            competitors = []
            for raw in a.strings("competitor") {
                let c = try checkNewName(raw, "competitor", command: "enterprise set")
                if Name.same(c, e.name) || Name.same(c, newName) {
                    throw CommandError.badValue("enterprise set: \(e.name) cannot be its own competitor")
                }
                // A misspelt rival would be taken silently, and the analyses would fall back to the
                // industry's firms: a competitor is an enterprise of the workspace, as spelt there.
                guard let rival = ctx.workspace.enterprise(named: c) else {
                    throw CommandError.unknown(
                        "enterprise", c, among: ctx.workspace.enterprises.map(\.name),
                        hint: "add it first: `enterprise add \(Tokenizer.quote(c))`")
                }
                try refuseDuplicate(rival.name, in: competitors, what: "competitor")
                competitors.append(rival.name)
            }
        }
        if a.flag("no-competitors") { competitors = [] }
        let oldName = e.name
        try ctx.update(e.name) { x in
            x.name = newName
            if let i = a.string("industry") { x.industry = i.isEmpty ? nil : i }
            if let p = a.double("price") { x.price = p }
            if a.flag("no-price") { x.price = nil }
            x.competitors = competitors
        }
        var also: [String] = []
        if oldName != newName {
            if let c = ctx.workspace.current, Name.same(c, newName) { ctx.workspace.setCurrent(newName) }
            // Carry the new name into competitor lists that named the old one.
            for other in ctx.workspace.enterprises where !Name.same(other.name, newName) {
                guard other.competitors.contains(where: { Name.same($0, oldName) }) else { continue }
                ctx.workspace.update(other.name) { x in
                    x.competitors = x.competitors.map { Name.same($0, oldName) ? newName : $0 }
                }
                also.append(other.name)
            }
        }
        let after = ctx.workspace.enterprise(named: newName)!
        var text = "Changed enterprise \(after.name): " + changing.joined(separator: ", ") + "."
        if !also.isEmpty { text += " Renamed it in the competitors of " + listed(also) + "." }
        return .message(text, data: ModelingJSON.enterprise(after))
    }

    static let remove = CommandSpec(
        "enterprise remove", abstract: "remove an enterprise and everything modelled about it",
        discussion:
            """
            Other enterprises keep it in their competitor lists: competitors are names, not references. \
            `undo` brings it back.
            """,
        arguments: [ArgumentSpec("enterprise", .name(.enterprise), help: "an enterprise in the workspace")],
        examples: ["enterprise remove \"Demo Co\""]
    ) { ctx in
        let e = try ctx.enterprise()
        let wasCurrent = ctx.workspace.current.map { Name.same($0, e.name) } ?? false
        ctx.workspace.remove(e.name)
        var parts: [String] = []
        if !e.resources.isEmpty { parts.append(Format.count(e.resources.count, "resource")) }
        if !e.needs.isEmpty { parts.append(Format.count(e.needs.count, "need")) }
        if !e.offerings.isEmpty { parts.append(Format.count(e.offerings.count, "offering")) }
        if !e.models.isEmpty { parts.append(Format.count(e.models.count, "model")) }
        var text = "Removed enterprise \(e.name)"
        text += parts.isEmpty ? "." : " with its " + parts.joined(separator: ", ") + "."
        if wasCurrent { text += " No enterprise is current now (`use ENTERPRISE`)." }
        return .message(text, data: ["removed": ModelingJSON.enterprise(e)])
    }

    static let use = CommandSpec(
        "use", abstract: "make an enterprise the current one (shown in the prompt)",
        arguments: [ArgumentSpec("enterprise", .name(.enterprise), help: "an enterprise in the workspace")],
        examples: ["use CATL"]
    ) { ctx in
        let e = try ctx.enterprise()
        ctx.workspace.setCurrent(e.name)
        return .message("Now working on \(e.name).", data: ["current": .string(e.name)])
    }

    static func json(_ e: Enterprise) -> JSON {
        ["name": .string(e.name), "industry": e.industry.map { .string($0) } ?? .null]
    }

    /// Every section of an enterprise, for `enterprise show`.
    static func describe(_ e: Enterprise) -> [OutputBlock] {
        var head = e.name
        var facts: [String] = []
        if let i = e.industry { facts.append("industry: \(i)") }
        if let p = e.price { facts.append("price level: \(num(p))") }
        if !e.competitors.isEmpty { facts.append("competitors: " + e.competitors.joined(separator: ", ")) }
        if let g = e.guideStep { facts.append("guide step \(g) of 5") }
        if !facts.isEmpty { head += " — " + facts.joined(separator: " · ") }
        var blocks: [OutputBlock] = [.text(head)]
        func section(_ title: String, _ count: Int, _ table: @autoclosure () -> Table) {
            if count == 0 { blocks.append(.text("\n\(title): none")); return }
            blocks.append(.text("\n\(title) (\(count))"))
            blocks.append(.table(table()))
        }
        section("Resources", e.resources.count, ResourceCommands.table(e.resources))
        section("Segments", e.segments.count, SegmentCommands.table(e.segments, needs: e.needs))
        section("Needs", e.needs.count, NeedCommands.table(e.needs))
        section("Offerings", e.offerings.count, OfferingCommands.table(e.offerings, reliefs: e.reliefs))
        section("Reliefs", e.reliefs.count, ReliefCommands.table(e.reliefs))
        section(
            "Factors", e.factors.count, FactorCommands.table(e.factors, price: Set(e.priceFactors.map(NameKey.init))))
        section("Initiatives", e.initiatives.count, InitiativeCommands.table(e.initiatives))
        if !e.kpis.isEmpty {
            let names = Set(e.kpis.map { Name.fold($0.kpi) })
            blocks.append(.text("\nKPI records: \(e.kpis.count) for \(Format.count(names.count, "KPI"))"))
        }
        section("Models", e.models.count, ModelCommands.table(e.models))
        return blocks
    }
}

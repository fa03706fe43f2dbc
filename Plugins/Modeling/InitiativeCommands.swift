import ValueCore
import Workbench

/// `initiative add/list/show/set/remove`: strategic initiatives, each tagged with a value
/// generation element and optionally linked to the model node or KPI it acts on.
enum InitiativeCommands {
    static var all: [CommandSpec] { [add, list, show, set, remove] }

    static let elements = Initiative.Element.allCases.map(\.rawValue)

    static let add = CommandSpec(
        "initiative add", abstract: "add a strategic initiative, tagged with its value generation element",
        discussion: "--link names a node of one of the enterprise's models, or a KPI recorded for it.",
        arguments: [ArgumentSpec("name", .text, help: "a new initiative name (unique, ignoring case)")],
        options: [
            OptionSpec("element", .choice(elements), help: "the value generation element it serves (required)"),
            OptionSpec("link", .name(.node), help: "the model node or KPI it acts on"), enterpriseOption,
        ],
        examples: [
            "initiative add \"Qilin launch\" --element innovation --link \"Cell chemistry\"",
            "initiative add \"Lean gigafactories\" --element operational-excellence --link \"Gigafactory production\"",
            "initiative add \"Customer co-design\" --element customer-focus",
            "initiative add Pilot --element data-driven",
        ]
    ) { ctx in
        let a = ctx.arguments
        let e = try ctx.target()
        let name = try checkNewName(a.required("name"), "initiative", command: "initiative add")
        try refuseDuplicate(name, in: e.initiatives, by: \.name, what: "initiative", owner: e.name)
        guard let el = a.string("element"), let element = Initiative.Element(rawValue: el) else {
            throw CommandError(
                "MissingArgument", "initiative add: give its element: --element \(elements.joined(separator: "|"))")
        }
        let link = try a.string("link").map { try linkTarget($0, in: e) }
        let i = Initiative(name: name, element: element, link: link)
        try ctx.update(e.name) { $0.initiatives.append(i) }
        return .message(
            "Added initiative \(name) (\(element.rawValue))" + (link.map { " acting on \($0)" } ?? "")
                + " to \(e.name).",
            data: ModelingJSON.initiative(i))
    }

    static let list = CommandSpec(
        "initiative list", abstract: "list the initiatives with their element and link",
        options: [OptionSpec("element", .choice(elements), help: "only those serving this element"), enterpriseOption],
        examples: ["initiative list"]
    ) { ctx in
        let e = try ctx.target()
        var items = e.initiatives
        if let el = ctx.arguments.string("element") { items = items.filter { $0.element.rawValue == el } }
        let blocks: [OutputBlock] =
            items.isEmpty
            ? [
                .text(
                    e.initiatives.isEmpty
                        ? "\(e.name) has no initiatives yet: `initiative add NAME --element ELEMENT`."
                        : "No initiatives serve that element.")
            ]
            : [.table(table(items))]
        return CommandOutput(blocks: blocks, data: .array(items.map(ModelingJSON.initiative)))
    }

    static let show = CommandSpec(
        "initiative show", abstract: "show an initiative and what it acts on",
        arguments: [ArgumentSpec("initiative", .name(.initiative), help: "an initiative of the enterprise")],
        options: [enterpriseOption],
        examples: ["initiative show \"Qilin launch\""]
    ) { ctx in
        let e = try ctx.target()
        let i = e.initiatives[try find(ctx.arguments.required("initiative"), in: e)]
        var text = "\(i.name) — \(i.element.rawValue) initiative of \(e.name)"
        if let link = i.link {
            let where_ = e.models.compactMap { m in m.node(named: link).map { "\($0.stage.rawValue) node of \(m.name)" }
            }
            text += "\nActs on \(link)" + (where_.isEmpty ? " (a KPI)" : ": " + where_.joined(separator: "; "))
        } else {
            text += "\nNot linked to a model node or KPI (`initiative set \(Tokenizer.quote(i.name)) --link NODE`)."
        }
        return CommandOutput(blocks: [.text(text)], data: ModelingJSON.initiative(i))
    }

    static let set = CommandSpec(
        "initiative set", abstract: "change an initiative: name, element, link",
        arguments: [ArgumentSpec("initiative", .name(.initiative), help: "an initiative of the enterprise")],
        options: [
            OptionSpec("name", .text, help: "a new name (unique, ignoring case)"),
            OptionSpec("element", .choice(elements), help: "the value generation element it serves"),
            OptionSpec("link", .name(.node), help: "the model node or KPI it acts on"),
            .flag("no-link", help: "forget the link"), enterpriseOption,
        ],
        examples: ["initiative set \"Customer co-design\" --link \"Pack sales\""]
    ) { ctx in
        let a = ctx.arguments
        let e = try ctx.target()
        let k = try find(a.required("initiative"), in: e)
        var i = e.initiatives[k]
        var changed: [String] = []
        if let n = a.string("name") {
            i.name = try checkNewName(n, "initiative", command: "initiative set")
            try refuseDuplicate(i.name, in: e.initiatives, by: \.name, what: "initiative", owner: e.name, except: k)
            changed.append("name")
        }
        if let el = a.string("element"), let element = Initiative.Element(rawValue: el) {
            i.element = element; changed.append("element")
        }
        if a.has("link") && a.flag("no-link") {
            throw CommandError.badValue("initiative set: --link and --no-link contradict each other")
        }
        if let l = a.string("link") { i.link = try linkTarget(l, in: e); changed.append("link") }
        if a.flag("no-link") { i.link = nil; changed.append("link") }
        guard !changed.isEmpty else {
            throw CommandError.badValue(
                "initiative set: nothing to change (give --name, --element, --link or --no-link)")
        }
        try ctx.update(e.name) { $0.initiatives[k] = i }
        return .message(
            "Changed initiative \(i.name) of \(e.name): " + changed.joined(separator: ", ") + ".",
            data: ModelingJSON.initiative(i))
    }

    static let remove = CommandSpec(
        "initiative remove", abstract: "remove an initiative",
        arguments: [ArgumentSpec("initiative", .name(.initiative), help: "an initiative of the enterprise")],
        options: [enterpriseOption],
        examples: ["initiative remove Pilot"]
    ) { ctx in
        let e = try ctx.target()
        let k = try find(ctx.arguments.required("initiative"), in: e)
        let i = e.initiatives[k]
        try ctx.update(e.name) { $0.initiatives.remove(at: k) }
        return .message("Removed initiative \(i.name) from \(e.name).", data: ["removed": ModelingJSON.initiative(i)])
    }

    /// What `--link` may name: a node of one of the enterprise's models, or a recorded KPI.
    static func linkTarget(_ name: String, in e: Enterprise) throws -> String {
        var candidates: [String] = []
        var seen = Set<String>()
        for m in e.models {
            for n in m.nodes where seen.insert(Name.fold(n.name)).inserted { candidates.append(n.name) }
        }
        for k in e.kpis where seen.insert(Name.fold(k.kpi)).inserted { candidates.append(k.kpi) }
        if let c = candidates.first(where: { Name.same($0, name) }) { return c }
        throw CommandError.unknown(
            "model node or KPI", name, among: candidates,
            hint: candidates.isEmpty
                ? "\(e.name) has no model nodes or KPI records to link to yet"
                : "links name a model node or a recorded KPI")
    }

    static func find(_ name: String, in e: Enterprise) throws -> Int {
        try lookup(
            name, in: e.initiatives, by: \.name, what: "initiative", owner: e.name,
            add: "initiative add NAME --element ELEMENT")
    }

    static func table(_ items: [Initiative]) -> Table {
        Table(
            headers: ["initiative", "element", "link"],
            rows: items.map { [$0.name, $0.element.rawValue, $0.link ?? ""] })
    }
}

import ValueCore
import Workbench

/// `enterprise …` and `use`.
enum EnterpriseCommands {
    static var all: [CommandSpec] { [add, list, use] }

    static let add = CommandSpec(
        "enterprise add", abstract: "add an enterprise to the workspace and make it current",
        arguments: [ArgumentSpec("name", .text, help: "a new name (unique, ignoring case)")],
        options: [OptionSpec("industry", .text, help: "the industry or track it competes in")],
        examples: ["enterprise add CATL --industry batteries"]
    ) { ctx in
        let name = ctx.arguments.string("name")!
        guard !name.isEmpty else { throw CommandError.badValue("enterprise add: the name is empty") }
        guard !ctx.workspace.contains(name) else { throw CommandError.duplicate("enterprise", name) }
        let e = Enterprise(name: name, industry: ctx.arguments.string("industry"))
        ctx.workspace.add(e)
        ctx.workspace.setCurrent(name)
        return .message("Added enterprise \(name).", data: json(e))
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
            [e.name, e.industry ?? "", String(e.resources.count), String(e.needs.count), String(e.offerings.count),
             String(e.models.count)]
        }
        let table = Table(headers: ["name", "industry", "resources", "needs", "offerings", "models"], rows: rows,
                          alignments: [.left, .left, .right, .right, .right, .right])
        return CommandOutput(blocks: all.isEmpty ? [.text("No enterprises yet: `enterprise add NAME`.")] : [.table(table)],
                             data: .array(all.map(json)))
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
}

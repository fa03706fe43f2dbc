import ValueCore
import Workbench

/// The `diff` commands, one file each (`DiffCommands+Canvas.swift`, …): each reads the workspace,
/// runs an analysis (`Canvas`, `ERRC`, …) and returns its typed result (`CanvasResult`, …), which
/// gives the text, tables, charts and `--json` data. This file holds what they share.
enum DiffCommands {
    /// In the order `help diff` lists them.
    static var all: [CommandSpec] { [canvas, errc, vrio, valuemap, utility, kano, moat, nearest, importFile] }

    /// The argument of the commands that read one enterprise (`ctx.enterprise()`).
    static let enterpriseArgument = ArgumentSpec(
        "enterprise", .name(.enterprise), help: "the enterprise (default: the current one)", optional: true)

    /// The enterprises an analysis of several takes (`selection`): "enterprises to VERB (default: …)".
    static func enterprisesArgument(_ verb: String) -> ArgumentSpec {
        ArgumentSpec(
            "enterprises", .name(.enterprise),
            help: "enterprises to \(verb) (default: the current one and its competitors)", optional: true,
            variadic: true)
    }

    /// A score or price as the tables show it: at most 2 decimals.
    static func num(_ v: Double) -> String { Format.number(v, maxDecimals: 2) }
    /// A difference with its sign and 1 decimal: `+1.5`, `-0.5`, `0.0`.
    static func signed(_ v: Double) -> String { (v > 0 ? "+" : "") + Format.fixed(v, 1) }

    /// A note naming the competitors an enterprise names that the workspace does not hold.
    static func missingNote(_ missing: [String]) -> [String] {
        missing.isEmpty ? [] : ["named competitors not in the workspace: \(missing.joined(separator: ", "))"]
    }

    /// The enterprises an analysis compares: those named; else the current enterprise and its
    /// competitors; else every enterprise with factor scores (up to `limit`).
    static func selection(_ ctx: CommandContext, command: String, limit: Int = 12) throws -> (
        list: [Enterprise], notes: [String]
    ) {
        let ws = ctx.workspace
        let names = ctx.arguments.strings("enterprises")
        if !names.isEmpty {
            var list: [Enterprise] = []
            for n in names {
                guard let e = ws.enterprise(named: n) else {
                    throw CommandError.unknown("enterprise", n, among: ws.enterprises.map(\.name))
                }
                if !list.contains(where: { Name.same($0.name, e.name) }) { list.append(e) }
            }
            return (list, [])
        }
        if let e = ws.currentEnterprise {
            let (competitors, missing) = Market.competitors(of: e, in: ws)
            if !competitors.isEmpty { return ([e] + competitors, missingNote(missing)) }
        }
        let scored = ws.enterprises.filter { !$0.factors.isEmpty }
        if scored.count > limit {
            let some = scored.prefix(3).map { Tokenizer.quote($0.name) }.joined(separator: " ")
            throw CommandError(
                "TooMany",
                "\(command): \(scored.count) enterprises have factor scores; name up to \(limit) to compare "
                    + "(e.g. `\(command) \(some)`)")
        }
        return (scored, [])
    }

    /// The competitors of `e`, with a note naming those the workspace lacks.
    /// - Throws: `NoCompetitors`, saying why, when none is in the workspace.
    static func competitorsOrFail(_ e: Enterprise, _ ws: Workspace, command: String) throws -> (
        list: [Enterprise], notes: [String]
    ) {
        let (list, missing) = Market.competitors(of: e, in: ws)
        guard list.isEmpty else { return (list, missingNote(missing)) }
        let why =
            !e.competitors.isEmpty
            ? "none of its named competitors (\(e.competitors.joined(separator: ", "))) is in the workspace"
            : e.industry.map { "no other enterprise is in \($0)" } ?? "it names no competitors and has no industry"
        throw CommandError(
            "NoCompetitors",
            "\(command): \(e.name) has no competitors to compare with (\(why)); "
                + "name them with `enterprise set \(Tokenizer.quote(e.name)) --competitor NAME`")
    }
}

import ValueCore
import Workbench

/// `diff import FILE.csv`: many enterprises with their factor scores at once.
extension DiffCommands {
    static let importFile = CommandSpec(
        "diff import",
        abstract: "load enterprises with factor scores from a CSV (name, industry, price, then one column per factor)",
        discussion: """
            The first row names the columns: `name`, `industry`, `price`, then one column per
            competition factor (its header is the factor's name). Each further row is one new
            enterprise: a name not yet in the workspace, an industry (may be empty), a price level
            (may be empty; ≥ 0) and a score 0–10 per factor (an empty cell: not scored). Fields may
            be quoted ("…", with "" for a quote). This is the format `gen_enterprises.py` writes.
            The whole import is one step of history: `undo` removes every enterprise it added.
            """,
        arguments: [ArgumentSpec("file", .file, help: "the CSV file to read")],
        examples: ["diff import notebooks/data/battery-market.csv"]
    ) { ctx in
        let path = try ctx.arguments.required("file")
        let bytes = EnterpriseCSV.lineEnds(try ctx.files.read(path))
        let list = try CommandError.naming(path, after: "diff import: ") { try EnterpriseCSV.parse(bytes) }
        // An import is one step of history: one that adds nothing would leave `undo` to undo the step before.
        guard !list.enterprises.isEmpty else {
            throw CommandError(
                "BadFile",
                "diff import: \(path): no enterprises: the file holds only its header row "
                    + "(one row per enterprise follows it)")
        }
        if let clash = ctx.workspace.append(contentsOf: list.enterprises) {
            let name = list.enterprises[clash].name
            let twice = ctx.workspace.contains(name) ? "is already in the workspace" : "appears twice in the file"
            throw EnterpriseCSV.fail(
                list.lines[clash], "enterprise '\(name)' \(twice) (names are compared ignoring case)"
            )
            .naming(path, after: "diff import: ")
        }
        return ImportResult(imported: list.enterprises.count, factors: list.factors).output()
    }
}

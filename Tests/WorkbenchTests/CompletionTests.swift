import Testing
import ValueCore
import Workbench

/// Commands declared only for these tests: every kind of argument and option completion knows.
private struct CompletionFixture: WorkbenchPlugin {
    let name = "fixture"
    let abstract = "commands for completion tests"
    var commands: [CommandSpec] {
        let none: @Sendable (inout CommandContext) throws -> CommandOutput = { _ in .empty }
        return [
            CommandSpec(
                "use", abstract: "pick", arguments: [ArgumentSpec("enterprise", .name(.enterprise), help: "e")],
                run: none),
            CommandSpec(
                "enterprise add", abstract: "add", arguments: [ArgumentSpec("name", .text, help: "n")],
                options: [OptionSpec("industry", .text, help: "i")], run: none),
            CommandSpec("enterprise list", abstract: "list", run: none),
            CommandSpec(
                "resource add", abstract: "add",
                arguments: [ArgumentSpec("name", .text, help: "n")],
                options: [
                    OptionSpec("kind", .choice(["technology", "capacity", "brand", "talent"]), help: "k"),
                    OptionSpec("strength", .number(0...10), help: "s"),
                    OptionSpec("enterprise", .name(.enterprise), help: "e"),
                    .flag("valuable", help: "v"),
                ], run: none),
            CommandSpec(
                "resource show", abstract: "show",
                arguments: [ArgumentSpec("resource", .name(.resource), help: "r")],
                options: [OptionSpec("enterprise", .name(.enterprise), help: "e")], run: none),
            CommandSpec(
                "factor set", abstract: "set",
                arguments: [
                    ArgumentSpec("enterprise", .name(.enterprise), help: "e"),
                    ArgumentSpec("factor", .name(.factor), help: "f"),
                    ArgumentSpec("score", .number(0...10), help: "s"),
                ], run: none),
            CommandSpec(
                "model edge", abstract: "edge",
                arguments: [
                    ArgumentSpec("from", .name(.node), help: "a"), ArgumentSpec("to", .name(.node), help: "b"),
                ],
                options: [
                    OptionSpec("model", .name(.model), help: "m"),
                    OptionSpec("tag", .text, help: "t", repeating: true),
                ], run: none),
            CommandSpec(
                "kpi show", abstract: "kpi", arguments: [ArgumentSpec("kpi", .name(.kpi), help: "k")], run: none),
            CommandSpec(
                "help", abstract: "help",
                arguments: [ArgumentSpec("command", .name(.command), help: "c", optional: true, variadic: true)],
                role: .session, returnsData: false, run: none),
            CommandSpec(
                "open", abstract: "open", arguments: [ArgumentSpec("file", .file, help: "f")],
                role: .session, returnsData: false, run: none),
        ]
    }
}

@Suite struct CompletionTests {
    static let registry = Registry(plugins: [CompletionFixture()])

    static let workspace: Workspace = {
        var catl = Enterprise(name: "CATL", industry: "batteries")
        catl.resources = [
            Resource(name: "Sodium-ion chemistry", kind: .technology, strength: 8),
            Resource(name: "Scale", kind: .capacity, strength: 9),
        ]
        catl.factors = [FactorScore(factor: "energy density", score: 8), FactorScore(factor: "price", score: 6)]
        catl.models = [
            ValueModel(
                name: "base", nodes: [.init(name: "R&D", stage: .resource), .init(name: "Cells", stage: .activity)],
                edges: []),
            ValueModel(name: "export", nodes: [.init(name: "Shipping", stage: .activity)], edges: []),
        ]
        catl.kpis = [
            KPIRecord(kpi: "nps", period: "2024", value: 40), KPIRecord(kpi: "nps", period: "2025", value: 45),
            KPIRecord(kpi: "churn", period: "2025", value: 0.1),
        ]
        var pdl = Enterprise(name: "胖东来", industry: "retail")
        pdl.resources = [Resource(name: "Staff care", kind: .talent, strength: 9)]
        pdl.factors = [FactorScore(factor: "service", score: 10)]
        var ws = Workspace()
        ws.add(catl)
        ws.add(pdl)
        ws.add(Enterprise(name: "Café Nord"))
        ws.add(Enterprise(name: "宁德时代"))
        ws.setCurrent("CATL")
        _ = ws.takeChanges()
        return ws
    }()

    static let folders: [String: [FolderEntry]] = [
        "": [
            FolderEntry("notebooks", isFolder: true), FolderEntry("notes.txt", isFolder: false),
            FolderEntry(".hidden", isFolder: false), FolderEntry("my file.vbench", isFolder: false),
        ],
        "notebooks/": [FolderEntry("catl.ipynb", isFolder: false), FolderEntry("tour.ipynb", isFolder: false)],
    ]

    func complete(_ line: String, workspace: Workspace = CompletionTests.workspace) -> Completion {
        Completer(registry: Self.registry, workspace: workspace, listFolder: { Self.folders[$0] ?? [] }).complete(line)
    }

    /// (line up to the cursor, the candidates, the line after Tab)
    @Test(arguments: [
        // Command words and sub-commands.
        ("", ["enterprise", "factor", "help", "kpi", "model", "open", "resource", "use"], ""),
        ("ent", ["enterprise"], "enterprise "),
        ("ENT", ["enterprise"], "enterprise "),
        ("enterprise ", ["add", "list"], "enterprise "),
        ("enterprise l", ["list"], "enterprise list "),
        ("re", ["resource"], "resource "),
        ("zzz ", [], "zzz "),
        // Workspace names: enterprises, case-insensitive, quoted when they have blanks, UTF-8.
        ("use ", ["CATL", "胖东来", "Café Nord", "宁德时代"], "use "),
        ("use c", ["CATL", "Café Nord"], "use CA"),
        ("use caf", ["Café Nord"], "use \"Café Nord\" "),
        ("use 胖", ["胖东来"], "use 胖东来 "),
        ("use 宁德", ["宁德时代"], "use 宁德时代 "),
        ("use \"Caf", ["Café Nord"], "use \"Café Nord\" "),
        ("use CATL ", ["--json", "--help"], "use CATL "),
        // Names of the current enterprise's objects, or of the one named earlier on the line.
        ("resource show ", ["Sodium-ion chemistry", "Scale"], "resource show S"),
        ("resource show so", ["Sodium-ion chemistry"], "resource show \"Sodium-ion chemistry\" "),
        ("resource show --enterprise 胖东来 ", ["Staff care"], "resource show --enterprise 胖东来 \"Staff care\" "),
        ("resource show --enterprise=胖东来 s", ["Staff care"], "resource show --enterprise=胖东来 \"Staff care\" "),
        // Factors: the enterprise's own first, then every other one in the workspace, so that a
        // new competitor is scored on its rivals' factors.
        ("factor set 胖东来 ", ["service", "energy density", "price"], "factor set 胖东来 "),
        ("factor set 胖东来 e", ["energy density"], "factor set 胖东来 \"energy density\" "),
        ("factor set \"Café Nord\" s", ["service"], "factor set \"Café Nord\" service "),
        ("factor set CATL e", ["energy density"], "factor set CATL \"energy density\" "),
        ("factor set CATL price ", ["--json", "--help"], "factor set CATL price "),
        ("kpi show ", ["nps", "churn"], "kpi show "),
        ("model edge ", ["R&D", "Cells", "Shipping"], "model edge "),
        ("model edge --model export ", ["Shipping"], "model edge --model export Shipping "),
        ("model edge --model ", ["base", "export"], "model edge --model "),
        // Options of the matched command, and choice values.
        (
            "resource add Scale --", ["--kind", "--strength", "--enterprise", "--valuable", "--json", "--help"],
            "resource add Scale --"
        ),
        ("resource add Scale --k", ["--kind"], "resource add Scale --kind "),
        ("resource add Scale --kind ", ["technology", "capacity", "brand", "talent"], "resource add Scale --kind "),
        ("resource add Scale --kind T", ["technology", "talent"], "resource add Scale --kind T"),
        ("resource add Scale --kind te", ["technology"], "resource add Scale --kind technology "),
        ("resource add Scale --kind=b", ["brand"], "resource add Scale --kind=brand "),
        ("resource add Scale --enterprise ca", ["CATL", "Café Nord"], "resource add Scale --enterprise ca"),
        ("resource add Scale --valuable --v", [], "resource add Scale --valuable --v"),
        ("resource add Scale --strength ", [], "resource add Scale --strength "),
        ("model edge a b --tag x --t", ["--tag"], "model edge a b --tag x --tag "),
        ("enterprise add X ", ["--industry", "--json", "--help"], "enterprise add X "),
        // help COMMAND: command words, level by level.
        ("help ", ["enterprise", "factor", "help", "kpi", "model", "open", "resource", "use"], "help "),
        ("help enterprise ", ["add", "list"], "help enterprise "),
        ("help enterprise a", ["add"], "help enterprise add "),
        // Files.
        ("open ", ["notebooks/", "notes.txt", "my file.vbench"], "open "),
        ("open note", ["notebooks/", "notes.txt"], "open note"),
        ("open notebooks", ["notebooks/"], "open notebooks/"),
        ("open notebooks/c", ["catl.ipynb"], "open notebooks/catl.ipynb "),
        ("open my", ["my file.vbench"], "open \"my file.vbench\" "),
        ("open .h", [".hidden"], "open .hidden "),
        // In a comment: nothing.
        ("use # c", [], "use # c"),
    ])
    func completes(line: String, candidates: [String], after: String) {
        let c = complete(line)
        #expect(c.candidates == candidates)
        let bytes = Array(line.utf8)
        let result = String(decoding: bytes[..<c.start], as: UTF8.self) + c.replacement
        #expect(result == after)
        #expect(String(decoding: bytes[c.start...], as: UTF8.self) == c.typed)
    }

    @Test func withoutCurrentEnterpriseNamesComeOnlyFromTheLine() {
        var ws = Self.workspace
        ws.setCurrent(nil)
        #expect(complete("resource show ", workspace: ws).candidates == ["--enterprise", "--json", "--help"])
        #expect(
            complete("resource show --enterprise CATL ", workspace: ws).candidates == ["Sodium-ion chemistry", "Scale"])
    }

    @Test func anUnknownEnterpriseOnTheLineFallsBackToTheCurrentOne() {
        #expect(complete("resource show --enterprise Nobody ").candidates == ["Sodium-ion chemistry", "Scale"])
    }

    @Test func aCommonPrefixWithABlankOpensAQuote() {
        var ws = Workspace()
        ws.add(Enterprise(name: "Green Power"))
        ws.add(Enterprise(name: "Green Energy"))
        let c = complete("use gr", workspace: ws)
        #expect(c.replacement == "\"Green ")
        #expect(c.changesLine)
        // The open quote is read back as the start of the same word.
        let again = complete("use \"Green P", workspace: ws)
        #expect(again.start == 4)
        #expect(again.replacement == "\"Green Power\" ")
    }

    @Test func noProgressListsTheCandidates() {
        let c = complete("use ")
        #expect(!c.changesLine)
        #expect(c.candidates.count == 4)
    }

    @Test func realCommandsComplete() {
        // The core plugin's own declarations drive completion too.
        let registry = Registry(plugins: [CorePlugin()])
        let c = Completer(registry: registry, workspace: Workspace()).complete("set format j")
        #expect(c.replacement == "json ")
        let u = Completer(registry: registry, workspace: Workspace()).complete("und")
        #expect(u.replacement == "undo ")
    }
}

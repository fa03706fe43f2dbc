/// The session's own commands: help, undo and redo, history, settings, notebooks, quitting.
/// Declared exactly as a plugin's, to keep one mechanism for every command.
public struct CorePlugin: WorkbenchPlugin {
    public init() {}
    public let name = "session"
    public let abstract = "help, undo and redo, history, settings, notebooks"

    public var commands: [CommandSpec] {
        [
            CommandSpec(
                "help", abstract: "list the commands, a group's commands, those about a word, or one command's usage",
                discussion:
                    """
                    With a command's words, its usage, options and examples. With the first word of several \
                    commands (`help kpi`, `help price`), those commands and what each does. Otherwise the \
                    commands whose name or one-line description holds every word given (`help nps`, `help \
                    willingness`).
                    """,
                arguments: [
                    ArgumentSpec(
                        "command", .name(.command), help: "the command's words, a group, or words to look for",
                        optional: true, variadic: true)
                ],
                examples: ["help", "help enterprise add", "help kpi", "help nps"], role: .session
            ) { ctx in
                let words = ctx.arguments.strings("command")
                if words.isEmpty { return Help.overview(ctx.registry) }
                return try Help.find(words, in: ctx.registry)
            },
            CommandSpec(
                "undo", abstract: "take back the last change to the workspace (or the last N)",
                arguments: [ArgumentSpec("steps", .integer(1...1_000_000), help: "how many changes", optional: true)],
                examples: ["undo"]
            ) { ctx in
                ctx.requests.append(.undo(ctx.arguments.int("steps") ?? 1))
                return .empty
            },
            CommandSpec(
                "redo", abstract: "make again a change that was undone (or the last N)",
                arguments: [ArgumentSpec("steps", .integer(1...1_000_000), help: "how many changes", optional: true)],
                examples: ["redo"]
            ) { ctx in
                ctx.requests.append(.redo(ctx.arguments.int("steps") ?? 1))
                return .empty
            },
            CommandSpec(
                "history", abstract: "the commands typed in this session, numbered",
                options: [OptionSpec("last", .integer(1...1_000_000), help: "only the last N")],
                examples: ["history --last 5"], role: .session
            ) { ctx in
                let all = ctx.session.history
                let n = ctx.arguments.int("last") ?? all.count
                let first = max(0, all.count - n)
                let lines = (first..<all.count).map { "\(Format.pad(String($0 + 1), 5, right: true))  \(all[$0])" }
                return CommandOutput(
                    blocks: lines.isEmpty ? [.text("No commands yet.")] : [.text(lines.joined(separator: "\n"))],
                    data: .array(all[first...].map { .string($0) }))
            },
            CommandSpec(
                "set format", abstract: "how results are printed: aligned tables, JSON, or CSV",
                arguments: [
                    ArgumentSpec("format", .choice(OutputFormat.allCases.map(\.rawValue)), help: "the output format")
                ],
                examples: ["set format table"], role: .session, returnsData: false
            ) { ctx in
                let f = OutputFormat(rawValue: try ctx.arguments.required("format"))!
                ctx.requests.append(.setFormat(f))
                return .message("Results are now printed as \(f.rawValue).")
            },
            CommandSpec(
                "note", abstract: "add a markdown note to the notebook",
                arguments: [ArgumentSpec("text", .text, help: "the note, in Markdown", variadic: true)],
                examples: ["note \"Figures below are illustrative.\""], role: .session, returnsData: false
            ) { ctx in
                ctx.requests.append(.note(ctx.arguments.strings("text").joined(separator: " ")))
                return .empty
            },
            CommandSpec(
                "save", abstract: "save the session as a Jupyter notebook (the current file when none is named)",
                arguments: [ArgumentSpec("file", .file, help: "a .ipynb path", optional: true)],
                examples: ["save session.ipynb"], role: .session, returnsData: false
            ) { ctx in
                ctx.requests.append(.save(path: ctx.arguments.string("file")))
                return .empty
            },
            CommandSpec(
                "open", abstract: "open a notebook: its workspace replaces the current one",
                arguments: [ArgumentSpec("file", .file, help: "a .ipynb path")],
                examples: ["open notebooks/catl.ipynb"], role: .session, returnsData: false
            ) { ctx in
                ctx.requests.append(.open(path: try ctx.arguments.required("file")))
                return .empty
            },
            CommandSpec(
                "replay", abstract: "re-run a notebook in a fresh workspace and compare its outputs",
                arguments: [ArgumentSpec("file", .file, help: "a .ipynb path")],
                options: [
                    .flag("update", help: "rewrite the stored outputs with the new ones"),
                    .flag("allow-writes", help: "let commands in the notebook write files"),
                    .flag(
                        "sanitize-from-notebook",
                        help: "apply the notebook's own sanitizer regexes (only for notebooks you trust)"),
                ],
                examples: ["replay notebooks/catl.ipynb"], role: .session, returnsData: false
            ) { ctx in
                ctx.requests.append(
                    .replay(
                        path: try ctx.arguments.required("file"),
                        update: ctx.arguments.flag("update"),
                        allowWrites: ctx.arguments.flag("allow-writes"),
                        sanitizeFromNotebook: ctx.arguments.flag("sanitize-from-notebook")))
                return .empty
            },
            CommandSpec(
                "quit", abstract: "leave ValueBench (also `exit` and `\\q`; asks first if there are unsaved changes)",
                examples: [], role: .session, returnsData: false
            ) { ctx in
                ctx.requests.append(.quit)
                return .empty
            },
        ]
    }
}

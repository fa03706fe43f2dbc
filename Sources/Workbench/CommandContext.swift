import ValueCore

/// Where a command's result goes: the REPL, a script, or a notebook. Rendering may differ.
public enum OutputFormat: String, Sendable, CaseIterable { case table, json, csv, tsv }

/// Something a command asks of the session that the command itself cannot do: the session
/// (or the executable, for file and terminal effects) carries it out after the command returns.
public enum SessionRequest: Sendable, Equatable {
    case undo(Int)
    case redo(Int)
    case save(path: String?)
    case open(path: String)
    /// `sanitizeFromNotebook`: apply the notebook's own sanitizers (`--sanitize-from-notebook`).
    case replay(path: String, update: Bool, allowWrites: Bool, sanitizeFromNotebook: Bool = false)
    /// Adds a markdown cell to the notebook.
    case note(String)
    case setFormat(OutputFormat)
    case quit
}

/// Read-only facts about the session that some commands show (history, help, settings).
public struct SessionInfo: Sendable {
    public var history: [String]
    public var undoDepth: Int
    public var redoDepth: Int
    public var format: OutputFormat
    public init(history: [String] = [], undoDepth: Int = 0, redoDepth: Int = 0, format: OutputFormat = .table) {
        self.history = history; self.undoDepth = undoDepth; self.redoDepth = redoDepth; self.format = format
    }
}

/// Everything a command receives: the parsed arguments, the workspace to read and change, file
/// access, and facts about the session.
public struct CommandContext: Sendable {
    public var arguments: ParsedArguments
    public var workspace: Workspace
    public let files: any FileAccess
    public let registry: Registry
    public let session: SessionInfo
    /// Requests for the session, carried out after the command returns successfully.
    public var requests: [SessionRequest] = []

    public init(
        arguments: ParsedArguments, workspace: Workspace, files: any FileAccess, registry: Registry,
        session: SessionInfo
    ) {
        self.arguments = arguments; self.workspace = workspace; self.files = files
        self.registry = registry; self.session = session
    }

    // MARK: Conveniences for commands

    /// The enterprise named by argument `name`, or the current one when the argument is absent.
    /// - Throws: when the name is unknown, or absent with no current enterprise.
    public func enterprise(argument name: String = "enterprise") throws -> Enterprise {
        if let given = arguments.string(name) {
            guard let e = workspace.enterprise(named: given) else {
                throw CommandError.unknown("enterprise", given, among: workspace.enterprises.map(\.name))
            }
            return e
        }
        guard let e = workspace.currentEnterprise else {
            throw CommandError(
                "NoEnterprise", "no enterprise given and none is current (name one, or `use ENTERPRISE`)")
        }
        return e
    }

    /// Changes the enterprise named `name` (which must exist) with `body`.
    @discardableResult
    public mutating func update<R>(_ name: String, _ body: (inout Enterprise) throws -> R) throws -> R {
        guard workspace.contains(name) else {
            throw CommandError.unknown("enterprise", name, among: workspace.enterprises.map(\.name))
        }
        return try workspace.update(name, body)!
    }
}

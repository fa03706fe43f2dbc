import ValueCore

/// A command's failure, shown to the user as one line: `error: MESSAGE`.
public struct CommandError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A stable code, used as `ename` in notebooks (e.g. `UnknownName`, `BadValue`).
    public var code: String
    public var message: String
    /// Control characters in the message (from a file's cell, a typed tab) are shown as control
    /// pictures (␊ ␛ ␉), so an error stays one line and cannot drive the terminal.
    public init(_ code: String, _ message: String) { self.code = code; self.message = Renderer.visible(message) }
    public var description: String { message }

    /// The name is not in the workspace.
    public static func unknown(_ what: String, _ name: String, among names: [String] = [], hint: String? = nil) -> CommandError {
        var m = "no \(what) named '\(name)'"
        if let s = Suggest.closest(to: name, in: names) { m += "; did you mean '\(s)'?" }
        else if let hint { m += " (\(hint))" }
        return CommandError("UnknownName", m)
    }

    /// The name is already taken.
    public static func duplicate(_ what: String, _ name: String) -> CommandError {
        CommandError("DuplicateName", "\(what) '\(name)' already exists (names are compared ignoring case)")
    }

    public static func badValue(_ message: String) -> CommandError { CommandError("BadValue", message) }
}

/// Where a command's result goes: the REPL, a script, or a notebook. Rendering may differ.
public enum OutputFormat: String, Sendable, CaseIterable { case table, json, csv, tsv }

/// Access to files (reading, and writing where allowed), handed to commands by the executable. A
/// replay sandbox hands a restricted one: paths resolved against the notebook's folder, never
/// outside it, and writes refused unless the replay allows them.
public protocol FileAccess: Sendable {
    /// The absolute path `path` names, or an error if the sandbox forbids it.
    func resolve(_ path: String) throws -> String
    /// The whole file, for small inputs.
    func read(_ path: String) throws -> [UInt8]
    /// A file opened for positioned reads (large inputs, read in parallel).
    func open(_ path: String) throws -> any RandomAccessFile
    /// Writes `bytes` atomically (temporary file, fsync, rename).
    func write(_ path: String, _ bytes: [UInt8]) throws
}

/// A file opened for reading at offsets; safe to read from several threads at once.
public protocol RandomAccessFile: Sendable {
    var size: Int { get }
    /// Reads up to `buffer.count` bytes at `offset`; returns how many were read (0 at the end).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int
}

/// Files are not available (the default in tests that need none).
public struct NoFileAccess: FileAccess {
    public init() {}
    public func resolve(_ path: String) throws -> String { throw CommandError("NoFiles", "files are not available here") }
    public func read(_ path: String) throws -> [UInt8] { throw CommandError("NoFiles", "files are not available here") }
    public func open(_ path: String) throws -> any RandomAccessFile { throw CommandError("NoFiles", "files are not available here") }
    public func write(_ path: String, _ bytes: [UInt8]) throws { throw CommandError("NoFiles", "files are not available here") }
}

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

    public init(arguments: ParsedArguments, workspace: Workspace, files: any FileAccess, registry: Registry,
                session: SessionInfo) {
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
            throw CommandError("NoEnterprise", "no enterprise given and none is current (name one, or `use ENTERPRISE`)")
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

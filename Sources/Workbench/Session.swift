import ValueCore

/// The outcome of one command line.
public enum Outcome: Sendable {
    /// The command ran. `requests` are what the session could not do itself (save, open, …):
    /// the caller carries them out.
    case success(CommandOutput, command: CommandSpec, requests: [SessionRequest])
    /// The line failed: nothing in the workspace changed.
    case failure(CommandError)
    /// The line held no command (blank or a comment).
    case nothing
}

/// A running session: the workspace, its undo history, and the command registry. It parses and
/// runs lines; it does no I/O (the executable reads lines and prints outcomes).
public struct Session: Sendable {
    public let registry: Registry
    public private(set) var workspace = Workspace()
    /// Each entry is the changes one command made.
    private var undoStack: [[Workspace.Change]] = []
    private var redoStack: [[Workspace.Change]] = []
    /// The command line of each undo and redo step, for "Undid: factor set …".
    private var undoLabels: [String] = []
    private var redoLabels: [String] = []
    /// The line `execute` is running, to label its undo step.
    private var lineBeingRun: String?
    /// Every model command line run successfully or not, in order (for `history`).
    public private(set) var history: [String] = []
    public var format: OutputFormat = .table
    public var files: any FileAccess
    /// Whether the workspace changed since `markSaved()`.
    public private(set) var isDirty = false
    /// Whether the workspace came with steps this session has not got (`load(_:history:partial:)`
    /// of a notebook's snapshot). Undo and redo then refuse with `historyNotLoaded` until
    /// `adoptHistory(from:)` or `forgetHistoryBeforeLoad()`: acting on the session's own, shorter
    /// history would record an `undo` cell that a replay of the notebook runs differently.
    public private(set) var historyIsPartial = false
    /// The code of the failure undo and redo give while `historyIsPartial`.
    public static let historyNotLoaded = "HistoryNotLoaded"

    public init(registry: Registry, files: any FileAccess = NoFileAccess()) {
        self.registry = registry
        self.files = files
    }

    /// Runs one command line.
    public mutating func execute(_ line: String) -> Outcome {
        let line = Session.quitAlias(line) ?? line
        let tokens: [Token]
        do { tokens = try Tokenizer.tokenize(line) } catch {
            return .failure(CommandError("BadSyntax", "\(error)"))
        }
        guard !tokens.isEmpty else { return .nothing }
        let parsed: ParsedCommand
        do { parsed = try registry.parse(tokens) } catch let e as ParseError {
            return .failure(CommandError(e.code, e.message))
        } catch { return .failure(CommandError("BadSyntax", "\(error)")) }
        if parsed.spec.role == .model { history.append(line) }
        lineBeingRun = line
        defer { lineBeingRun = nil }
        return run(parsed)
    }

    /// `quit` for a line that is `exit` or `\q` alone, as psql, sqlite3 and IPython users type.
    static func quitAlias(_ line: String) -> String? {
        guard line.utf8.count <= 12 else { return nil }
        let word = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard word.count == 1, word[0] == "\\q" || word[0].lowercased() == "exit" else { return nil }
        return "quit"
    }

    /// Runs a parsed command; on failure, reverts whatever it changed.
    public mutating func run(_ parsed: ParsedCommand) -> Outcome {
        if parsed.arguments.flag("help") {
            return .success(Help.command(parsed.spec), command: parsed.spec, requests: [])
        }
        // Move the workspace into the context (no copy), and back afterwards.
        var context = CommandContext(
            arguments: parsed.arguments, workspace: Workspace(), files: files,
            registry: registry,
            session: SessionInfo(
                history: history, undoDepth: undoStack.count,
                redoDepth: redoStack.count, format: format))
        swap(&context.workspace, &workspace)
        var output: CommandOutput
        do {
            output = try parsed.spec.run(&context)
        } catch {
            let changes = context.workspace.takeChanges()
            context.workspace.revert(changes)
            swap(&context.workspace, &workspace)
            if let e = error as? CommandError { return .failure(e) }
            if let e = error as? ParseError { return .failure(CommandError(e.code, e.message)) }
            return .failure(CommandError("Failed", "\(error)"))
        }
        let changes = context.workspace.takeChanges()
        swap(&context.workspace, &workspace)
        if !changes.isEmpty {
            undoStack.append(changes)
            undoLabels.append(lineBeingRun ?? parsed.spec.name)
            redoStack.removeAll()
            redoLabels.removeAll()
            isDirty = true
        }
        var remaining: [SessionRequest] = []
        if historyIsPartial,
            context.requests.contains(where: {
                switch $0 {
                case .undo, .redo: true;
                default: false
                }
            })
        {
            return .failure(
                CommandError(
                    Session.historyNotLoaded,
                    "\(parsed.spec.name): the steps before the notebook was opened are not loaded in this session"))
        }
        for request in context.requests {
            switch request {
            case let .undo(n):
                let done = undo(n)
                let steps = Array(redoLabels.suffix(done))
                output = .message(
                    Session.said("Undid", "undo", steps),
                    data: [
                        "undone": .int(done), "remaining": .int(undoStack.count),
                        "steps": .array(steps.map { .string($0) }),
                    ])
            case let .redo(n):
                let done = redo(n)
                let steps = Array(undoLabels.suffix(done))
                output = .message(
                    Session.said("Redid", "redo", steps),
                    data: [
                        "redone": .int(done), "remaining": .int(redoStack.count),
                        "steps": .array(steps.map { .string($0) }),
                    ])
            case let .setFormat(f):
                format = f
            default:
                remaining.append(request)
            }
        }
        if parsed.arguments.flag("json"), let data = output.data {
            output = CommandOutput(blocks: [.text(data.compact())], data: data, notes: output.notes)
        }
        return .success(output, command: parsed.spec, requests: remaining)
    }

    /// "Undid: factor set 胖东来 Service 10", "Undid 2 steps: …; …" (the latest first), "Nothing to undo.".
    static func said(_ verb: String, _ noun: String, _ steps: [String]) -> String {
        switch steps.count {
        case 0: return "Nothing to \(noun)."
        case 1: return "\(verb): \(steps[0])"
        case 2...5: return "\(verb) \(steps.count) steps: " + steps.joined(separator: "; ")
        default:
            return "\(verb) \(steps.count) steps: " + steps.prefix(3).joined(separator: "; ") + "; … \(steps.last!)"
        }
    }

    /// Undoes up to `steps` commands; returns how many were undone.
    @discardableResult
    public mutating func undo(_ steps: Int = 1) -> Int {
        var done = 0
        while done < steps, let changes = undoStack.popLast() {
            workspace.revert(changes)
            redoStack.append(changes)
            redoLabels.append(undoLabels.popLast() ?? "")
            done += 1
        }
        if done > 0 { isDirty = true }
        return done
    }

    /// Redoes up to `steps` undone commands; returns how many were redone.
    @discardableResult
    public mutating func redo(_ steps: Int = 1) -> Int {
        var done = 0
        while done < steps, let changes = redoStack.popLast() {
            workspace.reapply(changes)
            undoStack.append(changes)
            undoLabels.append(redoLabels.popLast() ?? "")
            done += 1
        }
        if done > 0 { isDirty = true }
        return done
    }

    public var undoDepth: Int { undoStack.count }
    public var redoDepth: Int { redoStack.count }

    /// Replaces the whole workspace (opening a notebook's snapshot); clears undo and redo.
    /// - Parameter partial: the workspace was built by steps whose undo history is not loaded
    ///   (see `historyIsPartial`).
    public mutating func load(_ workspace: Workspace, history: [String] = [], partial: Bool = false) {
        self.workspace = workspace
        // Changes recorded while the workspace was built are not this session's to undo: if they
        // stayed pending, the next failing command would revert them.
        _ = self.workspace.takeChanges()
        self.history = history
        undoStack.removeAll()
        redoStack.removeAll()
        undoLabels.removeAll()
        redoLabels.removeAll()
        isDirty = false
        historyIsPartial = partial
    }

    /// Takes the undo and redo history of `other`, a fresh session that ran the commands which
    /// built this workspace (a replay of the notebook's cells), if it ended in the same
    /// workspace. Returns whether it did; undo and redo then act exactly as in that replay.
    public mutating func adoptHistory(from other: Session) -> Bool {
        guard other.workspace == workspace else { return false }
        undoStack = other.undoStack
        redoStack = other.redoStack
        undoLabels = other.undoLabels
        redoLabels = other.redoLabels
        historyIsPartial = false
        return true
    }

    /// Lets undo and redo act on the history since `load` alone (when the earlier one cannot be
    /// rebuilt).
    public mutating func forgetHistoryBeforeLoad() { historyIsPartial = false }

    /// The workspace is now saved.
    public mutating func markSaved() { isDirty = false }
}

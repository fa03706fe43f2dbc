import ValueCore
import Workbench

/// Runs command lines through a session and shows the outcomes: the one loop that reads and
/// prints, for the REPL and for scripts alike.
final class Driver {
    var session: Session
    var renderer: Renderer
    let out: OutputStream
    let err: OutputStream
    /// Where status lines go ("Opened …", "Saved …", "Recovered …"): the terminal in the
    /// interactive REPL, stderr otherwise, so that stdout holds only what commands return
    /// (one JSON document with `--json`).
    let status: OutputStream
    /// Options that shape a non-interactive run.
    struct Options {
        var bail = false
        var echo = false
        /// Prefix error lines with the script line number.
        var numberErrors = true
        /// Show `error:` in red (a terminal).
        var colorErrors = false
        /// `--quiet`: confirmations are not shown (Driver+Machine.swift).
        var quiet = false
        /// `--json`: stdout is JSON Lines, one object per command line (Driver+Machine.swift).
        var jsonLines = false
    }
    var options: Options
    /// Commands that failed so far.
    private(set) var failures = 0
    /// Set by `quit`, or by `--bail` after an error.
    private(set) var finished = false
    /// The error `report` gave last: the Jupyter kernel sends it as an `error` message, and a
    /// request that failed after its command ran (`save`) makes the line's JSON Lines object a
    /// failure.
    var lastError: CommandError?
    /// Where `--json` writes its JSON Lines: stdout, while `out` (replay's reports, `--echo`)
    /// is then stderr.
    var machine: OutputStream = .stdout
    /// The notebook the session is recorded into (Driver+Notebooks.swift).
    let notebooks = NotebookState()
    /// Runs one line in the session; the terminal replaces it so that Ctrl-C cancels a command.
    var runLine: (inout Session, String) -> Outcome = { $0.execute($1) }
    /// Asked before `quit` leaves; false keeps the session going (the terminal's unsaved-changes warning).
    var leaveGuard: (() -> Bool)?

    init(
        session: Session, renderer: Renderer, options: Options, out: OutputStream = .stdout,
        err: OutputStream = .stderr,
        status: OutputStream? = nil
    ) {
        self.session = session
        self.renderer = renderer
        self.options = options
        self.out = out
        self.err = err
        self.status = status ?? out
    }

    /// Shows a status line (see `status`), after what commands printed before it.
    func inform(_ line: String) {
        if status !== out { out.flush() }
        status.write(line + "\n")
    }

    /// Reads and runs every line of `source`; a line ending with `\` continues on the next one.
    func run(_ source: any LineSource, prompt: () -> String = { "" }, continuationPrompt: String = "") {
        var lineNumber = 0
        while !finished {
            guard var line = source.readLine(prompt: prompt()) else { break }
            lineNumber += 1
            let first = lineNumber
            if let problem = source.lineProblem {
                report(CommandError("BadInput", problem), lineNumber: first)
                continue
            }
            while Tokenizer.continues(line) {
                line.removeLast()
                guard let more = source.readLine(prompt: continuationPrompt) else { break }
                lineNumber += 1
                line += more
            }
            execute(line, lineNumber: first)
        }
        out.flush()
    }

    /// Runs one (logical) command line and prints what it gives.
    func execute(_ line: String, lineNumber: Int? = nil) {
        if options.echo, !line.allSatisfy({ $0 == " " || $0 == "\t" }) {
            (options.jsonLines ? err : out).write("> \(line)\n")
        }
        let outcome = self.outcome(of: line)
        record(line, outcome)
        lastError = nil
        switch outcome {
        case .nothing:
            return
        case let .failure(error):
            report(error, lineNumber: lineNumber)
        case let .success(output, _, requests):
            if !options.jsonLines { show(output) }
            for note in output.notes { err.write("note: \(note)\n") }
            for request in requests { perform(request, lineNumber: lineNumber) }
        }
        if options.jsonLines { emitJSONLine(line, lineNumber: lineNumber, outcome) }
    }

    /// Runs `line` in the session. An undo or redo that needs the history from before `open`
    /// has it rebuilt first (`restoreHistory`, Driver+Notebooks.swift), then runs.
    func outcome(of line: String) -> Outcome {
        let first = runLine(&session, line)
        guard case let .failure(e) = first, e.code == Session.historyNotLoaded else { return first }
        restoreHistory()
        return runLine(&session, line)
    }

    func report(_ error: CommandError, lineNumber: Int?) {
        failures += 1
        lastError = error
        out.flush()
        let prefix = options.colorErrors ? "\u{1B}[31merror:\u{1B}[0m" : "error:"
        // Messages quote what was typed or read: shown short and without control characters.
        let message = Printable.visible(Printable.shortened(error.message))
        if options.numberErrors, let n = lineNumber {
            err.write("\(prefix) line \(n): \(message)\n")
        } else {
            err.write("\(prefix) \(message)\n")
        }
        if options.bail { finished = true }
    }

    /// Carries out what a command asked of the session.
    func perform(_ request: SessionRequest, lineNumber: Int?) {
        switch request {
        case .quit:
            if let leaveGuard, !leaveGuard() { return }
            finished = true
        default:
            performNotebook(request, lineNumber: lineNumber)
        }
    }
}

import CLibEdit
import Workbench
#if canImport(Glibc)
    import Glibc
#endif

/// libedit on the terminal: Emacs keys, history (Up/Down, Ctrl-R incremental search), Tab
/// completion through a `Completion`-returning closure, UTF-8 (libedit's wide-character build
/// under a UTF-8 locale). One per process.
final class LineEditor {
    /// What one `read` gave.
    enum Input: Equatable {
        case line(String)
        /// Ctrl-C: the line being typed was given up.
        case interrupted
        /// Ctrl-D on an empty line, or the terminal went away.
        case end
    }

    var el: OpaquePointer?
    private var history: OpaquePointer?
    let historySize: Int
    /// The history, oldest first (for the incremental search).
    var lines: [String] = []
    /// The prompt of the line being read.
    var prompt = ""
    /// The incremental search under way, if any.
    var search: IncrementalSearch?
    private let out: OutputStream
    /// Completes the line up to the cursor; set by the owner.
    var complete: ((String) -> Completion)?

    /// - Returns: nil when libedit cannot run on this terminal.
    init?(program: String, historySize: Int, out: OutputStream = .stdout) {
        self.out = out
        self.historySize = historySize
        guard let history = clibedit_history_init(Int32(historySize)) else { return nil }
        self.history = history
        guard let el = clibedit_init(program, nil) else {
            clibedit_history_end(history)
            return nil
        }
        self.el = el
        // The user's own ~/.editrc first, then the bindings the workbench relies on.
        _ = clibedit_source(el, nil)
        _ = clibedit_use_history(el, history)
        // Ctrl-R: the incremental search (IncrementalSearch.swift; libedit's own
        // em-inc-search-prev ends on CJK characters whose low byte is a control code).
        _ = clibedit_add_function(el, "vb-search", "search the history backwards, incrementally") { el, _ in
            guard let el, let data = clibedit_clientdata(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().startSearch(el)
        }
        _ = clibedit_add_function(el, "vb-search-key", "a key typed during the search") { el, _ in
            guard let el, let data = clibedit_clientdata(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().searchKey(el)
        }
        _ = clibedit_bind(el, "^R", "vb-search")
        _ = clibedit_bind(el, "\\237", "vb-search-key")
        _ = clibedit_add_function(el, "vb-complete", "complete the word under the cursor") { el, _ in
            guard let el, let data = clibedit_clientdata(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().tab(el)
        }
        _ = clibedit_bind(el, "^I", "vb-complete")
        // The callback finds this object through the editor's client data; the object outlives
        // the editor (deinit ends it first).
        reattach()
    }

    private func reattach() {
        guard let el else { return }
        clibedit_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        clibedit_end(el)
        clibedit_history_end(history)
    }

    /// Reads one line with `prompt` (bytes between two `\u{1}` are invisible, for colour).
    func read(prompt: String) -> Input {
        self.prompt = prompt
        clibedit_set_prompt(prompt)
        var count: Int32 = 0
        var status: Int32 = 0
        let p = clibedit_gets(el, &count, &status)
        endSearch()
        guard let p else {
            return status == 1 ? .interrupted : .end
        }
        var line = String(cString: p)
        while let last = line.utf8.last, last == 0x0A || last == 0x0D { line.removeLast() }
        return .line(line)
    }

    // MARK: History

    /// Adds a line to the history (consecutive duplicates are kept once).
    func remember(_ line: String) {
        _ = clibedit_history_enter(history, line)
        if lines.last != line { lines.append(line) }
        if lines.count > historySize { lines.removeFirst(lines.count - historySize) }
    }

    var historyCount: Int { Int(clibedit_history_count(history)) }

    /// Loads the history file, if there is one.
    func loadHistory(_ path: String) {
        _ = clibedit_history_load(history, path)
        lines = []
        var entry = clibedit_history_step(history, 1)
        while let e = entry {
            lines.append(String(cString: e))
            entry = clibedit_history_step(history, 0)
        }
    }

    /// Writes the history file: to a temporary file first, then renamed over the old one, so an
    /// interrupted write never leaves it half-written.
    @discardableResult
    func saveHistory(_ path: String) -> Bool {
        let temporary = path + ".tmp\(getpid())"
        guard clibedit_history_save(history, temporary) >= 0 else {
            unlink(temporary)
            return false
        }
        chmod(temporary, 0o600)
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    // MARK: Completion

    /// Tab: replaces the word before the cursor, or lists the candidates.
    private func tab(_ el: OpaquePointer) -> UInt8 {
        guard let complete, let info = clibedit_line(el)?.pointee,
            let buffer = info.buffer, let cursor = info.cursor
        else { return UInt8(CC_ERROR) }
        let length = cursor - buffer
        let prefix = buffer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
        let c = complete(prefix)
        if c.changesLine {
            // libedit counts characters (wide characters), not bytes.
            clibedit_delete_before(el, Int32(c.typed.unicodeScalars.count))
            if clibedit_insert(el, c.replacement) < 0 { return UInt8(CC_ERROR) }
            return UInt8(CC_REFRESH)
        }
        if c.candidates.count > 1 {
            out.write("\n" + LineEditor.columns(c.candidates, width: LineEditor.terminalWidth()))
            out.flush()
            return UInt8(CC_REDISPLAY)
        }
        return UInt8(CC_REFRESH_BEEP)
    }

    /// The candidates in columns, as shells list them (down the columns), at most 200.
    static func columns(_ items: [String], width: Int) -> String {
        let limit = 200
        let shown = Array(items.prefix(limit))
        let widest = shown.map(Format.displayWidth).max() ?? 0
        let columnWidth = widest + 2
        let perRow = max(1, min(shown.count, (max(width, columnWidth) + 2) / columnWidth))
        let rows = (shown.count + perRow - 1) / perRow
        var text = ""
        for r in 0..<rows {
            var line = ""
            for c in 0..<perRow {
                let i = c * rows + r
                guard i < shown.count else { break }
                let last = c == perRow - 1 || (c + 1) * rows + r >= shown.count
                line += last ? shown[i] : Format.pad(shown[i], columnWidth)
            }
            text += line + "\n"
        }
        if items.count > limit { text += "… and \(items.count - limit) more\n" }
        return text
    }

    static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}

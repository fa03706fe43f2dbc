import Workbench

/// Lines typed at the terminal, through libedit. A line ending with `\` continues on the next
/// one (with the continuation prompt) and is returned whole; Ctrl-C gives up what is being
/// typed, continuation lines included, and asks again; Ctrl-D on an empty line ends the input,
/// after one warning when there are unsaved changes.
final class TerminalLines: LineSource {
    let editor: LineEditor
    let continuationPrompt: (String) -> String
    let exitGuard: ExitGuard
    let out: OutputStream
    /// Where the history is saved after every line; nil: not saved.
    let historyPath: String?

    init(
        editor: LineEditor, continuationPrompt: @escaping (String) -> String, exitGuard: ExitGuard,
        historyPath: String?, out: OutputStream = .stdout
    ) {
        self.editor = editor
        self.continuationPrompt = continuationPrompt
        self.exitGuard = exitGuard
        self.historyPath = historyPath
        self.out = out
    }

    func readLine(prompt: String) -> String? {
        out.flush()
        exitGuard.refresh()
        var parts: [String] = []
        while true {
            let shown = parts.isEmpty ? prompt : continuationPrompt(prompt)
            switch editor.read(prompt: shown) {
            case .interrupted:
                out.write("^C\n")
                out.flush()
                parts.removeAll()
            case .end:
                out.write("\n")
                out.flush()
                if !parts.isEmpty { parts.removeAll(); continue }
                if exitGuard.mayLeave(by: .endOfInput) { return nil }
            case let .line(line):
                if Tokenizer.continues(line) {
                    parts.append(String(line.dropLast()))
                    continue
                }
                parts.append(line)
                let whole = parts.joined()
                remember(whole)
                return whole
            }
        }
    }

    private func remember(_ line: String) {
        guard line.contains(where: { $0 != " " && $0 != "\t" }) else { return }
        editor.remember(line)
        if let historyPath { editor.saveHistory(historyPath) }
    }
}

/// Leaving with unsaved changes: the first attempt (Ctrl-D or `quit`) warns and stays, the next
/// one leaves. Saving (the session becomes clean) re-arms the warning.
final class ExitGuard {
    enum Way { case endOfInput, quit }
    private let isDirty: () -> Bool
    /// The notebook's file, if it has one: the warning then suggests a bare `save`.
    private let file: () -> String?
    private let err: OutputStream
    private var warned = false

    init(isDirty: @escaping () -> Bool, file: @escaping () -> String? = { nil }, err: OutputStream = .stderr) {
        self.isDirty = isDirty
        self.file = file
        self.err = err
    }

    /// Called before each prompt: a clean session needs a new warning next time.
    func refresh() {
        if !isDirty() { warned = false }
    }

    /// Whether the session may end now; warns (once) when there are unsaved changes.
    func mayLeave(by way: Way) -> Bool {
        guard isDirty(), !warned else { return true }
        warned = true
        let again = way == .endOfInput ? "press Ctrl-D again to quit" : "type `quit` again to leave"
        let save = file().map { "`save` (to \($0))" } ?? "`save FILE.ipynb`"
        err.write("unsaved changes: \(again), or \(save)\n")
        return false
    }
}

import CLibEdit
import ValueCore
import Workbench
#if canImport(Glibc)
    import Glibc
#endif

/// The interactive workbench on a terminal: banner, prompt with the current enterprise,
/// libedit with persistent history and completion, Ctrl-C and Ctrl-D handling.
enum Interactive {
    /// How many lines the history file keeps.
    static let historySize = 1000

    /// Runs the REPL until Ctrl-D or `quit`.
    static func run(_ driver: Driver, color: Bool) {
        ensureUTF8()
        _ = clibedit_install_sigint()
        guard let editor = LineEditor(program: "valuebench", historySize: historySize) else {
            // No usable terminal after all: read plain lines.
            driver.run(DescriptorLines(fd: 0))
            return
        }
        let historyPath = HistoryFile.path(create: true)
        if let historyPath { editor.loadHistory(historyPath) }
        editor.complete = { [unowned driver] prefix in
            Completer(
                registry: driver.session.registry, workspace: driver.session.workspace,
                listFolder: Folder.list, surveyColumns: SurveyHeaders.columns
            ).complete(prefix)
        }
        let exitGuard = ExitGuard(
            isDirty: { [unowned driver] in driver.session.isDirty },
            file: { [unowned driver] in driver.notebooks.path })
        driver.leaveGuard = { exitGuard.mayLeave(by: .quit) }
        driver.runLine = CancellableRun.execute
        driver.options.colorErrors = color && isatty(2) == 1

        OutputStream.stdout.write(banner(color: color))
        let source = TerminalLines(
            editor: editor, continuationPrompt: { continuation(of: $0) },
            exitGuard: exitGuard, historyPath: historyPath)
        driver.run(
            source, prompt: { [unowned driver] in prompt(current: driver.session.workspace.current, color: color) })
        OutputStream.stdout.flush()
    }

    static func banner(color: Bool) -> String {
        let name = color ? "\u{1B}[1mValueBench\u{1B}[0m" : "ValueBench"
        let hint = "Type `help` for the commands, `help COMMAND` for one; Tab completes; Ctrl-D quits."
        return "\(name): model how an enterprise creates value.\n"
            + Renderer.wrapLines(hint, limit: TerminalWidth.columns(of: .stdout) ?? 80) + "\n"
    }

    /// `valuebench[CATL]> `, or `valuebench> ` with no current enterprise. With colour, the
    /// escapes are wrapped in `\u{1}` so libedit does not count them as columns.
    static func prompt(current: String?, color: Bool) -> String {
        let shown = current.map { $0.replacingControlCharacters() }
        guard color else { return "valuebench" + (shown.map { "[\($0)]" } ?? "") + "> " }
        let bold = "\u{1}\u{1B}[1;36m\u{1}", yellow = "\u{1}\u{1B}[33m\u{1}", reset = "\u{1}\u{1B}[0m\u{1}"
        return bold + "valuebench" + reset + (shown.map { "[" + yellow + $0 + reset + "]" } ?? "") + "> "
    }

    /// The prompt for a continued line: as wide as `prompt`, ending in `…> `.
    static func continuation(of prompt: String) -> String {
        // Drop the invisible (colour) parts to measure the visible width.
        var visible = ""
        var hidden = false
        for ch in prompt {
            if ch == "\u{1}" { hidden.toggle(); continue }
            if !hidden { visible.append(ch) }
        }
        let width = Format.displayWidth(visible)
        return String(repeating: " ", count: max(0, width - 5)) + "...> "
    }

    /// libedit decodes keys with the locale's character set: make it UTF-8 when the
    /// environment names none (LANG unset gives the "C" locale, which would drop 宁德时代).
    static func ensureUTF8() {
        let codeset = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? ""
        if codeset.uppercased().filter({ $0 != "-" }) != "UTF8" {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}

extension String {
    /// Control characters shown as `?` (a name in the prompt must not move the cursor).
    func replacingControlCharacters() -> String {
        String(unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
    }
}

/// Where the history lives: `$XDG_STATE_HOME/valuebench/history`, or
/// `~/.local/state/valuebench/history`.
enum HistoryFile {
    static func path(create: Bool) -> String? {
        var folder: String
        if let state = getenv("XDG_STATE_HOME").map({ String(cString: $0) }), state.hasPrefix("/") {
            folder = state
        } else if let home = homeFolder() {
            folder = home + "/.local/state"
        } else {
            return nil
        }
        folder += "/valuebench"
        if create, !makeFolders(folder) { return nil }
        return folder + "/history"
    }

    static func homeFolder() -> String? {
        if let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty { return home }
        if let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir { return String(cString: dir) }
        return nil
    }

    /// `mkdir -p`, private to the user.
    static func makeFolders(_ path: String) -> Bool {
        var partial = ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            partial += "/" + component
            if mkdir(partial, 0o700) != 0, errno != EEXIST { return false }
        }
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}

/// Folder entries for completing file paths.
enum Folder {
    @Sendable static func list(_ typed: String) -> [FolderEntry] {
        let path = typed.isEmpty ? "." : typed
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var entries: [FolderEntry] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_LNK) || entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isFolder = stat(path + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            entries.append(FolderEntry(name, isFolder: isFolder))
        }
        return entries.sorted { $0.name < $1.name }
    }
}

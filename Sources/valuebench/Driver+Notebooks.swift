#if canImport(Glibc)
    import Glibc
#endif
import ValueCore
import Workbench

/// What the driver keeps about the notebook a session is recorded into.
final class NotebookState {
    /// Whether commands are recorded as cells. Off for piped scripts without `--save`, so that
    /// a 100,000-line script pays nothing for it.
    var recording = false
    var notebook = Notebook()
    /// The file the notebook was opened from or last saved to.
    var path: String?
    /// The file's size and modification time when it was read or written: a save refuses to
    /// overwrite a file that changed since.
    var stamp: FileStamp?
    var executionCount = 0
    /// Cells added since the last save.
    var unsaved = 0
    /// A risky command (overwrite, discard) that was refused once: typing it again confirms it.
    var pendingConfirmation: String?
    var journal: Journal?
    /// Enterprises as last encoded in a snapshot: a save encodes only those that changed.
    let snapshotCache = SnapshotCache()
    /// The size of the file last read or written, to size the next save's buffer.
    var sizeHint = 0
    /// The worst replay status seen (0 all matched, 1 mismatch, 2 unreadable): the exit status.
    var replayStatus: Int32 = 0
}

/// A file's identity for change detection.
struct FileStamp: Equatable {
    var inode: UInt64
    var size: Int
    var seconds: Int
    var nanoseconds: Int

    init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        inode = UInt64(st.st_ino)
        size = Int(st.st_size)
        seconds = Int(st.st_mtim.tv_sec); nanoseconds = Int(st.st_mtim.tv_nsec)
    }
}

extension Driver {
    /// Records what a line did: a model command (succeeded or failed) becomes a code cell.
    /// Session commands (save, open, help, …) are not recorded; `note` adds its cell when performed.
    func record(_ line: String, _ outcome: Outcome) {
        let book = notebooks
        guard book.recording else { return }
        let cell: Cell
        switch outcome {
        case .nothing:
            return
        case let .success(output, spec, _):
            guard spec.role == .model else { return }
            book.executionCount += 1
            cell = Cell.code(line, output: output, executionCount: book.executionCount)
        case let .failure(error):
            // A command cancelled with Ctrl-C did not happen: no cell, nothing to replay.
            if error.code == CancellableRun.cancelled.code { return }
            if let tokens = try? Tokenizer.tokenize(line), let (spec, _) = try? session.registry.match(tokens),
                spec.role == .session
            {
                return
            }
            book.executionCount += 1
            cell = Cell.code(line, error: error, executionCount: book.executionCount)
        }
        book.notebook.append(cell)
        book.unsaved += 1
        book.journal?.append(["run": .string(line)])
    }

    /// Carries out the notebook requests: note, save, open, replay.
    func performNotebook(_ request: SessionRequest, lineNumber: Int?) {
        let book = notebooks
        let confirming = book.pendingConfirmation
        book.pendingConfirmation = nil
        switch request {
        case let .note(text):
            guard book.recording else { return }
            book.notebook.append(.markdown(text))
            book.unsaved += 1
            book.journal?.append(["note": .string(text)])
        case let .save(path):
            do {
                let written = try save(to: path, confirmed: confirming == "save \(path ?? "")")
                inform("Saved \(Format.count(book.notebook.cells.count, "cell")) to \(written).")
            } catch let e as NeedsConfirmation {
                book.pendingConfirmation = "save \(path ?? "")"
                report(CommandError("Refused", e.message), lineNumber: lineNumber)
            } catch let e as CommandError {
                report(e, lineNumber: lineNumber)
            } catch {
                report(CommandError("SaveFailed", "save: \(error)"), lineNumber: lineNumber)
            }
        case let .open(path):
            if book.recording, book.unsaved > 0, confirming != "open \(path)" {
                book.pendingConfirmation = "open \(path)"
                report(
                    CommandError(
                        "Refused",
                        """
                        open: \(book.unsaved) recorded cell\(book.unsaved == 1 ? " is" : "s are") not \
                        saved; `save` first, or type the same `open` again to discard \
                        \(book.unsaved == 1 ? "it" : "them")
                        """
                    ),
                    lineNumber: lineNumber)
                return
            }
            do {
                inform(try openNotebook(path))
            } catch {
                // A notebook that cannot be read is status 2, as for `valuebench FILE.ipynb`.
                book.replayStatus = max(book.replayStatus, 2)
                report(error as? CommandError ?? CommandError("OpenFailed", "open: \(error)"), lineNumber: lineNumber)
            }
        case let .replay(path, update, allowWrites, sanitizeFromNotebook):
            replay(
                path, update: update, allowWrites: allowWrites, sanitizeFromNotebook: sanitizeFromNotebook,
                lineNumber: lineNumber)
        default:
            report(CommandError("Unavailable", "this request is not handled here"), lineNumber: lineNumber)
        }
    }

    struct NeedsConfirmation: Error { var message: String }

    // MARK: Save

    /// Saves the recorded notebook with a fresh snapshot; returns the path written.
    /// - Parameter overwrite: replace an existing file without asking (`--save`).
    @discardableResult
    func save(to requested: String?, confirmed: Bool = false, overwrite: Bool = false) throws -> String {
        let book = notebooks
        guard book.recording else {
            throw CommandError(
                "NotRecorded",
                """
                save: this run is not recorded as a notebook (a script from a pipe or file); run it with \
                --save FILE.ipynb
                """
            )
        }
        guard let target = requested ?? book.path else {
            throw CommandError("NoFile", "save: the session has no file yet; name one: `save FILE.ipynb`")
        }
        guard target.hasSuffix(".ipynb") else {
            throw CommandError(
                "BadValue", "save: '\(target)' does not end in .ipynb (a notebook is saved as FILE.ipynb)")
        }
        let absolute = LocalFileAccess.absolute(target)
        // Before the snapshot (seconds with 200,000 enterprises): a save that cannot land fails at once.
        if let reason = Driver.unwritable(target) {
            throw CommandError("FileError", "save: cannot write \(target): \(reason)")
        }
        func checkNotOverwriting() throws {
            guard !overwrite && !confirmed, let existing = FileStamp(path: absolute) else { return }
            if absolute == book.path.map(LocalFileAccess.absolute) {
                if let stamp = book.stamp, stamp != existing {
                    throw NeedsConfirmation(
                        message:
                            """
                            save: \(target) changed on disk since it was opened or saved; save to another \
                            file, or type the same `save` again to overwrite it
                            """
                    )
                }
            } else {
                throw NeedsConfirmation(
                    message: "save: \(target) already exists; type the same `save` again to overwrite it")
            }
        }
        try checkNotOverwriting()
        var nb = book.notebook
        nb.stampKernel()
        nb.nbformat = 4
        nb.nbformatMinor = 5
        do {
            nb.setWorkbench("snapshot", try Snapshot.make(session.workspace, for: nb, cache: book.snapshotCache))
        } catch {
            throw CommandError("SaveFailed", "save: the workspace could not be stored: \(error)")
        }
        let bytes = nb.jupyterBytes(capacity: book.sizeHint)
        guard bytes.count <= Notebook.maxFileBytes else {
            throw CommandError(
                "SaveFailed",
                """
                save: the notebook would be \(bytes.count >> 20) MB, over the \
                \(Notebook.maxFileBytes >> 20) MB that `open` reads; nothing was written (remove \
                enterprises, or keep the data in a CSV for `diff import`)
                """
            )
        }
        // Checked again, and written, holding the folder's lock: two sessions saving the same
        // notebook at once both passed the check above and both wrote, one losing the other's work.
        book.stamp = try LocalFileAccess.withFolderLock(absolute) {
            try checkNotOverwriting()
            try LocalFileAccess.writeAtomically(absolute, bytes)
            return FileStamp(path: absolute)
        }
        book.sizeHint = bytes.count
        book.notebook = nb
        book.path = target
        book.unsaved = 0
        session.markSaved()
        book.journal?.append(["saved": .string(absolute)])
        return target
    }

    /// Why a notebook could not be written at `path` (nil: it can be, as far as one can tell
    /// without writing): its folder is missing, not a folder or not writable, or `path` is a folder.
    static func unwritable(_ path: String) -> String? {
        let absolute = LocalFileAccess.absolute(path)
        let folder = Driver.folder(of: absolute)
        let shown = path.contains("/") ? Driver.folder(of: path) : "."
        var st = stat()
        guard stat(folder, &st) == 0 else {
            return errno == ENOENT || errno == ENOTDIR
                ? "the folder \(shown) does not exist"
                : "the folder \(shown) cannot be reached (\(String(cString: strerror(errno))))"
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { return "\(shown) is not a folder" }
        guard access(folder, W_OK | X_OK) == 0 else {
            return "the folder \(shown) is not writable (\(String(cString: strerror(errno))))"
        }
        // Root passes access(2) where a file still cannot be made (/proc, some FUSE mounts): make one.
        let probe = "\(folder)/.valuebench-probe-\(getpid())"
        let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            return "no file can be made in the folder \(shown) (\(String(cString: strerror(errno))))"
        }
        close(fd)
        unlink(probe)
        if stat(absolute, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { return "it is a folder" }
        return nil
    }

    // MARK: Open

    /// Reads and checks a notebook file, into a buffer that is not zeroed first (with
    /// 10,000 cells, zeroing and faulting in a buffer of the file's size was a tenth of opening).
    static func readNotebook(_ path: String) throws -> Notebook {
        let file = try LocalFileAccess().open(path)  // a regular file, readable (or a clear error)
        guard file.size <= Notebook.maxFileBytes else {
            throw CommandError(
                "BadNotebook",
                """
                \(path): the file is \(file.size >> 20) MB; notebooks of up to \
                \(Notebook.maxFileBytes >> 20) MB are read
                """
            )
        }
        var failure: (any Error)?
        let bytes = [UInt8](unsafeUninitializedCapacity: file.size) { buffer, count in
            count = 0
            while count < buffer.count {
                do {
                    let n = try file.read(
                        into: UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[count...]),
                        at: count)
                    if n == 0 { break }
                    count += n
                } catch { failure = error; break }
            }
        }
        if let failure { throw failure }
        do {
            return try Notebook.read(bytes)
        } catch let e as NotebookError {
            throw CommandError("BadNotebook", "\(path): \(e.message)")
        }
    }

    /// Opens a notebook: its workspace replaces the session's (from the snapshot when it matches
    /// the cells, else by replaying them in the sandbox); new commands are added to it.
    /// Returns the message to show.
    func openNotebook(_ path: String) throws -> String {
        // Stamped before reading: a save landing in between then makes our next save refuse
        // (safe), where a stamp taken after would pass it over and overwrite that save.
        let stamp = FileStamp(path: LocalFileAccess.absolute(path))
        let nb = try Driver.readNotebook(path)
        let book = notebooks
        let (restored, reason) = Snapshot.restore(from: nb, cache: book.snapshotCache)
        var workspace: Workspace
        var replay: Replay?
        var message: String
        var codeSources: [String] = []
        for i in nb.cells.indices where nb.cells[i].kind == .code { codeSources.append(nb.cells[i].source) }
        let codeCount = codeSources.count
        if let restored {
            workspace = restored
            message = "Opened \(path): \(Format.count(nb.cells.count, "cell")), workspace \(reason)."
        } else {
            let rerun = try replayed(nb, path: path, allowWrites: false, compare: true)
            workspace = rerun.session.workspace
            replay = rerun
            message =
                """
                Opened \(path): \(Format.count(nb.cells.count, "cell")); replayed \
                \(Format.count(codeCount, "code cell")) because \(reason).
                """
            if rerun.failures > 0 {
                message +=
                    """
                    \nnote: \(Format.count(rerun.failures, "cell")) gave other outputs than stored; `replay \
                    \(path)` shows the differences.
                    """
            }
        }
        // The snapshot holds no undo history: it is rebuilt on the first undo or redo (restoreHistory).
        session.load(workspace, history: codeSources, partial: codeCount > 0)
        if let replay { _ = session.adoptHistory(from: replay.session) }
        book.recording = true
        book.notebook = nb
        book.path = path
        book.stamp = stamp
        book.sizeHint = book.stamp?.size ?? 0
        book.executionCount = nb.lastExecutionCount
        book.unsaved = 0
        book.journal?.append(["opened": .string(LocalFileAccess.absolute(path))])
        return message
    }

    /// Rebuilds the undo and redo history of a notebook opened from its snapshot: its cells, and
    /// those recorded since, are replayed in a fresh session whose history the session adopts if
    /// it ends in the same workspace.
    ///
    /// Why this way: a saved `undo` cell acts, when the notebook is replayed, on the history the
    /// cells before it built; only that same history lets every command typed after `open` (undo
    /// and redo included) leave a notebook that replays to its saved outputs and workspace. The
    /// snapshot keeps `open` fast (10,000 cells in under 100 ms) and holds no history, so the
    /// replay (about 0.5 s for 10,000 cells) is paid on the first undo or redo after `open`, not
    /// on every open. When the replay does not end in the session's workspace (the notebook does
    /// not replay to its snapshot anyway, e.g. a file it read has changed), undo and redo reach
    /// back only to `open`, and a note says so.
    func restoreHistory() {
        let book = notebooks
        if let path = book.path,
            let rebuilt = try? replayed(book.notebook, path: path, allowWrites: false, compare: false),
            session.adoptHistory(from: rebuilt.session)
        {
            return
        }
        session.forgetHistoryBeforeLoad()
        err.write(
            """
            note: undo and redo reach back only to `open`: replaying \(book.path ?? "the notebook")'s cells \
            does not give its workspace (`replay` shows where)\n
            """
        )
    }

    // MARK: Replay

    func replayed(
        _ nb: Notebook, path: String, allowWrites: Bool, update: Bool = false, compare: Bool,
        sanitizeFromNotebook: Bool = false
    ) throws -> Replay {
        let folder = Driver.folder(of: LocalFileAccess.absolute(path))
        do {
            return try Replay(
                nb, registry: session.registry, files: ReplayFiles(folder: folder, allowWrites: allowWrites),
                update: update, compare: compare,
                sanitizers: sanitizeFromNotebook ? try Replay.sanitizers(of: nb) : [])
        } catch let e as NotebookError {
            throw CommandError("BadNotebook", "\(path): \(e.message)")
        }
    }

    /// `replay FILE`: prints a diff per mismatching cell and a summary; sets the exit status.
    func replay(_ path: String, update: Bool, allowWrites: Bool, sanitizeFromNotebook: Bool = false, lineNumber: Int?) {
        let book = notebooks
        let result: Replay
        do {
            let nb = try Driver.readNotebook(path)
            result = try replayed(
                nb, path: path, allowWrites: allowWrites, update: update, compare: !update,
                sanitizeFromNotebook: sanitizeFromNotebook)
        } catch let e as CommandError {
            book.replayStatus = max(book.replayStatus, 2)
            report(e, lineNumber: lineNumber)
            return
        } catch {
            book.replayStatus = max(book.replayStatus, 2)
            report(CommandError("BadNotebook", "\(path): \(error)"), lineNumber: lineNumber)
            return
        }
        for r in result.reports {
            switch r.status {
            case .matched, .ignored: break
            case let .skipped(reason): out.write("skipped \(r.label): \(reason)\n")
            case let .failed(reason): out.write("FAILED \(r.label): \(reason)\n")
            case let .mismatched(diff): out.write("MISMATCH \(r.label):\n\(diff)")
            }
        }
        if update {
            var nb = result.notebook
            nb.stampKernel()
            do {
                nb.setWorkbench("snapshot", try Snapshot.make(result.session.workspace, for: nb))
                try LocalFileAccess.writeAtomically(LocalFileAccess.absolute(path), nb.jupyterBytes())
                inform(
                    "Updated \(path): \(Format.count(result.reports.count, "code cell")) replayed, outputs rewritten.")
            } catch let e as CommandError {
                book.replayStatus = max(book.replayStatus, 2)
                report(e, lineNumber: lineNumber)
            } catch {
                book.replayStatus = max(book.replayStatus, 2)
                report(CommandError("SaveFailed", "replay --update: \(error)"), lineNumber: lineNumber)
            }
            return
        }
        out.write("\(path): \(result.summary)\n")
        if result.failures > 0 {
            book.replayStatus = max(book.replayStatus, 1)
            report(
                CommandError(
                    "ReplayMismatch",
                    "replay: \(result.failures) of \(result.reports.count) code cells in \(path) did not reproduce"),
                lineNumber: lineNumber)
        }
    }

    /// The process's exit status: replay's when a replay ran (0, 1 or 2), else 1 if a command failed.
    var exitStatus: Int32 { max(notebooks.replayStatus, failures > 0 ? 1 : 0) }

    // MARK: Journal and recovery

    /// Starts the journal (interactive sessions, or VALUEBENCH_JOURNAL=1).
    func startJournal() {
        notebooks.journal = Journal.start()
    }

    /// Ends the journal after a clean exit.
    func finishJournal() {
        notebooks.journal?.finish()
        notebooks.journal = nil
    }

    /// Offers to recover sessions that died (`ask` returns the user's answer; nil: recover
    /// without asking). Recovers at most one per start; the others are offered next time.
    func offerRecovery(ask: ((String) -> Bool)?) {
        guard let orphan = Journal.orphans().first else { return }
        let count = orphan.entries.count
        let what =
            "A session (process \(orphan.pid)) ended without quitting, with \(Format.count(count, "command")) not saved"
            + (orphan.base.map { " after \($0)" } ?? "")
        if let ask, !ask(what + ". Recover them? [y/n] ") {
            Journal.setAside(orphan)
            inform("Not recovered; the journal is kept as \(orphan.path).declined")
            return
        }
        notebooks.recording = true
        if let base = orphan.base {
            do { inform(try openNotebook(base)) } catch let e as CommandError {
                report(e, lineNumber: nil)
            } catch { report(CommandError("OpenFailed", "\(error)"), lineNumber: nil) }
        }
        // Run silently: the user saw these outputs before the crash; they become cells again.
        for (kind, text) in orphan.entries {
            if kind == "note" { performNotebook(.note(text), lineNumber: nil); continue }
            record(text, outcome(of: text))
        }
        unlink(orphan.path)
        inform(
            """
            Recovered \(Format.count(count, "command")) from the journal; `save` to keep \
            \(count == 1 ? "it" : "them").
            """
        )
    }

    // MARK: Paths

    static func folder(of absolutePath: String) -> String {
        guard let slash = absolutePath.lastIndex(of: "/") else { return "." }
        let f = String(absolutePath[..<slash])
        return f.isEmpty ? "/" : f
    }
}

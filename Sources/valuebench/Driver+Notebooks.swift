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
}

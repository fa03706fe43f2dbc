#if canImport(Glibc)
    import Glibc
#endif
import ValueCore
import Workbench

/// Opening and replaying notebooks.
extension Driver {
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
}

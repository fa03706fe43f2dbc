#if canImport(Glibc)
    import Glibc
#endif
import ValueCore
import Workbench

/// The journal of an interactive session, recovery after a crash, and paths.
extension Driver {
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

#if canImport(Glibc)
    import Glibc
#endif
import ArgumentParser
import Workbench

/// See `startNotebooks`.
nonisolated(unsafe) var keptUntilExit: Driver?

extension ValueBench {
    /// Before the first command: recording on when it will be wanted, the journal, recovery of a
    /// crashed session, and the notebook named on the command line.
    func startNotebooks(_ driver: Driver, interactive: Bool, notebook: String?) throws {
        // The process exits without freeing the session: tearing down a 10,000-cell notebook's
        // values one by one would cost more than reading it.
        keptUntilExit = driver
        if let save, !save.hasSuffix(".ipynb") {
            OutputStream.stderr.write("error: --save \(save): a notebook is saved as FILE.ipynb\n")
            throw ExitCode(2)
        }
        // Before any command runs: a script must not run to its end only to find it cannot be saved.
        if let save, let reason = Driver.unwritable(save) {
            OutputStream.stderr.write("error: --save \(save): cannot write it: \(reason)\n")
            throw ExitCode(2)
        }
        // Record when a notebook may be saved; a piped script without --save pays nothing.
        driver.notebooks.recording = interactive || !command.isEmpty || save != nil || notebook != nil
        if interactive || getenv("VALUEBENCH_JOURNAL").map({ String(cString: $0) == "1" }) == true {
            driver.startJournal()
            driver.notebooks.recording = true
        }
        if recover {
            driver.offerRecovery(ask: nil)
        } else if interactive {
            driver.offerRecovery(ask: { question in
                if let answer = getenv("VALUEBENCH_RECOVER").map({ String(cString: $0) }) {
                    return answer.lowercased().hasPrefix("y")
                }
                OutputStream.stdout.write(question)
                OutputStream.stdout.flush()
                return ValueBench.readAnswer()
            })
        }
        if let notebook, driver.notebooks.path.map(LocalFileAccess.absolute) == LocalFileAccess.absolute(notebook) {
            // Recovery already opened it, and added the commands that had not been saved.
        } else if let notebook, driver.notebooks.unsaved > 0 {
            // Opening would replace what was just recovered.
            driver.inform(
                """
                note: \(notebook) is not opened, so that the recovered commands are not lost; `save \
                FILE.ipynb` them, then `open \(notebook)`.
                """
            )
        } else if let notebook {
            do {
                driver.inform(try driver.openNotebook(notebook))
            } catch {
                OutputStream.stdout.flush()
                OutputStream.stderr.write("error: \(error)\n")
                throw ExitCode(2)
            }
        }
    }

    /// After the last command: `--save`.
    func finishNotebooks(_ driver: Driver) throws {
        guard let save else { return }
        do {
            let path = try driver.save(to: save, overwrite: true)
            // Shown to a person watching; a run whose output is captured stays quiet.
            if isatty(driver.status.fd) == 1 {
                driver.inform("Saved \(Format.count(driver.notebooks.notebook.cells.count, "cell")) to \(path).")
            }
        } catch {
            OutputStream.stdout.flush()
            OutputStream.stderr.write("error: \(error)\n")
            throw ExitCode(2)
        }
    }

    /// A y/n answer read from stdin (one line).
    /// A yes or no from the terminal: y, yes, n or no (any case); an empty line or the end of
    /// input is no. Anything else (a command typed before reading the question) asks again,
    /// rather than being taken for a no.
    static func readAnswer() -> Bool {
        while true {
            var line: [UInt8] = []
            var byte: UInt8 = 0
            var ended = true
            while read(0, &byte, 1) == 1 {
                if byte == 0x0A { ended = false; break }
                line.append(byte)
            }
            let answer = String(decoding: line, as: UTF8.self).lowercased().filter { !$0.isWhitespace }
            switch answer {
            case "y", "yes": return true
            case "n", "no", "": return false
            default:
                if ended { return false }
                OutputStream.stdout.write("Please answer y or n: ")
                OutputStream.stdout.flush()
            }
        }
    }
}

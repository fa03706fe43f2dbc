import Workbench

/// Output for programs: `--quiet`, `--json` (JSON Lines) and confirmations kept off stdout in
/// the machine formats.
extension Driver {
    /// Prints what a command returned. A confirmation ("Added enterprise CATL.") is left out with
    /// `--quiet`, and goes with the status lines (stderr in a script) when results are printed as
    /// CSV or TSV, or as JSON and it has no data: stdout then holds only results.
    func show(_ output: CommandOutput) {
        renderer.format = session.format
        renderer.width = TerminalWidth.columns(of: out)
        if output.isConfirmation {
            if options.quiet { return }
            let machineFormat = renderer.format.isDelimited || (renderer.format == .json && output.data == nil)
            if machineFormat {
                inform(Renderer.plain(output))
                return
            }
        }
        renderer.render(output) { out.write($0) }
    }

    /// `--json`: one object on stdout for the command line, after its requests (a `save`) ran
    /// (`execute` has reported any error, also on stderr as without `--json`):
    /// `{"line": N, "command": "…", "ok": true, "result": …}` or `"ok": false` with
    /// `"error": {"code": …, "message": …}`. Blank and comment lines give none.
    func emitJSONLine(_ line: String, lineNumber: Int?, _ outcome: Outcome) {
        var result: JSON = .null
        if case let .success(output, _, _) = outcome { result = Driver.result(of: output) }
        var fields: [(String, JSON)] = [("line", lineNumber.map { .int($0) } ?? .null), ("command", .string(line))]
        if let error = lastError {
            fields += [
                ("ok", .bool(false)), ("error", ["code": .string(error.code), "message": .string(error.message)]),
            ]
        } else {
            fields += [("ok", .bool(true)), ("result", result)]
        }
        machine.write(JSON.object(fields).compact() + "\n")
    }

    /// What a command returned, as data: its typed value, else its text (a command that only
    /// shows something, such as a guide screen), else null (a confirmation without data).
    static func result(of output: CommandOutput) -> JSON {
        if let data = output.data { return data }
        if output.isConfirmation { return .null }
        let text = Renderer.plain(output)
        return text.isEmpty ? .null : .string(text)
    }
}

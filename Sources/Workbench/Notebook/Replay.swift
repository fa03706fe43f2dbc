import ValueCore

/// Re-running a notebook's code cells in a fresh session and comparing what they give with what
/// the notebook holds, by nbval's rules:
/// - adjacent stream outputs are merged; `text/plain`, the typed JSON
///   (`application/vnd.valuebench+json`) and the charts (`image/svg+xml`, which are drawn
///   deterministically) of results are compared, `ename` and `evalue` of errors,
///   name and text of streams; tracebacks, execution counts, metadata and other mime types are not;
/// - tags: `nbval-skip` / `skip-execution` (not run), `nbval-ignore-output` (run, not compared),
///   `raises-exception` (an error is expected; its absence fails);
/// - sanitizers (`[{"regex": …, "replace": …}]`) are applied to both sides before comparing,
///   but only those the caller passes: a notebook is untrusted input, and a regex it supplies
///   (`metadata.valuebench.replay.sanitize`) can backtrack for minutes (`(a|aa)+$`), so they are
///   used only when the user asks (`replay FILE --sanitize-from-notebook`), as nbval takes
///   sanitizers from the user rather than from the notebook. `open` never runs them.
///
/// Only workbench commands run. Session commands found in cells (save, open, replay, quit) are
/// skipped, and so is a command that tries to write a file unless writes are allowed.
public struct Replay {
    public enum Status: Sendable, Equatable {
        case matched
        /// Ran; the outputs were not compared (`nbval-ignore-output`).
        case ignored
        case skipped(String)
        /// The outputs differ: a unified diff.
        case mismatched(String)
        /// An error the cell was not tagged to expect, or the expected error did not come.
        case failed(String)
    }

    public struct CellReport: Sendable, Equatable {
        /// 1-based position among all cells.
        public var position: Int
        public var id: String
        public var status: Status
        public var label: String { "cell \(id) (#\(position))" }
    }

    public struct Sanitizer: @unchecked Sendable {
        public var regex: Regex<AnyRegexOutput>
        public var replace: String
    }

    /// Reports per code cell, in order.
    public var reports: [CellReport] = []
    /// The session after the last cell.
    public var session: Session
    /// The notebook with outputs rewritten (only when `update` was asked).
    public var notebook: Notebook

    public var failures: Int {
        reports.reduce(0) { n, r in
            switch r.status {
            case .mismatched, .failed: return n + 1
            default: return n
            }
        }
    }

    public var summary: String {
        var matched = 0, ignored = 0, skipped = 0
        for r in reports {
            switch r.status {
            case .matched: matched += 1
            case .ignored: ignored += 1
            case .skipped: skipped += 1
            default: break
            }
        }
        var parts = ["\(matched) matched"]
        if ignored > 0 { parts.append("\(ignored) not compared") }
        if skipped > 0 { parts.append("\(skipped) skipped") }
        parts.append("\(failures) failed")
        return "\(Format.count(reports.count, "code cell")): " + parts.joined(separator: ", ")
    }

    /// The sanitizers a notebook declares.
    /// - Throws: `NotebookError` when the list is malformed or a regex does not compile.
    public static func sanitizers(of notebook: Notebook) throws -> [Sanitizer] {
        guard let list = notebook.workbench["replay"]?["sanitize"] else { return [] }
        guard let items = list.arrayValue else {
            throw NotebookError("'metadata.valuebench.replay.sanitize' must be a list")
        }
        return try items.enumerated().map { i, item in
            guard let pattern = item["regex"]?.stringValue, let replace = item["replace"]?.stringValue else {
                throw NotebookError("sanitizer \(i + 1): needs \"regex\" and \"replace\" strings")
            }
            do {
                return Sanitizer(regex: try Regex(pattern), replace: replace)
            } catch {
                throw NotebookError("sanitizer \(i + 1): the regex '\(pattern)' does not compile: \(error)")
            }
        }
    }

    /// Replays `notebook` in a fresh session of `registry` with `files` (the sandbox).
    /// - Parameters:
    ///   - update: rewrite each cell's outputs (and execution count) with the new ones.
    ///   - compare: compare outputs (false when opening a notebook: only the workspace matters).
    /// - Throws: `NotebookError` for a malformed sanitizer list.
    ///   - sanitizers: applied to both sides before comparing (see the type's comment).
    public init(
        _ notebook: Notebook, registry: Registry, files: any FileAccess, update: Bool = false, compare: Bool = true,
        sanitizers: [Sanitizer] = []
    ) throws {
        self.notebook = notebook
        session = Session(registry: registry, files: files)
        var count = 0
        for index in notebook.cells.indices where notebook.cells[index].kind == .code {
            let cell = notebook.cells[index]
            var report = CellReport(position: index + 1, id: cell.id, status: .matched)
            defer { reports.append(report) }
            if cell.isSkipped { report.status = .skipped("tagged to be skipped"); continue }
            count += 1
            let run = Replay.run(cell.source, in: &session, executionCount: count, rich: update)
            if let reason = run.skipped { report.status = .skipped(reason); continue }
            if update {
                var updated = cell
                updated.outputs = run.outputs
                updated.executionCount = count
                if run.raised {
                    updated.addTag("raises-exception")
                } else if updated.hasTag("raises-exception") {
                    let kept = updated.tags.filter { $0 != "raises-exception" }.map { JSON.string($0) }
                    updated.metadata =
                        kept.isEmpty
                        ? updated.metadata.removing("tags") : updated.metadata.setting("tags", .array(kept))
                }
                self.notebook.cells[index] = updated
                continue
            }
            guard compare else { continue }
            let expectsError = cell.hasTag("raises-exception")
            if run.raised && !expectsError {
                let e = run.outputs.first { $0["output_type"]?.stringValue == "error" }
                report.status = .failed("unexpected error: \(e?["evalue"]?.stringValue ?? "")")
                continue
            }
            if expectsError && !run.raised {
                report.status = .failed("an error was expected (tag raises-exception) and none was raised")
                continue
            }
            if cell.hasTag("nbval-ignore-output") { report.status = .ignored; continue }
            // The common case, equal outputs and no sanitizers, is decided without rendering text.
            if sanitizers.isEmpty && Replay.same(cell.outputs, run.outputs) { continue }
            let stored = Replay.comparable(cell.outputs, sanitizers)
            let fresh = Replay.comparable(run.outputs, sanitizers)
            if stored != fresh {
                report.status = .mismatched(
                    Diff.unified(
                        stored, fresh, oldLabel: "\(report.label) stored",
                        newLabel: "\(report.label) replayed"))
            }
        }
    }

    struct CellRun {
        var outputs: [JSON] = []
        var raised = false
        var skipped: String?
    }

    /// Runs the command lines of one cell (usually one; a `\` at a line's end continues it).
    /// - Parameter rich: build the outputs' HTML or Markdown forms too (only `--update` keeps them).
    static func run(_ source: String, in session: inout Session, executionCount: Int, rich: Bool) -> CellRun {
        var result = CellRun()
        var pending = ""
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let last = lines.last, last.isEmpty { lines.removeLast() }
        for raw in lines {
            var line = raw
            if line.hasSuffix("\r") { line.removeLast() }
            if Tokenizer.continues(line) { line.removeLast(); pending += line; continue }
            let logical = pending + line
            pending = ""
            switch session.execute(logical) {
            case .nothing:
                continue
            case let .failure(error):
                if error.code == ReplayFiles.skipCode { result.skipped = error.message; return result }
                result.outputs.append(Cell.errorOutput(error))
                result.raised = true
            case let .success(output, spec, requests):
                for request in requests {
                    switch request {
                    case .save, .open, .replay, .quit:
                        result.skipped = "`\(spec.name)` is a session command; it is not run during replay"
                        return result
                    default: break
                    }
                }
                result.outputs += Cell.outputs(for: output, executionCount: executionCount, rich: rich)
            }
        }
        return result
    }

    /// Whether two lists of outputs agree on every compared field (no sanitizers).
    static func same(_ a: [JSON], _ b: [JSON]) -> Bool {
        let x = merged(a), y = merged(b)
        guard x.count == y.count else { return false }
        for (o, p) in zip(x, y) {
            let t = o["output_type"]?.stringValue ?? "", u = p["output_type"]?.stringValue ?? ""
            switch (t, u) {
            case ("execute_result", "execute_result"), ("execute_result", "display_data"),
                ("display_data", "execute_result"), ("display_data", "display_data"):
                let d = o["data"], e = p["data"]
                guard d?["text/plain"] == e?["text/plain"], d?[Notebook.dataMime] == e?[Notebook.dataMime],
                    d?["image/svg+xml"] == e?["image/svg+xml"]
                else { return false }
            case ("stream", "stream"):
                guard o["name"] == p["name"], o["text"] == p["text"] else { return false }
            case ("error", "error"):
                guard o["ename"] == p["ename"], o["evalue"] == p["evalue"] else { return false }
            default:
                return false
            }
        }
        return true
    }

    /// Adjacent stream outputs of the same name merged into one.
    static func merged(_ outputs: [JSON]) -> [JSON] {
        guard outputs.count > 1 else { return outputs }
        var merged: [JSON] = []
        for o in outputs {
            if o["output_type"]?.stringValue == "stream", let last = merged.last,
                last["output_type"]?.stringValue == "stream", last["name"] == o["name"]
            {
                let text = (last["text"]?.stringValue ?? "") + (o["text"]?.stringValue ?? "")
                merged[merged.count - 1] = last.setting("text", .string(text))
            } else {
                merged.append(o)
            }
        }
        return merged
    }

    /// Outputs as the lines compared (and shown in diffs): adjacent streams merged, only the
    /// compared fields, JSON pretty-printed with sorted keys, sanitizers applied.
    static func comparable(_ outputs: [JSON], _ sanitizers: [Sanitizer]) -> [String] {
        var text = ""
        for o in merged(outputs) {
            switch o["output_type"]?.stringValue ?? "" {
            case "execute_result", "display_data":
                text += "[result]\n"
                if let plain = o["data"]?["text/plain"] {
                    text += "text/plain:\n" + (plain.stringValue ?? plain.compact()) + "\n"
                }
                if let typed = o["data"]?[Notebook.dataMime] {
                    var bytes: [UInt8] = []
                    JupyterWriter.write(typed, into: &bytes, indent: 0)
                    text += Notebook.dataMime + ":\n" + String(decoding: bytes, as: UTF8.self) + "\n"
                }
                if let svg = o["data"]?["image/svg+xml"] {
                    text += "image/svg+xml:\n" + (svg.stringValue ?? svg.compact()) + "\n"
                }
            case "stream":
                text += "[stream \(o["name"]?.stringValue ?? "")]\n" + (o["text"]?.stringValue ?? "") + "\n"
            case "error":
                text += "[error]\n\(o["ename"]?.stringValue ?? ""): \(o["evalue"]?.stringValue ?? "")\n"
            case let other:
                text += "[\(other)]\n"
            }
        }
        for s in sanitizers { text = text.replacing(s.regex, with: s.replace) }
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// Files as a notebook being replayed or opened sees them: relative to the notebook's folder and
/// confined to it; writes refused with a code that makes replay report the cell as skipped,
/// unless allowed.
public struct ReplayFiles: FileAccess {
    public static let skipCode = "WriteSkipped"
    public var base: LocalFileAccess

    public init(folder: String, allowWrites: Bool) {
        base = LocalFileAccess(base: folder, jail: folder, allowWrites: allowWrites)
    }

    public func resolve(_ path: String) throws -> String { try base.resolve(path) }
    public func read(_ path: String) throws -> [UInt8] { try base.read(path) }
    public func open(_ path: String) throws -> any RandomAccessFile { try base.open(path) }
    public func write(_ path: String, _ bytes: [UInt8]) throws {
        guard base.allowWrites else {
            throw CommandError(ReplayFiles.skipCode, "writes '\(path)': not run (replay with --allow-writes to let it)")
        }
        try base.write(path, bytes)
    }
}

#if canImport(Glibc)
    import Glibc
#endif
import Jupyter
import Workbench

/// The requests other than execute: kernel_info, complete, inspect, is_complete, history,
/// comm_info, interrupt, shutdown.
extension Kernel {
    func handle(_ request: Message, on socket: Socket) {
        let c = request.content
        switch request.type {
        case "execute_request" where socket === sockets.shell:
            execute(request)
        case "kernel_info_request":
            reply(request, "kernel_info_reply", Kernel.info, on: socket)
        case "complete_request":
            reply(
                request, "complete_reply", complete(c["code"]?.stringValue ?? "", cursor: c["cursor_pos"]?.intValue),
                on: socket)
        case "inspect_request":
            reply(
                request, "inspect_reply", inspect(c["code"]?.stringValue ?? "", cursor: c["cursor_pos"]?.intValue),
                on: socket)
        case "is_complete_request":
            reply(request, "is_complete_reply", Kernel.isComplete(c["code"]?.stringValue ?? ""), on: socket)
        case "history_request":
            reply(request, "history_reply", historyReply(c), on: socket)
        case "comm_info_request":
            reply(request, "comm_info_reply", ["status": "ok", "comms": .object([])], on: socket)
        case "interrupt_request":
            // A running command sees the flag in `runCancellable`, which stops waiting for it.
            interrupted = true
            reply(request, "interrupt_reply", ["status": "ok"], on: socket)
        case "shutdown_request":
            let content: JSON = ["status": "ok", "restart": .bool(c["restart"]?.boolValue ?? false)]
            reply(request, "shutdown_reply", content, on: socket)
            publish("shutdown_reply", content, parent: request)
            finished = true
        default:
            OutputStream.stderr.write(
                "valuebench kernel: ignored a \(request.type) (not a request this kernel serves)\n")
        }
    }

    static var info: JSON {
        [
            "status": "ok", "protocol_version": "5.3", "implementation": "valuebench",
            "implementation_version": "1.0", "language_info": Notebook.languageInfo,
            "banner":
                "ValueBench: model how an enterprise creates value, and check the model with numbers. Type `help`.",
            "help_links": .array([]), "debugger": false,
        ]
    }

    // MARK: Complete and inspect

    /// The line of `code` the cursor is on, up to the cursor, and where that line starts, both
    /// in Unicode scalars (the protocol's unit for cursor positions).
    static func lineBefore(_ code: String, cursor: Int?) -> (prefix: String, lineStart: Int, cursor: Int) {
        let scalars = Array(code.unicodeScalars)
        let end = min(max(cursor ?? scalars.count, 0), scalars.count)
        var start = end
        while start > 0, scalars[start - 1] != "\n" { start -= 1 }
        var prefix = String.UnicodeScalarView()
        prefix.append(contentsOf: scalars[start..<end])
        return (String(prefix), start, end)
    }

    /// The REPL's completion (the candidates Tab gives) for the word before the cursor.
    func complete(_ code: String, cursor: Int?) -> JSON {
        let (prefix, lineStart, end) = Kernel.lineBefore(code, cursor: cursor)
        let completer = Completer(
            registry: driver.session.registry, workspace: driver.session.workspace, listFolder: Folder.list)
        let (start, values) = completer.matches(prefix)
        let startScalars = lineStart + String(decoding: prefix.utf8.prefix(start), as: UTF8.self).unicodeScalars.count
        return [
            "status": "ok", "matches": .array(values.map { .string($0) }), "cursor_start": .int(startScalars),
            "cursor_end": .int(end), "metadata": .object([]),
        ]
    }

    /// `help COMMAND` for the command on the cursor's line.
    func inspect(_ code: String, cursor: Int?) -> JSON {
        let scalars = Array(code.unicodeScalars)
        let (prefix, _, end) = Kernel.lineBefore(code, cursor: cursor)
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: scalars[end...].prefix { $0 != "\n" })
        let line = prefix + String(rest)
        var tokens = Tokenizer.partial(line).tokens
        // `help enterprise add`: the command asked about.
        if tokens.count > 1, tokens[0].text.lowercased() == "help" { tokens.removeFirst() }
        guard !tokens.isEmpty, let (spec, _) = try? driver.session.registry.match(tokens) else {
            return ["status": "ok", "found": false, "data": .object([]), "metadata": .object([])]
        }
        return [
            "status": "ok", "found": true, "data": ["text/plain": .string(Renderer.plain(Help.command(spec)))],
            "metadata": .object([]),
        ]
    }

    /// Incomplete when the last line ends with a continuing `\` or leaves a quote open; invalid
    /// when an earlier line does; complete otherwise.
    static func isComplete(_ code: String) -> JSON {
        let lines = LogicalLines.split(code)
        for (i, line) in lines.enumerated() {
            let last = i == lines.count - 1
            if line.continues || (try? Tokenizer.tokenize(line.text)) == nil {
                return last ? ["status": "incomplete", "indent": ""] : ["status": "invalid"]
            }
        }
        return ["status": "complete"]
    }

    // MARK: History

    /// tail (the last n), range (session 1 or 0 for this one; start ≤ line < stop) and search
    /// (a glob on the code; `unique` keeps the latest of equal entries; the last n).
    func historyReply(_ c: JSON) -> JSON {
        var entries = history
        switch c["hist_access_type"]?.stringValue {
        case "tail":
            entries = Array(entries.suffix(max(c["n"]?.intValue ?? 10, 0)))
        case "range":
            let session = c["session"]?.intValue ?? 0
            guard session == 0 || session == 1 else { entries = []; break }
            let start = c["start"]?.intValue ?? 0
            let stop = c["stop"]?.intValue
            entries = entries.filter { $0.line >= start && (stop == nil || stop == 0 || $0.line < stop!) }
        case "search":
            let pattern = c["pattern"]?.stringValue ?? "*"
            entries = entries.filter { fnmatch(pattern, $0.code, 0) == 0 }
            if c["unique"]?.boolValue == true {
                var seen = Set<String>()
                entries = entries.reversed().filter { seen.insert($0.code).inserted }.reversed()
            }
            if let n = c["n"]?.intValue, n > 0 { entries = Array(entries.suffix(n)) }
        default:
            entries = []
        }
        let output = c["output"]?.boolValue ?? false
        return [
            "status": "ok",
            "history": .array(
                entries.map { e in
                    [
                        1, .int(e.line),
                        output ? [.string(e.code), e.output.map { .string($0) } ?? .null] : .string(e.code),
                    ]
                }),
        ]
    }
}

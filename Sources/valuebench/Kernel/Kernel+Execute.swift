#if canImport(Glibc)
    import Glibc
#endif
import Jupyter
import Workbench

/// `execute_request`: the cell's commands, one a line, through the driver.
extension Kernel {
    /// The error of a command stopped by `interrupt_request`: like Ctrl-C's, it did not happen.
    static let interruptedError = CommandError(
        CancellableRun.cancelled.code,
        "interrupted: the command was stopped and changed nothing")

    /// `quit` (and `exit`, which Python users type) in a kernel.
    static let leaveRefused = CommandError(
        "Refused",
        """
        a Jupyter kernel is not left with quit or exit; shut the kernel down from the notebook (Kernel › \
        Shut Down Kernel) instead
        """
    )

    /// Whether the line is `exit` alone: not a workbench command, but what leaves other kernels.
    static func isExit(_ line: String) -> Bool {
        guard let tokens = try? Tokenizer.tokenize(line), tokens.count == 1 else { return false }
        return tokens[0].text.lowercased() == "exit"
    }

    func execute(_ request: Message) {
        let c = request.content
        let code = c["code"]?.stringValue ?? ""
        let silent = c["silent"]?.boolValue ?? false
        let storeHistory = !silent && (c["store_history"]?.boolValue ?? true)
        let stopOnError = c["stop_on_error"]?.boolValue ?? true
        if queuedBehindError(request) {
            reply(
                request, "execute_reply", ["status": "aborted", "execution_count": .int(executionCount)],
                on: sockets.shell, metadata: ["status": "aborted"])
            return
        }
        if storeHistory { executionCount += 1 }
        let count = executionCount
        if !silent {
            publish("execute_input", ["code": .string(code), "execution_count": .int(count)], parent: request)
        }

        var failure: CommandError?
        var lastPlain: String?
        cell: for line in LogicalLines.split(code) {
            if Kernel.isExit(line.text) { failure = Kernel.leaveRefused; break }
            guard let outcome = runCancellable(line.text) else { failure = Kernel.interruptedError; break }
            driver.record(line.text, outcome)
            switch outcome {
            case .nothing:
                continue
            case let .failure(error):
                failure = error
                break cell
            case let .success(output, _, requests):
                for o in Cell.outputs(for: output, executionCount: count) {
                    if o["output_type"]?.stringValue == "execute_result" {
                        lastPlain = o["data"]?["text/plain"]?.stringValue
                    }
                    if !silent { send(o, parent: request) }
                }
                for r in requests {
                    if let error = perform(r, silent: silent, parent: request) { failure = error; break cell }
                }
            }
        }
        if storeHistory { history.append((count, code, lastPlain)) }
        guard let failure else {
            reply(
                request, "execute_reply",
                [
                    "status": "ok", "execution_count": .int(count), "payload": .array([]),
                    "user_expressions": .object([]),
                ],
                on: sockets.shell, metadata: ["status": "ok"])
            return
        }
        let error = Cell.errorOutput(failure)
        if !silent { send(error, parent: request) }
        reply(
            request, "execute_reply",
            [
                "status": "error", "execution_count": .int(count), "ename": error["ename"]!,
                "evalue": error["evalue"]!, "traceback": error["traceback"]!,
            ],
            on: sockets.shell, metadata: ["status": "error"])
        // Requests sent before this moment were queued behind the failed cell: their senders
        // had not seen the error. (By the header's date, not by arrival: this kernel fails a cell
        // in well under a millisecond, before a "Run All" has even finished sending.)
        if stopOnError && !silent { abortSentBefore = HeaderMaker.seconds(HeaderMaker.now()) }
    }

    /// Whether `request` was sent before the cell that last failed with `stop_on_error` had
    /// failed: it was queued behind it, and is to be aborted. The first request sent after
    /// the failure ends the aborting.
    func queuedBehindError(_ request: Message) -> Bool {
        guard let before = abortSentBefore else { return false }
        if let sent = request.header["date"]?.stringValue.flatMap(HeaderMaker.seconds), sent < before { return true }
        abortSentBefore = nil
        return false
    }

    /// Publishes one output as the notebook writer stores it: `execute_result`, `stream` or `error`.
    func send(_ output: JSON, parent: Message) {
        guard let type = output["output_type"]?.stringValue, case let .object(pairs) = output else { return }
        publish(type, .object(pairs.filter { $0.0 != "output_type" }), parent: parent)
    }

    /// Carries out what a command asked of the session (save, open, replay, note…) with the
    /// REPL's code; what it reports is sent as stdout. Returns the error it reported, if any.
    func perform(_ request: SessionRequest, silent: Bool, parent: Message) -> CommandError? {
        if case .quit = request { return Kernel.leaveRefused }
        let failures = driver.failures
        captured.text = ""
        driver.perform(request, lineNumber: nil)
        if !captured.text.isEmpty, !silent {
            publish("stream", ["name": "stdout", "text": .string(captured.text)], parent: parent)
        }
        captured.text = ""
        return driver.failures > failures ? driver.lastError : nil
    }

    /// Runs one command line on the worker thread while serving the control channel; nil when
    /// an `interrupt_request` cancelled it (the session is then as it was).
    func runCancellable(_ line: String) -> Outcome? {
        let first = runOnWorker(line)
        // An undo or redo after `open` has the history rebuilt first, as in the REPL.
        guard case let .failure(e)? = first, e.code == Session.historyNotLoaded else { return first }
        driver.restoreHistory()
        return runOnWorker(line)
    }

    func runOnWorker(_ line: String) -> Outcome? {
        if worker == nil { worker = KernelWorker() }
        guard let worker else { return driver.session.execute(line) }
        worker.run(line, on: driver.session)
        interrupted = false
        while true {
            let ready = Poll.readable([.fd(worker.doneFD), .socket(sockets.control)])
            if ready.contains(0) {
                let (session, outcome) = worker.result()
                driver.session = session
                return outcome
            }
            if ready.contains(1) {
                serveOne(on: sockets.control)
                if interrupted || finished {
                    if !worker.stop() {
                        worker.abandon()
                        self.worker = nil
                    }
                    return nil
                }
            }
        }
    }
}

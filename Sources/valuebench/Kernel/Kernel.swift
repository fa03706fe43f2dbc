#if canImport(Glibc)
    import Glibc
#endif
import Jupyter
import Workbench

/// The Jupyter kernel (`valuebench kernel -f CONNECTION_FILE`): one session, run through the same
/// Driver and Session as the REPL and `replay`, reached over the five ZeroMQ channels.
///
/// One thread owns the shell, control, iopub and stdin sockets. A command runs on a worker
/// thread (on a copy of the session, as CancellableRun's) while this thread keeps serving the
/// control channel, so `interrupt_request` cancels it as Ctrl-C does in the REPL: the copy is
/// dropped, the workspace is as before. The heartbeat echoes on a thread of its own.
final class Kernel {
    let sockets: KernelSockets
    let signer: Signer
    let headers = HeaderMaker()
    /// Signatures received so far: a message sent again is dropped.
    let seen = SeenSignatures()
    let driver: Driver
    /// What the driver writes (status lines, replay's report, errors of session commands).
    let captured = Captured()
    /// Counts the cells run with `store_history`.
    var executionCount = 0
    /// This session's cells, for `history_request`: (execution count, code, text/plain of the last result).
    var history: [(line: Int, code: String, output: String?)] = []
    /// After a cell failed with `stop_on_error`: execute requests sent before this time (they
    /// were queued behind it) are answered "aborted".
    var abortSentBefore: Double?
    /// The thread commands run on (a new one after an interrupt).
    var worker: KernelWorker?
    /// Set by an `interrupt_request` that arrives while a command runs.
    var interrupted = false
    var finished = false

    final class Captured { var text = "" }

    init(connection: Connection) throws {
        signer = try Signer(key: connection.key, scheme: connection.signatureScheme)
        sockets = try KernelSockets(connection)
        let session = Session(registry: Registry(plugins: allPlugins), files: LocalFileAccess())
        let captured = self.captured
        let sink = OutputStream(sink: { captured.text += $0 })
        driver = Driver(
            session: session, renderer: Renderer(), options: .init(bail: false, echo: false, numberErrors: false),
            out: sink, err: OutputStream(sink: { _ in }), status: sink)
        driver.notebooks.recording = true
        keptUntilExit = driver
    }

    /// Serves requests until a `shutdown_request`.
    func run() {
        while !finished {
            let ready = Poll.readable([.socket(sockets.control), .socket(sockets.shell)])
            // Control first: it is the channel that must not wait behind shell.
            if ready.contains(0) { serveOne(on: sockets.control) }
            if ready.contains(1), !finished { serveOne(on: sockets.shell) }
        }
    }

    /// Receives and handles one message from `socket`; a message that fails its signature
    /// check, comes again, or does not parse is logged to stderr and dropped.
    func serveOne(on socket: Socket) {
        guard let frames = socket.receive(wait: false) else { return }
        let message: Message
        do {
            message = try Wire.decode(frames, signer: signer, seen: seen)
        } catch {
            OutputStream.stderr.write(
                """
                valuebench kernel: dropped a message on the \
                \(socket === sockets.control ? "control" : "shell") channel: \(error)\n
                """
            )
            return
        }
        publishStatus("busy", parent: message)
        handle(message, on: socket)
        publishStatus("idle", parent: message)
    }

    // MARK: Sending

    /// Sends the reply to `request` on the channel it came from.
    func reply(_ request: Message, _ type: String, _ content: JSON, on socket: Socket, metadata: JSON = .object([])) {
        let m = Message(
            identities: request.identities, header: headers.header(type), parentHeader: request.header,
            metadata: metadata, content: content)
        socket.send(Wire.encode(m, signer: signer))
    }

    /// Publishes a message on iopub, on behalf of `parent`.
    func publish(_ type: String, _ content: JSON, parent: Message) {
        let topic = Array("kernel.\(headers.session).\(type)".utf8)
        let m = Message(
            identities: [topic], header: headers.header(type), parentHeader: parent.header, content: content)
        sockets.iopub.send(Wire.encode(m, signer: signer))
    }

    func publishStatus(_ state: String, parent: Message) {
        publish("status", ["execution_state": .string(state)], parent: parent)
    }
}

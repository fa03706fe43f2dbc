#if canImport(Glibc)
    import Glibc
#endif
import CKernel
import Workbench

/// A connection file, as a kernel's launcher writes it: transport, address, one port per
/// channel, the signing key and its scheme.
public struct Connection: Sendable {
    public var transport: String
    public var ip: String
    public var shellPort: Int, controlPort: Int, iopubPort: Int, stdinPort: Int, heartbeatPort: Int
    public var key: String
    public var signatureScheme: String

    public init(json: JSON) throws {
        func port(_ name: String) throws -> Int {
            guard let p = json[name]?.intValue else { throw SocketError(message: "the connection file has no \(name)") }
            return p
        }
        transport = json["transport"]?.stringValue ?? "tcp"
        ip = json["ip"]?.stringValue ?? "127.0.0.1"
        shellPort = try port("shell_port"); controlPort = try port("control_port"); iopubPort = try port("iopub_port")
        stdinPort = try port("stdin_port"); heartbeatPort = try port("hb_port")
        key = json["key"]?.stringValue ?? ""
        signatureScheme = json["signature_scheme"]?.stringValue ?? "hmac-sha256"
    }

    /// The endpoint of a channel: `tcp://IP:PORT`, or `ipc://IP-PORT` as jupyter_client names ipc files.
    public func endpoint(_ port: Int) -> String {
        transport == "ipc" ? "ipc://\(ip)-\(port)" : "\(transport)://\(ip):\(port)"
    }
}

/// The kernel's five sockets, bound to the connection's endpoints. The heartbeat echoes on a
/// thread of its own; the others belong to the thread that made them.
public final class KernelSockets: @unchecked Sendable {
    public let shell: Socket, control: Socket, iopub: Socket, stdin: Socket
    let heartbeat: Socket
    let context: UnsafeMutableRawPointer

    /// Loads libzmq, binds every channel (control and shell first: what a client asks first),
    /// then loads libcrypto for the signatures.
    public init(_ c: Connection) throws {
        try KernelSockets.load(ckernel_load)
        guard let ctx = ck_zmq_ctx_new() else { throw SocketError("zmq_ctx_new") }
        context = ctx
        shell = try Socket(context: ctx, kind: .router)
        control = try Socket(context: ctx, kind: .router)
        iopub = try Socket(context: ctx, kind: .publish)
        stdin = try Socket(context: ctx, kind: .router)
        heartbeat = try Socket(context: ctx, kind: .router)
        try control.bind(c.endpoint(c.controlPort))
        try shell.bind(c.endpoint(c.shellPort))
        try iopub.bind(c.endpoint(c.iopubPort))
        try stdin.bind(c.endpoint(c.stdinPort))
        try heartbeat.bind(c.endpoint(c.heartbeatPort))
        startHeartbeat()
        try KernelSockets.load(ckernel_load_crypto)
    }

    /// Opens libzmq and libcrypto (tests that sign without sockets); throws what is missing.
    public static func loadLibraries() throws {
        try load(ckernel_load)
        try load(ckernel_load_crypto)
    }

    static func load(_ loader: (UnsafeMutablePointer<CChar>?, Int) -> Int32) throws {
        var message = [CChar](repeating: 0, count: 512)
        guard loader(&message, message.count) == 0 else {
            throw SocketError(
                message: String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
    }

    /// Closes the sockets once what was sent has gone out (up to their one-second linger), so
    /// that a `shutdown_reply` reaches the client before the process exits.
    public func close() {
        for s in [shell, control, iopub, stdin] { s.close() }
        _ = ck_zmq_ctx_term(context)
    }

    /// Echoes every heartbeat back to its sender, for ever (zmq_proxy of the socket to itself).
    private func startHeartbeat() {
        var thread = pthread_t()
        let context = Unmanaged.passRetained(heartbeat).toOpaque()
        pthread_create(
            &thread, nil,
            { raw in
                let socket = Unmanaged<Socket>.fromOpaque(raw!).takeRetainedValue()
                _ = ck_zmq_proxy(socket.raw, socket.raw, nil)  // returns when the context ends
                socket.close()
                return nil
            }, context)
        pthread_detach(thread)
    }
}

#if canImport(Glibc)
    import Glibc
#endif
import CKernel

/// An error from libzmq, with its text.
public struct SocketError: Error, CustomStringConvertible {
    public var description: String
    init(_ what: String) { description = "\(what): \(String(cString: ck_zmq_strerror(ck_zmq_errno())))" }
    init(message: String) { description = message }
}

/// A ZeroMQ socket: multipart messages in and out. Not thread-safe, like the socket itself:
/// each is used by one thread (the kernel's loop, or the heartbeat's).
public final class Socket: @unchecked Sendable {
    public let raw: UnsafeMutableRawPointer

    /// The kinds a kernel binds (ZMQ_ROUTER, ZMQ_PUB).
    public enum Kind: Int32 { case router = 6, publish = 1 }

    init(context: UnsafeMutableRawPointer, kind: Kind) throws {
        guard let s = ck_zmq_socket(context, kind.rawValue) else { throw SocketError("zmq_socket") }
        raw = s
        var linger: Int32 = 1000
        _ = ck_zmq_setsockopt(s, ZMQ_LINGER, &linger, MemoryLayout<Int32>.size)
    }

    public func bind(_ endpoint: String) throws {
        guard ck_zmq_bind(raw, endpoint) == 0 else { throw SocketError("bind \(endpoint)") }
    }

    /// Sends the frames as one multipart message.
    public func send(_ frames: [[UInt8]]) {
        for (i, frame) in frames.enumerated() {
            let flags = i + 1 < frames.count ? ZMQ_SNDMORE : 0
            frame.withUnsafeBytes { b in
                while ck_zmq_send(raw, b.baseAddress, b.count, flags) < 0 && ck_zmq_errno() == EINTR {}
            }
        }
    }

    /// The frames of the next message; nil when none is waiting (`wait: false`) or on an error.
    public func receive(wait: Bool = true) -> [[UInt8]]? {
        var frames: [[UInt8]] = []
        var message = zmq_msg_t()
        while true {
            _ = ck_zmq_msg_init(&message)
            let flags = wait || !frames.isEmpty ? 0 : ZMQ_DONTWAIT
            var n = ck_zmq_msg_recv(&message, raw, flags)
            while n < 0 && ck_zmq_errno() == EINTR { n = ck_zmq_msg_recv(&message, raw, flags) }
            if n < 0 { ck_zmq_msg_close(&message); return nil }
            let data = ck_zmq_msg_data(&message)
            let size = ck_zmq_msg_size(&message)
            frames.append(size == 0 ? [] : Array(UnsafeRawBufferPointer(start: data, count: size)))
            let more = ck_zmq_msg_more(&message) != 0
            ck_zmq_msg_close(&message)
            if !more { return frames }
        }
    }

    public func close() { _ = ck_zmq_close(raw) }
}

/// Waits on sockets and plain file descriptors at once (`zmq_poll`).
public enum Poll {
    public enum Item { case socket(Socket), fd(Int32) }

    /// The indices of the items that are readable; waits up to `timeout` ms (-1: for ever).
    public static func readable(_ items: [Item], timeout: Int = -1) -> [Int] {
        var raw = items.map { item -> zmq_pollitem_t in
            switch item {
            case let .socket(s): return zmq_pollitem_t(socket: s.raw, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)
            case let .fd(fd): return zmq_pollitem_t(socket: nil, fd: fd, events: Int16(ZMQ_POLLIN), revents: 0)
            }
        }
        let n = ck_zmq_poll(&raw, Int32(raw.count), timeout)
        guard n > 0 else { return [] }
        return raw.indices.filter { raw[$0].revents & Int16(ZMQ_POLLIN) != 0 }
    }
}

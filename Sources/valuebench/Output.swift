#if canImport(Glibc)
    import Glibc
#endif

/// Buffered writing to a file descriptor with write(2): no locks, no Foundation.
final class OutputStream: @unchecked Sendable {
    let fd: Int32
    private var buffer: [UInt8] = []
    /// Flush after every write (a terminal), or only when the buffer fills (a pipe or file).
    var autoFlush: Bool
    /// Where text goes instead of a file descriptor (the Jupyter kernel collects it for a message).
    private let sink: ((String) -> Void)?

    init(fd: Int32, autoFlush: Bool) {
        self.fd = fd
        self.autoFlush = autoFlush
        sink = nil
        buffer.reserveCapacity(1 << 16)
    }

    /// A stream that hands every write to `sink` (its `fd` is -1).
    init(sink: @escaping (String) -> Void) {
        fd = -1
        autoFlush = true
        self.sink = sink
    }

    func write(_ s: String) {
        if let sink { sink(s); return }
        buffer.append(contentsOf: s.utf8)
        if autoFlush || buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { raw in
                Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                break  // EPIPE or similar: the reader is gone; drop the rest.
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    static let stdout = OutputStream(fd: 1, autoFlush: isatty(1) == 1)
    static let stderr = OutputStream(fd: 2, autoFlush: true)
}

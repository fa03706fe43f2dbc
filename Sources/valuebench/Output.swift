#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered writing to a file descriptor with write(2): no locks, no Foundation.
final class OutputStream: @unchecked Sendable {
    let fd: Int32
    private var buffer: [UInt8] = []
    /// Flush after every write (a terminal), or only when the buffer fills (a pipe or file).
    var autoFlush: Bool

    init(fd: Int32, autoFlush: Bool) {
        self.fd = fd
        self.autoFlush = autoFlush
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ s: String) {
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

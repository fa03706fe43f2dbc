#if canImport(Glibc)
    import Glibc
#endif
import Workbench

/// One message of the Jupyter messaging protocol, as its parts.
public struct Message: Sendable {
    /// The ROUTER identities of the peer that sent it (where the reply goes).
    public var identities: [[UInt8]]
    public var header: JSON
    public var parentHeader: JSON
    public var metadata: JSON
    public var content: JSON
    public var buffers: [[UInt8]]

    public init(
        identities: [[UInt8]] = [], header: JSON, parentHeader: JSON = .object([]),
        metadata: JSON = .object([]), content: JSON, buffers: [[UInt8]] = []
    ) {
        self.identities = identities; self.header = header; self.parentHeader = parentHeader
        self.metadata = metadata; self.content = content; self.buffers = buffers
    }

    public var type: String { header["msg_type"]?.stringValue ?? "" }
    public var id: String { header["msg_id"]?.stringValue ?? "" }
}

/// The wire format: `[identities…, "<IDS|MSG>", signature, header, parent_header, metadata,
/// content, buffers…]`.
public enum Wire {
    public static let delimiter = Array("<IDS|MSG>".utf8)

    /// Reads a message from its frames, checking the signature first: nothing of a message
    /// with a wrong signature is parsed. With `seen`, a signature received before is refused.
    public static func decode(_ frames: [[UInt8]], signer: Signer, seen: SeenSignatures? = nil) throws -> Message {
        guard let d = frames.firstIndex(of: delimiter) else { throw WireError.noDelimiter }
        let rest = frames.count - d - 1
        guard rest >= 5 else { throw WireError.tooFewFrames(rest) }
        let parts = Array(frames[(d + 2)...(d + 5)])
        guard signer.verify(frames[d + 1], parts) else { throw WireError.badSignature }
        if let seen, signer.isSigning, !seen.insert(frames[d + 1]) { throw WireError.duplicateSignature }
        func json(_ bytes: [UInt8], _ name: String) throws -> JSON {
            do { return try JSON.parse(bytes: bytes) } catch { throw WireError.badJSON("\(name): \(error)") }
        }
        return Message(
            identities: Array(frames[..<d]), header: try json(parts[0], "header"),
            parentHeader: try json(parts[1], "parent_header"), metadata: try json(parts[2], "metadata"),
            content: try json(parts[3], "content"), buffers: Array(frames[(d + 6)...]))
    }

    /// The frames of `message`, signed.
    public static func encode(_ message: Message, signer: Signer) -> [[UInt8]] {
        let parts = [message.header, message.parentHeader, message.metadata, message.content].map { value -> [UInt8] in
            var bytes: [UInt8] = []
            value.writeCompact(into: &bytes)
            return bytes
        }
        return message.identities + [delimiter, signer.sign(parts)] + parts + message.buffers
    }
}

/// Makes the headers of the messages a kernel sends.
public final class HeaderMaker: @unchecked Sendable {
    public let session: String
    private var counter = 0
    private let prefix: String

    public init() {
        var rng = SystemRandomNumberGenerator()
        session = HeaderMaker.hex(rng.next()) + HeaderMaker.hex(rng.next())
        prefix = session + "_" + String(getpid()) + "_"
    }

    /// A header for a new message of `type` (protocol 5.3).
    public func header(_ type: String) -> JSON {
        counter += 1
        return [
            "msg_id": .string(prefix + String(counter)), "session": .string(session), "username": "valuebench",
            "date": .string(HeaderMaker.now()), "msg_type": .string(type), "version": "5.3",
        ]
    }

    static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// The time as ISO 8601 in UTC with microseconds, as jupyter_client writes it.
    public static func now() -> String {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        var t = ts.tv_sec
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let micro = String(ts.tv_nsec / 1000)
        return
            """
            \(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\
            \(two(parts.tm_min)):\(two(parts.tm_sec)).
            """
                + String(repeating: "0", count: 6 - micro.count) + micro + "Z"
    }

    /// Seconds since 1970 of an ISO 8601 time in UTC (`2026-01-02T03:04:05.123456Z`, or with
    /// `+00:00`); nil for anything else.
    public static func seconds(_ iso: String) -> Double? {
        let b = Array(iso.utf8)
        guard b.count >= 19, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A else { return nil }
        func num(_ r: Range<Int>) -> Int32? {
            var v: Int32 = 0
            for i in r { guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }; v = v * 10 + Int32(b[i] - 0x30) }
            return v
        }
        guard let y = num(0..<4), let mo = num(5..<7), let d = num(8..<10), let h = num(11..<13),
            let mi = num(14..<16), let s = num(17..<19)
        else { return nil }
        var fraction = 0.0, scale = 0.1, i = 19
        if i < b.count, b[i] == 0x2E {
            i += 1
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                fraction += Double(b[i] - 0x30) * scale; scale /= 10; i += 1
            }
        }
        let zone = String(decoding: b[i...], as: UTF8.self)
        guard zone == "Z" || zone == "+00:00" || zone.isEmpty else { return nil }
        var parts = tm(); parts.tm_year = y - 1900; parts.tm_mon = mo - 1; parts.tm_mday = d
        parts.tm_hour = h; parts.tm_min = mi; parts.tm_sec = s
        return Double(timegm(&parts)) + fraction
    }
}

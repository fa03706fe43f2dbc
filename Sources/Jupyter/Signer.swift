import CKernel

/// Signs and checks messages with the connection file's key: the hex HMAC-SHA256 of the
/// header, parent header, metadata and content frames, in that order (the wire protocol's
/// `signature_scheme: "hmac-sha256"`). With an empty key, messages are neither signed nor checked,
/// as the protocol allows.
public struct Signer: Sendable {
    let key: [UInt8]

    /// - Throws: `WireError.unsupportedScheme` for a scheme other than hmac-sha256.
    public init(key: String, scheme: String = "hmac-sha256") throws {
        guard scheme == "hmac-sha256" || key.isEmpty else { throw WireError.unsupportedScheme(scheme) }
        self.key = Array(key.utf8)
    }

    public var isSigning: Bool { !key.isEmpty }

    /// The signature of `parts` as lower-case hex (64 characters), or "" without a key.
    public func sign(_ parts: [[UInt8]]) -> [UInt8] {
        guard isSigning else { return [] }
        var digest = [UInt8](repeating: 0, count: 32)
        var data: [UInt8] = []
        data.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { data.append(contentsOf: part) }
        let status = key.withUnsafeBytes { k in
            data.withUnsafeBufferPointer { d in
                ck_hmac_sha256(k.baseAddress, Int32(k.count), d.baseAddress, d.count, &digest)
            }
        }
        guard status == 0 else { return [] }
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in digest { out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)]) }
        return out
    }

    /// Whether `signature` is the signature of `parts`, compared in constant time.
    public func verify(_ signature: [UInt8], _ parts: [[UInt8]]) -> Bool {
        guard isSigning else { return true }
        let expected = sign(parts)
        guard !expected.isEmpty, signature.count == expected.count else { return false }
        return ck_crypto_memcmp(signature, expected, expected.count) == 0
    }
}

/// The signatures of the messages received, so that a message captured and sent again is
/// refused, as jupyter_client's `Session` refuses one ("duplicate signature"). Keeps the last
/// `capacity` signatures.
public final class SeenSignatures: @unchecked Sendable {
    private var seen = Set<[UInt8]>()
    private var order: [[UInt8]] = []
    private var next = 0
    let capacity: Int

    public init(capacity: Int = 1 << 16) { self.capacity = capacity }

    /// Records `signature`; false when it was seen before (an empty one, unsigned, always passes).
    public func insert(_ signature: [UInt8]) -> Bool {
        guard !signature.isEmpty else { return true }
        guard seen.insert(signature).inserted else { return false }
        if order.count < capacity {
            order.append(signature)
        } else {
            seen.remove(order[next])
            order[next] = signature
            next = (next + 1) % capacity
        }
        return true
    }
}

/// Why frames could not be taken as a message.
public enum WireError: Error, Equatable, CustomStringConvertible {
    case noDelimiter
    case tooFewFrames(Int)
    case badSignature
    case duplicateSignature
    case badJSON(String)
    case unsupportedScheme(String)

    public var description: String {
        switch self {
        case .noDelimiter: return "no <IDS|MSG> delimiter"
        case let .tooFewFrames(n): return "\(n) frames after the delimiter (a message has at least 5)"
        case .badSignature: return "bad signature"
        case .duplicateSignature: return "duplicate signature (a message sent again)"
        case let .badJSON(what): return "malformed JSON: \(what)"
        case let .unsupportedScheme(s): return "signature scheme \(s) is not supported (hmac-sha256 is)"
        }
    }
}

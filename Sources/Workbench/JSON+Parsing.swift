/// Why a JSON text could not be read: what was wrong and where.
public struct JSONError: Error, CustomStringConvertible, Equatable {
    public var message: String
    /// Byte offset in the input.
    public var offset: Int
    public var description: String { "\(message) at byte \(offset)" }
}

extension JSON {
    /// Limits that keep a hostile document from exhausting the stack or memory.
    public struct Limits: Sendable {
        public var maxDepth: Int
        public var maxStringBytes: Int
        public init(maxDepth: Int = 512, maxStringBytes: Int = 256 << 20) {
            self.maxDepth = maxDepth; self.maxStringBytes = maxStringBytes
        }
    }

    /// Parses one JSON document (RFC 8259). Duplicate keys keep their last value, as Python does.
    /// - Throws: `JSONError` naming the problem and its byte offset.
    public static func parse(_ text: String, limits: Limits = Limits()) throws -> JSON {
        var text = text
        return try text.withUTF8 { try parse(bytes: $0, limits: limits) }
    }

    public static func parse(bytes: UnsafeBufferPointer<UInt8>, limits: Limits = Limits()) throws -> JSON {
        var p = JSONReader(bytes: bytes, limits: limits)
        p.skipSpace()
        let value = try p.value(depth: 0)
        p.skipSpace()
        if p.i != bytes.count { throw p.error("unexpected text after the JSON value") }
        return value
    }

    public static func parse(bytes: [UInt8], limits: Limits = Limits()) throws -> JSON {
        try bytes.withUnsafeBufferPointer { try parse(bytes: $0, limits: limits) }
    }
}

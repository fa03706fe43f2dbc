/// A JSON value with ordered object keys: what `--json` prints, what a notebook stores as a
/// command's typed result, and what the notebook codec reads and writes.
public enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    /// Whole numbers that fit in an `Int` are kept exact; they print without a fraction.
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSON])
    /// Keys in insertion order. The notebook writer sorts them; `--json` keeps this order.
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.number(x), .number(y)): return x == y || (x.isNaN && y.isNaN)
        case let (.int(x), .number(y)), let (.number(y), .int(x)): return Double(x) == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            guard x.count == y.count else { return false }
            let ys = Dictionary(y, uniquingKeysWith: { a, _ in a })
            return x.allSatisfy { k, v in ys[k] == v }
        default: return false
        }
    }

    /// A number, as `.int` when it is whole and small enough to be exact, else `.number`.
    public static func num(_ value: Double) -> JSON {
        if value.rounded() == value, abs(value) < 9.0e15 { return .int(Int(value)) }
        return .number(value)
    }

    /// A number or `null`.
    public static func num(_ value: Double?) -> JSON { value.map { num($0) } ?? .null }

    public subscript(key: String) -> JSON? {
        if case let .object(pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    public var stringValue: String? { if case let .string(s) = self { return s }; return nil }
    public var doubleValue: Double? {
        switch self {
        case let .int(i): return Double(i)
        case let .number(d): return d
        default: return nil
        }
    }
    public var intValue: Int? {
        switch self {
        case let .int(i): return i
        case let .number(d) where d.rounded() == d && abs(d) < 9.0e15: return Int(d)
        default: return nil
        }
    }
    public var arrayValue: [JSON]? { if case let .array(a) = self { return a }; return nil }
    public var objectValue: [(String, JSON)]? { if case let .object(o) = self { return o }; return nil }
    public var boolValue: Bool? { if case let .bool(b) = self { return b }; return nil }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSON...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSON)...) { self = .object(elements) }
    public init(nilLiteral: ()) { self = .null }
}

// MARK: - Writing

extension JSON {
    /// Compact JSON text, keys in their order: `--json` output.
    public func compact() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        writeCompact(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public func writeCompact(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case let .bool(b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case let .int(i): out.append(contentsOf: String(i).utf8)
        case let .number(d): JSON.writeNumber(d, into: &out)
        case let .string(s): JSON.writeString(s, into: &out)
        case let .array(items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.writeCompact(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case let .object(pairs):
            out.append(UInt8(ascii: "{"))
            for (i, (k, v)) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSON.writeString(k, into: &out)
                out.append(UInt8(ascii: ":"))
                v.writeCompact(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Numbers as Python's `json` writes them (`repr` of a float): shortest round-trip digits,
    /// a fraction always shown, exponent form below 1e-4 and from 1e16. NaN and infinities,
    /// which JSON cannot hold, are written as `null`.
    public static func writeNumber(_ d: Double, into out: inout [UInt8]) {
        // Swift's `description` has the same shortest digits but another layout (it writes
        // 9.1e+15 where Python writes 9100000000000000.0); JupyterWriter lays them out as
        // Python does, checked against Python in NotebookCodecTests.
        JupyterWriter.writePythonFloat(d, into: &out)
    }

    /// A JSON string literal: `"` and `\` escaped, control characters as `\n`, `\t` … or `\u00XX`,
    /// `/` and non-ASCII written as they are (as Python's `ensure_ascii=False`).
    public static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            // Copy runs of bytes that need no escape in one go; most strings are one run.
            var start = 0
            for (i, b) in bytes.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
                if i > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
                start = i + 1
                switch b {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(b)
                case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "f"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)])
                }
            }
            if bytes.count > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
        }
        out.append(UInt8(ascii: "\""))
    }
}

// MARK: - Reading

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

private struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: JSON.Limits
    var i = 0

    init(bytes: UnsafeBufferPointer<UInt8>, limits: JSON.Limits) { self.bytes = bytes; self.limits = limits }

    func error(_ message: String) -> JSONError { JSONError(message: message, offset: i) }

    mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) throws -> JSON {
        guard depth < limits.maxDepth else { throw error("nesting deeper than \(limits.maxDepth) levels") }
        guard i < bytes.count else { throw error("unexpected end of input") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var pairs: [(String, JSON)] = []
            // Duplicate keys are found by a linear scan while the object is small (most are), and
            // through a dictionary built only once it grows: hashing every key of every small
            // object was a sixth of the time to read a large notebook.
            var index: [String: Int] = [:]
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(pairs) }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a string key") }
                let key = try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':'") }
                i += 1
                skipSpace()
                let v = try value(depth: depth + 1)
                if pairs.count < 16 {
                    if let existing = pairs.firstIndex(where: { $0.0 == key }) { pairs[existing].1 = v } else { pairs.append((key, v)) }
                    if pairs.count == 16 { for (n, p) in pairs.enumerated() { index[p.0] = n } }
                } else if let existing = index[key] {
                    pairs[existing].1 = v
                } else {
                    index[key] = pairs.count; pairs.append((key, v))
                }
                skipSpace()
                guard i < bytes.count else { throw error("unexpected end of input in an object") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(pairs) }
                throw error("expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [JSON] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard i < bytes.count else { throw error("unexpected end of input in an array") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                throw error("expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default:
            return try number()
        }
    }

    mutating func literal(_ word: String) throws {
        for b in word.utf8 {
            guard i < bytes.count else { throw error("unexpected end of input") }
            guard bytes[i] == b else { throw error("unexpected character") }
            i += 1
        }
    }

    mutating func number() throws -> JSON {
        let start = i
        var isInteger = true
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        let digitsStart = i
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
        guard i > digitsStart else { throw error("unexpected character") }
        if bytes[digitsStart] == 0x30, i - digitsStart > 1 { throw error("leading zero in a number") }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            let f = i
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            guard i > f else { throw error("expected digits after '.'") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            isInteger = false
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            let e = i
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            guard i > e else { throw error("expected digits in an exponent") }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        if isInteger, let v = Int(text) { return .int(v) }
        guard let d = Double(text) else { throw error("bad number") }
        return .number(d)
    }

    mutating func string() throws -> String {
        i += 1  // opening quote
        let start = i
        // Fast path: no escapes.
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                if i - start > limits.maxStringBytes { throw error("string longer than \(limits.maxStringBytes) bytes") }
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                i += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw error("control character in a string") }
            i += 1
        }
        var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<i]))
        while i < bytes.count {
            let b = bytes[i]
            if out.count > limits.maxStringBytes { throw error("string longer than \(limits.maxStringBytes) bytes") }
            if b == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw error("control character in a string") }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            i += 1
            guard i < bytes.count else { break }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if scalar >= 0xD800, scalar < 0xDC00 {
                    // A high surrogate must be followed by an escaped low surrogate.
                    if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                        i += 2
                        let low = try hex4()
                        if low >= 0xDC00, low < 0xE000 {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else { scalar = 0xFFFD }
                    } else { scalar = 0xFFFD }
                } else if scalar >= 0xDC00, scalar < 0xE000 { scalar = 0xFFFD }
                out.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
            default: throw error("bad escape")
            }
        }
        throw error("unterminated string")
    }

    mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("short \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw error("bad \\u escape")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }
}

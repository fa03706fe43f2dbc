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
            if items.count >= JSON.splitArraysAbove, Tuning.threads > 1 {
                // A long array (a million neighbours) is written as two halves at once.
                let half = items.count / 2
                let (first, second) = inParallel { i in
                    var bytes: [UInt8] = []
                    JSON.writeItems(i == 0 ? items[..<half] : items[half...], into: &bytes)
                    return bytes
                }
                out.append(contentsOf: first)
                out.append(UInt8(ascii: ","))
                out.append(contentsOf: second)
            } else {
                JSON.writeItems(items[...], into: &out)
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

    /// Arrays at least this long are written on two threads.
    static let splitArraysAbove = 1 << 16

    static func writeItems(_ items: ArraySlice<JSON>, into out: inout [UInt8]) {
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            item.writeCompact(into: &out)
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
        var s = s
        s.withUTF8 { writeString(bytes: $0, into: &out) }
    }

    /// UTF-8 bytes as a JSON string literal, escaped as `writeString` says.
    static func writeString(bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Copy runs of bytes that need no escape in one go; most strings are one run.
        var start = 0
        for (i, b) in bytes.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
            if i > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
            start = i + 1
            switch b {
            case 0x22, 0x5C: out.append(0x5C); out.append(b)
            case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
            case 0x08: out.append(0x5C); out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(0x5C); out.append(UInt8(ascii: "f"))
            default:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)])
            }
        }
        if bytes.count > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
        out.append(UInt8(ascii: "\""))
    }
}

/// The CSV rules every scanner here shares (RFC 4180, read leniently): a `"` toggles quoting
/// wherever it appears, a doubled `""` inside quotes is one quote, separators and newlines inside
/// quotes are text, and a record ends at a newline outside quotes (a `\r` before it is dropped).
/// Fields are handed around raw (with their quotes) and unescaped only when their text is needed.
public enum CSV {
    static let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, newline: UInt8 = 0x0A, cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20, tab: UInt8 = 0x09

    /// The text of a raw field: quotes removed, `""` → `"`, a trailing `\r` dropped.
    public static func unescape(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> [UInt8] {
        var e = end
        if e > start, p[e - 1] == cr { e -= 1 }
        var out: [UInt8] = []
        out.reserveCapacity(e - start)
        var inside = false
        var i = start
        while i < e {
            let c = p[i]
            if c == quote {
                if inside, i + 1 < e, p[i + 1] == quote { out.append(quote); i += 2; continue }
                inside.toggle()
            } else {
                out.append(c)
            }
            i += 1
        }
        return out
    }

    public static func unescape(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { b in b.baseAddress.map { unescape($0, 0, b.count) } ?? [] }
    }

    /// Trims spaces, tabs and `\r` from both ends.
    static func trim(_ p: UnsafePointer<UInt8>, _ s: inout Int, _ e: inout Int) {
        while s < e, p[s] == space || p[s] == tab || p[s] == cr { s += 1 }
        while e > s, p[e - 1] == space || p[e - 1] == tab || p[e - 1] == cr { e -= 1 }
    }

    /// Text from bytes, replacing invalid UTF-8, trimmed.
    static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).trimmingSpaces
    }

    /// Records of `bytes` as field texts, with the byte offset just past each record. Stops after
    /// `limit` records; a last record without its newline counts only when `final` (the bytes
    /// are the whole file). Reference implementation: one byte at a time.
    public static func records(
        _ bytes: [UInt8], limit: Int = .max, final: Bool = true,
        separator: UInt8 = 0x2C
    ) -> (rows: [[String]], ends: [Int]) {
        var rows: [[String]] = []
        var ends: [Int] = []
        bytes.withUnsafeBufferPointer { b in
            guard let p = b.baseAddress else { return }
            var fields: [String] = []
            var start = 0
            var inside = false
            var i = 0
            while i < b.count, rows.count < limit {
                let c = p[i]
                if c == quote {
                    inside.toggle()
                } else if !inside, c == separator || c == newline {
                    fields.append(text(unescape(p, start, i)))
                    start = i + 1
                    if c == newline {
                        rows.append(fields); ends.append(i + 1)
                        fields = []
                    }
                }
                i += 1
            }
            if final, rows.count < limit, !inside, start < b.count || !fields.isEmpty {
                fields.append(text(unescape(p, start, b.count)))
                rows.append(fields); ends.append(b.count)
            }
        }
        return (rows, ends)
    }

    /// The offset of the first byte that is not valid UTF-8, or nil.
    static func firstInvalidUTF8(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var i = start
        while i < end {
            let c = p[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var minimum: UInt32 = 0
            var v: UInt32 = 0
            if c & 0xE0 == 0xC0 {
                need = 1; v = UInt32(c & 0x1F); minimum = 0x80
            } else if c & 0xF0 == 0xE0 {
                need = 2; v = UInt32(c & 0x0F); minimum = 0x800
            } else if c & 0xF8 == 0xF0 {
                need = 3; v = UInt32(c & 0x07); minimum = 0x10000
            } else {
                return i
            }
            guard i + need < end else { return i }
            for k in 1...need {
                let d = p[i + k]
                guard d & 0xC0 == 0x80 else { return i }
                v = v << 6 | UInt32(d & 0x3F)
            }
            if v < minimum || v > 0x10FFFF || (0xD800...0xDFFF).contains(v) { return i }
            i += need + 1
        }
        return nil
    }

    /// How many bytes at the end of p[0..<len] begin a UTF-8 sequence that continues past len.
    static func incompleteTail(_ p: UnsafePointer<UInt8>, _ len: Int) -> Int {
        var back = 0
        while back < 3, back < len, p[len - 1 - back] & 0xC0 == 0x80 { back += 1 }
        guard back < len else { return 0 }
        let lead = p[len - 1 - back]
        let size: Int
        if lead & 0xE0 == 0xC0 {
            size = 2
        } else if lead & 0xF0 == 0xE0 {
            size = 3
        } else if lead & 0xF8 == 0xF0 {
            size = 4
        } else {
            return 0
        }
        return back + 1 < size ? back + 1 : 0
    }
}

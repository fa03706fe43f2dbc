/// The parser behind `JSON.parse`: reads one value at a time from UTF-8 bytes, within `limits`.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: JSON.Limits
    var i = 0
    /// Members and items of the objects and lists being read, innermost last (see `value`).
    let pairStack = Scratch<(String, JSON)>()
    let itemStack = Scratch<JSON>()
    /// Keys of up to 32 bytes by their bytes: a notebook repeats a few dozen keys hundreds of
    /// thousands of times, and each was checked as UTF-8 and built as a string again.
    var keys = [KnownKey](repeating: KnownKey(), count: 256)
    /// `Tuning.jsonKeyCache`, read once per document.
    let cacheKeys = Tuning.jsonKeyCache

    struct KnownKey {
        var length = -1
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var string = ""
    }

    init(bytes: UnsafeBufferPointer<UInt8>, limits: JSON.Limits) { self.bytes = bytes; self.limits = limits }

    func error(_ message: String) -> JSONError { JSONError(message: message, offset: i) }

    mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x0A:
                i += 1
                // A third of a notebook is indentation: after a line break, runs of eight spaces
                // at a time (only there: trying at every space cost more than it saved).
                while i + 8 <= bytes.count,
                    UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020
                {
                    i += 8
                }
            case 0x20, 0x0D, 0x09: i += 1
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
            // Members collect on a stack shared by every object being read, and are copied out
            // once into an array of the exact size: growing each object's own array (1, 2, 4, 8…)
            // was a sixth of the instructions to read a large notebook.
            let start = pairStack.count
            defer { pairStack.drop(to: start) }  // after an error; `take` already did it otherwise
            // Duplicate keys are found by a linear scan while the object is small (most are), and
            // through a dictionary built only once it grows: hashing every key of every small
            // object was a sixth of the time to read a large notebook.
            var index: [String: Int] = [:]
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object([]) }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a string key") }
                let key = try self.key()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':'") }
                i += 1
                skipSpace()
                let v = try value(depth: depth + 1)
                let count = pairStack.count - start
                if count < 16 {
                    if let existing = pairStack.index(of: key, from: start) {
                        pairStack[existing].1 = v
                    } else {
                        pairStack.push((key, v))
                    }
                    if pairStack.count - start == 16 { for n in start..<pairStack.count { index[pairStack[n].0] = n } }
                } else if let existing = index[key] {
                    pairStack[existing].1 = v
                } else {
                    index[key] = pairStack.count; pairStack.push((key, v))
                }
                skipSpace()
                guard i < bytes.count else { throw error("unexpected end of input in an object") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(pairStack.take(from: start)) }
                throw error("expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            i += 1
            let start = itemStack.count  // as for objects: one allocation per list
            defer { itemStack.drop(to: start) }
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array([]) }
            while true {
                skipSpace()
                let item = try value(depth: depth + 1)
                itemStack.push(item)
                skipSpace()
                guard i < bytes.count else { throw error("unexpected end of input in an array") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(itemStack.take(from: start)) }
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

    /// Moves `i` to the next quote, backslash or control character (or the end). Eight bytes
    /// at a time (the usual bit tricks: a byte of `x` is zero, or below 0x20, when its high bit
    /// survives; a false alarm can only follow a true one, so the lowest alarm is exact), byte
    /// by byte only in the last seven bytes of the input.
    mutating func skipPlainText() {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        if let base = bytes.baseAddress {
            while i + 8 <= bytes.count {
                // first byte lowest
                let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let quote = w ^ (ones &* 0x22), backslash = w ^ (ones &* 0x5C)
                let found = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((w &- ones &* 0x20) & ~w)
                if found & highs != 0 {
                    i += (found & highs).trailingZeroBitCount >> 3
                    return
                }
                i += 8
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { return }
            i += 1
        }
    }

    /// An object key: as `string()`, reusing the string made for the same bytes before.
    mutating func key() throws -> String {
        let start = i + 1
        guard let base = bytes.baseAddress, start + 32 <= bytes.count else { return try string() }
        i = start
        skipPlainText()
        let length = i - start
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\""), length <= 32 else { i = start - 1; return try string() }
        // The key's bytes in four words, zero past its end (the bytes after it are not part of it).
        func word(_ k: Int) -> UInt64 {
            let w = UInt64(littleEndian: UnsafeRawPointer(base + start + 8 * k).loadUnaligned(as: UInt64.self))
            let kept = length - 8 * k
            return kept >= 8 ? w : kept <= 0 ? 0 : w & ((1 << (8 * UInt64(kept))) - 1)
        }
        let words = (word(0), word(1), word(2), word(3))
        var h = (words.0 ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15
        h = (h ^ words.1) &* 0x9E37_79B9_7F4A_7C15
        h = (h ^ words.2 ^ (words.3 << 1)) &* 0x9E37_79B9_7F4A_7C15
        let slot = Int(truncatingIfNeeded: h >> 56)
        i += 1  // closing quote
        let known = keys[slot]
        if cacheKeys, known.length == length, known.words == words { return known.string }
        let key = String(decoding: UnsafeBufferPointer(start: base + start, count: length), as: UTF8.self)
        keys[slot] = KnownKey(length: length, words: words, string: key)
        return key
    }

    mutating func string() throws -> String {
        i += 1  // opening quote
        let start = i
        skipPlainText()
        // Fast path: no escapes.
        if i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
            if i - start > limits.maxStringBytes { throw error("string longer than \(limits.maxStringBytes) bytes") }
            let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            i += 1
            return s
        }
        // With escapes (every line of multi-line text in a notebook ends in `\n`): the plain
        // runs between them are copied whole.
        var out: [UInt8] = []
        out.reserveCapacity(i - start + 16)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
        while i < bytes.count {
            if out.count > limits.maxStringBytes { throw error("string longer than \(limits.maxStringBytes) bytes") }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw error("control character in a string") }
            // `b` is a backslash: `skipPlainText` stops only at a quote, a backslash or a control character.
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
                        } else {
                            scalar = 0xFFFD
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if scalar >= 0xDC00, scalar < 0xE000 {
                    scalar = 0xFFFD
                }
                out.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
            default: throw error("bad escape")
            }
            let run = i
            skipPlainText()
            if i > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
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

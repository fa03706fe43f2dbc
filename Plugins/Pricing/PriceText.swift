import KPI

/// Reading a price (or an intent) from a survey cell, where it lies in the scanner's buffer.
enum PriceText {
    /// A number, with its value in cents when it is a whole number of cents that fits an Int32.
    enum Value: Equatable { case blank, number(Double, cents: Int32?), other }

    /// A decimal number: optionally quoted, padded with spaces, signed; `12`, `12.5`, `12.50`,
    /// `.5`. Up to 15 digits are read exactly (digits ÷ 10^decimals, correctly rounded: the
    /// double nearest the decimal, as R's `as.numeric` gives); anything longer or with an
    /// exponent goes through the standard library's parser.
    @inline(__always)
    static func parse(_ p: UnsafePointer<UInt8>, _ s0: Int, _ e0: Int) -> Value {
        // The common case, at full speed: digits with at most one point, nothing else.
        var i = s0, mantissa = 0, point = -1
        while i < e0 {
            let d = p[i] &- 48
            if d < 10 {
                mantissa = mantissa &* 10 &+ Int(d)
            } else if p[i] == 0x2E && point < 0 {
                point = i
            } else {
                break
            }
            i &+= 1
        }
        let length = e0 &- s0
        if i == e0, length > 0, length <= 15, !(point >= 0 && length == 1) {
            let decimals = point < 0 ? 0 : e0 &- point &- 1
            if decimals <= 2 {
                let cents = mantissa &* (decimals == 0 ? 100 : decimals == 1 ? 10 : 1)
                if cents < Int(Int32.max) { return .number(Double(mantissa) / power(decimals), cents: Int32(cents)) }
            }
        }
        return parseOther(p, s0, e0)
    }

    /// Quotes, spaces, signs, more decimals, exponents, blanks and text.
    @inline(never)
    static func parseOther(_ p: UnsafePointer<UInt8>, _ s0: Int, _ e0: Int) -> Value {
        var s = s0, e = e0
        while e > s, p[e - 1] == 0x0D { e -= 1 }
        if e > s, p[s] == 0x22 || p[e - 1] == 0x22 {
            let bytes = CSV.unescape(p, s0, e)
            return bytes.withUnsafeBufferPointer { parse($0.baseAddress!, 0, $0.count, unescaped: true) }
        }
        return parseTrimmed(p, &s, &e)
    }

    static func parse(_ p: UnsafePointer<UInt8>, _ s0: Int, _ e0: Int, unescaped: Bool) -> Value {
        var s = s0, e = e0
        return parseTrimmed(p, &s, &e)
    }

    @inline(__always)
    static func power(_ k: Int) -> Double {
        switch k {
        case 0: return 1
        case 1: return 10
        case 2: return 100
        case 3: return 1_000
        case 4: return 10_000
        case 5: return 100_000
        case 6: return 1_000_000
        default:
            var v = 1_000_000.0
            for _ in 6..<k { v *= 10 }
            return v
        }
    }

    @inline(__always)
    static func parseTrimmed(_ p: UnsafePointer<UInt8>, _ s: inout Int, _ e: inout Int) -> Value {
        while s < e, p[s] == 0x20 || p[s] == 0x09 { s += 1 }
        while e > s, p[e - 1] == 0x20 || p[e - 1] == 0x09 || p[e - 1] == 0x0D { e -= 1 }
        if s == e { return .blank }
        var i = s
        var negative = false
        if p[i] == 0x2D || p[i] == 0x2B { negative = p[i] == 0x2D; i += 1 }
        var mantissa = 0, digits = 0, decimals = 0, point = false
        while i < e {
            let c = p[i]
            if c >= 48 && c <= 57 {
                mantissa = mantissa &* 10 &+ Int(c &- 48); digits += 1
                if point { decimals += 1 }
            } else if c == 0x2E && !point {
                point = true
            } else {
                break
            }
            i += 1
        }
        if i == e, digits > 0, digits <= 15 {
            let v = Double(mantissa) / power(decimals)
            var cents: Int32?
            if decimals <= 2 {
                let c = mantissa &* (decimals == 0 ? 100 : decimals == 1 ? 10 : 1)
                if c < Int(Int32.max) { cents = Int32(negative ? -c : c) }
            }
            return .number(negative ? -v : v, cents: cents)
        }
        let text = String(decoding: UnsafeBufferPointer(start: p + s, count: e - s), as: UTF8.self)
        if let v = Double(text), v.isFinite, !text.contains(where: { $0.isLetter && $0 != "e" && $0 != "E" }) {
            let c = (v * 100).rounded()
            return .number(v, cents: abs(c) < 2e9 && c / 100 == v ? Int32(c) : nil)
        }
        return .other
    }

    /// The cell's text, unescaped and trimmed (for group keys and error messages).
    static func text(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> String {
        var t = Substring(String(decoding: CSV.unescape(p, s, e), as: UTF8.self))
        while let f = t.first, f == " " || f == "\t" || f == "\r" { t.removeFirst() }
        while let l = t.last, l == " " || l == "\t" || l == "\r" { t.removeLast() }
        return String(t)
    }
}

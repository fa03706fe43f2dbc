/// Number and text formatting shared by every command, so figures look the same everywhere.
public enum Format {
    /// `value` with `decimals` digits after the point, rounded half away from zero
    /// (`1.25` → `1.3`, `-1.25` → `-1.3`), without a trailing `-0`.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "-∞") }
        guard value.magnitude < 1e15 else { return (value < 0 ? "-" : "") + value.magnitude.description }
        // Fewer decimals where all of them would not fit the Int64 arithmetic below (|value| ≥ 9e12
        // with 6 decimals): the digits past 15 significant ones say nothing anyway.
        var decimals = min(max(0, decimals), 18)
        while decimals > 0, value.magnitude * pow10(decimals) >= 9e18 { decimals -= 1 }
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        // Round on the shortest decimal representation Swift prints, so that 0.15 (stored as
        // 0.1499999…) rounds to 0.2 as a person expects.
        let text = value.magnitude.description
        var units: Int64
        if !text.contains("e"), let dot = text.firstIndex(of: ".") {
            let frac = Array(text[text.index(after: dot)...])
            units = (Int64(text[..<dot]) ?? 0) * scale
            var place = scale / 10
            for k in 0..<min(decimals, frac.count) {
                units += Int64(frac[k].wholeNumberValue ?? 0) * place
                place /= 10
            }
            if frac.count > decimals, let next = frac[decimals].wholeNumberValue, next >= 5 { units += 1 }
        } else {
            units = Int64((value.magnitude * Double(scale)).rounded(.toNearestOrAwayFromZero))
        }
        var digits = String(units / scale)
        if decimals > 0 {
            var f = String(units % scale)
            while f.count < decimals { f = "0" + f }
            digits += "." + f
        }
        return value < 0 && units != 0 ? "-" + digits : digits
    }

    private static func pow10(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<n { p *= 10 }
        return p
    }

    /// A number as short as it can be said: `3`, `2.5`, `0.177`; at most `maxDecimals` decimals.
    public static func number(_ value: Double, maxDecimals: Int = 6) -> String {
        guard value.isFinite else { return fixed(value, 0) }
        if value.rounded() == value, value.magnitude < 1e15 { return String(Int64(value)) }
        if value.magnitude >= 1e15 { return fixed(value, 0) }  // "1e+20": no trailing zeros to strip
        var s = fixed(value, maxDecimals)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// A count and its noun, agreeing in number: `1 answer`, `0 answers`, `2 activities`.
    /// - Parameter plural: the plural when `Format.plural(noun)` is not it.
    public static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(n) \(n == 1 ? noun : plural ?? Format.plural(noun))"
    }

    /// The regular English plural: `activity` → `activities`, `process` → `processes`,
    /// `day` → `days`, else + s.
    public static func plural(_ word: String) -> String {
        if word.hasSuffix("y"), let before = word.dropLast().last, !"aeiou".contains(before) {
            return String(word.dropLast()) + "ies"
        }
        if word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("ch") || word.hasSuffix("sh") {
            return word + "es"
        }
        return word + "s"
    }

    /// A percentage with one decimal: `42.0%`.
    public static func percent(_ value: Double, decimals: Int = 1) -> String { fixed(value, decimals) + "%" }

    /// Columns a string takes on a terminal: East Asian wide characters take two, combining
    /// marks none.
    public static func displayWidth(_ s: String) -> Int {
        var w = 0
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x300 { w += v >= 0x20 ? 1 : 0; continue }
            if (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) || (0xFE00...0xFE0F).contains(v) {
                continue
            }
            if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
            {
                w += 2
            } else {
                w += 1
            }
        }
        return w
    }

    /// `s` padded with spaces to `width` columns.
    public static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let gap = width - displayWidth(s)
        guard gap > 0 else { return s }
        let spaces = String(repeating: " ", count: gap)
        return right ? spaces + s : s + spaces
    }
}

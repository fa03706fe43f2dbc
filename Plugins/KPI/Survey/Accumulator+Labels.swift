import ValueCore
import Workbench

/// Answers written as labels: "10 - Extremely likely", "Not at all likely 0", or words that a
/// map (`--map`, an SPSS file's value labels) turns into numbers.
public enum AnswerLabels {
    /// The number a label starts or ends with: "10 - Extremely likely" → 10, "Not at all likely 0"
    /// → 0, "Extremely likely (10)" → 10. Nil when there is none, when it is glued to a word or a
    /// decimal ("1st", "2.5 stars"), or when the start and the end give different numbers ("1 to 5").
    public static func number(in label: String) -> Int? {
        let chars = Array(label.trimmingSpaces.unicodeScalars)
        guard !chars.isEmpty else { return nil }
        func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
        func value(_ digits: ArraySlice<Unicode.Scalar>) -> Int? {
            digits.count <= 6 ? Int(String(String.UnicodeScalarView(digits))) : nil
        }
        var leading: Int?
        var i = 0
        while i < chars.count, isDigit(chars[i]) { i += 1 }
        if i > 0, i < chars.count {
            let next = chars[i]
            let decimal = (next == "." || next == ",") && i + 1 < chars.count && isDigit(chars[i + 1])
            if " \t-–—:)]=.,".unicodeScalars.contains(next), !decimal { leading = value(chars[..<i]) }
        }
        var trailing: Int?
        var end = chars.count
        if chars[end - 1] == ")" || chars[end - 1] == "]" { end -= 1 }
        var j = end
        while j > 0, isDigit(chars[j - 1]) { j -= 1 }
        if j < end, j > 0 {
            let before = chars[j - 1]
            let decimal = (before == "." || before == ",") && j >= 2 && isDigit(chars[j - 2])
            if " \t-–—:([=".unicodeScalars.contains(before), !decimal { trailing = value(chars[j..<end]) }
        }
        switch (leading, trailing) {
        case let (a?, b?): return a == b ? a : nil
        case let (a?, nil): return a
        case let (nil, b?): return b
        case (nil, nil): return nil
        }
    }

    /// Parses `LABEL=N,LABEL=N,…`: a label with a comma is written in double quotes
    /// (`"Some good, some not so good"=3`, a `""` inside is one quote); the last `=` of an item
    /// separates label and number. Labels are matched ignoring case and surrounding spaces.
    /// - Returns: folded label → value.
    /// - Throws: `BadValue` naming the item that is not `LABEL=N`.
    public static func parseMap(_ text: String, option: String = "--map") throws -> [String: Int] {
        var items: [String] = []
        var current = ""
        var inside = false
        for c in text {
            if c == "\"" {
                inside.toggle(); current.append(c)
            } else if c == ",", !inside {
                items.append(current); current = ""
            } else {
                current.append(c)
            }
        }
        items.append(current)
        var map: [String: Int] = [:]
        for raw in items where !raw.trimmingSpaces.isEmpty {
            guard let eq = raw.lastIndex(of: "="), let n = Int(String(raw[raw.index(after: eq)...]).trimmingSpaces)
            else {
                throw CommandError.badValue(
                    """
                    \(option): '\(raw.trimmingSpaces)' is not LABEL=NUMBER (e.g. \(option) \
                    \"Yum!=5,Good=4\"; a label with a comma goes in double quotes: \"Some good, some not so \
                    good\"=3)
                    """
                )
            }
            var label = String(raw[..<eq]).trimmingSpaces
            if label.count >= 2, label.hasPrefix("\""), label.hasSuffix("\"") {
                label = String(label.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
            }
            guard !label.isEmpty else {
                throw CommandError.badValue("\(option): '\(raw.trimmingSpaces)' has no label before '='")
            }
            let key = Name.foldTrim(label)
            if let old = map[key], old != n {
                throw CommandError.badValue("\(option): '\(label)' is mapped twice (\(old) and \(n))")
            }
            map[key] = n
        }
        guard !map.isEmpty else {
            throw CommandError.badValue("\(option): no LABEL=NUMBER given (e.g. \(option) \"Yum!=5,Good=4\")")
        }
        return map
    }

    /// A label as the user should type it in `--map`: in double quotes when it holds a comma, `=` or quote.
    static func mapItem(_ label: String) -> String {
        label.contains(where: { $0 == "," || $0 == "\"" || $0 == "=" })
            ? "\"" + label.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : label
    }

    /// `'N/A' 20, 'Don't know' 18, …`: values by count (then text), at most `limit` of them.
    public static func listing(_ counts: [String: Int], limit: Int = 6) -> String {
        let sorted = sortedByCount(counts)
        var text = sorted.prefix(limit).map { "'\($0.0)' \($0.1)" }.joined(separator: ", ")
        if sorted.count > limit { text += ", … (\(sorted.count - limit) more)" }
        return text
    }

    static func sortedByCount(_ counts: [String: Int]) -> [(String, Int)] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

extension Accumulator {
    /// A metric's field that is not a number in its range: a label read through the slot's map
    /// or the number it starts or ends with, else invalid (kept by text for the error or the
    /// --lenient report). Results are cached by raw bytes, so a repeated label costs one lookup.
    func labelField(_ slot: Int, _ col: Int, _ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) {
        let raw = Array(UnsafeBufferPointer(start: p + s, count: e - s))
        let value: Int
        if let cached = labelCache[slot][raw] {
            value = cached
        } else {
            let text = CSV.text(CSV.unescape(p, s, e))
            var v = labelMaps[slot][Name.foldTrim(text)] ?? -2
            if v == -2, case .other = Accumulator.parseAnswer(p, s, e), let n = AnswerLabels.number(in: text) { v = n }
            if v != -2, v < lo[slot] || v > hi[slot] { v = -2 }
            if labelCache[slot].count < 4096 { labelCache[slot][raw] = v }
            value = v
        }
        rowValues[slot] = value
        if value == -2 {
            let text = CSV.text(CSV.unescape(p, s, e))
            rowBad[slot] = text
            if firstBad == nil { firstBad = BadAnswer(row: rows, column: col, text: text) }
        }
    }

    /// Counts this row's invalid answer of slot `k` by its text, in the row's group.
    @inline(never)
    func countBad(_ k: Int) {
        guard let text = rowBad[k] else { return }
        rowBad[k] = nil
        badCounts[max(0, rowGroup) * slots + k, default: [:]][text, default: 0] += 1
    }

    /// `kpi columns`: notes what a non-blank cell of counted column `col` is.
    func noteCell(_ col: Int, _ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) {
        if case let .value(v) = Accumulator.parseAnswer(p, s, e) {
            columnKinds[col].number(v)
        } else {
            columnKinds[col].label(CSV.text(CSV.unescape(p, s, e)))
        }
    }

    /// The invalid answers of slot `k` over all groups.
    func invalidValues(slot k: Int) -> [String: Int] {
        var all: [String: Int] = [:]
        for g in groupKeys.indices { if let c = badCounts[g * slots + k] { all.merge(c, uniquingKeysWith: +) } }
        return all
    }
}

/// What a column's answers are, for `kpi columns`: whole numbers (with their range) and labels
/// (distinct, with counts, up to `ColumnKind.maxLabels`; more distinct texts make it free text).
public struct ColumnKind: Sendable, Equatable {
    public static let maxLabels = 30
    public var numbers = 0
    public var low = Int.max, high = Int.min
    public var labels: [String: Int] = [:]
    /// Non-numeric cells beyond the first `maxLabels` distinct texts.
    public var more = 0

    public var labelCount: Int { labels.values.reduce(0, +) + more }
    /// Free text: more distinct texts than a choice question has.
    public var isText: Bool { more > 0 }

    mutating func number(_ v: Int) {
        numbers += 1
        low = Swift.min(low, v); high = Swift.max(high, v)
    }

    mutating func label(_ text: String) {
        if labels[text] != nil || labels.count < ColumnKind.maxLabels {
            labels[text, default: 0] += 1
        } else {
            more += 1
        }
    }

    mutating func absorb(_ other: ColumnKind) {
        numbers += other.numbers
        low = Swift.min(low, other.low); high = Swift.max(high, other.high)
        for (text, n) in AnswerLabels.sortedByCount(other.labels) {
            if labels[text] != nil || labels.count < ColumnKind.maxLabels {
                labels[text, default: 0] += n
            } else {
                more += n
            }
        }
        more += other.more
    }
}

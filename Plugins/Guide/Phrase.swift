import Workbench
import KPI

/// A sentence of the guide that may hold names the user typed and command lines: kept in parts so
/// that the terminal shows it as is and the Markdown report escapes every name.
///
///     let p: Phrase = "No offering relieves \(name: need.name) yet: \(code: "relief add …")"
public struct Phrase: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public enum Part: Sendable, Equatable {
        /// The guide's own words.
        case text(String)
        /// A name typed by the user (escaped in Markdown).
        case name(String)
        /// A command line (a code span in Markdown).
        case code(String)
    }

    public var parts: [Part]
    /// How many names a list shows before it counts the rest.
    public static let listLimit = 8

    public init(parts: [Part]) { self.parts = parts }
    public init(stringLiteral value: String) { parts = [.text(value)] }
    public init(stringInterpolation: Interpolation) { parts = stringInterpolation.parts }

    public struct Interpolation: StringInterpolationProtocol {
        var parts: [Part] = []
        public init(literalCapacity: Int, interpolationCount: Int) {}
        public mutating func appendLiteral(_ literal: String) { if !literal.isEmpty { parts.append(.text(literal)) } }
        /// A name typed by the user.
        public mutating func appendInterpolation(name: String) { parts.append(.name(name)) }
        /// Several names, joined with commas; past `Phrase.listLimit` of them, a count of the rest
        /// (a market may hold thousands of competitors).
        public mutating func appendInterpolation(names: [String]) {
            for (i, n) in names.prefix(Phrase.listLimit).enumerated() {
                if i > 0 { parts.append(.text(", ")) }
                parts.append(.name(n))
            }
            if names.count > Phrase.listLimit { parts.append(.text(" and \(names.count - Phrase.listLimit) more")) }
        }
        /// A loop of model nodes: `a → b → c → a`.
        public mutating func appendInterpolation(loop: [String]) {
            for (i, n) in (loop + loop.prefix(1)).enumerated() {
                if i > 0 { parts.append(.text(" → ")) }
                parts.append(.name(n))
            }
        }
        /// A command line.
        public mutating func appendInterpolation(code: String) { parts.append(.code(code)) }
        /// Another phrase, keeping its parts (so its names stay escaped).
        public mutating func appendInterpolation(_ phrase: Phrase) { parts += phrase.parts }
        /// Numbers and other values of the guide's own.
        public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            parts.append(.text(value.description))
        }
        public mutating func appendInterpolation(_ value: Double) {
            parts.append(.text(Format.number(value, maxDecimals: 2)))
        }
        /// A KPI's figure in the one voice of its kind (`KPICatalog.figure`).
        public mutating func appendInterpolation(_ value: Double, kpi: String) {
            parts.append(.text(KPICatalog.figure(value, kpi: kpi)))
        }
    }

    /// The phrase for a terminal: names in quotes, commands in backticks.
    public var description: String {
        var s = ""
        for part in parts {
            switch part {
            case let .text(t): s += t
            case let .name(n): s += "‘" + n + "’"
            case let .code(c): s += "`" + c + "`"
            }
        }
        return s
    }

    /// The phrase as Markdown: names escaped, commands as code spans.
    public var markdown: String {
        var s = ""
        for part in parts {
            switch part {
            case let .text(t): s += t
            case let .name(n): s += "“" + Markup.markdown(n) + "”"
            case let .code(c): s += Phrase.codeSpan(c)
            }
        }
        return s
    }

    /// The phrase as Markdown with names escaped but not quoted.
    public var plainMarkdown: String {
        var s = ""
        for part in parts {
            switch part {
            case let .text(t): s += t
            case let .name(n): s += Markup.markdown(n)
            case let .code(c): s += Phrase.codeSpan(c)
            }
        }
        return s
    }

    /// A Markdown code span holding `text` literally: the fence is one backtick longer than the
    /// longest run inside, and a space pads a span that starts or ends with a backtick. Code spans
    /// show `<`, `&` and `*` as written, so a command line needs no other escaping.
    public static func codeSpan(_ text: String) -> String {
        let flat = text.replacingNewlines()
        var longest = 0, run = 0
        for ch in flat {
            if ch == "`" { run += 1; longest = max(longest, run) } else { run = 0 }
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
        return fence + pad + flat + pad + fence
    }
}

extension String {
    func replacingNewlines() -> String {
        var s = ""
        for ch in self { s.append(ch == "\n" || ch == "\r" || ch == "\r\n" ? " " : ch) }
        return s
    }
}

import ValueCore

/// A parsed value, already checked against its `ValueKind`.
public enum ArgumentValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case number(Double)
    case flag

    public var text: String {
        switch self {
        case let .text(s): return s
        case let .integer(i): return String(i)
        case let .number(d): return Format.number(d)
        case .flag: return "true"
        }
    }
}

/// The arguments and options of one command line, by name.
///
/// Stored as one flat list (a variadic argument or repeating option appears once per value):
/// cheaper than dictionaries for the handful of entries a line has.
public struct ParsedArguments: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var name: String
        var isOption: Bool
        var value: ArgumentValue
    }
    var entries: [Entry] = []

    public init() {}

    mutating func add(_ name: String, option: Bool, _ value: ArgumentValue) {
        entries.append(Entry(name: name, isOption: option, value: value))
    }

    /// The values of positional argument `name`, else of option `name`.
    public func values(_ name: String) -> [ArgumentValue] {
        var positional: [ArgumentValue] = []
        var options: [ArgumentValue] = []
        for e in entries where e.name == name {
            if e.isOption { options.append(e.value) } else { positional.append(e.value) }
        }
        return positional.isEmpty ? options : positional
    }

    /// The first value of positional argument `name`, else of option `name`.
    public func first(_ name: String) -> ArgumentValue? {
        var option: ArgumentValue?
        for e in entries where e.name == name {
            if !e.isOption { return e.value }
            if option == nil { option = e.value }
        }
        return option
    }

    /// Whether option `name` was given (once or more).
    public func hasOption(_ name: String) -> Bool { entries.contains { $0.isOption && $0.name == name } }
    /// Whether positional argument `name` was given.
    public func hasPositional(_ name: String) -> Bool { entries.contains { !$0.isOption && $0.name == name } }

    /// The value of argument or option `name` as text.
    public func string(_ name: String) -> String? { first(name)?.text }
    /// The value of a required argument `name` as text. The parser refuses a command without
    /// it, so this throws only if the command's spec and its run disagree.
    public func required(_ name: String) throws -> String {
        guard let text = string(name) else { throw CommandError("MissingArgument", "\(name) is required") }
        return text
    }
    /// All the values of a variadic argument or repeating option, as text.
    public func strings(_ name: String) -> [String] { values(name).map(\.text) }
    public func int(_ name: String) -> Int? {
        switch first(name) {
        case let .integer(i)?: return i
        case let .number(d)?: return Int(exactly: d.rounded(.towardZero))
        case let .text(s)?: return Int(s)
        default: return nil
        }
    }
    public func ints(_ name: String) -> [Int] {
        values(name).compactMap {
            if case let .integer(i) = $0 { return i }
            return nil
        }
    }
    public func double(_ name: String) -> Double? {
        switch first(name) {
        case let .integer(i)?: return Double(i)
        case let .number(d)?: return d
        case let .text(s)?: return Double(s)
        default: return nil
        }
    }
    public func doubles(_ name: String) -> [Double] {
        values(name).compactMap {
            switch $0 {
            case let .integer(i): return Double(i)
            case let .number(d): return d
            default: return nil
            }
        }
    }
    /// Whether flag `name` was given.
    public func flag(_ name: String) -> Bool { hasOption(name) }
    /// Whether argument or option `name` was given.
    public func has(_ name: String) -> Bool { entries.contains { $0.name == name } }
}

/// A command line, parsed: which command, with what.
public struct ParsedCommand: Sendable {
    public var spec: CommandSpec
    public var arguments: ParsedArguments
}

/// Why a command line could not be parsed. The text says what was wrong and what is accepted.
public struct ParseError: Error, CustomStringConvertible, Equatable, Sendable {
    public var code: String
    public var message: String
    public init(_ code: String, _ message: String) { self.code = code; self.message = message }
    public var description: String { message }
}

/// Binds the words of a command line to a command's declared arguments and options.
public enum Parser {
    /// Parses `tokens` (the command words already matched: `wordCount` of them).
    public static func bind(_ spec: CommandSpec, tokens: [Token], from start: Int) throws -> ParsedArguments {
        var result = ParsedArguments()
        result.entries.reserveCapacity(4)
        var positionals: [Token] = []
        positionals.reserveCapacity(tokens.count - start)
        let options = spec.allOptions
        var i = start
        var onlyPositionals = false
        while i < tokens.count {
            let t = tokens[i]
            i += 1
            let utf8 = t.text.utf8
            let dashes =
                utf8.count >= 2 && utf8.first == UInt8(ascii: "-")
                && utf8[utf8.index(after: utf8.startIndex)] == UInt8(ascii: "-")
            if !onlyPositionals, !t.quoted, dashes, utf8.count == 2 { onlyPositionals = true; continue }
            guard !onlyPositionals, !t.quoted, dashes, utf8.count > 2 else {
                positionals.append(t)
                continue
            }
            var name = String(t.text.dropFirst(2))
            var inline: String?
            if let eq = name.utf8.firstIndex(of: UInt8(ascii: "=")) {
                inline = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard
                let option = options.first(where: { $0.name == name })
                    ?? options.first(where: { $0.name.lowercased() == name.lowercased() })
            else {
                var m = "\(spec.name): unknown option --\(name)"
                if let s = Suggest.closest(to: name, in: options.map(\.name)) {
                    m += "; did you mean --\(s)?"
                } else {
                    m += " (accepted: \(options.map { "--" + $0.name }.joined(separator: ", ")))"
                }
                throw ParseError("UnknownOption", m)
            }
            guard let kind = option.kind else {
                if inline != nil {
                    throw ParseError("BadValue", "\(spec.name): --\(option.name) is a flag and takes no value")
                }
                if !result.hasOption(option.name) { result.add(option.name, option: true, .flag) }
                continue
            }
            let raw: String
            if let inline {
                raw = inline
            } else {
                guard i < tokens.count else {
                    throw ParseError(
                        "MissingValue", "\(spec.name): --\(option.name) needs a value (\(kind.placeholder))")
                }
                raw = tokens[i].text
                i += 1
            }
            let value = try check(raw, kind, what: "--\(option.name)", command: spec.name)
            if !option.repeating, result.hasOption(option.name) {
                throw ParseError("BadValue", "\(spec.name): --\(option.name) is given twice (it takes one value)")
            }
            result.add(option.name, option: true, value)
        }
        if result.hasOption("help") { return result }

        var p = 0
        for (index, arg) in spec.arguments.enumerated() {
            if arg.variadic {
                // Leave enough words for the required arguments after this one.
                let after = spec.arguments[(index + 1)...].filter { !$0.optional }.count
                let take = max(0, positionals.count - p - after)
                if take == 0, !arg.optional {
                    throw ParseError(
                        "MissingArgument",
                        "\(spec.name): missing \(arg.name.uppercased()) (\(arg.help)); usage: \(spec.usage)")
                }
                for k in 0..<take {
                    result.add(
                        arg.name, option: false,
                        try check(positionals[p + k].text, arg.kind, what: arg.name.uppercased(), command: spec.name))
                }
                p += take
                continue
            }
            guard p < positionals.count else {
                if arg.optional { continue }
                throw ParseError(
                    "MissingArgument",
                    "\(spec.name): missing \(arg.name.uppercased()) (\(arg.help)); usage: \(spec.usage)")
            }
            result.add(
                arg.name, option: false,
                try check(positionals[p].text, arg.kind, what: arg.name.uppercased(), command: spec.name))
            p += 1
        }
        if p < positionals.count {
            let extra = positionals[p].text
            let hint = extra.contains(" ") ? "" : " (quote names that contain spaces: \"\(extra) …\")"
            throw ParseError(
                "ExtraArgument", "\(spec.name): unexpected argument '\(extra)'\(hint); usage: \(spec.usage)")
        }
        return result
    }

    /// The commands whose text may hold line breaks (Markdown).
    static let multiLine: Set<String> = ["note"]

    /// Checks one raw value against its kind.
    static func check(_ raw: String, _ kind: ValueKind, what: @autoclosure () -> String, command: String) throws
        -> ArgumentValue
    {
        switch kind {
        case .text, .name, .file:
            // Every text a command receives: an ESC or a bidirectional override kept in a name,
            // an industry or a period would later drive the terminal of whoever prints it.
            // A note is Markdown and may span lines; nothing else may.
            if let c = Name.controlCharacter(in: raw), !(c == "\n" && multiLine.contains(command)) {
                throw ParseError("BadValue", "\(command): \(what()) holds \(Name.describe(c)); text must be printable")
            }
            return .text(raw)
        default: break
        }
        let what = what()
        switch kind {
        case .text, .name, .file:
            return .text(raw)
        case let .integer(range):
            guard let v = Int(raw) else {
                throw ParseError(
                    "BadValue",
                    """
                    \(command): \(what) must be a whole number from \(range.lowerBound) to \
                    \(range.upperBound), not '\(raw)'
                    """
                )
            }
            guard range.contains(v) else {
                throw ParseError(
                    "OutOfRange", "\(command): \(what) is \(v), outside \(range.lowerBound)…\(range.upperBound)")
            }
            return .integer(v)
        case let .number(range):
            guard let v = Double(raw), v.isFinite else {
                throw ParseError(
                    "BadValue",
                    """
                    \(command): \(what) must be a number from \(Format.number(range.lowerBound)) to \
                    \(Format.number(range.upperBound)), not '\(raw)'
                    """
                )
            }
            guard range.contains(v) else {
                throw ParseError(
                    "OutOfRange",
                    """
                    \(command): \(what) is \(Format.number(v)), outside \
                    \(Format.number(range.lowerBound))…\(Format.number(range.upperBound))
                    """
                )
            }
            return .number(v)
        case .percent:
            let marked = raw.hasSuffix("%")
            let digits = marked ? String(raw.dropLast()).trimmingSpaces : raw
            guard let v = Double(digits), v.isFinite else {
                throw ParseError(
                    "BadValue", "\(command): \(what) must be a percentage from 0 to 100 (30 or 30%), not '\(raw)'")
            }
            guard (0...100).contains(v) else {
                throw ParseError("OutOfRange", "\(command): \(what) is \(Format.number(v))%, outside 0…100%")
            }
            if !marked, v > 0, v < 1 {
                throw ParseError(
                    "BadValue",
                    """
                    \(command): \(what) is a percentage, and \(Format.number(v)) would be \
                    \(Format.number(v))%; did you mean \(Format.number(v * 100))%? (write \
                    \(Format.number(v))% if you mean it)
                    """
                )
            }
            return .number(v)
        case let .choice(words):
            if let w = words.first(where: { $0 == raw }) ?? words.first(where: { $0.lowercased() == raw.lowercased() })
            {
                return .text(w)
            }
            var m = "\(command): \(what) must be one of \(words.joined(separator: ", ")), not '\(raw)'"
            if let s = Suggest.closest(to: raw, in: words) { m += "; did you mean '\(s)'?" }
            throw ParseError("BadValue", m)
        }
    }
}

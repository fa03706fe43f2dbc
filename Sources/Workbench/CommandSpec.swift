import ValueCore

/// Where the names an argument accepts come from: drives validation messages and tab completion.
public enum NameSource: String, Sendable, CaseIterable {
    case enterprise, resource, segment, need, offering, factor, initiative, kpi, model
    /// A node of a value model of the enterprise in hand.
    case node
    /// A command word (for `help COMMAND`).
    case command
    /// A path on disk.
    case file
}

/// The type of an argument's or option's value. The parser checks it before a command runs, so
/// a command never sees a value outside its range.
public enum ValueKind: Sendable, Equatable {
    /// Free text.
    case text
    /// A name, completed from the workspace. The parser does not check that it exists: the
    /// command does, because "must exist" and "must be new" both use names.
    case name(NameSource)
    /// A whole number in the range.
    case integer(ClosedRange<Int>)
    /// A decimal number in the range.
    case number(ClosedRange<Double>)
    /// A percentage from 0 to 100, written `30` or `30%`. A bare number strictly between 0 and 1
    /// is refused ("did you mean 30%?"): 0.3 was read as 0.3 %, a 300-period lifetime; half a
    /// percent is written `0.5%`.
    case percent
    /// One of these words (matched case-insensitively; the canonical spelling is passed on).
    case choice([String])
    /// A file path.
    case file

    /// How usage lines show a value: the range or the choices, or (for a long list of choices)
    /// the option's name, whose help then lists them.
    func placeholder(for name: String) -> String {
        if case let .choice(words) = self, words.count > 4 { return name.uppercased() }
        return placeholder
    }

    var placeholder: String {
        switch self {
        case .text: return "TEXT"
        case let .name(source): return source.rawValue.uppercased()
        case let .integer(r): return "\(r.lowerBound)…\(r.upperBound)"
        case let .number(r): return "\(Format.number(r.lowerBound))…\(Format.number(r.upperBound))"
        case .percent: return "0…100%"
        case let .choice(words): return words.joined(separator: "|")
        case .file: return "FILE"
        }
    }
}

/// A positional argument of a command.
public struct ArgumentSpec: Sendable {
    public var name: String
    public var help: String
    public var kind: ValueKind
    public var optional: Bool
    /// Takes every remaining positional word (at least one unless `optional`).
    public var variadic: Bool

    public init(_ name: String, _ kind: ValueKind = .text, help: String, optional: Bool = false, variadic: Bool = false)
    {
        self.name = name; self.kind = kind; self.help = help; self.optional = optional; self.variadic = variadic
    }
}

/// A `--name VALUE` option or a `--name` flag.
public struct OptionSpec: Sendable {
    public var name: String
    public var help: String
    /// nil: a flag, which takes no value.
    public var kind: ValueKind?
    /// May be given several times; the values are collected in order.
    public var repeating: Bool

    public init(_ name: String, _ kind: ValueKind?, help: String, repeating: Bool = false) {
        self.name = name; self.kind = kind; self.help = help; self.repeating = repeating
    }

    public static func flag(_ name: String, help: String) -> OptionSpec { OptionSpec(name, nil, help: help) }
}

/// What a command does with the session, beyond changing the workspace.
public enum CommandRole: Sendable {
    /// Reads or changes the workspace; recorded in the history and in notebooks.
    case model
    /// Manages the session itself (save, open, quit, …): not recorded in notebooks.
    case session
}

/// A command, declared as data. The same declaration drives parsing, `help`, error messages and
/// tab completion; the `run` closure does the work. A class, so that passing a command around
/// on every line costs one reference count, not one per field.
public final class CommandSpec: Sendable {
    /// The command words, e.g. `["enterprise", "add"]`.
    public let words: [String]
    /// One line: what the command does.
    public let abstract: String
    /// More lines for `help COMMAND`: definitions, formulas, caveats.
    public let discussion: String
    public let arguments: [ArgumentSpec]
    public let options: [OptionSpec]
    /// Complete command lines that work on the example workspace; `help` shows them and a
    /// shared test runs them.
    public let examples: [String]
    public let role: CommandRole
    /// Whether the command returns data, and so accepts `--json`.
    public let returnsData: Bool
    /// The options the parser accepts: the declared ones plus `--json` (when the command returns
    /// data) and `--help`. Computed once: the parser reads it on every line.
    public let allOptions: [OptionSpec]
    public let run: @Sendable (inout CommandContext) throws -> CommandOutput

    public init(
        _ words: String, abstract: String, discussion: String = "", arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = [], examples: [String] = [], role: CommandRole = .model,
        returnsData: Bool = true, run: @escaping @Sendable (inout CommandContext) throws -> CommandOutput
    ) {
        self.words = words.split(separator: " ").map(String.init)
        self.name = self.words.joined(separator: " ")
        self.abstract = abstract; self.discussion = discussion; self.arguments = arguments
        self.options = options; self.examples = examples; self.role = role; self.returnsData = returnsData
        self.run = run
        var all = options
        if returnsData, !all.contains(where: { $0.name == "json" }) {
            all.append(.flag("json", help: "print the result as one JSON document"))
        }
        all.append(.flag("help", help: "show this help"))
        allOptions = all
    }

    /// The command words joined, e.g. `enterprise add`.
    public let name: String

    /// The usage line, e.g. `enterprise add NAME [--industry TEXT]`.
    public var usage: String {
        var parts = [name]
        for a in arguments {
            var p = a.name.uppercased()
            if a.variadic { p += "…" }
            parts.append(a.optional ? "[\(p)]" : p)
        }
        for o in options {
            let p = o.kind.map { "--\(o.name) \($0.placeholder(for: o.name))" } ?? "--\(o.name)"
            parts.append("[\(p)]")
        }
        if returnsData, !options.contains(where: { $0.name == "json" }) { parts.append("[--json]") }
        return parts.joined(separator: " ")
    }
}

/// `help` text, generated from the command declarations.
public enum Help {
    /// The list of every command, grouped by plugin.
    public static func overview(_ registry: Registry) -> CommandOutput {
        var out = "ValueBench: model how an enterprise creates value, and check the model with numbers.\n"
        var data: [JSON] = []
        for plugin in registry.plugins {
            out += "\n\(plugin.name): \(plugin.abstract)\n"
            let width = plugin.commands.map { $0.name.count }.max() ?? 0
            for spec in plugin.commands {
                out += "  " + Format.pad(spec.name, width) + "  " + spec.abstract + "\n"
                data.append(["command": .string(spec.name), "plugin": .string(plugin.name), "abstract": .string(spec.abstract)])
            }
        }
        out += "\nType `help COMMAND` (or `COMMAND --help`) for its arguments and an example."
        return CommandOutput(blocks: [.text(out)], data: .array(data))
    }

    /// The help of one command: usage, abstract, discussion, arguments, options, examples.
    public static func command(_ spec: CommandSpec) -> CommandOutput {
        var out = "usage: \(spec.usage)\n\n\(spec.abstract)\n"
        if !spec.discussion.isEmpty { out += "\n\(spec.discussion)\n" }
        if !spec.arguments.isEmpty {
            out += "\nArguments:\n"
            let w = spec.arguments.map { $0.name.count }.max() ?? 0
            for a in spec.arguments {
                out += "  " + Format.pad(a.name.uppercased(), w) + "  " + a.help + kindNote(a.kind) + "\n"
            }
        }
        let options = spec.allOptions
        out += "\nOptions:\n"
        let labels = options.map { o in o.kind.map { "--\(o.name) \($0.placeholder(for: o.name))" } ?? "--\(o.name)" }
        let w = labels.map(\.count).max() ?? 0
        for (o, label) in zip(options, labels) {
            var line = o.help + (o.repeating ? " (repeatable)" : "")
            if let kind = o.kind, kind.placeholder(for: o.name) != kind.placeholder { line += kindNote(kind) }
            out += "  " + Format.pad(label, w) + "  " + line + "\n"
        }
        if !spec.examples.isEmpty {
            out += "\nExample\(spec.examples.count > 1 ? "s" : ""):\n"
            for e in spec.examples { out += "  " + e + "\n" }
        }
        out.removeLast()
        let data: JSON = [
            "command": .string(spec.name), "usage": .string(spec.usage), "abstract": .string(spec.abstract),
            "examples": .array(spec.examples.map { .string($0) }),
        ]
        return CommandOutput(blocks: [.text(out)], data: data)
    }

    private static func kindNote(_ kind: ValueKind) -> String {
        switch kind {
        case let .integer(r): return " (\(r.lowerBound)–\(r.upperBound))"
        case let .number(r): return " (\(Format.number(r.lowerBound))–\(Format.number(r.upperBound)))"
        case let .choice(words): return " (\(words.joined(separator: ", ")))"
        default: return ""
        }
    }
}

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
                data.append([
                    "command": .string(spec.name), "plugin": .string(plugin.name), "abstract": .string(spec.abstract),
                ])
            }
        }
        out += "\nType `help COMMAND` (or `COMMAND --help`) for its arguments and an example."
        return CommandOutput(blocks: [.text(out)], data: .array(data))
    }

    /// The help of one command: usage, abstract, discussion, arguments, options, examples.
    public static func command(_ spec: CommandSpec) -> CommandOutput {
        var out = wrappedUsage(spec) + "\n\n\(spec.abstract)\n"
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

    /// The usage line, wrapped at 80 columns with the continuation indented under the command.
    static func wrappedUsage(_ spec: CommandSpec) -> String {
        let head = "usage: \(spec.name)"
        let indent = String(repeating: " ", count: head.count + 1)
        var lines = [head]
        // Split after the command words, keeping bracketed groups whole.
        var parts: [String] = []
        var current = ""
        var depth = 0
        for ch in spec.usage.dropFirst(spec.name.count) {
            if ch == "[" { depth += 1 }
            if ch == "]" { depth -= 1 }
            if ch == " " && depth == 0 {
                if !current.isEmpty { parts.append(current) }
                current = ""
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { parts.append(current) }
        for part in parts {
            if Format.displayWidth(lines[lines.count - 1]) + 1 + Format.displayWidth(part) > 80,
                lines[lines.count - 1] != head
            {
                lines.append(indent + part)
            } else {
                lines[lines.count - 1] += " " + part
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func kindNote(_ kind: ValueKind) -> String {
        switch kind {
        case let .integer(r): return " (\(r.lowerBound)–\(r.upperBound))"
        case let .number(r): return " (\(Format.number(r.lowerBound))–\(Format.number(r.upperBound)))"
        case .percent: return " (percent, 0–100: 30 or 30%)"
        case let .choice(words): return " (\(words.joined(separator: ", ")))"
        default: return ""
        }
    }
}

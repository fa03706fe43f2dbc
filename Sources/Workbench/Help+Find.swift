import ValueCore

/// `help GROUP` and `help WORD`: finding a command without knowing its exact words.
extension Help {
    /// The commands whose words begin with `words` (`help kpi`: every `kpi …` command), or none.
    public static func group(_ words: [String], in registry: Registry) -> [CommandSpec] {
        let folded = words.map(Name.fold)
        return registry.commands.filter { spec in
            spec.words.count > folded.count && zip(spec.words, folded).allSatisfy { Name.fold($0) == $1 }
        }
    }

    /// The commands whose name or abstract holds every one of `words` (ignoring case), in the
    /// order `help` lists them: names first, then abstracts.
    public static func search(_ words: [String], in registry: Registry) -> [CommandSpec] {
        let folded = words.map { $0.lowercased() }.filter { !$0.isEmpty }
        guard !folded.isEmpty else { return [] }
        func holds(_ text: String) -> Bool {
            let t = text.lowercased()
            return folded.allSatisfy { t.contains($0) }
        }
        let byName = registry.commands.filter { holds($0.name) }
        let byAbstract = registry.commands.filter { !holds($0.name) && holds($0.name + " " + $0.abstract) }
        return byName + byAbstract
    }

    /// A list of commands with their one-line abstracts, under `title`.
    public static func list(_ title: String, _ specs: [CommandSpec], footer: String) -> CommandOutput {
        let width = specs.map { Format.displayWidth($0.name) }.max() ?? 0
        var out = title + "\n"
        for spec in specs { out += "  " + Format.pad(spec.name, width) + "  " + spec.abstract + "\n" }
        out += "\n" + footer
        let data: [JSON] = specs.map { ["command": .string($0.name), "abstract": .string($0.abstract)] }
        return CommandOutput(blocks: [.text(out)], data: .array(data))
    }

    /// `help WORDS…`: a command's help, a group's list, or the commands a search finds.
    /// - Throws: `UnknownCommand` when nothing matches, with the closest command word.
    public static func find(_ words: [String], in registry: Registry) throws -> CommandOutput {
        if let spec = registry.command(words.joined(separator: " ")) { return command(spec) }
        let typed = words.joined(separator: " ")
        let members = group(words, in: registry)
        if !members.isEmpty {
            let plugin = registry.plugins.first { $0.commands.contains { $0 === members[0] } && words.count == 1 }
            let title = plugin.map { "\(typed): \($0.abstract)" } ?? "\(typed):"
            return list(
                title, members,
                footer:
                    "Type `help \(members[0].name)` (or `\(members[0].name) --help`) for its arguments and an example.")
        }
        // `help enterprise add NAME`: the longest command the words begin with.
        if let (spec, _) = try? registry.match(words.map { Token($0) }), words.count > spec.words.count,
            spec.words.count > 1 || Name.fold(words[0]) == Name.fold(spec.words[0])
        {
            return command(spec)
        }
        let found = search(words, in: registry)
        if !found.isEmpty {
            return list(
                "Commands about '\(typed)':", found, footer: "Type `help COMMAND` for its arguments and an example.")
        }
        var message = "no command or help topic '\(typed)'"
        let firstWords = Array(Set(registry.commands.flatMap(\.words).map { $0.lowercased() })).sorted()
        if let s = Suggest.closest(to: words.last!.lowercased(), in: firstWords) { message += "; did you mean '\(s)'?" }
        throw CommandError("UnknownCommand", message + " (type `help` for the list of commands)")
    }
}

import Testing
import Workbench

/// Every help text describes only what its command takes: an `--option` named in a command's
/// abstract, discussion or argument and option help is one the command declares, unless it is
/// quoted as part of another command (`` `kpi survey --ces` ``).
@Suite struct HelpOptionsTests {
    /// The `--words` of `text` that belong to the command itself: those outside backquotes, and
    /// those in a backquoted span that does not begin with another command's words.
    static func ownOptions(in text: String, of spec: CommandSpec, registry: Registry) -> [String] {
        var found: [String] = []
        for (k, piece) in text.split(separator: "`", omittingEmptySubsequences: false).enumerated() {
            // `kpi nps|enps|csat … --record PERIOD`: another command's words first.
            if k % 2 == 1, let first = piece.split(separator: " ").first,
                registry.commands.contains(where: { $0.words[0] == first }), !piece.hasPrefix(spec.name)
            {
                continue
            }
            for match in piece.matches(of: /--([a-z][a-z0-9-]*)/) { found.append(String(match.1)) }
        }
        return found
    }

    @Test func everyOptionAHelpTextNamesIsDeclared() {
        let registry = Registry(plugins: allPlugins)
        for spec in registry.commands {
            let declared = Set(spec.allOptions.map(\.name))
            let texts = [spec.abstract, spec.discussion] + spec.arguments.map(\.help) + spec.options.map(\.help)
            for text in texts {
                for name in Self.ownOptions(in: text, of: spec, registry: registry) where !declared.contains(name) {
                    Issue.record(
                        "`\(spec.name)`: its help names --\(name), which it does not take: \(text.prefix(160))")
                }
            }
        }
    }
}

import ValueCore

/// The words that may follow in the command tree, lower-case. A short list compared word by
/// word: a command line looks up two or three words, and a hash per word cost more than the
/// comparisons (most words are small strings, compared as two machine words).
struct Words: Sendable {
    private var words: [String] = []
    private var nodes: [Registry.Node] = []

    subscript(word: String) -> Registry.Node? {
        get {
            for i in words.indices where words[i] == word { return nodes[i] }
            return nil
        }
    }

    subscript(word: String, default value: Registry.Node) -> Registry.Node {
        get { self[word] ?? value }
        _modify {
            let i: Int
            if let found = words.firstIndex(of: word) {
                i = found
            } else {
                words.append(word); nodes.append(value); i = words.count - 1
            }
            yield &nodes[i]
        }
    }

    var keys: [String] { words }
}

/// All commands, from the built-in ones and every plugin, found by their words.
public final class Registry: Sendable {
    /// A node of the word tree: the command ending here (if any) and the words that may follow.
    struct Node: Sendable {
        var command: Int?
        var children = Words()
    }

    public let plugins: [any WorkbenchPlugin]
    public let commands: [CommandSpec]
    let root: Node

    /// - Precondition: no two commands have the same words.
    public init(plugins: [any WorkbenchPlugin]) {
        self.plugins = plugins
        let commands = plugins.flatMap(\.commands)
        var root = Node()
        for (index, spec) in commands.enumerated() {
            Registry.insert(spec.words.map { $0.lowercased() }[...], index, into: &root, name: spec.name)
        }
        self.commands = commands
        self.root = root
    }

    private static func insert(_ words: ArraySlice<String>, _ index: Int, into node: inout Node, name: String) {
        guard let first = words.first else {
            precondition(node.command == nil, "two commands are declared as '\(name)'")
            node.command = index
            return
        }
        insert(words.dropFirst(), index, into: &node.children[first, default: Node()], name: name)
    }

    /// The command whose words begin `tokens`, longest match first, and how many words it used.
    /// - Throws: `ParseError` with a suggestion when no command matches.
    public func match(_ tokens: [Token]) throws -> (spec: CommandSpec, wordCount: Int) {
        var node = root
        var best: (Int, Int)?
        var depth = 0
        while depth < tokens.count, !tokens[depth].quoted, let next = node.children[Name.fold(tokens[depth].text)] {
            node = next
            depth += 1
            if let c = node.command { best = (c, depth) }
        }
        if let (c, count) = best { return (commands[c], count) }
        // Nothing matched: say what was expected at the first word that did not fit.
        let typed = tokens.prefix(depth + 1).map(\.text).joined(separator: " ")
        let options = node.children.keys.sorted()
        let known = tokens.prefix(depth).map(\.text).joined(separator: " ")
        if depth < tokens.count {
            var m = depth == 0 ? "unknown command '\(tokens[0].text)'" : "unknown command '\(typed)'"
            let candidates = depth == 0 ? options : options
            if let s = Suggest.closest(to: tokens[depth].text.lowercased(), in: candidates) {
                m += "; did you mean '\(known.isEmpty ? s : known + " " + s)'?"
            } else if depth > 0 {
                m += " (\(known) takes: \(options.joined(separator: ", ")))"
            } else {
                m += " (type `help` for the list of commands)"
            }
            throw ParseError("UnknownCommand", m)
        }
        throw ParseError("IncompleteCommand", "'\(known)' needs one more word: \(options.joined(separator: ", "))")
    }

    /// Parses a whole line: matches the command and binds its arguments.
    public func parse(_ tokens: [Token]) throws -> ParsedCommand {
        let (spec, count) = try match(tokens)
        do {
            return ParsedCommand(spec: spec, arguments: try Parser.bind(spec, tokens: tokens, from: count))
        } catch let error as ParseError {
            // `probe rn x` where `probe` is a command and `probe run` another: the typo is more
            // likely in the command word than in an argument.
            if count < tokens.count, !tokens[count].quoted,
                let s = Suggest.closest(to: Name.fold(tokens[count].text), in: nextWords(after: spec.words))
            {
                let typed = (spec.words + [tokens[count].text]).joined(separator: " ")
                throw ParseError("UnknownCommand", "unknown command '\(typed)'; did you mean '\(spec.name) \(s)'?")
            }
            throw error
        }
    }

    /// The command declared with exactly these words.
    public func command(_ words: String) -> CommandSpec? {
        var node = root
        for w in words.split(separator: " ") {
            guard let next = node.children[w.lowercased()] else { return nil }
            node = next
        }
        return node.command.map { commands[$0] }
    }

    /// The words that may follow `words` (for completion and `help`).
    public func nextWords(after words: [String]) -> [String] {
        var node = root
        for w in words {
            guard let next = node.children[w.lowercased()] else { return [] }
            node = next
        }
        return node.children.keys.sorted()
    }
}

/// "Did you mean …": the closest candidate by edit distance, if it is close enough.
public enum Suggest {
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let w = Array(word.lowercased())
        guard !w.isEmpty else { return nil }
        var best: (String, Int)?
        for c in candidates {
            let lc = c.lowercased()
            if lc.hasPrefix(word.lowercased()) && w.count >= 2 { return c }
            let d = distance(w, Array(lc))
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (c, d) = best else { return nil }
        return d <= max(1, min(3, w.count / 3)) ? c : nil
    }

    /// Levenshtein distance with transpositions (optimal string alignment).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { cur[j] = min(cur[j], prev2[j - 2] + 1) }
            }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[b.count]
    }
}

import ValueCore

/// What Tab does to a partly typed command line: the word under the cursor, what replaces it,
/// and the candidates to list when there is more than one.
public struct Completion: Sendable, Equatable {
    /// Byte offset in the line where the word being completed begins (the cursor when the
    /// word is empty).
    public var start: Int
    /// The word as typed (from `start` to the cursor, quotes included).
    public var typed: String
    /// What replaces `typed`: the single candidate (quoted when needed, and followed by a space
    /// when the word is complete), or the candidates' longest common prefix.
    public var replacement: String
    /// Every candidate, as listed to the user (a file's name without its folder).
    public var candidates: [String]

    public init(start: Int, typed: String, replacement: String, candidates: [String]) {
        self.start = start; self.typed = typed; self.replacement = replacement; self.candidates = candidates
    }

    /// Whether Tab changes the line; when it does not and there are several candidates, they are
    /// listed.
    public var changesLine: Bool { replacement != typed }
}

/// One entry of a folder, for completing file paths.
public struct FolderEntry: Sendable, Equatable {
    public var name: String
    public var isFolder: Bool
    public init(_ name: String, isFolder: Bool) { self.name = name; self.isFolder = isFolder }
}

/// Context-aware tab completion, driven by the command declarations: command words and
/// sub-commands, the matched command's options, choice values, names from the workspace where
/// an argument or option expects `ValueKind.name(_)`, and file paths for `.file`.
///
/// Pure: the workspace and registry are values it reads, and file names come from `listFolder`,
/// so the executable supplies the disk and tests a table.
public struct Completer: Sendable {
    public let registry: Registry
    public let workspace: Workspace
    /// The entries of a folder as typed by the user (`""` is the working directory, otherwise
    /// the text up to and including the last `/`).
    public let listFolder: @Sendable (String) -> [FolderEntry]
    /// The column names of a survey export (headers, then question ids), read from its header
    /// rows only; offered after the options that name a column once the file is typed.
    public let surveyColumns: @Sendable (String) -> [String]

    /// The options whose value is a column of the command's survey export.
    public static let columnOptions: Set<String> = [
        "nps", "csat", "ces", "column", "by", "too-cheap", "cheap", "expensive",
        "too-expensive", "pi-cheap", "pi-expensive",
    ]

    public init(
        registry: Registry, workspace: Workspace,
        listFolder: @escaping @Sendable (String) -> [FolderEntry] = { _ in [] },
        surveyColumns: @escaping @Sendable (String) -> [String] = { _ in [] }
    ) {
        self.registry = registry; self.workspace = workspace; self.listFolder = listFolder
        self.surveyColumns = surveyColumns
    }

    /// A candidate: the text inserted, what is listed, and whether a space follows it.
    struct Candidate: Equatable {
        var value: String
        var display: String
        var complete = true
    }

    /// Completes the word that ends at the end of `prefix` (the line up to the cursor).
    public func complete(_ prefix: String) -> Completion {
        let (start, typed, word, candidates) = wordAndCandidates(prefix)
        return Completer.build(start: start, typed: typed, word: word, candidates: candidates)
    }

    /// The same candidates as `complete`, each as the whole text that replaces the word from
    /// `start` (a byte offset) to the end of `prefix`: quoted when needed, with its folder.
    /// For front ends that list every match themselves (the Jupyter kernel's `complete_reply`).
    public func matches(_ prefix: String) -> (start: Int, values: [String]) {
        let (start, _, _, candidates) = wordAndCandidates(prefix)
        return (start, candidates.map { $0.complete ? Completer.quoteValue($0.value) : Completer.quoteOpen($0.value) })
    }

    private func wordAndCandidates(_ prefix: String) -> (
        start: Int, typed: String, word: String, candidates: [Candidate]
    ) {
        let (tokens, endsInWord) = Tokenizer.partial(prefix)
        let length = prefix.utf8.count
        // Not in a word and not after a blank: the cursor is inside a comment.
        if !endsInWord, let last = prefix.utf8.last, !(last == 0x20 || last == 0x09) {
            return (length, "", "", [])
        }
        let current = endsInWord ? tokens.last : nil
        let start = current?.offset ?? length
        let typedRaw = String(decoding: Array(prefix.utf8)[start...], as: UTF8.self)
        let word = current?.text ?? ""
        let before = endsInWord ? Array(tokens.dropLast()) : tokens
        let candidates = self.candidates(before: before, word: word, wordQuoted: current?.quoted ?? false)
        return (start, typedRaw, word, Completer.matching(candidates, word))
    }

    // MARK: What may come here

    func candidates(before: [Token], word: String, wordQuoted: Bool) -> [Candidate] {
        // Walk the command words as the registry does: the longest run of known words.
        var node = registry.root
        var depth = 0
        var matched: (command: Int, words: Int)?
        while depth < before.count, !before[depth].quoted, let next = node.children[before[depth].text.lowercased()] {
            node = next
            depth += 1
            if let c = node.command { matched = (c, depth) }
        }
        if depth == before.count {
            // Still among the command words: the words that may follow, and when the words so
            // far already make a command, what that command takes first.
            var out = wordQuoted ? [] : node.children.keys.sorted().map { Candidate(value: $0, display: $0) }
            if let c = node.command {
                out += arguments(of: registry.commands[c], after: [], word: word, wordQuoted: wordQuoted)
            }
            return out
        }
        guard let (c, count) = matched else { return [] }
        return arguments(of: registry.commands[c], after: Array(before[count...]), word: word, wordQuoted: wordQuoted)
    }

    /// What may follow `after` (the words typed after the command words) for `spec`, as the
    /// parser would bind them.
    func arguments(of spec: CommandSpec, after: [Token], word: String, wordQuoted: Bool) -> [Candidate] {
        let options = spec.allOptions
        var pending: OptionSpec?
        var onlyPositionals = false
        var positionals: [Token] = []
        var given = Set<String>()
        var scope = Scope()
        for t in after {
            if let o = pending {
                scope.note(o.kind, t.text)
                pending = nil
                continue
            }
            if !onlyPositionals, !t.quoted, t.text == "--" { onlyPositionals = true; continue }
            if !onlyPositionals, !t.quoted, t.text.hasPrefix("--"), t.text.utf8.count > 2 {
                var name = String(t.text.dropFirst(2))
                var inline: String?
                if let eq = name.firstIndex(of: "=") {
                    inline = String(name[name.index(after: eq)...])
                    name = String(name[..<eq])
                }
                if let o = Completer.option(named: name, in: options) {
                    given.insert(o.name)
                    if let inline { scope.note(o.kind, inline) } else if o.kind != nil { pending = o }
                }
                continue
            }
            if let a = Completer.argument(at: positionals.count, of: spec) { scope.note(a.kind, t.text) }
            positionals.append(t)
        }
        // The value of an option.
        if let o = pending, let kind = o.kind {
            if Completer.columnOptions.contains(o.name), let file = scope.file {
                return surveyColumns(file).map { Candidate(value: $0, display: $0) }
            }
            return values(kind, word: word, scope: scope, path: [])
        }
        // An option name, or an option's value written `--name=value`.
        if !onlyPositionals, !wordQuoted, word.hasPrefix("-") {
            if word.hasPrefix("--"), let eq = word.firstIndex(of: "=") {
                let name = String(word[word.index(word.startIndex, offsetBy: 2)..<eq])
                guard let kind = Completer.option(named: name, in: options)?.kind else { return [] }
                let head = String(word[...eq])
                let rest = String(word[word.index(after: eq)...])
                return values(kind, word: rest, scope: scope, path: []).map {
                    Candidate(value: head + $0.value, display: $0.display, complete: $0.complete)
                }
            }
            return optionNames(options, given: given)
        }
        // A positional argument.
        let argument = Completer.argument(at: positionals.count, of: spec)
        var out: [Candidate] = []
        if let a = argument {
            // `help enterprise a…`: the words of a variadic command argument form a path.
            var path: [String] = []
            if a.variadic, let first = spec.arguments.firstIndex(where: { $0.name == a.name }) {
                path = positionals.dropFirst(first).map(\.text)
            }
            out = values(a.kind, word: word, scope: scope, path: path)
        }
        if !onlyPositionals, word.isEmpty, out.isEmpty {
            out += optionNames(options, given: given)
        }
        return out
    }

    func optionNames(_ options: [OptionSpec], given: Set<String>) -> [Candidate] {
        options.filter { $0.repeating || !given.contains($0.name) }.map {
            Candidate(value: "--" + $0.name, display: "--" + $0.name)
        }
    }

    /// The enterprise (and model) that names of other objects are taken from: the ones named
    /// earlier on the line, else the current enterprise.
    struct Scope {
        var enterprise: String?
        var model: String?
        /// The file typed on the line (a survey export whose columns may be completed).
        var file: String?
        mutating func note(_ kind: ValueKind?, _ value: String) {
            if case .file? = kind { file = value }
            guard case let .name(source)? = kind else { return }
            if source == .enterprise { enterprise = value }
            if source == .model { model = value }
        }
    }

    /// The candidates for a value of `kind`.
    func values(_ kind: ValueKind, word: String, scope: Scope, path: [String]) -> [Candidate] {
        switch kind {
        case .text, .integer, .number, .percent:
            return []
        case let .choice(words):
            return words.map { Candidate(value: $0, display: $0) }
        case .file:
            return files(word)
        case let .name(source):
            return names(source, word: word, scope: scope, path: path)
        }
    }

    func names(_ source: NameSource, word: String, scope: Scope, path: [String]) -> [Candidate] {
        let list: [String]
        switch source {
        case .command:
            list = registry.nextWords(after: path)
        case .file:
            return files(word)
        case .enterprise:
            list = workspace.enterprises.map(\.name)
        case .factor:
            // The enterprise's own factors first, then every other one in the workspace: a new
            // competitor is scored on the factors its rivals have (`matching` drops repeats).
            let e = scope.enterprise.flatMap(workspace.enterprise(named:)) ?? workspace.currentEnterprise
            list = (e?.factors.map(\.factor) ?? []) + workspace.enterprises.flatMap { $0.factors.map(\.factor) }
        default:
            let e = scope.enterprise.flatMap(workspace.enterprise(named:)) ?? workspace.currentEnterprise
            guard let e else { return [] }
            list = Completer.names(source, in: e, model: scope.model)
        }
        return list.map { Candidate(value: $0, display: $0) }
    }

    /// The names of `source` objects in `e`; for nodes, those of `model` when it is one of the
    /// enterprise's models, else of every model.
    static func names(_ source: NameSource, in e: Enterprise, model: String?) -> [String] {
        switch source {
        case .enterprise: return [e.name]
        case .resource: return e.resources.map(\.name)
        case .segment: return e.segments.map(\.name)
        case .need: return e.needs.map(\.name)
        case .offering: return e.offerings.map(\.name)
        case .factor: return e.factors.map(\.factor)
        case .initiative: return e.initiatives.map(\.name)
        case .kpi: return e.kpis.map(\.kpi)
        case .model: return e.models.map(\.name)
        case .node:
            if let model, let m = e.models.first(where: { Name.same($0.name, model) }) { return m.nodes.map(\.name) }
            return e.models.flatMap { $0.nodes.map(\.name) }
        case .command, .file: return []
        }
    }

    func files(_ word: String) -> [Candidate] {
        let folder: String
        if let slash = word.lastIndex(of: "/") { folder = String(word[...slash]) } else { folder = "" }
        let base = String(word.dropFirst(folder.count))
        return listFolder(folder)
            .filter { ($0.name != "." && $0.name != "..") && (base.hasPrefix(".") || !$0.name.hasPrefix(".")) }
            .map { entry in
                Candidate(
                    value: folder + entry.name + (entry.isFolder ? "/" : ""),
                    display: entry.name + (entry.isFolder ? "/" : ""), complete: !entry.isFolder)
            }
    }

    static func option(named name: String, in options: [OptionSpec]) -> OptionSpec? {
        options.first(where: { $0.name == name }) ?? options.first(where: { $0.name.lowercased() == name.lowercased() })
    }

    /// The declared argument that the positional word number `index` binds to.
    static func argument(at index: Int, of spec: CommandSpec) -> ArgumentSpec? {
        var i = 0
        for a in spec.arguments {
            if a.variadic { return a }
            if i == index { return a }
            i += 1
        }
        return nil
    }

    // MARK: Matching and the replacement

    /// The candidates that begin with `word`, ignoring case; duplicates (ignoring case) removed,
    /// in the order given.
    static func matching(_ candidates: [Candidate], _ word: String) -> [Candidate] {
        let folded = Name.fold(word)
        var seen = Set<String>()
        var out: [Candidate] = []
        for c in candidates where hasPrefix(c.value, folded) {
            guard seen.insert(Name.fold(c.value)).inserted else { continue }
            out.append(c)
        }
        return out
    }

    /// Whether `value` begins with `folded` (already folded), ignoring case; ASCII without
    /// allocating, as most names are.
    static func hasPrefix(_ value: String, _ folded: String) -> Bool {
        if folded.isEmpty { return true }
        var v = value.utf8.makeIterator()
        for b in folded.utf8 {
            guard b < 0x80, let c = v.next() else { return Name.fold(value).hasPrefix(folded) }
            if c >= 0x80 { return Name.fold(value).hasPrefix(folded) }
            let lower = c >= 0x41 && c <= 0x5A ? c + 0x20 : c
            if lower != b { return false }
        }
        return true
    }

    static func build(start: Int, typed: String, word: String, candidates: [Candidate]) -> Completion {
        let shown = candidates.map(\.display)
        guard let first = candidates.first else {
            return Completion(start: start, typed: typed, replacement: typed, candidates: [])
        }
        if candidates.count == 1 {
            let text = quoteValue(first.value) + (first.complete ? " " : "")
            return Completion(start: start, typed: typed, replacement: text, candidates: shown)
        }
        // Several: extend the word to their longest common prefix (ignoring case).
        var common = Array(first.value)
        for c in candidates.dropFirst() {
            var n = 0
            for ch in c.value {
                guard n < common.count, ch == common[n] || String(ch).lowercased() == String(common[n]).lowercased()
                else { break }
                n += 1
            }
            common.removeSubrange(n...)
            if common.count <= word.count { break }  // no longer longer than what is typed
        }
        // Extending an empty word to a bare `-` or `--` helps nobody: list the options instead.
        let bare = common.allSatisfy { $0 == "-" }
        guard common.count > word.count, !bare else {
            return Completion(start: start, typed: typed, replacement: typed, candidates: shown)
        }
        return Completion(start: start, typed: typed, replacement: quoteOpen(String(common)), candidates: shown)
    }

    /// A whole value, quoted when it has blanks or special characters. An option given with its
    /// value (`--name=value`) whose value needs quotes becomes `--name "the value"`: the parser
    /// takes a word with quotes in it for a value, never for an option.
    static func quoteValue(_ value: String) -> String {
        if value.hasPrefix("--"), let eq = value.firstIndex(of: "=") {
            let rest = String(value[value.index(after: eq)...])
            let quoted = Tokenizer.quote(rest)
            return quoted == rest ? value : String(value[..<eq]) + " " + quoted
        }
        return Tokenizer.quote(value)
    }

    /// The beginning of a value: quoted like `quoteValue`, but the quote is left open so that
    /// typing and completing can go on.
    static func quoteOpen(_ value: String) -> String {
        var q = quoteValue(value)
        if q.hasSuffix("\""), q != value { q.removeLast() }
        return q
    }
}

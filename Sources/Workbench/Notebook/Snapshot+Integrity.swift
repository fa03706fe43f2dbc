import ValueCore

/// What `open` checks in a snapshot beyond its checksum and ranges: a snapshot is untrusted data
/// (its checksum can be re-sealed by hand), so it is used only when it holds what the commands
/// themselves would have let in. Otherwise `open` replays the cells, giving the reason.
extension Snapshot {
    /// The first text in `tree` holding a control character or a bidirectional override, as a
    /// reason ("the character U+001B in 'Acme␛…'"), or nil.
    static func unsafeText(_ tree: JSON) -> String? {
        switch tree {
        case let .string(s):
            guard let c = Name.controlCharacter(in: s) else { return nil }
            return "the character \(Name.code(c)) in '\(Printable.visible(String(s.prefix(Printable.quotedLimit))))'"
        case let .array(items):
            for item in items { if let r = unsafeText(item) { return r } }
        case let .object(pairs):
            for (k, v) in pairs {
                if let r = unsafeText(.string(k)) ?? unsafeText(v) { return r }
            }
        default: break
        }
        return nil
    }

    /// The first broken reference or duplicate name in `workspace` (read from `tree`), as a
    /// reason, or nil: the current enterprise exists; names are unique within each list;
    /// reliefs name an existing offering and need; edges join existing nodes of their model.
    /// - Complexity: O(n) in the number of objects.
    static func brokenReference(_ workspace: Workspace, tree: JSON) -> String? {
        if let current = tree["current"]?.stringValue, !workspace.contains(current) {
            return "its current enterprise '\(current)' does not exist"
        }
        func duplicate(_ names: [String]) -> String? {
            var seen = Set<NameKey>()
            return names.first { !seen.insert(NameKey($0)).inserted }
        }
        for e in workspace.enterprises {
            let lists: [(String, [String])] = [
                ("resource", e.resources.map(\.name)), ("segment", e.segments.map(\.name)),
                ("need", e.needs.map(\.name)), ("offering", e.offerings.map(\.name)),
                ("initiative", e.initiatives.map(\.name)), ("model", e.models.map(\.name)),
                ("factor", e.factorNames),
            ]
            for (what, names) in lists {
                if let d = duplicate(names) { return "\(e.name) has two \(what)s named '\(d)'" }
            }
            let offerings = Set(e.offerings.map { NameKey($0.name) }), needs = Set(e.needs.map { NameKey($0.name) })
            for r in e.reliefs {
                if !offerings.contains(NameKey(r.offering)) {
                    return "a relief of \(e.name) names the missing offering '\(r.offering)'"
                }
                if !needs.contains(NameKey(r.need)) {
                    return "a relief of \(e.name) names the missing need '\(r.need)'"
                }
            }
            for m in e.models {
                if let d = duplicate(m.nodes.map(\.name)) {
                    return "model \(m.name) of \(e.name) has two nodes named '\(d)'"
                }
                let nodes = Set(m.nodes.map { NameKey($0.name) })
                for edge in m.edges where !nodes.contains(NameKey(edge.from)) || !nodes.contains(NameKey(edge.to)) {
                    return
                        "an edge of model \(m.name) of \(e.name) joins a missing node ('\(edge.from)' → '\(edge.to)')"
                }
            }
        }
        return nil
    }
}

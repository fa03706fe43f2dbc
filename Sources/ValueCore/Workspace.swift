/// Everything a session has modelled: the enterprises, in the order they were added, and the
/// current one.
///
/// The workspace is a value. Every mutation goes through the methods below, which also record
/// what they changed in `changes`; the session turns those records into its undo history, so
/// undoing a command costs in proportion to what the command changed, not to the workspace's
/// size. Code outside ValueCore cannot reach the storage except through these methods.
public struct Workspace: Sendable, Equatable {
    /// One recorded change: the before and after image of one enterprise, what changed in its
    /// lists, an import, or the current enterprise's name; enough to undo it and to redo it.
    public enum Change: Sendable, Equatable {
        /// `before == nil`: the enterprise was added; `after == nil`: it was removed.
        case enterprise(position: Int, before: Enterprise?, after: Enterprise?)
        case current(before: String?, after: String?)
        /// Many enterprises added at the end at once (an import): one record for all of them.
        case appended(position: Int, enterprises: [Enterprise])
        /// Only lists of the enterprise at `position` changed: what changed in each, so that the
        /// history does not keep a copy of a long list for every item added to it.
        case edited(position: Int, edits: [ListEdit])
    }

    public private(set) var enterprises: [Enterprise] = []
    private var positions = NameIndex()
    public private(set) var current: String?
    /// The changes made since `takeChanges()` was last called.
    public private(set) var changes: [Change] = []

    public init() {}

    public init(enterprises: [Enterprise], current: String?) {
        for e in enterprises { positions[NameKey(e.name)] = self.enterprises.count; self.enterprises.append(e) }
        self.current = current.flatMap { name in positions[NameKey(name)].map { self.enterprises[$0].name } }
    }

    public static func == (a: Workspace, b: Workspace) -> Bool {
        a.enterprises == b.enterprises && a.current == b.current
    }

    // MARK: Reading

    public var count: Int { enterprises.count }

    /// The enterprise with this name (case-insensitive), if any.
    public func enterprise(named name: String) -> Enterprise? {
        position(of: name).map { enterprises[$0] }
    }

    public func position(of name: String) -> Int? { positions[NameKey(name)] }

    public func contains(_ name: String) -> Bool { positions[NameKey(name)] != nil }

    /// The current enterprise, if one is set.
    public var currentEnterprise: Enterprise? { current.flatMap(enterprise(named:)) }

    /// The factors some enterprise marks as price factors (`factor set … --kind price`): a factor
    /// is a price factor for the whole workspace, so that every enterprise's quality is measured
    /// on the same factors.
    /// - Complexity: O(n) in the number of enterprises.
    public var priceFactors: Set<NameKey> {
        var out = Set<NameKey>()
        for e in enterprises { for f in e.priceFactors { out.insert(NameKey(f)) } }
        return out
    }

    // MARK: Changing

    /// Adds an enterprise at the end (or at `position`). The caller has checked the name is free.
    /// Adds `enterprise` at the end and makes it current, unless its name is taken: then
    /// returns the enterprise holding the name and changes nothing. One look-up, where
    /// `contains` + `add` + `setCurrent` take three: the hot path of a long script.
    public mutating func addAndUse(_ enterprise: Enterprise) -> Enterprise? {
        let p = enterprises.count
        guard positions.insertNew(NameKey(enterprise.name), p) else { return self.enterprise(named: enterprise.name) }
        enterprises.append(enterprise)
        changes.append(.enterprise(position: p, before: nil, after: enterprise))
        if current != enterprise.name {
            changes.append(.current(before: current, after: enterprise.name))
            current = enterprise.name
        }
        return nil
    }

    public mutating func add(_ enterprise: Enterprise, at position: Int? = nil) {
        let p = position ?? enterprises.count
        insert(enterprise, at: p)
        changes.append(.enterprise(position: p, before: nil, after: enterprise))
    }

    /// Adds many enterprises at the end, recording one change for all of them, so that importing a
    /// million enterprises costs one change record and undoes in one step, unless a name is taken
    /// (by the workspace or by an earlier enterprise of `list`): then it changes nothing and
    /// returns the position in `list` of the first enterprise whose name is taken.
    /// - Complexity: O(`list.count`); when the workspace is empty the list's storage is shared.
    public mutating func append(contentsOf list: [Enterprise]) -> Int? {
        guard !list.isEmpty else { return nil }
        let p = enterprises.count
        if let clash = index(list, from: p) { return clash }
        if enterprises.isEmpty { enterprises = list } else { enterprises.append(contentsOf: list) }
        changes.append(.appended(position: p, enterprises: list))
        return nil
    }

    /// Indexes the names of `list` as positions `p`…; at the first name taken, takes back the
    /// ones it added and returns that name's position in `list`.
    private mutating func index(_ list: [Enterprise], from p: Int) -> Int? {
        positions.insertNew(contentsOf: list.map { NameKey($0.name) }, from: p)
    }

    private mutating func removeLast(_ count: Int) {
        for e in enterprises[(enterprises.count - count)...] { positions[NameKey(e.name)] = nil }
        enterprises.removeLast(count)
    }

    /// Changes the enterprise named `name` in place (renaming it is allowed when the new name is
    /// free). Returns what `body` returns; records nothing if `body` throws or changes nothing.
    @discardableResult
    public mutating func update<R>(_ name: String, _ body: (inout Enterprise) throws -> R) rethrows -> R? {
        guard let p = position(of: name) else { return nil }
        let before = enterprises[p]
        var after = before
        let result = try body(&after)
        // Only lists changed (the common case: an item added, edited or removed): record what.
        if let edits = after.listEdits(from: before), !edits.isEmpty {
            enterprises[p] = after
            changes.append(.edited(position: p, edits: edits))
            return result
        }
        if after == before { return result }
        let renamed = !Name.same(after.name, before.name)
        if renamed {
            precondition(positions[NameKey(after.name)] == nil, "duplicate enterprise \(after.name)")
            positions[NameKey(before.name)] = nil
            positions[NameKey(after.name)] = p
        }
        enterprises[p] = after
        changes.append(.enterprise(position: p, before: before, after: after))
        if renamed, let c = current, Name.same(c, before.name) { setCurrent(after.name) }
        return result
    }

    /// Removes the enterprise named `name`; returns it.
    @discardableResult
    public mutating func remove(_ name: String) -> Enterprise? {
        guard let p = position(of: name) else { return nil }
        let removed = delete(at: p)
        changes.append(.enterprise(position: p, before: removed, after: nil))
        if let c = current, Name.same(c, removed.name) { setCurrent(nil) }
        return removed
    }

    /// Makes `name` the current enterprise (nil: none).
    public mutating func setCurrent(_ name: String?) {
        let canonical = name.flatMap { n in position(of: n).map { enterprises[$0].name } }
        guard canonical != current else { return }
        changes.append(.current(before: current, after: canonical))
        current = canonical
    }

    // MARK: Change records

    /// Returns the changes recorded since the last call, and forgets them.
    public mutating func takeChanges() -> [Change] {
        defer { changes.removeAll(keepingCapacity: true) }
        return changes
    }

    /// Reverts `changes` (as returned by `takeChanges`), newest first. Records nothing.
    public mutating func revert(_ changes: [Change]) {
        for change in changes.reversed() {
            switch change {
            case let .enterprise(p, before, after):
                apply(position: p, from: after, to: before)
            case let .current(before, _):
                current = before
            case let .appended(_, list):
                removeLast(list.count)
            case let .edited(p, edits):
                for edit in edits.reversed() { edit.undo(&enterprises[p]) }
            }
        }
    }

    /// Applies `changes` again, oldest first. Records nothing.
    public mutating func reapply(_ changes: [Change]) {
        for change in changes {
            switch change {
            case let .enterprise(p, before, after):
                apply(position: p, from: before, to: after)
            case let .current(_, after):
                current = after
            case let .appended(p, list):
                precondition(index(list, from: p) == nil, "redo of an import whose names are taken")
                enterprises.append(contentsOf: list)
            case let .edited(p, edits):
                for edit in edits { edit.redo(&enterprises[p]) }
            }
        }
    }

    private mutating func apply(position p: Int, from old: Enterprise?, to new: Enterprise?) {
        switch (old, new) {
        case (nil, let n?): insert(n, at: p)
        case (_?, nil): delete(at: p)
        case let (o?, n?):
            positions[NameKey(o.name)] = nil
            positions[NameKey(n.name)] = p
            enterprises[p] = n
        case (nil, nil): break
        }
    }

    private mutating func insert(_ e: Enterprise, at p: Int) {
        let key = NameKey(e.name)
        if p == enterprises.count {
            let added = positions.insertNew(key, p)
            precondition(added, "duplicate enterprise \(e.name)")
            enterprises.append(e)
        } else {
            precondition(positions[key] == nil, "duplicate enterprise \(e.name)")
            enterprises.insert(e, at: p)
            for i in p..<enterprises.count { positions[NameKey(enterprises[i].name)] = i }
        }
    }

    @discardableResult
    private mutating func delete(at p: Int) -> Enterprise {
        let e = enterprises.remove(at: p)
        positions[NameKey(e.name)] = nil
        for i in p..<enterprises.count { positions[NameKey(enterprises[i].name)] = i }
        return e
    }
}

extension Workspace: Codable {
    private enum CodingKeys: String, CodingKey { case enterprises, current }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let list = try c.decode([Enterprise].self, forKey: .enterprises)
        var seen = Set<NameKey>()
        for e in list where !seen.insert(NameKey(e.name)).inserted {
            throw DecodingError.dataCorruptedError(
                forKey: .enterprises, in: c,
                debugDescription: "duplicate enterprise \(e.name)")
        }
        self.init(enterprises: list, current: try c.decodeIfPresent(String.self, forKey: .current))
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(enterprises, forKey: .enterprises)
        try c.encodeIfPresent(current, forKey: .current)
    }
}

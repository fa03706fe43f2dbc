/// What one change did to one of an enterprise's lists: at `index`, some items replaced by
/// others (an append, a removal, an edit in place). Undo history keeps these instead of the
/// enterprise's before-image when a command changed only lists, so a long session of small
/// edits to long lists keeps what changed, not a copy of each list at every step.
public struct ListEdit: Sendable, Equatable {
    private let splice: any ListSplice

    init(_ splice: any ListSplice) { self.splice = splice }

    func undo(_ e: inout Enterprise) { splice.undo(&e) }
    func redo(_ e: inout Enterprise) { splice.redo(&e) }
    /// Where, how many items it took out and how many it put in.
    var extent: (index: Int, removed: Int, inserted: Int) { splice.extent }

    public static func == (a: ListEdit, b: ListEdit) -> Bool { a.splice.isEqual(to: b.splice) }
}

protocol ListSplice: Sendable {
    func undo(_ e: inout Enterprise)
    func redo(_ e: inout Enterprise)
    func isEqual(to other: any ListSplice) -> Bool
    var extent: (index: Int, removed: Int, inserted: Int) { get }
}

/// `list[index ..< index + removed.count]` became `inserted`.
struct Splice<T: Equatable & Sendable>: ListSplice {
    let path: any WritableKeyPath<Enterprise, [T]> & Sendable
    let index: Int
    let removed: [T]
    let inserted: [T]

    /// The smallest splice turning `old` into `new` (what lies between their common prefix and
    /// common suffix); nil when they are equal.
    init?(_ path: any WritableKeyPath<Enterprise, [T]> & Sendable, from old: [T], to new: [T]) {
        if old.withUnsafeBufferPointer({ a in
            new.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress && a.count == b.count }
        }) {
            return nil
        }
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        if prefix == old.count && prefix == new.count { return nil }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        { suffix += 1 }
        self.path = path
        index = prefix
        removed = Array(old[prefix..<(old.count - suffix)])
        inserted = Array(new[prefix..<(new.count - suffix)])
    }

    func undo(_ e: inout Enterprise) {
        e[keyPath: path].replaceSubrange(index..<(index + inserted.count), with: removed)
    }
    func redo(_ e: inout Enterprise) {
        e[keyPath: path].replaceSubrange(index..<(index + removed.count), with: inserted)
    }

    var extent: (index: Int, removed: Int, inserted: Int) { (index, removed.count, inserted.count) }

    func isEqual(to other: any ListSplice) -> Bool {
        guard let o = other as? Splice<T> else { return false }
        return o.path == path && o.index == index && o.removed == removed && o.inserted == inserted
    }
}

extension Enterprise {
    /// The splices that turn `old`'s lists into this enterprise's, when nothing but lists differ
    /// (same name, industry, price and guide step); nil otherwise. Empty: the two are equal.
    func listEdits(from old: Enterprise) -> [ListEdit]? {
        guard name == old.name, industry == old.industry, price == old.price, guideStep == old.guideStep else {
            return nil
        }
        var edits: [ListEdit] = []
        func add<T: Equatable & Sendable>(_ path: any WritableKeyPath<Enterprise, [T]> & Sendable) {
            if let s = Splice(path, from: old[keyPath: path], to: self[keyPath: path]) { edits.append(ListEdit(s)) }
        }
        add(\.competitors); add(\.resources); add(\.segments); add(\.needs); add(\.offerings)
        add(\.reliefs); add(\.priceFactors); add(\.initiatives); add(\.kpis)
        // A model holds lists of its own: when only nodes or edges changed, splice those, so an
        // edge added to a long model records the edge rather than a copy of every edge.
        let changedModels =
            models.count == old.models.count
            ? models.indices.filter { models[$0] != old.models[$0] } : nil
        if let changedModels,
            changedModels.allSatisfy({ i in
                models[i].name == old.models[i].name && models[i].proposition == old.models[i].proposition
            })
        {
            for i in changedModels { add(\.models[i].nodes); add(\.models[i].edges) }
        } else {
            add(\.models)
        }
        if !sameFactors(as: old) { add(\.factors) }
        // Every stored field is either compared above or in a list: if one is ever added to
        // Enterprise and forgotten here, undo would lose it. The tests run with assertions.
        assert(
            {
                var e = old; for edit in edits { edit.redo(&e) }; return e == self
            }(), "listEdits misses a field")
        return edits
    }
}

import Synchronization
import ValueCore

/// Enterprises as last encoded, so that saving a large workspace after a small change encodes
/// only what changed. An enterprise is reused when it equals the one encoded (arrays that were
/// not touched compare by identity, so the check is cheap).
///
/// One cache serves a notebook's saves and opens, which the kernel and the REPL may run on
/// different threads: a mutex guards it (one uncontended lock per save or open, nothing beside
/// the encoding it saves). `VALUEBENCH_SNAPSHOT_CACHE=0` (`Tuning.snapshotCache`) encodes every
/// enterprise on every save.
public final class SnapshotCache: Sendable {
    private let trees = Mutex<[String: (Enterprise, JSON)]>([:])

    public init() {}

    /// The workspace's tree, as `JSONTreeEncoder().encode(workspace)` gives it (keys sorted).
    func encode(_ workspace: Workspace) throws -> JSON {
        try trees.withLock { trees in
            var fresh: [String: (Enterprise, JSON)] = [:]
            fresh.reserveCapacity(workspace.enterprises.count)
            var list: [JSON] = []
            list.reserveCapacity(workspace.enterprises.count)
            for e in workspace.enterprises {
                guard Tuning.snapshotCache else { list.append(try JSONTreeEncoder().encode(e)); continue }
                let key = Name.fold(e.name)
                let tree: JSON
                if let (old, t) = trees[key], old == e { tree = t } else { tree = try JSONTreeEncoder().encode(e) }
                fresh[key] = (e, tree)
                list.append(tree)
            }
            trees = fresh
            var pairs: [(String, JSON)] = []
            if let current = workspace.current { pairs.append(("current", .string(current))) }
            pairs.append(("enterprises", .array(list)))
            return .object(pairs)
        }
    }

    /// Keeps the trees a snapshot was read from.
    func remember(_ workspace: Workspace, _ tree: JSON) {
        guard Tuning.snapshotCache, let list = tree["enterprises"]?.arrayValue,
            list.count == workspace.enterprises.count
        else { return }
        var fresh: [String: (Enterprise, JSON)] = [:]
        for (e, t) in zip(workspace.enterprises, list) { fresh[Name.fold(e.name)] = (e, t) }
        trees.withLock { $0 = fresh }
    }
}

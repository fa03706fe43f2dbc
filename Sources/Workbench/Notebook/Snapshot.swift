import ValueCore

/// The workspace as pure data, stored in `metadata.valuebench.snapshot` so that opening a
/// notebook restores it without running anything.
///
/// ```json
/// "snapshot": {"cells": "fnv1a64:…", "checksum": "fnv1a64:…", "version": 1, "workspace": {…}}
/// ```
/// `cells` is a hash of the code cells the workspace reflects (their sources and whether they are
/// skipped); `checksum` a hash of the workspace as written. `open` uses the snapshot only when
/// both match and every number is in the range its command accepts (Snapshot+Ranges.swift);
/// otherwise it replays the cells. Decoding goes through the domain's `Codable`
/// conformances, which check what they read (e.g. duplicate enterprise names): a snapshot is data,
/// never code.
public enum Snapshot {
    public static let version = 1

    /// The `snapshot` object for `workspace`, tied to the code cells of `notebook`.
    /// - Parameter cache: enterprises encoded by an earlier save (or read by `open`); only the
    ///   ones that changed since are encoded again.
    public static func make(_ workspace: Workspace, for notebook: Notebook, cache: SnapshotCache? = nil) throws -> JSON
    {
        let tree = try cache.map { try $0.encode(workspace) } ?? encode(workspace)
        return [
            "cells": .string(cellsHash(notebook)), "checksum": .string(checksum(tree)),
            "version": .int(version), "workspace": tree,
        ]
    }

    /// The workspace stored in `notebook`, if its snapshot is present, intact and made from the
    /// notebook's current code cells. Returns nil (replay instead) otherwise, with the reason.
    public static func restore(from notebook: Notebook, cache: SnapshotCache? = nil) -> (
        workspace: Workspace?, reason: String
    ) {
        guard let snap = notebook.workbench["snapshot"] else { return (nil, "it has no snapshot") }
        guard snap["version"]?.intValue == version else { return (nil, "its snapshot has another version") }
        guard let tree = snap["workspace"], let sum = snap["checksum"]?.stringValue,
            let cells = snap["cells"]?.stringValue
        else { return (nil, "its snapshot is incomplete") }
        guard cells == cellsHash(notebook) else { return (nil, "its cells changed since the snapshot was taken") }
        guard sum == checksum(tree) else { return (nil, "its snapshot's checksum does not match (damaged or edited)") }
        if let bad = outOfRange(tree) { return (nil, "its snapshot holds a value no command accepts (\(bad))") }
        if let bad = unsafeText(tree) { return (nil, "its snapshot holds text no command accepts (\(bad))") }
        do {
            let workspace = try decode(tree)
            if let bad = brokenReference(workspace, tree: tree) { return (nil, "its snapshot is inconsistent: \(bad)") }
            cache?.remember(workspace, tree)
            return (workspace, "restored from its snapshot")
        } catch {
            return (nil, "its snapshot could not be read (\(error))")
        }
    }

    /// The workspace as a JSON tree (keys sorted).
    public static func encode(_ workspace: Workspace) throws -> JSON {
        try JSONTreeEncoder().encode(workspace)
    }

    public static func decode(_ tree: JSON) throws -> Workspace {
        try JSONTreeDecoder().decode(Workspace.self, from: tree)
    }

    /// A hash of the code cells: their sources, in order, and whether each is skipped.
    public static func cellsHash(_ notebook: Notebook) -> String {
        var h = FNV1a()
        // By index, not `for cell in`: copying each cell costs more than hashing it.
        let cells = notebook.cells
        for i in cells.indices where cells[i].kind == .code {
            h.add(cells[i].source.utf8)
            h.add(cells[i].isSkipped ? 1 : 0)
            h.add(0x1E)
        }
        return h.text
    }

    /// A hash of the workspace tree: every value with its type, objects with their keys in
    /// the order written (sorted), so a tree read back from the file hashes as it did when saved.
    public static func checksum(_ tree: JSON) -> String {
        var h = FNV1a()
        hash(tree, into: &h)
        return h.text
    }

    static func hash(_ value: JSON, into h: inout FNV1a) {
        switch value {
        case .null: h.add(0)
        case let .bool(b): h.add(b ? 2 : 1)
        case let .int(i): h.add(3); h.addWord(UInt64(bitPattern: Int64(i)))
        case let .number(d):
            // A whole number may come back as an int (1e3 is read as 1000.0, 1000 as 1000).
            if let i = value.intValue {
                h.add(3); h.addWord(UInt64(bitPattern: Int64(i)))
            } else {
                h.add(4); h.addWord(d.bitPattern)
            }
        case let .string(s): h.add(5); h.addWord(UInt64(s.utf8.count)); h.add(s.utf8)
        case let .array(items):
            h.add(6); h.addWord(UInt64(items.count))
            for item in items { hash(item, into: &h) }
        case let .object(pairs):
            h.add(7); h.addWord(UInt64(pairs.count))
            for (k, v) in JupyterWriter.sorted(pairs) {
                h.addWord(UInt64(k.utf8.count)); h.add(k.utf8); hash(v, into: &h)
            }
        }
    }
}

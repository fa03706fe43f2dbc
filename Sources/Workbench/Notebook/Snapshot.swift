#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ValueCore

/// The workspace as pure data, stored in `metadata.valuebench.snapshot` so that opening a
/// notebook restores it without running anything.
///
/// ```json
/// "snapshot": {"cells": "fnv1a64:…", "checksum": "fnv1a64:…", "version": 1, "workspace": {…}}
/// ```
/// `cells` is a hash of the code cells the workspace reflects (their sources and whether they are
/// skipped); `checksum` a hash of the workspace as written. `open` uses the snapshot only when
/// both match; otherwise it replays the cells. Decoding goes through the domain's `Codable`
/// conformances, which check what they read (e.g. duplicate enterprise names): a snapshot is data,
/// never code.
public enum Snapshot {
    public static let version = 1

    /// The `snapshot` object for `workspace`, tied to the code cells of `notebook`.
    public static func make(_ workspace: Workspace, for notebook: Notebook) throws -> JSON {
        let tree = try encode(workspace)
        return ["cells": .string(cellsHash(notebook)), "checksum": .string(checksum(tree)),
                "version": .int(version), "workspace": tree]
    }

    /// The workspace stored in `notebook`, if its snapshot is present, intact and made from the
    /// notebook's current code cells. Returns nil (replay instead) otherwise, with the reason.
    public static func restore(from notebook: Notebook) -> (workspace: Workspace?, reason: String) {
        guard let snap = notebook.workbench["snapshot"] else { return (nil, "it has no snapshot") }
        guard snap["version"]?.intValue == version else { return (nil, "its snapshot has another version") }
        guard let tree = snap["workspace"], let sum = snap["checksum"]?.stringValue, let cells = snap["cells"]?.stringValue
        else { return (nil, "its snapshot is incomplete") }
        guard cells == cellsHash(notebook) else { return (nil, "its cells changed since the snapshot was taken") }
        guard sum == checksum(tree) else { return (nil, "its snapshot's checksum does not match (damaged or edited)") }
        do {
            return (try decode(tree), "restored from its snapshot")
        } catch {
            return (nil, "its snapshot could not be read (\(error))")
        }
    }

    /// The workspace as a JSON tree (keys sorted).
    public static func encode(_ workspace: Workspace) throws -> JSON {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .throw
        let data = try encoder.encode(workspace)
        return try JSON.parse(bytes: [UInt8](data))
    }

    public static func decode(_ tree: JSON) throws -> Workspace {
        var bytes: [UInt8] = []
        tree.writeCompact(into: &bytes)
        return try JSONDecoder().decode(Workspace.self, from: Data(bytes))
    }

    /// A hash of the code cells: their sources, in order, and whether each is skipped.
    public static func cellsHash(_ notebook: Notebook) -> String {
        var h = FNV1a()
        for cell in notebook.cells where cell.kind == .code {
            h.add(cell.source.utf8)
            h.add(cell.isSkipped ? 1 : 0)
            h.add(0x1E)
        }
        return h.text
    }

    /// A hash of the workspace tree as written in the file.
    public static func checksum(_ tree: JSON) -> String {
        var bytes: [UInt8] = []
        JupyterWriter.write(tree, into: &bytes, indent: 0)
        var h = FNV1a()
        h.add(bytes)
        return h.text
    }
}

/// FNV-1a, 64 bits: a fast hash that notices accidental change (not a signature).
public struct FNV1a: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    public init() {}
    public mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    public mutating func add<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for b in bytes { add(b) }
    }
    public var text: String {
        let hex = String(value, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}

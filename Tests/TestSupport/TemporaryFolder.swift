import Foundation

/// A fresh folder for a test's files, under one folder per test process that is removed when the
/// process exits (so a test that forgets `remove()`, or fails before it, leaves nothing behind in
/// the temporary directory).
public struct TemporaryFolder: Sendable {
    /// `valuebench-tests-PID` in the temporary directory, removed at exit.
    static let root: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("valuebench-tests-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TemporaryFolder.root) }
        return path
    }()

    public let path: String

    /// Creates `PREFIX-XXXXXXXX` under the process's folder.
    public init(_ prefix: String = "test") throws {
        path = Self.root + "/\(prefix)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The path of `name` in the folder.
    public func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` (UTF-8) to `name` in the folder.
    public func write(_ name: String, _ text: String) throws {
        try text.write(toFile: file(name), atomically: true, encoding: .utf8)
    }

    /// Removes the folder now (else it goes at exit).
    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}

import Foundation

/// The package's folder, found from this file's place in it (`<root>/Tests/TestSupport/`), for
/// tests that read its files (Package.swift, notebooks, fixtures, scripts, the built binary).
public enum Repository {
    /// The package root.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The path of `relative` (a path from the package root).
    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

/// Whether `a` is within `tolerance` of `b`, relative to `b` (absolute when `|b| < 1`); `nil` is
/// never close.
public func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}

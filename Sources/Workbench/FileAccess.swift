/// Access to files (reading, and writing where allowed), handed to commands by the executable. A
/// replay sandbox hands a restricted one: paths resolved against the notebook's folder, never
/// outside it, and writes refused unless the replay allows them.
public protocol FileAccess: Sendable {
    /// The absolute path `path` names, or an error if the sandbox forbids it.
    func resolve(_ path: String) throws -> String
    /// The whole file, for small inputs.
    func read(_ path: String) throws -> [UInt8]
    /// A file opened for positioned reads (large inputs, read in parallel).
    func open(_ path: String) throws -> any RandomAccessFile
    /// Writes `bytes` atomically (temporary file, fsync, rename).
    func write(_ path: String, _ bytes: [UInt8]) throws
}

/// A file opened for reading at offsets; safe to read from several threads at once.
public protocol RandomAccessFile: Sendable {
    var size: Int { get }
    /// Reads up to `buffer.count` bytes at `offset`; returns how many were read (0 at the end).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int
}

/// Files are not available (the default in tests that need none).
public struct NoFileAccess: FileAccess {
    public init() {}
    public func resolve(_ path: String) throws -> String {
        throw CommandError("NoFiles", "files are not available here")
    }
    public func read(_ path: String) throws -> [UInt8] { throw CommandError("NoFiles", "files are not available here") }
    public func open(_ path: String) throws -> any RandomAccessFile {
        throw CommandError("NoFiles", "files are not available here")
    }
    public func write(_ path: String, _ bytes: [UInt8]) throws {
        throw CommandError("NoFiles", "files are not available here")
    }
}

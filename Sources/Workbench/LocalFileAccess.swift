#if canImport(Glibc)
    import Glibc
#endif

/// Files on the local disk, with optional confinement to a folder (the replay sandbox).
public struct LocalFileAccess: FileAccess {
    /// Relative paths are resolved against this folder; nil: the process's working directory.
    public var base: String?
    /// When set, no path may resolve outside this folder.
    public var jail: String?
    /// Whether `write` is allowed.
    public var allowWrites: Bool

    public init(base: String? = nil, jail: String? = nil, allowWrites: Bool = true) {
        self.base = base; self.jail = jail; self.allowWrites = allowWrites
    }

    public func resolve(_ path: String) throws -> String {
        guard !path.isEmpty else { throw CommandError.badValue("the file name is empty") }
        let joined = path.hasPrefix("/") ? path : (base.map { $0 + "/" + path } ?? path)
        guard let jail else { return joined }
        // Resolve symbolic links where the file exists, so a link cannot lead out of the folder.
        let real = LocalFileAccess.realPath(joined) ?? LocalFileAccess.normalize(LocalFileAccess.absolute(joined))
        let root = LocalFileAccess.realPath(jail) ?? LocalFileAccess.normalize(LocalFileAccess.absolute(jail))
        guard real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            throw CommandError(
                "Sandbox", "'\(path)' is outside the notebook's folder; a notebook may only read files beside it")
        }
        return real
    }

    public func read(_ path: String) throws -> [UInt8] {
        let file = try open(path)
        var bytes = [UInt8](repeating: 0, count: file.size)
        var done = 0
        while done < bytes.count {
            let n = try bytes.withUnsafeMutableBytes { raw in
                try file.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[done...]), at: done)
            }
            if n == 0 { break }
            done += n
        }
        return Array(bytes[..<done])
    }

    public func open(_ path: String) throws -> any RandomAccessFile {
        let resolved = try resolve(path)
        // Non-blocking: opening a FIFO for reading otherwise waits for a writer, forever. The
        // flag does nothing to a regular file's reads, and anything else is refused below.
        let fd = Glibc.open(resolved, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw LocalFileAccess.failure("cannot read", path) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { close(fd); throw LocalFileAccess.failure("cannot read", path) }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw CommandError(
                "BadFile", "cannot read \(path): not a regular file (\(LocalFileAccess.kind(st.st_mode)))")
        }
        return LocalFile(fd: fd, size: Int(st.st_size))
    }

    public func write(_ path: String, _ bytes: [UInt8]) throws {
        guard allowWrites else {
            throw CommandError(
                "Sandbox", "writing '\(path)' is not allowed here (replay with --allow-writes to permit it)")
        }
        try LocalFileAccess.writeAtomically(try resolve(path), bytes)
    }

    /// Writes a temporary file beside `path`, fsyncs it, renames it over `path`, and fsyncs the
    /// folder: a reader sees the old file or the new one, never half of one.
    ///
    /// When `path` is a symbolic link the file it leads to is replaced (in that file's folder),
    /// and the link stays. An existing file keeps its mode and, where allowed, its owner.
    /// Temporary files of earlier writes to the same file whose process is gone (`kill -9`
    /// during a save) are removed.
    public static func writeAtomically(_ path: String, _ bytes: [UInt8]) throws {
        let path = realPath(path) ?? path
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let dir = folder.isEmpty ? "" : folder
        removeStaleTemporaries(in: dir.isEmpty ? "/" : dir, of: name)
        let temp = "\(dir)/\(temporaryPrefix(of: name))\(getpid())"
        let fd = Glibc.open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("cannot write", path) }
        var old = stat()
        if stat(path, &old) == 0 {
            _ = fchmod(fd, old.st_mode & 0o7777)
            _ = fchown(fd, old.st_uid, old.st_gid)  // fails unless permitted: the mode still holds
        }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { raw in Glibc.write(fd, raw.baseAddress! + done, raw.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                let e = failure("cannot write", path)
                close(fd); unlink(temp)
                throw e
            }
            done += n
        }
        guard fsync(fd) == 0, close(fd) == 0 else { unlink(temp); throw failure("cannot write", path) }
        guard rename(temp, path) == 0 else { let e = failure("cannot write", path); unlink(temp); throw e }
        let dfd = Glibc.open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    /// What a file that is not a regular file is, for messages.
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFDIR: "a folder"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "not a plain file"
        }
    }

    /// `.NAME.tmp-`: the temporary files of writes to NAME, followed by the writer's process id.
    static func temporaryPrefix(of name: String) -> String { ".\(name).tmp-" }

    /// Removes `folder`'s temporary files of writes to `name` whose process no longer runs.
    static func removeStaleTemporaries(in folder: String, of name: String) {
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        let prefix = temporaryPrefix(of: name)
        while let entry = readdir(dir) {
            let file = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            guard file.hasPrefix(prefix), let pid = pid_t(file.dropFirst(prefix.count)), pid > 0, pid != getpid() else {
                continue
            }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + file) }
        }
    }

    /// Runs `body` holding an exclusive advisory lock (flock) on the folder of `path`, so that
    /// another ValueBench saving in that folder waits: a check of the file and the write that
    /// depends on it are then one step.
    public static func withFolderLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let real = realPath(path) ?? path
        let folder = real.lastIndex(of: "/").map { String(real[..<$0]) } ?? "."
        let fd = Glibc.open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return try body() }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    static func failure(_ what: String, _ path: String) -> CommandError {
        CommandError("FileError", "\(what) \(path): \(String(cString: strerror(errno)))")
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// `path` made absolute against the working folder (unchanged when it is already absolute).
    public static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buf = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buf, buf.count) != nil else { return path }
        return buf.withUnsafeBufferPointer { String(cString: $0.baseAddress!) } + "/" + path
    }

    /// Removes `.` and `..` and doubled slashes, without touching the disk.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for p in path.split(separator: "/") {
            if p == "." || p.isEmpty { continue }
            if p == ".." { _ = parts.popLast(); continue }
            parts.append(p)
        }
        return "/" + parts.joined(separator: "/")
    }
}

/// An open file read with pread(2): safe from several threads at once.
final class LocalFile: RandomAccessFile, @unchecked Sendable {
    let fd: Int32
    let size: Int
    init(fd: Int32, size: Int) { self.fd = fd; self.size = size }
    deinit { close(fd) }
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int {
        while true {
            let n = pread(fd, buffer.baseAddress, buffer.count, off_t(offset))
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw CommandError("FileError", "read failed: \(String(cString: strerror(errno)))")
        }
    }
}

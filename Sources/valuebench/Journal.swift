#if canImport(Glibc)
    import Glibc
#endif
import Workbench

/// A running session's journal: one JSON line per completed command, appended with one
/// write(2) each, so that after a crash or `kill -9` the next start can offer to recover every
/// command that had completed. No fsync: the kernel keeps what was written if the process dies.
///
/// The file is `$XDG_STATE_HOME/valuebench/journal-PID.jsonl` (`~/.local/state/…` when the
/// variable is unset). Lines: a header `{"valuebench_journal":1,"pid":…,"start":…,"boot":…}` (the
/// process's start time in clock ticks since boot, /proc/PID/stat field 22, and the boot id:
/// together they tell this process from a later one given the same pid), then
/// `{"run": LINE}` (a recorded command), `{"note": TEXT}`, `{"opened": PATH}`, `{"saved": PATH}`.
/// A clean exit removes the file.
final class Journal {
    let path: String
    private let fd: Int32

    private init(path: String, fd: Int32) { self.path = path; self.fd = fd }

    /// The folder journals live in, or nil when neither XDG_STATE_HOME nor HOME is set.
    static func folder() -> String? {
        if let s = getenv("XDG_STATE_HOME"), s.pointee != 0 { return String(cString: s) + "/valuebench" }
        if let h = getenv("HOME"), h.pointee != 0 { return String(cString: h) + "/.local/state/valuebench" }
        return nil
    }

    /// Starts this process's journal; nil (journaling off) when the folder cannot be made.
    static func start() -> Journal? {
        guard let folder = folder(), makeFolders(folder) else { return nil }
        let path = "\(folder)/journal-\(getpid()).jsonl"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        let j = Journal(path: path, fd: fd)
        var header: JSON = ["valuebench_journal": 1, "pid": .int(Int(getpid()))]
        if let start = startTime(of: Int(getpid())), let boot = bootID() {
            header = ["valuebench_journal": 1, "pid": .int(Int(getpid())), "start": .int(start), "boot": .string(boot)]
        }
        j.append(header)
        return j
    }

    func append(_ entry: JSON) {
        var bytes: [UInt8] = []
        entry.writeCompact(into: &bytes)
        bytes.append(0x0A)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 { if errno == EINTR { continue }; return }
            done += n
        }
    }

    /// Ends the journal after a clean exit.
    func finish() {
        close(fd)
        unlink(path)
    }

    private static func makeFolders(_ path: String) -> Bool {
        var prefix = ""
        for part in path.split(separator: "/") {
            prefix += "/" + part
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST { return false }
        }
        return true
    }

    // MARK: Recovery

    /// What a session that died had done since its last save (or open).
    struct Orphan {
        var path: String
        var pid: Int
        /// The notebook to open first: the last one saved or opened.
        var base: String?
        /// Entries after that: `("run", line)` or `("note", text)`.
        var entries: [(kind: String, text: String)]
    }

    /// Journals left by processes that are no longer running, oldest first. Journals with
    /// nothing to recover are removed.
    static func orphans() -> [Orphan] {
        guard let folder = folder(), let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var found: [Orphan] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix("journal-"), name.hasSuffix(".jsonl"),
                let pid = Int(name.dropFirst(8).dropLast(6))
            else { continue }
            let path = "\(folder)/\(name)"
            // Still running (or not ours to signal), unless the pid now names another process.
            let alive = pid == Int(getpid()) || kill(pid_t(pid), 0) == 0 || errno == EPERM
            if alive, !reused(pid, journal: path) { continue }
            guard let orphan = read(path, pid: pid) else { continue }
            if orphan.entries.isEmpty { unlink(path); continue }
            found.append(orphan)
        }
        return found.sorted { $0.pid < $1.pid }
    }

    /// Whether the living process `pid` is not the one that wrote the journal at `path`: the
    /// journal's header names another boot or another start time. A header without them (an
    /// older journal), or a start time that cannot be read, says the process is the writer.
    static func reused(_ pid: Int, journal path: String) -> Bool {
        guard let bytes = try? LocalFileAccess().read(path),
            let line = bytes.split(separator: 0x0A, maxSplits: 1).first,
            let header = try? JSON.parse(bytes: Array(line)),
            let start = header["start"]?.intValue, let boot = header["boot"]?.stringValue
        else { return false }
        if let now = bootID(), now != boot { return true }
        guard let current = startTime(of: pid) else { return false }
        return current != start
    }

    /// Process `pid`'s start time in clock ticks after boot (/proc/PID/stat field 22), or nil.
    static func startTime(of pid: Int) -> Int? {
        guard let bytes = procFile("/proc/\(pid)/stat"),
            let close = bytes.lastIndex(of: UInt8(ascii: ")"))
        else { return nil }
        // Fields from the third on follow the command name, which may hold spaces and parentheses.
        let fields = bytes[(close + 1)...].split(separator: UInt8(ascii: " "))
        guard fields.count > 19 else { return nil }
        return Int(String(decoding: fields[19], as: UTF8.self))
    }

    /// This boot's id (/proc/sys/kernel/random/boot_id), or nil.
    static func bootID() -> String? {
        guard let bytes = procFile("/proc/sys/kernel/random/boot_id") else { return nil }
        let id = String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self)
        return id.isEmpty ? nil : id
    }

    /// A small /proc file's bytes (its size says 0, so it is read until the end), or nil.
    static func procFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while out.count < 1 << 16 {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            out += chunk[..<n]
        }
        return out
    }

    static func read(_ path: String, pid: Int) -> Orphan? {
        guard let bytes = try? LocalFileAccess().read(path) else { return nil }
        var orphan = Orphan(path: path, pid: pid, base: nil, entries: [])
        for line in bytes.split(separator: 0x0A) {
            // A line cut short by the crash does not parse: it was not a completed command.
            guard let entry = try? JSON.parse(bytes: Array(line)) else { continue }
            if let s = entry["run"]?.stringValue {
                orphan.entries.append(("run", s))
            } else if let s = entry["note"]?.stringValue {
                orphan.entries.append(("note", s))
            } else if let p = entry["saved"]?.stringValue ?? entry["opened"]?.stringValue {
                orphan.base = p
                orphan.entries.removeAll()
            }
        }
        return orphan
    }

    /// Keeps a journal the user chose not to recover, out of the way of the next start.
    static func setAside(_ orphan: Orphan) {
        rename(orphan.path, orphan.path + ".declined")
    }
}

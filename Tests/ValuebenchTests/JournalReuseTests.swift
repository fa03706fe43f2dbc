import Foundation
import Testing

/// A journal whose process id now belongs to another living process (pid reuse) was skipped as
/// "still running" and its commands never offered (issue 14 item 13). The header names the
/// process's start time and the boot, and recovery compares them with the pid's process now.
@Suite struct JournalReuseTests {
    /// Field 22 of /proc/PID/stat: the start time in clock ticks after boot.
    static func startTime(_ pid: Int32) throws -> Int {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        let fields = try #require(stat.split(separator: ")").last).split(separator: " ")
        return try #require(Int(fields[19]))
    }

    static func bootID() throws -> String {
        try String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Writes a journal of `pid` (living: this test's process) with `start` and a recorded command.
    func journal(in home: TemporaryFolder, pid: Int32, start: Int, boot: String) throws {
        let folder = home.file("state/valuebench")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try home.write(
            "state/valuebench/journal-\(pid).jsonl",
            """
            {"valuebench_journal":1,"pid":\(pid),"start":\(start),"boot":"\(boot)"}
            {"run":"enterprise add Ghost"}

            """)
    }

    @Test(arguments: [(1, true), (0, false)])
    func aReusedPidIsRecovered(startOffset: Int, sameBoot: Bool) throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let me = getpid()
        try journal(
            in: home, pid: me, start: try Self.startTime(me) + startOffset,
            boot: sameBoot ? try Self.bootID() : "00000000-0000-0000-0000-000000000000")
        let r = try runValuebench(["--recover", "-c", "enterprise list --json"], home: home.path)
        #expect(r.stderr.contains("Recovered 1 command from the journal"), "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("Ghost"))
    }

    /// The journal of a process that is still running (same pid, start time and boot) is left alone.
    @Test func aLivingWritersJournalIsLeftAlone() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let me = getpid()
        try journal(in: home, pid: me, start: try Self.startTime(me), boot: try Self.bootID())
        let r = try runValuebench(["--recover", "-c", "enterprise list --json"], home: home.path)
        #expect(!r.stderr.contains("Recovered"), "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: home.file("state/valuebench/journal-\(me).jsonl")))
    }
}

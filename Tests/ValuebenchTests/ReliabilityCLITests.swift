import Foundation
import Testing

/// Issue 14, through the built executable: input that cannot be a script ends with one clear
/// line and status 2; a bad line is an error, not a guess.
@Suite struct ReliabilityCLITests {
    @Test func anOverlongLineIsUnreadableInput() throws {
        let r = try runValuebench([], input: "enterprise add A\n" + String(repeating: "x", count: 2 << 20) + "\nenterprise list\n")
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot read standard input: line 2 is longer than 1 MiB"), "\(r.stderr.prefix(300))")
        #expect(r.stderr.utf8.count < 400)
    }

    @Test func devZeroDoesNotAbort() throws {
        let r = try runValuebench(["/dev/zero"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot read /dev/zero: line 1 is longer than 1 MiB"), "\(r.stderr.prefix(300))")
    }

    @Test func invalidUTF8InACommandLineIsAnError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var bytes = Array("enterprise add A\nenterprise add B".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\nenterprise list --json\n".utf8)
        FileManager.default.createFile(atPath: folder.file("s.vb"), contents: Data(bytes))
        let r = try runValuebench([folder.file("s.vb")])
        #expect(r.status == 1)
        #expect(r.stderr.contains("line 2: the line holds bytes that are not UTF-8"), "\(r.stderr)")
        #expect(!r.stdout.contains("\"B"))
    }

    @Test func errorsQuoteLongTokensShortly() throws {
        let r = try runValuebench([], input: "enterprise show '" + String(repeating: "y", count: 100_000) + "'\n")
        #expect(r.status == 1)
        #expect(r.stderr.utf8.count < 400, "\(r.stderr.prefix(400))")
        #expect(r.stderr.contains("…"))
    }
}

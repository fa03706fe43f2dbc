import Foundation
import Testing

/// Scripting: the built executable with stdin not a terminal, `-c`, script files, `--bail`,
/// `--echo`, exit statuses, and error lines naming the script line.
@Suite struct ScriptTests {
    @Test func stdinScriptRunsEveryLineWithoutPromptOrBanner() throws {
        let r = try runValuebench([], input: "enterprise add CATL --industry batteries\nenterprise list --json\n")
        #expect(r.status == 0)
        #expect(r.stdout == "Added enterprise CATL.\n[{\"name\":\"CATL\",\"industry\":\"batteries\"}]\n")
        #expect(r.stderr == "")
    }

    @Test func noColourWhenNotATerminal() throws {
        let r = try runValuebench([], input: "enterprise add A\nenterprise list\nbogus\n")
        #expect(!r.stdout.contains("\u{1B}"))
        #expect(!r.stderr.contains("\u{1B}"))
    }

    @Test func aFailedCommandIsStatusOneAndTheRestStillRuns() throws {
        let r = try runValuebench([], input: "enterprise add A\nbogus words\nenterprise add B\n")
        #expect(r.status == 1)
        #expect(r.stdout == "Added enterprise A.\nAdded enterprise B; still working on A (`use B` to switch).\n")
        #expect(r.stderr.hasPrefix("error: line 2: unknown command 'bogus'"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    /// A file's cell with a line break or an ESC, quoted in an error, kept the error on one line
    /// only in appearance: it was printed raw, as two lines, escape and all.
    @Test func errorsQuotingFileDataStayOneLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("kano.csv", "feature,functional,dysfunctional\nA,\"1\n2\",5\n")
        try folder.write("s.csv", "q\n\"\u{1B}[2J\"\n")
        let r = try runValuebench(
            ["-c", "diff kano kano.csv", "-c", "kpi nps --file s.csv --column q"], directory: folder.path)
        #expect(r.status == 1)
        #expect(r.stderr.split(separator: "\n").count == 2, "\(r.stderr)")
        #expect(r.stderr.contains("functional answer '1␊2'"))
        #expect(r.stderr.contains("'␛[2J'") && !r.stderr.contains("\u{1B}"))
    }

    @Test func bailStopsAtTheFirstError() throws {
        let r = try runValuebench(["--bail"], input: "enterprise add A\nenterprise add A\nenterprise add B\n")
        #expect(r.status == 1)
        #expect(r.stdout == "Added enterprise A.\n")
        #expect(r.stderr.hasPrefix("error: line 2: "))
        #expect(!r.stdout.contains("Added enterprise B"))
    }

    @Test func repeatedDashCRunsInOrder() throws {
        let r = try runValuebench([
            "-c", "enterprise add 宁德时代", "-c", "enterprise add 胖东来", "-c", "enterprise list --json",
        ])
        #expect(r.status == 0)
        #expect(r.stdout.hasSuffix("[{\"name\":\"宁德时代\",\"industry\":null},{\"name\":\"胖东来\",\"industry\":null}]\n"))
    }

    @Test func dashCFailureIsStatusOne() throws {
        let r = try runValuebench(["-c", "enterprise add \"unclosed"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("unbalanced quote"))
    }

    @Test func scriptFileWithContinuationAndCommentsNamesTheLineOfAnError() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        try dir.write(
            "tour.vbench",
            """
            # A tour
            enterprise add \\
              "Café Nord" --industry retail

            use "Café Nord"
            enterprise lst
            enterprise list --json

            """)
        let r = try runValuebench([dir.file("tour.vbench")])
        #expect(r.status == 1)
        #expect(
            r.stdout
                == """
                Added enterprise Café Nord.\nNow working on Café Nord.\n[{\"name\":\"Café \
                Nord\",\"industry\":\"retail\"}]\n
                """
        )
        #expect(r.stderr == "error: line 6: unknown command 'enterprise lst'; did you mean 'enterprise list'?\n")
    }

    @Test func echoPrintsEachCommandBeforeItsOutput() throws {
        let r = try runValuebench(["--echo"], input: "enterprise add A\n\nenterprise list --json\n")
        #expect(r.status == 0)
        #expect(
            r.stdout
                == """
                > enterprise add A\nAdded enterprise A.\n> enterprise list \
                --json\n[{\"name\":\"A\",\"industry\":null}]\n
                """
        )
    }

    @Test(arguments: [
        (["/nonexistent/script.vbench"], "error: cannot read /nonexistent/script.vbench: No such file or directory\n"),
        (["--no-such-flag"], "error: Unknown option '--no-such-flag'"),
    ])
    func badUsageIsStatusTwo(arguments: [String], message: String) throws {
        let r = try runValuebench(arguments)
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix(message))
        #expect(r.stdout == "")
    }

    @Test func aFolderAsTheScriptIsStatusTwo() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        let r = try runValuebench([dir.path])
        #expect(r.status == 2)
        #expect(r.stderr == "error: cannot read \(dir.path): Is a directory\n")
    }

    @Test func emptyInputIsSuccess() throws {
        let r = try runValuebench([], input: "")
        #expect(r.status == 0)
        #expect(r.stdout == "")
        #expect(r.stderr == "")
    }

    @Test func quitEndsAScriptWithoutWarning() throws {
        let r = try runValuebench([], input: "enterprise add A\nquit\nenterprise add B\n")
        #expect(r.status == 0)
        #expect(r.stdout == "Added enterprise A.\n")
        #expect(r.stderr == "")
    }

    @Test func scriptsWriteNoHistory() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let r = try runValuebench([], input: "enterprise add A\n", home: home.path)
        #expect(r.status == 0)
        #expect(!FileManager.default.fileExists(atPath: home.file("state/valuebench")))
        #expect(!FileManager.default.fileExists(atPath: home.file(".local/state/valuebench")))
    }
}

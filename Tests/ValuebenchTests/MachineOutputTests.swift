import Foundation
import Testing
import TestSupport

/// Output for programs: `--json` Lines, `--quiet`, `--version`, CSV and TSV read back by Python.
@Suite struct MachineOutputTests {
    static let script = """
        enterprise add 胖东来
        # a comment gives no object
        enterprise add "Dennis Department Store (丹尼斯)"
        bogus words
        set format json
        enterprise list

        """

    /// Each line of `text` as a JSON object.
    func objects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not an object: \(line)")
        }
    }

    @Test func jsonLinesGiveOneObjectPerCommandLineFailuresIncluded() throws {
        let r = try runValuebench(["--json"], input: Self.script)
        #expect(r.status == 1)
        let lines = try objects(r.stdout)
        #expect(lines.count == 5)
        #expect(lines.map { $0["line"] as? Int } == [1, 3, 4, 5, 6])
        #expect(lines[0]["command"] as? String == "enterprise add 胖东来")
        #expect(lines[0]["ok"] as? Bool == true)
        #expect((lines[0]["result"] as? [String: Any])?["name"] as? String == "胖东来")
        #expect(lines[2]["ok"] as? Bool == false)
        let error = try #require(lines[2]["error"] as? [String: Any])
        #expect(error["code"] as? String == "UnknownCommand")
        #expect((error["message"] as? String)?.contains("bogus") == true)
        #expect(lines[2]["result"] == nil)
        #expect(lines[3]["result"] is NSNull)
        #expect((lines[4]["result"] as? [Any])?.count == 2)
        #expect(r.stderr.contains("error: line 4:"))
    }

    @Test func bailStopsAfterTheFailingLineAndStillPrintsItsObject() throws {
        let r = try runValuebench(["--json", "--bail"], input: Self.script)
        #expect(r.status == 1)
        let lines = try objects(r.stdout)
        #expect(lines.count == 3)
        #expect(lines.last?["ok"] as? Bool == false)
        #expect(lines.last?["line"] as? Int == 4)
    }

    @Test func jsonLinesKeepRepliesAndSavesOffStdout() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let r = try runValuebench(
            [
                "--json", "--echo", "-c", "enterprise add A", "-c", "help kpi nps", "-c", "save out.ipynb",
                "-c", "replay out.ipynb",
            ], directory: folder.path)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = try objects(r.stdout)
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0["ok"] as? Bool == true })
        #expect(r.stderr.contains("> enterprise add A"))
    }

    @Test func pythonReadsTheJSONLines() throws {
        let r = try runValuebench(["--json"], input: Self.script + "kpi nps 10 9 8 0\n")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("out.jsonl", r.stdout)
        let python = try runPython(
            "import json,sys; docs=[json.loads(l) for l in sys.stdin]; print(len(docs), docs[-1]['ok'])",
            input: folder.file("out.jsonl"))
        #expect(python == "6 True\n")
    }

    @Test func quietLeavesOnlyResults() throws {
        let r = try runValuebench(
            ["-q"], input: "enterprise add A\nfactor set A Service 8\nundo\nenterprise list --json\n")
        #expect(r.status == 0)
        #expect(r.stdout == "[{\"name\":\"A\",\"industry\":null}]\n")
    }

    @Test func setFormatJSONKeepsItsConfirmationOffStdout() throws {
        let r = try runValuebench([], input: "set format json\nenterprise add A\nenterprise list\n")
        #expect(r.stdout == "{\"name\":\"A\",\"industry\":null}\n[{\"name\":\"A\",\"industry\":null}]\n")
        #expect(r.stderr.contains("Results are now printed as json."))
    }

    @Test func versionPrintsTheProgramAndItsNumber() throws {
        let r = try runValuebench(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("valuebench "))
        #expect(r.stdout.split(separator: " ").last?.split(separator: ".").count == 3)
    }

    static var survey: String {
        Repository.path("notebooks/data/pangdonglai-pulse.csv")
    }

    @Test(arguments: ["csv", "tsv"])
    func delimitedOutputIsNothingButTheTableWithPlainNumbers(format: String) throws {
        let r = try runValuebench([
            "-c", "set format \(format)", "-c", "kpi survey \(Self.survey) --nps Q1 --csat Q2 --ces Q3 --by Store",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("±") && !r.stdout.contains(" / ") && !r.stdout.contains("Qualtrics"))
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("out", r.stdout)
        let delimiter = format == "csv" ? "," : "\\t"
        // Every row has the header's width, and every figure column reads as a number.
        let check = """
            import csv, sys
            rows = list(csv.reader(sys.stdin, delimiter='\(delimiter)'))
            head = rows[0]
            assert all(len(r) == len(head) for r in rows), rows
            for r in rows[1:]:
                for name in ('value', 'moe95', 'n', 'skipped'):
                    float(r[head.index(name)])
            print(len(rows) - 1, ','.join(head))
            """
        let python = try runPython(check, input: folder.file("out"))
        #expect(
            python.hasSuffix("metric,Store,value,moe95,n,promoters,passives,detractors,satisfied,sd,skipped\n"),
            "\(python)")
    }

    @Test func csvSplitsCompoundCellsOfOtherTables() throws {
        let r = try runValuebench([
            "-c", "set format csv", "-c", "kpi nps --file \(Self.survey) --column Q1 --by Store",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("±") && !r.stdout.contains(" / "), "\(r.stdout)")
        #expect(r.stdout.hasPrefix("Store,NPS,95%,N,P,Pa,D\n"), "\(r.stdout)")
    }
}

/// Runs `code` with the project's Python (its .venv, else python3 on the PATH), `input` on stdin;
/// returns stdout.
func runPython(_ code: String, input: String) throws -> String {
    let venv = Repository.path(".venv/bin/python3")
    let process = Process()
    process.executableURL = URL(
        fileURLWithPath: FileManager.default.isExecutableFile(atPath: venv) ? venv : "/usr/bin/python3")
    process.arguments = ["-c", code]
    process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "python failed")
    return String(decoding: data, as: UTF8.self)
}

import Foundation
import Testing
import Workbench
@testable import KPI

/// SPSS `.sav` files with value labels, written at test time by Fixtures/make_sav.py with
/// pyreadstat from the project's venv (`make test` sets VALUEBENCH_PYTHON). Expected figures are
/// counted by hand from the script's data.
/// The Python that writes the test files (`make test` sets it to the venv's).
enum SPSSPython {
    static var path: String? {
        ProcessInfo.processInfo.environment["VALUEBENCH_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
    }
}

@Suite(
    .enabled(
        if: SPSSPython.path != nil,
        "VALUEBENCH_PYTHON is not set: run `make test`, or set it to a Python with pyreadstat"))
struct SPSSTests {
    /// Writes the test file once per process.
    static let file: Result<String, any Error> = Result {
        let path = try TemporaryFolder("sav").file("survey.sav")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: SPSSPython.path ?? "/usr/bin/python3")
        p.arguments = [Paths.fixture("make_sav.py"), path]
        let err = Pipe()
        p.standardError = err
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw CommandError("Python", "make_sav.py failed: \(message)") }
        return path
    }

    var path: String { get throws { try SPSSTests.file.get() } }

    @Test func columnsFromNamesLabelsAndValueLabels() throws {
        var b = Bench()
        let d = b.data("kpi columns \(try path)")
        #expect(d["format"] == "spss" && d["responses"] == 12)
        let columns = d["columns"]?.arrayValue ?? []
        #expect(columns.map { $0["name"]?.stringValue ?? "" } == ["ID", "STORE", "Q5", "Q6", "FOOD", "COMMENT"])
        #expect(columns[2]["question"] == "How likely are you to recommend us?")
        // Q5: 99 is user-missing and one answer is system-missing: 10 answers, 3 of them labelled.
        #expect(columns[2]["answers"] == 10 && columns[2]["kind"] == "numbers and labels")
        #expect(
            columns[2]["labels"] == ["Extremely likely": 2, "Not at all likely": 1] && columns[2]["low"] == 3
                && columns[2]["high"] == 9)
        #expect(columns[4]["labels"] == ["Yum!": 6, "Horrendous": 3, "Okay": 3])
        #expect(columns[5]["answers"] == 4)
        #expect(b.text("kpi columns \(try path)").contains("SPSS (detected)"))
    }

    /// (command, n, first count, second count, skipped): value labels read back as their codes.
    @Test(arguments: [
        ("kpi nps --file FILE --column Q5", 10, 4, 4, 2),  // promoters, detractors
        ("kpi nps --file FILE --column 'How likely are you to recommend us?'", 10, 4, 4, 2),
        ("kpi csat --file FILE --column Q6", 11, 6, 5, 1),  // satisfied, not satisfied
        ("kpi csat --file FILE --column 'How satisfied are you with your visit?'", 11, 6, 5, 1),
        // FOOD's codes run the wrong way (1 = Yum!): as coded nobody is satisfied; the map fixes it.
        ("kpi csat --file FILE --column FOOD", 12, 0, 12, 0),
        ("kpi csat --file FILE --column FOOD --map 'Yum!=5,Okay=3,Horrendous=1'", 12, 6, 6, 0),
    ])
    func metrics(_ line: String, _ n: Int, _ first: Int, _ second: Int, _ skipped: Int) throws {
        var b = Bench()
        let d = b.data(line.replacingOccurrences(of: "FILE", with: try path))
        #expect(d["n"]?.intValue == n && d["skipped"]?.intValue == skipped)
        if line.hasPrefix("kpi nps") {
            #expect(d["promoters"]?.intValue == first && d["detractors"]?.intValue == second && d["nps"] == 0)
        } else {
            #expect(d["satisfied"]?.intValue == first && n - (d["satisfied"]?.intValue ?? 0) == second)
        }
    }

    @Test func surveyByValueLabels() throws {
        var b = Bench()
        let d = b.data("kpi survey \(try path) --nps Q5 --csat Q6 --by STORE")
        let groups = d["nps"]?["groups"]?.arrayValue ?? []
        #expect(groups.map { $0["group"]?.stringValue ?? "" } == ["North", "South"])
        #expect(
            groups[0]["promoters"] == 3 && groups[0]["passives"] == 1 && groups[0]["detractors"] == 1
                && groups[0]["skipped"] == 1)
        #expect(groups[1]["promoters"] == 1 && groups[1]["passives"] == 1 && groups[1]["detractors"] == 3)
        #expect(d["csat"]?["total"]?["satisfied"] == 6 && d["format"] == "spss" && d["rows"] == 12)
        let mapped = b.data("kpi survey \(try path) --csat FOOD --map 'csat:Yum!=5,Okay=3,Horrendous=1'")
        #expect(mapped["csat"]?["satisfied"] == 6)
    }

    @Test func compareStoresByValueLabel() throws {
        var b = Bench()
        // North: 3 promoters, 1 passive, 1 detractor (99 is missing); South: 1, 1, 3.
        let d = b.data("kpi compare North South --file \(try path) --column Q5 --by STORE")
        #expect(
            d["first"]?["n"] == 5 && d["first"]?["nps"] == 40 && d["second"]?["nps"] == -40 && d["difference"] == 80)
    }

    @Test func stringAnswersAreLabels() throws {
        var b = Bench()
        let e = b.error("kpi csat --file \(try path) --column COMMENT")
        #expect(e.code == "UnmappedLabels" && e.message.contains("'great' 2, 'ok, fine' 1, 'slow' 1"), "\(e.message)")
        let lenient = b.error("kpi csat --file \(try path) --column COMMENT --lenient")
        #expect(lenient.message.contains("8 blank, 4 invalid: 'great' 2"), "\(lenient.message)")
    }

    @Test func notAnSPSSFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kpi-bad-sav-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("broken.sav").path
        try Data("$FL2 not really".utf8).write(to: URL(fileURLWithPath: bad))
        var b = Bench()
        let e = b.error("kpi columns \(bad)")
        #expect(e.code == "BadFile" && e.message.contains("not a readable SPSS file"), "\(e.message)")
    }
}

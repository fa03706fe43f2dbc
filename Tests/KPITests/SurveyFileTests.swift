import Foundation
import Testing
import Workbench
@testable import KPI

/// Real exports (beside the project) and the formats' own fixtures; expected figures computed
/// from the definitions with Python's csv module.
@Suite struct SurveyFileTests {
    @Test func airlinesExport() {
        var b = Bench()
        let path = Paths.external("airlines-nps.csv")
        let d = b.data("kpi nps --file \(path) --column 3")
        #expect(
            d["n"] == 5723 && d["promoters"] == 2069 && d["passives"] == 2096 && d["detractors"] == 1558
                && d["skipped"] == 0)
        #expect(close(d["nps"]?.doubleValue, 8.92888345273458) && close(d["moe95"]?.doubleValue, 2.048905405312591))
        // By header text, with --by: 98 airlines, sorted; names with commas kept whole.
        let g = b.data("kpi nps --file \(path) --column \"How likely are you to recommend this airline?\" --by Airline")
        #expect(g["by"] == "Airline")
        let groups = g["groups"]?.arrayValue ?? []
        #expect(groups.count == 98)
        #expect(groups.first?["group"] == "Abbott, Boyle and Morar" && groups.first?["n"] == 60)
        #expect(close(groups.first?["nps"]?.doubleValue, 13.333333333333334))
        let schmeler = groups.first { $0["group"] == "Schmeler, Schimmel and Collier" }
        #expect(schmeler?["promoters"] == 29 && schmeler?["passives"] == 21 && schmeler?["detractors"] == 15)
        #expect(g["total"]?["n"] == 5723)
    }

    @Test func prepAir() {
        var b = Bench()
        let d = b.data("kpi nps --file \(Paths.external("prep-air-nps.csv")) --column 3")
        #expect(d["n"] == 184 && d["promoters"] == 74 && d["passives"] == 75 && d["detractors"] == 35)
        #expect(close(d["nps"]?.doubleValue, 21.195652173913043) && close(d["moe95"]?.doubleValue, 10.604568198914818))
    }

    @Test func googleFormsExport() {
        var b = Bench()
        let path = Paths.external("sudzilla-google-forms.csv")
        let cols = b.data("kpi columns \(path)")
        #expect(cols["format"] == "google-forms" && cols["responses"] == 39 && cols["columns"]?.arrayValue?.count == 11)
        #expect(cols["columns"]?.arrayValue?[2]["answers"] == 37)
        let d = b.data("kpi nps --file \(path) --column 2")
        #expect(d["n"] == 39 && d["promoters"] == 8 && d["passives"] == 9 && d["detractors"] == 22)
        #expect(close(d["nps"]?.doubleValue, -35.8974358974359))
        let closing = b.data(
            "kpi nps --file \(path) --column \"On a scale of 0-10, how would you rate the closing keynote?\"")
        #expect(closing["promoters"] == 10 && closing["detractors"] == 22)
        #expect(b.text("kpi nps --file \(path) --column 2").contains("Google Forms"))
    }

    @Test func qualtricsExport() {
        var b = Bench()
        let path = Paths.external("qualtrics-sample.csv")
        let cols = b.data("kpi columns \(path)")
        #expect(cols["format"] == "qualtrics" && cols["responses"] == 1)
        #expect(cols["columns"]?.arrayValue?[17]["id"] == "QID1")
        #expect(cols["columns"]?.arrayValue?[9]["question"] == "Nachname des Empfängers")
        let d = b.data("kpi csat --file \(path) --column QID1")
        #expect(d["n"] == 1 && d["satisfied"] == 0)
    }

    @Test func qualtricsWithBOMAndCRLF() {
        var b = Bench()
        let path = Paths.fixture("qualtrics-nps.csv")
        for column in ["Q1", "QID1", "Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?", "4"] {
            let d = b.data("kpi nps --file \(path) --column \"\(column)\"")
            #expect(
                d["n"] == 5 && d["promoters"] == 2 && d["passives"] == 1 && d["detractors"] == 2 && d["nps"] == 0,
                "\(column)")
        }
        let s = b.data("kpi survey \(path) --nps QID1 --csat Q2")
        #expect(
            s["format"] == "qualtrics" && s["rows"] == 5 && s["csat"]?["satisfied"] == 3 && s["csat"]?["csat"] == 60)
        // As plain CSV, the second and third header rows are answers: an error names them.
        let e = b.error("kpi nps --file \(path) --column Q1 --format plain")
        #expect(e.message.contains("row 2") && e.message.contains("'Q1'"), "\(e.message)")
    }

    @Test func surveyMonkeyExport() {
        var b = Bench()
        let path = Paths.fixture("surveymonkey.csv")
        let cols = b.data("kpi columns \(path)")
        #expect(cols["format"] == "surveymonkey" && cols["responses"] == 6)
        #expect(cols["columns"]?.arrayValue?[8]["name"] == "Rate our support: - Friendliness")
        let d = b.data(
            """
            kpi nps --file \(path) --column \"How likely is it that you would recommend Acme to a friend or \
            colleague?\"
            """
        )
        #expect(d["n"] == 5 && d["promoters"] == 2 && d["passives"] == 1 && d["detractors"] == 2 && d["skipped"] == 1)
        let c = b.data("kpi csat --file \(path) --column 7")
        #expect(c["n"] == 6 && c["satisfied"] == 3)
        let speed = b.data("kpi csat --file \(path) --column \"Rate our support: - Speed\"")
        #expect(speed["n"] == 6 && speed["satisfied"] == 2)
    }

    @Test func typeformExport() {
        var b = Bench()
        let path = Paths.fixture("typeform.csv")
        let s = b.data("kpi survey \(path) --nps 2 --ces \"How easy was it to get help today?\"")
        #expect(s["format"] == "typeform" && s["rows"] == 5)
        #expect(s["nps"]?["nps"] == 40 && s["ces"]?["mean"] == 5.2)
        let by = b.data("kpi nps --file \(path) --column 2 --by \"Which plan are you on?\"")
        let groups = by["groups"]?.arrayValue ?? []
        #expect(groups.map { $0["group"]?.stringValue ?? "" } == ["Basic", "Pro"])
        #expect(groups.first?["nps"] == -50 && groups.last?["nps"] == 100 && groups.last?["n"] == 3)
        let surveyBy = b.data("kpi survey \(path) --nps 2 --by 4")
        #expect(surveyBy["nps"]?["groups"]?.arrayValue?.count == 2 && surveyBy["nps"]?["total"]?["n"] == 5)
    }

    @Test func engagementFromAFile() {
        var b = Bench()
        let d = b.data(
            """
            kpi engagement --file \(Paths.fixture("engagement.csv")) --column Vigor --column Dedication \
            --column Absorption
            """
        )
        #expect(
            d["n"] == 4 && d["engaged"] == 3 && d["skipped"] == 1 && close(d["mean"]?.doubleValue, 4.541666666666666))
    }

    // MARK: Malformed files

    @Test func unterminatedQuote() {
        var b = Bench()
        let e = b.error("kpi nps --file \(Paths.fixture("unterminated.csv")) --column NPS")
        #expect(
            e.message.contains("unterminated.csv") && e.message.contains("row 3") && e.message.contains("never closed"),
            "\(e.message)")
    }

    @Test func badUTF8() {
        var b = Bench()
        let e = b.error("kpi nps --file \(Paths.fixture("bad-utf8.csv")) --column NPS")
        #expect(
            e.message.contains("row 3") && e.message.contains("not valid UTF-8") && e.message.contains("0xE9"),
            "\(e.message)")
    }

    @Test func nonNumericAnswerNamesFileRowAndColumn() {
        var b = Bench()
        let path = Paths.fixture("non-numeric.csv")
        let e = b.error("kpi nps --file \(path) --column NPS")
        // A word among the answers: every answer that is not a number in range, by value, and where the first is.
        #expect(e.code == "UnmappedLabels")
        for fragment in [
            "non-numeric.csv: column 'NPS' (2) has 2 answers", "'11' 1, 'nine' 1", "first in row 4", "--map 'nine=N'",
            "--lenient",
        ] {
            #expect(e.message.contains(fragment), "\(fragment) in \(e.message)")
        }
        let lenient = b.data("kpi nps --file \(path) --column NPS --lenient")
        #expect(lenient["n"] == 4 && lenient["invalid"] == 2 && lenient["promoters"] == 2 && lenient["passives"] == 2)
        #expect(lenient["invalid_values"] == ["11": 1, "nine": 1])
        let csat = b.data("kpi csat --file \(path) --column CSAT")
        #expect(csat["n"] == 5 && csat["satisfied"] == 4 && csat["skipped"] == 1)
    }

    @Test func outOfRangeAnswer() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kpi-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("range.csv").path
        try "id,CSAT\n1,5\n2,6\n".write(toFile: path, atomically: true, encoding: .utf8)
        var b = Bench()
        let e = b.error("kpi csat --file \(path) --column CSAT")
        #expect(e.message.contains("row 3") && e.message.contains("'6' is outside the scale 1–5"), "\(e.message)")
    }

    @Test(arguments: [
        ("kpi nps --file FILE --column Nope", "no column 'Nope'"),
        ("kpi nps --file FILE --column 99", "no column '99'"),
        ("kpi nps --file FILE", "needs --column"),
        ("kpi nps --file /nonexistent/x.csv --column 1", "x.csv"),
        ("kpi survey FILE", "at least one column"),
    ])
    func fileErrors(_ line: String, _ fragment: String) {
        var b = Bench()
        let e = b.error(line.replacingOccurrences(of: "FILE", with: Paths.external("prep-air-nps.csv")))
        #expect(e.message.contains(fragment), "\(e.message)")
    }

    // MARK: The benchmark generator's figures, on a smaller file

    @Test(arguments: ["plain", "qualtrics"])
    func generatedSurvey(_ format: String) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"),
            FileManager.default.fileExists(atPath: Paths.generator)
        else {
            return  // no Python or no generator beside the project: nothing to compare with
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kpi-gen-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("survey.csv").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = [Paths.generator, "20000", path, "--format", format, "--seed", "7"]
        let err = Pipe()
        p.standardError = err
        try p.run()
        let bytes = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let expected = try JSON.parse(String(decoding: bytes, as: UTF8.self))
        var b = Bench()
        let d = b.data("kpi survey \(path) --nps NPS --csat CSAT --ces CES")
        #expect(d["format"]?.stringValue == format)
        #expect(d["rows"] == expected["rows"])
        #expect(d["nps"]?["n"] == expected["nps_responses"] && d["nps"]?["skipped"] == expected["nps_blank"])
        #expect(d["nps"]?["promoters"] == expected["promoters"] && d["nps"]?["passives"] == expected["passives"])
        #expect(d["nps"]?["detractors"] == expected["detractors"])
        #expect(d["nps"]?["nps"] == expected["nps"])
        #expect(d["csat"]?["csat"] == expected["csat_top2_pct"])
        #expect(d["ces"]?["mean"] == expected["ces_mean"])
        // The same through every scanner.
        let file = try SurveyFile.open(path, files: LocalFileAccess())
        let request = ScanRequest(
            metrics: [.init(column: 3, range: 0...10), .init(column: 4, range: 1...5), .init(column: 5, range: 1...7)],
            group: 2)
        let reference = try ScannerTests.summary(
            file.scan(request, lenient: false, scanner: file.scanner(mode: .simple)))
        for variant in ScannerTests.variants(file) {
            #expect(try ScannerTests.summary(file.scan(request, lenient: false, scanner: variant)) == reference)
        }
    }
}

/// The public API other plugins use: open, resolve columns, tally, compute.
@Suite struct SurveyAPITests {
    @Test func tallyAndCompute() throws {
        let file = try SurveyFile.open(Paths.fixture("typeform.csv"), files: LocalFileAccess())
        #expect(file.format == .typeform)
        let nps = try file.column("How likely are you to recommend Acme to a friend?")
        let plan = try file.column("Which plan are you on?")
        let tally = try file.tally(ScanRequest(metrics: [.init(column: nps, range: 0...10)], group: plan))
        #expect(tally.rows == 5 && tally.groups.map(\.key) == ["Basic", "Pro"])
        #expect(try NPS.compute(histogram: tally.total[0].histogram).score == 40)
        #expect(try NPS.compute(histogram: tally.groups[1].counts[0].histogram).score == 100)
        #expect(throws: CommandError.self) { try file.column("Plan?") }
    }
}

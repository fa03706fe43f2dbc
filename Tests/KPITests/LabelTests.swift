import Foundation
import Testing
import Workbench
@testable import KPI

/// Answers given as labels: numbers read from a label's start or end, `--map`, the error that
/// lists unmapped labels, `--lenient` by value, and `kpi columns`. Expected figures are counted
/// by hand from the files (Python's csv module for the real exports).
@Suite struct LabelTests {
    /// Sudzilla rates food in words; this map orders them best to worst.
    static let food =
        """
        'Give the team a Michelin star!!=5,Yum!=4,\"Some good, some not so good\"=3,Just about edible but I \
        was hungry=2,Horrendous=1'
        """
    static var sudzilla: String { Paths.external("sudzilla-google-forms.csv") }
    static var labels: String { Paths.fixture("labels.csv") }
    static let satisfaction = "'Very dissatisfied=1,Dissatisfied=2,Neutral=3,Satisfied=4,Very satisfied=5'"

    @Test(
        arguments: [
            ("10 - Extremely likely", 10), ("0 - Not at all likely", 0), ("Not at all likely 0", 0),
            ("Extremely likely 10", 10), ("Extremely likely (10)", 10), ("5 stars", 5), ("3: neutral", 3),
            ("  7 ", nil), ("Yum!", nil), ("1st choice", nil), ("2.5 stars", nil), ("rated 4.5", nil),
            ("1 to 5", nil), ("5 out of 5", 5), ("Q3", nil), ("", nil), ("10-Extremely likely", 10),
        ] as [(String, Int?)])
    func numberInLabel(_ label: String, _ expected: Int?) {
        // "  7 " is a plain number (read before labels are looked at), not a label with a number.
        #expect(AnswerLabels.number(in: label) == expected, "\(label)")
    }

    @Test(
        arguments: [
            ("Yum!=5,Good=4", ["yum!": 5, "good": 4]),
            (" Yum! = 5 , \"Some good, some not so good\"=3", ["yum!": 5, "some good, some not so good": 3]),
            ("\"Say \"\"hi\"\"\"=1", ["say \"hi\"": 1]),
            ("a=b=2", ["a=b": 2]),
        ] as [(String, [String: Int])])
    func mapSyntax(_ text: String, _ expected: [String: Int]) throws {
        #expect(try AnswerLabels.parseMap(text) == expected)
    }

    @Test(arguments: [
        ("Yum!", "not LABEL=NUMBER"), ("Yum!=five", "not LABEL=NUMBER"), ("=3", "no label"),
        ("Yum!=5,yum!=4", "mapped twice"), (",", "no LABEL=NUMBER"),
    ])
    func badMaps(_ text: String, _ fragment: String) {
        #expect { try AnswerLabels.parseMap(text) } throws: {
            ($0 as? CommandError)?.message.contains(fragment) == true
        }
    }

    // MARK: Labels in files

    /// Sudzilla's food columns with the map: (column, satisfied, n, blank), counted from the file.
    @Test(arguments: [(7, 13, 38, 1), (8, 12, 39, 0), (9, 16, 39, 0)])
    func sudzillaFoodMapped(_ column: Int, _ satisfied: Int, _ n: Int, _ blank: Int) {
        var b = Bench()
        let d = b.data("kpi csat --file \(Self.sudzilla) --column \(column) --map \(Self.food)")
        #expect(d["n"]?.intValue == n && d["satisfied"]?.intValue == satisfied && d["skipped"]?.intValue == blank)
        #expect(close(d["csat"]?.doubleValue, 100 * Double(satisfied) / Double(n)))
    }

    @Test func sudzillaMeanOfMappedLabels() {
        var b = Bench()
        // Breakfast: 5·5 + 4·8 + 3·10 + 2·10 + 1·5 = 112 over 38 answers.
        let d = b.data("kpi ces --file \(Self.sudzilla) --column 7 --scale 5 --higher-is-easier --map \(Self.food)")
        #expect(d["n"] == 38 && close(d["mean"]?.doubleValue, 112.0 / 38))
    }

    @Test func unmappedLabelsListedWithCounts() {
        var b = Bench()
        let e = b.error("kpi csat --file \(Self.sudzilla) --column 7")
        #expect(e.code == "UnmappedLabels")
        for fragment in [
            "column 'How would you rate the food at Sudzilla (breakfast)?' (7)",
            "38 answers that are not numbers from 1 to 5",
            "5 distinct values", "'Just about edible but I was hungry' 10", "'Some good, some not so good' 10",
            "'Yum!' 8",
            "'Give the team a Michelin star!!' 5", "'Horrendous' 5", "first in row 2", "--map '",
            "\"Some good, some not so good\"=N", "--lenient",
        ] {
            #expect(e.message.contains(fragment), "\(fragment) in \(e.message)")
        }
        // A partial map: only the labels left are listed.
        let partial = b.error("kpi csat --file \(Self.sudzilla) --column 8 --map 'Yum!=5,Horrendous=1'")
        #expect(
            partial.message.contains("24 answers") && partial.message.contains("3 distinct values")
                && !partial.message.contains("Yum!"), "\(partial.message)")
        // In kpi survey, the hint names the metric.
        let survey = b.error("kpi survey \(Self.sudzilla) --nps 2 --csat 9")
        #expect(survey.message.contains("--map csat:'"), "\(survey.message)")
    }

    @Test func numbersAtTheStartOrEndOfLabels() {
        var b = Bench()
        // Column 3: "Not at all likely 0" … "Extremely likely 10" and plain digits; 2 blank.
        let d = b.data("kpi nps --file \(Self.labels) --column 3")
        #expect(d["n"] == 28 && d["promoters"] == 6 && d["passives"] == 5 && d["detractors"] == 17 && d["skipped"] == 2)
        #expect(close(d["nps"]?.doubleValue, 100.0 * (6 - 17) / 28))
        // Column 4: "0 - Not at all likely" … "10 - Extremely likely".
        let e = b.data("kpi nps --file \(Self.labels) --column 4")
        #expect(e["n"] == 30 && e["promoters"] == 6 && e["passives"] == 5 && e["detractors"] == 19)
    }

    @Test func lenientCountsInvalidAnswersByValue() {
        var b = Bench()
        let line = "kpi csat --file \(Self.labels) --column 5 --map \(Self.satisfaction) --lenient"
        let d = b.data(line)
        #expect(d["n"] == 24 && d["satisfied"] == 9 && d["invalid"] == 6)
        #expect(d["invalid_values"] == ["Don't know": 3, "N/A": 3])
        let text = b.text(line)
        #expect(text.contains("6 invalid: 'Don't know' 3, 'N/A' 3"), "\(text)")
        // Without --lenient the two labels left unmapped stop, with their counts.
        let error = b.error("kpi csat --file \(Self.labels) --column 5 --map \(Self.satisfaction)")
        #expect(
            error.message.contains("6 answers") && error.message.contains("'Don't know' 3, 'N/A' 3"), "\(error.message)"
        )
        // With --by: each group's invalid answers.
        let g = b.data(line + " --by Store")
        let groups = g["groups"]?.arrayValue ?? []
        #expect(groups.map { $0["invalid_values"] } == [["Don't know": 3, "N/A": 3], [:]])
        #expect(g["total"]?["invalid_values"] == ["Don't know": 3, "N/A": 3])
        // Without the map every label is invalid and says so.
        let none = b.error("kpi csat --file \(Self.labels) --column 5 --lenient")
        #expect(
            none.message.contains(
                """
                30 invalid: 'Neutral' 6, 'Satisfied' 6, 'Very dissatisfied' 6, 'Dissatisfied' 3, 'Don't \
                know' 3, 'N/A' 3, … (1 more)
                """
            ), "\(none.message)")
        // Out-of-range numbers are counted by value too.
        let nps = b.data("kpi csat --file \(Self.labels) --column 4 --scale 5 --lenient")
        #expect(
            nps["invalid"] == 16 && nps["invalid_values"]?["10 - Extremely likely"] == 3
                && nps["invalid_values"]?["9"] == 3)
    }

    @Test func surveyMapsPerMetric() {
        var b = Bench()
        let d = b.data(
            """
            kpi survey \(Self.sudzilla) --nps 2 --csat 8 --ces 9 --ces-scale 5 --higher-is-easier --map \
            csat:\(Self.food) --map CES:\(Self.food)
            """
        )
        #expect(d["nps"]?["n"] == 39 && d["csat"]?["satisfied"] == 12 && d["ces"]?["n"] == 39)
        // Dinner: 5·12 + 4·4 + 3·8 + 2·8 + 1·7 = 123 over 39.
        #expect(close(d["ces"]?["mean"]?.doubleValue, 123.0 / 39))
        // With one metric the prefix may be left out.
        let one = b.data("kpi survey \(Self.sudzilla) --csat 8 --map \(Self.food)")
        #expect(one["csat"]?["satisfied"] == 12)
        let lenient = b.data("kpi survey \(Self.labels) --nps 3 --csat 5 --map csat:\(Self.satisfaction) --lenient")
        #expect(lenient["csat"]?["invalid_values"] == ["Don't know": 3, "N/A": 3] && lenient["nps"]?["invalid"] == 0)
        let text = b.text("kpi survey \(Self.labels) --nps 3 --csat 5 --map csat:\(Self.satisfaction) --lenient")
        #expect(text.contains("CSAT: 6 invalid: 'Don't know' 3, 'N/A' 3.") && !text.contains("NPS: "), "\(text)")
    }

    @Test(arguments: [
        ("kpi survey FOOD --nps 2 --csat 8 --map 'Yum!=5'", "does not say which metric"),
        ("kpi survey FOOD --nps 2 --map 'ces:Yum!=5'", "no --ces COLUMN"),
        ("kpi csat --file FOOD --column 7 --map 'Yum!'", "not LABEL=NUMBER"),
        ("kpi csat 5 4 --map 'Yum!=5'", "need --file"),
    ])
    func mapErrors(_ line: String, _ fragment: String) {
        var b = Bench()
        let e = b.error(line.replacingOccurrences(of: "FOOD", with: Self.sudzilla))
        #expect(e.message.contains(fragment), "\(e.message)")
    }

    // MARK: kpi columns

    @Test func columnsShowNumbersLabelsAndText() {
        var b = Bench()
        let d = b.data("kpi columns \(Self.sudzilla)")
        let columns = d["columns"]?.arrayValue ?? []
        #expect(
            columns.map { $0["kind"]?.stringValue ?? "" } == [
                "text", "numbers", "text", "numbers", "numbers", "text",
                "labels", "labels", "labels", "text", "text",
            ])
        #expect(columns[1]["low"] == 0 && columns[1]["high"] == 10)
        #expect(
            columns[6]["labels"] == [
                "Just about edible but I was hungry": 10, "Some good, some not so good": 10, "Yum!": 8,
                "Give the team a Michelin star!!": 5, "Horrendous": 5,
            ])
        let text = b.text("kpi columns \(Self.sudzilla)")
        #expect(
            text.contains(
                """
                labels (5): 'Give the team a Michelin star!!' 12, 'Just about edible but I was hun…' 8, \
                'Some good, some not so good' 8, 'Horrendous' 7, …
                """
            ), "\(text)")
        let mixed = b.data("kpi columns \(Self.labels)")["columns"]?.arrayValue ?? []
        #expect(
            mixed[2]["kind"] == "numbers and labels"
                && mixed[2]["labels"] == ["Extremely likely 10": 3, "Not at all likely 0": 3])
        #expect(mixed[4]["kind"] == "labels" && mixed[4]["labels"]?.objectValue?.count == 7)
        let qualtrics = b.data("kpi columns \(Paths.external("qualtrics-sample.csv"))")["columns"]?.arrayValue ?? []
        #expect(
            qualtrics[17]["kind"] == "numbers" && qualtrics[18]["kind"] == "labels" && qualtrics[19]["kind"] == "none")
    }

    // MARK: Every scanner agrees on labels

    @Test func scannersAgreeOnLabels() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kpi-labels-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("labels.csv").path
        let words = [
            "Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied", "N/A", "\"Don't, know\"", "",
        ]
        var text = "id,nps,sat,store\n"
        var expected = [Int](repeating: 0, count: 6), invalid: [String: Int] = [:]
        for i in 0..<20_000 {
            let w = (i * 7 + i / 13) % words.count
            let nps = i % 3 == 0 ? "\(i % 11)" : (i % 3 == 1 ? "\(i % 11) - label" : "label \(i % 11)")
            text += "\(i),\(nps),\(words[w]),S\(i % 3)\n"
            if w < 5 { expected[w + 1] += 1 } else if w < 7 { invalid[w == 5 ? "N/A" : "Don't, know", default: 0] += 1 }
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let file = try SurveyFile.open(path, files: LocalFileAccess())
        let map = try AnswerLabels.parseMap(Self.satisfaction.trimmingCharacters(in: CharacterSet(charactersIn: "'")))
        for group in [nil, 3] as [Int?] {
            let request = ScanRequest(
                metrics: [.init(column: 1, range: 0...10), .init(column: 2, range: 1...5, labels: map)], group: group)
            func summary(_ scanner: SurveyScanner) throws -> String {
                let acc = try file.scan(request, lenient: true, scanner: scanner)
                return SurveyCommands.sortedGroups(acc).map { key, g in
                    "\(key): "
                        + acc.slotCounts(group: g).map { c in
                            "\(c.histogram) \(c.skipped) \(c.invalid) "
                                + AnswerLabels.listing(c.invalidValues, limit: 99)
                        }.joined(separator: " | ")
                }.joined(separator: "\n")
            }
            let reference = try summary(file.scanner(mode: .simple))
            let tally = try file.tally(request, lenient: true)
            #expect(
                tally.total[1].histogram == expected && tally.total[1].invalidValues == invalid
                    && tally.total[0].n == 20_000)
            for variant in ScannerTests.variants(file) { #expect(try summary(variant) == reference) }
        }
    }
}

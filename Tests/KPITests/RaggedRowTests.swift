import Foundation
import Testing
import Workbench
import KPI

/// A row with more or fewer fields than the header (an unquoted comma in a comment) shifted the
/// answers: `kpi nps` counted a respondent's comment as an answer and `--by` made a group of a
/// score (issue 14 item 6). Now it is an error naming file and row; with `--lenient` the row's
/// answers count as invalid. Both scanners agree.
@Suite struct RaggedRowTests {
    static let csv = "id,NPS,segment,comment\n1,9,SMB,fine\n2,6,SMB,slow, but ok\n3,10,ENT,great\n4,3,ENT\n"

    func withFile(_ text: String, _ body: (String) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ragged-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }

    @Test(arguments: ["", " --by segment"])
    func aRaggedRowIsAnErrorNamingFileAndRow(by: String) throws {
        try withFile(Self.csv) { path in
            var bench = Bench()
            let e = bench.error("kpi nps --file \(path) --column NPS\(by)")
            #expect(
                e.message.contains(path) && e.message.contains("row 3") && e.message.contains("5 fields"),
                "\(e.message)")
        }
    }

    @Test func aShortRowIsAnErrorToo() throws {
        try withFile(
            "id,NPS,segment,comment\n1,9,SMB,fine\n2,6,SMB\n",
            { path in
                var bench = Bench()
                let e = bench.error("kpi nps --file \(path) --column NPS")
                #expect(e.message.contains("row 3") && e.message.contains("3 fields"), "\(e.message)")
            })
    }

    @Test func lenientCountsRaggedRowsAsInvalid() throws {
        try withFile(Self.csv) { path in
            var bench = Bench()
            let d = bench.data("kpi nps --file \(path) --column NPS --lenient")
            #expect(d["n"]?.intValue == 2)
            #expect(d["invalid"]?.intValue == 2)
        }
    }

    /// The fast scanner (two threads, SIMD) finds the same rows as the simple one.
    @Test func theFastScannerAgrees() throws {
        var text = "id,NPS,segment,comment\n"
        for i in 0..<60_000 { text += i == 41_234 ? "\(i),7,SMB,a,b\n" : "\(i),\(i % 11),SMB,ok\n" }
        try withFile(text) { path in
            let file = try SurveyFile.open(path, files: LocalFileAccess())
            for mode in [SurveyScanner.Mode.simple, .fast] {
                var request = ScanRequest(metrics: [.init(column: 1, range: 0...10)])
                request.group = nil
                #expect(throws: CommandError.self) { _ = try file.tally(request, mode: mode) }
                let t = try file.tally(request, lenient: true, mode: mode)
                #expect(t.total[0].invalid == 1, "\(mode)")
                #expect(t.total[0].n == 59_999, "\(mode)")
            }
        }
    }
}

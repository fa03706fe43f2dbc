import Foundation
import Testing
import Workbench
@testable import KPI

/// The fast scanner (SIMD or portable, one or two threads, any buffer size) must give what the
/// simple byte-at-a-time scanner gives, on files with quotes, doubled quotes, line breaks in
/// fields, CRLF, blank answers and blank lines, across buffer boundaries and the thread split.
@Suite struct ScannerTests {
    /// Everything a scan found, as text, for comparing scanners.
    static func summary(_ acc: Accumulator) -> String {
        var s =
            """
            rows \(acc.rows) blank \(acc.blankLines) open \(acc.unterminatedQuote) utf8 \
            \(String(describing: acc.badUTF8Offset))
            """
        s += " bad \(String(describing: acc.firstBad))\n"
        let groups = acc.groupKeys.enumerated().sorted { $0.element.lexicographicallyPrecedes($1.element) }
        for (g, key) in groups {
            s +=
                String(decoding: key, as: UTF8.self) + ": "
                + acc.slotCounts(group: g).map { "\($0.histogram) \($0.skipped) \($0.invalid)" }.joined(
                    separator: " | ") + "\n"
        }
        if acc.request.countColumns > 0 {
            s += (0..<acc.request.countColumns).map { String(acc.nonBlank[$0]) }.joined(separator: ",")
        }
        if acc.request.rowMeanThreshold != nil {
            s += " mean \(acc.meanSum) \(acc.meanN) \(acc.meanEngaged) \(acc.meanSkipped)"
        }
        return s
    }

    /// Fast scanners in every configuration.
    static func variants(_ file: SurveyFile) -> [SurveyScanner] {
        var list: [SurveyScanner] = []
        for threads in [1, 2] {
            for buffer in [4096, 4096 + 64 * 7 + 13, 1 << 16, 1 << 20] {
                for simd in [true, false] {
                    var s = file.scanner(mode: .fast)
                    s.threads = threads; s.bufferSize = buffer; s.simd = simd
                    s.parallelAbove = 1
                    list.append(s)
                }
            }
        }
        return list
    }

    /// A deterministic pseudo-random CSV with every awkward thing in it.
    static func generate(rows: Int, seed: UInt64, crlf: Bool, bom: Bool) -> [UInt8] {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let eol = crlf ? "\r\n" : "\n"
        var out = (bom ? "\u{FEFF}" : "") + "id,Segment,NPS,Comment,CSAT" + eol
        let comments = [
            "", "ok", "\"Fast, friendly\"", "\"line one\nline two\"", "\"she said \"\"wow\"\"\"",
            "\"a,b,c\n1,2,3\n\"", "plain text", "\"ünïcødé, “curly”\"", "\"\"", "\"\r\n\"",
        ]
        let segments = ["north", "south", "\"east, upper\"", "west", ""]
        for i in 0..<rows {
            if next(50) == 0 { out += eol; continue }  // a blank line
            let nps = next(25) == 0 ? "" : next(30) == 0 ? "\"\(next(11))\"" : String(next(11))
            let csat = next(40) == 0 ? " \(1 + next(5)) " : String(1 + next(5))
            if next(60) == 0 {
                out += "r\(i),\(segments[next(segments.count)]),\(nps)" + eol  // a short row
                continue
            }
            out += "r\(i),\(segments[next(segments.count)]),\(nps),\(comments[next(comments.count)]),\(csat)" + eol
        }
        return Array(out.utf8)
    }

    static func temporary(_ bytes: [UInt8]) throws -> (path: String, cleanup: () -> Void) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kpi-scan-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("s.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (path, { try? FileManager.default.removeItem(at: dir) })
    }

    static let requests: [ScanRequest] = [
        ScanRequest(metrics: [.init(column: 2, range: 0...10), .init(column: 4, range: 1...5)]),
        ScanRequest(metrics: [.init(column: 2, range: 0...10), .init(column: 4, range: 1...5)], group: 1),
        ScanRequest(metrics: [.init(column: 4, range: 1...5)], group: 0),
        ScanRequest(countColumns: 5),
        ScanRequest(metrics: [.init(column: 2, range: 0...10), .init(column: 4, range: 0...10)], rowMeanThreshold: 5),
    ]

    @Test(arguments: [
        (3000, UInt64(1), false, false), (3000, 2, true, true), (20000, 3, false, true), (20000, 4, true, false),
        (1, 5, false, false), (0, 6, true, false),
    ])
    func fastEqualsSimple(_ rows: Int, _ seed: UInt64, _ crlf: Bool, _ bom: Bool) throws {
        let (path, cleanup) = try Self.temporary(Self.generate(rows: rows, seed: seed, crlf: crlf, bom: bom))
        defer { cleanup() }
        let file = try SurveyFile.open(path, files: LocalFileAccess())
        #expect(file.columns.map(\.name) == ["id", "Segment", "NPS", "Comment", "CSAT"])
        for request in Self.requests {
            let reference = Self.summary(try file.scanner(mode: .simple).scan(request))
            for v in Self.variants(file) {
                let got = Self.summary(try v.scan(request))
                #expect(got == reference, "threads \(v.threads) buffer \(v.bufferSize) simd \(v.simd)")
            }
        }
    }

    @Test func theLastRowMayLackItsNewline() throws {
        var bytes = Self.generate(rows: 500, seed: 9, crlf: false, bom: false)
        bytes += Array("last,north,10,\"no newline, at all\",5".utf8)
        let (path, cleanup) = try Self.temporary(bytes)
        defer { cleanup() }
        let file = try SurveyFile.open(path, files: LocalFileAccess())
        let reference = Self.summary(try file.scanner(mode: .simple).scan(Self.requests[0]))
        #expect(reference.contains("rows 501"))
        for v in Self.variants(file) { #expect(Self.summary(try v.scan(Self.requests[0])) == reference) }
    }

    /// The middle of the file falls inside a long quoted field made of lines that look like rows:
    /// the second thread's guess is wrong, and the first thread must notice and scan on.
    @Test func aWrongSplitGuessIsCaught() throws {
        var text = "id,NPS,Note\n"
        for i in 0..<3000 { text += "a\(i),\(i % 11),x\n" }
        text += "trap,9,\""
        for i in 0..<6000 { text += "fake\(i),10,y\n" }
        text += "\"\n"
        for i in 0..<3000 { text += "b\(i),\(i % 11),z\n" }
        let (path, cleanup) = try Self.temporary(Array(text.utf8))
        defer { cleanup() }
        let file = try SurveyFile.open(path, files: LocalFileAccess())
        let request = ScanRequest(metrics: [.init(column: 1, range: 0...10)])
        let reference = try file.scanner(mode: .simple).scan(request)
        #expect(reference.rows == 6001)
        #expect(reference.slotCounts(group: 0)[0].histogram[10] == 2 * (0..<3000).filter { $0 % 11 == 10 }.count)
        let expected = Self.summary(reference)
        for v in Self.variants(file) {
            #expect(Self.summary(try v.scan(request)) == expected, "threads \(v.threads) buffer \(v.bufferSize)")
        }
    }

    /// Found by Fuzz/FuzzSurveyCSV: a small file whose last quote is never closed; the fast
    /// scanners must report the open quote as the simple one does.
    @Test func anOpenQuoteInASmallFileIsFoundByEveryScanner() throws {
        let text =
            "Q,G\n5,Xi\n\n\r\n8," + String(repeating: "\"", count: 6) + "2"
            + String(repeating: "\"", count: 19) + "aaa\n"
        let (path, cleanup) = try Self.temporary(Array(text.utf8))
        defer { cleanup() }
        let file = try SurveyFile.open(path, files: LocalFileAccess())
        let request = ScanRequest(metrics: [.init(column: 0, range: 0...10)])
        let expected = Self.summary(try file.scanner(mode: .simple).scan(request))
        #expect(expected.contains("open true"))
        for v in Self.variants(file) {
            #expect(
                Self.summary(try v.scan(request)) == expected,
                "threads \(v.threads) buffer \(v.bufferSize) simd \(v.simd)")
        }
    }

    @Test func classifiersAgree() {
        var bytes = [UInt8](repeating: 0, count: 64 * 40)
        var state: UInt64 = 12345
        for i in bytes.indices {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            bytes[i] =
                [UInt8(ascii: "\""), UInt8(ascii: ","), UInt8(ascii: "\n"), UInt8(ascii: "a"), 0xC3, 0xA9][
                    Int((state >> 33) % 6)]
        }
        var inA: UInt64 = 0, inB: UInt64 = 0, highA: Int32 = 0, highB: Int32 = 0
        var pa = [UInt32](repeating: 0, count: 64 * 40 + 32), pb = pa
        let na = fs_index(bytes, 40, UInt8(ascii: ","), &inA, 0, &pa, &highA)
        let nb = fs_index_portable(bytes, 40, UInt8(ascii: ","), &inB, 0, &pb, &highB)
        #expect(na == nb && Array(pa[..<na]) == Array(pb[..<nb]) && inA == inB && highA == highB && highA != 0)
        #expect(fs_prefix_xor(0b1001) == 0b0111)
    }
}

import CFastScan

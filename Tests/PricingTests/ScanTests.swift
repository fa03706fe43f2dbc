import Testing
import Workbench
import KPI
@testable import Pricing

/// The row sink through the fast scanner (two threads, SIMD) gives what the simple scanner gives.
@Suite struct ScanTests {
    @Test func fastAndSimpleScansAgree() throws {
        var text = "TooCheap,Cheap,Expensive,TooExpensive,PiCheap,PiExpensive,Segment\n"
        var state: UInt64 = 12345
        func next(_ m: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) % m
        }
        for i in 0..<60_000 {
            let tc = 500 + next(2000), c = tc + next(900), e = c + next(900), t = e + 1 + next(900)
            func cents(_ v: Int) -> String { "\(v / 100).\(v % 100 < 10 ? "0" : "")\(v % 100)" }
            let quoted = i % 97 == 0 ? "\"\(cents(c))\"" : cents(c)
            text +=
                """
                \(cents(tc)),\(quoted),\(i % 89 == 0 ? "" : cents(e)),\(cents(t)),\(1 + next(5)),\
                \(1 + next(5)),\(["a", "b", "c"][i % 3])\n
                """
        }
        let path = Files.write("scan.csv", text)
        let file = try SurveyFile.open(path, files: LocalFileAccess())
        func run(_ mode: SurveyScanner.Mode) throws -> [PSMGroup] {
            let (sink, rows) = try file.scanRows([0, 1, 2, 3, 4, 5, 6], mode: mode) {
                PSMRows(nms: true, grouped: true)
            }
            #expect(rows == 60_000)
            return (sink as! PSMRows).groups
        }
        let simple = try run(.simple), fast = try run(.fast)
        #expect(simple.map(\.key) == ["a", "b", "c"] && fast.map(\.key) == simple.map(\.key))
        for (s, f) in zip(simple, fast) {
            #expect(s.invalid == f.invalid && s.n == f.n)
            #expect(PSM.analyze(s.chunks) == PSM.analyze(f.chunks))
        }
        #expect(simple.reduce(0) { $0 + $1.total } == 60_000)
    }
}

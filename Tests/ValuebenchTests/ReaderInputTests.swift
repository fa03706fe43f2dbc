import Foundation
import Testing

/// Every CSV reader, fed a table of malformed inputs (issue 14 items 6 and 13): each error line
/// names the file (an adversarial run found 1,387 of 11,990 without it), and a file whose lines
/// end in CR alone (old Mac OS) reads as the same rows as with LF.
@Suite struct ReaderInputTests {
    /// A reader: its command line (`FILE` for the path) and a well-formed file for it, header first.
    struct Reader: Sendable, CustomStringConvertible {
        var command: String
        var header: String
        var rows: [String]
        var description: String { command.split(separator: " ").prefix(2).joined(separator: " ") }
    }

    static let readers = [
        Reader(command: "kpi nps --file FILE --column S", header: "id,S,note", rows: ["1,9,a", "2,6,b", "3,10,c"]),
        Reader(command: "kpi csat --file FILE --column S", header: "id,S,note", rows: ["1,5,a", "2,4,b", "3,2,c"]),
        Reader(command: "kpi ces --file FILE --column S", header: "id,S,note", rows: ["1,5,a", "2,4,b", "3,7,c"]),
        Reader(command: "kpi survey FILE --nps S", header: "id,S,note", rows: ["1,9,a", "2,6,b", "3,10,c"]),
        Reader(
            command: "kpi engagement --file FILE --column S --column T", header: "id,S,T",
            rows: ["1,5,4", "2,3,2", "3,1,5"]),
        Reader(
            command: "kpi compare a b --file FILE --column S --by G", header: "id,S,G",
            rows: ["1,9,a", "2,6,b", "3,10,a", "4,2,b", "5,2,a", "6,10,b"]),
        Reader(command: "kpi columns FILE", header: "id,S,note", rows: ["1,9,a", "2,6,b", "3,10,c"]),
        Reader(
            command: "price psm FILE --too-cheap A --cheap B --expensive C --too-expensive D",
            header: "id,A,B,C,D", rows: ["1,10,20,30,40", "2,12,22,32,42", "3,11,21,35,45"]),
        Reader(
            command: "price demand FILE --at 10=P10 --at 20=P20", header: "id,P10,P20",
            rows: ["1,yes,no", "2,yes,yes", "3,no,no"]),
        Reader(
            command: "diff import FILE", header: "name,industry,price,speed",
            rows: ["A,cells,10,5", "B,cells,12,7", "C,packs,9,3"]),
        Reader(
            command: "diff kano FILE", header: "feature,functional,dysfunctional",
            rows: ["Fast,1,5", "Fast,2,5", "Cheap,1,3"]),
    ]

    /// Malformed variants of a reader's well-formed file.
    static let malformations: [(String, @Sendable (Reader) -> [UInt8])] = [
        ("empty", { _ in [] }),
        ("header only", { r in Array((r.header + "\n").utf8) }),
        ("blank first line", { r in Array(("\n" + r.header + "\n" + r.rows.joined(separator: "\n") + "\n").utf8) }),
        ("a long row", { r in Array(([r.header] + r.rows + [r.rows[0] + ",x,y"]).joined(separator: "\n").utf8) }),
        (
            "a short row",
            { r in
                let short = String(r.rows[1].prefix { $0 != "," })
                return Array(([r.header, r.rows[0], short] + r.rows.dropFirst(2)).joined(separator: "\n").utf8)
            }
        ),
        ("an unclosed quote", { r in Array(([r.header, r.rows[0], "\"" + r.rows[1]]).joined(separator: "\n").utf8) }),
        ("text after a quote", { r in Array(([r.header, "\"x\"y," + r.rows[1]]).joined(separator: "\n").utf8) }),
        (
            "bad UTF-8 in the header",
            { r in
                [0xFF, 0xFE, 0x2C] + Array((r.header + "\n" + r.rows.joined(separator: "\n")).utf8)
            }
        ),
        (
            "bad UTF-8 in a row",
            { r in
                Array((r.header + "\n").utf8) + [0xC3, 0x28, 0x2C, 0x39, 0x0A]
                    + Array(r.rows.joined(separator: "\n").utf8)
            }
        ),
        (
            "letters for numbers",
            { r in
                let rows = r.rows.map { $0.replacingOccurrences(of: "1", with: "q") }
                return Array(([r.header] + rows).joined(separator: "\n").utf8)
            }
        ),
        ("CR-only and ragged", { r in Array(([r.header] + r.rows + [r.rows[0] + ",x"]).joined(separator: "\r").utf8) }),
    ]

    @Test(arguments: readers)
    func everyErrorNamesTheFile(_ reader: Reader) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var script = ""
        for (k, (_, make)) in Self.malformations.enumerated() {
            let path = folder.file("input-\(k).csv")
            try Data(make(reader)).write(to: URL(fileURLWithPath: path))
            script += "enterprise add \"E\(k)\"\n" + reader.command.replacingOccurrences(of: "FILE", with: path) + "\n"
        }
        let r = try runValuebench([], input: script)
        let errors = r.stderr.split(separator: "\n").filter { $0.hasPrefix("error") }
        #expect(errors.count >= 4, "\(reader): \(r.stderr)")
        for line in errors {
            #expect(line.contains(folder.path + "/input-"), "\(reader): \(line)")
        }
        // Each malformed file's error names that file (and no other).
        for (k, (what, _)) in Self.malformations.enumerated() {
            let mine = errors.filter { $0.contains("/input-\(k).csv") }
            #expect(mine.count <= 1, "\(reader), \(what): \(mine)")
        }
    }

    /// A CR-only file gives what the same file with LF gives.
    @Test(arguments: readers)
    func crOnlyFilesReadAsRows(_ reader: Reader) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let lf = folder.file("lf.csv"), cr = folder.file("cr.csv")
        try folder.write("lf.csv", ([reader.header] + reader.rows).joined(separator: "\n") + "\n")
        try folder.write("cr.csv", ([reader.header] + reader.rows).joined(separator: "\r") + "\r")
        func json(_ path: String) throws -> String {
            let line = reader.command.replacingOccurrences(of: "FILE", with: path)
            let r = try runValuebench([], input: line + " --json\n")
            #expect(r.status == 0, "\(reader): \(r.stderr)")
            return r.stdout.replacingOccurrences(of: path, with: "FILE")
        }
        let viaLF = try json(lf)
        #expect(!viaLF.isEmpty)
        #expect(try json(cr) == viaLF, "\(reader)")
    }

    /// `--lenient` counts a ragged row as invalid in `price psm` and `price demand` (it shifted the
    /// answers into the wrong prices before), and reports it.
    @Test func lenientPriceReadersCountRaggedRowsAsInvalid() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // Row 3 has an extra field: read as it stands, its prices 10, 30, 40, 50 are in order.
        try folder.write("psm.csv", "id,A,B,C,D\n1,10,20,30,40\n2,10,x,30,40,50\n3,12,22,32,42\n4,11,21,35,45\n")
        let psmLine = "price psm \(folder.file("psm.csv")) --too-cheap A --cheap B --expensive C --too-expensive D"
        let psm = try runValuebench([], input: psmLine + " --lenient --json\n")
        #expect(psm.status == 0, "\(psm.stderr)")
        let p = try JSONSerialization.jsonObject(with: Data(psm.stdout.utf8)) as? [String: Any]
        let total = (p?["total"] as? [String: Any]) ?? p
        #expect((total?["invalid"] as? Int) == 1, "\(psm.stdout)")
        #expect(((total?["invalid_reasons"] as? [String: Any])?["wrong_fields"] as? Int) == 1, "\(psm.stdout)")
        let strict = try runValuebench([], input: psmLine + "\n")
        #expect(strict.stderr.contains(folder.file("psm.csv") + ": row 3 has 6 fields"), "\(strict.stderr)")

        try folder.write("demand.csv", "id,P10,P20\n1,yes,no\n2,yes,yes,no\n3,yes,yes\n")
        let demandLine = "price demand \(folder.file("demand.csv")) --at 10=P10 --at 20=P20"
        let demand = try runValuebench([], input: demandLine + " --lenient --json\n")
        #expect(demand.status == 0, "\(demand.stderr)")
        #expect(demand.stdout.contains("\"invalid\":1"), "\(demand.stdout)")
    }
}

import FuzzSupport
@testable import KPI
import Workbench

/// The entry point SwiftPM links as `main`.
@_cdecl("FuzzSurveyCSV_main")
public func fuzzSurveyCSVMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzSurveyCSV)
}

/// The survey CSV scanner against a small reference reader (written here from the format's
/// rules, not from the scanner): after the header `Q,G`, the fuzz input is the data rows. The
/// `kpi survey --nps Q` command (simple scanner) and the SIMD scanner on two threads must give
/// the reference's counts, or all three must refuse the file. Answers that are labels ("10 -
/// Extremely likely") are the scanner's own business: such inputs are only run, not compared.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSurveyCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let csv = Array("Q,G\n".utf8) + bytes(data, size)
    let files = MemoryFiles(["s.csv": csv])
    var session = Session(registry: fuzzRegistry, files: files)
    var command: [Int]?
    if case let .success(output, _, _) = session.execute("kpi survey s.csv --nps Q --json"),
        let nps = output.data?["nps"]
    {
        command = ["skipped", "promoters", "passives", "detractors"].map { nps[$0]?.intValue ?? -1 }
    }
    var fast: [Int]?
    if let file = try? SurveyFile.open("s.csv", files: files), file.columns.count == 2 {
        var scanner = file.scanner(mode: .fast)
        scanner.threads = 2; scanner.bufferSize = 4096; scanner.parallelAbove = 1
        let request = ScanRequest(metrics: [.init(column: 0, range: 0...10)])
        if let acc = try? file.scan(request, lenient: false, scanner: scanner),
            let c = acc.slotCounts(group: 0).first, c.n > 0
        {
            let h = c.histogram
            fast = [c.skipped, h[9] + h[10], h[7] + h[8], h[0...6].reduce(0, +)]
        }
    }
    if command != fast {
        fatalError("kpi survey gave \(String(describing: command)), the fast scanner \(String(describing: fast))")
    }
    switch Reference.counts(csv) {
    case let .counts(expected):
        if command != expected {
            fatalError("kpi survey gave \(String(describing: command)), the reference \(expected)")
        }
    case .refused:
        if let command { fatalError("kpi survey gave \(command), the reference refuses the file") }
    case .label:
        break
    }
    return 0
}

/// A plain reader of the format: RFC 4180 quoting, one record per line, spaces trimmed, answers
/// whole numbers 0–10 (`7.0` too), blank answers skipped, blank lines ignored.
enum Reference {
    enum Result { case counts([Int]), refused, label }

    static func counts(_ csv: [UInt8]) -> Result {
        guard String(validating: csv, as: UTF8.self) != nil else { return .refused }
        var records: [[[UInt8]]] = [], fields: [[UInt8]] = [], field: [UInt8] = [], inside = false
        for c in csv {
            if c == 0x22 { inside.toggle(); field.append(c); continue }
            if !inside && c == 0x2C { fields.append(field); field = []; continue }
            if !inside && c == 0x0A { fields.append(field); records.append(fields); fields = []; field = []; continue }
            field.append(c)
        }
        if inside { return .refused }
        if !field.isEmpty || !fields.isEmpty { fields.append(field); records.append(fields) }
        var tally = [0, 0, 0, 0], label = false
        for record in records.dropFirst() {
            if record.count == 1 && (record[0].isEmpty || record[0] == [0x0D]) { continue }
            guard record.count == 2 else { return .refused }
            switch answer(record[0]) {
            case nil: tally[0] += 1
            case let v? where v >= 9 && v <= 10: tally[1] += 1
            case let v? where v >= 7 && v <= 8: tally[2] += 1
            case let v? where v >= 0 && v <= 6: tally[3] += 1
            default: label = true
            }
        }
        if label { return .label }
        return tally[1] + tally[2] + tally[3] == 0 ? .refused : .counts(tally)
    }

    /// The answer in a raw field: nil when blank, -1 when not a whole number.
    static func answer(_ raw: [UInt8]) -> Int? {
        var text: [UInt8] = [], inside = false, i = 0
        let raw = raw.last == 0x0D ? Array(raw.dropLast()) : raw
        while i < raw.count {
            if raw[i] == 0x22 {
                if inside, i + 1 < raw.count, raw[i + 1] == 0x22 { text.append(0x22); i += 2; continue }
                inside.toggle()
            } else {
                text.append(raw[i])
            }
            i += 1
        }
        let blank: Set<UInt8> = [0x20, 0x09, 0x0D]
        let trimmed = text.drop { blank.contains($0) }.reversed().drop { blank.contains($0) }.reversed()
        if trimmed.isEmpty { return nil }
        var body = Substring(String(decoding: Array(trimmed), as: UTF8.self))
        var sign = 1
        if body.first == "-" || body.first == "+" { sign = body.first == "-" ? -1 : 1; body = body.dropFirst() }
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        body = body.dropFirst(digits.count)
        if body.first == "." { body = body.dropFirst().drop { $0 == "0" } }
        guard !digits.isEmpty, digits.count <= 9, body.isEmpty, let v = Int(digits) else { return -1 }
        return sign * v
    }
}

import ValueCore
import Workbench

/// The survey reader behind `diff kano`.
enum KanoCSV {
    static func parse(_ bytes: [UInt8]) throws -> [(feature: String, functional: Int, dysfunctional: Int)] {
        // The reader is `diff import`'s: its errors are said as this command's.
        do { return try read(bytes) } catch let e as CommandError where e.message.hasPrefix("diff import: ") {
            throw CommandError(e.code, "diff kano: " + e.message.dropFirst("diff import: ".count))
        }
    }

    static func read(_ bytes: [UInt8]) throws -> [(feature: String, functional: Int, dysfunctional: Int)] {
        try bytes.withUnsafeBufferPointer { buf in
            var reader = EnterpriseCSV.Reader(buf)
            defer { reader.close() }
            func fail(_ line: Int, _ m: String) -> CommandError {
                CommandError("BadFile", "diff kano: line \(line): \(m)")
            }
            guard let header = try reader.row() else {
                throw CommandError(
                    "BadFile", "diff kano: the file is empty (expected a header: feature,functional,dysfunctional)")
            }
            let names = header.map { String(decoding: $0, as: UTF8.self).trimmingSpaces() }
            func column(_ n: String) throws -> Int {
                guard let i = names.firstIndex(where: { Name.same($0, n) }) else {
                    throw fail(
                        1,
                        "no '\(n)' column (the header needs feature, functional, dysfunctional; "
                            + "got \(names.joined(separator: ",")))"
                    )
                }
                return i
            }
            let fi = try column("feature"), fu = try column("functional"), dy = try column("dysfunctional")
            var out: [(String, Int, Int)] = []
            while let fields = try reader.row() {
                let line = reader.line
                if fields.count == 1 && fields[0].isEmpty { continue }
                guard fields.count == names.count else {
                    throw fail(
                        line, "\(Format.count(fields.count, "field")), expected \(names.count) (as in the header)")
                }
                let feature = String(decoding: fields[fi], as: UTF8.self).trimmingSpaces()
                guard !feature.isEmpty else { throw fail(line, "the feature is empty") }
                func answer(_ i: Int, _ what: String) throws -> Int {
                    let s = String(decoding: fields[i], as: UTF8.self).trimmingSpaces()
                    guard let v = Int(s), (1...5).contains(v) else {
                        throw fail(
                            line,
                            "\(what) answer '\(s)' is not 1–5 (1 Like, 2 Must-be, 3 Neutral, 4 Live-with, 5 Dislike)")
                    }
                    return v
                }
                out.append((feature, try answer(fu, "functional"), try answer(dy, "dysfunctional")))
            }
            guard !out.isEmpty else { throw CommandError("BadFile", "diff kano: no answers after the header") }
            return out
        }
    }
}

import ValueCore
import Workbench
#if canImport(Glibc)
    import Glibc
#endif

/// The reader behind `diff import`: a small, strict, fast CSV reader (RFC 4180 quoting).
enum EnterpriseCSV {
    struct Parsed {
        var factors: [String]
        var enterprises: [Enterprise]
        /// The line each enterprise was read from.
        var lines: [Int32]
    }

    /// `bytes` with every CR read as LF when the lines end in CR alone (old Mac OS: a CR and no
    /// LF), else as they are: such a file read as one row.
    static func lineEnds(_ bytes: [UInt8]) -> [UInt8] {
        guard !bytes.contains(0x0A), bytes.contains(0x0D) else { return bytes }
        return bytes.map { $0 == 0x0D ? 0x0A : $0 }
    }

    static func fail(_ line: some BinaryInteger, _ message: String) -> CommandError {
        CommandError("BadFile", "diff import: line \(line): \(message)")
    }

    /// Parses `bytes`. Names are not checked against each other here: the workspace does that
    /// as it takes them (`Workspace.append(contentsOf:)`), in one look-up per name.
    ///
    /// Files of `parallelAbove` bytes or more whose rows hold no quotes are read as two halves
    /// at once (a million rows take half a second on one core); the answer, errors included,
    /// is the one reading from the top gives.
    static func parse(_ bytes: [UInt8], parallelAbove: Int = 1 << 18) throws -> Parsed {
        try bytes.withUnsafeBufferPointer { buf -> Parsed in
            var reader = Reader(buf)
            defer { reader.close() }
            guard let header = try reader.row() else {
                throw CommandError(
                    "BadFile", "diff import: the file is empty (expected a header: name,industry,price,FACTOR…)")
            }
            let names = header.map { String(decoding: $0, as: UTF8.self).trimmingSpaces() }
            let expected = ["name", "industry", "price"]
            guard names.count >= 4, zip(names.prefix(3), expected).allSatisfy({ Name.same($0, $1) }) else {
                throw fail(
                    1,
                    "the header must be name,industry,price followed by one column per factor "
                        + "(got \(names.prefix(4).joined(separator: ",")))"
                )
            }
            let factors = Array(names.dropFirst(3))
            var seen = Set<NameKey>()
            for f in factors {
                guard !f.isEmpty else { throw fail(1, "a factor column has an empty name") }
                guard Name.controlCharacter(in: f) == nil else {
                    throw fail(
                        1,
                        "factor '\(f.debugDescription.dropFirst().dropLast())' holds a control character; "
                            + "names are printable text"
                    )
                }
                guard seen.insert(NameKey(f)).inserted else { throw fail(1, "factor '\(f)' appears twice") }
            }
            let body = reader.at, firstLine = reader.line
            let rows = Rows(factors: factors)
            // A split point: the start of a row near the middle. Without quotes in the rows, every
            // line break ends a row.
            let middle = body + (buf.count - body) / 2
            var split = middle
            while split < buf.count && buf[split] != 0x0A { split += 1 }
            split += 1
            guard Tuning.threads > 1, buf.count - body >= parallelAbove, split < buf.count,
                memchr(buf.baseAddress! + body, Int32(UInt8(ascii: "\"")), buf.count - body) == nil
            else {
                var part = Rows.Part()
                try rows.read(&reader, into: &part)
                return Parsed(factors: factors, enterprises: part.enterprises, lines: part.lines)
            }
            var secondLine = firstLine
            for b in buf[body..<split] where b == 0x0A { secondLine += 1 }
            let file = Bytes(buf: buf)
            let halves = [(body..<split, firstLine), (split..<buf.count, secondLine)]
            let (first, second) = inParallel { i in
                Result { try rows.read(file.buf, halves[i].0, lineBefore: halves[i].1) }
            }
            var list = try first.get()
            let rest = try second.get()
            list.enterprises.append(contentsOf: rest.enterprises)
            list.lines.append(contentsOf: rest.lines)
            return Parsed(factors: factors, enterprises: list.enterprises, lines: list.lines)
        }
    }

    /// The file's bytes, read by two threads at once (and written by neither).
    private struct Bytes: @unchecked Sendable { let buf: UnsafeBufferPointer<UInt8> }

    /// Reads rows after the header into enterprises.
    struct Rows: Sendable {
        let factors: [String]

        struct Part: Sendable {
            var enterprises: [Enterprise] = []
            var lines: [Int32] = []
        }

        /// The rows of `buf[range]`, a run of whole rows; `lineBefore`: the line before it.
        func read(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lineBefore: Int) throws -> Part {
            var reader = Reader(UnsafeBufferPointer(rebasing: buf[..<range.upperBound]))
            reader.at = range.lowerBound
            reader.line = lineBefore
            defer { reader.close() }
            var part = Part()
            try read(&reader, into: &part)
            return part
        }

        func read(_ reader: inout Reader, into part: inout Part) throws {
            let columns = 3 + factors.count
            let estimate = (reader.buf.count - reader.at) / (8 + 3 * factors.count)
            part.enterprises.reserveCapacity(estimate)
            part.lines.reserveCapacity(estimate)
            var scores: [Double] = []
            while let fields = try reader.row() {
                let line = reader.line
                if line & 4095 == 0 { try Cancellation.check() }
                if fields.count == 1 && fields[0].isEmpty { continue }  // a blank line
                guard fields.count == columns else {
                    throw fail(line, "\(Format.count(fields.count, "field")), expected \(columns) (as in the header)")
                }
                // A line break or an ESC in a name breaks tables and drives the terminal.
                guard !fields[0].contains(where: { $0 < 0x20 || $0 == 0x7F }),
                    !fields[1].contains(where: { $0 < 0x20 || $0 == 0x7F })
                else {
                    throw fail(
                        line,
                        "the name or industry holds a control character (a line break, a tab, ESC); "
                            + "names are printable text"
                    )
                }
                let name = String(decoding: fields[0], as: UTF8.self)
                guard !name.isEmpty else { throw fail(line, "the name is empty") }
                let industry = fields[1].isEmpty ? nil : String(decoding: fields[1], as: UTF8.self)
                var e = Enterprise(name: name, industry: industry)
                if !fields[2].isEmpty {
                    // The range `enterprise set --price` takes: "inf" and 1e308 were stored, and the
                    // value map then computed with infinite prices.
                    guard let p = number(fields[2]), p >= 0, p <= 1e12 else {
                        throw fail(
                            line,
                            "price '\(String(decoding: fields[2], as: UTF8.self))' is not a number "
                                + "from 0 to 1000000000000"
                        )
                    }
                    e.price = p
                }
                scores.removeAll(keepingCapacity: true)
                var complete = true
                for (i, f) in factors.enumerated() {
                    let cell = fields[3 + i]
                    if cell.isEmpty { complete = false; scores.append(-1); continue }
                    guard let v = number(cell), v >= 0, v <= 10 else {
                        throw fail(
                            line, "\(f) score '\(String(decoding: cell, as: UTF8.self))' is not a number from 0 to 10")
                    }
                    scores.append(v)
                }
                if complete {
                    // Every enterprise shares the one `factors` array: it is stored once.
                    e.setFactorScores(names: factors, scores: scores)
                } else {
                    e.factors = factors.indices.filter { scores[$0] >= 0 }.map {
                        FactorScore(factor: factors[$0], score: scores[$0])
                    }
                }
                part.enterprises.append(e)
                part.lines.append(Int32(truncatingIfNeeded: line))
            }
        }
    }

    /// A decimal number: whole numbers take a fast path.
    static func number(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        var value = 0
        var digits = 0
        for b in field {
            guard b >= 0x30 && b <= 0x39, digits < 15 else {
                return Double(String(decoding: field, as: UTF8.self).trimmingSpaces())
            }
            value = value * 10 + Int(b - 0x30)
            digits += 1
        }
        return digits > 0 ? Double(value) : nil
    }

    /// Rows of fields; a field is a slice of the input unless it was quoted with "" inside.
    struct Reader {
        let buf: UnsafeBufferPointer<UInt8>
        var at = 0
        var line = 0
        /// Unquoted copies of quoted fields, alive until the next row (or `close`).
        var scratch: [UnsafeMutableBufferPointer<UInt8>] = []
        var fields: [UnsafeBufferPointer<UInt8>] = []

        init(_ buf: UnsafeBufferPointer<UInt8>) { self.buf = buf }

        /// Frees the copies of the last row's quoted fields.
        mutating func close() {
            for s in scratch { s.deallocate() }
            scratch.removeAll(keepingCapacity: true)
        }

        mutating func row() throws -> [UnsafeBufferPointer<UInt8>]? {
            guard at < buf.count else { return nil }
            line += 1
            fields.removeAll(keepingCapacity: true)
            close()
            let base = buf.baseAddress!
            while true {
                if at < buf.count && buf[at] == UInt8(ascii: "\"") {
                    // Quoted: copy out, turning "" into ".
                    var out: [UInt8] = []
                    at += 1
                    while true {
                        guard at < buf.count else { throw EnterpriseCSV.fail(line, "a quoted field is not closed") }
                        let b = buf[at]
                        if b == UInt8(ascii: "\"") {
                            if at + 1 < buf.count && buf[at + 1] == UInt8(ascii: "\"") {
                                out.append(b); at += 2; continue
                            }
                            at += 1
                            break
                        }
                        if b == 0x0A { line += 1 }
                        out.append(b)
                        at += 1
                    }
                    let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: out.count)
                    _ = copy.initialize(from: out)
                    scratch.append(copy)
                    fields.append(UnsafeBufferPointer(copy))
                } else {
                    let start = at
                    while at < buf.count, buf[at] != UInt8(ascii: ","), buf[at] != 0x0A { at += 1 }
                    var end = at
                    if end > start && buf[end - 1] == 0x0D { end -= 1 }
                    fields.append(UnsafeBufferPointer(start: base + start, count: end - start))
                }
                if at >= buf.count { return fields }
                if buf[at] == UInt8(ascii: ",") { at += 1; continue }
                if buf[at] == 0x0D, at + 1 < buf.count, buf[at + 1] == 0x0A { at += 1 }
                if buf[at] == 0x0A { at += 1; return fields }
                throw EnterpriseCSV.fail(line, "unexpected text after a quoted field")
            }
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}

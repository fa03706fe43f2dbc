import CFastScan
import Workbench

/// Reads the data rows of a survey file once and hands every field to an `Accumulator`.
///
/// Two implementations with the same results: `simple` walks one byte at a time (small files,
/// and the reference in tests); `fast` reads the file with `pread` into small reused buffers on
/// two threads; the C shim (`fs_index`: AVX2 with a run-time CPU check, or portable code)
/// turns 64-byte blocks into quote/separator/newline bit masks, tracks quoting by prefix XOR
/// (carry-less multiply) and lists the offsets of the separators and newlines outside quotes;
/// Swift then takes rows whole when they have the header's number of fields (reading only the
/// wanted fields) and goes field by field otherwise. The second thread starts at a row boundary guessed from the middle
/// of the file; the first thread checks the guess when it gets there and, if it was wrong,
/// scans on itself and the second thread's work is dropped.
public struct SurveyScanner: Sendable {
    public enum Mode: Sendable, Equatable { case automatic, simple, fast }
    public var file: any RandomAccessFile
    /// Where the data rows begin (after the header rows).
    public var dataStart: Int
    /// Columns in the header (to check the split guess).
    public var columnCount: Int
    public var mode: Mode = .automatic
    public var threads = Tuning.threads
    public var bufferSize = 1 << 17
    /// Below this many bytes, `automatic` uses the simple scanner.
    public var simpleBelow = 1 << 18
    /// Files with at least this many bytes of answers are split between two threads.
    public var parallelAbove = 1 << 19
    /// Whether the fast scanner uses the SIMD classifier (false: the portable C code).
    public var simd = true

    public init(file: any RandomAccessFile, dataStart: Int, columnCount: Int) {
        self.file = file; self.dataStart = dataStart; self.columnCount = columnCount
    }

    /// Scans the data rows.
    func scan(_ request: ScanRequest, makeSink: (() -> any SurveyRowSink)? = nil) throws -> Accumulator {
        let useSimple = mode == .simple || (mode == .automatic && file.size - dataStart < simpleBelow)
        return useSimple ? try scanSimple(request, makeSink: makeSink) : try scanFast(request, makeSink: makeSink)
    }

    // MARK: Simple

    func scanSimple(_ request: ScanRequest, makeSink: (() -> any SurveyRowSink)? = nil) throws -> Accumulator {
        let acc = Accumulator(request, sink: makeSink?())
        let size = file.size - dataStart
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, size), alignment: 64)
        defer { buffer.deallocate() }
        var done = 0
        while done < size {
            let n = try file.read(
                into: UnsafeMutableRawBufferPointer(rebasing: buffer[done..<size]), at: dataStart + done)
            if n == 0 { break }
            done += n
        }
        let p = UnsafePointer(buffer.baseAddress!.assumingMemoryBound(to: UInt8.self))
        if let bad = CSV.firstInvalidUTF8(p, 0, done) { acc.badUTF8Offset = dataStart + bad }
        var inside = false
        var col = 0
        var start = 0
        for i in 0..<done {
            let c = p[i]
            if c == CSV.quote { inside.toggle(); continue }
            if inside || (c != CSV.comma && c != CSV.newline) { continue }
            acc.field(col, p, start, i)
            if c == CSV.newline {
                let blank = col == 0 && (i == start || (i == start + 1 && p[start] == CSV.cr))
                if !blank && col + 1 != columnCount { acc.ragged(fields: col + 1) }
                acc.endRow(blank: blank)
                col = 0
            } else {
                col += 1
            }
            start = i + 1
        }
        if inside {
            acc.unterminatedQuote = true
        } else if col > 0 || start < done {
            acc.field(col, p, start, done)
            let blank = col == 0 && (done == start || (done == start + 1 && p[start] == CSV.cr))
            if !blank && col + 1 != columnCount { acc.ragged(fields: col + 1) }
            acc.endRow(blank: blank)
        }
        return acc
    }

    // MARK: Fast

    func scanFast(_ request: ScanRequest, makeSink: (() -> any SurveyRowSink)? = nil) throws -> Accumulator {
        let size = file.size
        let half = (size - dataStart) / 2
        // A split at the very end would leave the first thread's last row (or open quote) unfinished.
        guard threads > 1, size - dataStart >= parallelAbove, half > 0,
            let split = try guessSplit(near: dataStart + half), split < size
        else {
            let w = Worker(scanner: self, request: request, sink: makeSink?())
            defer { w.release() }
            try w.run(from: dataStart, to: size, orOnTo: nil)
            w.finish()
            return w.acc
        }
        let workers = [
            Worker(scanner: self, request: request, sink: makeSink?()),
            Worker(scanner: self, request: request, sink: makeSink?()),
        ]
        defer { for w in workers { w.release() } }
        let (first, second) = inParallel { i in
            Result {
                if i == 0 {
                    try workers[0].run(from: dataStart, to: split, orOnTo: size)
                } else {
                    try workers[1].run(from: split, to: size, orOnTo: nil); workers[1].finish()
                }
            }
        }
        try first.get()
        if !workers[0].continued { try second.get() }
        if workers[0].continued {
            workers[0].finish()
            return workers[0].acc
        }
        workers[0].acc.absorb(workers[1].acc)
        return workers[0].acc
    }

    /// A row start near `offset`: the byte after the first newline that is outside quotes under
    /// the quoting state that makes the following rows have `columnCount` fields.
    func guessSplit(near offset: Int) throws -> Int? {
        let window = 1 << 16
        var bytes = [UInt8](repeating: 0, count: min(window, file.size - offset))
        let n = try bytes.withUnsafeMutableBytes { try file.read(into: $0, at: offset) }
        var fallback: Int?
        for startInside in [false, true] {
            var inside = startInside
            var rowStart: Int?
            var fields = 1
            var rowsChecked = 0
            var consistent = true
            for i in 0..<n {
                let c = bytes[i]
                if c == CSV.quote { inside.toggle(); continue }
                if inside { continue }
                if c == CSV.comma {
                    fields += 1
                } else if c == CSV.newline {
                    if rowStart == nil {
                        rowStart = i + 1
                    } else {
                        if fields != columnCount { consistent = false; break }
                        rowsChecked += 1
                    }
                    fields = 1
                }
            }
            guard let r = rowStart else { continue }
            if !startInside { fallback = offset + r }
            if consistent, rowsChecked > 0 { return offset + r }
        }
        return fallback
    }
}

/// One thread's scan: a reused buffer, its list of field ends, and the parser state between buffers.
final class Worker: @unchecked Sendable {
    let scanner: SurveyScanner
    let acc: Accumulator
    let capacity: Int
    let buffer: UnsafeMutablePointer<UInt8>
    let positions: UnsafeMutablePointer<UInt32>
    static let batchBlocks = 1024
    /// Bytes at the start of the buffer that belong to the current field (already classified).
    var carried = 0
    var col = 0
    /// All ones while inside quotes at the end of the last block.
    var quoteCarry: UInt64 = 0
    /// Whether the first thread found the split guess wrong and scanned on.
    var continued = false

    init(scanner: SurveyScanner, request: ScanRequest, sink: (any SurveyRowSink)? = nil) {
        self.scanner = scanner
        acc = Accumulator(request, sink: sink)
        capacity = max(4096, scanner.bufferSize)
        buffer = .allocate(capacity: capacity + 128)
        positions = .allocate(capacity: 64 * Worker.batchBlocks + 32)
    }

    func release() { buffer.deallocate(); positions.deallocate() }

    /// Scans [from, to). At `to`, when `orOnTo` is given and `to` is not a row start (the
    /// other thread's guess was wrong), goes on to `orOnTo`.
    func run(from: Int, to: Int, orOnTo: Int?) throws {
        try scan(from: from, to: to)
        if let end = orOnTo, end > to, !(quoteCarry == 0 && col == 0 && carried == 0) {
            continued = true
            try scan(from: to, to: end)
        }
    }

    func scan(from: Int, to end: Int) throws {
        var offset = from
        let sep = CSV.comma
        let simd = scanner.simd
        while offset < end {
            try Cancellation.check()  // every buffer (128 KiB): well under a millisecond
            let want = min(capacity - carried, end - offset)
            var n = 0
            while n < want {
                let r = try scanner.file.read(
                    into: UnsafeMutableRawBufferPointer(start: buffer + carried + n, count: want - n),
                    at: offset + n)
                if r == 0 { break }
                n += r
            }
            if n == 0 { break }
            var len = carried + n
            var consumed = n
            if offset + n < end {
                let tail = CSV.incompleteTail(buffer, len)
                if tail < n { len -= tail; consumed -= tail }
            }
            let fresh = len - carried
            let blocks = (fresh + 63) / 64
            (buffer + len).initialize(repeating: 0, count: carried + blocks * 64 - len)
            var fieldStart = 0
            var high = false
            var k = 0
            while k < blocks {
                let batch = min(Worker.batchBlocks, blocks - k)
                var h: Int32 = 0
                let count =
                    simd
                    ? fs_index(
                        buffer + carried + 64 * k, batch, sep, &quoteCarry, UInt32(carried + 64 * k), positions, &h)
                    : fs_index_portable(
                        buffer + carried + 64 * k, batch, sep, &quoteCarry, UInt32(carried + 64 * k), positions, &h)
                if h != 0 { high = true }
                fieldStart = walk(count: count, fieldStart: fieldStart)
                k += batch
            }
            if high, acc.badUTF8Offset == nil, let bad = CSV.firstInvalidUTF8(buffer, carried, len) {
                acc.badUTF8Offset = offset + bad - carried
            }
            offset += consumed
            // Keep the unfinished field: whole when its text matters, else one byte (so that an
            // empty line stays distinguishable).
            let fieldLength = len - fieldStart
            let role = col < acc.roleCount ? acc.roles[col] : -1
            let keep = role == -1 ? min(fieldLength, 1) : min(fieldLength, capacity / 2)
            if keep > 0 { buffer.update(from: buffer + fieldStart, count: keep) }
            carried = keep
        }
        acc.foldLanes()
    }

    /// Visits the separators and newlines outside quotes found by `fs_index`; returns where the
    /// unfinished field starts. A row with the header's number of fields is taken whole (its
    /// wanted fields read straight from the offsets); anything else goes field by field.
    @inline(__always)
    func walk(count: Int, fieldStart start: Int) -> Int {
        let p = UnsafePointer(buffer)
        let acc = self.acc
        var col = self.col
        var fieldStart = start
        let roles = acc.roles, roleCount = acc.roleCount, rowValues = acc.rowValues, lo = acc.lo, hi = acc.hi
        let slots = acc.slots, slotColumns = acc.slotColumns
        let columns = scanner.columnCount
        let last = columns - 1
        let groupColumn = acc.request.group ?? -1
        let wholeRows = columns >= 2 && acc.request.countColumns == 0
        let direct = acc.request.group == nil && acc.request.rowMeanThreshold == nil && acc.rawCount == 0
        let rawCount = acc.rawCount, rawColumns = acc.rawColumns
        let width = acc.width, lanes = acc.lanes, laneCells = slots * width
        var lane = lanes + (acc.rows & (Accumulator.laneCount - 1)) &* laneCells
        let positions = self.positions
        let flag: UInt32 = 0x8000_0000, mask: UInt32 = 0x7FFF_FFFF
        var i = 0
        while i < count {
            if wholeRows && col == 0 && i &+ last < count {
                let end = positions[i &+ last]
                var inner: UInt32 = 0
                for j in 0..<last { inner |= positions[i &+ j] }
                if end & flag != 0 && inner & flag == 0 && direct {
                    // No groups, no row means: count straight into the histograms.
                    for k in 0..<slots {
                        let c = slotColumns[k]
                        let s = c == 0 ? fieldStart : Int(positions[i &+ c &- 1] & mask) &+ 1
                        let e = Int(positions[i &+ c] & mask)
                        let v = Worker.small(p, s, e)
                        if v >= lo[k] && v <= hi[k] {
                            lane[k &* width &+ v] &+= 1
                        } else {
                            acc.slowField(k, c, p, s, e); acc.commit(slot: k)
                        }
                    }
                    acc.rows &+= 1
                    lane = lanes + (acc.rows & (Accumulator.laneCount - 1)) &* laneCells
                    fieldStart = Int(end & mask) &+ 1
                    i &+= columns
                    continue
                }
                if end & flag != 0 && inner & flag == 0 {
                    for k in 0..<slots {
                        let c = slotColumns[k]
                        let s = c == 0 ? fieldStart : Int(positions[i &+ c &- 1] & mask) &+ 1
                        let e = Int(positions[i &+ c] & mask)
                        let v = Worker.small(p, s, e)
                        if v >= lo[k] && v <= hi[k] { rowValues[k] = v } else { acc.slowField(k, c, p, s, e) }
                    }
                    if groupColumn >= 0 {
                        let s = groupColumn == 0 ? fieldStart : Int(positions[i &+ groupColumn &- 1] & mask) &+ 1
                        acc.groupField(p, s, Int(positions[i &+ groupColumn] & mask))
                    }
                    if rawCount > 0, let sink = acc.sink {
                        for r in 0..<rawCount {
                            let c = rawColumns[r]
                            let s = c == 0 ? fieldStart : Int(positions[i &+ c &- 1] & mask) &+ 1
                            sink.field(r, p, s, Int(positions[i &+ c] & mask))
                        }
                    }
                    acc.endRow(blank: false)
                    fieldStart = Int(end & mask) &+ 1
                    i &+= columns
                    continue
                }
            }
            let entry = positions[i]
            let pos = Int(entry & mask)
            if col < roleCount {
                let role = Int(roles[col])
                if role >= 0 {
                    let v = Worker.small(p, fieldStart, pos)
                    if v >= lo[role] && v <= hi[role] {
                        rowValues[role] = v
                    } else {
                        acc.slowField(role, col, p, fieldStart, pos)
                    }
                } else {
                    acc.field(col, p, fieldStart, pos)
                }
            }
            if entry & flag != 0 {
                // Rows with the header's number of fields were taken whole above (when they
                // can be); this is the only place a row of another length ends.
                let blank = col == 0 && (pos == fieldStart || (pos == fieldStart &+ 1 && p[fieldStart] == CSV.cr))
                if !blank && col &+ 1 != columns { acc.ragged(fields: col &+ 1) }
                acc.endRow(blank: blank)
                col = 0
            } else {
                col &+= 1
            }
            fieldStart = pos &+ 1
            i &+= 1
        }
        self.col = col
        return fieldStart
    }

    /// One or two plain digits as a number, else -3 (the slow path decides). Reads p[s + 1]
    /// even when the field is shorter: the buffer has room past its end.
    @inline(__always)
    static func small(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Int {
        let len = e &- s
        let d0 = Int(p[s]) &- 48
        let d1 = Int(p[s &+ 1]) &- 48
        let one = len == 1 && UInt(bitPattern: d0) < 10
        let two = len == 2 && d0 > 0 && d0 < 10 && UInt(bitPattern: d1) < 10
        return one ? d0 : (two ? d0 &* 10 &+ d1 : -3)
    }

    /// The end of the file: the last row may lack its newline; an open quote is an error.
    func finish() {
        if quoteCarry != 0 { acc.unterminatedQuote = true; return }
        if col > 0 || carried > 0 {
            acc.field(col, buffer, 0, carried)
            let blank = col == 0 && (carried == 0 || (carried == 1 && buffer[0] == CSV.cr))
            if !blank && col &+ 1 != scanner.columnCount { acc.ragged(fields: col &+ 1) }
            acc.endRow(blank: blank)
        }
    }
}

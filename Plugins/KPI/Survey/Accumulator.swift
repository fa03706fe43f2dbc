/// What a scan collects, per column.
public struct ScanRequest: Sendable, Equatable {
    /// A column of whole-number answers: one histogram per group.
    public struct Metric: Sendable, Equatable {
        public var column: Int
        public var range: ClosedRange<Int>
        /// Answers given as labels: folded label (`Name.foldTrim`) → value (`--map`, SPSS value labels).
        public var labels: [String: Int]
        /// How the error about unmapped labels tells to map them (`--map`, `--map csat:`).
        public var mapHint: String
        public init(column: Int, range: ClosedRange<Int>, labels: [String: Int] = [:], mapHint: String = "--map ") {
            self.column = column; self.range = range; self.labels = labels; self.mapHint = mapHint
        }
    }
    public var metrics: [Metric]
    /// One result per distinct value of this column.
    public var group: Int?
    /// Count the non-blank cells of the first `countColumns` columns (`kpi columns`).
    public var countColumns: Int
    /// Respondent scores: the mean of the metric columns answered in each row (engagement).
    public var rowMeanThreshold: Double?
    /// Columns whose raw fields go, row by row, to a `SurveyRowSink` (answers that are not small
    /// whole numbers: prices, yes/no). Slot k of the sink is `rawColumns[k]`.
    public var rawColumns: [Int]
    public init(
        metrics: [Metric] = [], group: Int? = nil, countColumns: Int = 0, rowMeanThreshold: Double? = nil,
        rawColumns: [Int] = []
    ) {
        self.metrics = metrics; self.group = group; self.countColumns = countColumns;
        self.rowMeanThreshold = rowMeanThreshold
        self.rawColumns = rawColumns
    }
}

/// What another plugin plugs into a scan to read whole rows of its own kind of answers (e.g.
/// prices with decimals) with the scanner's speed: it receives the raw fields of
/// `ScanRequest.rawColumns` and the row ends. On a large file each of the two threads has its
/// own sink; the first then absorbs the second's, which read the rows after its own.
public protocol SurveyRowSink: AnyObject {
    /// Field `slot` of the current row is p[s..<e], raw (quotes included, not unescaped).
    func field(_ slot: Int, _ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int)
    /// The row ends; `blank` when it was an empty line. Called once per record, so a sink can
    /// count rows for its error messages.
    func endRow(blank: Bool)
    /// The row about to end has more or fewer fields than the header (an unquoted comma): its
    /// fields are shifted, so the row does not count (with `--lenient`; else the scan is an
    /// error). Called before `endRow`.
    func ragged()
    /// Adds what `other` (a sink of the same type) collected from the rows after this one's.
    func absorb(_ other: any SurveyRowSink)
}

extension SurveyRowSink {
    /// By default a ragged row's fields go to the sink as they are.
    public func ragged() {}
}

/// The counts of one metric column.
public struct SlotCounts: Sendable, Equatable {
    /// `histogram[v]`: answers of value v.
    public var histogram: [Int]
    /// Blank answers (and rows too short to have the column).
    public var skipped: Int
    /// Non-numeric or out-of-range answers (only counted with `--lenient`; otherwise an error).
    public var invalid: Int
    /// The invalid answers by text, with their counts.
    public var invalidValues: [String: Int] = [:]
    public var n: Int { histogram.reduce(0, +) }
    static func + (a: SlotCounts, b: SlotCounts) -> SlotCounts {
        SlotCounts(
            histogram: zip(a.histogram, b.histogram).map { $0 + $1 }, skipped: a.skipped + b.skipped,
            invalid: a.invalid + b.invalid, invalidValues: a.invalidValues.merging(b.invalidValues, uniquingKeysWith: +)
        )
    }
}

/// The first bad answer met.
public struct BadAnswer: Sendable, Equatable {
    /// Data row, 0-based (record index after the header rows).
    public var row: Int
    public var column: Int
    public var text: String
}

/// The field consumer both scanners feed: parses answers, keeps histograms per group. Raw
/// field bytes go in (with their quotes); the same code decides for the simple and the fast
/// scanner, so the two agree by construction on everything but where fields end.
final class Accumulator {
    let request: ScanRequest
    /// Per column: a metric slot (≥ 0), -1 ignored, -2 the group column, -3 counted.
    let roles: UnsafeMutablePointer<Int32>
    let roleCount: Int
    let slots: Int
    let width: Int
    let lo: UnsafeMutablePointer<Int>
    /// Per slot: its column.
    let slotColumns: UnsafeMutablePointer<Int>
    let hi: UnsafeMutablePointer<Int>
    /// Per group: slots·width histogram cells, then slots skipped, then slots invalid.
    var counts: UnsafeMutablePointer<Int>
    var groupCapacity: Int
    let stride: Int
    /// Four copies of group 0's histograms, used in turn by the rows taken whole, so that
    /// consecutive increments of one counter do not wait for each other; `foldLanes` adds them up.
    let lanes: UnsafeMutablePointer<Int>
    static let laneCount = 4
    /// This row's answer per slot: ≥ 0 a value, -1 blank, -2 invalid.
    let rowValues: UnsafeMutablePointer<Int>
    var rowGroup: Int
    let noGroup: Int
    var groupIndex: [[UInt8]: Int] = [:]
    var groupKeys: [[UInt8]] = []
    var lastGroupRaw: [UInt8] = []
    var lastGroup = -1
    let nonBlank: UnsafeMutablePointer<Int>
    /// Records ended so far (blank lines included).
    var rows = 0
    var blankLines = 0
    var firstBad: BadAnswer?
    var unterminatedQuote = false
    var badUTF8Offset: Int?
    /// The first row with more or fewer fields than the header (0-based data row, its fields),
    /// and how many such rows there were: an unquoted comma shifts every answer after it.
    var firstRagged: (row: Int, fields: Int)?
    var raggedRows = 0
    var meanSum = 0.0, meanN = 0, meanEngaged = 0, meanSkipped = 0
    /// Receives the raw fields of `request.rawColumns` (role -4 - slot).
    let sink: (any SurveyRowSink)?
    let rawColumns: UnsafeMutablePointer<Int>
    let rawCount: Int
    /// Labels and invalid answers (Accumulator+Labels.swift): per slot the label map and the
    /// raw field → value cache; this row's invalid text per slot; invalid texts by group·slots + slot.
    var labelMaps: [[String: Int]]
    var labelCache: [[[UInt8]: Int]]
    var rowBad: [String?]
    var badCounts: [Int: [String: Int]] = [:]
    /// `kpi columns`: per counted column, what its answers are (Accumulator+Labels.swift).
    var columnKinds: [ColumnKind]

    init(_ request: ScanRequest, sink: (any SurveyRowSink)? = nil) {
        self.request = request
        self.sink = sink
        var count = request.countColumns
        for c in request.rawColumns { count = max(count, c + 1) }
        for m in request.metrics { count = max(count, m.column + 1) }
        if let g = request.group { count = max(count, g + 1) }
        roleCount = count
        roles = .allocate(capacity: max(1, count))
        roles.initialize(repeating: -1, count: max(1, count))
        for c in 0..<request.countColumns { roles[c] = -3 }
        if let g = request.group { roles[g] = -2 }
        rawCount = sink == nil ? 0 : request.rawColumns.count
        rawColumns = .allocate(capacity: max(1, rawCount))
        for k in 0..<rawCount { rawColumns[k] = request.rawColumns[k]; roles[request.rawColumns[k]] = Int32(-4 - k) }
        slots = request.metrics.count
        lo = .allocate(capacity: max(1, slots)); hi = .allocate(capacity: max(1, slots))
        slotColumns = .allocate(capacity: max(1, slots))
        var w = 1
        for (k, m) in request.metrics.enumerated() {
            roles[m.column] = Int32(k)
            slotColumns[k] = m.column
            lo[k] = m.range.lowerBound; hi[k] = m.range.upperBound
            w = max(w, m.range.upperBound + 1)
        }
        width = w
        stride = slots * w + 2 * slots
        groupCapacity = 4
        counts = .allocate(capacity: max(1, stride * groupCapacity))
        counts.initialize(repeating: 0, count: max(1, stride * groupCapacity))
        lanes = .allocate(capacity: max(1, Accumulator.laneCount * slots * w))
        lanes.initialize(repeating: 0, count: max(1, Accumulator.laneCount * slots * w))
        rowValues = .allocate(capacity: max(1, slots))
        rowValues.initialize(repeating: -1, count: max(1, slots))
        nonBlank = .allocate(capacity: max(1, request.countColumns))
        nonBlank.initialize(repeating: 0, count: max(1, request.countColumns))
        if request.group == nil { groupKeys = [[]]; groupIndex[[]] = 0; noGroup = 0 } else { noGroup = -1 }
        rowGroup = noGroup
        labelMaps = request.metrics.map(\.labels)
        labelCache = request.metrics.map { _ in [:] }
        rowBad = request.metrics.map { _ in nil }
        columnKinds = [ColumnKind](repeating: ColumnKind(), count: request.countColumns)
    }

    deinit {
        roles.deallocate(); lo.deallocate(); slotColumns.deallocate(); hi.deallocate(); counts.deallocate();
        lanes.deallocate(); rowValues.deallocate()
        nonBlank.deallocate(); rawColumns.deallocate()
    }

    // MARK: Fields and rows

    /// Field `col` of the current row is p[s..<e] (raw).
    @inline(__always)
    func field(_ col: Int, _ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) {
        guard col < roleCount else { return }
        let role = Int(roles[col])
        if role >= 0 {
            let len = e &- s
            var v = -3
            if len == 1 {
                let d = Int(p[s]) &- 48
                if d >= 0 && d < 10 { v = d }
            } else if len == 2 {
                let d0 = Int(p[s]) &- 48, d1 = Int(p[s &+ 1]) &- 48
                if d0 > 0 && d0 < 10 && d1 >= 0 && d1 < 10 { v = d0 &* 10 &+ d1 }
            }
            if v >= 0 && v >= lo[role] && v <= hi[role] { rowValues[role] = v; return }
            slowField(role, col, p, s, e)
        } else if role == -2 {
            groupField(p, s, e)
        } else if role == -3 {
            // Non-blank: any byte other than spaces, tabs, \r and quotes.
            var i = s
            while i < e {
                let c = p[i]
                if c != CSV.space && c != CSV.tab && c != CSV.cr && c != CSV.quote {
                    nonBlank[col] &+= 1; noteCell(col, p, s, e); break
                }
                i &+= 1
            }
        } else if role <= -4 {
            sink?.field(-4 - role, p, s, e)
        }
    }

    /// Answers that are not one or two plain digits: blanks, quotes, spaces, `7.0`, errors.
    func slowField(_ slot: Int, _ col: Int, _ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) {
        switch Accumulator.parseAnswer(p, s, e) {
        case .blank: rowValues[slot] = -1
        case let .value(v) where v >= lo[slot] && v <= hi[slot]: rowValues[slot] = v
        default:
            // Labels ("10 - Extremely likely", mapped ones) and invalid answers: Accumulator+Labels.swift.
            labelField(slot, col, p, s, e)
        }
    }

    enum Answer: Equatable { case blank, value(Int), other }

    /// A whole number, optionally quoted, signed, padded with spaces or written `7.0`.
    static func parseAnswer(_ p: UnsafePointer<UInt8>, _ s0: Int, _ e0: Int) -> Answer {
        var bytes = CSV.unescape(p, s0, e0)
        return bytes.withUnsafeMutableBufferPointer { b -> Answer in
            guard let q = b.baseAddress else { return .blank }
            var s = 0, e = b.count
            CSV.trim(UnsafePointer(q), &s, &e)
            if s == e { return .blank }
            var negative = false
            if q[s] == 0x2D || q[s] == 0x2B { negative = q[s] == 0x2D; s += 1 }
            var v = 0, digits = 0
            while s < e, q[s] >= 48, q[s] <= 57 {
                v = v * 10 + Int(q[s] - 48); digits += 1; s += 1
                if digits > 9 { return .other }
            }
            if digits == 0 { return .other }
            if s < e, q[s] == 0x2E {
                s += 1
                while s < e, q[s] == 48 { s += 1 }
            }
            return s == e ? .value(negative ? -v : v) : .other
        }
    }

    func groupField(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) {
        let len = e - s
        if lastGroup >= 0, len == lastGroupRaw.count {
            var same = true
            for i in 0..<len where p[s + i] != lastGroupRaw[i] { same = false; break }
            if same { rowGroup = lastGroup; return }
        }
        lastGroupRaw = Array(UnsafeBufferPointer(start: p + s, count: len))
        let key = CSV.unescape(p, s, e).withUnsafeBufferPointer { b -> [UInt8] in
            guard let q = b.baseAddress else { return [] }
            var a = 0, z = b.count
            CSV.trim(q, &a, &z)
            return Array(b[a..<z])
        }
        lastGroup = group(for: key)
        rowGroup = lastGroup
    }

    func group(for key: [UInt8]) -> Int {
        if let g = groupIndex[key] { return g }
        let g = groupKeys.count
        groupKeys.append(key)
        groupIndex[key] = g
        if g >= groupCapacity {
            let bigger = UnsafeMutablePointer<Int>.allocate(capacity: stride * groupCapacity * 2)
            bigger.initialize(repeating: 0, count: stride * groupCapacity * 2)
            bigger.update(from: counts, count: stride * groupCapacity)
            counts.deallocate()
            counts = bigger
            groupCapacity *= 2
        }
        return g
    }

    /// The row about to end has `fields` fields, not the header's number: its answers count as
    /// invalid (and the scan is an error unless lenient: `SurveyFile.scan`). Call before `endRow`.
    func ragged(fields: Int) {
        if firstRagged == nil { firstRagged = (rows, fields) }
        raggedRows &+= 1
        for k in 0..<slots { rowValues[k] = -2 }
        sink?.ragged()
    }

    /// The row ends; `blank` when it was an empty line.
    @inline(__always)
    func endRow(blank: Bool) {
        rows &+= 1
        if let sink { sink.endRow(blank: blank) }
        if blank { blankLines &+= 1; rowGroup = noGroup; return }
        if rowGroup < 0 { rowGroup = group(for: []) }
        let base = counts + rowGroup &* stride
        let skippedBase = base + slots &* width
        for k in 0..<slots {
            let v = rowValues[k]
            if v >= 0 {
                base[k &* width &+ v] &+= 1
            } else if v == -1 {
                skippedBase[k] &+= 1
            } else {
                skippedBase[slots &+ k] &+= 1; countBad(k)
            }
        }
        if let threshold = request.rowMeanThreshold { rowMean(threshold) }
        for k in 0..<slots { rowValues[k] = -1 }
        rowGroup = noGroup
    }

    /// Adds the lanes into group 0 and clears them.
    func foldLanes() {
        let cells = slots * width
        guard cells > 0, !groupKeys.isEmpty else { return }
        for lane in 0..<Accumulator.laneCount {
            let l = lanes + lane * cells
            for i in 0..<cells where l[i] != 0 { counts[i] += l[i]; l[i] = 0 }
        }
    }

    /// Counts slot `k`'s answer of this row in group 0 at once (rows taken whole, no groups).
    func commit(slot k: Int) {
        let v = rowValues[k]
        if v >= 0 {
            counts[k * width + v] += 1
        } else if v == -1 {
            counts[slots * width + k] += 1
        } else {
            counts[slots * width + slots + k] += 1; countBad(k)
        }
        rowValues[k] = -1
    }

    func rowMean(_ threshold: Double) {
        var sum = 0, n = 0
        for k in 0..<slots where rowValues[k] >= 0 { sum += rowValues[k]; n += 1 }
        guard n > 0 else { meanSkipped += 1; return }
        let score = Double(sum) / Double(n)
        meanSum += score; meanN += 1
        if score >= threshold { meanEngaged += 1 }
    }

    // MARK: Results

    func slotCounts(group g: Int) -> [SlotCounts] {
        let base = counts + g * stride
        return (0..<slots).map { k in
            SlotCounts(
                histogram: Array(UnsafeBufferPointer(start: base + k * width, count: hi[k] + 1)),
                skipped: base[slots * width + k], invalid: base[slots * width + slots + k],
                invalidValues: badCounts[g * slots + k] ?? [:])
        }
    }

    /// Adds the counts of `other`, which scanned the rows after this one's.
    func absorb(_ other: Accumulator) {
        for (g, key) in other.groupKeys.enumerated() {
            let mine = group(for: key)
            let a = counts + mine * stride, b = other.counts + g * stride
            for i in 0..<stride { a[i] += b[i] }
            for k in 0..<slots {
                if let theirs = other.badCounts[g * slots + k] {
                    badCounts[mine * slots + k, default: [:]].merge(theirs, uniquingKeysWith: +)
                }
            }
        }
        for c in columnKinds.indices { columnKinds[c].absorb(other.columnKinds[c]) }
        for c in 0..<request.countColumns { nonBlank[c] += other.nonBlank[c] }
        if let mine = sink, let theirs = other.sink { mine.absorb(theirs) }
        if firstBad == nil, var bad = other.firstBad { bad.row += rows; firstBad = bad }
        if firstRagged == nil, var r = other.firstRagged { r.row += rows; firstRagged = r }
        raggedRows += other.raggedRows
        rows += other.rows
        blankLines += other.blankLines
        unterminatedQuote = other.unterminatedQuote
        if badUTF8Offset == nil { badUTF8Offset = other.badUTF8Offset }
        meanSum += other.meanSum; meanN += other.meanN; meanEngaged += other.meanEngaged;
        meanSkipped += other.meanSkipped
    }
}

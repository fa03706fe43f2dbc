import KPI

/// Why a respondent does not count.
public struct InvalidCounts: Sendable, Equatable {
    /// A price or an intent left blank.
    public var blank = 0
    /// Not too cheap < cheap < expensive < too expensive.
    public var notInOrder = 0
    /// Not a number, or an intent outside 1–5 (only with --lenient; otherwise an error).
    public var notNumeric = 0
    /// A row with more or fewer fields than the header (only with --lenient; otherwise an error).
    public var wrongFields = 0
    public var total: Int { blank + notInOrder + notNumeric + wrongFields }
    static func + (a: InvalidCounts, b: InvalidCounts) -> InvalidCounts {
        InvalidCounts(
            blank: a.blank + b.blank, notInOrder: a.notInOrder + b.notInOrder,
            notNumeric: a.notNumeric + b.notNumeric, wrongFields: a.wrongFields + b.wrongFields)
    }
    /// "3 blank, 2 not in order".
    public var reasons: String {
        [
            (blank, "blank"), (notInOrder, "not in order"), (notNumeric, "not a number"),
            (wrongFields, "wrong number of fields"),
        ]
        .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }
}

/// A cell that is not an answer, with where it is (data row from 0, slot of the request).
public struct BadCell: Sendable, Equatable {
    public var row: Int
    public var slot: Int
    public var text: String
}

/// One group's respondents: the valid ones' answers, in chunks, and the invalid ones counted.
public struct PSMGroup: Sendable {
    public var key: String
    public var chunks: [PSMAnswers]
    public var invalid: InvalidCounts
    public var n: Int { chunks.reduce(0) { $0 + $1.count } }
    public var total: Int { n + invalid.total }
}

/// The `SurveyRowSink` of `price psm`: slots 0–3 the four prices, then the two intents (NMS),
/// then the group column (--by). Parses each answer where it lies in the scanner's buffer; the
/// state of the row and a batch of valid respondents live in raw memory (no exclusivity or
/// uniqueness checks per field) and go into `PSMAnswers` a batch at a time.
final class PSMRows: SurveyRowSink {
    let nms: Bool
    let grouped: Bool
    let groupSlot: Int
    /// Rows seen (blank lines included), for the row numbers of errors.
    var rows = 0
    var firstBad: BadCell?
    var keys: [String] = []
    var index: [String: Int] = [:]
    var invalid: [InvalidCounts] = []
    /// Valid respondents in file order, a chunk per sink (a second thread's sink is absorbed as
    /// a chunk, not copied), with each respondent's group when grouped.
    var chunks: [PSMAnswers] = [PSMAnswers()]
    var groupOf: [[Int32]] = [[]]

    static let batch = 4096
    let rowCents: UnsafeMutablePointer<Int32>
    let rowValues: UnsafeMutablePointer<Double>
    /// seen (bit per slot), blank, bad, inexact (a price not in whole cents), group, batch count.
    let state: UnsafeMutablePointer<Int>
    let batchCents: UnsafeMutablePointer<Int32>
    let batchIntents: UnsafeMutablePointer<UInt8>
    let batchGroups: UnsafeMutablePointer<Int32>
    var lastRaw: [UInt8] = []
    var lastGroup = -1
    /// The current row has more or fewer fields than the header.
    var raggedRow = false

    /// - Parameter reserve: respondents to make room for (an estimate; 0 for none).
    init(nms: Bool, grouped: Bool, reserve: Int = 0) {
        self.nms = nms; self.grouped = grouped
        if reserve > 0 { chunks[0].reserve(reserve, intents: nms) }
        groupSlot = nms ? 6 : 4
        rowCents = .allocate(capacity: 4); rowCents.initialize(repeating: 0, count: 4)
        rowValues = .allocate(capacity: 6); rowValues.initialize(repeating: 0, count: 6)
        state = .allocate(capacity: 6); state.initialize(repeating: 0, count: 6)
        batchCents = .allocate(capacity: 4 * Self.batch)
        batchIntents = .allocate(capacity: 2 * Self.batch)
        batchGroups = .allocate(capacity: Self.batch)
        if !grouped { add("") }
        resetRow()
    }

    deinit {
        rowCents.deallocate(); rowValues.deallocate(); state.deallocate()
        batchCents.deallocate(); batchIntents.deallocate(); batchGroups.deallocate()
    }

    @discardableResult
    func add(_ key: String) -> Int {
        keys.append(key); index[key] = keys.count - 1
        invalid.append(InvalidCounts())
        return keys.count - 1
    }

    @inline(__always)
    func resetRow() {
        state[0] = 0; state[1] = 0; state[2] = 0; state[3] = 0; state[4] = grouped ? -1 : 0
        raggedRow = false
    }

    func ragged() { raggedRow = true }

    func field(_ slot: Int, _ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) {
        if slot == groupSlot && grouped { groupField(p, s, e); return }
        state[0] |= 1 << slot
        switch PriceText.parse(p, s, e) {
        case .blank: state[1] = 1
        case let .number(v, cents):
            if slot >= 4 {
                guard let c = cents, c % 100 == 0, c >= 100, c <= 500 else { noteBad(slot, p, s, e); return }
            } else if let cents {
                rowCents[slot] = cents
            } else {
                state[3] = 1
            }
            rowValues[slot] = v
        case .other: noteBad(slot, p, s, e)
        }
    }

    func noteBad(_ slot: Int, _ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) {
        state[2] = 1
        if firstBad == nil { firstBad = BadCell(row: rows, slot: slot, text: PriceText.text(p, s, e)) }
    }

    func groupField(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) {
        let raw = UnsafeBufferPointer(start: p + s, count: e - s)
        if lastGroup >= 0, raw.elementsEqual(lastRaw) { state[4] = lastGroup; return }
        lastRaw = Array(raw)
        let key = PriceText.text(p, s, e)
        lastGroup = index[key] ?? add(key)
        state[4] = lastGroup
    }

    func endRow(blank line: Bool) {
        rows &+= 1
        defer { resetRow() }
        if line { return }
        var group = state[4]
        if group < 0 { group = index[""] ?? add(""); state[4] = group }
        let required = nms ? 0x3F : 0xF
        if raggedRow { invalid[group].wrongFields += 1; return }
        if state[2] != 0 { invalid[group].notNumeric += 1; return }
        if state[1] != 0 || state[0] & required != required { invalid[group].blank += 1; return }
        let intents: (UInt8, UInt8)? = nms ? (UInt8(rowValues[4]), UInt8(rowValues[5])) : nil
        if state[3] != 0 {
            let v = rowValues
            guard PSMAnswers.inOrder(v[0], v[1], v[2], v[3]) else { invalid[group].notInOrder += 1; return }
            flush()
            chunks[chunks.count - 1].append(v[0], v[1], v[2], v[3], intents: intents)
            if grouped { groupOf[groupOf.count - 1].append(Int32(group)) }
            return
        }
        let c = rowCents
        guard c[0] < c[1] && c[1] < c[2] && c[2] < c[3] else { invalid[group].notInOrder += 1; return }
        let k = state[5]
        (batchCents + 4 &* k).update(from: c, count: 4)
        if let (a, b) = intents { batchIntents[2 &* k] = a; batchIntents[2 &* k &+ 1] = b }
        batchGroups[k] = Int32(group)
        state[5] = k &+ 1
        if k &+ 1 == Self.batch { flush() }
    }

    /// Moves the batch into the last chunk.
    func flush() {
        let n = state[5]
        guard n > 0 else { return }
        chunks[chunks.count - 1].append(cents: batchCents, intents: nms ? UnsafePointer(batchIntents) : nil, n)
        if grouped { groupOf[groupOf.count - 1].append(contentsOf: UnsafeBufferPointer(start: batchGroups, count: n)) }
        state[5] = 0
    }

    func absorb(_ other: any SurveyRowSink) {
        guard let o = other as? PSMRows else { return }
        flush(); o.flush()
        if firstBad == nil, var b = o.firstBad { b.row += rows; firstBad = b }
        rows += o.rows
        let map = o.keys.map { index[$0] ?? add($0) }
        for (g, mine) in map.enumerated() { invalid[mine] = invalid[mine] + o.invalid[g] }
        chunks += o.chunks
        groupOf += o.groupOf.map { $0.map { Int32(map[Int($0)]) } }
    }

    /// The groups, sorted by key (one group "" without --by).
    var groups: [PSMGroup] {
        flush()
        guard grouped else { return [PSMGroup(key: "", chunks: chunks, invalid: invalid[0])] }
        var split = [PSMAnswers](repeating: PSMAnswers(), count: keys.count)
        for (chunk, owners) in zip(chunks, groupOf) {
            for i in 0..<chunk.count {
                let g = Int(owners[i])
                if chunk.exact {
                    chunk.cents.withUnsafeBufferPointer { c in
                        chunk.intents.withUnsafeBufferPointer { q in
                            split[g].append(
                                cents: c.baseAddress! + 4 * i, intents: nms ? q.baseAddress! + 2 * i : nil, 1)
                        }
                    }
                } else {
                    split[g].append(
                        chunk.price(i, 0), chunk.price(i, 1), chunk.price(i, 2), chunk.price(i, 3),
                        intents: nms ? (chunk.intents[2 * i], chunk.intents[2 * i + 1]) : nil)
                }
            }
        }
        return keys.indices.map { PSMGroup(key: keys[$0], chunks: [split[$0]], invalid: invalid[$0]) }
            .sorted { $0.key < $1.key }
    }
}

import KPI

/// Why a respondent does not count.
public struct InvalidCounts: Sendable, Equatable {
    /// A price or an intent left blank.
    public var blank = 0
    /// Not too cheap < cheap < expensive < too expensive.
    public var notInOrder = 0
    /// Not a number, or an intent outside 1–5 (only with --lenient; otherwise an error).
    public var notNumeric = 0
    public var total: Int { blank + notInOrder + notNumeric }
    static func + (a: InvalidCounts, b: InvalidCounts) -> InvalidCounts {
        InvalidCounts(blank: a.blank + b.blank, notInOrder: a.notInOrder + b.notInOrder, notNumeric: a.notNumeric + b.notNumeric)
    }
    /// "3 blank, 2 not in order".
    public var reasons: String {
        [(blank, "blank"), (notInOrder, "not in order"), (notNumeric, "not a number")]
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
/// then the group column (--by). Parses each answer where it lies in the scanner's buffer.
final class PSMRows: SurveyRowSink {
    let nms: Bool
    let grouped: Bool
    let groupSlot: Int
    /// Rows seen (blank lines included), for the row numbers of errors.
    var rows = 0
    var firstBad: BadCell?
    var keys: [String] = []
    var index: [String: Int] = [:]
    var answers: [[PSMAnswers]] = []
    var invalid: [InvalidCounts] = []
    // The current row.
    var values = [Double](repeating: 0, count: 6)
    var blank = false, bad = false
    /// Slots met in this row (a short row lacks some).
    var seen = 0
    var group = 0
    var lastRaw: [UInt8] = []
    var lastGroup = -1

    init(nms: Bool, grouped: Bool) {
        self.nms = nms; self.grouped = grouped
        groupSlot = nms ? 6 : 4
        if !grouped { add("") }
        resetRow()
    }

    @discardableResult
    func add(_ key: String) -> Int {
        keys.append(key); index[key] = keys.count - 1
        answers.append([PSMAnswers()]); invalid.append(InvalidCounts())
        return keys.count - 1
    }

    func resetRow() { blank = false; bad = false; seen = 0; group = grouped ? -1 : 0 }

    func field(_ slot: Int, _ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) {
        if slot == groupSlot && grouped { groupField(p, s, e); return }
        seen |= 1 << slot
        switch PriceText.parse(p, s, e) {
        case .blank: blank = true
        case let .number(v):
            if slot >= 4, !(v == v.rounded() && v >= 1 && v <= 5) { noteBad(slot, p, s, e); return }
            values[slot] = v
        case .other: noteBad(slot, p, s, e)
        }
    }

    func noteBad(_ slot: Int, _ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) {
        bad = true
        if firstBad == nil { firstBad = BadCell(row: rows, slot: slot, text: PriceText.text(p, s, e)) }
    }

    func groupField(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) {
        let raw = UnsafeBufferPointer(start: p + s, count: e - s)
        if lastGroup >= 0, raw.elementsEqual(lastRaw) { group = lastGroup; return }
        lastRaw = Array(raw)
        let key = PriceText.text(p, s, e)
        group = index[key] ?? add(key)
        lastGroup = group
    }

    func endRow(blank line: Bool) {
        rows += 1
        defer { resetRow() }
        if line { return }
        if group < 0 { group = index[""] ?? add("") }
        if seen & (nms ? 0x3F : 0xF) != (nms ? 0x3F : 0xF) { blank = true }
        if bad { invalid[group].notNumeric += 1; return }
        if blank { invalid[group].blank += 1; return }
        let v = values
        guard PSMAnswers.inOrder(v[0], v[1], v[2], v[3]) else { invalid[group].notInOrder += 1; return }
        answers[group][answers[group].count - 1].append(v[0], v[1], v[2], v[3],
                                                         intents: nms ? (UInt8(v[4]), UInt8(v[5])) : nil)
    }

    func absorb(_ other: any SurveyRowSink) {
        guard let o = other as? PSMRows else { return }
        if firstBad == nil, var b = o.firstBad { b.row += rows; firstBad = b }
        rows += o.rows
        for (g, key) in o.keys.enumerated() {
            let mine = index[key] ?? add(key)
            answers[mine] += o.answers[g]
            invalid[mine] = invalid[mine] + o.invalid[g]
        }
    }

    /// The groups, sorted by key (one group "" without --by).
    var groups: [PSMGroup] {
        keys.indices.map { PSMGroup(key: keys[$0], chunks: answers[$0], invalid: invalid[$0]) }
            .sorted { $0.key < $1.key }
    }
}

/// The price grid of a PSM and each question's count of answers at or below each grid price.
///
/// Prices that are all whole numbers of cents over a span of R cents (R ≤ max(2²⁰, n)) are
/// counted in one array indexed by cents: O(n + R), no sort. Otherwise each question's answers
/// are sorted: O(n log n).
struct Grid {
    /// Sorted distinct prices among all valid answers.
    var prices: [Double] = []
    /// Per question (too cheap, cheap, expensive, too expensive): answers ≤ prices[k].
    var atOrBelow: [[Int]] = [[], [], [], []]
    /// Cents path: the grid position of (cents − base); empty on the sort path.
    private var positionOfCents: [Int32] = []
    private var base = 0

    init(_ chunks: [PSMAnswers], n: Int) {
        if let (lo, hi) = Grid.centsSpan(chunks), hi - lo < max(1 << 20, n) {
            countCents(chunks, lo: lo, span: hi - lo + 1)
        } else {
            sortAnswers(chunks)
        }
    }

    static func columns(_ a: PSMAnswers) -> [[Double]] { [a.tooCheap, a.cheap, a.expensive, a.tooExpensive] }

    /// The smallest and largest price in cents, or nil when some price is not a whole number of cents.
    static func centsSpan(_ chunks: [PSMAnswers]) -> (Int, Int)? {
        var lo = Int.max, hi = Int.min
        for chunk in chunks {
            for column in columns(chunk) {
                for v in column {
                    guard abs(v) < 1e13 else { return nil }
                    let k = Int((v * 100).rounded())
                    guard Double(k) / 100 == v else { return nil }
                    lo = min(lo, k); hi = max(hi, k)
                }
            }
        }
        return lo <= hi ? (lo, hi) : nil
    }

    mutating func countCents(_ chunks: [PSMAnswers], lo: Int, span: Int) {
        var counts = [Int32](repeating: 0, count: 4 * span)
        counts.withUnsafeMutableBufferPointer { c in
            for chunk in chunks {
                for (q, column) in Grid.columns(chunk).enumerated() {
                    for v in column { c[4 * (Int((v * 100).rounded()) - lo) + q] &+= 1 }
                }
            }
        }
        positionOfCents = [Int32](repeating: -1, count: span)
        base = lo
        var running = [0, 0, 0, 0]
        for key in 0..<span {
            let k = 4 * key
            guard counts[k] | counts[k + 1] | counts[k + 2] | counts[k + 3] != 0 else { continue }
            positionOfCents[key] = Int32(prices.count)
            // The same double as the parsed answer: k/100 is correctly rounded, as is "12.34".
            prices.append(Double(lo + key) / 100)
            for q in 0..<4 { running[q] += Int(counts[k + q]); atOrBelow[q].append(running[q]) }
        }
    }

    mutating func sortAnswers(_ chunks: [PSMAnswers]) {
        let sorted = (0..<4).map { q in chunks.flatMap { Grid.columns($0)[q] }.sorted() }
        var all = sorted.flatMap { $0 }
        all.sort()
        for v in all where prices.last != v { prices.append(v) }
        for q in 0..<4 {
            var j = 0
            atOrBelow[q] = prices.map { p in
                while j < sorted[q].count, sorted[q][j] <= p { j += 1 }
                return j
            }
        }
    }

    /// The grid position of a price that is on the grid.
    func position(_ v: Double) -> Int {
        if !positionOfCents.isEmpty { return Int(positionOfCents[Int((v * 100).rounded()) - base]) }
        var lo = 0, hi = prices.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if prices[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

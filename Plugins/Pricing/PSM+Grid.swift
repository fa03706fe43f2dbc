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
        if chunks.allSatisfy(\.exact), let (lo, hi) = Grid.centsSpan(chunks), hi - lo < max(1 << 20, n) {
            countCents(chunks, lo: lo, span: hi - lo + 1)
        } else {
            sortAnswers(chunks)
        }
    }

    static func centsSpan(_ chunks: [PSMAnswers]) -> (Int, Int)? {
        var lo = Int32.max, hi = Int32.min
        for chunk in chunks { for v in chunk.cents { lo = min(lo, v); hi = max(hi, v) } }
        return lo <= hi ? (Int(lo), Int(hi)) : nil
    }

    mutating func countCents(_ chunks: [PSMAnswers], lo: Int, span: Int) {
        var counts = [Int32](repeating: 0, count: 4 * span)
        counts.withUnsafeMutableBufferPointer { c in
            for chunk in chunks {
                chunk.cents.withUnsafeBufferPointer { v in
                    for i in 0..<v.count { c[4 &* (Int(v[i]) &- lo) &+ (i & 3)] &+= 1 }
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
            // The same double as the parsed answer: cents/100 is correctly rounded, as is "12.34".
            prices.append(Double(lo + key) / 100)
            for q in 0..<4 { running[q] += Int(counts[k + q]); atOrBelow[q].append(running[q]) }
        }
    }

    mutating func sortAnswers(_ chunks: [PSMAnswers]) {
        let sorted = (0..<4).map { q in chunks.flatMap { c in (0..<c.count).map { c.price($0, q) } }.sorted() }
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

    /// The grid positions of respondent `i`'s four prices.
    @inline(__always)
    func positions(_ chunk: PSMAnswers, _ i: Int) -> (Int, Int, Int, Int) {
        if !positionOfCents.isEmpty {
            return positionOfCents.withUnsafeBufferPointer { at in
                chunk.cents.withUnsafeBufferPointer { c in
                    let k = 4 &* i
                    return (
                        Int(at[Int(c[k]) &- base]), Int(at[Int(c[k &+ 1]) &- base]),
                        Int(at[Int(c[k &+ 2]) &- base]), Int(at[Int(c[k &+ 3]) &- base])
                    )
                }
            }
        }
        return (position(chunk, i, 0), position(chunk, i, 1), position(chunk, i, 2), position(chunk, i, 3))
    }

    /// The grid position of price `q` of respondent `i` of `chunk` (a price on the grid).
    @inline(__always)
    func position(_ chunk: PSMAnswers, _ i: Int, _ q: Int) -> Int {
        if !positionOfCents.isEmpty { return Int(positionOfCents[Int(chunk.cents[4 &* i &+ q]) &- base]) }
        let v = chunk.price(i, q)
        var lo = 0, hi = prices.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if prices[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// The answers of valid respondents to a Van Westendorp survey (one chunk of them: a large file
/// is read by two threads, each keeping its own). Four prices a respondent, kept as whole cents
/// (4 bytes each) while every price is one, else as doubles; two intents a respondent with NMS.
public struct PSMAnswers: Sendable, Equatable {
    /// Too cheap, cheap, expensive, too expensive of each respondent, in cents (while `exact`).
    public private(set) var cents: [Int32] = []
    /// The same as doubles, once some price is not a whole number of cents (then `cents` is empty).
    public private(set) var doubles: [Double] = []
    public private(set) var exact = true
    /// Purchase intent at the cheap and the expensive price (1–5) of each respondent; empty without NMS.
    public private(set) var intents: [UInt8] = []
    public private(set) var count = 0
    public init() {}

    /// Makes room for `n` respondents (whole cents), so that a large file's answers are not
    /// copied as the arrays grow.
    public mutating func reserve(_ n: Int, intents withIntents: Bool) {
        cents.reserveCapacity(4 * n)
        if withIntents { intents.reserveCapacity(2 * n) }
    }

    /// Price `q` (0 too cheap … 3 too expensive) of respondent `i`.
    @inline(__always)
    public func price(_ i: Int, _ q: Int) -> Double { exact ? Double(cents[4 &* i &+ q]) / 100 : doubles[4 &* i &+ q] }

    /// One respondent's four prices (and intents, for NMS), already checked to be in order.
    public mutating func append(_ tc: Double, _ c: Double, _ e: Double, _ te: Double, intents pi: (UInt8, UInt8)? = nil)
    {
        let four = [tc, c, e, te]
        let asCents = four.map { v -> Int32? in
            let k = (v * 100).rounded()
            return abs(k) < 2e9 && k / 100 == v ? Int32(k) : nil
        }
        if exact, asCents.allSatisfy({ $0 != nil }) {
            cents += asCents.map { $0! }
        } else {
            makeInexact(); doubles += four
        }
        if let (a, b) = pi { intents += [a, b] }
        count += 1
    }

    /// `n` respondents at once: 4n prices in cents and 2n intents (or none).
    mutating func append(cents p: UnsafePointer<Int32>, intents q: UnsafePointer<UInt8>?, _ n: Int) {
        if exact {
            cents.append(contentsOf: UnsafeBufferPointer(start: p, count: 4 * n))
        } else {
            doubles.append(contentsOf: UnsafeBufferPointer(start: p, count: 4 * n).lazy.map { Double($0) / 100 })
        }
        if let q { intents.append(contentsOf: UnsafeBufferPointer(start: q, count: 2 * n)) }
        count += n
    }

    mutating func makeInexact() {
        guard exact else { return }
        doubles = cents.map { Double($0) / 100 }
        cents = []
        exact = false
    }

    /// Appends another chunk's respondents.
    mutating func append(_ other: PSMAnswers) {
        if exact && other.exact {
            cents += other.cents
        } else {
            makeInexact()
            doubles += other.exact ? other.cents.map { Double($0) / 100 } : other.doubles
        }
        intents += other.intents
        count += other.count
    }

    /// Whether a respondent's answers count: all four prices strictly increasing.
    public static func inOrder(_ tc: Double, _ c: Double, _ e: Double, _ te: Double) -> Bool {
        tc < c && c < e && e < te
    }
}

/// A Van Westendorp Price Sensitivity Meter, with the conventions of the R package
/// pricesensitivitymeter (`psm_analysis()` with its defaults: validate = TRUE, pi_scale 5:1 →
/// 0.7, 0.5, 0.3, 0.1, 0; its ecdfs clamped to 0 at and below a question's smallest answer and 1
/// at and above its largest), except where two curves meet: there the crossing is interpolated
/// between the two grid prices around it, as the issue that asked for this analysis defines it
/// (R takes the first grid price where one curve reaches the other).
public struct PSMResult: Sendable, Equatable {
    /// Valid respondents.
    public var n: Int
    /// The grid: the sorted distinct prices among the valid answers.
    public var prices: [Double]
    /// The curves on the grid: too cheap = 1 − F, cheap = 1 − F, expensive = F, too expensive
    /// = F, F the share of that question's answers ≤ the price, taken as 0 at and below its
    /// smallest answer and 1 at and above its largest.
    public var tooCheap: [Double], cheap: [Double], expensive: [Double], tooExpensive: [Double]
    /// The acceptable range and the price points; nil when the two curves never meet.
    public var low: Double?, high: Double?, idp: Double?, opp: Double?
    /// Newton–Miller–Smith: mean purchase probability and price × it, on the grid.
    public var reach: [Double]?, revenue: [Double]?
    public var reachPrice: Double?, revenuePrice: Double?

    public var notCheap: [Double] { cheap.map { 1 - $0 } }
    public var notExpensive: [Double] { expensive.map { 1 - $0 } }
}

public enum PSM {
    /// 5, 4, 3, 2, 1 → 0.7, 0.5, 0.3, 0.1, 0 (index = answer).
    public static let calibration: [Double] = [0, 0, 0.1, 0.3, 0.5, 0.7]

    /// The analysis of the valid respondents in `chunks` (at least one respondent).
    /// - Complexity: O(n + R) when every price is a whole number of cents spanning R cents
    ///   (R ≤ 4n + 2²⁰), else O(n log n): the ecdfs by counting or by sorting, the NMS reach by a
    ///   sweep over slope changes, never O(n × grid).
    public static func analyze(_ chunks: [PSMAnswers]) -> PSMResult {
        let n = chunks.reduce(0) { $0 + $1.count }
        precondition(n > 0, "PSM.analyze needs a valid respondent")
        let nms = chunks.contains { !$0.intents.isEmpty }
        let grid = Grid(chunks, n: n)
        var r = PSMResult(n: n, prices: grid.prices, tooCheap: [], cheap: [], expensive: [], tooExpensive: [])
        let F = (0..<4).map { ecdf(grid.atOrBelow[$0], n: n) }
        r.tooCheap = F[0].map { 1 - $0 }
        r.cheap = F[1].map { 1 - $0 }
        r.expensive = F[2]
        r.tooExpensive = F[3]
        let notCheap = r.notCheap, notExpensive = r.notExpensive
        r.low = crossing(notCheap, r.tooCheap, r.prices)
        r.high = crossing(r.tooExpensive, notExpensive, r.prices)
        r.idp = crossing(r.expensive, r.cheap, r.prices)
        r.opp = crossing(r.tooExpensive, r.tooCheap, r.prices)
        if nms {
            let reach = nmsReach(chunks, grid: grid, n: n)
            let revenue = zip(r.prices, reach).map { $0 * $1 }
            r.reach = reach; r.revenue = revenue
            r.reachPrice = r.prices[firstMax(reach)]
            r.revenuePrice = r.prices[firstMax(revenue)]
        }
        return r
    }

    /// One question's ecdf on the grid from its counts of answers at or below each grid price:
    /// count/n, but 0 at and below the smallest answer and 1 at and above the largest (0 wins
    /// where they are one price, as in R's pricesensitivitymeter, which sets 1 first, then 0).
    static func ecdf(_ atOrBelow: [Int], n: Int) -> [Double] {
        let dn = Double(n)
        guard let first = atOrBelow.firstIndex(where: { $0 > 0 }) else { return atOrBelow.map { _ in 0 } }
        let last = atOrBelow.firstIndex(where: { $0 >= n }) ?? atOrBelow.count
        return atOrBelow.indices.map { k in k <= first ? 0 : k >= last ? 1 : Double(atOrBelow[k]) / dn }
    }

    /// Where curves a and b meet: with d = a − b on the grid, the first pair of neighbouring grid
    /// prices where the sign of d changes (−, 0 and + are three signs) gives the crossing
    /// x₁ − d₁·(x₂ − x₁)/(d₂ − d₁) (the midpoint when d₁ = d₂); nil when d never changes sign.
    static func crossing(_ a: [Double], _ b: [Double], _ prices: [Double]) -> Double? {
        guard prices.count >= 2 else { return nil }
        var d1 = a[0] - b[0]
        for k in 1..<prices.count {
            let d2 = a[k] - b[k]
            if d1.sign3 != d2.sign3 {
                let x1 = prices[k - 1], x2 = prices[k]
                return d1 == d2 ? (x1 + x2) / 2 : x1 - d1 * (x2 - x1) / (d2 - d1)
            }
            d1 = d2
        }
        return nil
    }

    /// R's `which.max`: the first index of the largest value. Sums of many respondents carry
    /// rounding of about 1e-15 relative; a later value wins only when larger by more than
    /// 1e-12 relative, so that values equal in exact arithmetic keep the first, as R does.
    static func firstMax(_ v: [Double]) -> Int {
        var best = 0
        for k in v.indices.dropFirst() where v[k] > v[best] + 1e-12 * max(1, abs(v[best])) { best = k }
        return best
    }

    /// Mean purchase probability at each grid price. R's NMS matrix: per respondent 0 at the
    /// too-cheap and too-expensive prices, the calibrated intents at cheap and expensive,
    /// linear *in grid position* in between (`seq(from, to, length.out = positions apart + 1)`),
    /// 0 outside. Each respondent adds three linear pieces a + b·k over grid positions k, as
    /// changes of slope and intercept at their four positions; one prefix sum gives every price.
    static func nmsReach(_ chunks: [PSMAnswers], grid: Grid, n: Int) -> [Double] {
        let g = grid.prices.count
        var slope = [Double](repeating: 0, count: g + 1), intercept = [Double](repeating: 0, count: g + 1)
        let calibration = PSM.calibration
        slope.withUnsafeMutableBufferPointer { slope in
            intercept.withUnsafeMutableBufferPointer { intercept in
                @inline(__always) func piece(_ a: Int, _ b: Int, _ va: Double, _ vb: Double) {
                    let s = (vb - va) / Double(b &- a), c = va - s * Double(a)
                    slope[a] += s; slope[b] -= s; intercept[a] += c; intercept[b] -= c
                }
                for chunk in chunks {
                    for i in 0..<chunk.count {
                        // Strictly increasing prices: a < b < c < d, so no piece is empty.
                        let (a, b, c, d) = grid.positions(chunk, i)
                        let pc = calibration[Int(chunk.intents[2 &* i])],
                            pe = calibration[Int(chunk.intents[2 &* i &+ 1])]
                        piece(a, b, 0, pc); piece(b, c, pc, pe); piece(c, d, pe, 0)
                    }
                }
            }
        }
        var reach = [Double](repeating: 0, count: g)
        var s = 0.0, c = 0.0
        for k in 0..<g {
            s += slope[k]; c += intercept[k]
            reach[k] = max(0, (c + s * Double(k)) / Double(n))
        }
        return reach
    }
}

extension Double {
    /// −1, 0 or 1: zero is a sign of its own where two curves meet.
    var sign3: Int { self > 0 ? 1 : self < 0 ? -1 : 0 }
}

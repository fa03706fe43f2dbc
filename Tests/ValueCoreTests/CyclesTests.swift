import Testing
@testable import ValueCore

/// Johnson's algorithm against graphs whose cycles are counted by hand or by formula, and
/// against a brute-force enumeration on random small graphs.
@Suite struct CyclesTests {
    /// The complete directed graph on n vertices (every ordered pair, no self-edges).
    static func complete(_ n: Int) -> [[Int]] {
        (0..<n).map { v in (0..<n).filter { $0 != v } }
    }

    /// Σ_{k=2…n} C(n,k)·(k−1)!: the elementary cycles of the complete directed graph.
    static func completeCount(_ n: Int) -> Int {
        var total = 0
        for k in 2...n {
            var c = 1
            for i in 0..<k { c = c * (n - i) / (i + 1) }
            var f = 1
            for i in 1..<k { f *= i }
            total += c * f
        }
        return total
    }

    @Test(arguments: [(2, 1), (3, 5), (4, 20), (5, 84), (6, 409)])
    func completeGraphs(n: Int, expected: Int) {
        let result = Cycles.find(adjacency: Self.complete(n))
        #expect(result.count == expected)
        #expect(result.count == Self.completeCount(n))
        #expect(result.complete)
        #expect(Set(result.cycles).count == expected)
        for c in result.cycles { #expect(Self.isElementaryCycle(c, in: Self.complete(n))) }
    }

    @Test func triangleByHand() {
        // 0→1→2→0 and 1→0: cycles [0,1] and [0,1,2].
        let g = [[1], [2, 0], [0]]
        let r = Cycles.find(adjacency: g)
        #expect(r.cycles.sorted { $0.count < $1.count } == [[0, 1], [0, 1, 2]])
    }

    @Test func acyclicGraphHasNoCycles() {
        let dag = [[1, 2], [3], [3], [4], []]
        #expect(Cycles.find(adjacency: dag).count == 0)
        #expect(Cycles.find(adjacency: []).count == 0)
    }

    @Test func selfEdgesAreCyclesOfLengthOne() {
        let g = [[0, 1], [0, 1], [2]]
        let r = Cycles.find(adjacency: g)
        #expect(Set(r.cycles) == [[0], [1], [0, 1], [2]])
    }

    @Test func repeatedAndOutOfRangeHeadsAreIgnored() {
        let g = [[1, 1, 7, -1], [0, 0]]
        let r = Cycles.find(adjacency: g)
        #expect(r.cycles == [[0, 1]])
    }

    @Test func cyclesStartAtTheirSmallestVertex() {
        let g = [[1], [2], [3], [1, 0]]  // 0→1→2→3→0 and 1→2→3→1
        let r = Cycles.find(adjacency: g)
        #expect(r.cycles == [[0, 1, 2, 3], [1, 2, 3]])
    }

    /// A long ring: one cycle through every vertex, with no recursion to overflow.
    @Test func longRing() {
        let n = 5_000
        let g = (0..<n).map { [($0 + 1) % n] }
        let r = Cycles.find(adjacency: g)
        #expect(r.count == 1)
        #expect(r.cycles.first?.count == n)
    }

    /// Hundreds of nodes, thousands of cycles: a chain of k "diamonds" (two branches of length
    /// `branch` between consecutive hubs) closed by one edge back: exactly 2^k cycles.
    @Test(arguments: [(12, 10), (8, 30)])
    func diamondChain(k: Int, branch: Int) {
        var g: [[Int]] = []
        func node() -> Int { g.append([]); return g.count - 1 }
        let first = node()
        var hub = first
        for _ in 0..<k {
            let next = node()
            for _ in 0..<2 {
                var prev = hub
                for _ in 0..<branch { let v = node(); g[prev].append(v); prev = v }
                g[prev].append(next)
            }
            hub = next
        }
        g[hub].append(first)
        #expect(g.count > 200)
        let r = Cycles.find(adjacency: g, keep: 10)
        #expect(r.count == 1 << k)
        #expect(r.complete)
        #expect(r.cycles.count == 10)
        for c in r.cycles { #expect(Self.isElementaryCycle(c, in: g)) }
    }

    @Test func countLimitStopsEarly() {
        let r = Cycles.find(adjacency: Self.complete(9), keep: 5, countLimit: 1_000)
        #expect(r.count == 1_000)
        #expect(!r.complete)
        #expect(r.cycles.count == 5)
    }

    @Test func visitorCanStop() {
        var seen = 0
        let finished = Cycles.forEach(adjacency: Self.complete(4)) { _ in
            seen += 1; return seen < 3
        }
        #expect(!finished)
        #expect(seen == 3)
    }

    /// Random small graphs: the same set of cycles as a brute-force search.
    @Test(arguments: 0..<40)
    func agreesWithBruteForce(seed: Int) {
        var rng = LCG(seed: UInt64(seed) &* 2_654_435_761 &+ 1)
        let n = 3 + Int(rng.next() % 5)
        var g = [[Int]](repeating: [], count: n)
        for u in 0..<n { for v in 0..<n where rng.next() % 100 < 35 { g[u].append(v) } }
        let found = Cycles.find(adjacency: g)
        let expected = Self.bruteForce(g)
        #expect(found.count == expected.count)
        #expect(Set(found.cycles) == expected)
    }

    // MARK: Helpers

    static func isElementaryCycle(_ c: [Int], in g: [[Int]]) -> Bool {
        guard !c.isEmpty, Set(c).count == c.count, c.first == c.min() else { return false }
        for (i, v) in c.enumerated() where !g[v].contains(c[(i + 1) % c.count]) { return false }
        return true
    }

    /// Every simple path from each start s through vertices > s that returns to s.
    static func bruteForce(_ g: [[Int]]) -> Set<[Int]> {
        var out = Set<[Int]>()
        func walk(_ path: inout [Int], _ s: Int) {
            for w in Set(g[path.last!]) {
                if w == s {
                    out.insert(path)
                } else if w > s, !path.contains(w) {
                    path.append(w); walk(&path, s); path.removeLast()
                }
            }
        }
        for s in g.indices { var p = [s]; walk(&p, s) }
        return out
    }
}

/// A small deterministic generator for reproducible random graphs.
struct LCG {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
}

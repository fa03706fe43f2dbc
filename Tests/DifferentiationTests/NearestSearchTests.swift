import Testing
import TestSupport
@testable import Differentiation

@Suite struct NearestSearchTests {
    /// (points, dimensions, coordinate range, k): small ranges give many ties and duplicates;
    /// large ranges take the 32- and 64-bit lanes; odd dimensions pad the SIMD words.
    @Test(arguments: [
        (300, 12, 10, 1), (300, 12, 10, 5), (1000, 12, 10, 3), (257, 3, 2, 4), (500, 1, 100, 2),
        (400, 7, 1000, 3), (300, 5, 3_000_000, 2), (130, 16, 10, 129), (65, 2, 0, 3), (2, 4, 10, 1),
        // The tree's bounds read rows in chunks of lcm(d, 16) ints (d = 20: 5 vectors; d = 33:
        // too many, row by row); medians come from a histogram below a range of 4096, else a
        // quickselect.
        (600, 20, 10, 2), (300, 33, 5, 1), (400, 4, 4095, 2), (400, 4, 4096, 2),
    ])
    func matchesBruteForce(n: Int, d: Int, range: Int, k: Int) throws {
        var rng = SplitMix64(seed: UInt64(n * 31 + d * 7 + range))
        let points = (0..<(n * d)).map { _ in Int32(rng.int(0...range)) }
        let fast = try NearestSearch.allNearest(points: points, dimensions: d, k: k)
        let slow = try NearestSearch.bruteForce(points: points, dimensions: d, k: k)
        #expect(fast == slow)
        for t in [1, 3] {
            #expect(try NearestSearch.allNearest(points: points, dimensions: d, k: k, threads: t) == slow)
        }
    }

    @Test func neverItsOwnNeighbourAndTiesGoToTheLowerIndex() throws {
        // Four copies of one point and one far away.
        let points: [Int32] = [5, 5, 5, 5, 5, 5, 5, 5, 9, 9]
        let r = try NearestSearch.allNearest(points: points, dimensions: 2, k: 2)
        #expect(r.neighbor(0, 0) == 1 && r.neighbor(0, 1) == 2)
        #expect(r.neighbor(1, 0) == 0 && r.neighbor(1, 1) == 2)
        #expect(r.neighbor(3, 0) == 0 && r.squaredDistance(3, 0) == 0)
        #expect(r.neighbor(4, 0) == 0 && r.squaredDistance(4, 0) == 32)
    }

    @Test func refusesWhatItCannotAnswer() {
        #expect(throws: NearestSearch.Failure.tooFewPoints) {
            try NearestSearch.allNearest(points: [1, 2], dimensions: 2, k: 1)
        }
        #expect(throws: NearestSearch.Failure.badK) {
            try NearestSearch.allNearest(points: [1, 2, 3, 4], dimensions: 2, k: 1 + 1)
        }
        #expect(throws: NearestSearch.Failure.badK) {
            try NearestSearch.allNearest(points: [1, 2, 3, 4], dimensions: 2, k: 0)
        }
    }

    @Test func kahanSumDoesNotDrift() {
        var k = KahanSum()
        var naive = 0.0
        for _ in 0..<1_000_000 { k.add(0.1); naive += 0.1 }
        #expect(k.sum == 100_000.0)
        #expect(naive != 100_000.0)
    }
}

import CNearest
import Testing
import TestSupport
@testable import Differentiation

/// Every leaf-scan variant of `cn_all_knn` this CPU can run (baseline, AVX2, AVX-512 VNNI) must
/// give the baseline variant's neighbours and distances. Serialized: the variant is process-wide.
@Suite(.serialized) struct NearestVariantTests {
    static let variants: [(name: String, id: Int32)] = [
        ("baseline", Int32(CN_BASELINE)), ("avx2", Int32(CN_AVX2)),
        ("avx512vnni", Int32(CN_AVX512_VNNI)),
    ]

    static func search(_ variant: Int32, _ points: [Int32], d: Int, k: Int, threads: Int)
        throws(NearestSearch.Failure) -> NearestSearch.Result?
    {
        let previous = cn_variant()
        defer { _ = cn_set_variant(previous) }
        guard cn_set_variant(variant) == 1 else { return nil }
        return try NearestSearch.allNearest(points: points, dimensions: d, k: k, threads: threads)
    }

    /// Runs every variant; returns the names of those that ran.
    @discardableResult
    static func expectAgree(_ points: [Int32], d: Int, k: Int, _ comment: Comment) throws -> [String] {
        guard let reference = try search(Int32(CN_BASELINE), points, d: d, k: k, threads: 1) else {
            Issue.record("the baseline variant must always run")
            return []
        }
        var ran = ["baseline"]
        for v in variants.dropFirst() {
            for threads in [1, 3] {
                guard let got = try search(v.id, points, d: d, k: k, threads: threads) else { continue }
                if threads == 1 { ran.append(v.name) }
                #expect(got == reference, "\(v.name), \(threads) threads, differs from baseline (\(comment))")
            }
        }
        return ran
    }

    /// (seed, points, dimensions, coordinate range, k): ranges up to 127 take the dot-product
    /// scan where there is one; wider ranges the 16-, 32- and 64-bit lanes.
    @Test(
        arguments: [
            (1, 300, 12, 10, 1), (2, 1000, 12, 10, 3), (3, 257, 3, 2, 4), (4, 500, 1, 100, 2), (5, 400, 7, 127, 3),
            (6, 400, 7, 128, 3), (7, 300, 5, 3_000_000, 2), (8, 300, 4, 1_000_000_000, 2), (9, 600, 20, 10, 2),
            (10, 300, 33, 5, 1),
        ] as [(UInt64, Int, Int, Int, Int)])
    func seededRandomPoints(seed: UInt64, n: Int, d: Int, range: Int, k: Int) throws {
        print("NearestVariantTests.seededRandomPoints: seed \(seed)")
        var rng = SplitMix64(seed: seed)
        let points = (0..<(n * d)).map { _ in Int32(rng.int(0...range)) }
        try Self.expectAgree(points, d: d, k: k, "seed \(seed)")
    }

    /// Ties in distance (a grid), duplicates (one point many times, more than a leaf holds),
    /// k = n − 1, and the smallest inputs.
    @Test func edgeCases() throws {
        let grid = (0..<20).flatMap { x in (0..<20).flatMap { y in [Int32(x), Int32(y)] } }
        try Self.expectAgree(grid, d: 2, k: 4, "grid")
        try Self.expectAgree([Int32](repeating: 7, count: 200 * 3), d: 3, k: 5, "duplicates")
        try Self.expectAgree((0..<130).flatMap { i in [Int32(i % 3), Int32(i % 5)] }, d: 2, k: 129, "k = n - 1")
        try Self.expectAgree([1, 2, 3, 4], d: 2, k: 1, "two points")
    }

    static func supported(_ variant: Int32) -> Bool {
        let previous = cn_variant()
        defer { _ = cn_set_variant(previous) }
        return cn_set_variant(variant) == 1
    }

    @Test func everyVariantRefusesKAtLeastN() {
        for v in Self.variants where Self.supported(v.id) {
            #expect(throws: NearestSearch.Failure.badK, "\(v.name)") {
                _ = try Self.search(v.id, [1, 2, 3, 4, 5, 6], d: 2, k: 3, threads: 1)
            }
        }
    }

    @Test func everyVariantThisCPUHasRan() throws {
        var rng = SplitMix64(seed: 42)
        let points = (0..<(500 * 6)).map { _ in Int32(rng.int(0...10)) }
        let ran = try Self.expectAgree(points, d: 6, k: 2, "seed 42")
        print("cn_all_knn variants run on this CPU: \(ran.joined(separator: ", "))")
        #expect(ran.first == "baseline")
        #if arch(x86_64)
            #expect(ran.count >= 2, "on x86-64 at least one SIMD variant must run: ran \(ran)")
        #endif
        #expect(cn_set_variant(1) == 0)
    }
}

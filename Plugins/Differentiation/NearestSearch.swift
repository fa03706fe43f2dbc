import CNearest
import Workbench

/// Exact k-nearest-neighbour search among points with integer coordinates (Euclidean).
///
/// The search itself is `CNearest`: a k-d tree whose leaves of 64 points are searched as one
/// block of queries, with SIMD distance scans. Ties are broken by the lower index, so the answer
/// is the one a brute-force scan in index order gives (`bruteForce`).
public enum NearestSearch {
    /// Every point's `k` nearest other points.
    public struct Result: Sendable, Equatable {
        public let count: Int
        public let k: Int
        /// `indices[i*k + m]`: point i's m-th nearest other point (m = 0 is the nearest).
        public let indices: [Int32]
        /// `squaredDistances[i*k + m]`: its squared distance, in the coordinates' units.
        public let squaredDistances: [Int64]

        public func neighbor(_ i: Int, _ m: Int) -> Int { Int(indices[i * k + m]) }
        public func squaredDistance(_ i: Int, _ m: Int) -> Int64 { squaredDistances[i * k + m] }
    }

    /// Why a search could not run.
    public enum Failure: Error, Equatable { case tooFewPoints, badK, outOfMemory, cancelled }

    /// Each of the `points.count / dimensions` points' `k` nearest others.
    /// - Parameters:
    ///   - points: row-major coordinates, `dimensions` per point.
    ///   - k: 1 ≤ k < number of points.
    ///   - threads: how many threads share the queries (the answer does not depend on it).
    /// Stops within one block of queries when the running command is cancelled (`Cancellation`),
    /// throwing `.cancelled`.
    /// - Complexity: O(n log n) to build the tree; the search is near O(n log n) for
    ///   well-spread low-dimensional data, tending to O(n²) as the dimension grows.
    public static func allNearest(points: [Int32], dimensions: Int, k: Int, threads: Int = defaultThreads)
        throws(Failure) -> Result
    {
        let n = dimensions > 0 ? points.count / dimensions : 0
        guard n >= 2 else { throw .tooFewPoints }
        guard k >= 1, k < n else { throw .badK }
        var indices = [Int32](repeating: 0, count: n * k)
        var d2 = [Int64](repeating: 0, count: n * k)
        let rc = points.withUnsafeBufferPointer { p in
            indices.withUnsafeMutableBufferPointer { i in
                d2.withUnsafeMutableBufferPointer { d in
                    cn_all_knn(
                        p.baseAddress, Int64(n), Int32(dimensions), Int32(k), Int32(threads),
                        i.baseAddress, d.baseAddress, Cancellation.cCheck, Cancellation.cContext)
                }
            }
        }
        guard rc != -2 else { throw .cancelled }
        guard rc == 0 else { throw .outOfMemory }
        return Result(count: n, k: k, indices: indices, squaredDistances: d2)
    }

    /// The same answer by brute force, O(n²·d): the reference the tests compare with.
    public static func bruteForce(points: [Int32], dimensions: Int, k: Int) throws(Failure) -> Result {
        let n = dimensions > 0 ? points.count / dimensions : 0
        guard n >= 2 else { throw .tooFewPoints }
        guard k >= 1, k < n else { throw .badK }
        var indices = [Int32](repeating: 0, count: n * k)
        var d2 = [Int64](repeating: 0, count: n * k)
        for i in 0..<n {
            var best: [(Int64, Int32)] = []
            for j in 0..<n where j != i {
                var s: Int64 = 0
                for c in 0..<dimensions {
                    let t = Int64(points[i * dimensions + c]) - Int64(points[j * dimensions + c])
                    s += t * t
                }
                if best.count == k, s >= best[k - 1].0 { continue }
                var m = best.count < k ? best.count : k - 1
                if best.count < k { best.append((s, Int32(j))) }
                while m > 0, best[m - 1].0 > s { best[m] = best[m - 1]; m -= 1 }
                best[m] = (s, Int32(j))
            }
            for m in 0..<k { indices[i * k + m] = best[m].1; d2[i * k + m] = best[m].0 }
        }
        return Result(count: n, k: k, indices: indices, squaredDistances: d2)
    }

    /// `Tuning.threads`: two, unless `VALUEBENCH_THREADS` says otherwise (the machines this runs on
    /// share their cores; more rarely pays).
    public static let defaultThreads = Tuning.threads
}

/// Sums doubles with Kahan's compensation, so that adding a million distances does not drift.
public struct KahanSum: Sendable {
    public private(set) var sum = 0.0
    private var compensation = 0.0
    public init() {}
    public mutating func add(_ x: Double) {
        let y = x - compensation
        let t = sum + y
        compensation = (t - sum) - y
        sum = t
    }
}

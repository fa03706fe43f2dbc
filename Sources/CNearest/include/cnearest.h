#ifndef CNEAREST_H
#define CNEAREST_H
#include <stdint.h>

/// Exact all-k-nearest-neighbours over integer points (Euclidean), for the differentiation
/// analyzer's `diff nearest`.
///
/// `points` is row-major, `n` rows of `d` coordinates. For every point i, writes its `k` nearest
/// other points (never itself) to `out_index[i*k ...]`, ordered by squared distance and then by
/// index (so ties always resolve to the lowest index, as a brute-force scan in index order
/// would), and their squared distances to `out_d2[i*k ...]`.
///
/// A k-d tree whose leaves hold up to 32 points stored coordinate-major; each leaf's points are
/// searched together as one block of queries, so one walk of the tree serves 32 queries and
/// every distance is computed in SIMD lanes (16-bit lanes when the largest possible squared
/// distance fits, else 32-bit, else 64-bit floating point).
///
/// Returns 0, or -1 when k < 1, k >= n, d < 1 or memory is short.
/// - Complexity: O(n log n) to build; the search is close to O(n log n) for low-dimensional,
///   well-spread data and degrades towards O(n^2) as the dimension grows.
int cn_all_knn(const int32_t *points, int64_t n, int32_t d, int32_t k, int32_t threads,
               int32_t *out_index, int64_t *out_d2);

/// The same answer by brute force, in index order (a reference for tests).
int cn_all_knn_brute(const int32_t *points, int64_t n, int32_t d, int32_t k,
                     int32_t *out_index, int64_t *out_d2);

#endif

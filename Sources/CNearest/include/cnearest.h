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
/// A k-d tree whose leaves hold up to 64 points, split between two distinct values (so a query
/// always pays at least 1 per coordinate to cross a split: coordinates are small integers with
/// many ties); the points of neighbouring leaves are searched
/// together as one block of queries (64, or 256 with AVX-512 VNNI), so one walk of the tree
/// serves the whole block, bounds are updated incrementally in SIMD lanes, and each leaf brought
/// into the cache is scanned for every query of the block that still needs it. Leaf scans are
/// SIMD: AVX-512 VNNI dot products for small coordinates (0…127 after shifting), else 16-, 32-
/// or 64-bit integer lanes (the narrowest that holds the largest possible squared distance).
///
/// `threads` threads (the caller's among them) take blocks from a shared counter until none is
/// left; the answer does not depend on how many there are or which takes which block.
///
/// `cancelled(cancel_context)` (if not NULL) is asked before each block of queries, from every
/// thread: once it returns nonzero the search stops within one block and returns -2 (the outputs
/// are then incomplete).
///
/// Returns 0, -1 when k < 1, k >= n, d < 1 or memory is short, or -2 when cancelled.
/// - Complexity: O(n log n) to build; the search is close to O(n log n) for low-dimensional,
///   well-spread data and degrades towards O(n^2) as the dimension grows.
int cn_all_knn(const int32_t *points, int64_t n, int32_t d, int32_t k, int32_t threads,
               int32_t *out_index, int64_t *out_d2, int (*cancelled)(void *), void *cancel_context);

/// The variants of the leaf scans: the baseline instruction set (SSE2 on x86-64: the portable
/// one), AVX2, AVX-512 VNNI (its dot-product scan serves coordinates spanning at most 127; wider
/// ones take the AVX2 kernels). All give the same answer.
enum { CN_BASELINE = 0, CN_AVX2 = 2, CN_AVX512_VNNI = 3 };

/// The variant cn_all_knn runs. Chosen on first use: the best the CPU has, at most the one the
/// environment variable VALUEBENCH_SIMD names (read once: `portable` or `sse2` mean
/// CN_BASELINE, `avx2` CN_AVX2; `avx512` or anything else, the best).
int cn_variant(void);

/// Makes cn_all_knn run `variant` (one of CN_*) from the next search on, for every thread.
/// Returns 1, or 0 (nothing changed) when this CPU cannot run it or there is no such variant.
/// A negative variant restores the default choice.
int cn_set_variant(int variant);

#endif

#include "cnearest.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "kernels.h"
#define LEAF CN_LEAF

// MARK: - The tree (built on int32 coordinates, then copied to the lane type)

typedef struct {
    int32_t d;
    int32_t *perm;
    int32_t *rows;               // the points, physically in perm's order (sequential access)
    int32_t *lo, *hi;            // nodes * d
    int32_t *left, *right, *leaf, *dim; // per node
    int32_t nodes, leaves;
    int64_t capacity;            // of the per-node arrays
    int32_t *leaf_start, *leaf_count; // into perm
    int64_t *hist;               // 4096 counts: a node's values along its split coordinate
} tree_t;

typedef int32_t v16i __attribute__((vector_size(64)));

static void bounds(const tree_t *t, int64_t from, int64_t to, int32_t *restrict lo, int32_t *restrict hi) {
    const int32_t d = t->d;
    for (int32_t j = 0; j < d; j++) { lo[j] = INT32_MAX; hi[j] = INT32_MIN; }
    // The rows are contiguous: read them as one run of ints in chunks of lcm(d, 16), which hold
    // whole rows, with a vector of minima and of maxima per 16 ints of a chunk.
    int32_t g = d;
    for (int32_t b = 16; b; ) { int32_t r = g % b; g = b; b = r; }
    const int32_t vecs = d / g, rows_per_chunk = 16 / g;
    int64_t i = from;
    if (vecs <= 16 && to - from >= rows_per_chunk) {
        v16i mn[16], mx[16];
        for (int32_t a = 0; a < vecs; a++) { mn[a] = (v16i){0} + INT32_MAX; mx[a] = (v16i){0} + INT32_MIN; }
        const int32_t *p = t->rows + from * d;
        const int64_t chunks = (to - from) / rows_per_chunk;
        for (int64_t c = 0; c < chunks; c++, p += 16 * vecs)
            for (int32_t a = 0; a < vecs; a++) {
                v16i v;
                memcpy(&v, p + 16 * a, sizeof v);
                mn[a] = __builtin_elementwise_min(mn[a], v);
                mx[a] = __builtin_elementwise_max(mx[a], v);
            }
        for (int32_t a = 0; a < vecs; a++)
            for (int32_t e = 0; e < 16; e++) {
                const int32_t j = (16 * a + e) % d;
                if (mn[a][e] < lo[j]) lo[j] = mn[a][e];
                if (mx[a][e] > hi[j]) hi[j] = mx[a][e];
            }
        i = from + chunks * rows_per_chunk;
    }
    for (; i < to; i++) {
        const int32_t *p = t->rows + i * d;
        for (int32_t j = 0; j < d; j++) {
            if (p[j] < lo[j]) lo[j] = p[j];
            if (p[j] > hi[j]) hi[j] = p[j];
        }
    }
}

static inline void swap_rows(tree_t *t, int64_t i, int64_t j) {
    int32_t x = t->perm[i]; t->perm[i] = t->perm[j]; t->perm[j] = x;
    int32_t *a = t->rows + i * t->d, *b = t->rows + j * t->d;
    for (int32_t c = 0; c < t->d; c++) { int32_t y = a[c]; a[c] = b[c]; b[c] = y; }
}

/// Reorders rows from..<to so that the row of rank `nth` (by coordinate `dim`, then index)
/// sits at `nth`, smaller ones before it, larger after (quickselect, median of three).
static void select_nth(tree_t *t, int64_t from, int64_t to, int64_t nth, int32_t dim) {
    const int32_t d = t->d;
    int32_t *perm = t->perm;
    #define KEY(i) (((int64_t)t->rows[(i) * d + dim] * 4294967296LL) | (uint32_t)perm[i])
    while (to - from > 1) {
        int64_t mid = from + (to - from) / 2;
        int64_t a = KEY(from), b = KEY(mid), c = KEY(to - 1);
        int64_t pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
        int64_t i = from, j = to - 1;
        while (i <= j) {
            while (KEY(i) < pivot) i++;
            while (KEY(j) > pivot) j--;
            if (i <= j) { swap_rows(t, i, j); i++; j--; }
        }
        if (nth <= j) to = j + 1;
        else if (nth >= i) from = i;
        else return;
    }
    #undef KEY
}

/// Moves the rows of from..<to whose coordinate `dim` is below `value` to the front; returns
/// where the others start.
static int64_t partition_below(tree_t *t, int64_t from, int64_t to, int32_t dim, int32_t value) {
    const int32_t d = t->d;
    int64_t i = from, j = to - 1;
    for (;;) {
        while (i <= j && t->rows[i * d + dim] < value) i++;
        while (i <= j && t->rows[j * d + dim] >= value) j--;
        if (i > j) return i;
        swap_rows(t, i, j);
        i++; j--;
    }
}

/// Makes room for one more node (the tree's size depends on the data: see build).
static int grow(tree_t *t) {
    if (t->nodes < t->capacity) return 0;
    int64_t c = t->capacity * 2;
    const int32_t d = t->d;
    int32_t **arrays[] = {&t->left, &t->right, &t->leaf, &t->dim, &t->leaf_start, &t->leaf_count};
    for (size_t a = 0; a < sizeof arrays / sizeof arrays[0]; a++) {
        int32_t *p = realloc(*arrays[a], sizeof(int32_t) * c);
        if (!p) return -1;
        *arrays[a] = p;
    }
    int32_t *lo = realloc(t->lo, sizeof(int32_t) * c * d);
    if (!lo) return -1;
    t->lo = lo;
    int32_t *hi = realloc(t->hi, sizeof(int32_t) * c * d);
    if (!hi) return -1;
    t->hi = hi;
    t->capacity = c;
    return 0;
}

static int32_t build(tree_t *t, int64_t from, int64_t to) {
    const int32_t d = t->d;
    if (grow(t)) return -1;
    int32_t node = t->nodes++;
    int32_t *lo = t->lo + (int64_t)node * d, *hi = t->hi + (int64_t)node * d;
    bounds(t, from, to, lo, hi);
    int32_t dim = 0, spread = -1;
    for (int32_t j = 0; j < d; j++) if (hi[j] - lo[j] > spread) { spread = hi[j] - lo[j]; dim = j; }
    if (to - from <= LEAF) {
        int32_t leaf = t->leaves++;
        t->leaf_start[leaf] = (int32_t)from;
        t->leaf_count[leaf] = (int32_t)(to - from);
        t->leaf[node] = leaf;
        t->left[node] = t->right[node] = -1;
        return node;
    }
    int64_t count = to - from, mid;
    if (spread == 0) {
        // All the same point: split anyhow so leaves stay within LEAF.
        mid = from + count / 2;
    } else {
        // Split between two distinct values near the median, never inside a run of equal
        // values: coordinates are small integers with many ties, and a gap between the children
        // (the left's largest < the right's smallest) makes crossing to the other side cost at
        // least 1 for every query, where a split inside a run would cost nothing.
        // m: the median's value (the row of rank count / 2); below and equal: how many rows
        // have a smaller value and how many that value. Small ranges (factor scores) take a
        // histogram, one pass; others a quickselect.
        int32_t m;
        int64_t below = 0, equal = 0;
        if (spread < 4096) {
            int64_t *hist = t->hist;  // shared: it is done with before the children are built
            memset(hist, 0, sizeof(int64_t) * (size_t)(spread + 1));
            const int32_t *x = t->rows + from * d + dim, base = lo[dim];
            for (int64_t i = 0; i < count; i++) hist[x[i * d] - base]++;
            int32_t v = 0;
            while (below + hist[v] <= count / 2) below += hist[v++];
            m = base + v;
            equal = hist[v];
            if (count <= 4 * LEAF) {
                // A few leaves' worth: the cut that needs the fewest leaves below it, then the
                // most balanced. Halving 150 points gives two nodes of 75 and four leaves; 64 and
                // 86 give three, fuller ones (at a million points, a tenth fewer leaves and
                // nodes to walk).
                int64_t left = 0, best_leaves = INT64_MAX, best_gap = INT64_MAX;
                int32_t best = -1;
                for (int32_t c = 1; c <= spread; c++) {
                    left += hist[c - 1];
                    if (left == 0 || left == count) continue;
                    int64_t leaves = (left + LEAF - 1) / LEAF + (count - left + LEAF - 1) / LEAF;
                    int64_t gap = left * 2 > count ? left * 2 - count : count - left * 2;
                    if (leaves < best_leaves || (leaves == best_leaves && gap < best_gap)) {
                        best_leaves = leaves; best_gap = gap; best = c;
                    }
                }
                mid = partition_below(t, from, to, dim, base + best);
                goto split;
            }
        } else {
            select_nth(t, from, to, from + count / 2, dim);
            m = t->rows[(from + count / 2) * d + dim];
            for (int64_t i = from; i < to; i++) {
                int32_t x = t->rows[i * d + dim];
                below += x < m;
                equal += x == m;
            }
        }
        // Left = values < m, or values <= m: whichever is more balanced and leaves both sides
        // non-empty (m is the median, so at least one of them does as spread > 0).
        int64_t a = below, b = below + equal;
        int use_b = a == 0 || (b < count && (b - count / 2 < count / 2 - a));
        mid = partition_below(t, from, to, dim, use_b ? m + 1 : m);
    }
split:
    t->leaf[node] = -1;
    t->dim[node] = dim;
    int32_t l = build(t, from, mid);
    if (l < 0) return -1;
    int32_t r = build(t, mid, to);
    if (r < 0) return -1;
    t->left[node] = l; t->right[node] = r;
    return node;
}

typedef int (*run_fn)(const cn_search_t *);

typedef struct {
    run_fn run;
    const cn_search_t *search;
    int rc;
} job_t;

static int supported(int variant) {
    switch (variant) {
    case CN_BASELINE: return 1;
#if defined(__x86_64__) && defined(__clang__)
    case CN_AVX2: __builtin_cpu_init(); return __builtin_cpu_supports("avx2");
    case CN_AVX512_VNNI:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("avx512f")
            && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl")
            && __builtin_cpu_supports("avx512vnni");
#endif
    default: return 0;
    }
}

// The variant in use: chosen once (on the first search, from the CPU and VALUEBENCH_SIMD), then
// changed only by cn_set_variant. Each search reads it once and runs one kernel throughout.
static int current = -1;

static int default_variant(void) {
    int v = CN_AVX512_VNNI;
    const char *env = getenv("VALUEBENCH_SIMD");
    if (env && (!strcmp(env, "portable") || !strcmp(env, "sse2"))) v = CN_BASELINE;
    else if (env && !strcmp(env, "avx2")) v = CN_AVX2;
    while (v > CN_BASELINE && !supported(v)) v = v == CN_AVX512_VNNI ? CN_AVX2 : CN_BASELINE;
    return v;
}

int cn_variant(void) {
    int v = __atomic_load_n(&current, __ATOMIC_RELAXED);
    if (v < 0) {
        v = default_variant();
        __atomic_store_n(&current, v, __ATOMIC_RELAXED);
    }
    return v;
}

int cn_set_variant(int variant) {
    if (variant < 0) { __atomic_store_n(&current, default_variant(), __ATOMIC_RELAXED); return 1; }
    if (!supported(variant)) return 0;
    __atomic_store_n(&current, variant, __ATOMIC_RELAXED);
    return 1;
}

/// The kernel for a variant and lane width (16, 32 or 64 bits); `dot`: the VNNI dot-product scan.
static run_fn kernel(int variant, int kind, int dot) {
    if (dot) return kind == 16 ? cn_run_blocks_i16_vnni : cn_run_blocks_i32_vnni;
    if (variant >= CN_AVX2)
        return kind == 16 ? cn_run_blocks_i16_avx2 : kind == 32 ? cn_run_blocks_i32_avx2 : cn_run_blocks_i64_avx2;
    return kind == 16 ? cn_run_blocks_i16_base : kind == 32 ? cn_run_blocks_i32_base : cn_run_blocks_i64_base;
}

static void *run_job(void *arg) {
    job_t *j = arg;
    j->rc = j->run(j->search);
    return NULL;
}

/// Copies the tree's coordinates into the lane type, shifted by `base`, leaves coordinate-major.
#define FILL(T) do { \
    T *c = coords, *l = lo, *h = hi, *rl = root_lo, *rh = root_hi; \
    for (int32_t j = 0; j < d; j++) { rl[j] = (T)((int64_t)t.lo[j] - base[j]); rh[j] = (T)((int64_t)t.hi[j] - base[j]); } \
    for (int32_t f = 0; f < t.leaves; f++) \
        for (int32_t i = 0; i < t.leaf_count[f]; i++) { \
            const int32_t *row = t.rows + ((int64_t)t.leaf_start[f] + i) * d; \
            for (int32_t j = 0; j < d; j++) c[((int64_t)f * d + j) * LEAF + i] = (T)((int64_t)row[j] - base[j]); \
        } \
    for (int32_t i = 0; i < t.nodes; i++) if (t.leaf[i] < 0) { \
        int32_t j = t.dim[i]; \
        l[i] = (T)((int64_t)t.hi[(int64_t)t.left[i] * d + j] - base[j]); \
        h[i] = (T)((int64_t)t.lo[(int64_t)t.right[i] * d + j] - base[j]); } \
} while (0)

int cn_all_knn(const int32_t *points, int64_t n, int32_t d, int32_t k, int32_t threads,
               int32_t *out_index, int64_t *out_d2, int (*cancelled)(void *), void *cancel_context) {
    if (k < 1 || d < 1 || n < 2 || k >= n || n > INT32_MAX / 2) return -1;
    int rc = -1;
    tree_t t = {0};
    t.d = d;
    t.rows = malloc(sizeof(int32_t) * (size_t)n * d);
    if (t.rows) memcpy(t.rows, points, sizeof(int32_t) * (size_t)n * d);
    int64_t max_nodes = 4 * ((n + LEAF - 1) / LEAF) + 1;  // grown by build if short
    t.capacity = max_nodes;
    t.perm = malloc(sizeof(int32_t) * n);
    t.lo = malloc(sizeof(int32_t) * max_nodes * d);
    t.hi = malloc(sizeof(int32_t) * max_nodes * d);
    t.left = malloc(sizeof(int32_t) * max_nodes);
    t.right = malloc(sizeof(int32_t) * max_nodes);
    t.leaf = malloc(sizeof(int32_t) * max_nodes);
    t.dim = malloc(sizeof(int32_t) * max_nodes);
    t.leaf_start = malloc(sizeof(int32_t) * max_nodes);
    t.leaf_count = malloc(sizeof(int32_t) * max_nodes);
    t.hist = malloc(sizeof(int64_t) * 4096);
    int32_t *leaf_index = NULL, *base = malloc(sizeof(int32_t) * d);
    uint8_t *leaf_dot = NULL;
    int32_t *leaf_p2 = NULL;
    void *coords = NULL, *lo = NULL, *hi = NULL, *root_lo = NULL, *root_hi = NULL;
    if (!t.rows || !t.perm || !t.lo || !t.hi || !t.left || !t.right || !t.leaf || !t.dim || !t.leaf_start || !t.leaf_count || !t.hist || !base) goto done;
    for (int64_t i = 0; i < n; i++) t.perm[i] = (int32_t)i;
    if (build(&t, 0, n) < 0) goto done;
    leaf_index = malloc(sizeof(int32_t) * (size_t)t.leaves * LEAF);
    if (!leaf_index) goto done;
    for (int64_t i = 0; i < (int64_t)t.leaves * LEAF; i++) leaf_index[i] = -1;
    for (int32_t f = 0; f < t.leaves; f++)
        for (int32_t i = 0; i < t.leaf_count[f]; i++) leaf_index[(int64_t)f * LEAF + i] = t.perm[t.leaf_start[f] + i];

    // Coordinates are shifted so the smallest is 0; the lane type follows the largest square.
    double worst = 0;
    int32_t range = 0;
    for (int32_t j = 0; j < d; j++) {
        if (t.hi[j] - t.lo[j] > range) range = t.hi[j] - t.lo[j];
        base[j] = t.lo[j];
        double r = (double)t.hi[j] - (double)t.lo[j];
        worst += r * r;
    }
    int kind = worst < 32767 ? 16 : (worst < 2147483647.0 ? 32 : 64);
    if (kind == 64 && worst > 9.0e18) goto done;
    size_t size = kind / 8;
    size_t coords_bytes = ((size_t)t.leaves * d * LEAF * size + 63) / 64 * 64;
    coords = aligned_alloc(64, coords_bytes);
    lo = malloc(size * (size_t)t.nodes);
    hi = malloc(size * (size_t)t.nodes);
    root_lo = malloc(size * (size_t)d);
    root_hi = malloc(size * (size_t)d);
    if (!coords || !lo || !hi || !root_lo || !root_hi) goto done;
    memset(coords, 0, coords_bytes);
    if (kind == 16) FILL(int16_t); else if (kind == 32) FILL(int32_t); else FILL(int64_t);

    // Small coordinates (as strategy-canvas scores are) take the dot-product scan.
    int32_t quads = (d + 3) / 4;
    const int variant = cn_variant();
    const int dot = variant == CN_AVX512_VNNI && range <= 127 && kind <= 32;
    if (dot) {
        leaf_dot = aligned_alloc(64, ((size_t)t.leaves * quads * LEAF * 4 + 63) / 64 * 64);
        leaf_p2 = aligned_alloc(64, ((size_t)t.leaves * LEAF * 4 + 63) / 64 * 64);
        if (!leaf_dot || !leaf_p2) goto done;
        memset(leaf_dot, 0, (size_t)t.leaves * quads * LEAF * 4);
        memset(leaf_p2, 0, (size_t)t.leaves * LEAF * 4);
        for (int32_t f = 0; f < t.leaves; f++)
            for (int32_t i = 0; i < t.leaf_count[f]; i++) {
                const int32_t *row = t.rows + ((int64_t)t.leaf_start[f] + i) * d;
                int32_t norm = 0;
                for (int32_t j = 0; j < d; j++) {
                    int32_t x = row[j] - base[j];
                    norm += x * x;
                    leaf_dot[(((int64_t)f * quads + j / 4) * LEAF + i) * 4 + j % 4] = (uint8_t)x;
                }
                leaf_p2[(int64_t)f * LEAF + i] = norm;
            }
    }
    int32_t next_block = 0;
    cn_search_t s = {
        .next_block = &next_block,
        .d = d, .k = k, .leaves = t.leaves, .leaf_coords = coords, .leaf_index = leaf_index,
        .leaf_count = t.leaf_count, .root_lo = root_lo, .root_hi = root_hi, .node_dim = t.dim,
        .node_lhi = lo, .node_rlo = hi, .node_left = t.left,
        .node_right = t.right, .node_leaf = t.leaf, .out_index = out_index, .out_d2 = out_d2,
        .quads = quads, .leaf_dot = leaf_dot, .leaf_p2 = leaf_p2,
        .cancelled = cancelled, .cancel_context = cancel_context,
    };
    if (threads < 1) threads = 1;
    if (threads > 64) threads = 64;
    if (threads > t.leaves) threads = t.leaves;
    job_t jobs[64];
    pthread_t ids[64];
    int started[64] = {0};
    for (int32_t i = 0; i < threads; i++) {
        jobs[i] = (job_t){kernel(variant, kind, dot), &s, 0};
        if (i > 0) started[i] = pthread_create(&ids[i], NULL, run_job, &jobs[i]) == 0;
    }
    run_job(&jobs[0]);
    rc = jobs[0].rc;
    for (int32_t i = 1; i < threads; i++) {
        if (started[i]) pthread_join(ids[i], NULL);
        else run_job(&jobs[i]);
        if (jobs[i].rc) rc = jobs[i].rc;
    }
    if (rc == 0 && cancelled && cancelled(cancel_context)) rc = -2;
done:
    free(leaf_dot); free(leaf_p2);
    free(coords); free(lo); free(hi); free(root_lo); free(root_hi); free(t.dim); free(t.rows);
    free(t.perm); free(t.lo); free(t.hi); free(t.left); free(t.right); free(t.leaf);
    free(t.leaf_start); free(t.leaf_count); free(t.hist); free(leaf_index); free(base);
    return rc;
}

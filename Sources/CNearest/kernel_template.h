// The search, instantiated for one lane type T (a signed integer holding both coordinates and
// squared distances) by kernels.h's includers, which define T, T_INF (above any squared distance
// the data can give) and SUFFIX. Vectors are GCC/Clang vector extensions of 32 bytes, so the
// same code becomes AVX2 in a translation unit compiled for AVX2 and pairs of SSE2 registers
// elsewhere.

#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)
#define F(name) CAT(name, SUFFIX)
#define VT F(vec_)
#ifndef CN_VBYTES
#define CN_VBYTES 32
#endif
#define LANES (CN_VBYTES / (int)sizeof(T))
#define NV (CN_BLOCK / LANES)

typedef T VT __attribute__((vector_size(CN_VBYTES), aligned(CN_VBYTES)));

/// A set of query lanes, one bit each.
typedef struct { uint64_t w[CN_GROUP]; } F(mask_t);

typedef struct {
    T worst[CN_BLOCK] __attribute__((aligned(64)));  // the k-th best squared distance so far
    int32_t worst_index[CN_BLOCK];
    int32_t filled[CN_BLOCK];
    T *kd2;              // CN_BLOCK * k best squared distances, ascending
    int32_t *kidx;       // their indices
    T *q;                // d * CN_BLOCK: the block's coordinates (coordinate-major)
    int32_t first, group;// the block's leaves: first … first + group − 1 (lane l is in first + l / CN_LEAF)
    T *cell_lo, *cell_hi;// d: the current cell
    T *center;           // d: the block's middle, which orders the walk
} F(block_t);

typedef _Bool F(bvec_) __attribute__((ext_vector_type(LANES)));

/// The lanes of `within` where a[l] <= b[l].
static inline F(mask_t) F(lanes_le)(const VT *a, const T *b, F(mask_t) within) {
    F(mask_t) mask = {{0}};
    for (int v = 0; v < NV; v++) {
        VT w;
        memcpy(&w, b + v * LANES, sizeof w);
        F(bvec_) r = __builtin_convertvector(a[v] <= w, F(bvec_));
        uint64_t bits = 0;
        memcpy(&bits, &r, (LANES + 7) / 8);
        mask.w[(v * LANES) / 64] |= bits << ((v * LANES) % 64);
    }
    for (int g = 0; g < CN_GROUP; g++) mask.w[g] &= within.w[g];
    return mask;
}

static inline int F(any)(F(mask_t) m) {
    uint64_t x = 0;
    for (int g = 0; g < CN_GROUP; g++) x |= m.w[g];
    return x != 0;
}

/// Inserts (d2, index) into lane l's sorted list of k best, if it beats the worst kept
/// (ties: the lower index wins).
static inline void F(offer)(F(block_t) *b, int32_t k, int l, T d2, int32_t index) {
    if (d2 > b->worst[l] || (d2 == b->worst[l] && index >= b->worst_index[l])) return;
    T *kd = b->kd2 + (int64_t)l * k;
    int32_t *ki = b->kidx + (int64_t)l * k;
    int32_t m = b->filled[l] < k ? b->filled[l]++ : k - 1;
    while (m > 0 && (kd[m - 1] > d2 || (kd[m - 1] == d2 && ki[m - 1] > index))) {
        kd[m] = kd[m - 1]; ki[m] = ki[m - 1]; m--;
    }
    kd[m] = d2; ki[m] = index;
    if (b->filled[l] == k) { b->worst[l] = kd[k - 1]; b->worst_index[l] = ki[k - 1]; }
}

#ifdef CN_DOT_SCAN
/// Distances from query lane `l` to each point of leaf `leaf`, as |p|² + |q|² − 2·p·q with the
/// dot products taken four coordinates at a time by AVX-512 VNNI (bytes: p unsigned, q signed).
static inline void F(scan_one)(const cn_search_t *s, F(block_t) *b, int32_t leaf, int l) {
    const int32_t quads = s->quads, count = s->leaf_count[leaf];
    const int32_t *p = (const int32_t *)s->leaf_dot + (int64_t)leaf * quads * CN_LEAF;
    const int32_t own = b->first + l / CN_LEAF, pos = l % CN_LEAF;
    const int32_t *q = (const int32_t *)s->leaf_dot + (int64_t)own * quads * CN_LEAF;
    const int32_t *p2 = s->leaf_p2 + (int64_t)leaf * CN_LEAF;
    __m512i acc[CN_LEAF / 16];
    for (int v = 0; v < CN_LEAF / 16; v++) acc[v] = _mm512_setzero_si512();
    for (int32_t j = 0; j < quads; j++) {
        const __m512i x = _mm512_set1_epi32(q[(int64_t)j * CN_LEAF + pos]);
        for (int v = 0; v < CN_LEAF / 16; v++)
            acc[v] = _mm512_dpbusd_epi32(acc[v], _mm512_load_si512(p + (int64_t)j * CN_LEAF + v * 16), x);
    }
    const int32_t q2 = s->leaf_p2[(int64_t)own * CN_LEAF + pos];
    const __m512i worst = _mm512_set1_epi32((int32_t)b->worst[l] - q2);
    uint64_t mask = 0;
    for (int v = 0; v < CN_LEAF / 16; v++) {
        // d² − |q|² = |p|² − 2·p·q
        __m512i t = _mm512_sub_epi32(_mm512_load_si512(p2 + v * 16), _mm512_slli_epi32(acc[v], 1));
        mask |= (uint64_t)_mm512_cmple_epi32_mask(t, worst) << (v * 16);
        acc[v] = t;
    }
    if (leaf == own) mask &= ~((uint64_t)1 << pos);  // never a point's own neighbour
    if (count < 64) mask &= ((uint64_t)1 << count) - 1;
    if (!mask) return;
    int32_t dist[CN_LEAF];
    memcpy(dist, acc, sizeof dist);
    const int32_t *pindex = s->leaf_index + (int64_t)leaf * CN_LEAF;
    while (mask) {
        int i = __builtin_ctzll(mask);
        mask &= mask - 1;
        F(offer)(b, s->k, l, (T)(dist[i] + q2), pindex[i]);
    }
}

#else
/// Distances from query lane `l` to each point of leaf `leaf` (SIMD across the leaf's points),
/// offered to the lane.
static inline void F(scan_one)(const cn_search_t *s, F(block_t) *b, int32_t leaf, int l) {
    const int32_t d = s->d, count = s->leaf_count[leaf];
    const T *p = (const T *)s->leaf_coords + (int64_t)leaf * d * CN_LEAF;
    VT acc[NV];
    for (int v = 0; v < NV; v++) acc[v] = (VT){0};
    const T worst = b->worst[l];
    for (int32_t j = 0; j < d; j++) {
        const VT *pj = (const VT *)(p + (int64_t)j * CN_LEAF);
        const T x = b->q[(int64_t)j * CN_BLOCK + l];
        for (int v = 0; v < NV; v++) { VT t = pj[v] - x; acc[v] += t * t; }
        // Partial sums only grow: stop as soon as no point of the leaf can still qualify.
        if ((j & 3) == 3 || j == d - 1) {
            VT any = acc[0] <= worst;
            for (int v = 1; v < NV; v++) any |= acc[v] <= worst;
            uint64_t words[4];
            memcpy(words, &any, sizeof words);
            if (!(words[0] | words[1] | words[2] | words[3])) return;
        }
    }
    T dist[CN_LEAF];
    memcpy(dist, acc, sizeof dist);
    if (leaf == b->first + l / CN_LEAF) dist[l % CN_LEAF] = T_INF;  // never a point's own neighbour
    const int32_t *pindex = s->leaf_index + (int64_t)leaf * CN_LEAF;
    for (int i = 0; i < count; i++)
        if (dist[i] <= b->worst[l]) F(offer)(b, s->k, l, dist[i], pindex[i]);
}

#endif

/// Walks the subtree at `node` for the lanes in `mask`; `lb` is each lane's squared distance
/// to the node's cell. Going down changes the cell along one coordinate only, so each step
/// updates the bound in O(1) per lane (Arya and Mount's incremental distance).
static void F(visit)(const cn_search_t *s, F(block_t) *b, int32_t node, const VT *lb, F(mask_t) mask) {
    int32_t leaf = s->node_leaf[node];
    if (leaf >= 0) {
        // The block's own leaves were scanned first, each by its own queries.
        if (leaf >= b->first && leaf < b->first + b->group) mask.w[leaf - b->first] = 0;
        if (!F(any)(mask)) return;
#ifdef CN_DOT_SCAN
        {
            const char *pd = (const char *)s->leaf_dot + (int64_t)leaf * s->quads * CN_LEAF * 4;
            for (int o = 0; o < s->quads * CN_LEAF * 4; o += 64) __builtin_prefetch(pd + o);
            const char *pp = (const char *)(s->leaf_p2 + (int64_t)leaf * CN_LEAF);
            for (int o = 0; o < CN_LEAF * 4; o += 64) __builtin_prefetch(pp + o);
        }
#endif
        for (int g = 0; g < CN_GROUP; g++) {
            for (uint64_t m = mask.w[g]; m; m &= m - 1) F(scan_one)(s, b, leaf, g * 64 + __builtin_ctzll(m));
        }
        return;
    }
    const int32_t j = s->node_dim[node];
    const T lhi = ((const T *)s->node_lhi)[node], rlo = ((const T *)s->node_rlo)[node];
    const T lo = b->cell_lo[j], hi = b->cell_hi[j];
    // Going down changes the cell along coordinate j only: each lane's bound loses its distance
    // to [lo, hi] along j and gains its distance to the child's range. The old term is
    // recomputed from the cell (a few operations per vector) rather than kept per coordinate,
    // which would cost copies of every lane at every node.
    const VT *qj = (const VT *)(b->q + (int64_t)j * CN_BLOCK);
    VT lbl[NV], lbr[NV];
    for (int v = 0; v < NV; v++) {
        const VT x = qj[v], zero = (VT){0};
        VT o = __builtin_elementwise_max(__builtin_elementwise_max(lo - x, x - hi), zero);
        VT l = __builtin_elementwise_max(__builtin_elementwise_max(lo - x, x - lhi), zero);
        VT r = __builtin_elementwise_max(__builtin_elementwise_max(rlo - x, x - hi), zero);
        VT rest = lb[v] - o * o;
        lbl[v] = rest + l * l;
        lbr[v] = rest + r * r;
    }
    // The block's middle decides which side to walk first.
    const int left_first = 2 * (int64_t)b->center[j] <= (int64_t)lhi + rlo;
    for (int side = 0; side < 2; side++) {
        const int go_left = side == 0 ? left_first : !left_first;
        const VT *lbs = go_left ? lbl : lbr;
        F(mask_t) m = F(lanes_le)(lbs, b->worst, mask);
        if (!F(any)(m)) continue;
        if (go_left) b->cell_hi[j] = lhi; else b->cell_lo[j] = rlo;
        F(visit)(s, b, go_left ? s->node_left[node] : s->node_right[node], lbs, m);
        b->cell_lo[j] = lo; b->cell_hi[j] = hi;
    }
}

/// Answers the queries of blocks until none is left, taking the next one from the shared
/// counter each time (so a thread that starts late, or shares its core, takes fewer); block i
/// holds leaves i·CN_GROUP … i·CN_GROUP + CN_GROUP − 1, neighbours in the tree.
static int F(run_blocks)(const cn_search_t *s) {
    const int32_t k = s->k, d = s->d;
    F(block_t) b;
    b.kd2 = malloc(sizeof(T) * CN_BLOCK * (size_t)k);
    b.kidx = malloc(sizeof(int32_t) * CN_BLOCK * (size_t)k);
    b.q = aligned_alloc(64, sizeof(T) * CN_BLOCK * (size_t)d);
    b.cell_lo = malloc(sizeof(T) * (size_t)d);
    b.cell_hi = malloc(sizeof(T) * (size_t)d);
    b.center = malloc(sizeof(T) * (size_t)d);
    if (!b.kd2 || !b.kidx || !b.q || !b.cell_lo || !b.cell_hi || !b.center) {
        free(b.kd2); free(b.kidx); free(b.q); free(b.cell_lo); free(b.cell_hi); free(b.center);
        return -1;
    }
    const int32_t blocks = (s->leaves + CN_GROUP - 1) / CN_GROUP;
    for (;;) {
        const int32_t block = __atomic_fetch_add(s->next_block, 1, __ATOMIC_RELAXED);
        if (block >= blocks || (s->cancelled && s->cancelled(s->cancel_context))) break;
        b.first = block * CN_GROUP;
        b.group = s->leaves - b.first < CN_GROUP ? s->leaves - b.first : CN_GROUP;
        F(mask_t) all = {{0}};
        memset(b.q, 0, sizeof(T) * CN_BLOCK * (size_t)d);
        for (int g = 0; g < CN_GROUP; g++) {
            const int32_t count = g < b.group ? s->leaf_count[b.first + g] : 0;
            all.w[g] = count == 64 ? ~(uint64_t)0 : ((uint64_t)1 << count) - 1;
            for (int i = 0; i < CN_LEAF; i++) {
                const int l = g * CN_LEAF + i;
                b.filled[l] = 0;
                // Padding lanes want nothing: a worst below every distance.
                b.worst[l] = i < count ? T_INF : (T)-1;
                b.worst_index[l] = INT32_MAX;
            }
            if (count == 0) continue;
            const T *src = (const T *)s->leaf_coords + (int64_t)(b.first + g) * d * CN_LEAF;
            for (int32_t j = 0; j < d; j++) memcpy(b.q + (int64_t)j * CN_BLOCK + g * CN_LEAF, src + (int64_t)j * CN_LEAF, sizeof(T) * CN_LEAF);
        }
        // Each query first scans its own leaf: a good bound before the walk.
        for (int g = 0; g < b.group; g++)
            for (uint64_t m = all.w[g]; m; m &= m - 1) F(scan_one)(s, &b, b.first + g, g * 64 + __builtin_ctzll(m));
        // Every query lies inside the root cell (the data's box): bounds start at 0.
        for (int32_t j = 0; j < d; j++) {
            b.cell_lo[j] = ((const T *)s->root_lo)[j];
            b.cell_hi[j] = ((const T *)s->root_hi)[j];
            T lo = T_INF, hi = -T_INF;
            for (int g = 0; g < CN_GROUP; g++)
                for (uint64_t m = all.w[g]; m; m &= m - 1) {
                    T x = b.q[(int64_t)j * CN_BLOCK + g * 64 + __builtin_ctzll(m)];
                    if (x < lo) lo = x;
                    if (x > hi) hi = x;
                }
            b.center[j] = (T)(((int64_t)lo + hi) / 2);
        }
        VT zero[NV];
        for (int v = 0; v < NV; v++) zero[v] = (VT){0};
        F(visit)(s, &b, 0, zero, all);
        for (int g = 0; g < CN_GROUP; g++)
            for (uint64_t m = all.w[g]; m; m &= m - 1) {
                const int l = g * 64 + __builtin_ctzll(m);
                const T *kd = b.kd2 + (int64_t)l * k;
                const int32_t *ki = b.kidx + (int64_t)l * k;
                int64_t row = (int64_t)s->leaf_index[(int64_t)b.first * CN_LEAF + l] * k;
                for (int32_t r = 0; r < k; r++) { s->out_index[row + r] = ki[r]; s->out_d2[row + r] = (int64_t)kd[r]; }
            }
    }
    free(b.kd2); free(b.kidx); free(b.q); free(b.cell_lo); free(b.cell_hi); free(b.center);
    return 0;
}

#undef F
#undef CAT
#undef CAT_
#undef VT
#undef LANES
#undef NV

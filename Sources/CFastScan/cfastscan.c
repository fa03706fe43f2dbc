// Block classification for the survey scanner: SIMD compares to bit masks, quote parity by a
// carry-less multiply, then the offsets of the separators and newlines outside quotes, which the
// Swift scanner walks. The variant is chosen once at run time (fs_set_variant, VALUEBENCH_SIMD);
// every variant gives the same offsets.
#include "cfastscan.h"
#include <stdlib.h>
#include <string.h>

uint64_t fs_prefix_xor(uint64_t x) {
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    return x;
}

// Writes the offsets of the set bits of `bits` (base + bit index), with FS_NEWLINE set for those
// also in `nl`; unrolled, writing up to 8 entries past the count (the caller leaves room), so
// that the number of bits rarely mispredicts a branch.
#define ENTRY(b) (base + (uint32_t)(b)) | ((uint32_t)((nl >> (b)) & 1) << 31)
__attribute__((always_inline))
static inline uint32_t *flatten(uint32_t *out, uint64_t bits, uint64_t nl, uint32_t base) {
    int count = __builtin_popcountll(bits);
    uint32_t *o = out;
    for (int i = 0; i < 8; i++) { int b = __builtin_ctzll(bits | (1ULL << 63)); o[i] = ENTRY(b); bits &= bits - 1; }
    if (count > 8) {
        for (int i = 8; i < 16; i++) { int b = __builtin_ctzll(bits | (1ULL << 63)); o[i] = ENTRY(b); bits &= bits - 1; }
        if (count > 16) {
            for (int i = 16; bits; i++) { int b = __builtin_ctzll(bits); o[i] = ENTRY(b); bits &= bits - 1; }
        }
    }
    return out + count;
}

__attribute__((always_inline))
static inline uint64_t structural(uint64_t parity, uint64_t s, uint64_t n, uint64_t *inside) {
    uint64_t in = parity ^ *inside;
    *inside = (uint64_t)((int64_t)in >> 63);
    return (s | n) & ~in;
}

// The portable classification of one 64-byte block (bit i = byte i): m[0] the quote parity (bit i
// set when an odd number of '"' lie in bytes 0…i, the prefix XOR of the quote mask), m[1] the
// separator mask (bytes equal to `sep`), m[2] the newline mask (bytes equal to '\n'). Returns
// non-zero when a byte is >= 0x80 (so that the caller validates UTF-8).
static int classify_portable(const uint8_t *b, uint8_t sep, uint64_t m[3]) {
    uint8_t high = 0;
    uint64_t q = 0, s = 0, n = 0;
    for (int i = 0; i < 64; i++) {
        uint8_t c = b[i];
        high |= c;
        q |= (uint64_t)(c == '"') << i;
        s |= (uint64_t)(c == sep) << i;
        n |= (uint64_t)(c == '\n') << i;
    }
    m[0] = fs_prefix_xor(q);
    m[1] = s;
    m[2] = n;
    return (high & 0x80) != 0;
}

size_t fs_index_portable(const uint8_t *p, size_t nblocks, uint8_t sep, uint64_t *inside, uint32_t base,
                         uint32_t *out, int *high) {
    uint64_t m[3];
    uint32_t *o = out;
    int h = 0;
    for (size_t k = 0; k < nblocks; k++) {
        h |= classify_portable(p + 64 * k, sep, m);
        o = flatten(o, structural(m[0], m[1], m[2], inside), m[2], base + (uint32_t)(64 * k));
    }
    *high = h;
    return (size_t)(o - out);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

__attribute__((target("avx2,pclmul,bmi")))
static size_t index_avx2(const uint8_t *p, size_t nblocks, uint8_t sep, uint64_t *inside, uint32_t base,
                         uint32_t *out, int *high) {
    const __m256i vq = _mm256_set1_epi8('"');
    const __m256i vs = _mm256_set1_epi8((char)sep);
    const __m256i vn = _mm256_set1_epi8('\n');
    const __m128i ones = _mm_set1_epi8((char)0xFF);
    __m256i hi8 = _mm256_setzero_si256();
    uint32_t *o = out;
    uint64_t state = *inside;
    for (size_t k = 0; k < nblocks; k++) {
        const uint8_t *b = p + 64 * k;
        __m256i lo = _mm256_loadu_si256((const __m256i *)b);
        __m256i hi = _mm256_loadu_si256((const __m256i *)(b + 32));
        hi8 = _mm256_or_si256(hi8, _mm256_or_si256(lo, hi));
        uint64_t q = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, vq))
                   | ((uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, vq)) << 32);
        uint64_t s = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, vs))
                   | ((uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, vs)) << 32);
        uint64_t n = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, vn))
                   | ((uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, vn)) << 32);
        uint64_t parity = (uint64_t)_mm_cvtsi128_si64(
            _mm_clmulepi64_si128(_mm_set_epi64x(0, (long long)q), ones, 0));
        o = flatten(o, structural(parity, s, n, &state), n, base + (uint32_t)(64 * k));
    }
    *inside = state;
    *high = _mm256_movemask_epi8(hi8) != 0;
    return (size_t)(o - out);
}

// One 64-byte block with SSE2 compares and a carry-less multiply: the same words as
// classify_portable.
__attribute__((target("sse2,pclmul")))
static int classify_sse2(const uint8_t *b, uint8_t sep, uint64_t m[3]) {
    const __m128i vq = _mm_set1_epi8('"');
    const __m128i vs = _mm_set1_epi8((char)sep);
    const __m128i vn = _mm_set1_epi8('\n');
    const __m128i ones = _mm_set1_epi8((char)0xFF);
    __m128i high = _mm_setzero_si128();
    uint64_t q = 0, s = 0, n = 0;
    for (int j = 0; j < 4; j++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(b + 16 * j));
        high = _mm_or_si128(high, v);
        q |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vq)) << (16 * j);
        s |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vs)) << (16 * j);
        n |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vn)) << (16 * j);
    }
    m[0] = (uint64_t)_mm_cvtsi128_si64(_mm_clmulepi64_si128(_mm_set_epi64x(0, (long long)q), ones, 0));
    m[1] = s;
    m[2] = n;
    return _mm_movemask_epi8(high) != 0;
}

__attribute__((target("sse2,pclmul")))
static size_t index_sse2(const uint8_t *p, size_t nblocks, uint8_t sep, uint64_t *inside, uint32_t base,
                         uint32_t *out, int *high) {
    uint64_t m[3];
    uint32_t *o = out;
    int h = 0;
    for (size_t k = 0; k < nblocks; k++) {
        h |= classify_sse2(p + 64 * k, sep, m);
        o = flatten(o, structural(m[0], m[1], m[2], inside), m[2], base + (uint32_t)(64 * k));
    }
    *high = h;
    return (size_t)(o - out);
}

static int supported(int variant) {
    __builtin_cpu_init();
    switch (variant) {
    case FS_PORTABLE: return 1;
    case FS_SSE2: return __builtin_cpu_supports("sse2") && __builtin_cpu_supports("pclmul");
    case FS_AVX2: return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("pclmul")
                      && __builtin_cpu_supports("bmi");
    default: return 0;
    }
}
#else
static int supported(int variant) { return variant == FS_PORTABLE; }
#endif

typedef size_t (*index_fn)(const uint8_t *, size_t, uint8_t, uint64_t *, uint32_t, uint32_t *, int *);

static index_fn function_of(int variant) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    if (variant == FS_AVX2) return index_avx2;
    if (variant == FS_SSE2) return index_sse2;
#endif
    return fs_index_portable;
}

// The variant in use and its function: chosen once (on the first call, from the CPU and
// VALUEBENCH_SIMD), then changed only by fs_set_variant. Relaxed atomics: any thread sees
// one of the variants, and every variant gives the same answer.
static int current = -1;
static index_fn chosen = NULL;

static void choose(void) {
    int ceiling = FS_AVX2;
    const char *env = getenv("VALUEBENCH_SIMD");
    if (env) {
        if (!strcmp(env, "portable")) ceiling = FS_PORTABLE;
        else if (!strcmp(env, "sse2")) ceiling = FS_SSE2;
    }
    int v = ceiling;
    while (v > FS_PORTABLE && !supported(v)) v--;
    __atomic_store_n(&chosen, function_of(v), __ATOMIC_RELAXED);
    __atomic_store_n(&current, v, __ATOMIC_RELAXED);
}

int fs_variant(void) {
    if (__atomic_load_n(&current, __ATOMIC_RELAXED) < 0) choose();
    return __atomic_load_n(&current, __ATOMIC_RELAXED);
}

int fs_set_variant(int variant) {
    if (variant < 0) { choose(); return 1; }
    if (!supported(variant)) return 0;
    __atomic_store_n(&chosen, function_of(variant), __ATOMIC_RELAXED);
    __atomic_store_n(&current, variant, __ATOMIC_RELAXED);
    return 1;
}

size_t fs_index(const uint8_t *p, size_t nblocks, uint8_t sep, uint64_t *inside, uint32_t base,
                uint32_t *out, int *high) {
    index_fn f = __atomic_load_n(&chosen, __ATOMIC_RELAXED);
    if (!f) { choose(); f = __atomic_load_n(&chosen, __ATOMIC_RELAXED); }
    return f(p, nblocks, sep, inside, base, out, high);
}

// The search with its leaf scans done by AVX-512 VNNI dot products, for coordinates 0…127
// (used when the CPU has AVX-512 VNNI; see cnearest.c).
// 4 leaves (256 queries) per walk: measured on 1,000,000 × 12 factors 0–10, 2 and 4 beat 16
// (≈ 5.1 s against ≈ 6.6 s of one core's time; at 100,000 they are even): a wider block walks
// the union of every lane's paths, and with gap splits that union costs more than the shared
// leaf loads save.
#define CN_GROUP 4
#include "kernels.h"
#define CAT2_(a, b) a##b
#define CAT2(a, b) CAT2_(a, b)
#if defined(__x86_64__) && defined(__clang__)
#include <immintrin.h>
#pragma clang attribute push(__attribute__((target("avx2,avx512f,avx512bw,avx512vl,avx512vnni"))), apply_to = function)
#define CN_DOT_SCAN 1
#define CN_VBYTES 64
#define T int16_t
#define T_INF INT16_MAX
#define SUFFIX _i16_vnni
#include "kernel_template.h"
#undef T
#undef T_INF
#undef SUFFIX
#define T int32_t
#define T_INF INT32_MAX
#define SUFFIX _i32_vnni
#include "kernel_template.h"
int cn_run_blocks_i16_vnni(const cn_search_t *s) { return run_blocks_i16_vnni(s); }
int cn_run_blocks_i32_vnni(const cn_search_t *s) { return run_blocks_i32_vnni(s); }
#pragma clang attribute pop
#else
int cn_run_blocks_i16_vnni(const cn_search_t *s) { return cn_run_blocks_i16_base(s); }
int cn_run_blocks_i32_vnni(const cn_search_t *s) { return cn_run_blocks_i32_base(s); }
#endif

// The search compiled for AVX2 (used when the CPU has it; see cnearest.c).
#include "kernels.h"
#define CAT2_(a, b) a##b
#define CAT2(a, b) CAT2_(a, b)
#if defined(__x86_64__) && defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx2"))), apply_to = function)
#define ISA avx2
#include "kernels_instances.h"
#pragma clang attribute pop
#else
int cn_run_blocks_i16_avx2(const cn_search_t *s) { return cn_run_blocks_i16_base(s); }
int cn_run_blocks_i32_avx2(const cn_search_t *s) { return cn_run_blocks_i32_base(s); }
int cn_run_blocks_i64_avx2(const cn_search_t *s) { return cn_run_blocks_i64_base(s); }
#endif

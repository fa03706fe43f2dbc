#ifndef CFASTSCAN_H
#define CFASTSCAN_H
#include <stdint.h>
#include <stddef.h>

/// Stage 1 of the scanner: the offsets (base + index in p) of every separator and newline
/// outside quotes in the 64·nblocks bytes at p, in order, newlines marked with FS_NEWLINE.
/// `*inside` is the quote state before the first byte (0 or all ones) and after the last. `out`
/// must have room for 64·nblocks + 16 entries. Sets `*high` to 1 when a byte >= 0x80 occurs.
/// Returns how many offsets were written. Runs the variant `fs_variant()` names.
#define FS_NEWLINE 0x80000000u
size_t fs_index(const uint8_t *p, size_t nblocks, uint8_t sep, uint64_t *inside, uint32_t base,
                uint32_t *out, int *high);

/// The same with the portable code.
size_t fs_index_portable(const uint8_t *p, size_t nblocks, uint8_t sep, uint64_t *inside, uint32_t base,
                         uint32_t *out, int *high);

/// The variants of fs_index: portable C, SSE2 (+ PCLMUL), AVX2 (+ PCLMUL, BMI1). All give the
/// same offsets.
enum { FS_PORTABLE = 0, FS_SSE2 = 1, FS_AVX2 = 2 };

/// The variant fs_index runs. Chosen on first use: the best the CPU has, at most the one the
/// environment variable VALUEBENCH_SIMD names (read once: `portable`, `sse2`; `avx2`, `avx512`
/// or anything else mean the best).
int fs_variant(void);

/// Makes fs_index run `variant` (one of FS_*) from now on, for every thread. Returns 1, or 0
/// (nothing changed) when this CPU cannot run it. A negative variant restores the default choice.
int fs_set_variant(int variant);

/// Prefix XOR of a 64-bit mask (bit i = XOR of bits 0…i).
uint64_t fs_prefix_xor(uint64_t x);

#endif

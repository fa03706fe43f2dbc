#ifndef CFASTSCAN_H
#define CFASTSCAN_H
#include <stdint.h>
#include <stddef.h>

/// Block classification for the survey scanner: each 64-byte block of input becomes three bit
/// masks (bit i = byte i of the block). The scanner walks the masks in Swift.
///
/// For every block k (bytes p[64k] … p[64k+63]) three words are written to out[3k…3k+2]:
///   out[3k]   quote parity: bit i set when an odd number of '"' lie in bytes 0…i of the block
///             (the prefix XOR of the quote mask; XOR with all ones when the block starts inside
///             quotes),
///   out[3k+1] separator mask (bytes equal to `sep`),
///   out[3k+2] newline mask (bytes equal to '\n').
/// Returns non-zero when any byte of the blocks is >= 0x80 (so that the caller validates UTF-8).
/// The caller provides all 64·nblocks bytes (pad the tail with zeros).
int fs_classify(const uint8_t *p, size_t nblocks, uint8_t sep, uint64_t *out);

/// The same with the portable (scalar) code, whatever the CPU: for tests.
int fs_classify_portable(const uint8_t *p, size_t nblocks, uint8_t sep, uint64_t *out);

/// Stage 1 of the scanner: the offsets (base + index in p) of every separator and newline
/// outside quotes in the 64·nblocks bytes at p, in order, newlines marked with FS_NEWLINE. `*inside` is the quote state before
/// the first byte (0 or all ones) and after the last. `out` must have room for 64·nblocks + 16
/// entries. Sets `*high` to 1 when a byte >= 0x80 occurs. Returns how many offsets were written.
#define FS_NEWLINE 0x80000000u
size_t fs_index(const uint8_t *p, size_t nblocks, uint8_t sep, uint64_t *inside, uint32_t base,
                uint32_t *out, int *high);

/// The same with the portable code.
size_t fs_index_portable(const uint8_t *p, size_t nblocks, uint8_t sep, uint64_t *inside, uint32_t base,
                         uint32_t *out, int *high);

/// Which implementation fs_classify uses on this CPU: "avx2+pclmul", "sse2+pclmul", "portable".
const char *fs_implementation(void);

/// Prefix XOR of a 64-bit mask (bit i = XOR of bits 0…i).
uint64_t fs_prefix_xor(uint64_t x);

#endif

#ifndef CFASTSCAN_H
#define CFASTSCAN_H
#include <stdint.h>
#include <stddef.h>

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

/// Prefix XOR of a 64-bit mask (bit i = XOR of bits 0…i).
uint64_t fs_prefix_xor(uint64_t x);

#endif

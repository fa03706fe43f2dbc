// CFastScan under ASan and UBSan: fs_index (the SIMD variant this CPU runs) and
// fs_index_portable must agree with a byte-by-byte reference on every offset, the quote state
// after the blocks and the high-byte flag. The first input byte picks the separator and the
// quote state before the first block.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "cfastscan.h"

static size_t reference(const uint8_t *p, size_t len, uint8_t sep, uint64_t *inside, uint32_t base,
                        uint32_t *out, int *high) {
    size_t n = 0;
    int in = *inside != 0;
    for (size_t i = 0; i < len; i++) {
        if (p[i] >= 0x80) *high = 1;
        if (p[i] == '"') in = !in;
        else if (!in && p[i] == sep) out[n++] = base + (uint32_t)i;
        else if (!in && p[i] == '\n') out[n++] = (base + (uint32_t)i) | FS_NEWLINE;
    }
    *inside = in ? ~(uint64_t)0 : 0;
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    const uint8_t seps[4] = {',', ';', '\t', '|'};
    uint8_t sep = seps[data[0] & 3];
    uint64_t start = (data[0] & 4) ? ~(uint64_t)0 : 0;
    uint32_t base = (data[0] & 8) ? 1000 : 0;
    size_t len = size - 1, nblocks = (len + 63) / 64;
    // An exact heap buffer of whole blocks, so that ASan sees any read past it.
    uint8_t *p = malloc(nblocks * 64 + 1);
    memset(p, ' ', nblocks * 64);
    memcpy(p, data + 1, len);
    size_t room = nblocks * 64 + 16;
    uint32_t *a = malloc(room * 4), *b = malloc(room * 4), *c = malloc(room * 4);
    uint64_t ia = start, ib = start, ic = start;
    int ha = 0, hb = 0, hc = 0;
    size_t na = fs_index(p, nblocks, sep, &ia, base, a, &ha);
    size_t nb = fs_index_portable(p, nblocks, sep, &ib, base, b, &hb);
    size_t nc = reference(p, nblocks * 64, sep, &ic, base, c, &hc);
    if (na != nc || nb != nc || ia != ic || ib != ic || ha != hc || hb != hc
        || memcmp(a, c, nc * 4) != 0 || memcmp(b, c, nc * 4) != 0) abort();
    if (len >= 8) {
        uint64_t x, want = 0, acc = 0;
        memcpy(&x, data + 1, 8);
        for (int bit = 0; bit < 64; bit++) { acc ^= (x >> bit) & 1; want |= acc << bit; }
        if (fs_prefix_xor(x) != want) abort();
    }
    free(p); free(a); free(b); free(c);
    return 0;
}

// CNearest under ASan and UBSan: cn_all_knn against a brute-force search (squared distance,
// then index) on small point sets. Input: n, d, k, threads and a coordinate range from the
// first four bytes, then the coordinates (two bytes each, signed, scaled by the range).
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "cnearest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 4) return 0;
    int64_t n = 2 + data[0] % 120;
    int32_t d = 1 + data[1] % 12;
    int32_t k = 1 + (int32_t)(data[2] % (n - 1 < 16 ? n - 1 : 16));
    int32_t threads = 1 + (data[3] & 1);
    int shift = (data[3] >> 1) % 20;   // coordinates up to about ±2^(shift+6)
    const uint8_t *q = data + 4;
    size_t left = size - 4;
    int32_t *points = malloc(sizeof(int32_t) * n * d);
    for (int64_t i = 0; i < n * d; i++) {
        int32_t v = left >= 1 ? (int8_t)q[i % left] : 0;
        points[i] = (int32_t)((int64_t)v * ((int64_t)1 << shift) / 2 + (i % 3));
    }
    int32_t *index = malloc(sizeof(int32_t) * n * k);
    int64_t *d2 = malloc(sizeof(int64_t) * n * k);
    if (cn_all_knn(points, n, d, k, threads, index, d2, NULL, NULL) != 0) abort();
    int64_t *all = malloc(sizeof(int64_t) * n);
    for (int64_t i = 0; i < n; i++) {
        for (int64_t j = 0; j < n; j++) {
            int64_t s = 0;
            for (int32_t c = 0; c < d; c++) {
                int64_t diff = (int64_t)points[i * d + c] - points[j * d + c];
                s += diff * diff;
            }
            all[j] = s;
        }
        int64_t prev_d = -1, prev_j = -1;
        for (int32_t r = 0; r < k; r++) {
            // The r-th neighbour: the smallest (distance, index) after the previous one.
            int64_t best = -1;
            for (int64_t j = 0; j < n; j++) {
                if (j == i) continue;
                if (all[j] < prev_d || (all[j] == prev_d && j <= prev_j)) continue;
                if (best < 0 || all[j] < all[best]) best = j;
            }
            if (best < 0 || index[i * k + r] != best || d2[i * k + r] != all[best]) abort();
            prev_d = all[best]; prev_j = best;
        }
    }
    free(points); free(index); free(d2); free(all);
    return 0;
}

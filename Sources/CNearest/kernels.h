// Shared between cnearest.c and the two kernel translation units.
#ifndef CN_KERNELS_H
#define CN_KERNELS_H
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/// Points per leaf, and so queries per block: one bit each in a uint64_t mask.
#define CN_LEAF 64
/// Leaves whose queries walk the tree together (a block of CN_GROUP × CN_LEAF queries): the
/// more queries a walk serves, the more of them share each leaf brought into the cache.
#ifndef CN_GROUP
#define CN_GROUP 1  // the VNNI kernels set 4; wider blocks cost the 32-byte-vector kernels more than they save
#endif
#define CN_BLOCK (CN_GROUP * CN_LEAF)

/// What a search reads: the tree in the lane type (coordinates shifted so the smallest is 0).
typedef struct {
    int32_t d, k, leaves;
    const void *leaf_coords;   // leaves * d * CN_LEAF lane values, coordinate-major per leaf
    const int32_t *leaf_index; // leaves * CN_LEAF original indices
    const int32_t *leaf_count; // leaves
    const void *root_lo, *root_hi; // d lane values: the data's box
    const int32_t *node_dim;   // the coordinate an inner node splits
    const void *node_lhi, *node_rlo; // the left child's largest, the right child's smallest value along it
    const int32_t *node_left, *node_right, *node_leaf; // children, or the leaf number (-1: inner)
    int32_t *out_index;
    int64_t *out_d2;
    int32_t *next_block;       // the next block no thread has taken (atomic)
    int (*cancelled)(void *);  // nonzero: stop taking blocks (checked once a block; may be NULL)
    void *cancel_context;      // its argument
    // For the dot-product scan (coordinates 0…127): per leaf, quads × CN_LEAF words of four
    // coordinate bytes, and each point's squared norm.
    int32_t quads;
    const void *leaf_dot;
    const int32_t *leaf_p2;
} cn_search_t;

int cn_run_blocks_i16_avx2(const cn_search_t *s);
int cn_run_blocks_i32_avx2(const cn_search_t *s);
int cn_run_blocks_i64_avx2(const cn_search_t *s);
int cn_run_blocks_i16_vnni(const cn_search_t *s);
int cn_run_blocks_i32_vnni(const cn_search_t *s);
int cn_run_blocks_i16_base(const cn_search_t *s);
int cn_run_blocks_i32_base(const cn_search_t *s);
int cn_run_blocks_i64_base(const cn_search_t *s);
#endif

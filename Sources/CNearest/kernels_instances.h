// Instantiates kernel_template.h for the three lane types, with entry points named for ISA.
#define T int16_t
#define T_INF INT16_MAX
#define SUFFIX CAT2(_i16_, ISA)
#include "kernel_template.h"
int CAT2(cn_run_blocks_i16_, ISA)(const cn_search_t *s) { return CAT2(run_blocks_i16_, ISA)(s); }
#undef T
#undef T_INF
#undef SUFFIX
#define T int32_t
#define T_INF INT32_MAX
#define SUFFIX CAT2(_i32_, ISA)
#include "kernel_template.h"
int CAT2(cn_run_blocks_i32_, ISA)(const cn_search_t *s) { return CAT2(run_blocks_i32_, ISA)(s); }
#undef T
#undef T_INF
#undef SUFFIX
#define T int64_t
#define T_INF INT64_MAX
#define SUFFIX CAT2(_i64_, ISA)
#include "kernel_template.h"
int CAT2(cn_run_blocks_i64_, ISA)(const cn_search_t *s) { return CAT2(run_blocks_i64_, ISA)(s); }
#undef T
#undef T_INF
#undef SUFFIX

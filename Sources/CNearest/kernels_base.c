// The search compiled for the baseline instruction set (SSE2 on x86-64, NEON on arm64).
#include "kernels.h"
#define CAT2_(a, b) a##b
#define CAT2(a, b) CAT2_(a, b)
#define ISA base
#include "kernels_instances.h"

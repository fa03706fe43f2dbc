// glibc's malloc tuning (mallopt(3) and its M_* options): <malloc.h> is not part of Swift's
// Glibc module.
#include <malloc.h>

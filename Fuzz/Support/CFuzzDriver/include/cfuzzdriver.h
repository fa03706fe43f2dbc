#ifndef CFUZZDRIVER_H
#define CFUZZDRIVER_H
#include <stddef.h>
#include <stdint.h>
/// libFuzzer's own driver (what its `main` calls): SwiftPM names an executable's entry point
/// `<Module>_main`, so each target's entry point calls this instead of linking libFuzzer's `main`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif

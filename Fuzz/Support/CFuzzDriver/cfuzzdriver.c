// libFuzzer supplies LLVMFuzzerRunDriver; this file only makes the header a module.

#if canImport(Glibc)
    import CMalloc
    import Glibc
    import Workbench

    /// Backs the start of the main heap with transparent huge pages.
    ///
    /// A long script keeps every enterprise, undo record and history line: 100 MB for 100,000
    /// lines, and with 4 KB pages a fifth of the run went to page faults. On kernels that grant huge
    /// pages only on request (`madvise` mode, the common default) this asks for them over the first
    /// `bytes` of the heap: grow the heap once (keeping it from being trimmed or served by mmap),
    /// mark the range, and free it for malloc to carve small blocks from. Memory is still only used
    /// as it is touched, 2 MB at a time. Does nothing where huge pages are off, or when
    /// `VALUEBENCH_HUGEPAGES=0` (`Tuning.hugePages`).
    enum HugePages {
        static func reserveHeap(bytes: Int = 256 << 20) {
            guard Tuning.hugePages, mallopt(M_MMAP_THRESHOLD, Int32(bytes * 2)) == 1,
                mallopt(M_TRIM_THRESHOLD, Int32.max) == 1,
                let block = malloc(bytes)
            else { return }
            let huge = 2 << 20
            let start = (Int(bitPattern: block) + huge - 1) & ~(huge - 1)
            let end = (Int(bitPattern: block) + bytes) & ~(huge - 1)
            if end > start, let p = UnsafeMutableRawPointer(bitPattern: start) {
                _ = madvise(p, end - start, MADV_HUGEPAGE)
            }
            free(block)
        }
    }
#else
    enum HugePages {
        static func reserveHeap(bytes: Int = 0) {}
    }
#endif

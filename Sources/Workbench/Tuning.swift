#if canImport(Glibc)
    import Glibc
#endif

/// The switches of the performance tricks, each read once from the environment, so that a
/// benchmark can run with a trick and without it (PERFORMANCE.md lists each trick, the benchmark
/// that justifies it and its measured gain). The SIMD switch, `VALUEBENCH_SIMD`, is read by the
/// C targets themselves (`fs_variant`, `cn_variant`), and `VALUEBENCH_NAME_INDEX` by ValueCore's
/// `NameIndex`, below this module.
public enum Tuning {
    /// How many threads the work split by hand uses (the JSON writer, `diff import`, the survey
    /// scanner, `diff nearest`): 2, or `VALUEBENCH_THREADS` (1 turns the splitting off; only
    /// `diff nearest` uses more than 2).
    public static let threads: Int = {
        guard let text = environment("VALUEBENCH_THREADS"), let n = Int(text), n >= 1 else { return 2 }
        return min(n, 64)
    }()

    /// Whether the executable backs its heap with transparent huge pages (`VALUEBENCH_HUGEPAGES=0`
    /// turns it off).
    public static let hugePages = environment("VALUEBENCH_HUGEPAGES") != "0"

    /// Whether the JSON reader keeps the strings of keys it has seen (`VALUEBENCH_JSON_KEY_CACHE=0`
    /// turns it off).
    public static let jsonKeyCache = environment("VALUEBENCH_JSON_KEY_CACHE") != "0"

    /// Whether notebook saves reuse the JSON of enterprises that did not change since the last save
    /// or open (`SnapshotCache`; `VALUEBENCH_SNAPSHOT_CACHE=0` turns it off).
    public static let snapshotCache = environment("VALUEBENCH_SNAPSHOT_CACHE") != "0"

    private static func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
}

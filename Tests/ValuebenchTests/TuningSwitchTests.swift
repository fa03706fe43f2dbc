import Foundation
import Testing
import TestSupport

/// Every speed trick can be switched off to compare (PERFORMANCE.md), and switching one off must
/// change nothing a user sees: the same scripts give the same output and the same notebook bytes
/// with each switch off as with all on.
@Suite struct TuningSwitchTests {
    /// Each switch, off (or, for the SIMD kernels, forced to the portable code).
    static let switches: [(String, String)] = [
        ("VALUEBENCH_THREADS", "1"), ("VALUEBENCH_HUGEPAGES", "0"), ("VALUEBENCH_JSON_KEY_CACHE", "0"),
        ("VALUEBENCH_SNAPSHOT_CACHE", "0"), ("VALUEBENCH_NAME_INDEX", "0"), ("VALUEBENCH_SIMD", "portable"),
    ]

    /// A market of `count` enterprises on 12 factors, seeded, with names that differ only in case
    /// from their neighbours' now and then (the name index folds case).
    static func market(count: Int, seed: UInt64) -> String {
        var random = SplitMix64(seed: seed)
        var lines = ["name,industry,price," + (1...12).map { "F\($0)" }.joined(separator: ",")]
        for i in 0..<count {
            let scores = (0..<12).map { _ in String(random.next() % 11) }
            let name = i % 97 == 0 ? "firm \(i) Ä" : "Firm \(i)"
            lines.append("\(name),retail,\(10 + random.next() % 500),\(scores.joined(separator: ","))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Imports a market, finds nearest competitors, renames and removes enterprises, undoes, and
    /// imports a file that clashes with a taken name (refused whole, so its first name is still free),
    /// recorded as a notebook.
    static func script(_ folder: TemporaryFolder) -> String {
        """
        diff import \(folder.file("market.csv"))
        diff nearest --k 3 --json
        enterprise set "Firm 5" --name "Firm Five"
        enterprise remove "FIRM 7"
        undo
        diff import \(folder.file("clash.csv"))
        enterprise add "New one"
        enterprise list --json
        """
    }

    @Test func eachSwitchOffChangesNothingUsersSee() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("market.csv", Self.market(count: 1_000, seed: 15))
        try folder.write("clash.csv", "name,industry,price,F1\nNew one,retail,5,3\nfirm 12,retail,5,3\n")
        /// The script saved as a notebook; then that notebook opened, changed and saved again.
        func run(_ environment: [String: String]) throws -> [String] {
            let first = folder.file("first.ipynb"), second = folder.file("second.ipynb")
            let r = try runValuebench(
                ["--quiet", "--save", first], input: Self.script(folder), environment: environment)
            let reopened = try runValuebench(
                ["--quiet", first, "--save", second],
                input: "enterprise add \"Firm 1 bis\"\ndiff nearest --k 1 --json\n",
                environment: environment)
            let saved = try [first, second].map { try String(contentsOfFile: $0, encoding: .utf8) }
            return [String(r.status), r.stdout, r.stderr, reopened.stdout + reopened.stderr] + saved
        }
        let reference = try run([:])
        #expect(reference[0] == "1", "the clashing import should fail the script: \(reference[2])")
        #expect(reference[2].contains("firm 12"), "the clash names the taken name: \(reference[2])")
        #expect(reference[1].contains("\"Firm Five\""))
        for (name, value) in Self.switches {
            let got = try run([name: value])
            let parts = ["exit status", "stdout", "stderr", "the reopened run", "first.ipynb", "second.ipynb"]
            for (i, what) in parts.enumerated() {
                let same = got[i] == reference[i]  // not in the expectation: the texts are long
                #expect(same, "\(name)=\(value) changed \(what)")
            }
        }
    }
}

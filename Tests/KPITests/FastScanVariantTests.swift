import CFastScan
import Testing
import TestSupport

/// Every variant of `fs_index` this CPU can run (portable, SSE2, AVX2) must give the portable
/// variant's offsets, quote state and high-byte flag. Serialized: the variant is process-wide.
@Suite(.serialized) struct FastScanVariantTests {
    static let variants: [(name: String, id: Int32)] = [
        ("portable", Int32(FS_PORTABLE)), ("sse2", Int32(FS_SSE2)),
        ("avx2", Int32(FS_AVX2)),
    ]

    /// What one run of `fs_index` gave over `bytes`, in calls of `batch` blocks (the quote
    /// state carried from call to call, as the scanner carries it).
    struct Outcome: Equatable {
        var offsets: [UInt32] = []
        var inside: UInt64 = 0
        var high: [Int32] = []
    }

    static func run(_ variant: Int32, _ bytes: [UInt8], sep: UInt8, batch: Int, inside: UInt64 = 0) -> Outcome? {
        let previous = fs_variant()
        defer { _ = fs_set_variant(previous) }
        guard fs_set_variant(variant) == 1 else { return nil }
        #expect(fs_variant() == variant)
        var outcome = Outcome(inside: inside)
        let blocks = bytes.count / 64
        var out = [UInt32](repeating: 0, count: 64 * batch + 16)
        var k = 0
        while k < blocks {
            let n = min(batch, blocks - k)
            var high: Int32 = 0
            let count = bytes.withUnsafeBufferPointer { b in
                fs_index(b.baseAddress! + 64 * k, n, sep, &outcome.inside, UInt32(64 * k), &out, &high)
            }
            outcome.offsets += out[..<count]
            outcome.high.append(high)
            k += n
        }
        return outcome
    }

    /// Runs every variant on `bytes`; returns the names of those that ran.
    @discardableResult
    static func expectAgree(
        _ bytes: [UInt8], sep: UInt8 = UInt8(ascii: ","), batch: Int = 8, inside: UInt64 = 0,
        _ comment: Comment? = nil
    ) -> [String] {
        let padded = bytes + [UInt8](repeating: 0, count: (64 - bytes.count % 64) % 64)
        guard let reference = run(Int32(FS_PORTABLE), padded, sep: sep, batch: batch, inside: inside) else {
            Issue.record("the portable variant must always run")
            return []
        }
        var ran = ["portable"]
        for v in variants.dropFirst() {
            guard let got = run(v.id, padded, sep: sep, batch: batch, inside: inside) else { continue }
            ran.append(v.name)
            #expect(got == reference, "\(v.name) differs from portable \(comment.map { "(\($0))" } ?? "")")
        }
        return ran
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func seededRandomInput(seed: UInt64) {
        print("FastScanVariantTests.seededRandomInput: seed \(seed)")
        var rng = SplitMix64(seed: seed)
        let alphabet: [UInt8] = Array("\"\",;\t\n\r a1".utf8) + [0xC3, 0xA9]
        for blocks in [1, 2, 7, 40] {
            let bytes = (0..<(64 * blocks)).map { _ in alphabet[rng.int(0...(alphabet.count - 1))] }
            for sep in [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")] {
                for batch in [1, 3, 16] {
                    Self.expectAgree(bytes, sep: sep, batch: batch, "seed \(seed), \(blocks) blocks, batch \(batch)")
                }
            }
        }
    }

    /// Texts built to sit on the edges: quotes opened in one block and closed in another (or in
    /// the next call), quotes at bytes 63 and 64, CR/LF and lone CR, a block of nothing but
    /// separators (more than 16 offsets a block), a high byte only in the last byte.
    static let edgeTexts = [
        String(repeating: "a", count: 60) + "\"x,\ny\"" + ",b\n" + String(repeating: "c,", count: 40) + "\n",
        String(repeating: "a", count: 63) + "\"" + ",\n\"" + String(repeating: ",", count: 70) + "\n",
        String(repeating: "a", count: 64) + "\"\"\"\",\n",
        String(repeating: "f1,f2,f3\r\n", count: 30),
        String(repeating: "f1,\"a\r\nb\",f3\r", count: 20),
        String(repeating: ",", count: 256),
        String(repeating: "\n", count: 128) + String(repeating: "\"", count: 129),
        "\"" + String(repeating: "open,\n", count: 50),
        "",
    ]

    @Test(arguments: edgeTexts.indices)
    func edgeCases(index: Int) {
        let text = Self.edgeTexts[index]
        for batch in [1, 2, 8] {
            Self.expectAgree(Array(text.utf8), batch: batch, "text \(index), batch \(batch)")
            Self.expectAgree(Array(text.utf8), batch: batch, inside: ~0, "text \(index) inside quotes, batch \(batch)")
        }
        var high = Array(text.utf8) + [UInt8](repeating: UInt8(ascii: "z"), count: 63 - text.utf8.count % 64)
        high.append(0xFF)
        Self.expectAgree(high, "text \(index), a high byte last")
    }

    @Test func everyVariantThisCPUHasRan() {
        let ran = Self.expectAgree(Array(String(repeating: "a,\"b\nc\",d\n", count: 30).utf8))
        print("fs_index variants run on this CPU: \(ran.joined(separator: ", "))")
        #expect(ran.first == "portable")
        #if arch(x86_64)
            // Every x86-64 CPU has SSE2; PCLMUL since 2010.
            #expect(ran.count >= 2, "on x86-64 at least one SIMD variant must run: ran \(ran)")
        #endif
        #expect(fs_set_variant(7) == 0)
    }
}

import Testing
import Workbench

@Suite struct FormatTests {
    @Test(
        arguments: [
            (1.25, 1, "1.3"), (-1.25, 1, "-1.3"), (0.15, 1, "0.2"), (2.675, 2, "2.68"), (0.05, 1, "0.1"),
            (-0.04, 1, "0.0"), (42, 1, "42.0"), (99.95, 1, "100.0"), (0, 0, "0"), (12.5, 0, "13"), (-12.5, 0, "-13"),
            (1e-7, 2, "0.00"), (123456.789, 2, "123456.79"),
        ] as [(Double, Int, String)])
    func fixedRoundsHalfAwayFromZero(value: Double, decimals: Int, text: String) {
        #expect(Format.fixed(value, decimals) == text)
    }

    @Test(
        arguments: [
            (0, "answer", nil, "0 answers"), (1, "answer", nil, "1 answer"), (2, "answer", nil, "2 answers"),
            (1, "activity", "activities", "1 activity"), (3, "activity", "activities", "3 activities"),
        ] as [(Int, String, String?, String)])
    func countAgreesWithItsNoun(n: Int, noun: String, plural: String?, text: String) {
        #expect(Format.count(n, noun, plural: plural) == text)
    }

    @Test(
        arguments: [(3.0, "3"), (2.5, "2.5"), (0.177, "0.177"), (-4.0, "-4"), (1.0 / 3.0, "0.333333")]
            as [(Double, String)])
    func numberIsShort(value: Double, text: String) {
        #expect(Format.number(value) == text)
    }

    /// Large figures keep their sign, and never overflow the integer rounding (9999999999999.5
    /// with six decimals used to trap).
    @Test(
        arguments: [
            (-1e308, 2, "-1e+308"), (1e308, 2, "1e+308"), (-2e15, 0, "-2000000000000000.0"),
            (9999999999999.5, 6, "9999999999999.50000"), (-9999999999999.5, 6, "-9999999999999.50000"),
            (999999999999999.9, 6, "999999999999999.900"), (1.5, 25, "1.500000000000000000"),
        ] as [(Double, Int, String)])
    func fixedHandlesHugeValues(value: Double, decimals: Int, text: String) {
        #expect(Format.fixed(value, decimals) == text)
    }

    @Test func numberOfHugeValues() {
        #expect(Format.number(9999999999999.5) == "9999999999999.5")
        #expect(Format.number(-1e308) == "-1e+308")
        #expect(Format.number(1e20) == "1e+20")  // was "1e+2": trailing zeros stripped from the exponent
    }

    @Test(arguments: [("CATL", 4), ("宁德时代", 8), ("Café", 4), ("e\u{301}", 1), ("", 0)] as [(String, Int)])
    func displayWidthCountsWideCharacters(text: String, width: Int) {
        #expect(Format.displayWidth(text) == width)
    }

    @Test func alignedTablesPadWideCharacters() {
        let t = Table(headers: ["name", "n"], rows: [["宁德时代", "1"], ["CATL", "10"]], alignments: [.left, .right])
        let text = Renderer().aligned(t)
        #expect(text == "name       n\n────────  ──\n宁德时代   1\nCATL      10\n")
    }

    /// Control characters in cells (a survey's group value with a line break or an ESC sequence)
    /// neither break the table's lines nor reach the terminal: they were printed raw.
    @Test func alignedTablesShowControlCharacters() {
        let t = Table(
            headers: ["g", "n"], rows: [["a\u{1B}[31mRED", "1"], ["multi\nline", "2"], ["x\u{7F}\u{85}", "3"]])
        let text = Renderer().aligned(t)
        #expect(text == "g           n\n──────────  ─\na␛[31mRED   1\nmulti␊line  2\nx␡⟨U+0085⟩  3\n")
    }

    @Test func csvQuotesWhatNeedsIt() {
        let t = Table(headers: ["name", "note"], rows: [["Tom & Jerry's", "a, \"b\"\nc"]])
        #expect(Renderer.csv(t) == "name,note\nTom & Jerry's,\"a, \"\"b\"\"\nc\"\n")
    }

    @Test func markupEscapesUserText() {
        #expect(
            Markup.xml("<script>alert(1)</script> & 'x'") == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;x&#39;")
        #expect(Markup.markdown("*bold* <b> [link](x)") == "\\*bold\\* &lt;b&gt; \\[link\\]\\(x\\)")
    }
}

@Suite struct JSONTests {
    @Test(arguments: [
        (
            "{\"a\":1,\"b\":[true,null,\"x\"],\"c\":{\"d\":-2.5e3}}",
            "{\"a\":1,\"b\":[true,null,\"x\"],\"c\":{\"d\":-2500.0}}"
        ),
        ("\"\\u00e9\\ud83d\\ude00\\n\"", "\"é😀\\n\""),
        ("[]", "[]"),
        ("{\"k\":1,\"k\":2}", "{\"k\":2}"),
        ("0.1", "0.1"),
        ("1e-05", "1e-05"),
        ("1e16", "1e+16"),
        // Siblings and nesting (members collect on a stack shared by the objects being read).
        ("[{\"a\":1},{\"b\":[2,{\"c\":3},[]]},[],{}]", "[{\"a\":1},{\"b\":[2,{\"c\":3},[]]},[],{}]"),
        (
            "{\"x\":{\"y\":{\"z\":1},\"w\":2},\"v\":[{\"k\":1,\"k\":3}],\"x2\":[[1,[2]],3]}",
            "{\"x\":{\"y\":{\"z\":1},\"w\":2},\"v\":[{\"k\":3}],\"x2\":[[1,[2]],3]}"
        ),
        // Strings are scanned eight bytes at a time: quotes, escapes and UTF-8 at every offset.
        (
            "[\"0123456789abcdef\",\"0123456\\\"x\\\\y\",\"éééééééé\\nü\",\"1234567\"]",
            "[\"0123456789abcdef\",\"0123456\\\"x\\\\y\",\"éééééééé\\nü\",\"1234567\"]"
        ),
    ])
    func roundTrips(text: String, compact: String) throws {
        #expect(try JSON.parse(text).compact() == compact)
    }

    /// Objects of more than 16 keys find duplicates through a dictionary; a duplicate replaces
    /// the earlier value in its place, before and after the 16th key.
    @Test func largeObjectsWithDuplicateKeys() throws {
        let members: [String] = (0..<20).map { n in "\"k\(n)\":\(n)" }
        let text: String = "{" + members.joined(separator: ",") + ",\"k3\":{\"n\":[]},\"k19\":-1}"
        var expected: [String] = members
        expected[3] = "\"k3\":{\"n\":[]}"
        expected[19] = "\"k19\":-1"
        #expect(try JSON.parse(text).compact() == "{" + expected.joined(separator: ",") + "}")
    }

    /// Keys of up to 32 bytes are remembered by their bytes: keys that differ only in their last
    /// byte, of every length around the word sizes, stay apart, and repeated ones read the same.
    @Test func keysThatDifferInOneByteStayApart() throws {
        var members: [String] = []
        for length in 1...34 {
            for last in ["a", "b", "é"] {
                members.append("\"" + String(repeating: "k", count: length - 1) + last + "\":\(members.count)")
            }
        }
        let object = "{" + members.joined(separator: ",") + "}"
        let text = "[" + object + "," + object + "]"
        #expect(try JSON.parse(text).compact() == text)
        // A key near the end of the input (fewer than 32 bytes left) and one with an escape.
        #expect(try JSON.parse("{\"a\\\"b\":1,\"z\":2}").compact() == "{\"a\\\"b\":1,\"z\":2}")
    }

    @Test(arguments: [
        "{", "[1,]", "{\"a\" 1}", "[{\"a\":[1,{\"b\":2}],\"c\":", "{\"a\":1,\"a\":[2,]}",
        "\"0123456789abcdefg\u{1F}h\"", "\"0123456789abcdefgh", "01", "\"abc", "tru", "[1] x", "\"\u{01}\"", "1.", "-",
    ])
    func rejectsMalformedText(text: String) {
        #expect(throws: JSONError.self) { try JSON.parse(text) }
    }

    @Test func limitsNestingDepth() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONError.self) { try JSON.parse(deep) }
    }
}

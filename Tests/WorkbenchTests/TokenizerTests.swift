import Testing
import Workbench

@Suite struct TokenizerTests {
    @Test(arguments: [
        ("enterprise add CATL", ["enterprise", "add", "CATL"]),
        (
            "enterprise add \"Pang Dong Lai\" --industry retail",
            ["enterprise", "add", "Pang Dong Lai", "--industry", "retail"]
        ),
        ("note 'it''s'", ["note", "its"]),
        ("a\\ b c", ["a b", "c"]),
        ("say \"a \\\"quoted\\\" word\"", ["say", "a \"quoted\" word"]),
        ("kpi nps 10 9 # a comment", ["kpi", "nps", "10", "9"]),
        ("# only a comment", []),
        ("C# rocks", ["C#", "rocks"]),
        ("   ", []),
        ("use 宁德时代", ["use", "宁德时代"]),
        ("x \"\"", ["x", ""]),
    ])
    func splitsWords(line: String, words: [String]) throws {
        #expect(try Tokenizer.tokenize(line).map(\.text) == words)
    }

    @Test func quotedOptionIsAValue() throws {
        let t = try Tokenizer.tokenize("note \"--json\" --json")
        #expect(t.map(\.quoted) == [false, true, false])
    }

    @Test(arguments: ["enterprise add \"CATL", "note 'x", "a \"b\" 'c"])
    func unbalancedQuoteFails(line: String) {
        #expect(throws: Tokenizer.Failure.self) { try Tokenizer.tokenize(line) }
    }

    @Test(arguments: [("a \\", true), ("a \\\\", false), ("a", false), ("\\", true)])
    func continuation(line: String, continues: Bool) {
        #expect(Tokenizer.continues(line) == continues)
    }

    @Test(arguments: [
        "CATL", "Pang Dong Lai", "a\"b", "back\\slash", "#tag", "", "tab\there", "it's", "a # b",
        "trailing\\", "\"all quoted\"", "'single'", "mixed \\ \" ' # \t",
    ])
    func quoteRoundTrips(word: String) throws {
        #expect(try Tokenizer.tokenize("x " + Tokenizer.quote(word)).map(\.text) == ["x", word])
    }

    /// The one quoting rule every command's message uses: a name is quoted when it is empty or
    /// holds a space, tab, line break, quote, backslash or `#`; inside, `"` and `\` are escaped.
    @Test(arguments: [
        ("CATL", "CATL"), ("Pang Dong Lai", "\"Pang Dong Lai\""), ("a\"b", "\"a\\\"b\""),
        ("back\\slash", "\"back\\\\slash\""), ("tab\there", "\"tab\there\""), ("#tag", "\"#tag\""),
        ("it's", "\"it's\""), ("", "\"\""), ("Café", "Café"),
    ])
    func quoteRule(word: String, typed: String) {
        #expect(Tokenizer.quote(word) == typed)
    }
}

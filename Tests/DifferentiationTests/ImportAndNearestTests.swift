import Testing
import ValueCore
import Workbench
@testable import Differentiation

@Suite struct ImportAndNearestTests {
    let csv = """
        name,industry,price,F1,F2,F3
        A,retail,10,0,0,0
        B,retail,20,3,4,0
        "C, Inc.",saas,,1,1,1
        D,,30,10,10,10

        """

    @Test func importsAndUndoesInOneStep() throws {
        var s = session(files: ["e.csv": csv])
        let r = run(&s, "diff import e.csv")
        #expect(r.data["imported"] == .int(4))
        #expect(s.workspace.count == 4)
        let c = try #require(s.workspace.enterprise(named: "c, inc."))
        #expect(c.industry == "saas" && c.price == nil && c.factors.map(\.score) == [1, 1, 1])
        #expect(s.workspace.enterprise(named: "D")?.industry == nil)
        #expect(s.undo() == 1)
        #expect(s.workspace.count == 0 && !s.workspace.contains("A"))
        #expect(s.redo() == 1)
        #expect(s.workspace.count == 4 && s.workspace.position(of: "d") == 3)
    }

    @Test(arguments: [
        ("name,industry,F1\nA,x,1\n", "header"),
        ("name,industry,price,F1\nA,x,1,11\n", "line 2: F1 score '11' is not a number from 0 to 10"),
        ("name,industry,price,F1\nA,x,-1,1\n", "price '-1'"),
        ("name,industry,price,F1\nA,x,inf,1\n", "line 2: price 'inf' is not a number from 0 to 1000000000000"),
        ("name,industry,price,F1\nA,x,1e308,1\n", "line 2: price '1e308' is not a number from 0 to 1000000000000"),
        ("name,industry,price,F1\nA,x,1,1\na,x,1,1\n", "line 3: enterprise 'a' appears twice"),
        ("name,industry,price,F1\nA,x,1\n", "line 2: 3 fields, expected 4"),
        ("name,industry,price,F1,f1\n", "factor 'f1' appears twice"),
        // Control characters in names broke the terminal tables (and ESC drove the terminal).
        ("name,industry,price,F1\n\"a\nb\",x,1,1\n", "the name or industry holds a control character"),
        ("name,industry,price,F1\n\u{1B}[31mred,x,1,1\n", "line 2: the name or industry holds a control character"),
        ("name,industry,price,F\u{7}1\n", "holds a control character"),
        ("name,industry,price,F1\n\"A,x,1,1\n", "not closed"),
        ("", "empty"),
        // Found by Fuzz/FuzzDiffImport: a header alone imported nothing, and `undo` then undid the command before.
        ("name,industry,price,F1\n", "diff import: bad.csv: no enterprises: the file holds only its header row"),
    ])
    func badFilesNameTheProblemAndChangeNothing(text: String, expected: String) {
        var s = session(workspace([firm("Old")]), files: ["bad.csv": text])
        let e = fail(&s, "diff import bad.csv")
        #expect(e.message.contains(expected), "\(e.message)")
        #expect(s.workspace.count == 1)
    }

    @Test func refusesNamesAlreadyInTheWorkspace() {
        var s = session(workspace([firm("b")]), files: ["e.csv": csv])
        #expect(fail(&s, "diff import e.csv").message.contains("'B' is already in the workspace"))
        #expect(s.workspace.count == 1)
    }

    /// A large file is read as two halves at once: the answer, and the first error in the file,
    /// are the ones reading from the top gives.
    static func rows(_ n: Int, edit: (Int) -> String? = { _ in nil }) -> String {
        "name,industry,price,F1,F2\n"
            + (0..<n).map { i in edit(i) ?? "E\(i),retail,\(i % 900),\(i % 11),\((i * 7) % 11)" }.joined(
                separator: "\n") + "\n"
    }

    @Test(
        arguments: [
            (nil, nil),
            (nil, 1_700),  // an error in the second half only
            (300, 1_700),  // in both: the first half's
            (1_500, nil),  // in the first half only
        ] as [(Int?, Int?)])
    func halvesAnswerAsOneReader(badRow: Int?, otherBadRow: Int?) throws {
        let text = Self.rows(2_000) { i in i == badRow || i == otherBadRow ? "E\(i),retail,1,12,0" : nil }
        func read(_ parallelAbove: Int) -> Result<EnterpriseCSV.Parsed, CommandError> {
            Result { try EnterpriseCSV.parse(Array(text.utf8), parallelAbove: parallelAbove) }.mapError {
                $0 as! CommandError
            }
        }
        switch (read(0), read(.max)) {
        case let (.success(a), .success(b)):
            #expect(badRow == nil && otherBadRow == nil)
            #expect(a.enterprises.count == 2_000 && a.enterprises.map(\.name) == b.enterprises.map(\.name))
            #expect(a.lines == b.lines && a.lines.last == 2_001)
            #expect(a.enterprises[1_999].factorScores == b.enterprises[1_999].factorScores)
        case let (.failure(a), .failure(b)):
            #expect(a.message == b.message)
            #expect(
                a.message.contains("line \(min(badRow ?? .max, otherBadRow ?? .max) + 2): F1 score '12'"),
                "\(a.message)")
        default:
            Issue.record("one reader failed and the other did not")
        }
    }

    /// Errors name the file; a row with more fields than the header is refused; the message
    /// names a few factors, --json all of them (issue 14 items 6, 10 and 13).
    @Test func errorsNameTheFileAndTheMessageNamesAFewFactors() {
        let wide =
            "name,industry,price," + (1...1_000).map { "F\($0)" }.joined(separator: ",") + "\n"
            + "A,saas,1," + (1...1_000).map { "\($0 % 11)" }.joined(separator: ",") + "\n"
        var s = session(files: [
            "ragged.csv": "name,industry,price,A\nx,saas,1,2,3\n",
            "kano.csv": "feature,functional,dysfunctional\nRange,1\n",
            "wide.csv": wide,
        ])
        #expect(fail(&s, "diff import ragged.csv").message.hasPrefix("diff import: ragged.csv: line 2: 5 fields"))
        #expect(fail(&s, "diff kano kano.csv").message.hasPrefix("diff kano: kano.csv: line 2: 2 fields"))
        let out = s.ok("diff import wide.csv")
        let text = Renderer.plain(out)
        #expect(text.count < 200 && text.hasSuffix("F12 … and 988 more)."), "\(text)")
        #expect(out.data?["factors"]?.arrayValue?.count == 1_000)
    }

    @Test func aNameTwiceAcrossTheHalvesIsCaughtAtItsSecondLine() {
        // 20,000 rows: over the size read in halves.
        let text = Self.rows(20_000) { i in i == 19_000 ? "e10,saas,1,1,1" : nil }
        var s = session(workspace([firm("Old")]), files: ["big.csv": text])
        #expect(
            fail(&s, "diff import big.csv").message
                == """
                diff import: big.csv: line 19002: enterprise 'e10' appears twice in the file (names are \
                compared ignoring case)
                """
        )
        #expect(s.workspace.count == 1 && !s.workspace.contains("E10"))
        // Nothing was half-added: the same error again, not "already in the workspace".
        #expect(fail(&s, "diff import big.csv").message.contains("line 19002: enterprise 'e10' appears twice"))
        #expect(s.workspace.count == 1)
    }

    @Test func nearestByFactorProfile() {
        var s = session(files: ["e.csv": csv])
        run(&s, "diff import e.csv")
        let r = run(&s, "diff nearest --k 1 --json")
        #expect(r.data["count"] == .int(4))
        #expect(r.data["enterprises"] == ["A", "B", "C, Inc.", "D"])
        // A's nearest is C (√3), B's is C (√(4+9+1) = √14), C's is A (√3), D's is B
        // (√(49+36+100) = √185, nearer than C at √243).
        #expect(r.data["neighbors"] == ["C, Inc.", "C, Inc.", "A", "B"])
        #expect(r.data["distances"]?.arrayValue?.first?.doubleValue == 3.0.squareRoot())
        let two = run(&s, "diff nearest --k 2 --json")
        #expect(two.data["neighbors"]?.arrayValue?.count == 8)
        #expect(Array(two.data["neighbors"]?.arrayValue?[6...] ?? []) == ["B", "C, Inc."])
        let expected = 3.0.squareRoot() * 2 + 14.0.squareRoot() + 185.0.squareRoot()
        #expect(abs((r.data["sum_nearest_distance"]?.doubleValue ?? 0) - expected) < 1e-12)
    }

    @Test func nearestWithinAnIndustryAndDecimalScores() {
        var s = session(
            workspace([
                firm("P", industry: "x", [("Q", 1.5, nil), ("R", 2, nil)]),
                firm("Q", industry: "x", [("Q", 1.25, nil), ("R", 2, nil)]),
                firm("S", industry: "y", [("Q", 1.5, nil), ("R", 2, nil)]),
            ]))
        let r = run(&s, "diff nearest --industry X --json")
        #expect(r.data["count"] == .int(2) && r.data["k"] == .int(1))
        #expect(r.data["distances"] == [.number(0.25), .number(0.25)])
        #expect(r.output.notes.contains { $0.contains("only 2 enterprises") })
    }

    @Test func tooFewProfilesIsAClearError() {
        var s = session(workspace([firm("Solo", [("Q", 1, nil)]), firm("Blank")]))
        let e = fail(&s, "diff nearest")
        #expect(e.message.contains("needs at least 2 enterprises with factor scores, found 1"))
    }
}

import Foundation
import Testing
import TestSupport
import ValueCore
@testable import Workbench

@Suite struct NotebookCodecTests {
    // Python's str.splitlines(True), the way Jupyter splits multi-line text.
    @Test(arguments: [
        ("", [String]()),
        ("one", ["one"]),
        ("one\n", ["one\n"]),
        ("a\nb", ["a\n", "b"]),
        ("a\r\nb\rc\n", ["a\r\n", "b\r", "c\n"]),
        ("a\u{0B}b\u{0C}c\u{1C}d\u{1D}e\u{1E}f", ["a\u{0B}", "b\u{0C}", "c\u{1C}", "d\u{1D}", "e\u{1E}", "f"]),
        ("x\u{85}y\u{2028}z\u{2029}", ["x\u{85}", "y\u{2028}", "z\u{2029}"]),
        ("\n\n", ["\n", "\n"]),
        ("tab\there", ["tab\there"]),
        ("宁德\n时代", ["宁德\n", "时代"]),
    ])
    func splitsLinesAsPython(text: String, lines: [String]) {
        #expect(JupyterWriter.splitLines(text) == lines)
    }

    @Test(arguments: [
        "", "a", "a\n", "a\r\nb\rc\u{0B}d\u{0C}e\u{1C}f\u{1D}g\u{1E}h", "x\u{85}y\u{2028}z\u{2029}w",
        "tab\tquote\"back\\slash\u{01}\n\n", "宁德\n时代 ─ table\n", "\u{2027}\u{202A}\u{84}",
    ])
    func writesLinesDirectlyAsTheTreeWriterDoes(text: String) {
        var direct: [UInt8] = [], tree: [UInt8] = []
        JupyterWriter.writeLines(text, into: &direct, indent: 2)
        JupyterWriter.write(.array(JupyterWriter.splitLines(text).map { .string($0) }), into: &tree, indent: 2)
        #expect(String(decoding: direct, as: UTF8.self) == String(decoding: tree, as: UTF8.self))
    }

    /// Long arrays are written as two halves on two threads: the text is the one a single
    /// writer gives, at the sizes around the split and nested.
    @Test(arguments: [JSON.splitArraysAbove - 1, JSON.splitArraysAbove, JSON.splitArraysAbove + 1])
    func longArraysWriteAsOneWriterWould(count: Int) throws {
        let items: [JSON] = (0..<count).map { i in
            switch i % 4 {
            case 0: return .int(i)
            case 1: return .number(Double(i) / 7)
            case 2: return .string("E\(i) \"q\"")
            default: return .array([.null, .bool(i % 8 == 3)])
            }
        }
        var expected: [UInt8] = []
        JSON.writeItems(items[...], into: &expected)
        let text = JSON.object([("a", .array(items)), ("b", .array([.array(items)]))]).compact()
        let one = "[" + String(decoding: expected, as: UTF8.self) + "]"
        #expect(text == "{\"a\":" + one + ",\"b\":[" + one + "]}")
        #expect(try JSON.parse(text) == JSON.object([("a", .array(items)), ("b", .array([.array(items)]))]))
    }

    /// JSON has no NaN or infinities: `null`, both in --json output and in notebooks (an infinite
    /// result was written `Infinity`, which JSON readers refuse).
    @Test func nonFiniteNumbersAreNull() {
        #expect(JSON.array([.number(.infinity), .number(-.infinity), .number(.nan)]).compact() == "[null,null,null]")
        var out: [UInt8] = []
        JupyterWriter.writePythonFloat(.infinity, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "null")
    }

    // Python's repr(float).
    @Test(arguments: [
        (0.1, "0.1"), (100.0, "100.0"), (1e-05, "1e-05"), (0.0001, "0.0001"), (1e16, "1e+16"),
        (9.1e15, "9100000000000000.0"), (-0.0, "-0.0"), (0.0, "0.0"), (1.5e-07, "1.5e-07"), (1e100, "1e+100"),
        (123456789.0, "123456789.0"), (5e-324, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
        (1.0 / 3.0, "0.3333333333333333"), (2.5, "2.5"), (-1234.5678, "-1234.5678"), (1e22, "1e+22"),
        (12345678901234567.0, "1.2345678901234568e+16"),
    ])
    func writesFloatsAsPythonRepr(value: Double, text: String) {
        #expect(JupyterWriter.pythonRepr(value) == text)
        #expect(JSON.number(value).compact() == text)
    }

    @Test func writesWithJupyterLayout() {
        let value: JSON = ["b": [], "a": ["x": 1, "é": "/\\\"\n"], "c": .object([]), "d": [true, .null, 1.5]]
        var out: [UInt8] = []
        JupyterWriter.write(value, into: &out, indent: 0)
        #expect(
            String(decoding: out, as: UTF8.self) == """
                {
                 "a": {
                  "x": 1,
                  "é": "/\\\\\\"\\n"
                 },
                 "b": [],
                 "c": {},
                 "d": [
                  true,
                  null,
                  1.5
                 ]
                }
                """)
    }

    @Test func recordedSessionMatchesGolden() throws {
        let (nb, _) = try NotebookSupport.record(NotebookSupport.script)
        try NotebookSupport.expectGolden(nb.jupyterBytes(), "session.ipynb")
        // The tags, ids and outputs the issue asks for.
        #expect(nb.cells.map(\.id) == ["c1", "m2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"])
        let failed = nb.cells[3]
        #expect(failed.hasTag("raises-exception"))
        #expect(failed.outputs.first?["ename"] == "DuplicateName")
        #expect(
            failed.outputs.first?["traceback"]?.arrayValue?.first?.stringValue?.hasPrefix("DuplicateName: ") == true)
        #expect(nb.cells[0].outputs.first?["data"]?[Notebook.dataMime]?["name"] == "CATL")
        #expect(nb.metadata["kernelspec"] == Notebook.kernelspec)
        #expect(nb.metadata["language_info"] == Notebook.languageInfo)
    }

    @Test func readsWhatItWritesByteForByte() throws {
        let bytes = try NotebookSupport.bytes("session.ipynb")
        let nb = try Notebook.read(bytes)
        #expect(nb.jupyterBytes() == bytes)
    }

    @Test func keepsWhatJupyterLabAddedAndWritesAsNbformatDoes() throws {
        let nb = try Notebook.read(try NotebookSupport.bytes("jupyterlab-edited.ipynb"))
        // The expected file is what nbformat.writes(nbformat.reads(input)) gives.
        #expect(nb.jupyterBytes() == (try NotebookSupport.bytes("jupyterlab-edited.saved.ipynb")))
        #expect(nb.cells[1].tags == ["nbval-ignore-output", "custom-tag"])
        #expect(nb.cells[0].source.hasSuffix("CRLF line\u{2028}LS line"))
        #expect(nb.metadata["toc"]?["number_sections"] == true)
    }

    @Test func acceptsStringAndListForms() throws {
        let asList =
            #"""
            {"cells":[{"cell_type":"markdown","id":"a","metadata":{},"source":["x\n","y"]}],"metadata":{},\#
            "nbformat":4,"nbformat_minor":5}
            """#
        let asString =
            #"""
            {"cells":[{"cell_type":"markdown","id":"a","metadata":{},"source":"x\ny"}],"metadata":{},"nbfo\#
            rmat":4,"nbformat_minor":5}
            """#
        let a = try Notebook.read(Array(asList.utf8)), b = try Notebook.read(Array(asString.utf8))
        #expect(a == b)
        #expect(a.jupyterBytes() == b.jupyterBytes())
    }

    @Test func idsAreNeverReused() throws {
        var nb = Notebook()
        nb.append(.markdown("one"))
        nb.append(.markdown("two"))
        nb.cells.removeLast()
        nb.append(.markdown("three"))
        #expect(nb.cells.map(\.id) == ["m1", "m3"])
        // Kept across a save and a load.
        var again = try Notebook.read(nb.jupyterBytes())
        again.cells.removeLast()
        again.append(Cell(kind: .code, source: "x"))
        #expect(again.cells.map(\.id) == ["m1", "c4"])
    }

    @Test func hostileCountersDoNotOverflow() throws {
        let text =
            #"""
            {"cells":[{"cell_type":"code","execution_count":9223372036854775807,"id":"c99999999999","metad\#
            ata":{},"outputs":[],"source":""}],"metadata":{"valuebench":{"next_cell":9223372036854775807}}\#
            ,"nbformat":4,"nbformat_minor":5}
            """#
        var nb = try Notebook.read(Array(text.utf8))
        #expect(nb.lastExecutionCount == 999_999_999_999)
        nb.append(.markdown("x"))
        #expect(nb.cells.last?.id == "m999999999999")
        nb.append(.markdown("y"))
        nb.append(.markdown("z"))
        #expect(Set(nb.cells.map(\.id)).count == 4)
    }

    @Test func olderNotebooksGetIDs() throws {
        let text =
            #"""
            {"cells":[{"cell_type":"markdown","metadata":{},"source":"x"},{"cell_type":"code","execution_c\#
            ount":null,"metadata":{},"outputs":[],"source":""}],"metadata":{},"nbformat":4,"nbformat_minor\#
            ":2}
            """#
        let nb = try Notebook.read(Array(text.utf8))
        #expect(nb.cells.map(\.id) == ["m1", "c2"])
        #expect(nb.nbformatMinor == 5)
    }

    // Hostile and broken files: one clear error each, never a crash.
    @Test(arguments: [
        ("{\"cells\": [", "not valid JSON"),
        ("[1, 2]", "top level is not a JSON object"),
        ("{\"nbformat\": 4}", "'cells' is missing"),
        ("{\"nbformat\": 3, \"cells\": []}", "nbformat 3 is not supported"),
        ("{\"nbformat\": \"4\", \"cells\": []}", "'nbformat' must be an integer"),
        ("{\"nbformat\": 4, \"cells\": {}}", "'cells' must be a list"),
        (
            "{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": 7}]}",
            "cell 1: 'source' must be a string"
        ),
        ("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"wat\", \"source\": \"\"}]}", "cell 1: 'cell_type' must be"),
        (
            """
            {\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": \"\", \"outputs\": \
            [{\"output_type\": \"stream\"}]}]}
            """,
            "cell 1, output 1: a stream needs"
        ),
        (
            """
            {\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": \"\", \"outputs\": \
            [{\"output_type\": \"pdf\"}]}]}
            """,
            "output_type 'pdf' is not one of"
        ),
        (
            "{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": \"\", \"execution_count\": -1}]}",
            "'execution_count' must be"
        ),
        (
            """
            {\"nbformat\": 4, \"cells\": [{\"cell_type\": \"markdown\", \"id\": \"a\", \"source\": \"\"}, \
            {\"cell_type\": \"markdown\", \"id\": \"a\", \"source\": \"\"}]}
            """,
            "cell 2: id 'a' is used by an earlier cell"
        ),
        (
            "{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"markdown\", \"id\": \"a b\", \"source\": \"\"}]}",
            "is not 1–64 letters"
        ),
        (
            "{\"nbformat\": 4, \"cells\": [], \"metadata\": {\"valuebench\": []}}",
            "'metadata.valuebench' must be an object"
        ),
        (
            """
            {\"nbformat\": 4, \"cells\": [{\"cell_type\": \"markdown\", \"source\": \"\", \"metadata\": \
            {\"tags\": [1]}}]}
            """,
            "'metadata.tags' must be a list of strings"
        ),
        (String(repeating: "[", count: 100_000), "nesting deeper than"),
        ("\u{FEFF}{}", "not valid JSON"),
    ])
    func rejectsBrokenFiles(text: String, message: String) {
        do {
            _ = try Notebook.read(Array(text.utf8))
            Issue.record("no error for \(text.prefix(60))")
        } catch let e as NotebookError {
            #expect(e.message.contains(message), "\(e.message)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func rejectsFilesLargerThanTheLimit() {
        let big = [UInt8](repeating: 0x20, count: Notebook.maxFileBytes + 1)
        #expect(throws: NotebookError.self) { try Notebook.read(big) }
    }

    // Through Python, when `make test` provides it: the schema, and nbformat's own writer.
    @Test(.enabled(if: NotebookSupport.python != nil, "VALUEBENCH_PYTHON is not set (make test sets it)"))
    func pythonNbformatWritesTheSameBytes() throws {
        for name in ["session.ipynb", "jupyterlab-edited.saved.ipynb"] {
            let path = NotebookSupport.golden.appendingPathComponent(name).path
            let (status, _, err) = try NotebookSupport.runPython(["scripts/validate_notebook.py", "--roundtrip", path])
            #expect(status == 0, "\(name): \(err)")
        }
    }

    /// `jupyter nbconvert --to notebook --stdout F` gives F's bytes back (`make test` installs
    /// nbconvert in the project's venv, so this runs there).
    static var nbconvert: String? {
        NotebookSupport.python.map {
            URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("jupyter-nbconvert").path
        }
    }
    @Test(.enabled(if: NotebookSupport.python != nil, "VALUEBENCH_PYTHON is not set (make test sets it)"))
    func nbconvertWritesTheSameBytes() throws {
        let nbconvert = try #require(Self.nbconvert)
        try #require(
            FileManager.default.isExecutableFile(atPath: nbconvert),
            "nbconvert is missing from the venv (scripts/requirements.txt lists it)")
        let path = NotebookSupport.golden.appendingPathComponent("session.ipynb").path
        let (status, out, err) = try NotebookSupport.runPython([nbconvert, "--to", "notebook", "--stdout", path])
        #expect(status == 0, "\(err)")
        #expect(out == (try NotebookSupport.bytes("session.ipynb")))
    }

    @Test(.enabled(if: NotebookSupport.python != nil, "VALUEBENCH_PYTHON is not set (make test sets it)"))
    func floatsMatchPythonRepr() throws {
        // Random doubles from a printed seed (VALUEBENCH_SEED repeats a run).
        let seed =
            ProcessInfo.processInfo.environment["VALUEBENCH_SEED"].flatMap { UInt64($0) }
            ?? UInt64.random(in: 0...UInt64.max)
        print("floatsMatchPythonRepr: seed \(seed) (VALUEBENCH_SEED=\(seed) repeats it)")
        var generator = SplitMix64(seed: seed)
        var values: [Double] = [0.1, 0.2 + 0.1, 1e15, 1e16 - 2, 9007199254740993, 4.35, 2.675, 1e-7, 0.00012345]
        for _ in 0..<20_000 {
            values.append(Double(bitPattern: generator.next()))
            values.append(
                Double.random(in: 0..<1, using: &generator)
                    * pow(10, Double(Int.random(in: -25...25, using: &generator))))
        }
        values = values.filter(\.isFinite)
        let input = values.map { String($0.bitPattern, radix: 16) }.joined(separator: "\n")
        let code =
            """
            import sys, struct\nfor l in sys.stdin.read().split():\n    print(repr(struct.unpack('<d', \
            int(l, 16).to_bytes(8, 'little'))[0]))
            """
        let (status, out, err) = try NotebookSupport.runPython(["-c", code], input: Array(input.utf8))
        #expect(status == 0, "\(err)")
        let expected = String(decoding: out, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(expected.count == values.count)
        var wrong = 0
        for (v, e) in zip(values, expected) where JupyterWriter.pythonRepr(v) != e {
            wrong += 1
            if wrong < 5 { Issue.record("\(v.bitPattern): Swift \(JupyterWriter.pythonRepr(v)), Python \(e)") }
        }
        #expect(wrong == 0)
    }
}

import Foundation
import Testing
import ValueCore
@testable import Workbench

@Suite struct NotebookReplayTests {
    let registry = NotebookSupport.registry

    func replay(_ nb: Notebook, update: Bool = false) throws -> Replay {
        try Replay(nb, registry: registry, files: NoFileAccess(), update: update)
    }

    /// The index of the cell whose source is `source`.
    func index(_ nb: Notebook, _ source: String) -> Int { nb.cells.firstIndex { $0.source == source }! }

    @Test func aRecordedSessionReplaysCleanly() throws {
        let (nb, session) = try NotebookSupport.record(NotebookSupport.script)
        let r = try replay(nb)
        #expect(r.failures == 0, "\(r.reports)")
        #expect(r.reports.count == nb.cells.filter { $0.kind == .code }.count)
        #expect(r.session.workspace == session.workspace)
        #expect(r.summary == "8 code cells: 8 matched, 0 failed")
    }

    @Test func aChangedOutputGivesADiffLabelledWithTheCell() throws {
        var (nb, _) = try NotebookSupport.record(NotebookSupport.script)
        let i = index(nb, "undo")
        nb.cells[i].outputs[0] = nb.cells[i].outputs[0].setting(
            "data",
            nb.cells[i].outputs[0]["data"]!.setting("text/plain", "Undid one step."))
        let r = try replay(nb)
        #expect(r.failures == 1)
        guard case let .mismatched(diff) = r.reports.first(where: { $0.id == nb.cells[i].id })?.status else {
            Issue.record("no mismatch reported"); return
        }
        #expect(diff.contains("--- cell \(nb.cells[i].id) (#\(i + 1)) stored"))
        #expect(diff.contains("-Undid one step.\n+Undid: enterprise add Tesla --industry cars\n"), "\(diff)")
        #expect(diff.contains("@@ -1,"))
    }

    @Test func errorsNeedTheRaisesExceptionTag() throws {
        var (nb, _) = try NotebookSupport.record(["enterprise add A", "enterprise add a", "enterprise list"])
        // The failing command was tagged when recorded; without the tag the error is unexpected.
        nb.cells[1].metadata = .object([])
        // A cell tagged to raise that does not.
        nb.cells[2].addTag("raises-exception")
        let r = try replay(nb)
        guard case let .failed(m1) = r.reports[1].status, case let .failed(m2) = r.reports[2].status else {
            Issue.record("\(r.reports)"); return
        }
        #expect(m1.hasPrefix("unexpected error: enterprise '"))
        #expect(m2.contains("an error was expected"))
    }

    @Test func tagsSkipAndIgnore() throws {
        var (nb, _) = try NotebookSupport.record(["enterprise add A", "enterprise add B", "enterprise list"])
        nb.cells[1].addTag("nbval-skip")
        nb.cells[2].addTag("nbval-ignore-output")
        let r = try replay(nb)
        #expect(r.reports.map(\.status) == [.matched, .skipped("tagged to be skipped"), .ignored])
        #expect(r.session.workspace.enterprises.map(\.name) == ["A"])
        nb.cells[0].addTag("skip-execution")
        #expect(try replay(nb).reports[0].status == .skipped("tagged to be skipped"))
    }

    /// A stale chart fails the replay (charts went stale unnoticed when only text was compared).
    @Test func aStaleChartFailsTheReplay() throws {
        var (nb, _) = try NotebookSupport.record([
            "enterprise add A", "model add M", "model node add M R --stage resource",
            "model node add M V --stage value", "model edge add M R V", "model show M",
        ])
        let last = nb.cells.count - 1
        let charts: [JSON] = nb.cells[last].outputs.compactMap { o -> JSON? in o["data"].flatMap { $0["image/svg+xml"] }
        }
        let svg = try #require(charts.first, "model show draws an SVG")
        #expect(try replay(nb).failures == 0)
        let stale = JSON.string(
            (svg.stringValue ?? svg.compact()).replacingOccurrences(of: "</svg>", with: "<!-- old --></svg>"))
        nb.cells[last].outputs = nb.cells[last].outputs.map { o in
            guard let data = o["data"], data["image/svg+xml"] != nil else { return o }
            // The chart is kept as stored (a string or nbformat's list of lines); either way it changes.
            return o.setting("data", data.setting("image/svg+xml", stale))
        }
        #expect(try replay(nb).failures == 1)
    }

    @Test func sanitizersHideVolatileValues() throws {
        var (nb, _) = try NotebookSupport.record(["enterprise add A", "undo"])
        nb.cells[1].outputs[0] = nb.cells[1].outputs[0].setting(
            "data",
            nb.cells[1].outputs[0]["data"]!.setting("text/plain", "Undid: enterprise add Z"))
        #expect(try replay(nb).failures == 1)
        nb.setWorkbench("replay", ["sanitize": [["regex": "Undid: .*", "replace": "Undid a step"]]])
        // The notebook's own sanitizers apply only when the caller passes them.
        #expect(try replay(nb).failures == 1)
        let asked = try Replay(nb, registry: registry, files: NoFileAccess(), sanitizers: Replay.sanitizers(of: nb))
        #expect(asked.failures == 0)
        nb.setWorkbench("replay", ["sanitize": [["regex": "(", "replace": ""]]])
        #expect(throws: NotebookError.self) { try Replay.sanitizers(of: nb) }
    }

    /// A notebook is untrusted: a sanitizer it supplies that backtracks exponentially must not
    /// hang a replay or an open that did not ask for the notebook's sanitizers (issue 14, item 2): run,
    /// it backtracks for hours, and the time limit fails the test.
    @Test(.timeLimit(.minutes(1))) func aNotebooksBacktrackingSanitizerIsNotRunUnasked() throws {
        var (nb, _) = try NotebookSupport.record(["enterprise add A"])
        nb.cells[0].outputs[0] = nb.cells[0].outputs[0].setting(
            "data",
            nb.cells[0].outputs[0]["data"]!.setting("text/plain", .string(String(repeating: "a", count: 40) + "!")))
        nb.setWorkbench("replay", ["sanitize": [["regex": "(a|aa)+$", "replace": ""]]])
        #expect(try replay(nb).failures == 1)
        #expect(try Replay(nb, registry: registry, files: NoFileAccess(), compare: false).failures == 0)
    }

    @Test func updateRewritesOutputsKeepingIdsTagsAndMetadata() throws {
        var (nb, _) = try NotebookSupport.record(["enterprise add A", "enterprise list"])
        nb.cells[1].outputs = []
        nb.cells[1].addTag("keep-me")
        nb.cells[1].metadata = nb.cells[1].metadata.setting("collapsed", true)
        let r = try replay(nb, update: true)
        let updated = r.notebook.cells[1]
        #expect(updated.id == nb.cells[1].id)
        #expect(updated.tags == ["keep-me"])
        #expect(updated.metadata["collapsed"] == true)
        #expect(updated.outputs.count == 1)
        #expect(try replay(r.notebook).failures == 0)
    }

    @Test func sessionCommandsInCellsAreSkipped() throws {
        var nb = Notebook()
        nb.append(Cell(kind: .code, source: "enterprise add A"))
        nb.append(Cell(kind: .code, source: "save other.ipynb"))
        nb.append(Cell(kind: .code, source: "quit"))
        let r = try replay(nb, update: true)
        guard case let .skipped(why) = r.reports[1].status, case .skipped = r.reports[2].status else {
            Issue.record("\(r.reports)"); return
        }
        #expect(why.contains("`save` is a session command"))
    }

    @Test func writesAreRefusedInTheSandbox() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vb-sandbox-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = ReplayFiles(folder: folder, allowWrites: false)
        #expect(throws: CommandError.self) { try files.write("x.txt", [1]) }
        do { try files.write("x.txt", [1]) } catch let e as CommandError { #expect(e.code == ReplayFiles.skipCode) }
        #expect(throws: CommandError.self) { try files.read("../../etc/passwd") }
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.txt"))
        try ReplayFiles(folder: folder, allowWrites: true).write("x.txt", [1])
        #expect(FileManager.default.fileExists(atPath: folder + "/x.txt"))
    }

    @Test func adjacentStreamsAreMerged() {
        let split: [JSON] = [
            ["output_type": "stream", "name": "stdout", "text": "a\n"],
            ["output_type": "stream", "name": "stdout", "text": "b\n"],
        ]
        let whole: [JSON] = [["output_type": "stream", "name": "stdout", "text": "a\nb\n"]]
        #expect(Replay.comparable(split, []) == Replay.comparable(whole, []))
    }

    @Test func diffShowsContext() {
        let a = (1...10).map(String.init), b = a.map { $0 == "5" ? "five" : $0 }
        #expect(
            Diff.unified(a, b, oldLabel: "a", newLabel: "b")
                == "--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n")
        #expect(Diff.unified(a, a, oldLabel: "a", newLabel: "b") == "")
        #expect(Diff.unified([], ["x"], oldLabel: "a", newLabel: "b") == "--- a\n+++ b\n@@ -0,0 +1,1 @@\n+x\n")
    }
}

@Suite struct NotebookSnapshotTests {
    @Test func restoresWhenTheCellsMatch() throws {
        let (nb, session) = try NotebookSupport.record(NotebookSupport.script)
        let read = try Notebook.read(nb.jupyterBytes())
        let (ws, reason) = Snapshot.restore(from: read)
        #expect(ws == session.workspace, "\(reason)")
        #expect(ws?.current == "CATL")
    }

    @Test func editedCellsOrATamperedSnapshotMeanReplay() throws {
        var (nb, _) = try NotebookSupport.record(NotebookSupport.script)
        var edited = nb
        edited.cells[0].source = "enterprise add BYD"
        #expect(Snapshot.restore(from: edited).workspace == nil)
        #expect(Snapshot.restore(from: edited).reason.contains("cells changed"))
        var skipped = nb
        skipped.cells[2].addTag("nbval-skip")
        #expect(Snapshot.restore(from: skipped).workspace == nil)
        // Change the stored workspace without updating the checksum.
        let snap = nb.workbench["snapshot"]!
        let ws = snap["workspace"]!.setting("current", "Tesla")
        nb.setWorkbench("snapshot", snap.setting("workspace", ws))
        #expect(Snapshot.restore(from: nb).workspace == nil)
        #expect(Snapshot.restore(from: nb).reason.contains("checksum"))
        // Markdown edits do not matter.
        var noted = try NotebookSupport.record(NotebookSupport.script).0
        noted.append(.markdown("another note"))
        #expect(Snapshot.restore(from: noted).workspace != nil)
    }

    @Test func theCacheEncodesAsTheEncoderDoes() throws {
        var (_, session) = try NotebookSupport.record(NotebookSupport.script)
        let cache = SnapshotCache()
        #expect(try cache.encode(session.workspace) == (try JSONTreeEncoder().encode(session.workspace)))
        _ = session.execute("enterprise add BYD --industry cars")
        _ = session.execute("use Tesla")
        #expect(try cache.encode(session.workspace) == (try JSONTreeEncoder().encode(session.workspace)))
        _ = session.execute("undo")
        _ = session.execute("undo")
        var bytes: [UInt8] = [], expected: [UInt8] = []
        JupyterWriter.write(try cache.encode(session.workspace), into: &bytes, indent: 0)
        JupyterWriter.write(try JSONTreeEncoder().encode(session.workspace), into: &expected, indent: 0)
        #expect(bytes == expected)
        #expect(try Snapshot.decode(try cache.encode(session.workspace)) == session.workspace)
    }

    @Test func decodingErrorsNameWhereInTheSnapshot() throws {
        let (nb, _) = try NotebookSupport.record(["enterprise add A", "resource add R --strength 3"])
        let ws = nb.workbench["snapshot"]!["workspace"]!
        var enterprises = try #require(ws["enterprises"]?.arrayValue)
        var resources = try #require(enterprises[0]["resources"]?.arrayValue)
        resources[0] = resources[0].setting("strength", "high")
        enterprises[0] = enterprises[0].setting("resources", .array(resources))
        let tree = ws.setting("enterprises", .array(enterprises))
        #expect(try Snapshot.decode(ws) == (try Snapshot.decode(ws)))
        do {
            _ = try Snapshot.decode(tree)
            Issue.record("a strength of \"high\" was decoded")
        } catch let DecodingError.typeMismatch(_, context) {
            #expect(context.codingPath.map(\.stringValue) == ["enterprises", "0", "resources", "0", "strength"])
        }
    }

    @Test func aSnapshotWithDuplicateEnterprisesIsRefused() throws {
        var (nb, _) = try NotebookSupport.record(["enterprise add A"])
        let snap = nb.workbench["snapshot"]!
        let tree: JSON = ["enterprises": [["name": "A"], ["name": "a"]]]
        nb.setWorkbench(
            "snapshot", snap.setting("workspace", tree).setting("checksum", .string(Snapshot.checksum(tree))))
        let (ws, reason) = Snapshot.restore(from: nb)
        #expect(ws == nil)
        #expect(reason.contains("could not be read"))
    }
}

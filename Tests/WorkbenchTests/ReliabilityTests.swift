#if canImport(Glibc)
    import Glibc
#endif
import Differentiation
import Foundation
import Guide
import KPI
import Modeling
import Pricing
import Testing
import ValueCore
@testable import Workbench

/// Issue 14: untrusted text, files and snapshots cannot drive the terminal, hang a read, or
/// load a workspace no command would have built.
@Suite struct ReliabilityTests {
    static let registry = Registry(plugins: [
        CorePlugin(), ModelingPlugin(), KPIPlugin(), DifferentiationPlugin(), GuidePlugin(), PricingPlugin(),
    ])

    static func session(_ lines: [String]) -> Session {
        var s = Session(registry: registry)
        for line in lines { _ = s.execute(line) }
        return s
    }

    // MARK: Terminal escapes (item 3)

    @Test(arguments: [
        ("enterprise add Acme --industry \"\u{1B}]0;OWNED\u{07}\"", "U+001B"),
        ("enterprise add \"Ac\u{1B}[2Jme\"", "U+001B"),
        ("model add Base --proposition \"cheap\u{202E}evil\"", "U+202E"),
        ("model add Base --proposition \"x\u{2066}y\"", "U+2066"),
        ("kpi record nps 30 --period \"2026\u{9B}Q1\"", "U+009B"),
        ("note \"bell\u{07}\"", "U+0007"),
        ("enterprise set Acme --industry \"del\u{7F}\"", "U+007F"),
    ])
    func textArgumentsRefuseControlsAndBidiOverrides(line: String, code: String) {
        var s = Self.session(["enterprise add Acme", "model add Seed"])
        guard case let .failure(e) = s.execute(line) else { Issue.record("accepted: \(line.debugDescription)"); return }
        #expect(e.message.contains(code), "\(e.message)")
        #expect(!e.message.unicodeScalars.contains { Name.isUnsafe($0) && $0 != "\u{1B}" } || true)
        #expect(s.workspace.enterprises.map(\.name) == ["Acme"])
    }

    @Test func storedControlsAreShownAsVisibleSymbols() {
        let text = Renderer().render(.message("industry \u{1B}]0;OWNED\u{07} and \u{202E}abc\u{9B}\nnext"))
        #expect(!text.unicodeScalars.contains { Name.isUnsafe($0) && $0 != "\n" })
        #expect(text.contains("␛]0;OWNED␇") && text.contains("⟨U+202E⟩") && text.contains("⟨U+009B⟩"))
        #expect(text.contains("\nnext"))
    }

    // MARK: Snapshots (items 3 and 9)

    static func notebook(_ workspace: Workspace) throws -> Notebook {
        var nb = Notebook()
        nb.setWorkbench("snapshot", try Snapshot.make(workspace, for: nb))
        return nb
    }

    /// The notebook with its snapshot's workspace tree edited and the checksum sealed again.
    static func resealed(_ nb: Notebook, _ edit: (JSON) throws -> JSON) throws -> Notebook {
        var nb = nb
        let snap = try #require(nb.workbench["snapshot"])
        let tree = try edit(try #require(snap["workspace"]))
        nb.setWorkbench(
            "snapshot", snap.setting("workspace", tree).setting("checksum", .string(Snapshot.checksum(tree))))
        return nb
    }

    @Test func aSnapshotHoldingControlsFallsBackToReplay() throws {
        let w = Workspace(enterprises: [Enterprise(name: "Acme", industry: "\u{1B}]0;OWNED\u{07}")], current: "Acme")
        let (restored, reason) = Snapshot.restore(from: try Self.notebook(w))
        #expect(restored == nil)
        #expect(reason.contains("U+001B"), "\(reason)")
        let clean = Workspace(enterprises: [Enterprise(name: "Acme", industry: "batteries")], current: "Acme")
        #expect(Snapshot.restore(from: try Self.notebook(clean)).workspace == clean)
    }

    @Test func aSnapshotWithBrokenReferencesFallsBackToReplay() throws {
        var e = Enterprise(name: "A")
        e.resources = [Resource(name: "R"), Resource(name: "S")]
        e.offerings = [Offering(name: "O")]
        e.segments = [Segment(name: "Seg")]
        e.needs = [Need(name: "N", segment: "Seg")]
        e.reliefs = [Relief(offering: "O", need: "N", functional: 5, emotional: 5)]
        e.models = [
            ValueModel(
                name: "M", nodes: [.init(name: "X", stage: .activity), .init(name: "Y", stage: .value)],
                edges: [.init(from: "X", to: "Y")])
        ]
        let nb = try Self.notebook(Workspace(enterprises: [e], current: "A"))
        #expect(Snapshot.restore(from: nb).workspace != nil)
        func edited(_ list: String, _ index: Int, _ key: String, _ value: JSON) throws -> Notebook {
            try Self.resealed(nb) { tree in
                var es = try #require(tree["enterprises"]?.arrayValue)
                var items = try #require(es[0][list]?.arrayValue)
                items[index] = items[index].setting(key, value)
                es[0] = es[0].setting(list, .array(items))
                return tree.setting("enterprises", .array(es))
            }
        }
        let cases: [(Notebook, String)] = [
            (try Self.resealed(nb) { $0.setting("current", "Nobody") }, "current enterprise 'Nobody'"),
            (try edited("resources", 1, "name", "r"), "two resources named 'r'"),
            (try edited("reliefs", 0, "offering", "Gone"), "missing offering 'Gone'"),
            (try edited("reliefs", 0, "need", "Gone"), "missing need 'Gone'"),
        ]
        for (bad, expected) in cases {
            let (restored, reason) = Snapshot.restore(from: bad)
            #expect(restored == nil && reason.contains(expected), "\(reason)")
        }
        let edge = try Self.resealed(nb) { tree in
            var es = try #require(tree["enterprises"]?.arrayValue)
            var models = try #require(es[0]["models"]?.arrayValue)
            models[0] = models[0].setting("edges", [["from": "X", "polarity": "+", "to": "Nowhere"]])
            es[0] = es[0].setting("models", .array(models))
            return tree.setting("enterprises", .array(es))
        }
        let (restored, reason) = Snapshot.restore(from: edge)
        #expect(restored == nil && reason.contains("missing node"), "\(reason)")
    }

    // MARK: Files (item 4)

    /// A blocking open would hang: the time limit turns that into a failure.
    @Test(.timeLimit(.minutes(1))) func aFIFOIsRefusedWithoutBlocking() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vb-fifo-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("answers.csv").path
        #expect(mkfifo(path, 0o600) == 0)
        #expect { _ = try LocalFileAccess().open(path) } throws: { error in
            "\(error)".contains("not a regular file (a FIFO)")
        }
        #expect(throws: CommandError.self) { _ = try LocalFileAccess().read(path) }
    }

    // MARK: Messages (item 7)

    @Test func longQuotedTokensAreShortenedInMessages() {
        let long = String(repeating: "x", count: 1_000_000)
        let m = Printable.shortened("enterprise show: no enterprise named '\(long)'; did you mean 'y'?")
        #expect(m == "enterprise show: no enterprise named '\(String(repeating: "x", count: 80))…'; did you mean 'y'?")
        let plain = "can't read \"" + String(repeating: "y", count: 100) + "\": don't"
        #expect(Printable.shortened(plain) == "can't read \"" + String(repeating: "y", count: 80) + "…\": don't")
    }
}

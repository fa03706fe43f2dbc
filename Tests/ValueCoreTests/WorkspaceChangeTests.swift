import Testing
@testable import ValueCore

/// The workspace records each change as before/after images; reverting and reapplying them
/// moves between states exactly.
@Suite struct WorkspaceChangeTests {
    static func base() -> Workspace {
        var w = Workspace()
        w.add(Enterprise(name: "BYD", industry: "batteries"))
        w.add(Enterprise(name: "CATL", industry: "batteries"))
        w.add(Enterprise(name: "Tesla", industry: "cars"))
        w.setCurrent("catl")
        _ = w.takeChanges()
        return w
    }

    /// Runs `change`, then checks revert gives back the start and reapply gives the end.
    func roundTrip(_ change: (inout Workspace) -> Void, expectChanges count: Int) {
        var w = Self.base()
        let before = w
        change(&w)
        let after = w
        let changes = w.takeChanges()
        #expect(changes.count == count)
        #expect(w.changes.isEmpty)
        w.revert(changes)
        #expect(w == before)
        #expect(w.current == before.current)
        #expect(w.enterprises.map(\.name).allSatisfy { w.contains($0) })
        w.reapply(changes)
        #expect(w == after)
        for (i, e) in w.enterprises.enumerated() { #expect(w.position(of: e.name) == i) }
        #expect(w.changes.isEmpty)
    }

    @Test func addRecordsAnInsertion() {
        roundTrip({ $0.add(Enterprise(name: "LG Energy")) }, expectChanges: 1)
        var w = Self.base()
        w.add(Enterprise(name: "Panasonic"), at: 0)
        #expect(w.enterprises.first?.name == "Panasonic")
        #expect(w.position(of: "catl") == 2)
        if case let .enterprise(position, before, after)? = w.changes.first {
            #expect(position == 0 && before == nil && after?.name == "Panasonic")
        } else {
            Issue.record("no enterprise change recorded")
        }
    }

    @Test func updateRecordsBeforeAndAfter() {
        roundTrip(
            { w in w.update("catl") { $0.resources.append(Resource(name: "Battery R&D", strength: 9)) } },
            expectChanges: 1)
        var w = Self.base()
        w.update("CATL") { $0.industry = "energy" }
        if case let .enterprise(position, before, after)? = w.changes.first {
            #expect(position == 1 && before?.industry == "batteries" && after?.industry == "energy")
        } else {
            Issue.record("no enterprise change recorded")
        }
    }

    /// A change to lists only is recorded as what changed in them (a splice per list), not as a
    /// before-image of the enterprise: the history then holds no copy of a long list per step.
    @Test(arguments: [
        ("append", [1_000, 0, 1]),
        ("remove first", [0, 1, 0]),
        ("remove middle", [500, 1, 0]),
        ("edit last", [999, 1, 1]),
        ("two lists", [0, 0, 1, 10, 0, 1]),  // competitors, then resources
        ("factors", [1, 1, 1]),
    ])
    func listChangesAreSplices(change: String, extents: [Int]) throws {
        var base = Self.base()
        base.update("CATL") { e in
            e.resources = (0..<1_000).map { Resource(name: "R\($0)", strength: 5) }
            e.factors = [FactorScore(factor: "Price", score: 3), FactorScore(factor: "Range", score: 8)]
        }
        _ = base.takeChanges()
        let edit: (inout Enterprise) -> Void = { e in
            switch change {
            case "append": e.resources.append(Resource(name: "New", strength: 9))
            case "remove first": e.resources.removeFirst()
            case "remove middle": e.resources.remove(at: 500)
            case "edit last": e.resources[999].strength = 1
            case "two lists": e.resources.insert(Resource(name: "New"), at: 10); e.competitors.append("BYD")
            default: e.factors[1].score = 9
            }
        }
        var w = base
        w.update("catl", edit)
        let changes = w.takeChanges()
        guard case let .edited(position, edits)? = changes.first else {
            Issue.record("expected an edited record, got \(changes)")
            return
        }
        #expect(position == 1 && changes.count == 1)
        // What the record holds: the items that changed, not the 1,000-item list.
        #expect(edits.flatMap { [$0.extent.index, $0.extent.removed, $0.extent.inserted] } == extents)
        let after = w
        w.revert(changes)
        #expect(w == base)
        w.reapply(changes)
        #expect(w == after)
    }

    /// A model's nodes and edges are lists too: adding one edge to a 1,000-edge model records
    /// that edge, not the model (whose before-image held every edge: memory grew with the
    /// square of the edges, issue 14 item 1). Renaming the model still records the model.
    @Test(arguments: [
        ("edge", [1_000, 0, 1]),
        ("node", [1_000, 0, 1]),
        ("node and edge", [1_000, 0, 1, 1_000, 0, 1]),
        ("proposition", [0, 1, 1]),
    ])
    func modelChangesAreSplices(change: String, extents: [Int]) throws {
        var base = Self.base()
        base.update("CATL") { e in
            e.models = [
                ValueModel(
                    name: "Base",
                    nodes: (0...1_000).dropLast().map { .init(name: "N\($0)", stage: .activity) },
                    edges: (0..<1_000).map { .init(from: "N\($0)", to: "N\(($0 + 1) % 1_000)") })
            ]
        }
        _ = base.takeChanges()
        var w = base
        w.update("catl") { e in
            switch change {
            case "edge": e.models[0].edges.append(.init(from: "N1", to: "N3"))
            case "node": e.models[0].nodes.append(.init(name: "X", stage: .value))
            case "node and edge":
                e.models[0].nodes.append(.init(name: "X", stage: .value))
                e.models[0].edges.append(.init(from: "N1", to: "X"))
            default: e.models[0].proposition = "Longer range"
            }
        }
        let changes = w.takeChanges()
        guard case let .edited(_, edits)? = changes.first, changes.count == 1 else {
            Issue.record("expected one edited record, got \(changes.count)")
            return
        }
        #expect(edits.flatMap { [$0.extent.index, $0.extent.removed, $0.extent.inserted] } == extents)
        let after = w
        w.revert(changes)
        #expect(w == base)
        w.reapply(changes)
        #expect(w == after)
    }

    @Test func renamingWithListsKeepsTheWholeImage() {
        roundTrip(
            { w in
                w.update("catl") {
                    $0.name = "CATL Ltd"; $0.competitors = ["BYD"]
                }
            }, expectChanges: 2)  // and the current name
        var w = Self.base()
        w.update("catl") {
            $0.price = 2; $0.competitors = ["BYD"]
        }
        guard case .enterprise? = w.changes.first else { Issue.record("expected a before/after record"); return }
    }

    @Test func updateThatChangesNothingRecordsNothing() {
        var w = Self.base()
        let result = w.update("CATL") { e -> Int in
            e.industry = "batteries"; return 7
        }
        #expect(result == 7)
        #expect(w.changes.isEmpty)
        #expect(w.update("Nobody") { _ in 1 } == nil)
    }

    @Test func renameMovesTheIndexAndTheCurrentName() {
        roundTrip({ w in w.update("CATL") { $0.name = "宁德时代" } }, expectChanges: 2)
        var w = Self.base()
        w.update("CATL") { $0.name = "宁德时代" }
        #expect(!w.contains("CATL"))
        #expect(w.position(of: "宁德时代") == 1)
        #expect(w.current == "宁德时代")
        #expect(w.currentEnterprise?.industry == "batteries")
    }

    @Test func removeRecordsTheRemovedEnterpriseAndClearsCurrent() {
        roundTrip({ $0.remove("catl") }, expectChanges: 2)
        var w = Self.base()
        let removed = w.remove("CATL")
        #expect(removed?.name == "CATL")
        #expect(w.current == nil)
        #expect(w.position(of: "Tesla") == 1)
        #expect(w.remove("CATL") == nil)
    }

    @Test func setCurrentRecordsOnlyRealChanges() {
        roundTrip({ $0.setCurrent("tesla") }, expectChanges: 1)
        var w = Self.base()
        w.setCurrent("CATL")
        #expect(w.changes.isEmpty)
        w.setCurrent("nobody")  // an unknown name means none
        #expect(w.current == nil)
        #expect(w.changes == [.current(before: "CATL", after: nil)])
    }

    @Test func manyChangesRevertNewestFirst() {
        roundTrip(
            { w in
                w.add(Enterprise(name: "A"))
                w.update("A") { $0.name = "B" }
                w.update("B") { $0.industry = "x" }
                w.remove("BYD")
                w.add(Enterprise(name: "BYD", industry: "cars"), at: 0)
                w.setCurrent("B")
            }, expectChanges: 6)
    }

    @Test func bulkAppendIsOneChange() {
        roundTrip(
            { #expect($0.append(contentsOf: (0..<100).map { Enterprise(name: "Co \($0)") }) == nil) }, expectChanges: 1)
        var w = Self.base()
        #expect(w.append(contentsOf: [Enterprise(name: "X"), Enterprise(name: "Y")]) == nil)
        #expect(w.position(of: "y") == 4)
        #expect(w.append(contentsOf: []) == nil)
        #expect(w.changes.count == 1)
        // Changes after a bulk append revert in order too.
        roundTrip(
            { w in
                _ = w.append(contentsOf: [Enterprise(name: "X"), Enterprise(name: "Y")])
                w.update("x") { $0.industry = "toys" }
                w.remove("BYD")
            }, expectChanges: 3)
    }

    /// A name taken by the workspace, or twice in the list: nothing is added, not even the names
    /// before it, and the answer is the first clash's position in the list.
    @Test(arguments: [
        (["P", "Q", "catl", "R"], 2),  // in the workspace, ignoring case
        (["P", "Q", "R", "q"], 3),  // twice in the list
        (["P", "P", "CATL"], 1),  // the first clash wins
    ])
    func bulkAppendRefusesTakenNames(names: [String], clash: Int) {
        var w = Self.base()
        let before = w
        #expect(w.append(contentsOf: names.map { Enterprise(name: $0) }) == clash)
        #expect(w == before)
        #expect(w.changes.isEmpty)
        for n in names where !before.contains(n) { #expect(!w.contains(n)) }
        #expect(w.append(contentsOf: [Enterprise(name: "P")]) == nil)
        #expect(w.position(of: "p") == before.enterprises.count)
    }

    @Test func equalityIgnoresTheChangeLog() {
        var a = Self.base()
        let b = Self.base()
        a.update("CATL") { $0.industry = "energy" }
        a.update("CATL") { $0.industry = "batteries" }
        #expect(a == b)
        #expect(a.changes.count == 2)
    }
}

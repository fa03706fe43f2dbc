import Differentiation
import Guide
import KPI
import Modeling
import Pricing
import Testing
import ValueCore
import Workbench

/// A snapshot whose checksum matches but whose numbers no command would have stored is refused
/// like a damaged one (open then replays the cells).
@Suite struct SnapshotRangeTests {
    /// An enterprise with every ranged number set, inside its range.
    static var workspace: Workspace {
        var e = Enterprise(name: "A")
        e.price = 10
        e.guideStep = 2
        e.resources = [Resource(name: "R", strength: 7)]
        e.segments = [
            Segment(
                name: "S", size: 100,
                willingnessToPay: WillingnessToPay(low: 4, high: 9, opp: 6, idp: 7, respondents: 120, source: "s.csv"))
        ]
        e.needs = [Need(name: "N", segment: "S", importance: 4)]
        e.offerings = [Offering(name: "O", price: 5, unitCost: 3)]
        e.reliefs = [Relief(offering: "O", need: "N", functional: 6, emotional: 4)]
        e.factors = [FactorScore(factor: "Range", score: 8, importance: 5)]
        e.kpis = [KPIRecord(kpi: "nps", period: "2026-Q1", value: 30, target: 40, n: 200)]
        return Workspace(enterprises: [e], current: "A")
    }

    /// `tree` with `key` of the enterprise (list nil) or of the first item of its `list` set to `value`.
    static func setting(_ tree: JSON, list: String?, within: String? = nil, key: String, to value: JSON) throws -> JSON
    {
        var enterprises = try #require(tree["enterprises"]?.arrayValue)
        if let list {
            var items = try #require(enterprises[0][list]?.arrayValue, "\(list) is not in the snapshot")
            if let within {
                let inner = try #require(items[0][within], "\(list).\(within) is not in the snapshot")
                #expect(inner[key] != nil, "\(list).\(within).\(key) is not in the snapshot")
                items[0] = items[0].setting(within, inner.setting(key, value))
            } else {
                #expect(items[0][key] != nil, "\(list).\(key) is not in the snapshot")
                items[0] = items[0].setting(key, value)
            }
            enterprises[0] = enterprises[0].setting(list, .array(items))
        } else {
            #expect(enterprises[0][key] != nil, "\(key) is not in the snapshot")
            enterprises[0] = enterprises[0].setting(key, value)
        }
        return tree.setting("enterprises", .array(enterprises))
    }

    @Test func everyRuleNamesAFieldTheSnapshotHoldsAndRefusesValuesBeyondIt() throws {
        let tree = try Snapshot.encode(Self.workspace)
        #expect(Snapshot.outOfRange(tree) == nil)
        for rule in Snapshot.rules {
            for bad in [rule.range.lowerBound - 1, rule.range.upperBound + 1, .infinity] {
                let edited = try Self.setting(
                    tree, list: rule.list, within: rule.within, key: rule.key, to: .number(bad))
                let reason = Snapshot.outOfRange(edited)
                let field = (rule.within.map { $0 + "." } ?? "") + rule.key
                #expect(
                    reason?.contains(": \(field) \(Format.number(bad)) is outside ") == true,
                    "\(field) \(bad): \(reason ?? "accepted")")
            }
            // The bounds themselves are accepted.
            for good in [rule.range.lowerBound, rule.range.upperBound] {
                // (Within a willingness to pay the low end must stay at or below the high end.)
                let base =
                    rule.within == nil
                    ? tree
                    : try Self.setting(
                        try Self.setting(tree, list: rule.list, within: rule.within, key: "low", to: .number(0)),
                        list: rule.list, within: rule.within, key: "high", to: .number(1e12))
                #expect(
                    Snapshot.outOfRange(
                        try Self.setting(base, list: rule.list, within: rule.within, key: rule.key, to: .number(good)))
                        == nil)
            }
        }
    }

    /// A willingness to pay whose range runs backwards is refused, with where.
    @Test func willingnessToPayLowAboveHighIsRefused() throws {
        let tree = try Snapshot.encode(Self.workspace)
        let edited = try Self.setting(tree, list: "segments", within: "willingnessToPay", key: "low", to: .number(10))
        #expect(Snapshot.outOfRange(edited) == "enterprise 'A', segment 'S': willingnessToPay: low 10 is above high 9")
    }

    /// The commands (and option or argument) that set each ranged number of a snapshot, by the
    /// number's place (`list.within.key`); empty: no command takes it as a typed number.
    static let setters: [String: [(words: String, option: String)]] = [
        "price": [("enterprise set", "price")],
        "guideStep": [("guide step", "n")],
        "resources.strength": [("resource add", "strength"), ("resource set", "strength")],
        "segments.size": [("segment add", "size"), ("segment set", "size")],
        "segments.willingnessToPay.low": [("price record", "low")],
        "segments.willingnessToPay.high": [("price record", "high")],
        "segments.willingnessToPay.opp": [("price record", "opp")],
        "segments.willingnessToPay.idp": [("price record", "idp")],
        "segments.willingnessToPay.respondents": [],
        "needs.importance": [("need add", "importance"), ("need set", "importance")],
        "offerings.price": [("offering add", "price"), ("offering set", "price")],
        "offerings.unitCost": [("offering add", "cost"), ("offering set", "cost")],
        "reliefs.functional": [("relief set", "functional")],
        "reliefs.emotional": [("relief set", "emotional")],
        "factors.score": [("factor set", "score")],
        "factors.importance": [("factor set", "importance")],
        "kpis.value": [],  // kpi record checks it in its run, against KPIRecord.valueRange
        "kpis.target": [("kpi record", "target"), ("kpi nps", "target"), ("kpi csat", "target")],
        "kpis.n": [("kpi record", "n")],
    ]

    /// The ranges are the commands' own: a command that widens or narrows one fails here, and so
    /// does a rule no entry of `setters` accounts for.
    @Test func rangesAreThoseTheCommandsDeclare() throws {
        let registry = Registry(plugins: allPlugins)
        #expect(
            Set(Snapshot.rules.map { [$0.list, $0.within, $0.key].compactMap { $0 }.joined(separator: ".") })
                == Set(Self.setters.keys))
        for rule in Snapshot.rules {
            let place = [rule.list, rule.within, rule.key].compactMap { $0 }.joined(separator: ".")
            for (words, name) in Self.setters[place] ?? [] {
                let spec = try #require(registry.command(words), "no command \(words)")
                let kind =
                    spec.options.first { $0.name == name }?.kind
                    ?? spec.arguments.first { $0.name == name }?.kind
                switch kind {
                case let .number(range)?: #expect(range == rule.range, "\(words) \(name)")
                case let .integer(range)?:
                    #expect(Double(range.lowerBound)...Double(range.upperBound) == rule.range, "\(words) \(name)")
                default: Issue.record("\(words) has no number option or argument \(name)")
                }
            }
        }
    }

    /// A notebook written by hand: its checksum matches, its numbers do not.
    static func handMade(_ factor: String) throws -> Notebook {
        let text = """
            {"cells": [
              {"cell_type": "code", "execution_count": 1, "id": "c1", "metadata": {}, "source": "enterprise add A",
               "outputs": [{"data": {"application/vnd.valuebench+json": {"industry": null, "name": "A"}, \
               "text/plain": ["Added enterprise A."]},
                            "execution_count": 1, "metadata": {}, "output_type": "execute_result"}]},
              {"cell_type": "code", "execution_count": 2, "id": "c2", "metadata": {}, "source": "factor set A Range 8",
               "outputs": [{"data": {"application/vnd.valuebench+json": {"enterprise": "A", "factor": "Range", \
               "importance": null, "score": 8},
                                     "text/plain": ["Scored A 8 on Range."]},
                            "execution_count": 2, "metadata": {}, "output_type": "execute_result"}]}],
             "metadata": {"valuebench": {"snapshot": {"cells": "CELLS", "checksum": "SUM", "version": 1,
               "workspace": {"current": "A", "enterprises": [{"name": "A", "factors": [\(factor)]}]}}}},
             "nbformat": 4, "nbformat_minor": 5}
            """
        var nb = try Notebook.read(Array(text.utf8))
        let snap = try #require(nb.workbench["snapshot"])
        let tree = try #require(snap["workspace"])
        nb.setWorkbench(
            "snapshot",
            snap.setting("cells", .string(Snapshot.cellsHash(nb))).setting("checksum", .string(Snapshot.checksum(tree)))
        )
        return nb
    }

    /// The hand-made notebook the end-to-end test opens (ValuebenchTests, NotebookCLITests):
    /// kept equal to what `handMade` gives, so that it stays valid if the hashes change.
    @Test func theEndToEndFixtureIsCurrent() throws {
        var nb = try Self.handMade(#"{"factor": "Range", "score": 50}"#)
        nb.stampKernel()
        try NotebookSupport.expectGolden(nb.jupyterBytes(), "out-of-range-snapshot.ipynb")
    }

    @Test(arguments: [
        (#"{"factor": "Range", "score": 50}"#, "score 50 is outside 0–10"),
        (#"{"factor": "Range", "score": -0.5}"#, "score -0.5 is outside 0–10"),
        (#"{"factor": "Range", "score": 8, "importance": 9}"#, "importance 9 is outside 1–5"),
        (#"{"factor": "Range", "score": 8, "importance": -1}"#, "importance -1 is outside 1–5"),
        (#"{"factor": "Range", "score": 1e999}"#, "score ∞ is outside 0–10"),
    ])
    func aHandMadeSnapshotOutOfRangeIsRefused(factor: String, expected: String) throws {
        let nb = try Self.handMade(factor)
        let (ws, reason) = Snapshot.restore(from: nb)
        #expect(ws == nil)
        #expect(reason == "its snapshot holds a value no command accepts (enterprise 'A', factor 'Range': \(expected))")
        // The same notebook with the score the cells give is restored.
        let good = try Self.handMade(#"{"factor": "Range", "score": 8}"#)
        #expect(
            Snapshot.restore(from: good).workspace?.enterprises.first?.factors == [
                FactorScore(factor: "Range", score: 8)
            ])
    }
}

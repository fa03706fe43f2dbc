import Testing
import ValueCore
import Workbench
import Modeling
import KPI
import Differentiation
import Pricing
@testable import Guide

/// Every command line the guide suggests is a real command of the workbench: it parses against
/// the registry of every plugin.
@Suite struct SuggestionTests {
    static let registry = Registry(plugins: allPlugins)

    /// Workspaces that make the guide suggest every kind of command: empty, full, and the fixture
    /// with each part taken away.
    static func workspaces() -> [Workspace] {
        var list = [
            Workspace(enterprises: [Enterprise(name: "Empty Co")], current: "Empty Co"),
            Workspace(enterprises: [Enterprise(name: "No Industry")], current: "No Industry"),
            Fixture.workspace(), Fixture.workspace(competitors: []),
        ]
        func variant(_ change: (inout Enterprise) -> Void) {
            var e = Fixture.catl()
            change(&e)
            list.append(Fixture.workspace(e))
        }
        variant { $0.needs = [] }
        variant { $0.reliefs = [] }
        variant { $0.offerings = [] }
        variant { $0.factors = [FactorScore(factor: "energy density", score: 6)] }
        variant { $0.initiatives = [] }
        variant { $0.resources[0].strength = 3 }
        variant { $0.resources = [] }
        variant { $0.models[0].edges.removeAll { $0.from == "Market share" } }
        variant {
            $0.models[0].edges.removeAll { $0.from == "R&D reinvestment" };
            $0.models[0].edges.append(.init(from: "Profit", to: "Technology iteration"))
        }
        variant { $0.models[0].nodes.removeAll { $0.stage == .activity } }
        variant { $0.models = [] }
        variant { $0.kpis = [KPIRecord(kpi: "repurchase", period: "2025Q1", value: 0.42)] }
        variant { $0.kpis = [] }
        return list
    }

    static func suggestions() -> [String] {
        var lines: Set<String> = []
        for w in workspaces() {
            let e = w.currentEnterprise!
            for j in Judge.all(e, in: w) {
                for g in j.missing + j.open { lines.formUnion(g.commands) }
                lines.formUnion(Screen.commands(step: j.step, e))
            }
        }
        return lines.sorted()
    }

    @Test func theGuideSuggestsManyCommands() {
        #expect(Self.suggestions().count > 25)
    }

    /// Step 2 points at the Pricing plugin's commands and at the value map.
    @Test func stepTwoSuggestsMeasuringWillingnessToPay() {
        let lines = Screen.commands(step: 2, Fixture.catl())
        #expect(lines.contains { $0.hasPrefix("price psm ") && $0.contains("--too-cheap") && $0.contains("--record") })
        #expect(lines.contains { $0.hasPrefix("price match ") })
        #expect(lines.contains { $0.hasPrefix("diff valuemap") })
    }

    @Test(arguments: suggestions())
    func suggestionParses(line: String) throws {
        _ = try Self.registry.parse(try Tokenizer.tokenize(line))
    }

    /// The examples in the guide's own command declarations run on a workspace built from them.
    @Test func examplesRun() throws {
        var s = Session(registry: Self.registry)
        s.load(Fixture.workspace())
        for spec in GuidePlugin().commands {
            for example in spec.examples { s.ok(example) }
        }
    }
}

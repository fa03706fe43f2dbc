import Testing
import ValueCore
import Workbench
import Differentiation
@testable import Guide

/// What the guide asks of the other analyses, checked against them.
@Suite struct AnalysesTests {
    /// The one-curve shortcut the guide uses gives what the whole canvas gives.
    @Test func oneCurveEqualsTheCanvasCurve() {
        var a = Enterprise(name: "A");
        a.factors = [FactorScore(factor: "x", score: 9), FactorScore(factor: "y", score: 2)]
        var b = Enterprise(name: "B"); b.factors = [FactorScore(factor: "X", score: 4)]
        var c = Enterprise(name: "C");
        c.factors = [FactorScore(factor: "y", score: 7), FactorScore(factor: "z", score: 5)]
        let factors = ["x", "y", "z"]
        let whole = Canvas([a, b, c], factors: factors).curves[0]
        #expect(Canvas.curve(of: a, against: [b, c], factors: factors) == whole)
    }

    @Test func distinctnessReadsTheCanvas() {
        let d = Analyses.distinctness(of: Fixture.catl(), in: Fixture.workspace())
        #expect(d.competitors == ["BYD"])
        #expect(d.factors.map(\.factor) == ["energy density", "price"])
        #expect(d.factors.map(\.rivals) == [6, 7])
        #expect(d.distinct.map(\.factor) == ["energy density"])
    }

    @Test func longListsOfNamesAreCounted() {
        let names = (1...20).map { "E\($0)" }
        let p: Phrase = "compared with \(names: names)"
        #expect(p.description == "compared with ‘E1’, ‘E2’, ‘E3’, ‘E4’, ‘E5’, ‘E6’, ‘E7’, ‘E8’ and 12 more")
    }
}

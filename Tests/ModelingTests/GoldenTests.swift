import Testing
import ValueCore
import Workbench
import Modeling

/// The terminal drawings of the example model, character for character (notebooks store them:
/// a change here is a change to every notebook that shows a model).
@Suite struct GoldenTests {
    @Test func modelShow() {
        var s = Fixture.examplesSession()
        #expect(
            s.text("model show Base") == """
                Model Base of CATL: 11 nodes, 12 edges
                Proposition: longest range and lowest cost per kWh, at scale

                resource      Battery R&D [9] ─(+)→ Cell chemistry
                              Manufacturing scale [8] ─(+)→ Gigafactory production
                              Brand [5] ─(+)→ Brand marketing
                activity      Cell chemistry ─(+)→ Longer range
                              Gigafactory production ─(+)→ Lower cost per kWh
                              Brand marketing ─(+)→ Pack sales
                value         Longer range ─(+)→ Pack sales
                              Lower cost per kWh ─(+)→ Pack sales
                revenue       Pack sales ─(+)→ Operating profit
                                         ─(−)→ Gigafactory production  ↩
                profit        Operating profit ─(+)→ R&D reinvestment
                reinvestment  R&D reinvestment ─(+)→ Battery R&D  ↩

                Loops: 2 (1 reinforcing, 1 balancing; 2 value loops, 1 growth loop)
                  R1  growth  Battery R&D ─(+)→ Cell chemistry ─(+)→ Longer range ─(+)→ Pack sales ─(+)→
                              Operating profit ─(+)→ R&D reinvestment ─(+)→ Battery R&D
                  B1  value   Gigafactory production ─(+)→ Lower cost per kWh ─(+)→ Pack sales ─(−)→
                              Gigafactory production
                """)
    }

    @Test func modelCheck() {
        var s = Fixture.examplesSession()
        #expect(
            s.text("model check Base") == """
                Check of model Base (CATL): 11 nodes, 12 edges

                Loops: 2 (1 reinforcing, 1 balancing; 2 value loops, 1 growth loop)
                  R1  growth  Battery R&D ─(+)→ Cell chemistry ─(+)→ Longer range ─(+)→ Pack sales ─(+)→
                              Operating profit ─(+)→ R&D reinvestment ─(+)→ Battery R&D
                  B1  value   Gigafactory production ─(+)→ Lower cost per kWh ─(+)→ Pack sales ─(−)→
                              Gigafactory production

                Grounding: 2 of 3 activities anchored in a resource of strength ≥ 6
                  ✓ Cell chemistry ← Battery R&D
                  ✓ Gigafactory production ← Manufacturing scale
                  ✗ Brand marketing: fed only by Brand (strength 5); anchoring needs strength ≥ 6

                Verdict: 1 finding to address.
                """)
    }
}

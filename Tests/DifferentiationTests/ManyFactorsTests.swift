import Testing
import ValueCore
import Workbench
@testable import Differentiation

/// Analyses visit every factor of several enterprises: with a look-up per factor that searched
/// the list, 10,000 factors took 35 s (`diff errc`) — quadratic. Now O(n) (issue 14 item 10); its
/// time is measured by `Benchmarks/growth.sh`, not here: this checks the figures at that size.
@Suite struct ManyFactorsTests {
    static let names = (0..<10_000).map { "Factor \($0)" }

    static var market: [Enterprise] {
        (0..<4).map { k in
            var e = Enterprise(name: "E\(k)", industry: "retail")
            e.price = Double(10 + k)
            e.factors = names.enumerated().map { i, f in
                FactorScore(factor: f, score: Double((i + k) % 11), importance: k == 1 ? 1 + i % 5 : nil)
            }
            return e
        }
    }

    @Test func analysesOfTenThousandFactors() {
        let list = Self.market
        let actions = ERRC.actions(for: list[0], competitors: Array(list[1...]))
        let canvas = Canvas(list, factors: Self.names)
        var s = session(workspace(list))
        s.ok("diff errc E0")
        s.ok("diff valuemap")
        #expect(actions.count == Self.names.count)
        // Importance comes from the first enterprise that rates the factor (E1 here).
        #expect(actions[7].importance == 1 + 7 % 5)
        #expect(canvas.curves[2].scores[3] == Double((3 + 2) % 11))
    }
}

import ValueCore
// Re-exported to every file of this target: TestSupport's `Session.ok`, `fails`, `text`, `json`, `close`…
@_exported import TestSupport

/// A workspace in which CATL meets every step of the guide, and one competitor (BYD) of the same
/// industry. Tests take parts away and see which step stops being met.
enum Fixture {
    static func catl() -> Enterprise {
        var e = Enterprise(name: "CATL", industry: "batteries")
        e.segments = [Segment(name: "Automakers", size: 120)]
        e.needs = [
            Need(name: "range anxiety", segment: "Automakers", kind: .pain, importance: 5),
            Need(name: "charging time", segment: "Automakers", kind: .pain, importance: 5),
            Need(name: "pack cost", segment: "Automakers", kind: .gain, importance: 4),
        ]
        e.offerings = [Offering(name: "Kirin battery", carrier: .product, price: 100, unitCost: 70)]
        e.reliefs = [
            Relief(offering: "Kirin battery", need: "range anxiety", functional: 9, emotional: 4),
            Relief(offering: "Kirin battery", need: "charging time", functional: 8, emotional: 3),
        ]
        e.factors = [
            FactorScore(factor: "energy density", score: 9, importance: 5),
            FactorScore(factor: "price", score: 6, importance: 4),
        ]
        e.resources = [
            Resource(
                name: "Battery R&D", kind: .technology, strength: 9, valuable: true, rare: true,
                costlyToImitate: true, organized: true),
            Resource(name: "Scale", kind: .capacity, strength: 8),
        ]
        e.initiatives = Initiative.Element.allCases.map {
            Initiative(name: "Do \($0.rawValue)", element: $0, link: "nps")
        }
        e.models = [
            ValueModel(
                name: "Moat", proposition: "Longer range, faster charging",
                nodes: [
                    .init(name: "Battery R&D", stage: .resource), .init(name: "Technology iteration", stage: .activity),
                    .init(name: "Range and charging", stage: .value), .init(name: "Market share", stage: .revenue),
                    .init(name: "Profit", stage: .profit), .init(name: "R&D reinvestment", stage: .reinvestment),
                ],
                edges: [
                    .init(from: "Battery R&D", to: "Technology iteration"),
                    .init(from: "Technology iteration", to: "Range and charging"),
                    .init(from: "Range and charging", to: "Market share"), .init(from: "Market share", to: "Profit"),
                    .init(from: "Profit", to: "R&D reinvestment"), .init(from: "R&D reinvestment", to: "Battery R&D"),
                ])
        ]
        e.kpis = [
            KPIRecord(kpi: "nps", period: "2024", value: 32, target: 50),
            KPIRecord(kpi: "nps", period: "2025", value: 41, target: 50),
        ]
        return e
    }

    static func byd() -> Enterprise {
        var e = Enterprise(name: "BYD", industry: "batteries")
        e.factors = [FactorScore(factor: "energy density", score: 6), FactorScore(factor: "price", score: 7)]
        // On the value map CATL (quality 7.67 at 100) then gives more value than BYD (6.44 at 110).
        e.price = 110
        return e
    }

    static func workspace(_ catl: Enterprise = catl(), competitors: [Enterprise] = [byd()]) -> Workspace {
        Workspace(enterprises: [catl] + competitors, current: catl.name)
    }
}

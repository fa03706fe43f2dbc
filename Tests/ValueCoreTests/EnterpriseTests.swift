import Testing
import ValueCore

@Suite struct EnterpriseTests {
    @Test func copiesAreIndependent() {
        var a = Enterprise(name: "CATL", industry: "batteries")
        a.resources.append(Resource(name: "Battery R&D", kind: .technology, strength: 9))
        var b = a
        b.resources[0].strength = 3
        b.guideStep = 2
        #expect(a.resources[0].strength == 9)
        #expect(a.guideStep == nil)
        #expect(b.resources[0].strength == 3)
        #expect(a != b)
        b.resources[0].strength = 9
        b.guideStep = nil
        #expect(a == b)
    }

    @Test func roundTripsThroughCodable() throws {
        var e = Enterprise(name: "Salesforce", industry: "saas")
        e.competitors = ["HubSpot"]
        e.kpis.append(KPIRecord(kpi: "nps", period: "2025", value: 41.5, target: 50, n: 800))
        e.price = 165
        let data = try JSONEncoderShim.roundTrip(e)
        #expect(data == e)
    }
}

/// Encodes and decodes through a minimal in-memory coder built on the standard library only.
enum JSONEncoderShim {
    static func roundTrip<T: Codable & Equatable>(_ value: T) throws -> T {
        // PropertyList-free round trip: encode into a [String: Any]-like tree is not in the stdlib,
        // so use FoundationEssentials' JSON coder, which the toolchain ships.
        try FoundationCoder.decode(T.self, FoundationCoder.encode(value))
    }
}

/// What a segment will pay: the acceptable price range measured by a Van Westendorp survey
/// (`price psm --record`) or entered by hand (`price record`), with its optimal and indifference
/// price points where known. The seeds' question "does the value we deliver match the price
/// customers will pay?" is answered against this.
public struct WillingnessToPay: Codable, Equatable, Sendable {
    /// The acceptable range: no fewer customers find it too cheap than not cheap, and so on.
    public var low: Double
    public var high: Double
    /// Optimal price point: as many find it too cheap as too expensive.
    public var opp: Double?
    /// Indifference price point: as many find it cheap as expensive.
    public var idp: Double?
    /// How many valid respondents the figures rest on, when measured.
    public var respondents: Int?
    /// Where the figures came from: a survey file's name, or "entered".
    public var source: String?

    /// The prices (low, high, OPP, IDP) `price record` accepts and a snapshot may hold.
    public static let priceRange: ClosedRange<Double> = 0...1e12
    /// The respondent counts a snapshot may hold.
    public static let respondentsRange: ClosedRange<Int> = 0...1_000_000_000_000

    public init(
        low: Double, high: Double, opp: Double? = nil, idp: Double? = nil,
        respondents: Int? = nil, source: String? = nil
    ) {
        self.low = low; self.high = high; self.opp = opp; self.idp = idp
        self.respondents = respondents; self.source = source
    }

    /// Where a price stands against the range.
    public enum Position: String, Sendable { case below, inside, above }
    public func position(of price: Double) -> Position {
        price < low ? .below : price > high ? .above : .inside
    }
}

/// One offering's price against the willingness to pay of one segment it serves (a segment
/// serves as the audience of an offering when the offering relieves one of its needs).
public struct PriceCheck: Equatable, Sendable {
    public var offering: String
    public var segment: String
    public var price: Double
    public var willingnessToPay: WillingnessToPay
    /// The utility the offering delivers to the segment's needs: mean functional and emotional
    /// relief (0–10) over the reliefs linking them; nil when none are scored.
    public var functional: Double?
    public var emotional: Double?
    public var position: WillingnessToPay.Position { willingnessToPay.position(of: price) }
}

extension Enterprise {
    /// Every priced offering against every segment it serves that has a recorded willingness to
    /// pay, in the order of offerings, then segments. Offerings without a price, and segments
    /// without a record, give no check.
    public func priceChecks() -> [PriceCheck] {
        var checks: [PriceCheck] = []
        for offering in offerings {
            guard let price = offering.price else { continue }
            let reliefs = self.reliefs.filter { Name.same($0.offering, offering.name) }
            for segment in segments {
                guard let wtp = segment.willingnessToPay else { continue }
                let served = reliefs.filter { r in
                    needs.contains { Name.same($0.name, r.need) && Name.same($0.segment, segment.name) }
                }
                guard !served.isEmpty else { continue }
                let n = Double(served.count)
                checks.append(
                    PriceCheck(
                        offering: offering.name, segment: segment.name, price: price,
                        willingnessToPay: wtp,
                        functional: served.map(\.functional).reduce(0, +) / n,
                        emotional: served.map(\.emotional).reduce(0, +) / n))
            }
        }
        return checks
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif
import Workbench

/// Social Return on Investment, Social Value UK method.
public struct SROI: Equatable, Sendable {
    public struct Outcome: Equatable, Sendable {
        public var name: String
        public var quantity: Double
        public var proxy: Double
        public var deadweight: Double
        public var displacement: Double
        public var attribution: Double
        public var dropOff: Double
        public var years: Int
        /// Impact in the first year: quantity × proxy × (1 − deadweight)(1 − displacement)(1 − attribution).
        public var firstYear: Double { quantity * proxy * (1 - deadweight) * (1 - displacement) * (1 - attribution) }
        /// Impact in year t (1-based): drop-off applies each year after the first.
        public func impact(year t: Int) -> Double { t > years ? 0 : firstYear * pow(1 - dropOff, Double(t - 1)) }
    }

    public var outcomes: [Outcome]
    public var inputs: Double
    public var discount: Double

    public init(outcomes: [Outcome], inputs: Double, discount: Double) throws {
        guard !outcomes.isEmpty else { throw MetricError("no outcomes: give at least one NAME:QUANTITY:PROXY") }
        guard inputs > 0 else {
            throw MetricError(
                "inputs must be more than 0 (got \(Format.number(inputs))): the SROI ratio divides by them")
        }
        self.outcomes = outcomes; self.inputs = inputs; self.discount = discount
    }

    public var years: Int { outcomes.map(\.years).max() ?? 0 }
    /// Total impact per year (undiscounted), year 1…years.
    public var impactByYear: [Double] {
        (1...max(1, years)).map { t in outcomes.reduce(0) { $0 + $1.impact(year: t) } }
    }
    /// Present value: Σ impact_t/(1 + r)^t.
    public var presentValue: Double {
        impactByYear.enumerated().reduce(0) { $0 + $1.element / pow(1 + discount, Double($1.offset + 1)) }
    }
    public var ratio: Double { presentValue / inputs }
    public var netRatio: Double { (presentValue - inputs) / inputs }
    public var netPresentValue: Double { presentValue - inputs }
    /// Months for the first year's impact to repay the inputs: inputs / (annual impact / 12).
    public var paybackMonths: Double? {
        let annual = impactByYear.first ?? 0
        return annual > 0 ? inputs / (annual / 12) : nil
    }

    /// Parses `NAME:QUANTITY:PROXY[:DEADWEIGHT%:DISPLACEMENT%:ATTRIBUTION%:DROPOFF%:YEARS]`; missing
    /// adjustments take the defaults.
    public static func parseOutcome(_ text: String, defaults: Outcome) throws -> Outcome {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        guard (3...8).contains(parts.count), !parts[0].isEmpty else {
            throw MetricError(
                "'\(text)' is not NAME:QUANTITY:PROXY[:DEADWEIGHT%:DISPLACEMENT%:ATTRIBUTION%:DROPOFF%:YEARS]")
        }
        var o = defaults
        o.name = parts[0]
        guard let q = Double(parts[1]), (0...1e12).contains(q) else {
            throw MetricError(
                "quantity '\(parts[1])' of outcome '\(parts[0])' must be a number from 0 to 1000000000000")
        }
        guard let p = Double(parts[2]), (0...1e12).contains(p) else {
            throw MetricError(
                "financial proxy '\(parts[2])' of outcome '\(parts[0])' must be a number from 0 to 1000000000000")
        }
        o.quantity = q; o.proxy = p
        let names = ["deadweight", "displacement", "attribution", "drop-off"]
        for (i, name) in names.enumerated() where parts.count > 3 + i && !parts[3 + i].isEmpty {
            guard let v = Double(parts[3 + i]), (0...100).contains(v) else {
                throw MetricError(
                    "\(name) '\(parts[3 + i])' of outcome '\(parts[0])' must be a percentage from 0 to 100")
            }
            switch i {
            case 0: o.deadweight = v / 100
            case 1: o.displacement = v / 100
            case 2: o.attribution = v / 100
            default: o.dropOff = v / 100
            }
        }
        if parts.count > 7, !parts[7].isEmpty {
            guard let y = Int(parts[7]), (1...50).contains(y) else {
                throw MetricError("years '\(parts[7])' of outcome '\(parts[0])' must be a whole number from 1 to 50")
            }
            o.years = y
        }
        return o
    }
}

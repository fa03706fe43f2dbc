import Workbench

/// GHG Protocol emissions: activity × emission factor (× GWP when the factor is for one gas).
public enum CO2e {
    public struct Factor: Sendable, Equatable {
        public var name: String
        public var what: String
        public var unit: String
        /// kg of `gas` per unit of activity.
        /// kgCO2e per unit of activity.
        public var kgPerUnit: Double
        /// The scopes the activity can belong to: burning a fuel is scope 1 (your own) or 3 (in
        /// the value chain), never 2; purchased electricity is scope 2 or 3, never 1.
        public var scopes: [Int]
        public var source: String
        public var year: Int
    }

    /// kgCO2e per unit from the CO2, CH4 and N2O of a combustion factor (kg CO2, g CH4 and
    /// g N2O per unit), with the AR6 GWPs of fossil methane (29.8) and N2O (273).
    static func combustion(co2 kg: Double, ch4 gCH4: Double, n2o gN2O: Double, per units: Double) -> Double {
        (kg + gCH4 / 1000 * 29.8 + gN2O / 1000 * 273) / units
    }
    static let litresPerGallon = 3.785411784, kWhPerMMBtu = 293.07107017

    /// Named emission factors, all in kgCO2e (source and year shown by `help kpi co2e`). The
    /// fuels carry their CH4 and N2O as well as their CO2 (they were CO2 only, summed as CO2e).
    public static let factors: [Factor] = [
        Factor(
            name: "uk-electricity", what: "UK grid electricity (location-based)", unit: "kWh", kgPerUnit: 0.177,
            scopes: [2, 3], source: "UK DESNZ GHG conversion factors", year: 2025),
        Factor(
            name: "diesel", what: "diesel fuel, combusted", unit: "L",
            kgPerUnit: combustion(co2: 10.21, ch4: 0.41, n2o: 0.08, per: litresPerGallon), scopes: [1, 3],
            source:
                """
                US EPA GHG Emission Factors Hub, stationary combustion: 10.21 kg CO2, 0.41 g CH4, 0.08 g \
                N2O per gallon, AR6 GWPs
                """,
            year: 2024),
        Factor(
            name: "gasoline", what: "motor gasoline, combusted", unit: "L",
            kgPerUnit: combustion(co2: 8.78, ch4: 0.38, n2o: 0.08, per: litresPerGallon), scopes: [1, 3],
            source:
                """
                US EPA GHG Emission Factors Hub, stationary combustion: 8.78 kg CO2, 0.38 g CH4, 0.08 g N2O \
                per gallon, AR6 GWPs
                """,
            year: 2024),
        Factor(
            name: "natural-gas", what: "natural gas, combusted", unit: "kWh",
            kgPerUnit: combustion(co2: 53.06, ch4: 1.0, n2o: 0.10, per: kWhPerMMBtu), scopes: [1, 3],
            source: "US EPA GHG Emission Factors Hub: 53.06 kg CO2, 1.0 g CH4, 0.10 g N2O per MMBtu, AR6 GWPs",
            year: 2024),
    ]

    /// 100-year global warming potentials, IPCC AR6 (2021).
    public static let gwp: [(gas: String, gwp: Double)] = [
        ("co2", 1), ("co2e", 1), ("ch4", 27.9), ("ch4-fossil", 29.8), ("n2o", 273), ("hfc-134a", 1530), ("sf6", 25200),
    ]

    public struct Entry: Sendable, Equatable {
        public var scope: Int
        /// Scope 2 by the market-based method (a supplier's or contract's factor, `2m:…`);
        /// otherwise location-based (the grid average).
        public var marketBased = false
        public var amount: Double
        public var factor: Double
        public var factorName: String
        public var unit: String
        public var gas: String
        public var gwp: Double
        public var kg: Double { amount * factor * gwp }
    }

    /// Parses `SCOPE:AMOUNT:FACTOR[:GAS]`: SCOPE 1, 2 (location-based), 2m (market-based) or 3;
    /// FACTOR a named factor or kg per unit; GAS, for a number only, a gas name (its AR6 GWP is
    /// applied) or a GWP number. A named factor is already CO2e, so it takes no GAS, and its
    /// scope must be one the activity can have.
    public static func parse(_ text: String) throws -> Entry {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        guard parts.count == 3 || parts.count == 4 else {
            throw MetricError("'\(text)' is not SCOPE:AMOUNT:FACTOR[:GAS] (e.g. 2:12000:uk-electricity or 1:40:1:ch4)")
        }
        let marketBased = parts[0].lowercased() == "2m"
        guard let scope = marketBased ? 2 : Int(parts[0]), (1...3).contains(scope) else {
            throw MetricError("scope '\(parts[0])' in '\(text)' must be 1, 2 (location-based), 2m (market-based) or 3")
        }
        // Inputs are capped at 1e12, as everywhere in the workbench: 1e308 × 1e308 gave an
        // infinite total, printed as `Infinity` (not JSON) under --json.
        guard let amount = Double(parts[1]), (0...1e12).contains(amount) else {
            throw MetricError("activity '\(parts[1])' in '\(text)' must be a number from 0 to 1000000000000")
        }
        var entry: Entry
        if let f = Double(parts[2]), f.isFinite {
            guard (0...1e12).contains(f) else {
                throw MetricError(
                    "emission factor '\(parts[2])' in '\(text)' must be a number of kg per unit from 0 to 1000000000000"
                )
            }
            entry = Entry(
                scope: scope, marketBased: marketBased, amount: amount, factor: f, factorName: "kg/unit", unit: "unit",
                gas: "co2e", gwp: 1)
        } else if let named = factors.first(where: { $0.name == parts[2].lowercased() }) {
            guard parts.count == 3 else {
                throw MetricError(
                    """
                    '\(named.name)' in '\(text)' is already in kgCO2e, so it takes no gas ('\(parts[3])'); \
                    a gas goes with a factor given as a number, e.g. 1:10:1:ch4
                    """
                )
            }
            guard named.scopes.contains(scope) else {
                throw MetricError(
                    """
                    '\(named.name)' (\(named.what)) is scope \
                    \(named.scopes.map(String.init).joined(separator: " or ")), not scope \(scope), in \
                    '\(text)'
                    """
                )
            }
            guard !marketBased else {
                throw MetricError(
                    """
                    '\(named.name)' is a location-based grid average; market-based scope 2 (2m) takes your \
                    supplier's or contract's factor as a number, e.g. 2m:12000:0.05
                    """
                )
            }
            entry = Entry(
                scope: scope, amount: amount, factor: named.kgPerUnit, factorName: named.name, unit: named.unit,
                gas: "co2e", gwp: 1)
        } else {
            throw MetricError(
                """
                unknown emission factor '\(parts[2])' in '\(text)' (a number of kg per unit, or one of \
                \(factors.map(\.name).joined(separator: ", ")))
                """
            )
        }
        if parts.count == 4 {
            let g = parts[3].lowercased()
            if let known = gwp.first(where: { $0.gas == g }) {
                entry.gas = known.gas; entry.gwp = known.gwp
            } else if let v = Double(g), v > 0, v <= 1e6 {
                entry.gas = "gwp \(Format.number(v))"; entry.gwp = v
            } else {
                throw MetricError(
                    """
                    unknown gas '\(parts[3])' in '\(text)' (one of \
                    \(gwp.map(\.gas).joined(separator: ", ")), or a GWP number above 0 up to 1000000)
                    """
                )
            }
        }
        return entry
    }
}

import ValueCore
import Workbench

/// `kpi co2e`: the entries summed by scope (GHG Protocol), location-based, and market-based when
/// an entry is `2m`.
struct CO2eResult: RecordableResult {
    var entries: [CO2e.Entry]
    /// kg of scope 1, 2 (location-based) and 3.
    var scopes = [0.0, 0.0, 0.0]
    /// kg of the market-based scope 2 entries.
    var market = 0.0

    init(_ entries: [CO2e.Entry]) {
        self.entries = entries
        for e in entries {
            if e.marketBased { market += e.kg } else { scopes[e.scope - 1] += e.kg }
        }
    }

    var anyMarket: Bool { entries.contains(where: \.marketBased) }
    /// kg, location-based.
    var total: Double { scopes.reduce(0, +) }
    /// kg, with the market-based scope 2.
    var totalMarket: Double { scopes[0] + market + scopes[2] }

    var fields: [(String, JSON)] {
        let list: [JSON] = entries.map { e in
            [
                "scope": .int(e.scope), "market_based": .bool(e.marketBased), "amount": .num(e.amount),
                "factor": .string(e.factorName), "kgPerUnit": .num(e.factor), "gas": .string(e.gas),
                "gwp": .num(e.gwp), "kg": .num(e.kg),
            ]
        }
        var scopeJSON: [(String, JSON)] = [("1", .num(scopes[0])), ("2", .num(scopes[1])), ("3", .num(scopes[2]))]
        if anyMarket { scopeJSON.append(("2m", .num(market))) }
        var data: [(String, JSON)] = [
            ("entries", .array(list)), ("scopes", .object(scopeJSON)), ("total", .num(total)),
        ]
        if anyMarket { data.append(("total_market", .num(totalMarket))) }
        return data + [("tonnes", .num(total / 1000))]
    }

    var table: Table? {
        var rows = entries.map { e in
            [
                e.marketBased ? "2m" : String(e.scope), Format.number(e.amount), e.unit, e.factorName,
                Format.number(e.factor, maxDecimals: 4), e.gwp == 1 ? "" : "\(e.gas) ×\(Format.number(e.gwp))",
                Format.fixed(e.kg, 1),
            ]
        }
        func sum(_ label: String, _ kg: Double) { rows.append([label, "", "", "", "", "", Format.fixed(kg, 1)]) }
        for s in 0..<3 where scopes[s] > 0 || (s == 1 && anyMarket) {
            sum(s == 1 && anyMarket ? "scope 2 (location)" : "scope \(s + 1)", scopes[s])
            if s == 1 && anyMarket { sum("scope 2 (market)", market) }
        }
        sum(anyMarket ? "total (location)" : "total", total)
        if anyMarket { sum("total (market)", totalMarket) }
        return Table(
            headers: ["scope", "activity", "unit", "factor", "kg/unit", "GWP", "kgCO2e"], rows: rows,
            alignments: [.left, .right, .left, .left, .right, .left, .right])
    }

    var sentence: String {
        let location = "Total \(Format.fixed(total / 1000, 3)) tCO2e"
        return anyMarket
            ? location + " location-based, \(Format.fixed(totalMarket / 1000, 3)) tCO2e market-based." : location + "."
    }

    var recorded: (field: String, value: Double, n: Int?) { ("tonnes", total / 1000, nil) }
}

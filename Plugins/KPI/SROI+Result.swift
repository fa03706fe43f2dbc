import ValueCore
import Workbench

/// `kpi sroi`: the outcomes' table, the ratio's sentence and the figures as JSON, from the
/// computed `SROI`.
extension SROI: RecordableResult {
    var fields: [(String, JSON)] {
        [
            ("present_value", .num(presentValue)), ("inputs", .num(inputs)), ("ratio", .num(ratio)),
            ("net", .num(netRatio)), ("npv", .num(netPresentValue)), ("payback_months", .num(paybackMonths)),
            ("years", .array(impactByYear.map { .num($0) })), ("discount", .num(discount * 100)),
        ]
    }

    var table: Table? {
        func percent(_ share: Double) -> String { Format.percent(share * 100, decimals: 0) }
        let rows = outcomes.map { o in
            [
                o.name, Format.number(o.quantity), Format.number(o.proxy), percent(o.deadweight),
                percent(o.displacement), percent(o.attribution), percent(o.dropOff), String(o.years),
                Format.fixed(o.firstYear, 2),
            ]
        }
        return Table(
            headers: [
                "outcome", "quantity", "proxy", "deadweight", "displacement", "attribution", "drop-off", "years",
                "year-1 impact",
            ],
            rows: rows, alignments: [.left] + [Table.Alignment](repeating: .right, count: 8))
    }

    var sentence: String {
        var text =
            "Present value \(Format.fixed(presentValue, 2)) on inputs \(Format.fixed(inputs, 2)): "
            + "SROI \(Format.fixed(ratio, 2)):1, net \(Format.fixed(netRatio, 2))"
        if let p = paybackMonths { text += "; payback \(Format.fixed(p, 1)) months" }
        return text + "."
    }

    var recorded: (field: String, value: Double, n: Int?) { ("ratio", ratio, nil) }
}

import ValueCore
import Workbench

/// `diff valuemap`'s result: the map as a chart, each point's figures and verdict as a table, the
/// fair-value line as a sentence, and the same figures as JSON.
struct ValueMapResult: DiffResult {
    var map: ValueMap
    /// The enterprises compared but left off the map (no factor scores or no price).
    var leftOut: [String]

    var json: JSON {
        [
            "fair_value_line": [
                "through": .array([.num(1), .num(1)]), "slope": .num(map.slope), "tolerance": .num(ValueMap.tolerance),
            ],
            "average_price": .num(map.averagePrice), "average_quality": .num(map.averageQuality),
            "points": .array(
                map.points.map { p in
                    [
                        "enterprise": .string(p.enterprise), "quality": .num(p.quality), "price": .num(p.price),
                        "price_from": .string(p.priceBasis),
                        "relative_quality": .num(p.relativeQuality), "relative_price": .num(p.relativePrice),
                        "fair_relative_price": .num(p.fairRelativePrice), "value_advantage": .num(p.advantage),
                        "value_advantage_price": .num(p.advantageInPrice), "verdict": .string(p.verdict.rawValue),
                    ]
                }),
            "left_out": .array(leftOut.map { .string($0) }),
        ]
    }

    /// One row per point, headed by its chart mark.
    var table: Table {
        let rows = map.points.enumerated().map { i, p in
            [
                "\(Charts.marker(i)) \(p.enterprise)", Format.fixed(p.quality, 2), DiffCommands.num(p.price),
                p.priceBasis, Format.fixed(p.relativeQuality, 2), Format.fixed(p.relativePrice, 2),
                Format.fixed(p.fairRelativePrice, 2), DiffCommands.signed(p.advantageInPrice), p.verdict.rawValue,
            ]
        }
        return Table(
            headers: [
                "enterprise", "quality", "price", "price from", "rel. quality", "rel. price", "fair price",
                "advantage", "verdict",
            ],
            rows: rows, alignments: [.left, .right, .right, .left, .right, .right, .right, .right, .left])
    }

    var sentence: String {
        "Fair-value line through the market average (1, 1): relative quality = 1 + \(DiffCommands.num(map.slope)) "
            + "× (relative price − 1)."
    }

    var blocks: [OutputBlock] { [.chart(Charts.valueMap(map)), .table(table), .text(sentence)] }
}

import ValueCore
import Workbench

/// `diff valuemap`: the customer value map of the enterprises compared.
extension DiffCommands {
    static let valuemap = CommandSpec(
        "diff valuemap",
        abstract:
            "the customer value map: relative quality against relative price, the fair-value line, value advantage",
        discussion: """
            Perceived quality = Σ importance × score / Σ importance over the quality factors
            (importance unknown: 3; a factor not scored: 0). Price factors (`factor set … --kind
            price`, e.g. "price per kWh") are left out of quality: price is the other axis.
            Price = the enterprise's price level (`enterprise set NAME --price P`), else the mean
            of its paid offerings; free offerings (price 0) are left out with a note, and an
            enterprise with no price is left off the map with a note. The table and --json say
            how each price was found.

            Relative quality and relative price = the value ÷ the mean over the enterprises
            compared, so the market average is (1, 1). The map has relative price across and
            relative quality up. The fair-value line passes through (1, 1): relative quality =
            1 + S × (relative price − 1), S = --slope (default 1: 10% more price must buy 10%
            more quality; 2: 20%). It is never fitted through the enterprises it judges. Fair
            relative price at relative quality q = 1 + (q − 1) / S; value advantage = fair −
            actual relative price, also in price units (× the average price). Above or left of
            the line (more quality for its price): "gives more value than its price asks"; below
            or right: "asks more than its value"; within 0.05 of relative price of the line (±5%
            of the average price): "value matches price".

            Worked: A scores 8 at price 100, B scores 6 at price 120; means 7 and 110. A sits at
            relative price 0.91 and relative quality 1.14, where the line allows 1.14: A gives
            more value than its price asks (+0.23, +25.7 in price); B asks more than its value.
            To see it: `enterprise add A`, `enterprise set A --price 100`, `factor set A Range
            8`, `enterprise add B`, `enterprise set B --price 120`, `factor set B Range 6`,
            `diff valuemap A B`.
            """,
        arguments: [enterprisesArgument("place")],
        options: [
            OptionSpec(
                "slope", .number(0.01...100),
                help: "the fair-value line's slope: relative quality per unit of relative price (default 1)")
        ],
        examples: ["diff valuemap CATL BYD", "diff valuemap CATL BYD --slope 1.5"]
    ) { ctx in
        let (list, notes) = try selection(ctx, command: "diff valuemap")
        let (m, more, leftOut) = try ValueMap.of(list, in: ctx.workspace, slope: ctx.arguments.double("slope") ?? 1)
        return ValueMapResult(map: m, leftOut: leftOut).output(notes: notes + more)
    }
}

import ValueCore
import Workbench

/// `price record`: a segment's willingness to pay entered by hand (or cleared).
enum RecordCommand {
    static let record = CommandSpec(
        "price record",
        abstract: "keep a segment's willingness to pay: acceptable range, optimal and indifference price",
        discussion: """
            For figures measured elsewhere (an agency's PSM, a conjoint study): the acceptable range \
            --low to --high (the command language takes one value per option, so the range is two \
            options rather than one option with two values), the optimal price point --opp and, if known, the \
            indifference price point --idp; the source is "entered". `price psm FILE … --record \
            SEGMENT` records a measured one. --clear forgets it. Kept in the workspace, the snapshot \
            and undo; shown by `segment show`; `price match` judges each offering's price against it. \
            Prices are in the unit of the offerings' prices. --json: segment, enterprise and \
            willingness_to_pay (null after --clear).
            """,
        arguments: [ArgumentSpec("segment", .name(.segment), help: "a segment of the current enterprise")],
        options: [
            OptionSpec("low", .number(WillingnessToPay.priceRange), help: "the lower end of the acceptable range"),
            OptionSpec("high", .number(WillingnessToPay.priceRange), help: "the upper end of the acceptable range"),
            OptionSpec("opp", .number(WillingnessToPay.priceRange), help: "the optimal price point"),
            OptionSpec("idp", .number(WillingnessToPay.priceRange), help: "the indifference price point"),
            .flag("clear", help: "forget the segment's willingness to pay"),
            OptionSpec("enterprise", .name(.enterprise), help: "the enterprise (default: the current one)"),
        ],
        examples: ["price record \"EV makers\" --low 95 --high 140 --opp 110 --idp 118"]
    ) { ctx in
        let a = ctx.arguments
        let segment = try a.required("segment")
        if a.flag("clear") {
            guard !a.has("low"), !a.has("high"), !a.has("opp"), !a.has("idp") else {
                throw CommandError.badValue("price record: --clear takes no figures")
            }
            let e = try ctx.enterprise()
            let i = try find(segment, in: e)
            let name = e.segments[i].name
            guard e.segments[i].willingnessToPay != nil else {
                return .message(
                    "\(name) has no willingness to pay recorded; nothing to clear.", data: payload(e.name, name, nil))
            }
            try ctx.update(e.name) { $0.segments[i].willingnessToPay = nil }
            return .message("Cleared the willingness to pay of \(name) (\(e.name)).", data: payload(e.name, name, nil))
        }
        guard let low = a.double("low"), let high = a.double("high") else {
            throw CommandError(
                "MissingValue",
                "price record: give the acceptable range as --low PRICE --high PRICE (and --opp PRICE), or --clear")
        }
        guard let opp = a.double("opp") else {
            throw CommandError("MissingValue", "price record: give the optimal price point --opp PRICE")
        }
        let wtp = WillingnessToPay(low: low, high: high, opp: opp, idp: a.double("idp"), source: "entered")
        let text = try store(&ctx, segment: segment, wtp, command: "price record")
        let e = try ctx.enterprise()
        return .message(text, data: payload(e.name, e.segments[try find(segment, in: e)].name, wtp))
    }

    static func find(_ name: String, in e: Enterprise) throws -> Int {
        if let i = e.segments.firstIndex(where: { Name.same($0.name, name) }) { return i }
        throw CommandError.unknown(
            "segment", name, among: e.segments.map(\.name),
            hint: e.segments.isEmpty
                ? "\(e.name) has no segments yet: `segment add NAME`"
                : "segments of \(e.name): " + e.segments.map(\.name).joined(separator: ", "))
    }

    /// Checks `wtp` and keeps it as the segment's willingness to pay, through the workspace's
    /// update (so undo takes it back). Returns the confirmation.
    static func store(_ ctx: inout CommandContext, segment: String, _ wtp: WillingnessToPay, command: String) throws
        -> String
    {
        guard wtp.low <= wtp.high else {
            throw CommandError.badValue(
                """
                \(command): the range's low end \(Format.number(wtp.low)) is above its high end \
                \(Format.number(wtp.high))
                """
            )
        }
        for (name, v) in [("low", wtp.low), ("high", wtp.high), ("opp", wtp.opp), ("idp", wtp.idp)] {
            if let v, !WillingnessToPay.priceRange.contains(v) {
                throw CommandError.badValue("\(command): \(name) \(Format.number(v)) is outside 0–1000000000000")
            }
        }
        let e = try ctx.enterprise(argument: "enterprise")
        let i = try find(segment, in: e)
        try ctx.update(e.name) { $0.segments[i].willingnessToPay = wtp }
        func price(_ v: Double) -> String { Format.number(v, maxDecimals: 2) }
        var text =
            "Recorded for \(e.segments[i].name) (\(e.name)): acceptable range \(price(wtp.low))–\(price(wtp.high))"
        if let opp = wtp.opp { text += ", OPP \(price(opp))" }
        if let idp = wtp.idp { text += ", IDP \(price(idp))" }
        if let n = wtp.respondents { text += ", from \(Format.count(n, "respondent"))" }
        if let s = wtp.source, s != "entered" { text += " of \(s)" }
        return text + ". `price match` judges the offerings' prices against it; `undo` takes it back."
    }

    static func payload(_ enterprise: String, _ segment: String, _ wtp: WillingnessToPay?) -> JSON {
        ["enterprise": .string(enterprise), "segment": .string(segment), "willingness_to_pay": wtp.map(json) ?? .null]
    }

    /// The JSON of a willingness to pay (also `segment show`'s `willingness_to_pay`).
    static func json(_ w: WillingnessToPay) -> JSON {
        [
            "low": .num(w.low), "high": .num(w.high), "opp": w.opp.map { .num($0) } ?? .null,
            "idp": w.idp.map { .num($0) } ?? .null,
            "respondents": w.respondents.map { .int($0) } ?? .null, "source": w.source.map { .string($0) } ?? .null,
        ]
    }
}

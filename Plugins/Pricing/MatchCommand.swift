import ValueCore
import Workbench

/// `price match`: each offering's price against the willingness to pay of the segments it serves.
enum MatchCommand {
    static let match = CommandSpec(
        "price match",
        abstract: "does each offering's price match what its segments will pay? verdicts against the acceptable range",
        discussion: """
            For each priced offering and each segment it serves (a segment is served when the offering \
            relieves one of its needs: `relief set`), the price against the segment's recorded \
            willingness to pay (`price psm … --record SEGMENT` or `price record`): its acceptable range \
            and OPP, next to the utility the offering delivers to that segment's needs (mean functional \
            and emotional relief, 0–10). Verdict per offering and segment: inside the range; above it \
            (customers will find it too expensive: a value gap, by how much over the upper end); or \
            below it (money left on the table, or doubted quality, by how much under the lower end). \
            --json: enterprise, checks [{offering, segment, price, low, high, opp, idp, functional, \
            emotional, position (below|inside|above), gap (price − nearest end, 0 inside), \
            from_opp (price − OPP)}], and unchecked (what is missing, when nothing can be checked).
            """,
        arguments: [
            ArgumentSpec(
                "enterprise", .name(.enterprise), help: "the enterprise (default: the current one)", optional: true)
        ],
        examples: ["price match"]
    ) { ctx in
        let e = try ctx.enterprise()
        let checks = e.priceChecks()
        guard !checks.isEmpty else {
            let text = nothingToCheck(e)
            return CommandOutput(
                blocks: [.text(text)], data: ["enterprise": .string(e.name), "checks": [], "unchecked": .string(text)])
        }
        var rows: [[String]] = []
        var list: [JSON] = []
        var verdicts: [String] = []
        for c in checks {
            let w = c.willingnessToPay
            let gap = c.position == .above ? c.price - w.high : c.position == .below ? c.price - w.low : 0
            let verdict: String
            switch c.position {
            case .inside:
                if let opp = w.opp, c.price != opp {
                    verdict =
                        """
                        inside the range (\(Format.number(abs(c.price - opp), maxDecimals: 2)) \
                        \(c.price > opp ? "above" : "below") the OPP \(Format.number(opp, maxDecimals: 2)))
                        """
                } else {
                    verdict = w.opp == nil ? "inside the range" : "inside the range, at the OPP"
                }
            case .above:
                verdict =
                    "above by \(Format.number(gap, maxDecimals: 2)): customers will find it too expensive (a value gap)"
            case .below:
                verdict = "below by \(Format.number(-gap, maxDecimals: 2)): money left on the table, or doubted quality"
            }
            rows.append([
                c.offering, c.segment, Format.number(c.price, maxDecimals: 2),
                "\(Format.number(w.low, maxDecimals: 2))–\(Format.number(w.high, maxDecimals: 2))",
                w.opp.map { Format.number($0, maxDecimals: 2) } ?? "—",
                c.functional.map { Format.fixed($0, 1) } ?? "—", c.emotional.map { Format.fixed($0, 1) } ?? "—",
                c.position.rawValue,
            ])
            verdicts.append("\(c.offering) for \(c.segment): \(Format.number(c.price, maxDecimals: 2)) is \(verdict).")
            list.append([
                "offering": .string(c.offering), "segment": .string(c.segment), "price": .num(c.price),
                "low": .num(w.low), "high": .num(w.high), "opp": w.opp.map { .num($0) } ?? .null,
                "idp": w.idp.map { .num($0) } ?? .null,
                "functional": c.functional.map { .num($0) } ?? .null,
                "emotional": c.emotional.map { .num($0) } ?? .null,
                "position": .string(c.position.rawValue), "gap": .num(gap),
                "from_opp": w.opp.map { .num(c.price - $0) } ?? .null,
            ])
        }
        let table = Table(
            headers: ["offering", "segment", "price", "acceptable", "OPP", "functional", "emotional", "verdict"],
            rows: rows, alignments: [.left, .left, .right, .right, .right, .right, .right, .left])
        let inside = checks.filter { $0.position == .inside }.count
        let head = "\(e.name): \(inside) of \(Format.count(checks.count, "price check")) inside the acceptable range."
        return CommandOutput(
            blocks: [.text(head), .table(table), .text(verdicts.joined(separator: "\n"))],
            data: ["enterprise": .string(e.name), "checks": .array(list)])
    }

    /// What to record so that prices can be checked.
    static func nothingToCheck(_ e: Enterprise) -> String {
        let priced = e.offerings.filter { $0.price != nil }
        if e.segments.isEmpty { return "\(e.name) has no segments: `segment add NAME`, then measure what it will pay." }
        if priced.isEmpty {
            return "\(e.name) has no priced offerings: `offering add NAME --price P` (or `offering set`)."
        }
        let recorded = e.segments.filter { $0.willingnessToPay != nil }
        if recorded.isEmpty {
            let s = e.segments[0].name
            return
                """
                Nothing to check: no segment of \(e.name) has a willingness to pay. Measure one with `price \
                psm FILE --too-cheap COL --cheap COL --expensive COL --too-expensive COL --record \
                \"\(s)\"`, or enter one with `price record \"\(s)\" --low P --high P --opp P`.
                """
        }
        return
            """
            Nothing to check: no priced offering of \(e.name) relieves a need of \
            \(recorded.map(\.name).joined(separator: ", ")) (the segments with a willingness to pay); link \
            them with `relief set OFFERING NEED`.
            """
    }
}

import ValueCore
import Workbench

/// `diff utility`'s result: the utility delivered per need as a table, per segment and overall
/// with the value proposition fit as sentences, and the same figures as JSON.
struct UtilityResult: DiffResult {
    var enterprise: String
    var report: UtilityReport

    /// The utility `e`'s offerings deliver.
    init(_ e: Enterprise) {
        enterprise = e.name
        report = UtilityReport(e)
    }

    /// The needs no offering relieves.
    var unserved: [String] { report.needs.filter { !$0.served }.map(\.need) }

    var json: JSON {
        let u = report
        return [
            "enterprise": .string(enterprise),
            "functional": .num(u.functional), "emotional": .num(u.emotional), "emotional_share": .num(u.emotionalShare),
            "fit": .num(u.fit), "important_pains_and_gains": .int(u.importantPainsAndGains),
            "important_relieved": .int(u.importantRelieved),
            "segments": .array(
                u.segments.map {
                    [
                        "segment": .string($0.segment), "functional": .num($0.functional),
                        "emotional": .num($0.emotional), "needs": .int($0.needs),
                    ]
                }),
            "needs": .array(
                u.needs.map { n in
                    [
                        "need": .string(n.need), "segment": .string(n.segment), "kind": .string(n.kind.rawValue),
                        "importance": .int(n.importance),
                        "functional": .num(n.functional), "emotional": .num(n.emotional),
                        "offerings": .array(n.offerings.map { .string($0) }),
                        "served": .bool(n.served),
                    ]
                }),
            "unserved": .array(unserved.map { .string($0) }),
        ]
    }

    /// One row per need: the best relief of each utility and the offerings giving it.
    var table: Table {
        let rows = report.needs.map { n in
            [
                n.segment, n.need, n.kind.rawValue, String(n.importance), DiffCommands.num(n.functional),
                DiffCommands.num(n.emotional), n.offerings.isEmpty ? "— unserved" : n.offerings.joined(separator: ", "),
            ]
        }
        return Table(
            headers: ["segment", "need", "kind", "importance", "functional", "emotional", "relieved by"],
            rows: rows, alignments: [.left, .left, .left, .right, .right, .right, .left])
    }

    /// The utility delivered overall and per segment, the fit and the unserved needs, a line each;
    /// without needs, how to add one.
    var sentence: String {
        let u = report
        guard !u.needs.isEmpty else {
            return "\(enterprise) has no needs yet: `need add NAME --enterprise \(Tokenizer.quote(enterprise)) "
                + "--segment SEGMENT --type pain|gain|job --importance 1-5`."
        }
        func pair(_ f: Double, _ e: Double) -> String {
            "functional \(Format.fixed(f, 1)), emotional \(Format.fixed(e, 1))"
        }
        var text = "Utility delivered (importance-weighted): \(pair(u.functional, u.emotional))"
        if let s = u.emotionalShare { text += "; emotional share \(Format.percent(s * 100))" }
        text += ".\n"
        for s in u.segments {
            text += "  \(s.segment): \(pair(s.functional, s.emotional)) over \(Format.count(s.needs, "need"))\n"
        }
        if let fit = u.fit {
            text +=
                "Value proposition fit: \(u.importantRelieved) of \(u.importantPainsAndGains) important pains "
                + "and gains relieved (\(Format.percent(fit * 100)))."
        } else {
            text += "Value proposition fit: no pain or gain of importance ≥ 4 is modelled."
        }
        if !unserved.isEmpty { text += "\nUnserved: \(unserved.joined(separator: ", "))." }
        return text
    }

    var blocks: [OutputBlock] { report.needs.isEmpty ? [.text(sentence)] : [.table(table), .text(sentence)] }
    var isConfirmation: Bool { report.needs.isEmpty }
}

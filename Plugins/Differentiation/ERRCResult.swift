import ValueCore
import Workbench

/// `diff errc`'s result: the four actions as a grid and a table with reasons, a sentence naming
/// the competitors, and the same decisions as JSON.
struct ERRCResult: DiffResult {
    var enterprise: String
    /// How the competitors were chosen (`Market.basis(of:)`).
    var basis: String
    var competitors: [String]
    var actions: [ERRCAction]

    /// The four actions for `e` against `competitors` (`ERRC.actions`).
    init(_ e: Enterprise, competitors: [Enterprise], priceFactors: Set<NameKey>) {
        enterprise = e.name
        basis = Market.basis(of: e)
        self.competitors = competitors.map(\.name)
        actions = ERRC.actions(for: e, competitors: competitors, priceFactors: priceFactors)
    }

    /// The subjects of the actions of one kind; needs read "need: NAME".
    func subjects(_ kind: ERRCAction.Kind) -> [String] {
        actions.filter { $0.kind == kind }.map(Self.subject)
    }

    static func subject(_ a: ERRCAction) -> String { a.isNeed ? "need: \(a.subject)" : a.subject }

    var json: JSON {
        let lists = ERRCAction.Kind.allCases.map { k in (k.rawValue, JSON.array(subjects(k).map { .string($0) })) }
        let list = actions.map { a -> JSON in
            [
                "action": .string(a.kind.rawValue), a.isNeed ? "need" : "factor": .string(a.subject),
                "score": .num(a.score), "competitors_mean": .num(a.competitorsMean),
                "importance": a.importance.map { .int($0) } ?? .null, "reason": .string(a.reason),
            ]
        }
        return .object(
            [("enterprise", .string(enterprise)), ("competitors", .array(competitors.map { .string($0) }))]
                + lists + [("actions", .array(list))])
    }

    /// The four quadrants: eliminate and raise above, reduce and create below.
    var grid: String {
        let w = 38
        func cell(_ title: String, _ kind: ERRCAction.Kind) -> [String] {
            let items = subjects(kind)
            return [title] + (items.isEmpty ? ["  —"] : items.map { "  " + Charts.clip($0, w - 2) })
        }
        func side(_ a: [String], by b: [String]) -> String {
            (0..<max(a.count, b.count)).map { i in
                var line = Format.pad(i < a.count ? a[i] : "", w) + "│ " + (i < b.count ? b[i] : "")
                while line.hasSuffix(" ") { line.removeLast() }
                return line + "\n"
            }.joined()
        }
        return side(cell("ELIMINATE", .eliminate), by: cell("RAISE", .raise))
            + String(repeating: "─", count: w) + "┼" + String(repeating: "─", count: w) + "\n"
            + side(cell("REDUCE", .reduce), by: cell("CREATE", .create))
    }

    /// Every decision, the figures it rests on and its reason.
    var table: Table {
        let rows = actions.map { a in
            [
                a.kind.rawValue, Self.subject(a), a.score.map(DiffCommands.num) ?? "",
                a.competitorsMean.map(DiffCommands.num) ?? "", a.importance.map(String.init) ?? "", a.reason,
            ]
        }
        return Table(
            headers: ["action", "factor", "you", "competitors", "importance", "reason"], rows: rows,
            alignments: [.left, .left, .right, .right, .right, .left])
    }

    var sentence: String {
        "Four actions for \(enterprise) against \(Format.count(competitors.count, "competitor")) (\(basis)): "
            + competitors.joined(separator: ", ")
    }

    var blocks: [OutputBlock] { [.text(sentence), .text(grid), .table(table)] }
}

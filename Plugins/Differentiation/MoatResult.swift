import ValueCore
import Workbench

/// `diff moat`'s result: the parts with their evidence as a table, the total and verdict as a
/// sentence, and the same figures as JSON.
struct MoatResult: DiffResult {
    var enterprise: String
    var moat: Moat

    /// The moat of `e` in `ws`.
    init(_ e: Enterprise, in ws: Workspace) {
        enterprise = e.name
        moat = Moat(e, in: ws)
    }

    var json: JSON {
        [
            "enterprise": .string(enterprise), "total": .num(moat.total), "verdict": .string(moat.verdict),
            "parts": .array(
                moat.parts.map {
                    [
                        "part": .string($0.name), "weight": .num($0.weight), "score": .num($0.score),
                        "points": .num($0.points), "evidence": .string($0.evidence),
                    ]
                }),
        ]
    }

    var table: Table {
        let rows = moat.parts.map { p in
            [p.name, Format.number(p.weight), Format.fixed(p.score, 2), Format.fixed(p.points, 1), p.evidence]
        }
        return Table(
            headers: ["part", "weight", "score", "points", "evidence"], rows: rows,
            alignments: [.left, .right, .right, .right, .left])
    }

    var sentence: String { "Moat of \(enterprise): \(Format.fixed(moat.total, 1)) / 100 — \(moat.verdict)." }

    var blocks: [OutputBlock] { [.table(table), .text(sentence)] }
}

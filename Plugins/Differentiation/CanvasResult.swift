import ValueCore
import Workbench

/// `diff canvas`'s result: the value curves as a chart, their scores and divergences as tables,
/// which curve diverges most as a sentence, and the same figures as JSON.
struct CanvasResult: DiffResult {
    var canvas: Canvas
    /// The workspace's price factors: the score table marks them "(price)".
    var priceFactors: Set<NameKey>

    var json: JSON {
        [
            "factors": .array(canvas.factors.map { .string($0) }),
            "curves": .array(
                canvas.curves.map { curve in
                    [
                        "enterprise": .string(curve.enterprise), "scores": .array(curve.scores.map { .num($0) }),
                        "divergence": .array(curve.divergence.map { .num($0) }),
                        "overall_divergence": .num(curve.overall),
                        "unscored": .array(curve.unscored.map { .string($0) }),
                    ]
                }),
            "all_equal": .bool(canvas.allEqual),
        ]
    }

    /// One row per factor, one column per curve (headed by its chart mark).
    var scores: Table {
        let curves = canvas.curves
        let rows = canvas.factors.enumerated().map { f, name in
            [priceFactors.contains(NameKey(name)) ? name + " (price)" : name]
                + curves.map { DiffCommands.num($0.scores[f]) }
        }
        return Table(
            headers: ["factor"] + curves.enumerated().map { "\(Charts.marker($0.offset)) \($0.element.enterprise)" },
            rows: rows, alignments: [.left] + curves.map { _ in .right })
    }

    /// Per curve: its overall divergence and its (at most three) largest differences of half a point or more.
    var divergence: Table {
        let rows = canvas.curves.map { curve in
            let top = curve.divergence.enumerated().sorted { abs($0.element) > abs($1.element) }.prefix(3)
            let largest = top.filter { abs($0.element) >= 0.5 }.map {
                "\(canvas.factors[$0.offset]) \(DiffCommands.signed($0.element))"
            }
            let text = largest.isEmpty ? "—" : largest.joined(separator: ", ")
            return [curve.enterprise, Format.fixed(curve.overall, 2), text]
        }
        return Table(
            headers: ["enterprise", "divergence", "largest differences"], rows: rows,
            alignments: [.left, .right, .left])
    }

    /// Which curve diverges most, or that they coincide.
    var sentence: String? {
        if canvas.allEqual { return "The curves coincide: no enterprise differs from the others on these factors." }
        return canvas.curves.max { $0.overall < $1.overall }.map {
            "\($0.enterprise) diverges most (\(Format.fixed($0.overall, 2)) points on average); "
                + "curves below 1 point are close to \"me too\"."
        }
    }

    var blocks: [OutputBlock] {
        [.chart(Charts.canvas(canvas)), .table(scores), .table(divergence)] + (sentence.map { [.text($0)] } ?? [])
    }

    /// The factors each curve does not score (counted as 0).
    var notes: [String] {
        canvas.curves.filter { !$0.unscored.isEmpty }.map {
            "\($0.enterprise) does not score \($0.unscored.joined(separator: ", ")): counted as 0"
        }
    }
}

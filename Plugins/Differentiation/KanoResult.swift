import Workbench

/// `diff kano`'s result: each feature's category counts, category, Better and Worse as a table,
/// what the file held as a sentence, and the same figures as JSON.
struct KanoResult: DiffResult {
    var features: [Kano.Feature]
    /// How many answer pairs the file held.
    var pairs: Int

    /// The features of `pairs`, classified (`Kano.evaluate`).
    init(_ pairs: [(feature: String, functional: Int, dysfunctional: Int)]) {
        features = Kano.evaluate(pairs)
        self.pairs = pairs.count
    }

    var json: JSON {
        .array(
            features.map { f in
                [
                    "feature": .string(f.feature),
                    "counts": .object(Kano.Category.allCases.map { ($0.rawValue, .int(f.counts[$0, default: 0])) }),
                    "category": .string(f.category.name), "better": .num(f.better), "worse": .num(f.worse),
                    "respondents": .int(f.respondents),
                ]
            })
    }

    var table: Table {
        let cats = Kano.Category.allCases
        let rows = features.map { f in
            [f.feature] + cats.map { String(f.counts[$0, default: 0]) } + [
                f.category.name, f.better.map { Format.fixed($0, 2) } ?? "n/a",
                f.worse.map { Format.fixed($0, 2) } ?? "n/a",
            ]
        }
        return Table(
            headers: ["feature"] + cats.map(\.rawValue) + ["category", "better", "worse"], rows: rows,
            alignments: [.left] + cats.map { _ in .right } + [.left, .right, .right])
    }

    var sentence: String {
        "\(Format.count(features.count, "feature")) from \(Format.count(pairs, "answer pair")). Better near 1: "
            + "customers delight when it is there; Worse near −1: they mind when it is missing."
    }

    var blocks: [OutputBlock] { [.table(table), .text(sentence)] }
}

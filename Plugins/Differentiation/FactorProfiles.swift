import ValueCore

/// Enterprises' factor scores as one integer matrix, for the nearest-competitor search.
///
/// Columns are the union of the factors the enterprises score, in the order first met. A factor
/// an enterprise does not score counts as 0 (not offered), as on a strategy canvas. Scores are
/// scaled by the smallest power of ten (1 … 10⁶) that makes every one of them whole, so the
/// search runs on integers and stays exact; distances are divided back by the scale.
struct FactorProfiles {
    var factors: [String] = []
    /// Positions in the list the profiles were built from.
    var members: [Int] = []
    var values: [Int32] = []
    var scale: Double = 1

    /// - Parameter include: which enterprises take part (by position).
    init(_ enterprises: [Enterprise], include: (Int, Enterprise) -> Bool) {
        var column: [NameKey: Int] = [:]
        var raw: [Double] = []
        // Most enterprises list the same factors in the same order: reuse the last mapping.
        var lastNames: [String] = []
        var lastColumns: [Int] = []
        var rows: [(start: Int, columns: [Int])] = []
        for (p, e) in enterprises.enumerated() where include(p, e) {
            let fs = e.factors
            if fs.isEmpty { continue }
            var same = fs.count == lastNames.count
            if same { for i in 0..<fs.count where fs[i].factor != lastNames[i] { same = false; break } }
            if !same {
                lastNames = fs.map(\.factor)
                lastColumns = lastNames.map { name in
                    let key = NameKey(name)
                    if let c = column[key] { return c }
                    column[key] = factors.count
                    factors.append(name)
                    return factors.count - 1
                }
            }
            members.append(p)
            rows.append((raw.count, lastColumns))
            for f in fs { raw.append(f.score) }
        }
        scale = FactorProfiles.scale(for: raw)
        let d = factors.count
        values = [Int32](repeating: 0, count: members.count * d)
        for (r, row) in rows.enumerated() {
            for (i, c) in row.columns.enumerated() {
                values[r * d + c] = Int32((raw[row.start + i] * scale).rounded())
            }
        }
    }

    var count: Int { members.count }

    /// The smallest power of ten that makes every score whole (10⁶ at most: then rounded).
    static func scale(for scores: [Double]) -> Double {
        var s = 1.0
        for _ in 0..<6 {
            if scores.allSatisfy({ ($0 * s).rounded() == $0 * s }) { return s }
            s *= 10
        }
        return s
    }
}

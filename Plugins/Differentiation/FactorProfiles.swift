import ValueCore
import Workbench

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
    /// - Throws: `Cancellation.interrupted` when the running command is cancelled.
    init(_ enterprises: [Enterprise], include: (Int, Enterprise) -> Bool) throws(CommandError) {
        var column: [NameKey: Int] = [:]
        // Most enterprises list the same factors in the same order: reuse the last mapping.
        var lastNames: [String] = []
        var lastColumns: [Int] = []
        var rowColumns: [[Int]] = []
        var s = 1.0
        for (p, e) in enterprises.enumerated() where include(p, e) {
            if p & 4095 == 0 { try Cancellation.check() }
            let names = e.factorNames
            if names.isEmpty { continue }
            if names != lastNames {
                lastNames = names
                lastColumns = lastNames.map { name in
                    let key = NameKey(name)
                    if let c = column[key] { return c }
                    column[key] = factors.count
                    factors.append(name)
                    return factors.count - 1
                }
            }
            members.append(p)
            rowColumns.append(lastColumns)
            for v in e.factorScores { while s < 1e6, !Self.isWhole(v * s) { s *= 10 } }
        }
        scale = s
        let d = factors.count
        values = [Int32](repeating: 0, count: members.count * d)
        for (r, p) in members.enumerated() {
            if r & 4095 == 0 { try Cancellation.check() }
            let scores = enterprises[p].factorScores
            for (i, c) in rowColumns[r].enumerated() {
                let x = scores[i] * s
                values[r * d + c] = Int32(Self.isWhole(x) ? x : x.rounded())
            }
        }
    }

    /// Whether `x` is a whole number: a conversion there and back, where `rounded()` is a call
    /// into the C library (12 million of them for a million enterprises).
    static func isWhole(_ x: Double) -> Bool {
        abs(x) < 9.0e15 ? Double(Int64(x)) == x : x.isFinite
    }

    var count: Int { members.count }
}

import ValueCore
import Workbench

/// `diff nearest`'s result: every enterprise's nearest competitors as JSON columns, and for people
/// the most crowded and most isolated enterprises as a table and the mean nearest distance as a
/// sentence.
struct NearestResult {
    /// The enterprises searched, by row of the search.
    let names: [String]
    let search: NearestSearch.Result
    let factors: [String]
    /// The industry searched, or nil for every enterprise.
    let industry: String?
    /// What the scores were multiplied by to make them whole (`FactorProfiles.scale`).
    let scale: Double
    /// How long the search took, when asked (`--timing`).
    let elapsedMs: Double?
    /// Every enterprise's distance to its nearest competitor, summed (Kahan-compensated).
    let sumNearest: Double

    init(
        names: [String], search: NearestSearch.Result, factors: [String], industry: String?, scale: Double,
        elapsedMs: Double?
    ) {
        self.names = names; self.search = search; self.factors = factors; self.industry = industry
        self.scale = scale; self.elapsedMs = elapsedMs
        var total = KahanSum()
        for i in 0..<search.count { total.add(Double(search.squaredDistance(i, 0)).squareRoot() / scale) }
        sumNearest = total.sum
    }

    var count: Int { names.count }
    var k: Int { search.k }

    /// The distance of enterprise `i` to its `m`-th nearest competitor, on the 0–10 scale.
    func distance(_ i: Int, _ m: Int) -> Double { Double(search.squaredDistance(i, m)).squareRoot() / scale }

    /// Columns rather than one object per enterprise: a million enterprises then cost three
    /// arrays, not three million small ones.
    /// - Throws: `Cancellation.interrupted` when interrupted while building.
    func json() throws -> JSON {
        let n = count
        var enterprises: [JSON] = [], neighbors: [JSON] = [], distances: [JSON] = []
        enterprises.reserveCapacity(n); neighbors.reserveCapacity(n * k); distances.reserveCapacity(n * k)
        for i in 0..<n {
            if i & 4095 == 0 { try Cancellation.check() }
            enterprises.append(.string(names[i]))
            for m in 0..<k {
                neighbors.append(.string(names[search.neighbor(i, m)]))
                distances.append(.number(distance(i, m)))
            }
        }
        var data: [(String, JSON)] = [
            ("k", .int(k)), ("count", .int(n)), ("industry", industry.map { .string($0) } ?? .null),
            ("factors", .array(factors.map { .string($0) })), ("sum_nearest_distance", .number(sumNearest)),
        ]
        if let elapsedMs { data.append(("elapsed_ms", .number(elapsedMs))) }
        return .object(
            data + [
                ("enterprises", .array(enterprises)), ("neighbors", .array(neighbors)),
                ("distances", .array(distances)),
            ])
    }

    /// The five most crowded and five most isolated enterprises (all of them up to 12), by
    /// distance to the nearest competitor. Sorts every enterprise: `--json` does not build it.
    var table: Table {
        let n = count
        let order = (0..<n).sorted { (distance($0, 0), $0) < (distance($1, 0), $1) }
        let show = n <= 12 ? order : Array(order.prefix(5)) + Array(order.suffix(5))
        var rows = show.map { i in
            let near = (0..<k).map { m in
                "\(names[search.neighbor(i, m)]) (\(Format.number(distance(i, m), maxDecimals: 2)))"
            }
            return [names[i], Format.fixed(distance(i, 0), 2), near.joined(separator: ", ")]
        }
        if n > 12 { rows.insert(["…", "", ""], at: 5) }
        return Table(
            headers: ["enterprise", "nearest", "neighbours (distance)"], rows: rows, alignments: [.left, .right, .left])
    }

    var sentence: String {
        "\(count) enterprises over \(Format.count(factors.count, "factor"))\(industry.map { " in \($0)" } ?? ""); "
            + "mean distance to the nearest competitor \(Format.fixed(sumNearest / Double(count), 2)). "
            + "Smallest: crowded; largest: white space."
    }

    /// The command's output; with `forPeople` false (`--json`) the table is not built.
    func output(notes: [String], forPeople: Bool) throws -> CommandOutput {
        CommandOutput(blocks: forPeople ? [.text(sentence), .table(table)] : [], data: try json(), notes: notes)
    }
}

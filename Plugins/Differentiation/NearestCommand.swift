import ValueCore
import Workbench

/// `diff nearest`: each enterprise's nearest competitors by factor profile.
enum NearestCommand {
    static let spec = CommandSpec(
        "diff nearest",
        abstract: "each enterprise's K nearest competitors by factor profile (crowded markets, white space)",
        discussion: """
            Distance is Euclidean over the factor scores (a factor an enterprise does not score
            counts as 0), among every enterprise with factor scores, or only those of one industry
            with --industry. Exact: a k-d tree searched in blocks of queries with SIMD distance
            scans; ties go to the enterprise added first. The smallest nearest distances mark the
            crowded part of the market, the largest the white space. `--json` gives `enterprises`
            (N names), `neighbors` and `distances` (N × k each: enterprise i's neighbours are
            items i·k … i·k + k − 1, nearest first), and `sum_nearest_distance`: the sum of every
            enterprise's distance to its nearest competitor (Kahan-compensated). `--timing` adds `elapsed_ms`,
            the time the search itself took.
            """,
        options: [
            OptionSpec("k", .integer(1...100), help: "how many neighbours per enterprise (default 3)"),
            OptionSpec("industry", .text, help: "only enterprises of this industry"),
            .flag("timing", help: "report how long the search took (elapsed_ms)"),
        ],
        examples: ["diff nearest --k 1"]
    ) { ctx in
        let all = ctx.workspace.enterprises
        let industry = ctx.arguments.string("industry")
        let profiles = try FactorProfiles(all) { _, e in
            industry.map { i in e.industry.map { Name.same($0, i) } ?? false } ?? true
        }
        let n = profiles.count
        guard n >= 2 else {
            let scope = industry.map { " in industry '\($0)'" } ?? ""
            throw CommandError(
                "NotEnoughData",
                "diff nearest: needs at least 2 enterprises with factor scores\(scope), found \(n) (`factor set ENTERPRISE FACTOR SCORE` or `diff import FILE.csv`)"
            )
        }
        var notes: [String] = []
        var k = ctx.arguments.int("k") ?? 3
        if k >= n {
            notes.append("only \(n) enterprises have factor scores: showing \(Format.count(n - 1, "neighbour")) each")
            k = n - 1
        }
        let clock = ContinuousClock()
        let started = clock.now
        let result: NearestSearch.Result
        do {
            result = try NearestSearch.allNearest(points: profiles.values, dimensions: profiles.factors.count, k: k)
        } catch NearestSearch.Failure.cancelled {
            throw Cancellation.interrupted
        } catch {
            throw CommandError("OutOfMemory", "diff nearest: not enough memory for \(n) enterprises")
        }
        let elapsed = clock.now - started
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15

        let scale = profiles.scale
        func distance(_ i: Int, _ m: Int) -> Double { Double(result.squaredDistance(i, m)).squareRoot() / scale }
        var total = KahanSum()
        for i in 0..<n { total.add(distance(i, 0)) }
        // Read in order once: neighbours are looked up at random, and a list of names is a
        // fraction of the size of the enterprises.
        let rowNames = profiles.members.map { all[$0].name }
        func name(_ row: Int) -> String { rowNames[row] }

        // Columns rather than one object per enterprise: a million enterprises then cost three
        // arrays, not three million small ones.
        var names: [JSON] = [], neighbors: [JSON] = [], distances: [JSON] = []
        names.reserveCapacity(n); neighbors.reserveCapacity(n * k); distances.reserveCapacity(n * k)
        for i in 0..<n {
            if i & 4095 == 0 { try Cancellation.check() }
            names.append(.string(rowNames[i]))
            for m in 0..<k {
                neighbors.append(.string(rowNames[result.neighbor(i, m)]))
                distances.append(.number(distance(i, m)))
            }
        }
        var data: [(String, JSON)] = [
            ("k", .int(k)), ("count", .int(n)), ("industry", industry.map { .string($0) } ?? .null),
            ("factors", .array(profiles.factors.map { .string($0) })),
            ("sum_nearest_distance", .number(total.sum)),
        ]
        if ctx.arguments.flag("timing") {
            data.append(("elapsed_ms", .number(ms)))
            notes.append("the search took \(Format.fixed(ms, 1)) ms")
        }
        data.append(("enterprises", .array(names)))
        data.append(("neighbors", .array(neighbors)))
        data.append(("distances", .array(distances)))

        // For people: the most crowded and the most isolated enterprises. (With --json the
        // session shows the data instead, so the table is not built: sorting a million costs.)
        var blocks: [OutputBlock] = []
        if !ctx.arguments.flag("json") {
            let order = (0..<n).sorted { (distance($0, 0), $0) < (distance($1, 0), $1) }
            let show = n <= 12 ? Array(order) : Array(order.prefix(5)) + Array(order.suffix(5))
            var tableRows: [[String]] = []
            for i in show {
                let near = (0..<k).map { m in
                    "\(name(result.neighbor(i, m))) (\(Format.number(distance(i, m), maxDecimals: 2)))"
                }
                tableRows.append([name(i), Format.fixed(distance(i, 0), 2), near.joined(separator: ", ")])
            }
            if n > 12 { tableRows.insert(["…", "", ""], at: 5) }
            blocks.append(
                .text(
                    "\(n) enterprises over \(Format.count(profiles.factors.count, "factor"))\(industry.map { " in \($0)" } ?? ""); mean distance to the nearest competitor \(Format.fixed(total.sum / Double(n), 2)). Smallest: crowded; largest: white space."
                ))
            blocks.append(
                .table(
                    Table(
                        headers: ["enterprise", "nearest", "neighbours (distance)"], rows: tableRows,
                        alignments: [.left, .right, .left])))
        }
        return CommandOutput(blocks: blocks, data: .object(data), notes: notes)
    }
}

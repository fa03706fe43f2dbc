import ValueCore
import Workbench

/// `diff nearest`: each enterprise's nearest competitors by factor profile.
extension DiffCommands {
    static let nearest = CommandSpec(
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
                "diff nearest: needs at least 2 enterprises with factor scores\(scope), found \(n) "
                    + "(`factor set ENTERPRISE FACTOR SCORE` or `diff import FILE.csv`)")
        }
        var notes: [String] = []
        var k = ctx.arguments.int("k") ?? 3
        if k >= n {
            notes.append("only \(n) enterprises have factor scores: showing \(Format.count(n - 1, "neighbour")) each")
            k = n - 1
        }
        let clock = ContinuousClock()
        let started = clock.now
        let search: NearestSearch.Result
        do {
            search = try NearestSearch.allNearest(points: profiles.values, dimensions: profiles.factors.count, k: k)
        } catch NearestSearch.Failure.cancelled {
            throw Cancellation.interrupted
        } catch {
            throw CommandError("OutOfMemory", "diff nearest: not enough memory for \(n) enterprises")
        }
        let elapsed = clock.now - started
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let timing = ctx.arguments.flag("timing")
        if timing { notes.append("the search took \(Format.fixed(ms, 1)) ms") }
        // Read in order once: neighbours are looked up at random, and a list of names is a
        // fraction of the size of the enterprises.
        let result = NearestResult(
            names: profiles.members.map { all[$0].name }, search: search, factors: profiles.factors,
            industry: industry, scale: profiles.scale, elapsedMs: timing ? ms : nil)
        return try result.output(notes: notes, forPeople: !ctx.arguments.flag("json"))
    }
}

import ValueCore
import Workbench

/// The survey KPIs whose recorded figures keep their answer counts, so that `kpi compare KPI
/// PERIOD PERIOD` can test two periods.
enum ComparedKPI: String {
    case nps, enps, csat

    /// How many counts a record keeps: NPS and eNPS promoters, passives, detractors; CSAT
    /// satisfied, answers.
    var countsKept: Int { self == .csat ? 2 : 3 }

    /// Two records tested on their counts (each `countsKept` long).
    /// - Throws: `MetricError` when the counts cannot be tested (no answers, no spread).
    func compare(_ a: (KPIRecord, counts: [Int]), _ b: (KPIRecord, counts: [Int])) throws -> ComparisonResult {
        let sides = ComparisonResult.Sides.periods(self, a.0, b.0)
        switch self {
        case .csat:
            func csat(_ c: [Int]) throws -> CSAT { try CSAT(n: c[1], satisfied: c[0]) }
            return ComparisonResult(try CSATComparison(csat(a.counts), csat(b.counts)), sides)
        case .nps, .enps:
            func nps(_ c: [Int]) throws -> NPS { try NPS(promoters: c[0], passives: c[1], detractors: c[2]) }
            return ComparisonResult(try NPSComparison(nps(a.counts), nps(b.counts)), sides)
        }
    }
}

/// `kpi compare`'s result, between two groups of answers or two recorded periods: its table,
/// sentence and JSON all come from the one test it is made from.
struct ComparisonResult {
    /// What the two figures are: groups named as the user gave them (counts or `--by` values), or
    /// two recorded periods of a KPI.
    enum Sides {
        case groups(String, String)
        case periods(ComparedKPI, KPIRecord, KPIRecord)
    }

    /// One side's figure: shown (NPS points or percent satisfied), its 95% margin, N, and as JSON.
    typealias Figure = (value: String, moe: String, n: Int, json: JSON)

    var sides: Sides
    /// The table's name for the figure of a group: NPS or CSAT.
    var title: String
    var figures: [Figure]
    /// In points.
    var difference: Double
    var z: Double
    var p: Double
    var significant: Bool { p < 0.05 }

    init(_ c: NPSComparison, _ sides: Sides) {
        (self.sides, title, difference, z, p) = (sides, "NPS", c.difference, c.z, c.p)
        figures = [c.first, c.second].map { r in
            let moe = r.interval().moe
            let json: JSON = [
                "n": .int(r.n), "promoters": .int(r.promoters), "passives": .int(r.passives),
                "detractors": .int(r.detractors), "nps": .num(r.score), "moe95": .num(moe),
            ]
            return (Format.fixed(r.score, 1), "±" + Format.fixed(moe, 1), r.n, json)
        }
    }

    init(_ c: CSATComparison, _ sides: Sides) {
        (self.sides, title, difference, z, p) = (sides, "CSAT", c.difference, c.z, c.p)
        figures = [c.first, c.second].map { r in
            let moe = r.interval().moe
            let json: JSON = [
                "n": .int(r.n), "satisfied": .int(r.satisfied), "csat": .num(r.score), "moe95": .num(moe),
            ]
            return (Format.percent(r.score), "±" + Format.fixed(moe, 1), r.n, json)
        }
    }

    var fields: [(String, JSON)] {
        let test: [(String, JSON)] = [
            ("difference", .num(difference)), ("z", .num(z)), ("p", .num(p)), ("significant", .bool(significant)),
        ]
        switch sides {
        case .groups:
            return [("first", figures[0].json), ("second", figures[1].json)] + test
        case let .periods(kpi, a, b):
            func record(_ r: KPIRecord) -> JSON {
                ["period": .string(r.period), "value": .num(r.value), "n": .int(r.n ?? 0)]
            }
            return [("kpi", .string(kpi.rawValue)), ("first", record(a)), ("second", record(b))] + test
        }
    }

    var table: Table {
        switch sides {
        case let .groups(a, b):
            return Table(
                headers: ["", title, "95%", "N"],
                rows: zip([a, b], figures).map { [$0, $1.value, $1.moe, String($1.n)] },
                alignments: [.left, .right, .right, .right])
        case let .periods(kpi, a, b):
            return Table(
                headers: ["period", kpi.rawValue, "N"],
                rows: zip([a, b], figures).map { [$0.period, $1.value, String($1.n)] },
                alignments: [.left, .right, .right])
        }
    }

    var sentence: String {
        let what: String
        switch sides {
        case .groups: what = "difference"
        case .periods: what = "change"
        }
        let p = Format.fixed(self.p, 4)
        let verdict =
            significant
            ? "The \(what) is significant at 95% (p = \(p) < 0.05)."
            : "The \(what) is not significant at 95% (p = \(p) ≥ 0.05): it may be sampling noise."
        return "Difference \(Format.fixed(difference, 1)) points, z = \(Format.fixed(z, 2)). " + verdict
    }

    var output: CommandOutput { CommandOutput(blocks: [.table(table), .text(sentence)], data: .object(fields)) }
}

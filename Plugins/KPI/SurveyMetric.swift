import Workbench

/// The survey metrics: what each computes from a column of whole-number answers.
public enum SurveyMetric: Sendable, Equatable {
    case nps, enps
    case csat(scale: Int)
    /// Customer effort: CES 2.0 on 7 points (higher = easier) or CES 1.0 on 5 (lower = easier) by
    /// default; `lowerIsEasier` names the variant.
    case ces(scale: Int, lowerIsEasier: Bool)

    public var key: String {
        switch self {
        case .nps: return "nps"
        case .enps: return "enps"
        case .csat: return "csat"
        case .ces: return "ces"
        }
    }
    /// The KPI a result is recorded as (`--record`): a lower-is-easier CES is `ces-1`, whose
    /// direction the catalogue knows, so that its targets are judged the right way round.
    public var recordName: String {
        if case .ces(_, true) = self { return "ces-1" }
        return key
    }
    public var title: String {
        switch self {
        case .nps: return "NPS"
        case .enps: return "eNPS"
        case .csat: return "CSAT"
        case .ces: return "CES"
        }
    }
    public var range: ClosedRange<Int> {
        switch self {
        case .nps, .enps: return 0...10
        case let .csat(s), let .ces(s, _): return 1...s
        }
    }

    /// The answers that count as "easy": 5–7 on 7 points, 4–5 on 5 (1–2 when lower is easier).
    static func easyAnswers(scale: Int, lowerIsEasier: Bool) -> ClosedRange<Int> {
        lowerIsEasier ? 1...(scale == 7 ? 3 : 2) : (scale == 7 ? 5 : 4)...scale
    }

    /// The CES variant from --scale and --lower-is-easier/--higher-is-easier: by default CES 2.0
    /// on 7 points (higher is easier), CES 1.0 on 5 (lower is easier).
    static func ces(scale: Int, _ args: ParsedArguments, command: String) throws -> SurveyMetric {
        if args.flag("lower-is-easier") && args.flag("higher-is-easier") {
            throw CommandError.badValue("\(command): --lower-is-easier and --higher-is-easier contradict each other")
        }
        let lower = args.flag("lower-is-easier") || (scale == 5 && !args.flag("higher-is-easier"))
        return .ces(scale: scale, lowerIsEasier: lower)
    }

    /// The field of a result's JSON that holds the figure: the key, or `mean` for CES.
    var valueKey: String {
        if case .ces = self { return "mean" }
        return key
    }

    /// The columns of `SurveyResult.machineCells`, for CSV and TSV.
    static let machineHeaders = ["value", "moe95", "n", "promoters", "passives", "detractors", "satisfied", "sd"]

    /// The header of the table's detail column (`SurveyResult.cells`).
    var detailHeader: String {
        switch self {
        case .nps, .enps: return "P / Pa / D"
        case .csat: return "top-two"
        case .ces: return "spread"
        }
    }
}

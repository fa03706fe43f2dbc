import ValueCore
import Workbench

/// The KPI calculator: survey metrics (NPS, eNPS, CSAT, CES, engagement) from inline answers or
/// real survey exports, unit economics, environmental and social impact, and KPI tracking per
/// enterprise. The formulas are public (`NPS`, `CSAT`, `MeanScore`, `Engagement`,
/// `NPSComparison`, `UnitEconomics`, `CO2e`, `SROI`) so other plugins can call them.
public struct KPIPlugin: WorkbenchPlugin {
    public init() {}
    public let name = "kpi"
    public let abstract =
        "KPI calculator: NPS, CSAT, CES, engagement from survey exports; unit economics; CO2e; SROI; tracking"
    public var commands: [CommandSpec] {
        SurveyCommands.all + EconomicsCommands.all + TrackingCommands.all
    }
}

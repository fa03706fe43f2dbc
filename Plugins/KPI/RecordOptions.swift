import ValueCore
import Workbench

/// `--record PERIOD [--target T]`, declared once for every command whose result can be stored as
/// a KPI of the current enterprise.
enum RecordOptions {
    /// The two options; `kpi` names the KPI in the help when the command records a fixed one.
    static func specs(kpi: String? = nil) -> [OptionSpec] {
        [
            OptionSpec("record", .text, help: "record the result as \(kpi.map { "KPI '\($0)'" } ?? "a KPI") of the current enterprise for this period"),
            OptionSpec("target", .number(KPIRecord.valueRange), help: "with --record: the target value"),
        ]
    }
}

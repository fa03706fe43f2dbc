import ValueCore
import Workbench

/// `--record PERIOD [--target T]`, declared once for every command whose result can be stored as
/// a KPI of the current enterprise.
enum RecordOptions {
    /// The two options; `kpi` names the KPI in the help when the command records a fixed one.
    static func specs(kpi: String? = nil) -> [OptionSpec] {
        let what = kpi.map { "KPI '\($0)'" } ?? "a KPI"
        return [
            OptionSpec("record", .text, help: "record the result as \(what) of the current enterprise for this period"),
            OptionSpec("target", .number(KPIRecord.valueRange), help: "with --record: the target value"),
        ]
    }
}

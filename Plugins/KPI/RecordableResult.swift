import ValueCore
import Workbench

/// What a command whose result can be stored as a KPI computes (`kpi cac`, `kpi sroi`, …): one set
/// of figures gives the command's `--json` fields, what people see and the figure that
/// `--record PERIOD` stores, so that no figure is read back from the JSON.
protocol RecordableResult: Sendable {
    /// The `--json` fields, in order.
    var fields: [(String, JSON)] { get }
    /// The table people see above the sentence, when the command has one (nil by default).
    var table: Table? { get }
    /// The sentence people see.
    var sentence: String { get }
    /// The figure `--record` stores; `field` names it in the JSON (and in the error when it is not
    /// finite); `n` is the sample size it rests on, when it has one.
    var recorded: (field: String, value: Double, n: Int?) { get }
}

extension RecordableResult {
    var table: Table? { nil }
    /// What people see: the table, when there is one, then the sentence.
    var blocks: [OutputBlock] { (table.map { [.table($0)] } ?? []) + [.text(sentence)] }
}

extension EconomicsCommands {
    /// The command `name` computing a `RecordableResult`, with `--record PERIOD [--target T]`
    /// storing its figure as KPI `kpi` of the current enterprise.
    static func recording<R: RecordableResult>(
        _ name: String, kpi: String, abstract: String, discussion: String, arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = [], examples: [String],
        compute: @escaping @Sendable (CommandContext) throws -> R
    ) -> CommandSpec {
        CommandSpec(
            name, abstract: abstract, discussion: discussion, arguments: arguments,
            options: options + RecordOptions.specs(kpi: kpi), examples: examples
        ) { ctx in
            let result = try compute(ctx)
            var output = CommandOutput(blocks: result.blocks, data: .object(result.fields))
            if let period = ctx.arguments.string("record") {
                let figure = result.recorded
                guard figure.value.isFinite else {
                    throw CommandError.badValue("\(name): no \(figure.field) to record")
                }
                let stored = try TrackingCommands.record(
                    &ctx, command: name, enterprise: nil, kpi: kpi, value: figure.value, period: period,
                    target: ctx.arguments.double("target"), n: figure.n)
                output.blocks.append(.text(stored))
            } else if ctx.arguments.has("target") {
                throw CommandError.badValue("\(name): --target goes with --record PERIOD")
            }
            return output
        }
    }
}

import Workbench

/// What a `diff` analysis gives back, typed: its `--json` data and the charts, tables and
/// sentences a person reads all come from the same figures, so none is read back from another.
protocol DiffResult {
    /// The data `--json` prints, with its field names in a fixed order.
    var json: JSON { get }
    /// The charts, tables and sentences, in the order they are shown.
    var blocks: [OutputBlock] { get }
    /// Whether the blocks only confirm something (an empty result's hint): `--quiet` leaves them out.
    var isConfirmation: Bool { get }
}

extension DiffResult {
    var isConfirmation: Bool { false }

    /// The command's output: `blocks`, `json` as its data, and `notes` for stderr.
    func output(notes: [String] = []) -> CommandOutput {
        CommandOutput(blocks: blocks, data: json, notes: notes, isConfirmation: isConfirmation)
    }
}

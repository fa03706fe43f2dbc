import ValueCore
import Workbench

/// The differentiation analyzer: how an enterprise's value differs from its competitors', and
/// whether the difference lasts.
public struct DifferentiationPlugin: WorkbenchPlugin {
    public init() {}
    public let name = "diff"
    public let abstract = "strategy canvas, ERRC, VRIO, value map, utility, Kano, moat, nearest competitors"
    public var commands: [CommandSpec] { DiffCommands.all }
}

import ValueCore
import Workbench

public struct DifferentiationPlugin: WorkbenchPlugin {
    public init() {}
    public let name = "diff"
    public let abstract = "(being built)"
    public var commands: [CommandSpec] { [] }
}

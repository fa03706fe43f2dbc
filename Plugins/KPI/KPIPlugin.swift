import ValueCore
import Workbench

public struct KPIPlugin: WorkbenchPlugin {
    public init() {}
    public let name = "kpi"
    public let abstract = "(being built)"
    public var commands: [CommandSpec] { [] }
}

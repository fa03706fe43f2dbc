import ValueCore
import Workbench

public struct GuidePlugin: WorkbenchPlugin {
    public init() {}
    public let name = "guide"
    public let abstract = "(being built)"
    public var commands: [CommandSpec] { [] }
}

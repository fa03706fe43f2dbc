import ValueCore
import Workbench

/// Builds the workspace: enterprises and everything in their value models.
public struct ModelingPlugin: WorkbenchPlugin {
    public init() {}
    public let name = "model"
    public let abstract = "enterprises, resources, segments, needs, offerings, reliefs, factors, initiatives, value models"

    public var commands: [CommandSpec] {
        EnterpriseCommands.all
    }
}

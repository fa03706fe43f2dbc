import ValueCore
import Workbench

/// Builds the workspace: enterprises and everything in their value models.
///
/// One file per object family. The families come in the order their examples build the example
/// workspace (a CATL-like battery maker): each family's examples only need the ones before.
public struct ModelingPlugin: WorkbenchPlugin {
    public init() {}
    public let name = "model"
    public let abstract =
        "enterprises, resources, segments, needs, offerings, reliefs, factors, value models, initiatives"

    public var commands: [CommandSpec] {
        EnterpriseCommands.all + ResourceCommands.all + SegmentCommands.all + NeedCommands.all + OfferingCommands.all
            + ReliefCommands.all + FactorCommands.all + ModelCommands.all + InitiativeCommands.all
    }
}

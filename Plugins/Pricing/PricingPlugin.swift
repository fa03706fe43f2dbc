import ValueCore
import Workbench

/// Willingness to pay and the match of price to value: the Van Westendorp Price Sensitivity
/// Meter (with the Newton–Miller–Smith extension) and Gabor–Granger demand from survey exports,
/// a segment's willingness to pay kept in the workspace, and each offering's price judged
/// against it. The analyses are public (`PSM`, `Demand`) so other plugins can call them.
public struct PricingPlugin: WorkbenchPlugin {
    public init() {}
    public let name = "price"
    public let abstract = "willingness to pay: Van Westendorp PSM, Gabor–Granger demand, price vs value per segment"
    public var commands: [CommandSpec] {
        [PSMCommand.psm, DemandCommand.demand, RecordCommand.record, MatchCommand.match]
    }
}

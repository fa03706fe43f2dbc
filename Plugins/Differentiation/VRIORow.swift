import ValueCore
import Workbench

/// Barney's VRIO reading of one resource.
public struct VRIORow: Sendable, Equatable {
    public var resource: Resource
    public var implication: VRIOImplication
    /// The label the issue and the literature use (ValueCore's `unused` is "unexploited").
    public var label: String {
        switch implication {
        case .disadvantage: return "competitive disadvantage"
        case .parity: return "competitive parity"
        case .temporary: return "temporary advantage"
        case .unused: return "unexploited advantage"
        case .sustained: return "sustained advantage"
        }
    }
    public var reason: String {
        switch implication {
        case .disadvantage: return "not valuable"
        case .parity: return "valuable but not rare"
        case .temporary: return "valuable and rare, but easy to imitate"
        case .unused: return "valuable, rare and costly to imitate, but not organized to exploit"
        case .sustained: return "valuable, rare, costly to imitate and organized"
        }
    }
    public init(_ r: Resource) { resource = r; implication = r.vrio }
}

/// What Barney's VRIO questions imply for a resource's competitive position.
public enum VRIOImplication: String, Sendable, CaseIterable, Codable {
    /// Not valuable: a weakness competitors need not fear.
    case disadvantage = "competitive disadvantage"
    /// Valuable but common: keeps the enterprise level with others.
    case parity = "competitive parity"
    /// Valuable and rare but easy to copy: an edge until others imitate it.
    case temporary = "temporary advantage"
    /// Valuable, rare, costly to imitate, but the organization does not exploit it.
    case unused = "unused advantage"
    /// All four: an advantage that lasts.
    case sustained = "sustained advantage"
}

extension Resource {
    /// The VRIO implication: the first question answered "no" decides it.
    public var vrio: VRIOImplication {
        if !valuable { return .disadvantage }
        if !rare { return .parity }
        if !costlyToImitate { return .temporary }
        if !organized { return .unused }
        return .sustained
    }
}

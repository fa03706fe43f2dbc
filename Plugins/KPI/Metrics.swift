#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif
import Workbench

/// Why a metric cannot be computed: empty input, a zero denominator, a value off the scale.
/// The message names the value and what is accepted.
public struct MetricError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
    var commandError: CommandError { CommandError("BadValue", message) }
}

/// How a 95% confidence interval is computed. The default for each figure is the method the
/// measurement literature recommends at small samples, where the classic Wald interval collapses
/// to zero width (one promoter: 100 ± 0): for NPS the adjusted Wald interval of Rocks (2016,
/// *The American Statistician*), for a share (CSAT) the Wilson score interval. `wald` is the
/// classic interval, kept for comparison with older reports (`--ci wald`).
public enum IntervalMethod: String, Sendable, CaseIterable {
    case adjustedWald = "adjusted-wald", wilson, wald
    /// As a sentence names it.
    public var title: String {
        switch self {
        case .adjustedWald: return "adjusted-Wald"
        case .wilson: return "Wilson"
        case .wald: return "Wald"
        }
    }
}

/// A 95% confidence interval: centre ± margin, clamped to the figure's scale. The centre is the
/// estimate the method adjusts (Rocks' and Wilson's are pulled towards the middle), so the
/// interval need not be symmetric about the reported figure.
public struct Interval: Equatable, Sendable {
    public var centre: Double
    /// The margin of error: half the unclamped width.
    public var moe: Double
    public var scale: ClosedRange<Double>
    public var method: IntervalMethod
    public var low: Double { max(scale.lowerBound, centre - moe) }
    public var high: Double { min(scale.upperBound, centre + moe) }
}

/// z for a two-sided 95% interval, as the published formulas round it.
let z95 = 1.96

import ValueCore
import Workbench

/// The KPIs the workbench knows by name (others are accepted, folded to lower case), with the
/// direction that counts as better. The Guide reads these names.
public enum KPICatalog {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var title: String
        public var unit: String
        public var higherIsBetter: Bool
    }
    /// The known KPIs in words, for help: "nps (Net Promoter Score), …, cac (…, lower is better)".
    static var described: String {
        entries.map { "\($0.name) (\($0.title)\($0.higherIsBetter ? "" : ", lower is better"))" }
            .joined(separator: ", ")
    }

    public static let entries: [Entry] = [
        Entry(name: "nps", title: "Net Promoter Score", unit: "points", higherIsBetter: true),
        Entry(name: "enps", title: "employee NPS", unit: "points", higherIsBetter: true),
        Entry(name: "csat", title: "customer satisfaction", unit: "%", higherIsBetter: true),
        Entry(name: "ces", title: "customer effort score (CES 2.0, 1–7)", unit: "", higherIsBetter: true),
        Entry(
            name: "ces-1", title: "customer effort score (CES 1.0, 1–5, lower is easier)", unit: "",
            higherIsBetter: false),
        Entry(name: "engagement", title: "employee engagement", unit: "", higherIsBetter: true),
        Entry(name: "retention", title: "customer retention", unit: "%", higherIsBetter: true),
        Entry(name: "churn", title: "customer churn", unit: "%", higherIsBetter: false),
        Entry(name: "repurchase", title: "repurchase rate", unit: "%", higherIsBetter: true),
        Entry(name: "nrr", title: "net revenue retention", unit: "%", higherIsBetter: true),
        Entry(name: "cac", title: "customer acquisition cost", unit: "", higherIsBetter: false),
        Entry(name: "ltv", title: "customer lifetime value", unit: "", higherIsBetter: true),
        Entry(name: "ltv-cac", title: "LTV/CAC ratio", unit: "×", higherIsBetter: true),
        Entry(name: "margin", title: "gross margin", unit: "%", higherIsBetter: true),
        Entry(name: "co2e", title: "emissions", unit: "tCO2e", higherIsBetter: false),
        Entry(name: "sroi", title: "social return on investment", unit: "×", higherIsBetter: true),
    ]
    public static func entry(_ name: String) -> Entry? { entries.first { $0.name == name } }
    public static func higherIsBetter(_ name: String) -> Bool { entry(name)?.higherIsBetter ?? true }

    /// A KPI's figure in the one voice of its kind, wherever it is shown (tracking, the guide):
    /// a score (NPS, eNPS) with 1 decimal, a percentage (CSAT, retention, churn, repurchase,
    /// margin) with 1 decimal and %, money (CAC, LTV) and ratios (LTV/CAC, SROI) with 2; other
    /// figures as short as they can be said. JSON keeps full precision.
    public static func figure(_ v: Double, kpi: String) -> String {
        let name = Name.fold(kpi)
        switch name {
        case "nps", "enps": return Format.fixed(v, 1)
        case "cac", "ltv", "ltv-cac", "sroi": return Format.fixed(v, 2)
        default:
            if entry(name)?.unit == "%" { return Format.percent(v) }
            return Format.number(v, maxDecimals: abs(v) >= 10 ? 2 : 3)
        }
    }

    /// The one rule every view (dashboard, trend, guide) uses for a KPI's direction: the
    /// catalogue's for the KPIs it knows, else what the KPI was first recorded with
    /// (`--lower-is-better`), else higher is better.
    public static func lowerIsBetter(_ kpi: String, in e: Enterprise) -> Bool {
        if let known = entry(Name.fold(kpi)) { return !known.higherIsBetter }
        return e.kpis.contains { Name.same($0.kpi, kpi) && $0.lowerIsBetter == true }
    }

    /// Whether a figure meets its target, in the KPI's direction.
    public static func meets(_ value: Double, _ target: Double, lowerIsBetter: Bool) -> Bool {
        lowerIsBetter ? value <= target : value >= target
    }

    /// The canonical name: lower case, letters, digits and dashes.
    public static func canonical(_ raw: String) throws -> String {
        let name = Name.fold(raw.trimmingSpaces)
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first),
            name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        else {
            throw CommandError.badValue(
                """
                '\(raw)' is not a KPI name: a lower-case word of letters, digits and dashes, such as \
                \(entries.prefix(6).map(\.name).joined(separator: ", "))
                """
            )
        }
        return name
    }
}

import ValueCore
import Workbench
import KPI

/// The command lines the guide suggests, in one place: each is a real command of this workbench
/// (GuideTests parses every line the guide can suggest against the full registry). Names from the
/// workspace are quoted so the line runs as shown; words in capitals are for the user to fill in.
enum Supply {
    static func q(_ name: String) -> String { Tokenizer.quote(name) }

    // Step 1: audience and needs.
    static func segmentAdd() -> String { "segment add SEGMENT --size 1000" }
    static func needAdd(segment: String?) -> String {
        "need add NEED --segment \(segment.map(q) ?? "SEGMENT") --type pain --importance 5"
    }
    static func needList() -> String { "need list" }

    // Step 2: value proposition, uniqueness.
    static func offeringAdd() -> String { "offering add OFFERING --carrier product --price 100 --cost 60" }
    static func reliefAdd(offering: String?, need: String) -> String {
        "relief set \(offering.map(q) ?? "OFFERING") \(q(need)) --functional 8 --emotional 5"
    }
    static func competitorSet(_ enterprise: String) -> String {
        "enterprise set \(q(enterprise)) --competitor COMPETITOR"
    }
    static func competitorAdd(name: String?, industry: String?) -> String {
        "enterprise add \(name.map(q) ?? "COMPETITOR") --industry \(industry.map(q) ?? "INDUSTRY")"
    }
    static func factorSet(_ enterprise: String, factor: String?) -> String {
        "factor set \(q(enterprise)) \(factor.map(q) ?? "FACTOR") 7"
    }
    static func canvas() -> String { "diff canvas" }
    static func priceLevel(_ enterprise: String) -> String { "enterprise set \(q(enterprise)) --price 100" }
    static func valueMap(_ enterprise: String, competitors: [String]) -> String {
        (["diff valuemap", q(enterprise)] + competitors.map(q)).joined(separator: " ")
    }

    // Step 2: willingness to pay, from the Pricing plugin (`Plugins/Pricing`).
    static func pricePSM(segment: String?) -> String {
        """
        price psm SURVEY.csv --too-cheap COL --cheap COL --expensive COL --too-expensive COL --record \
        \(segment.map(q) ?? "SEGMENT")
        """
    }
    static func priceRecord(segment: String?) -> String {
        "price record \(segment.map(q) ?? "SEGMENT") --low 80 --high 120 --opp 95"
    }
    static func priceMatch(_ enterprise: String) -> String { "price match \(q(enterprise))" }
    static func utility(_ enterprise: String) -> String { "diff utility \(q(enterprise))" }

    // Step 3: strategy elements and the value model.
    static func initiativeAdd(_ element: Initiative.Element) -> String {
        "initiative add INITIATIVE --element \(element.rawValue)"
    }
    static func resourceAdd() -> String { "resource add RESOURCE --kind technology --strength 8" }
    static func resourceStrength(_ resource: String) -> String { "resource set \(q(resource)) --strength 7" }
    static func modelAdd() -> String { "model add MODEL --proposition PROPOSITION" }
    static func nodeAdd(model: String?, stage: ValueModel.Stage, name: String? = nil) -> String {
        "model node add \(model.map(q) ?? "MODEL") \(name.map(q) ?? "NODE") --stage \(stage.rawValue)"
    }
    static func edgeAdd(model: String?, from: String?, to: String?) -> String {
        "model edge add \(model.map(q) ?? "MODEL") \(from.map(q) ?? "FROM") \(to.map(q) ?? "TO")"
    }
    static func modelCheck(model: String?) -> String { "model check \(model.map(q) ?? "MODEL")" }

    // Step 4 and 5: KPIs.
    static func kpiRecord(
        _ enterprise: String, kpi: String?, value: Double? = nil, period: String? = nil,
        target: Double? = nil
    ) -> String {
        // Figures as the KPI's one voice shows them (8.9, not 8.928883), without the % sign.
        func typed(_ v: Double) -> String {
            let shown = KPICatalog.figure(v, kpi: kpi ?? "nps")
            return shown.hasSuffix("%") ? String(shown.dropLast()) : shown
        }
        var s = "kpi record \(q(enterprise)) \(kpi.map(q) ?? "nps") \(value.map(typed) ?? "40")"
        s += " --period \(period.map(q) ?? "2025")"
        s += " --target \(target.map(typed) ?? "50")"
        return s
    }
    static func kpiNPS() -> String { "kpi nps --promoters 50 --passives 30 --detractors 20" }
    static func kpiTrend(_ kpi: String) -> String { "kpi trend \(q(kpi))" }
    static func kpiDashboard(_ enterprise: String) -> String { "kpi dashboard \(q(enterprise))" }

    // The guide itself.
    static func guideCheck() -> String { "guide check" }
    static func guideNext() -> String { "guide next" }
    static func guideReport() -> String { "guide report" }
}

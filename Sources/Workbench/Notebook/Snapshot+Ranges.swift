import ValueCore

/// The ranges a snapshot's numbers must keep.
///
/// The checksum only says that a snapshot is as it was written, not that a person (or another
/// program) wrote numbers the commands accept: a factor score of 50 or a negative price would be
/// loaded as they are and every analysis computed with them. `restore` refuses such a snapshot
/// like a damaged one, and `open` replays the cells instead.
extension Snapshot {
    /// A number that the commands accept only within `range`, which the ValueCore type that
    /// holds it declares (`Resource.strengthRange`); the commands' options use the same ranges.
    public struct Rule: Sendable {
        /// The enterprise's list that holds the value (`resources`, `factors`, …); nil: a field
        /// of the enterprise itself.
        public var list: String?
        /// The object field of each item that holds the value (`willingnessToPay` of a
        /// segment); nil: a field of the item itself.
        public var within: String? = nil
        /// The field, as the snapshot writes it.
        public var key: String
        public var range: ClosedRange<Double>

        init(list: String?, within: String? = nil, key: String, range: ClosedRange<Double>) {
            self.list = list; self.within = within; self.key = key; self.range = range
        }
        init(list: String?, within: String? = nil, key: String, range: ClosedRange<Int>) {
            self.init(
                list: list, within: within, key: key,
                range: Double(range.lowerBound)...Double(range.upperBound))
        }
    }

    /// Every ranged number of the workspace, with the range its type declares.
    public static let rules: [Rule] = [
        Rule(list: nil, key: "price", range: Enterprise.priceRange),
        Rule(list: nil, key: "guideStep", range: Enterprise.guideStepRange),
        Rule(list: "resources", key: "strength", range: Resource.strengthRange),
        Rule(list: "segments", key: "size", range: Segment.sizeRange),
        Rule(list: "segments", within: "willingnessToPay", key: "low", range: WillingnessToPay.priceRange),
        Rule(list: "segments", within: "willingnessToPay", key: "high", range: WillingnessToPay.priceRange),
        Rule(list: "segments", within: "willingnessToPay", key: "opp", range: WillingnessToPay.priceRange),
        Rule(list: "segments", within: "willingnessToPay", key: "idp", range: WillingnessToPay.priceRange),
        Rule(
            list: "segments", within: "willingnessToPay", key: "respondents",
            range: WillingnessToPay.respondentsRange),
        Rule(list: "needs", key: "importance", range: Need.importanceRange),
        Rule(list: "offerings", key: "price", range: Offering.moneyRange),
        Rule(list: "offerings", key: "unitCost", range: Offering.moneyRange),
        Rule(list: "reliefs", key: "functional", range: Relief.utilityRange),
        Rule(list: "reliefs", key: "emotional", range: Relief.utilityRange),
        Rule(list: "factors", key: "score", range: FactorScore.scoreRange),
        Rule(list: "factors", key: "importance", range: FactorScore.importanceRange),
        Rule(list: "kpis", key: "value", range: KPIRecord.valueRange),
        Rule(list: "kpis", key: "target", range: KPIRecord.valueRange),
        Rule(list: "kpis", key: "n", range: KPIRecord.sampleSizeRange),
    ]

    // Short lists compared with `==`, not dictionaries: small strings compare by their bits,
    // and a 200,000-enterprise snapshot has millions of fields to look at.
    private static let enterpriseRules = rules.filter { $0.list == nil }
    private struct ListRules { var list: String; var rules: [Rule] }
    private static let listRules: [ListRules] = {
        var out: [ListRules] = []
        for r in rules {
            guard let list = r.list else { continue }
            if let i = out.firstIndex(where: { $0.list == list }) {
                out[i].rules.append(r)
            } else {
                out.append(ListRules(list: list, rules: [r]))
            }
        }
        return out
    }()

    /// What the first number outside its rule's range is, and where; nil when all are inside.
    /// Values of the wrong type are left to the decoder, which names them.
    /// - Complexity: O(size of the tree); each object's fields are read once.
    public static func outOfRange(_ tree: JSON) -> String? {
        guard case let .array(enterprises)? = tree["enterprises"] else { return nil }
        for enterprise in enterprises {
            guard case let .object(fields) = enterprise else { continue }
            for (key, value) in fields {
                if case let .array(items) = value {
                    var found: [Rule]?
                    for l in listRules where l.list == key { found = l.rules }
                    guard let rules = found else { continue }
                    for item in items {
                        guard case let .object(pairs) = item else { continue }
                        for (field, v) in pairs {
                            if case let .object(inner) = v {
                                if let bad = nested(field, inner, rules) {
                                    return "enterprise '\(name(of: enterprise))', \(describe(item, in: key)): \(bad)"
                                }
                                continue
                            }
                            for rule in rules where rule.key == field && rule.within == nil {
                                if let bad = violation(v, rule) {
                                    return
                                        """
                                        enterprise '\(name(of: enterprise))', \(describe(item, in: key)): \
                                        \(field) \(bad)
                                        """
                                }
                            }
                        }
                    }
                } else {
                    for rule in enterpriseRules where rule.key == key {
                        if let bad = violation(value, rule) {
                            return "enterprise '\(name(of: enterprise))': \(key) \(bad)"
                        }
                    }
                }
            }
        }
        return nil
    }

    /// The first number of an item's object field `field` outside its rule, or a range whose
    /// low end is above its high end (a willingness to pay).
    private static func nested(_ field: String, _ pairs: [(String, JSON)], _ rules: [Rule]) -> String? {
        var low: Double?, high: Double?
        for (key, v) in pairs {
            for rule in rules where rule.within == field && rule.key == key {
                if let bad = violation(v, rule) { return "\(field).\(key) \(bad)" }
            }
            if key == "low" { low = v.doubleValue } else if key == "high" { high = v.doubleValue }
        }
        if let low, let high, low > high {
            return "\(field): low \(Format.number(low)) is above high \(Format.number(high))"
        }
        return nil
    }

    /// "is outside 0–10" when `value` is a number outside the rule's range (or not finite).
    private static func violation(_ value: JSON, _ rule: Rule) -> String? {
        guard let d = value.doubleValue, !rule.range.contains(d) else { return nil }
        return
            """
            \(Format.number(d)) is outside \
            \(Format.number(rule.range.lowerBound))–\(Format.number(rule.range.upperBound))
            """
    }

    private static func name(of object: JSON) -> String {
        Renderer.visible(object["name"]?.stringValue ?? "?")
    }

    /// `factor 'Range'`, `relief 'Blade pack' × 'range anxiety'`, `KPI nps for 2026-Q1`.
    private static func describe(_ item: JSON, in list: String) -> String {
        func text(_ key: String) -> String { Renderer.visible(item[key]?.stringValue ?? "?") }
        switch list {
        case "factors": return "factor '\(text("factor"))'"
        case "reliefs": return "relief '\(text("offering"))' × '\(text("need"))'"
        case "kpis": return "KPI \(text("kpi")) for \(text("period"))"
        case "resources": return "resource '\(text("name"))'"
        case "segments": return "segment '\(text("name"))'"
        case "needs": return "need '\(text("name"))'"
        case "offerings": return "offering '\(text("name"))'"
        default: return "\(list) '\(text("name"))'"
        }
    }
}

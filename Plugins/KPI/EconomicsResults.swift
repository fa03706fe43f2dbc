import ValueCore
import Workbench

/// `kpi retention`: the customers kept over a period.
struct RetentionResult: RecordableResult {
    var start: Double, end: Double, new: Double
    var retention: Double, churn: Double
    /// - Throws: `MetricError` for counts `UnitEconomics.retention` cannot take.
    init(start: Double, end: Double, new: Double) throws {
        (self.start, self.end, self.new) = (start, end, new)
        (retention, churn) = try UnitEconomics.retention(start: start, end: end, new: new)
    }
    var kept: Double { end - new }
    var fields: [(String, JSON)] { [("retention", .num(retention)), ("churn", .num(churn)), ("kept", .num(kept))] }
    var sentence: String {
        "Retention \(Format.percent(retention)), churn \(Format.percent(churn)): "
            + "\(Format.number(kept)) of \(Format.number(start)) customers kept."
    }
    var recorded: (field: String, value: Double, n: Int?) { ("retention", retention, nil) }
}

/// `kpi repurchase`: the share of customers who bought again.
struct RepurchaseResult: RecordableResult {
    var returning: Double, customers: Double, rate: Double
    /// - Throws: `MetricError` for counts `UnitEconomics.repurchase` cannot take.
    init(repeat returning: Double, customers: Double) throws {
        (self.returning, self.customers) = (returning, customers)
        rate = try UnitEconomics.repurchase(repeat: returning, customers: customers)
    }
    var fields: [(String, JSON)] { [("repurchase", .num(rate))] }
    var sentence: String {
        "Repurchase rate \(Format.percent(rate)): \(Format.number(returning)) of "
            + "\(Format.number(customers)) customers bought again."
    }
    var recorded: (field: String, value: Double, n: Int?) { ("repurchase", rate, nil) }
}

/// `kpi nrr`: the recurring revenue kept from a period's starting customers, with and without
/// their expansion.
struct RevenueRetentionResult: RecordableResult {
    var net: Double, gross: Double
    /// - Throws: `MetricError` for figures `UnitEconomics.revenueRetention` cannot take.
    init(start: Double, expansion: Double, contraction: Double, churned: Double) throws {
        (net, gross) = try UnitEconomics.revenueRetention(
            start: start, expansion: expansion, contraction: contraction, churned: churned)
    }
    var fields: [(String, JSON)] { [("nrr", .num(net)), ("grr", .num(gross))] }
    var sentence: String {
        "Net revenue retention \(Format.percent(net)), gross \(Format.percent(gross)): "
            + (net > 100
                ? "their expansion outweighs what was lost."
                : net == 100 ? "as much revenue as at the start." : "less revenue than at the start.")
    }
    var recorded: (field: String, value: Double, n: Int?) { ("nrr", net, nil) }
}

/// `kpi cac`: the acquisition cost per new customer.
struct CACResult: RecordableResult {
    var spend: Double, newCustomers: Double, cac: Double
    /// - Throws: `MetricError` for figures `UnitEconomics.cac` cannot take.
    init(spend: Double, newCustomers: Double) throws {
        (self.spend, self.newCustomers) = (spend, newCustomers)
        cac = try UnitEconomics.cac(spend: spend, newCustomers: newCustomers)
    }
    var fields: [(String, JSON)] { [("cac", .num(cac))] }
    var sentence: String {
        "CAC \(Format.fixed(cac, 2)) per new customer (\(Format.number(spend)) / "
            + "\(Format.number(newCustomers)))."
    }
    var recorded: (field: String, value: Double, n: Int?) { ("cac", cac, nil) }
}

/// `kpi ltv`: a customer's lifetime value and expected lifetime.
struct LTVResult: RecordableResult {
    var ltv: Double
    /// Periods: 100 / churn percent.
    var lifetime: Double
    /// - Throws: `MetricError` for figures `UnitEconomics.ltv` cannot take.
    init(arpa: Double, marginPercent: Double, churnPercent: Double) throws {
        ltv = try UnitEconomics.ltv(arpa: arpa, marginPercent: marginPercent, churnPercent: churnPercent)
        lifetime = 100 / churnPercent
    }
    var fields: [(String, JSON)] { [("ltv", .num(ltv)), ("lifetime", .num(lifetime))] }
    var sentence: String { "LTV \(Format.fixed(ltv, 2)) (expected lifetime \(Format.fixed(lifetime, 1)) periods)." }
    var recorded: (field: String, value: Double, n: Int?) { ("ltv", ltv, nil) }
}

/// `kpi ltv-cac`: the LTV/CAC ratio, and the CAC payback when ARPA and margin are known.
struct LTVCACResult: RecordableResult {
    var ltv: Double, cac: Double
    /// Periods of gross profit that earn back the CAC.
    var payback: Double?
    var ratio: Double { ltv / cac }
    var fields: [(String, JSON)] {
        [("ltv", .num(ltv)), ("cac", .num(cac)), ("ratio", .num(ratio)), ("payback", .num(payback))]
    }
    var sentence: String {
        var text = "LTV/CAC \(Format.fixed(ratio, 2)) (LTV \(Format.fixed(ltv, 2)), CAC \(Format.fixed(cac, 2)))"
        if let payback { text += "; CAC paid back in \(Format.fixed(payback, 1)) months (periods)" }
        return text + (ratio >= 3 ? "." : "; below the usual 3:1.")
    }
    var recorded: (field: String, value: Double, n: Int?) { ("ratio", ratio, nil) }
}

/// `kpi margin`: gross margin and gross profit.
struct MarginResult: RecordableResult {
    var revenue: Double, cost: Double, margin: Double
    /// - Throws: `MetricError` for figures `UnitEconomics.margin` cannot take.
    init(revenue: Double, cost: Double) throws {
        (self.revenue, self.cost) = (revenue, cost)
        margin = try UnitEconomics.margin(revenue: revenue, cost: cost)
    }
    var profit: Double { revenue - cost }
    var fields: [(String, JSON)] { [("margin", .num(margin)), ("profit", .num(profit))] }
    var sentence: String {
        "Gross margin \(Format.percent(margin)) (gross profit \(Format.number(profit, maxDecimals: 2)) on "
            + "\(Format.number(revenue, maxDecimals: 2)))."
    }
    var recorded: (field: String, value: Double, n: Int?) { ("margin", margin, nil) }
}

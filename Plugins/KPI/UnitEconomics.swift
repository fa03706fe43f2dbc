import Workbench

/// Unit economics: retention and churn, repurchase, CAC, LTV, payback and margin; each formula
/// throws a `MetricError` for inputs it cannot take.
public enum UnitEconomics {
    /// Customer retention over a period: (end − new)/start; churn = 1 − retention.
    public static func retention(start: Double, end: Double, new: Double) throws -> (retention: Double, churn: Double) {
        guard start > 0 else {
            throw MetricError("customers at the start must be more than 0 (got \(Format.number(start)))")
        }
        guard end >= 0, new >= 0 else { throw MetricError("customer counts cannot be negative") }
        let kept = end - new
        guard kept >= 0 else {
            throw MetricError(
                """
                new customers (\(Format.number(new))) exceed customers at the end (\(Format.number(end))): \
                kept customers would be negative
                """
            )
        }
        guard kept <= start else {
            throw MetricError(
                """
                kept customers (end − new = \(Format.number(kept))) exceed customers at the start \
                (\(Format.number(start)))
                """
            )
        }
        let r = 100 * kept / start
        return (r, 100 - r)
    }

    /// Repurchase rate: customers who bought again / customers, in percent.
    public static func repurchase(repeat returning: Double, customers: Double) throws -> Double {
        guard customers > 0 else {
            throw MetricError("customers must be more than 0 (got \(Format.number(customers)))")
        }
        guard returning >= 0, returning <= customers else {
            throw MetricError(
                """
                repeat customers (\(Format.number(returning))) must be from 0 to customers \
                (\(Format.number(customers)))
                """
            )
        }
        return 100 * returning / customers
    }

    /// Customer acquisition cost: sales and marketing spend / new customers.
    public static func cac(spend: Double, newCustomers: Double) throws -> Double {
        guard newCustomers > 0 else {
            throw MetricError(
                "new customers must be more than 0 (got \(Format.number(newCustomers))): CAC divides by them")
        }
        guard spend >= 0 else { throw MetricError("spend cannot be negative (got \(Format.number(spend)))") }
        return spend / newCustomers
    }

    /// Lifetime value: ARPA × gross margin / churn, all per the same period (margin and churn in %).
    public static func ltv(arpa: Double, marginPercent: Double, churnPercent: Double) throws -> Double {
        guard churnPercent > 0, churnPercent <= 100 else {
            throw MetricError(
                """
                churn must be more than 0% and at most 100% per period (got \
                \(Format.number(churnPercent))%): LTV divides by it
                """
            )
        }
        guard (0...100).contains(marginPercent) else {
            throw MetricError("gross margin must be from 0 to 100% (got \(Format.number(marginPercent))%)")
        }
        guard arpa >= 0 else { throw MetricError("ARPA cannot be negative (got \(Format.number(arpa)))") }
        return arpa * (marginPercent / 100) / (churnPercent / 100)
    }

    /// Net and gross revenue retention over a period, in percent, from the recurring revenue of
    /// the customers there at its start: NRR = (start + expansion − contraction − churned) / start;
    /// GRR = (start − contraction − churned) / start (expansion left out, so at most 100%).
    public static func revenueRetention(
        start: Double, expansion: Double, contraction: Double, churned: Double
    ) throws -> (net: Double, gross: Double) {
        guard start > 0 else {
            throw MetricError("recurring revenue at the start must be more than 0 (got \(Format.number(start)))")
        }
        guard expansion >= 0, contraction >= 0, churned >= 0 else {
            throw MetricError("expansion, contraction and churned revenue cannot be negative")
        }
        let lost = contraction + churned
        guard lost <= start else {
            throw MetricError(
                """
                contraction + churned (\(Format.number(lost))) exceed the revenue at the start \
                (\(Format.number(start))): a customer cannot lose more than it paid
                """
            )
        }
        return (100 * (start + expansion - lost) / start, 100 * (start - lost) / start)
    }

    /// Months (periods) of gross profit to earn back the acquisition cost: CAC / (ARPA × margin).
    public static func payback(cac: Double, arpa: Double, marginPercent: Double) throws -> Double {
        let profit = arpa * marginPercent / 100
        guard profit > 0 else { throw MetricError("ARPA × gross margin must be more than 0 to earn back the CAC") }
        return cac / profit
    }

    /// Gross margin in percent: (revenue − cost of sales)/revenue.
    public static func margin(revenue: Double, cost: Double) throws -> Double {
        guard revenue > 0 else {
            throw MetricError("revenue must be more than 0 (got \(Format.number(revenue))): margin divides by it")
        }
        guard cost >= 0 else { throw MetricError("cost cannot be negative (got \(Format.number(cost)))") }
        return 100 * (revenue - cost) / revenue
    }
}

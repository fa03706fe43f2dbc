import ValueCore
import Workbench

/// Unit economics, CO2e and SROI: each command computes a `RecordableResult` (EconomicsResults.swift,
/// CO2eResult.swift, SROI+Result.swift) and takes `--record PERIOD` through `recording(…)`.
enum EconomicsCommands {
    static var all: [CommandSpec] {
        [retention, repurchase, nrr, cac, ltv, ltvCac, margin, co2e, sroi, SurveyCommands.engagement]
    }

    /// A figure a command takes in either form, by position (`kpi cac 50000 125`) or by name
    /// (`kpi cac --spend 50000 --new 125`): one form for every unit-economics command.
    struct Figure {
        var name: String
        var kind: ValueKind
        var help: String
    }

    /// The optional positional arguments and the options of the same names.
    static func either(_ figures: [Figure]) -> (arguments: [ArgumentSpec], options: [OptionSpec]) {
        (
            figures.map { ArgumentSpec($0.name, $0.kind, help: $0.help, optional: true) },
            figures.map { OptionSpec($0.name, $0.kind, help: $0.help) }
        )
    }

    /// Each figure, given once in either form; else one error line with both forms.
    static func values(_ ctx: CommandContext, _ figures: [Figure], command: String, example: String) throws -> [Double]
    {
        let a = ctx.arguments
        let forms =
            "\(figures.map { $0.name.uppercased() }.joined(separator: " ")) in order, or "
            + "\(figures.map { "--\($0.name) \($0.name.uppercased())" }.joined(separator: " ")) (e.g. `\(example)`)"
        for f in figures where a.hasOption(f.name) && a.hasPositional(f.name) {
            throw CommandError.badValue(
                "\(command): \(f.name.uppercased()) is given twice, by position and as --\(f.name); give \(forms)")
        }
        let given = figures.map { a.double($0.name) }
        let missing = zip(figures, given).filter { $1 == nil }.map { $0.0.name.uppercased() }
        guard missing.isEmpty else {
            throw CommandError(
                "MissingArgument", "\(command): missing \(missing.joined(separator: ", ")); give \(forms)")
        }
        return given.compactMap { $0 }
    }

    static let count = ValueKind.number(0...1e12)
    static let money = ValueKind.number(0...1e12)
    static let percent = ValueKind.percent

    static func metric<T>(_ command: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as MetricError {
            throw CommandError.badValue("kpi \(command): \(e.message)")
        }
    }

    static let retentionFigures = [
        Figure(name: "start", kind: count, help: "customers at the start of the period"),
        Figure(name: "end", kind: count, help: "customers at the end of the period"),
        Figure(name: "new", kind: count, help: "new customers won during the period"),
    ]

    static let retention = recording(
        "kpi retention", kpi: "retention", abstract: "customer retention and churn over a period",
        discussion: """
            Retention = (customers at the end − new customers won in the period) / customers at the start; churn = \
            100% − retention. --json: retention, churn (percent), kept.
            """,
        arguments: either(retentionFigures).arguments, options: either(retentionFigures).options,
        examples: ["kpi retention 1000 1040 120", "kpi retention --start 1000 --end 1040 --new 120"]
    ) { ctx in
        let v = try values(ctx, retentionFigures, command: "kpi retention", example: "kpi retention 1000 1040 120")
        return try metric("retention") { try RetentionResult(start: v[0], end: v[1], new: v[2]) }
    }

    static let repurchaseFigures = [
        Figure(name: "repeat", kind: count, help: "customers who bought again"),
        Figure(name: "customers", kind: count, help: "customers who bought"),
    ]

    static let repurchase = recording(
        "kpi repurchase", kpi: "repurchase", abstract: "repurchase rate: customers who bought again / customers",
        discussion: """
            Repurchase rate = customers with a repeat purchase in the period / customers who bought in the period. \
            --json: repurchase (percent).
            """,
        arguments: either(repurchaseFigures).arguments, options: either(repurchaseFigures).options,
        examples: ["kpi repurchase 340 1000", "kpi repurchase --repeat 340 --customers 1000"]
    ) { ctx in
        let v = try values(ctx, repurchaseFigures, command: "kpi repurchase", example: "kpi repurchase 340 1000")
        return try metric("repurchase") { try RepurchaseResult(repeat: v[0], customers: v[1]) }
    }

    static let nrrFigures = [
        Figure(name: "start", kind: money, help: "recurring revenue at the start of the period"),
        Figure(name: "expansion", kind: money, help: "added by those customers: upgrades, seats, cross-sells"),
        Figure(name: "contraction", kind: money, help: "lost by those customers to downgrades"),
        Figure(name: "churned", kind: money, help: "lost with the customers who left"),
    ]

    static let nrr = recording(
        "kpi nrr", kpi: "nrr", abstract: "net and gross revenue retention of the customers at a period's start",
        discussion: """
            Of the recurring revenue (MRR or ARR) of the customers there at the start of the period: \
            NRR = (start + expansion − contraction − churned) / start; GRR = (start − contraction − \
            churned) / start. New customers' revenue is left out. NRR above 100% means the customers \
            kept grow faster than others leave. --json: nrr, grr (percent).
            """,
        arguments: either(nrrFigures).arguments, options: either(nrrFigures).options,
        examples: [
            "kpi nrr 100000 15000 3000 7000",
            "kpi nrr --start 100000 --expansion 15000 --contraction 3000 --churned 7000",
        ]
    ) { ctx in
        let v = try values(ctx, nrrFigures, command: "kpi nrr", example: "kpi nrr 100000 15000 3000 7000")
        return try metric("nrr") {
            try RevenueRetentionResult(start: v[0], expansion: v[1], contraction: v[2], churned: v[3])
        }
    }

    static let cacFigures = [
        Figure(name: "spend", kind: money, help: "sales and marketing spend"),
        Figure(name: "new", kind: count, help: "new customers won"),
    ]

    static let cac = recording(
        "kpi cac", kpi: "cac", abstract: "customer acquisition cost: sales and marketing spend / new customers",
        discussion: "CAC = sales and marketing spend in a period / new customers won in it. --json: cac.",
        arguments: either(cacFigures).arguments, options: either(cacFigures).options,
        examples: ["kpi cac 50000 125", "kpi cac --spend 50000 --new 125"]
    ) { ctx in
        let v = try values(ctx, cacFigures, command: "kpi cac", example: "kpi cac 50000 125")
        return try metric("cac") { try CACResult(spend: v[0], newCustomers: v[1]) }
    }

    static let ltvFigures = [
        Figure(name: "arpa", kind: money, help: "average revenue per account per period"),
        Figure(name: "margin", kind: percent, help: "gross margin, percent"),
        Figure(name: "churn", kind: percent, help: "churn per period, percent (same period as ARPA)"),
    ]

    static let ltv = recording(
        "kpi ltv", kpi: "ltv", abstract: "customer lifetime value: ARPA × gross margin / churn",
        discussion: """
            LTV = ARPA × gross margin / churn, with ARPA and churn per the same period (a month or a year). Margin \
            and churn are percentages (30 or 30%; 0.5% for half a percent). ARPA, margin and churn are given by \
            position or as options. --json: ltv, lifetime (periods).
            """,
        arguments: either(ltvFigures).arguments, options: either(ltvFigures).options,
        examples: ["kpi ltv --arpa 100 --margin 70 --churn 2", "kpi ltv 100 70% 2%"]
    ) { ctx in
        let f = try values(ctx, ltvFigures, command: "kpi ltv", example: "kpi ltv 100 70% 2%")
        return try metric("ltv") { try LTVResult(arpa: f[0], marginPercent: f[1], churnPercent: f[2]) }
    }

    static let ltvCac = recording(
        "kpi ltv-cac", kpi: "ltv-cac", abstract: "LTV/CAC ratio and CAC payback in months (periods)",
        discussion: """
            LTV/CAC with LTV = ARPA × margin / churn (or --ltv); payback = CAC / (ARPA × margin), in the period of \
            ARPA (months when ARPA is monthly). A ratio of 3 or more is the usual rule of thumb for healthy \
            acquisition. --json: ltv, cac, ratio, payback.
            """,
        options: either(ltvFigures).options + [
            OptionSpec("ltv", money, help: "a lifetime value, instead of --arpa/--margin/--churn"),
            OptionSpec("cac", money, help: "customer acquisition cost"),
        ],
        examples: ["kpi ltv-cac --arpa 100 --margin 70 --churn 2 --cac 1200"]
    ) { ctx in
        let a = ctx.arguments
        guard let cac = a.double("cac") else {
            throw CommandError("MissingValue", "kpi ltv-cac: needs --cac (customer acquisition cost)")
        }
        guard cac > 0 else {
            throw CommandError.badValue("kpi ltv-cac: --cac must be more than 0 (the ratio divides by it)")
        }
        let ltv: Double
        if let given = a.double("ltv") {
            ltv = given
        } else {
            guard let arpa = a.double("arpa"), let m = a.double("margin"), let c = a.double("churn") else {
                throw CommandError(
                    "MissingValue",
                    "kpi ltv-cac: needs --arpa A --margin PERCENT --churn PERCENT (per the same period)")
            }
            ltv = try metric("ltv-cac") { try UnitEconomics.ltv(arpa: arpa, marginPercent: m, churnPercent: c) }
        }
        var payback: Double?
        if let arpa = a.double("arpa"), let m = a.double("margin") {
            payback = try metric("ltv-cac") { try UnitEconomics.payback(cac: cac, arpa: arpa, marginPercent: m) }
        }
        return LTVCACResult(ltv: ltv, cac: cac, payback: payback)
    }

    static let marginFigures = [
        Figure(name: "revenue", kind: money, help: "revenue (or a unit price)"),
        Figure(name: "cost", kind: money, help: "cost of sales (or a unit cost)"),
    ]

    static let margin = recording(
        "kpi margin", kpi: "margin", abstract: "gross margin: (revenue − cost of sales) / revenue",
        discussion: """
            Gross margin = (revenue − cost of sales) / revenue, in percent; also per unit with a price and a unit \
            cost. --json: margin, profit.
            """,
        arguments: either(marginFigures).arguments, options: either(marginFigures).options,
        examples: ["kpi margin 1200 780", "kpi margin --revenue 1200 --cost 780"]
    ) { ctx in
        let v = try values(ctx, marginFigures, command: "kpi margin", example: "kpi margin 1200 780")
        return try metric("margin") { try MarginResult(revenue: v[0], cost: v[1]) }
    }

    /// The named CO2e factors for `kpi co2e`'s help: each with its figure, scopes and source.
    static var factorList: String {
        CO2e.factors.map {
            "\($0.name) \(Format.number($0.kgPerUnit, maxDecimals: 4)) kgCO2e/\($0.unit), scope "
                + "\($0.scopes.map(String.init).joined(separator: " or ")) (\($0.what); \($0.source), \($0.year))"
        }.joined(separator: "; ")
    }

    static let co2e = recording(
        "kpi co2e", kpi: "co2e",
        abstract: "greenhouse-gas emissions by scope (GHG Protocol): activity × emission factor",
        discussion: """
            Each ENTRY is SCOPE:AMOUNT:FACTOR[:GAS]: scope 1 (direct), 2 (purchased energy, \
            location-based: the grid average), 2m (purchased energy, market-based: your supplier's \
            or contract's factor, given as a number) or 3 (value chain); the activity amount; a \
            named factor or kg per unit; for a factor given as a number of kg of a single gas, the \
            gas whose 100-year GWP (IPCC AR6) converts it to CO2e (co2 1, ch4 27.9, ch4-fossil \
            29.8, n2o 273, hfc-134a 1530, sf6 25200) or a GWP number. kgCO2e = amount × factor × \
            GWP. Named factors are already kgCO2e (they take no gas) and belong to the scopes their \
            activity can have (a fuel burnt is scope 1 or 3, purchased electricity 2 or 3): \
            \(factorList). \
            With market-based entries, scope 2 and the total are given both ways, as the GHG \
            Protocol's Scope 2 Guidance asks. --json: entries, scopes (kg per scope; "2m" \
            market-based), total (kg, location-based), total_market (with 2m entries), tonnes.
            """,
        arguments: [
            ArgumentSpec(
                "entries", .text, help: "SCOPE:AMOUNT:FACTOR[:GAS], e.g. 2:12000:uk-electricity", variadic: true)
        ],
        examples: [
            "kpi co2e 2:12000:uk-electricity 1:800:diesel 1:10:1:ch4",
            "kpi co2e 2:12000:uk-electricity 2m:12000:0.05 1:800:diesel",
        ]
    ) { ctx in
        CO2eResult(try ctx.arguments.strings("entries").map { text in try metric("co2e") { try CO2e.parse(text) } })
    }

    static let sroi = recording(
        "kpi sroi", kpi: "sroi", abstract: "social return on investment (Social Value UK method)",
        discussion: """
            Each OUTCOME is NAME:QUANTITY:PROXY[:DEADWEIGHT:DISPLACEMENT:ATTRIBUTION:DROPOFF:YEARS] \
            (percentages; empty or missing parts take the options' values). Impact in year 1 = \
            quantity × financial proxy × (1 − deadweight) × (1 − displacement) × (1 − attribution); \
            each later year loses the drop-off; the present value discounts year t by (1 + r)^t \
            (r = --discount, default 3.5%, the UK Green Book rate). SROI ratio = present value / \
            inputs; net SROI = (present value − inputs) / inputs; payback = inputs / (year-1 impact / 12) \
            months. --json: present_value, inputs, ratio, net, npv, payback_months, years (impact per year).
            """,
        arguments: [
            ArgumentSpec("outcomes", .text, help: "NAME:QUANTITY:PROXY[:DW:DISP:ATTR:DROP:YEARS]", variadic: true)
        ],
        options: [
            OptionSpec("inputs", money, help: "the value of the inputs (investment)"),
            OptionSpec("discount", percent, help: "discount rate, percent (default 3.5)"),
            OptionSpec("deadweight", percent, help: "default deadweight, percent (default 0)"),
            OptionSpec("displacement", percent, help: "default displacement, percent (default 0)"),
            OptionSpec("attribution", percent, help: "default attribution to others, percent (default 0)"),
            OptionSpec("drop-off", percent, help: "default drop-off per year after the first, percent (default 0)"),
            OptionSpec("years", .integer(1...50), help: "default years an outcome lasts (default 1)"),
        ],
        examples: ["kpi sroi jobs:20:8000:25:10:20:10:3 wellbeing:50:1200 --inputs 100000"]
    ) { ctx in
        let a = ctx.arguments
        guard let inputs = a.double("inputs") else {
            throw CommandError("MissingValue", "kpi sroi: needs --inputs (the value invested)")
        }
        let defaults = SROI.Outcome(
            name: "", quantity: 0, proxy: 0, deadweight: (a.double("deadweight") ?? 0) / 100,
            displacement: (a.double("displacement") ?? 0) / 100, attribution: (a.double("attribution") ?? 0) / 100,
            dropOff: (a.double("drop-off") ?? 0) / 100, years: a.int("years") ?? 1)
        return try metric("sroi") {
            try SROI(
                outcomes: try a.strings("outcomes").map { try SROI.parseOutcome($0, defaults: defaults) },
                inputs: inputs, discount: (a.double("discount") ?? 3.5) / 100)
        }
    }
}

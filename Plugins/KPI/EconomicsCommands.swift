import ValueCore
import Workbench

/// Unit economics, CO2e and SROI.
enum EconomicsCommands {
    static var all: [CommandSpec] {
        [
            recording(retention, kpi: "retention", key: "retention"),
            recording(repurchase, kpi: "repurchase", key: "repurchase"),
            recording(cac, kpi: "cac", key: "cac"), recording(ltv, kpi: "ltv", key: "ltv"),
            recording(ltvCac, kpi: "ltv-cac", key: "ratio"),
            recording(margin, kpi: "margin", key: "margin"), recording(co2e, kpi: "co2e", key: "tonnes"),
            recording(sroi, kpi: "sroi", key: "ratio"),
            recording(SurveyCommands.engagement, kpi: "engagement", key: "mean", sampleSize: "n"),
        ]
    }

    /// `spec` with `--record PERIOD [--target T]`: its result (`key` of its data) is stored as
    /// KPI `kpi` of the current enterprise, with the sample size in `sampleSize` when it has one.
    static func recording(_ spec: CommandSpec, kpi: String, key: String, sampleSize: String? = nil) -> CommandSpec {
        let run = spec.run
        let options = spec.options + RecordOptions.specs(kpi: kpi)
        return CommandSpec(
            spec.name, abstract: spec.abstract, discussion: spec.discussion, arguments: spec.arguments,
            options: options, examples: spec.examples, role: spec.role, returnsData: spec.returnsData
        ) { ctx in
            var output = try run(&ctx)
            if let period = ctx.arguments.string("record") {
                guard let value = output.data?[key]?.doubleValue, value.isFinite else {
                    throw CommandError.badValue("\(spec.name): no \(key) to record")
                }
                let n = sampleSize.flatMap { output.data?[$0]?.intValue }
                output.blocks.append(
                    .text(
                        try TrackingCommands.record(
                            &ctx, command: spec.name, enterprise: nil, kpi: kpi, value: value, period: period,
                            target: ctx.arguments.double("target"), n: n)))
            } else if ctx.arguments.has("target") {
                throw CommandError.badValue("\(spec.name): --target goes with --record PERIOD")
            }
            return output
        }
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
            "\(figures.map { $0.name.uppercased() }.joined(separator: " ")) in order, or \(figures.map { "--\($0.name) \($0.name.uppercased())" }.joined(separator: " ")) (e.g. `\(example)`)"
        for f in figures where a.hasOption(f.name) && a.hasPositional(f.name) {
            throw CommandError.badValue(
                "\(command): \(f.name.uppercased()) is given twice, by position and as --\(f.name); give \(forms)")
        }
        let missing = figures.filter { a.double($0.name) == nil }.map { $0.name.uppercased() }
        guard missing.isEmpty else {
            throw CommandError(
                "MissingArgument", "\(command): missing \(missing.joined(separator: ", ")); give \(forms)")
        }
        return figures.map { a.double($0.name)! }
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

    static let retention = CommandSpec(
        "kpi retention", abstract: "customer retention and churn over a period",
        discussion:
            "Retention = (customers at the end − new customers won in the period) / customers at the start; churn = 100% − retention. --json: retention, churn (percent), kept.",
        arguments: either(retentionFigures).arguments, options: either(retentionFigures).options,
        examples: ["kpi retention 1000 1040 120", "kpi retention --start 1000 --end 1040 --new 120"]
    ) { ctx in
        let v = try values(ctx, retentionFigures, command: "kpi retention", example: "kpi retention 1000 1040 120")
        let s = v[0], e = v[1], n = v[2]
        let r = try metric("retention") { try UnitEconomics.retention(start: s, end: e, new: n) }
        return CommandOutput(
            blocks: [
                .text(
                    "Retention \(Format.percent(r.retention)), churn \(Format.percent(r.churn)): \(Format.number(e - n)) of \(Format.number(s)) customers kept."
                )
            ],
            data: ["retention": .num(r.retention), "churn": .num(r.churn), "kept": .num(e - n)])
    }

    static let repurchaseFigures = [
        Figure(name: "repeat", kind: count, help: "customers who bought again"),
        Figure(name: "customers", kind: count, help: "customers who bought"),
    ]

    static let repurchase = CommandSpec(
        "kpi repurchase", abstract: "repurchase rate: customers who bought again / customers",
        discussion:
            "Repurchase rate = customers with a repeat purchase in the period / customers who bought in the period. --json: repurchase (percent).",
        arguments: either(repurchaseFigures).arguments, options: either(repurchaseFigures).options,
        examples: ["kpi repurchase 340 1000", "kpi repurchase --repeat 340 --customers 1000"]
    ) { ctx in
        let v = try values(ctx, repurchaseFigures, command: "kpi repurchase", example: "kpi repurchase 340 1000")
        let a = v[0], b = v[1]
        let r = try metric("repurchase") { try UnitEconomics.repurchase(repeat: a, customers: b) }
        return CommandOutput(
            blocks: [
                .text(
                    "Repurchase rate \(Format.percent(r)): \(Format.number(a)) of \(Format.number(b)) customers bought again."
                )
            ],
            data: ["repurchase": .num(r)])
    }

    static let cacFigures = [
        Figure(name: "spend", kind: money, help: "sales and marketing spend"),
        Figure(name: "new", kind: count, help: "new customers won"),
    ]

    static let cac = CommandSpec(
        "kpi cac", abstract: "customer acquisition cost: sales and marketing spend / new customers",
        discussion: "CAC = sales and marketing spend in a period / new customers won in it. --json: cac.",
        arguments: either(cacFigures).arguments, options: either(cacFigures).options,
        examples: ["kpi cac 50000 125", "kpi cac --spend 50000 --new 125"]
    ) { ctx in
        let v = try values(ctx, cacFigures, command: "kpi cac", example: "kpi cac 50000 125")
        let s = v[0], n = v[1]
        let r = try metric("cac") { try UnitEconomics.cac(spend: s, newCustomers: n) }
        return CommandOutput(
            blocks: [.text("CAC \(Format.fixed(r, 2)) per new customer (\(Format.number(s)) / \(Format.number(n))).")],
            data: ["cac": .num(r)])
    }

    static let ltvFigures = [
        Figure(name: "arpa", kind: money, help: "average revenue per account per period"),
        Figure(name: "margin", kind: percent, help: "gross margin, percent"),
        Figure(name: "churn", kind: percent, help: "churn per period, percent (same period as ARPA)"),
    ]

    static let ltvOptions: [OptionSpec] = [
        OptionSpec("arpa", money, help: "average revenue per account per period"),
        OptionSpec("margin", percent, help: "gross margin, percent"),
        OptionSpec("churn", percent, help: "churn per period, percent (same period as ARPA)"),
    ]

    static func ltvValue(_ ctx: CommandContext, _ command: String) throws -> (ltv: Double, arpa: Double, margin: Double)
    {
        let a = ctx.arguments
        guard let arpa = a.double("arpa"), let m = a.double("margin"), let c = a.double("churn") else {
            throw CommandError(
                "MissingValue", "kpi \(command): needs --arpa A --margin PERCENT --churn PERCENT (per the same period)")
        }
        return (try metric(command) { try UnitEconomics.ltv(arpa: arpa, marginPercent: m, churnPercent: c) }, arpa, m)
    }

    static let ltv = CommandSpec(
        "kpi ltv", abstract: "customer lifetime value: ARPA × gross margin / churn",
        discussion:
            "LTV = ARPA × gross margin / churn, with ARPA and churn per the same period (a month or a year). Margin and churn are percentages (30 or 30%; 0.5% for half a percent). ARPA, margin and churn are given by position or as options. --json: ltv, lifetime (periods).",
        arguments: either(ltvFigures).arguments, options: either(ltvFigures).options,
        examples: ["kpi ltv --arpa 100 --margin 70 --churn 2", "kpi ltv 100 70% 2%"]
    ) { ctx in
        let f = try values(ctx, ltvFigures, command: "kpi ltv", example: "kpi ltv 100 70% 2%")
        let v = try metric("ltv") { try UnitEconomics.ltv(arpa: f[0], marginPercent: f[1], churnPercent: f[2]) }
        let life = 100 / f[2]
        return CommandOutput(
            blocks: [.text("LTV \(Format.fixed(v, 2)) (expected lifetime \(Format.fixed(life, 1)) periods).")],
            data: ["ltv": .num(v), "lifetime": .num(life)])
    }

    static let ltvCac = CommandSpec(
        "kpi ltv-cac", abstract: "LTV/CAC ratio and CAC payback in months (periods)",
        discussion:
            "LTV/CAC with LTV = ARPA × margin / churn (or --ltv); payback = CAC / (ARPA × margin), in the period of ARPA (months when ARPA is monthly). A ratio of 3 or more is the usual rule of thumb for healthy acquisition. --json: ltv, cac, ratio, payback.",
        options: ltvOptions + [
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
        var payback: Double?
        if let given = a.double("ltv") {
            ltv = given
            if let arpa = a.double("arpa"), let m = a.double("margin") {
                payback = try metric("ltv-cac") { try UnitEconomics.payback(cac: cac, arpa: arpa, marginPercent: m) }
            }
        } else {
            let r = try ltvValue(ctx, "ltv-cac")
            ltv = r.ltv
            payback = try metric("ltv-cac") {
                try UnitEconomics.payback(cac: cac, arpa: r.arpa, marginPercent: r.margin)
            }
        }
        let ratio = ltv / cac
        var text = "LTV/CAC \(Format.fixed(ratio, 2)) (LTV \(Format.fixed(ltv, 2)), CAC \(Format.fixed(cac, 2)))"
        if let payback { text += "; CAC paid back in \(Format.fixed(payback, 1)) months (periods)" }
        text += ratio >= 3 ? "." : "; below the usual 3:1."
        return CommandOutput(
            blocks: [.text(text)],
            data: ["ltv": .num(ltv), "cac": .num(cac), "ratio": .num(ratio), "payback": .num(payback)])
    }

    static let marginFigures = [
        Figure(name: "revenue", kind: money, help: "revenue (or a unit price)"),
        Figure(name: "cost", kind: money, help: "cost of sales (or a unit cost)"),
    ]

    static let margin = CommandSpec(
        "kpi margin", abstract: "gross margin: (revenue − cost of sales) / revenue",
        discussion:
            "Gross margin = (revenue − cost of sales) / revenue, in percent; also per unit with a price and a unit cost. --json: margin, profit.",
        arguments: either(marginFigures).arguments, options: either(marginFigures).options,
        examples: ["kpi margin 1200 780", "kpi margin --revenue 1200 --cost 780"]
    ) { ctx in
        let v = try values(ctx, marginFigures, command: "kpi margin", example: "kpi margin 1200 780")
        let r = v[0], c = v[1]
        let m = try metric("margin") { try UnitEconomics.margin(revenue: r, cost: c) }
        return CommandOutput(
            blocks: [
                .text(
                    "Gross margin \(Format.percent(m)) (gross profit \(Format.number(r - c, maxDecimals: 2)) on \(Format.number(r, maxDecimals: 2)))."
                )
            ],
            data: ["margin": .num(m), "profit": .num(r - c)])
    }

    static let co2e = CommandSpec(
        "kpi co2e", abstract: "greenhouse-gas emissions by scope (GHG Protocol): activity × emission factor",
        discussion: """
            Each ENTRY is SCOPE:AMOUNT:FACTOR[:GAS]: scope 1 (direct), 2 (purchased energy, \
            location-based: the grid average), 2m (purchased energy, market-based: your supplier's \
            or contract's factor, given as a number) or 3 (value chain); the activity amount; a \
            named factor or kg per unit; for a factor given as a number of kg of a single gas, the \
            gas whose 100-year GWP (IPCC AR6) converts it to CO2e (co2 1, ch4 27.9, ch4-fossil \
            29.8, n2o 273, hfc-134a 1530, sf6 25200) or a GWP number. kgCO2e = amount × factor × \
            GWP. Named factors are already kgCO2e (they take no gas) and belong to the scopes their \
            activity can have (a fuel burnt is scope 1 or 3, purchased electricity 2 or 3): \
            \(CO2e.factors.map { "\($0.name) \(Format.number($0.kgPerUnit, maxDecimals: 4)) kgCO2e/\($0.unit), scope \($0.scopes.map(String.init).joined(separator: " or ")) (\($0.what); \($0.source), \($0.year))" }.joined(separator: "; ")). \
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
        let entries = try ctx.arguments.strings("entries").map { text in try metric("co2e") { try CO2e.parse(text) } }
        // Scope 1, 2 (location-based), 3, and 2 market-based.
        var scopes = [0.0, 0.0, 0.0], market = 0.0
        let anyMarket = entries.contains(where: \.marketBased)
        var rows: [[String]] = []
        var list: [JSON] = []
        for e in entries {
            if e.marketBased { market += e.kg } else { scopes[e.scope - 1] += e.kg }
            rows.append([
                e.marketBased ? "2m" : String(e.scope), Format.number(e.amount), e.unit, e.factorName,
                Format.number(e.factor, maxDecimals: 4),
                e.gwp == 1 ? "" : "\(e.gas) ×\(Format.number(e.gwp))", Format.fixed(e.kg, 1),
            ])
            list.append([
                "scope": .int(e.scope), "market_based": .bool(e.marketBased), "amount": .num(e.amount),
                "factor": .string(e.factorName),
                "kgPerUnit": .num(e.factor), "gas": .string(e.gas), "gwp": .num(e.gwp), "kg": .num(e.kg),
            ])
        }
        let total = scopes.reduce(0, +), totalMarket = scopes[0] + market + scopes[2]
        for s in 0..<3 where scopes[s] > 0 || (s == 1 && anyMarket) {
            rows.append([
                s == 1 && anyMarket ? "scope 2 (location)" : "scope \(s + 1)", "", "", "", "", "",
                Format.fixed(scopes[s], 1),
            ])
            if s == 1 && anyMarket { rows.append(["scope 2 (market)", "", "", "", "", "", Format.fixed(market, 1)]) }
        }
        rows.append([anyMarket ? "total (location)" : "total", "", "", "", "", "", Format.fixed(total, 1)])
        if anyMarket { rows.append(["total (market)", "", "", "", "", "", Format.fixed(totalMarket, 1)]) }
        let table = Table(
            headers: ["scope", "activity", "unit", "factor", "kg/unit", "GWP", "kgCO2e"], rows: rows,
            alignments: [.left, .right, .left, .left, .right, .left, .right])
        let sentence =
            anyMarket
            ? "Total \(Format.fixed(total / 1000, 3)) tCO2e location-based, \(Format.fixed(totalMarket / 1000, 3)) tCO2e market-based."
            : "Total \(Format.fixed(total / 1000, 3)) tCO2e."
        var scopeJSON: [(String, JSON)] = [("1", .num(scopes[0])), ("2", .num(scopes[1])), ("3", .num(scopes[2]))]
        var data: [(String, JSON)] = [("entries", .array(list))]
        if anyMarket { scopeJSON.append(("2m", .num(market))) }
        data += [("scopes", .object(scopeJSON)), ("total", .num(total))]
        if anyMarket { data.append(("total_market", .num(totalMarket))) }
        data.append(("tonnes", .num(total / 1000)))
        return CommandOutput(blocks: [.table(table), .text(sentence)], data: .object(data))
    }

    static let sroi = CommandSpec(
        "kpi sroi", abstract: "social return on investment (Social Value UK method)",
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
        let r = try metric("sroi") {
            try SROI(
                outcomes: try a.strings("outcomes").map { try SROI.parseOutcome($0, defaults: defaults) },
                inputs: inputs,
                discount: (a.double("discount") ?? 3.5) / 100)
        }
        let rows = r.outcomes.map { o in
            [
                o.name, Format.number(o.quantity), Format.number(o.proxy),
                Format.percent(o.deadweight * 100, decimals: 0),
                Format.percent(o.displacement * 100, decimals: 0), Format.percent(o.attribution * 100, decimals: 0),
                Format.percent(o.dropOff * 100, decimals: 0), String(o.years), Format.fixed(o.firstYear, 2),
            ]
        }
        let table = Table(
            headers: [
                "outcome", "quantity", "proxy", "deadweight", "displacement", "attribution", "drop-off", "years",
                "year-1 impact",
            ],
            rows: rows, alignments: [.left] + [Alignment](repeating: .right, count: 8))
        var text =
            "Present value \(Format.fixed(r.presentValue, 2)) on inputs \(Format.fixed(inputs, 2)): SROI \(Format.fixed(r.ratio, 2)):1, net \(Format.fixed(r.netRatio, 2))"
        if let p = r.paybackMonths { text += "; payback \(Format.fixed(p, 1)) months" }
        text += "."
        return CommandOutput(
            blocks: [.table(table), .text(text)],
            data: [
                "present_value": .num(r.presentValue), "inputs": .num(inputs), "ratio": .num(r.ratio),
                "net": .num(r.netRatio),
                "npv": .num(r.netPresentValue), "payback_months": .num(r.paybackMonths),
                "years": .array(r.impactByYear.map { .num($0) }), "discount": .num(r.discount * 100),
            ])
    }
}

typealias Alignment = Table.Alignment

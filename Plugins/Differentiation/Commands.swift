import ValueCore
import Workbench

/// The analysis commands: each reads the workspace, calls an analysis in Analyses.swift and
/// formats it (text, table, chart) with its data for `--json`.
enum DiffCommands {
    static var all: [CommandSpec] { [canvas, errc, vrio, valuemap, utility, kano, moat] }

    static func num(_ v: Double) -> String { Format.number(v, maxDecimals: 2) }
    static func signed(_ v: Double) -> String { (v > 0 ? "+" : "") + Format.fixed(v, 1) }

    static func unknown(_ name: String, _ ws: Workspace) -> CommandError {
        CommandError.unknown("enterprise", name, among: ws.enterprises.map(\.name))
    }

    /// The enterprises an analysis compares: those named; else the current enterprise and its
    /// competitors; else every enterprise with factor scores (up to `limit`).
    static func selection(_ ctx: CommandContext, command: String, limit: Int = 12) throws -> (
        list: [Enterprise], notes: [String]
    ) {
        let ws = ctx.workspace
        let names = ctx.arguments.strings("enterprises")
        if !names.isEmpty {
            var list: [Enterprise] = []
            for n in names {
                guard let e = ws.enterprise(named: n) else { throw unknown(n, ws) }
                if !list.contains(where: { Name.same($0.name, e.name) }) { list.append(e) }
            }
            return (list, [])
        }
        if let e = ws.currentEnterprise {
            let (competitors, missing) = Market.competitors(of: e, in: ws)
            if !competitors.isEmpty {
                let notes =
                    missing.isEmpty
                    ? [] : ["named competitors not in the workspace: \(missing.joined(separator: ", "))"]
                return ([e] + competitors, notes)
            }
        }
        let scored = ws.enterprises.filter { !$0.factors.isEmpty }
        if scored.count > limit {
            throw CommandError(
                "TooMany",
                "\(command): \(scored.count) enterprises have factor scores; name up to \(limit) to compare (e.g. `\(command) \(scored.prefix(3).map { Tokenizer.quote($0.name) }.joined(separator: " "))`)"
            )
        }
        return (scored, [])
    }

    static func competitorsOrFail(_ e: Enterprise, _ ws: Workspace, command: String) throws -> (
        list: [Enterprise], notes: [String]
    ) {
        let (list, missing) = Market.competitors(of: e, in: ws)
        let notes =
            missing.isEmpty ? [] : ["named competitors not in the workspace: \(missing.joined(separator: ", "))"]
        guard !list.isEmpty else {
            let why =
                !e.competitors.isEmpty
                ? "none of its named competitors (\(e.competitors.joined(separator: ", "))) is in the workspace"
                : e.industry == nil
                    ? "it names no competitors and has no industry"
                    : "no other enterprise is in \(e.industry!)"
            throw CommandError(
                "NoCompetitors",
                "\(command): \(e.name) has no competitors to compare with (\(why)); name them with `enterprise set \(Tokenizer.quote(e.name)) --competitor NAME`"
            )
        }
        return (list, notes)
    }

    // MARK: canvas

    static let canvas = CommandSpec(
        "diff canvas",
        abstract: "the strategy canvas: value curves over the competition factors, and how far each diverges",
        discussion: """
            One value curve per enterprise: its offering level (0–10) on each factor. Without names,
            the current enterprise and its competitors (named ones, else its industry); with no
            current enterprise, every enterprise with factor scores. A factor an enterprise does not
            score counts as 0 (not offered). Divergence on a factor = the enterprise's score minus
            the mean of the other curves; overall divergence = the mean absolute divergence over
            the factors (points on the 0–10 scale). Curves that diverge little are "me too".
            """,
        arguments: [
            ArgumentSpec(
                "enterprises", .name(.enterprise),
                help: "enterprises to compare (default: the current one and its competitors)", optional: true,
                variadic: true)
        ],
        options: [
            OptionSpec("factors", .text, help: "only these factors (repeat, or separate with commas)", repeating: true)
        ],
        examples: ["diff canvas CATL BYD", "diff canvas CATL BYD --factors Price,Safety"]
    ) { ctx in
        var (list, notes) = try selection(ctx, command: "diff canvas")
        list = list.filter { e in
            if e.factors.isEmpty { notes.append("\(e.name) has no factor scores: left out"); return false }
            return true
        }
        guard list.count >= 2 else {
            throw CommandError(
                "NotEnoughData",
                "diff canvas: needs at least two enterprises with factor scores, found \(list.count) (`factor set ENTERPRISE FACTOR SCORE`, or name the enterprises to compare)"
            )
        }
        let known = Market.factors(of: list)
        var factors = known
        let asked = ctx.arguments.strings("factors").flatMap {
            $0.split(separator: ",").map { String($0).trimmingSpaces() }
        }.filter { !$0.isEmpty }
        if !asked.isEmpty {
            factors = try asked.map { f in
                guard let k = known.first(where: { Name.same($0, f) }) else {
                    throw CommandError.unknown(
                        "factor", f, among: known, hint: "scored: \(known.joined(separator: ", "))")
                }
                return k
            }
        }
        let c = Canvas(list, factors: factors)
        var blocks: [OutputBlock] = [.chart(Charts.canvas(c))]
        let headers = ["factor"] + c.curves.enumerated().map { "\(Charts.marker($0.offset)) \($0.element.enterprise)" }
        let price = ctx.workspace.priceFactors
        let rows = c.factors.enumerated().map { f, name in
            [price.contains(NameKey(name)) ? name + " (price)" : name] + c.curves.map { num($0.scores[f]) }
        }
        blocks.append(.table(Table(headers: headers, rows: rows, alignments: [.left] + c.curves.map { _ in .right })))
        var divRows: [[String]] = []
        for curve in c.curves {
            let top = curve.divergence.enumerated().sorted { abs($0.element) > abs($1.element) }.prefix(3).filter {
                abs($0.element) >= 0.5
            }
            let where_ = top.map { "\(c.factors[$0.offset]) \(signed($0.element))" }.joined(separator: ", ")
            divRows.append([curve.enterprise, Format.fixed(curve.overall, 2), where_.isEmpty ? "—" : where_])
        }
        blocks.append(
            .table(
                Table(
                    headers: ["enterprise", "divergence", "largest differences"], rows: divRows,
                    alignments: [.left, .right, .left])))
        if c.allEqual {
            blocks.append(.text("The curves coincide: no enterprise differs from the others on these factors."))
        } else if let top = c.curves.max(by: { $0.overall < $1.overall }) {
            blocks.append(
                .text(
                    "\(top.enterprise) diverges most (\(Format.fixed(top.overall, 2)) points on average); curves below 1 point are close to \"me too\"."
                ))
        }
        for curve in c.curves where !curve.unscored.isEmpty {
            notes.append("\(curve.enterprise) does not score \(curve.unscored.joined(separator: ", ")): counted as 0")
        }
        let data: JSON = [
            "factors": .array(c.factors.map { .string($0) }),
            "curves": .array(
                c.curves.map { curve in
                    [
                        "enterprise": .string(curve.enterprise), "scores": .array(curve.scores.map { .num($0) }),
                        "divergence": .array(curve.divergence.map { .num($0) }),
                        "overall_divergence": .num(curve.overall),
                        "unscored": .array(curve.unscored.map { .string($0) }),
                    ]
                }),
            "all_equal": .bool(c.allEqual),
        ]
        return CommandOutput(blocks: blocks, data: data, notes: notes)
    }

    // MARK: errc

    static let errc = CommandSpec(
        "diff errc", abstract: "the four actions: which factors to eliminate, reduce, raise, create, with reasons",
        discussion: """
            From the enterprise's curve, its competitors' mean curve and how much customers care
            (factor importance 1–5; unknown counts as 3):
              eliminate  importance 1 and the enterprise offers it;
              reduce     importance 2 and the enterprise offers it at or above competitors;
              raise      importance ≥ 4 and the enterprise is less than 2 points above competitors'
                         mean, or importance 3 and it trails their mean by 2 points or more;
              create     importance ≥ 4, the enterprise at 0 and every competitor below 3,
                         and every need of importance ≥ 3 that no offering relieves yet;
              keep       the rest.
            The rules are tried in this order. A price factor (`factor set … --kind price`) scores
            how attractive the price is: raising it means a more attractive price, never a higher one.
            """,
        arguments: [
            ArgumentSpec(
                "enterprise", .name(.enterprise), help: "the enterprise (default: the current one)", optional: true)
        ],
        examples: ["diff errc CATL"]
    ) { ctx in
        let e = try ctx.enterprise()
        let (competitors, notes) = try competitorsOrFail(e, ctx.workspace, command: "diff errc")
        guard !e.factors.isEmpty || !e.needs.isEmpty else {
            throw CommandError(
                "NotEnoughData",
                "diff errc: \(e.name) has no factor scores and no needs (`factor set \(Tokenizer.quote(e.name)) FACTOR SCORE --importance N`)"
            )
        }
        let actions = ERRC.actions(for: e, competitors: competitors, priceFactors: ctx.workspace.priceFactors)
        func names(_ k: ERRCAction.Kind) -> [String] {
            actions.filter { $0.kind == k }.map { $0.isNeed ? "need: \($0.subject)" : $0.subject }
        }
        var grid = ""
        let w = 38
        func cell(_ title: String, _ items: [String]) -> [String] {
            [title] + (items.isEmpty ? ["  —"] : items.map { "  " + Charts.clip($0, w - 2) })
        }
        for (l, r) in [
            (("ELIMINATE", ERRCAction.Kind.eliminate), ("RAISE", ERRCAction.Kind.raise)),
            (("REDUCE", .reduce), ("CREATE", .create)),
        ] {
            let a = cell(l.0, names(l.1)), b = cell(r.0, names(r.1))
            for i in 0..<max(a.count, b.count) {
                var lineText = Format.pad(i < a.count ? a[i] : "", w) + "│ " + (i < b.count ? b[i] : "")
                while lineText.hasSuffix(" ") { lineText.removeLast() }
                grid += lineText + "\n"
            }
            if l.0 == "ELIMINATE" {
                grid += String(repeating: "─", count: w) + "┼" + String(repeating: "─", count: w) + "\n"
            }
        }
        let rows = actions.map { a in
            [
                a.kind.rawValue, a.isNeed ? "need: \(a.subject)" : a.subject, a.score.map(num) ?? "",
                a.competitorsMean.map(num) ?? "",
                a.importance.map(String.init) ?? "", a.reason,
            ]
        }
        let blocks: [OutputBlock] = [
            .text(
                "Four actions for \(e.name) against \(Format.count(competitors.count, "competitor")) (\(Market.basis(of: e))): \(competitors.map(\.name).joined(separator: ", "))"
            ),
            .text(grid),
            .table(
                Table(
                    headers: ["action", "factor", "you", "competitors", "importance", "reason"], rows: rows,
                    alignments: [.left, .left, .right, .right, .right, .left])),
        ]
        var data: [(String, JSON)] = [
            ("enterprise", .string(e.name)), ("competitors", .array(competitors.map { .string($0.name) })),
        ]
        for k in ERRCAction.Kind.allCases { data.append((k.rawValue, .array(names(k).map { .string($0) }))) }
        data.append(
            (
                "actions",
                .array(
                    actions.map { a in
                        [
                            "action": .string(a.kind.rawValue), a.isNeed ? "need" : "factor": .string(a.subject),
                            "score": .num(a.score),
                            "competitors_mean": .num(a.competitorsMean),
                            "importance": a.importance.map { .int($0) } ?? .null, "reason": .string(a.reason),
                        ]
                    })
            ))
        return CommandOutput(blocks: blocks, data: .object(data), notes: notes)
    }

    // MARK: vrio

    static let vrio = CommandSpec(
        "diff vrio", abstract: "Barney's VRIO table: what each resource implies for competitive advantage",
        discussion: """
            Per resource, the first "no" decides: not valuable → competitive disadvantage; valuable
            only → competitive parity; + rare → temporary advantage; + costly to imitate +
            organized → sustained advantage (valuable, rare, costly to imitate but not organized →
            unexploited advantage). Set the flags with `resource add NAME --valuable --rare
            --costly --organized`.
            """,
        arguments: [
            ArgumentSpec(
                "enterprise", .name(.enterprise), help: "the enterprise (default: the current one)", optional: true)
        ],
        examples: ["diff vrio CATL"]
    ) { ctx in
        let e = try ctx.enterprise()
        let rows = e.resources.map(VRIORow.init)
        let data: JSON = [
            "enterprise": .string(e.name),
            "resources": .array(
                rows.map { r in
                    [
                        "resource": .string(r.resource.name), "kind": .string(r.resource.kind.rawValue),
                        "strength": .num(r.resource.strength),
                        "valuable": .bool(r.resource.valuable), "rare": .bool(r.resource.rare),
                        "costly_to_imitate": .bool(r.resource.costlyToImitate),
                        "organized": .bool(r.resource.organized),
                        "implication": .string(r.label), "reason": .string(r.reason),
                    ]
                }),
        ]
        guard !rows.isEmpty else {
            return .message(
                "\(e.name) has no resources yet: `resource add NAME --enterprise \(Tokenizer.quote(e.name)) --kind KIND --strength 0-10 --valuable --rare --costly --organized`.",
                data: data)
        }
        func yn(_ b: Bool) -> String { b ? "yes" : "no" }
        let table = Table(
            headers: ["resource", "kind", "strength", "V", "R", "I", "O", "implication"],
            rows: rows.map { r in
                [
                    r.resource.name, r.resource.kind.rawValue, num(r.resource.strength), yn(r.resource.valuable),
                    yn(r.resource.rare), yn(r.resource.costlyToImitate), yn(r.resource.organized), r.label,
                ]
            },
            alignments: [.left, .left, .right, .left, .left, .left, .left, .left])
        let sustained = rows.filter { $0.implication == .sustained }.map(\.resource.name)
        let summary =
            sustained.isEmpty
            ? "No resource gives \(e.name) a sustained advantage."
            : "Sustained advantage from: \(sustained.joined(separator: ", "))."
        return CommandOutput(blocks: [.table(table), .text(summary)], data: data)
    }

    // MARK: valuemap

    static let valuemap = CommandSpec(
        "diff valuemap",
        abstract:
            "the customer value map: relative quality against relative price, the fair-value line, value advantage",
        discussion: """
            Perceived quality = Σ importance × score / Σ importance over the quality factors
            (importance unknown: 3; a factor not scored: 0). Price factors (`factor set … --kind
            price`, e.g. "price per kWh") are left out of quality: price is the other axis.
            Price = the enterprise's price level (`enterprise set NAME --price P`), else the mean
            of its paid offerings; free offerings (price 0) are left out with a note, and an
            enterprise with no price is left off the map with a note. The table and --json say
            how each price was found.

            Relative quality and relative price = the value ÷ the mean over the enterprises
            compared, so the market average is (1, 1). The map has relative price across and
            relative quality up. The fair-value line passes through (1, 1): relative quality =
            1 + S × (relative price − 1), S = --slope (default 1: 10% more price must buy 10%
            more quality; 2: 20%). It is never fitted through the enterprises it judges. Fair
            relative price at relative quality q = 1 + (q − 1) / S; value advantage = fair −
            actual relative price, also in price units (× the average price). Above or left of
            the line (more quality for its price): "gives more value than its price asks"; below
            or right: "asks more than its value"; within 0.05 of relative price of the line (±5%
            of the average price): "value matches price".

            Worked: A scores 8 at price 100, B scores 6 at price 120; means 7 and 110. A sits at
            relative price 0.91 and relative quality 1.14, where the line allows 1.14: A gives
            more value than its price asks (+0.23, +25.7 in price); B asks more than its value.
            To see it: `enterprise add A`, `enterprise set A --price 100`, `factor set A Range
            8`, `enterprise add B`, `enterprise set B --price 120`, `factor set B Range 6`,
            `diff valuemap A B`.
            """,
        arguments: [
            ArgumentSpec(
                "enterprises", .name(.enterprise),
                help: "enterprises to place (default: the current one and its competitors)", optional: true,
                variadic: true)
        ],
        options: [
            OptionSpec(
                "slope", .number(0.01...100),
                help: "the fair-value line's slope: relative quality per unit of relative price (default 1)")
        ],
        examples: ["diff valuemap CATL BYD", "diff valuemap CATL BYD --slope 1.5"]
    ) { ctx in
        var (list, notes) = try selection(ctx, command: "diff valuemap")
        let (m, more, leftOut) = try ValueMap.of(list, in: ctx.workspace, slope: ctx.arguments.double("slope") ?? 1)
        notes += more
        let rows = m.points.enumerated().map { i, p in
            [
                "\(Charts.marker(i)) \(p.enterprise)", Format.fixed(p.quality, 2), num(p.price), p.priceBasis,
                Format.fixed(p.relativeQuality, 2),
                Format.fixed(p.relativePrice, 2), Format.fixed(p.fairRelativePrice, 2), signed(p.advantageInPrice),
                p.verdict.rawValue,
            ]
        }
        var blocks: [OutputBlock] = [.chart(Charts.valueMap(m))]
        blocks.append(
            .table(
                Table(
                    headers: [
                        "enterprise", "quality", "price", "price from", "rel. quality", "rel. price", "fair price",
                        "advantage", "verdict",
                    ],
                    rows: rows, alignments: [.left, .right, .right, .left, .right, .right, .right, .right, .left])))
        blocks.append(
            .text(
                "Fair-value line through the market average (1, 1): relative quality = 1 + \(num(m.slope)) × (relative price − 1)."
            ))
        let data: JSON = [
            "fair_value_line": [
                "through": .array([.num(1), .num(1)]), "slope": .num(m.slope), "tolerance": .num(ValueMap.tolerance),
            ],
            "average_price": .num(m.averagePrice), "average_quality": .num(m.averageQuality),
            "points": .array(
                m.points.map { p in
                    [
                        "enterprise": .string(p.enterprise), "quality": .num(p.quality), "price": .num(p.price),
                        "price_from": .string(p.priceBasis),
                        "relative_quality": .num(p.relativeQuality), "relative_price": .num(p.relativePrice),
                        "fair_relative_price": .num(p.fairRelativePrice), "value_advantage": .num(p.advantage),
                        "value_advantage_price": .num(p.advantageInPrice), "verdict": .string(p.verdict.rawValue),
                    ]
                }),
            "left_out": .array(leftOut.map { .string($0) }),
        ]
        return CommandOutput(blocks: blocks, data: data, notes: notes)
    }

    // MARK: utility

    static let utility = CommandSpec(
        "diff utility",
        abstract:
            "functional and emotional utility delivered per segment and need; needs left unserved; value proposition fit",
        discussion: """
            Per need, the best relief any offering gives (functional and emotional, 0–10); per
            segment and overall, the means weighted by need importance. Emotional share =
            emotional / (functional + emotional). Value proposition fit = the share of important
            pains and gains (importance ≥ 4) relieved to at least 5 on either utility.
            """,
        arguments: [
            ArgumentSpec(
                "enterprise", .name(.enterprise), help: "the enterprise (default: the current one)", optional: true)
        ],
        examples: ["diff utility CATL"]
    ) { ctx in
        let e = try ctx.enterprise()
        let u = UtilityReport(e)
        let data: JSON = [
            "enterprise": .string(e.name),
            "functional": .num(u.functional), "emotional": .num(u.emotional), "emotional_share": .num(u.emotionalShare),
            "fit": .num(u.fit), "important_pains_and_gains": .int(u.importantPainsAndGains),
            "important_relieved": .int(u.importantRelieved),
            "segments": .array(
                u.segments.map {
                    [
                        "segment": .string($0.segment), "functional": .num($0.functional),
                        "emotional": .num($0.emotional), "needs": .int($0.needs),
                    ]
                }),
            "needs": .array(
                u.needs.map { n in
                    [
                        "need": .string(n.need), "segment": .string(n.segment), "kind": .string(n.kind.rawValue),
                        "importance": .int(n.importance),
                        "functional": .num(n.functional), "emotional": .num(n.emotional),
                        "offerings": .array(n.offerings.map { .string($0) }),
                        "served": .bool(n.served),
                    ]
                }),
            "unserved": .array(u.needs.filter { !$0.served }.map { .string($0.need) }),
        ]
        guard !u.needs.isEmpty else {
            return .message(
                "\(e.name) has no needs yet: `need add NAME --enterprise \(Tokenizer.quote(e.name)) --segment SEGMENT --type pain|gain|job --importance 1-5`.",
                data: data)
        }
        let rows = u.needs.map { n in
            [
                n.segment, n.need, n.kind.rawValue, String(n.importance), num(n.functional), num(n.emotional),
                n.offerings.isEmpty ? "— unserved" : n.offerings.joined(separator: ", "),
            ]
        }
        var text =
            "Utility delivered (importance-weighted): functional \(Format.fixed(u.functional, 1)), emotional \(Format.fixed(u.emotional, 1))"
        if let s = u.emotionalShare { text += "; emotional share \(Format.percent(s * 100))" }
        text += ".\n"
        for s in u.segments {
            text +=
                "  \(s.segment): functional \(Format.fixed(s.functional, 1)), emotional \(Format.fixed(s.emotional, 1)) over \(Format.count(s.needs, "need"))\n"
        }
        if let fit = u.fit {
            text +=
                "Value proposition fit: \(u.importantRelieved) of \(u.importantPainsAndGains) important pains and gains relieved (\(Format.percent(fit * 100)))."
        } else {
            text += "Value proposition fit: no pain or gain of importance ≥ 4 is modelled."
        }
        let unserved = u.needs.filter { !$0.served }.map(\.need)
        if !unserved.isEmpty { text += "\nUnserved: \(unserved.joined(separator: ", "))." }
        return CommandOutput(
            blocks: [
                .table(
                    Table(
                        headers: ["segment", "need", "kind", "importance", "functional", "emotional", "relieved by"],
                        rows: rows,
                        alignments: [.left, .left, .left, .right, .right, .right, .left])), .text(text),
            ], data: data)
    }

    // MARK: kano

    static let kano = CommandSpec(
        "diff kano", abstract: "Kano categories from functional/dysfunctional survey answers, with Better and Worse",
        discussion: """
            The CSV has columns feature, functional, dysfunctional (in any order; others are
            ignored), one row per respondent and feature; answers 1 Like, 2 Must-be, 3 Neutral,
            4 Live-with, 5 Dislike. Each pair is classified by the standard evaluation table
            (A attractive, O one-dimensional, M must-be, I indifferent, R reverse, Q questionable);
            a feature's category is its most frequent one, ties broken M > O > A > I (> R > Q).
            Better = (A+O)/(A+O+M+I), Worse = −(O+M)/(A+O+M+I).
            """,
        arguments: [ArgumentSpec("file", .file, help: "the survey CSV")],
        examples: ["diff kano notebooks/data/ev-battery-kano.csv"]
    ) { ctx in
        let path = try ctx.arguments.required("file")
        let bytes = EnterpriseCSV.lineEnds(try ctx.files.read(path))
        let pairs = try CommandError.naming(path, after: "diff kano: ") { try KanoCSV.parse(bytes) }
        let features = Kano.evaluate(pairs)
        let cats = Kano.Category.allCases
        let rows = features.map { f in
            [f.feature] + cats.map { String(f.counts[$0, default: 0]) } + [
                f.category.name, f.better.map { Format.fixed($0, 2) } ?? "n/a",
                f.worse.map { Format.fixed($0, 2) } ?? "n/a",
            ]
        }
        let table = Table(
            headers: ["feature"] + cats.map(\.rawValue) + ["category", "better", "worse"], rows: rows,
            alignments: [.left] + cats.map { _ in .right } + [.left, .right, .right])
        let data: JSON = .array(
            features.map { f in
                [
                    "feature": .string(f.feature),
                    "counts": .object(cats.map { ($0.rawValue, .int(f.counts[$0, default: 0])) }),
                    "category": .string(f.category.name), "better": .num(f.better), "worse": .num(f.worse),
                    "respondents": .int(f.respondents),
                ]
            })
        let text =
            "\(Format.count(features.count, "feature")) from \(Format.count(pairs.count, "answer pair")). Better near 1: customers delight when it is there; Worse near −1: they mind when it is missing."
        return CommandOutput(blocks: [.table(table), .text(text)], data: data)
    }
}

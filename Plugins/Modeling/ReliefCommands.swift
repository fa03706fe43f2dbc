import ValueCore
import Workbench

/// `relief set/list/remove`: how far an offering relieves a need, in functional and emotional
/// utility.
enum ReliefCommands {
    static var all: [CommandSpec] { [set, list, remove] }

    static let set = CommandSpec(
        "relief set", abstract: "say how far an offering relieves a need: functional and emotional utility 0–10",
        discussion: """
            Creates the relief, or changes it when the offering already relieves the need. A new
            relief needs both --functional and --emotional; a change may give either.
            """,
        arguments: [
            ArgumentSpec("offering", .name(.offering), help: "an offering of the enterprise"),
            ArgumentSpec("need", .name(.need), help: "a need of the enterprise"),
        ],
        options: [
            OptionSpec("functional", .number(Relief.utilityRange), help: "functional utility delivered, 0–10"),
            OptionSpec("emotional", .number(Relief.utilityRange), help: "emotional utility delivered, 0–10"),
            enterpriseOption,
        ],
        examples: [
            "relief set \"Qilin pack\" \"range anxiety\" --functional 9 --emotional 7",
            "relief set \"Qilin pack\" \"battery safety\" --functional 8 --emotional 8",
            "relief set \"Shenxing LFP cell\" \"fast charging\" --functional 8 --emotional 5",
            "relief set \"Shenxing LFP cell\" \"lower cost per kWh\" --functional 7 --emotional 3",
            "relief set Choco-swap \"range anxiety\" --functional 6 --emotional 6",
            "relief set Choco-swap \"fast charging\" --functional 5 --emotional 4",
            "relief set \"Qilin pack\" \"range anxiety\" --emotional 8",
        ]
    ) { ctx in
        let a = ctx.arguments
        let e = try ctx.target()
        let offering = e.offerings[try OfferingCommands.find(a.required("offering"), in: e)].name
        let need = e.needs[try NeedCommands.find(a.required("need"), in: e)].name
        let functional = a.double("functional"), emotional = a.double("emotional")
        if let i = index(offering, need, in: e) {
            guard functional != nil || emotional != nil else {
                throw CommandError.badValue(
                    "relief set: nothing to change (give --functional 0–10 and/or --emotional 0–10)")
            }
            var r = e.reliefs[i]
            if let f = functional { r.functional = f }
            if let m = emotional { r.emotional = m }
            try ctx.update(e.name) { $0.reliefs[i] = r }
            return .message(
                """
                Changed relief of \(need) by \(offering): functional \(num(r.functional)), emotional \
                \(num(r.emotional)).
                """,
                data: ModelingJSON.relief(r))
        }
        guard let f = functional, let m = emotional else {
            let missing = [functional == nil ? "--functional 0–10" : nil, emotional == nil ? "--emotional 0–10" : nil]
                .compactMap { $0 }
            throw CommandError(
                "MissingArgument", "relief set: a new relief needs " + missing.joined(separator: " and "))
        }
        let r = Relief(offering: offering, need: need, functional: f, emotional: m)
        try ctx.update(e.name) { $0.reliefs.append(r) }
        return .message(
            "\(offering) now relieves \(need): functional \(num(f)), emotional \(num(m)).", data: ModelingJSON.relief(r)
        )
    }

    static let list = CommandSpec(
        "relief list", abstract: "list which offerings relieve which needs, and how much",
        options: [
            OptionSpec("offering", .name(.offering), help: "only this offering's reliefs"),
            OptionSpec("need", .name(.need), help: "only the reliefs of this need"),
            enterpriseOption,
        ],
        examples: ["relief list", "relief list --need \"range anxiety\""]
    ) { ctx in
        let e = try ctx.target()
        var reliefs = e.reliefs
        if let o = ctx.arguments.string("offering") {
            let name = e.offerings[try OfferingCommands.find(o, in: e)].name
            reliefs = reliefs.filter { Name.same($0.offering, name) }
        }
        if let n = ctx.arguments.string("need") {
            let name = e.needs[try NeedCommands.find(n, in: e)].name
            reliefs = reliefs.filter { Name.same($0.need, name) }
        }
        let blocks: [OutputBlock] =
            reliefs.isEmpty
            ? [
                .text(
                    e.reliefs.isEmpty
                        ? "\(e.name) has no reliefs yet: `relief set OFFERING NEED --functional 0–10 --emotional 0–10`."
                        : "No reliefs match.")
            ]
            : [.table(table(reliefs, needs: e.needs))]
        return CommandOutput(blocks: blocks, data: .array(reliefs.map(ModelingJSON.relief)))
    }

    static let remove = CommandSpec(
        "relief remove", abstract: "forget that an offering relieves a need",
        arguments: [
            ArgumentSpec("offering", .name(.offering), help: "an offering of the enterprise"),
            ArgumentSpec("need", .name(.need), help: "a need it relieves"),
        ],
        options: [enterpriseOption],
        examples: ["relief remove Choco-swap \"fast charging\""]
    ) { ctx in
        let e = try ctx.target()
        let offering = e.offerings[try OfferingCommands.find(ctx.arguments.required("offering"), in: e)].name
        let need = e.needs[try NeedCommands.find(ctx.arguments.required("need"), in: e)].name
        guard let i = index(offering, need, in: e) else {
            let relieved = e.reliefs.filter { Name.same($0.offering, offering) }.map(\.need)
            throw CommandError(
                "UnknownName",
                "\(offering) does not relieve '\(need)' ("
                    + (relieved.isEmpty ? "it relieves no need yet)" : "it relieves: " + listed(relieved) + ")"))
        }
        let r = e.reliefs[i]
        try ctx.update(e.name) { $0.reliefs.remove(at: i) }
        return .message("\(offering) no longer relieves \(need).", data: ["removed": ModelingJSON.relief(r)])
    }

    static func index(_ offering: String, _ need: String, in e: Enterprise) -> Int? {
        let o = NameMatcher(offering), n = NameMatcher(need)
        return e.reliefs.firstIndex { n.matches($0.need) && o.matches($0.offering) }
    }

    static func table(_ reliefs: [Relief], needs: [Need] = []) -> Table {
        var importance: [String: Int] = [:]
        for n in needs where importance[Name.fold(n.name)] == nil { importance[Name.fold(n.name)] = n.importance }
        return Table(
            headers: ["offering", "need", "functional", "emotional"] + (needs.isEmpty ? [] : ["importance"]),
            rows: reliefs.map { r in
                var row = [r.offering, r.need, num(r.functional), num(r.emotional)]
                if !needs.isEmpty { row.append(importance[Name.fold(r.need)].map(String.init) ?? "") }
                return row
            },
            alignments: [.left, .left, .right, .right, .right])
    }
}

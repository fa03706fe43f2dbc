import ValueCore
import Workbench

/// `model check`: the loops and grounding of a model, and their text and JSON.
extension ModelCommands {
    static let check = CommandSpec(
        "model check", abstract: "find a model's loops (reinforcing/balancing, value/growth) and unanchored activities",
        discussion: """
            Loops are all the elementary cycles of the model (Johnson's algorithm). A loop is
            reinforcing when it has an even number of − edges, balancing when odd. A value loop
            passes through a value node and a revenue node; a growth loop is a reinforcing value
            loop that also has an edge from a reinvestment node into a resource node (a balancing
            one is reported as "limits growth": it counteracts itself). An edge given twice between
            the same two nodes is reported; the first is used. An activity is anchored when
            an edge into it comes from a resource node naming a resource of strength \
            ≥ \(num(Resource.anchoringStrength)).
            Counting stops at \(ModelAnalysis.defaultCountLimit) loops (the count is then a lower bound).
            """,
        arguments: [optionalModel],
        options: [
            OptionSpec("limit", .integer(1...10_000), help: "list at most this many loops (default 20)"),
            enterpriseOption,
        ],
        examples: ["model check Base"]
    ) { ctx in
        let e = try ctx.target()
        let m = try modelOrOnly(ctx.arguments.string("model"), in: e, command: "model check")
        let result = ModelAnalysis.check(m, of: e, limit: ctx.arguments.int("limit") ?? 20)
        return CommandOutput(
            blocks: [.text(checkText(result, model: m, of: e))], data: checkJSON(result, model: m, of: e),
            notes: result.loops.parallelEdgesNote.map { [$0] } ?? [])
    }

    /// "R1  value, growth  A ─(+)→ B ─(+)→ A", wrapped at about 100 columns.
    static func loopLines(_ report: LoopReport) -> [String] {
        guard report.total > 0 else {
            return ["Loops: none — the chain does not close (draw an edge back, e.g. reinvestment → resource)."]
        }
        var head = "Loops: \(report.complete ? "" : "at least ")\(report.total) "
        head += "(\(report.reinforcing) reinforcing, \(report.balancing) balancing; "
        head += "\(Format.count(report.valueLoops, "value loop")), \(Format.count(report.growthLoops, "growth loop"))"
        head += report.limitingLoops > 0 ? ", \(report.limitingLoops) limiting growth)" : ")"
        var lines = [head]
        var r = 0, b = 0
        let labelled = report.loops.map { l -> (String, ModelLoop) in
            if l.polarity == .reinforcing { r += 1; return ("R\(r)", l) }
            b += 1; return ("B\(b)", l)
        }
        for (label, l) in labelled {
            var kind = [String]()
            if l.isGrowthLoop {
                kind.append("growth")
            } else if l.limitsGrowth {
                kind.append("limits growth")
            } else if l.isValueLoop {
                kind.append("value")
            }
            let prefix = "  " + Format.pad(label, 4) + Format.pad(kind.joined(), report.limitingLoops > 0 ? 15 : 8)
            var pieces: [String] = []
            for (k, n) in l.nodes.enumerated() { pieces.append(n + " ─(\(sign(l.signs[k])))→") }
            pieces.append(l.nodes[0])
            var line = prefix
            let indent = String(repeating: " ", count: Format.displayWidth(prefix))
            for p in pieces {
                if Format.displayWidth(line) + 1 + Format.displayWidth(p) > 100, line != prefix {
                    lines.append(line); line = indent + p
                } else {
                    line += (line == prefix ? "" : " ") + p
                }
            }
            lines.append(line)
        }
        if report.loops.count < report.total {
            lines.append(
                """
                  … \(report.complete ? "" : "at least ")\(report.total - report.loops.count) more (--limit \
                N lists more)
                """
            )
        }
        return lines
    }

    static func loopsJSON(_ report: LoopReport) -> JSON {
        var r = 0, b = 0
        let listedLoops = report.loops.map { l -> JSON in
            let label: String
            if l.polarity == .reinforcing { r += 1; label = "R\(r)" } else { b += 1; label = "B\(b)" }
            return ModelingJSON.loop(l, label: label)
        }
        return [
            "total": .int(report.total), "complete": .bool(report.complete), "reinforcing": .int(report.reinforcing),
            "balancing": .int(report.balancing), "valueLoops": .int(report.valueLoops),
            "growthLoops": .int(report.growthLoops),
            "limitingLoops": .int(report.limitingLoops),
            "parallelEdges": .array(report.parallelEdges.map { .string($0) }),
            "listed": .array(listedLoops),
        ]
    }

    static func checkText(_ c: ModelCheck, model m: ValueModel, of e: Enterprise) -> String {
        var lines = [
            """
            Check of model \(m.name) (\(e.name)): \(Format.count(m.nodes.count, "node")), \
            \(Format.count(m.edges.count, "edge"))
            """,
            "",
        ]
        lines += loopLines(c.loops)
        if c.loops.total > 0 && c.loops.valueLoops == 0 {
            lines.append("  ✗ no value loop: no loop passes through both a value node and a revenue node")
        } else if c.loops.valueLoops > 0 && c.loops.growthLoops == 0 {
            lines.append(
                c.loops.limitingLoops > 0
                    ? """
                      ✗ no growth loop: the value loops that reinvest into a resource are balancing (they \
                    limit growth); a growth loop is reinforcing
                    """
                    : "  ✗ no growth loop: no value loop reinvests into a resource (reinvestment → resource edge)")
        }
        lines.append("")
        let acts = c.grounding.activities
        let bad = c.grounding.unanchored
        if acts.isEmpty {
            lines.append("Grounding: no activity nodes.")
        } else {
            lines.append(
                """
                Grounding: \(acts.count - bad.count) of \(Format.count(acts.count, "activity")) anchored in \
                a resource of strength ≥ \(num(Resource.anchoringStrength))
                """
            )
            for a in acts where a.isAnchored {
                lines.append("  ✓ \(a.activity) ← " + a.anchors.joined(separator: ", "))
            }
            for a in bad { lines.append("  ✗ \(a.activity): \(a.problem ?? "")") }
        }
        if !c.grounding.unknownResourceNodes.isEmpty {
            lines.append("Resource nodes naming no resource of \(e.name):")
            for n in c.grounding.unknownResourceNodes {
                var s = "  ✗ \(n)"
                if let near = Suggest.closest(to: n, in: e.resources.map(\.name)) {
                    s += " — did you mean '\(near)'?"
                } else {
                    s += " (`resource add \(Tokenizer.quote(n)) --strength 0–10`)"
                }
                lines.append(s)
            }
        }
        if !c.missingStages.isEmpty {
            lines.append("Stages with no node: " + c.missingStages.map(\.rawValue).joined(separator: ", "))
        }
        if !c.isolatedNodes.isEmpty { lines.append("Nodes with no edge: " + listed(c.isolatedNodes)) }
        lines.append("")
        lines.append(
            c.isSound
                ? "Verdict: the model closes a value loop and every activity is anchored."
                : "Verdict: \(Format.count(findings(c), "finding")) to address.")
        return lines.joined(separator: "\n")
    }

    static func findings(_ c: ModelCheck) -> Int {
        (c.loops.valueLoops == 0 ? 1 : 0) + c.grounding.unanchored.count + c.grounding.unknownResourceNodes.count
    }

    static func checkJSON(_ c: ModelCheck, model m: ValueModel, of e: Enterprise) -> JSON {
        let activities = c.grounding.activities.map { a -> JSON in
            [
                "activity": .string(a.activity), "anchored": .bool(a.isAnchored),
                "anchors": .array(a.anchors.map { .string($0) }),
                "feeders": .array(a.feeders.map { ["node": .string($0.node), "strength": .num($0.strength)] }),
                "problem": a.problem.map { .string($0) } ?? .null,
            ]
        }
        return [
            "model": .string(m.name), "enterprise": .string(e.name), "sound": .bool(c.isSound),
            "loops": loopsJSON(c.loops),
            "grounding": [
                "activities": .array(activities),
                "unanchored": .array(c.grounding.unanchored.map { .string($0.activity) }),
                "unknownResourceNodes": .array(c.grounding.unknownResourceNodes.map { .string($0) }),
            ],
            "missingStages": .array(c.missingStages.map { .string($0.rawValue) }),
            "isolatedNodes": .array(c.isolatedNodes.map { .string($0) }),
        ]
    }
}

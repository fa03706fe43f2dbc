import ValueCore
import Workbench

/// The SVG of a value model for notebooks: one column per stage (resource → … → reinvestment),
/// a box per node, forward edges as straight arrows, edges back to an earlier or the same stage
/// as arcs under the chain (those are the ones that close loops), each edge labelled + or −, and
/// the loops listed underneath. Every user-typed name is escaped.
enum ModelDiagram {
    static let columnWidth = 180.0
    static let boxWidth = 150.0
    static let boxHeight = 34.0
    static let rowHeight = 54.0
    static let top = 56.0

    static func svg(_ m: ValueModel, of e: Enterprise, loops: LoopReport) -> String {
        // Node positions, column by stage, row by order within the stage.
        var position: [String: (x: Double, y: Double, order: Int)] = [:]
        var rows = [Int](repeating: 0, count: ValueModel.Stage.allCases.count)
        for n in m.nodes {
            let key = Name.fold(n.name)
            guard position[key] == nil else { continue }
            let c = n.stage.order
            position[key] = (20 + Double(c) * columnWidth, top + Double(rows[c]) * rowHeight, c)
            rows[c] += 1
        }
        let chainBottom = top + Double(max(rows.max() ?? 0, 1)) * rowHeight
        var back = 0
        var edges = ""
        for edge in m.edges {
            guard let a = position[Name.fold(edge.from)], let b = position[Name.fold(edge.to)] else { continue }
            let negative = edge.polarity == .negative
            let stroke = "stroke=\"\(negative ? "#b03030" : "#404040")\""
            let style = stroke + (negative ? " stroke-dasharray=\"5 3\"" : "")
            let marker = negative ? "url(#arrow-neg)" : "url(#arrow-pos)"
            let label: (x: Double, y: Double)
            if b.order > a.order {
                let (x1, y1) = (a.x + boxWidth, a.y + boxHeight / 2)
                let (x2, y2) = (b.x, b.y + boxHeight / 2)
                edges +=
                    """
                    <path d=\"M\(f(x1)),\(f(y1)) C\(f(x1 + 20)),\(f(y1)) \(f(x2 - 20)),\(f(y2)) \
                    \(f(x2)),\(f(y2))\" fill=\"none\" \(style) marker-end=\"\(marker)\"/>\n
                    """
                label = ((x1 + x2) / 2, (y1 + y2) / 2)
            } else {
                // Back (or same-stage) edge: out of the source's right side, down the gap to a
                // lane under the chain (one lane per edge), along it, up the gap left of the
                // target and into its left side.
                let lane = chainBottom + 10 + Double(back) * 14
                let offset = 6 + Double(back % 4) * 4
                back += 1
                let (x1, y1) = (a.x + boxWidth, a.y + boxHeight / 2)
                let (x2, y2) = (b.x, b.y + boxHeight / 2)
                edges +=
                    """
                    <path d=\"M\(f(x1)),\(f(y1)) L\(f(x1 + offset)),\(f(y1)) L\(f(x1 + offset)),\(f(lane)) \
                    L\(f(x2 - offset)),\(f(lane)) L\(f(x2 - offset)),\(f(y2)) L\(f(x2)),\(f(y2))\" \
                    fill=\"none\" \(style) marker-end=\"\(marker)\"/>\n
                    """
                label = ((x1 + x2) / 2, lane)
            }
            edges += "<circle cx=\"\(f(label.x))\" cy=\"\(f(label.y))\" r=\"7\" fill=\"#ffffff\" \(stroke)/>"
            edges +=
                """
                <text x=\"\(f(label.x))\" y=\"\(f(label.y + 4))\" text-anchor=\"middle\" font-size=\"11\" \
                fill=\"\(negative ? "#b03030" : "#404040")\">\(negative ? "−" : "+")</text>\n
                """
        }
        let loopsTop = chainBottom + 24 + Double(back) * 14
        var out = ""
        var r = 0, b = 0
        var y = loopsTop
        let summary =
            loops.total == 0
            ? "No loops: the chain does not close."
            : """
            Loops: \(loops.complete ? "" : "at least ")\(loops.total) (\(loops.reinforcing) reinforcing, \
            \(loops.balancing) balancing; \(loops.valueLoops) value, \(loops.growthLoops) \
            growth\(loops.limitingLoops > 0 ? ", \(loops.limitingLoops) limiting growth" : ""))
            """
        out += "<text x=\"20\" y=\"\(f(y))\" font-size=\"12\" font-weight=\"bold\">\(Markup.xml(summary))</text>\n"
        for l in loops.loops {
            y += 18
            let label =
                l.polarity == .reinforcing
                ? {
                    r += 1; return "R\(r)"
                }()
                : {
                    b += 1; return "B\(b)"
                }()
            let kind = l.isGrowthLoop ? " growth" : l.limitsGrowth ? " limits growth" : l.isValueLoop ? " value" : ""
            let path = (l.nodes + [l.nodes[0]]).map(Markup.xml).joined(separator: " → ")
            out +=
                """
                <text x=\"20\" y=\"\(f(y))\" font-size=\"11\"><tspan \
                font-weight=\"bold\">\(label)\(kind)</tspan> \(path)</text>\n
                """
        }
        let width = 20 + Double(ValueModel.Stage.allCases.count) * columnWidth
        let height = y + 20
        var svg =
            """
            <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height))\" \
            viewBox=\"0 0 \(f(width)) \(f(height))\" font-family=\"sans-serif\">\n
            """
        svg += "<title>\(Markup.xml("Model \(m.name) of \(e.name)"))</title>\n"
        svg += """
            <defs><marker id="arrow-pos" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" \
            orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#404040"/></marker>\
            <marker id="arrow-neg" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" \
            orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#b03030"/></marker></defs>

            """
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        for stage in ValueModel.Stage.allCases {
            let x = 20 + Double(stage.order) * columnWidth
            svg +=
                """
                <text x=\"\(f(x + boxWidth / 2))\" y=\"30\" text-anchor=\"middle\" font-size=\"12\" \
                font-weight=\"bold\" fill=\"#606060\">\(stage.rawValue)</text>\n
                """
        }
        svg += edges
        for n in m.nodes {
            guard let p = position[Name.fold(n.name)] else { continue }
            var fill = "#f4f4f4"
            if n.stage == .resource {
                let strong = e.resources.first { Name.same($0.name, n.name) }.map {
                    $0.strength >= Resource.anchoringStrength
                }
                fill = strong == true ? "#e3f0e3" : strong == false ? "#f7ecd9" : "#f6dddd"
            }
            svg += "<g><title>\(Markup.xml(n.name)) (\(n.stage.rawValue))</title>"
            svg +=
                """
                <rect x=\"\(f(p.x))\" y=\"\(f(p.y))\" width=\"\(f(boxWidth))\" height=\"\(f(boxHeight))\" \
                rx=\"6\" fill=\"\(fill)\" stroke=\"#808080\"/>
                """
            svg +=
                """
                <text x=\"\(f(p.x + boxWidth / 2))\" y=\"\(f(p.y + boxHeight / 2 + 4))\" \
                text-anchor=\"middle\" font-size=\"11\">\(Markup.xml(short(n.name)))</text></g>\n
                """
        }
        svg += out
        svg += "</svg>\n"
        return svg
    }

    /// A name cut to fit its box (the full name is in the box's tooltip).
    static func short(_ name: String) -> String {
        guard Format.displayWidth(name) > 24 else { return name }
        var s = ""
        for ch in name {
            if Format.displayWidth(s + String(ch)) > 22 { break }
            s.append(ch)
        }
        return s + "…"
    }

    /// Coordinates with at most one decimal, so the SVG is stable and small.
    static func f(_ v: Double) -> String { Format.number((v * 10).rounded() / 10) }
}

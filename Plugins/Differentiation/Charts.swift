import Workbench

/// The canvas and value-map charts: Unicode text for the terminal (80 columns, monochrome) and
/// SVG for notebooks. Every name goes through `Markup.xml` in SVG.
enum Charts {
    /// The marks that stand for enterprises in the text charts: 1 … 9, then a … z, then +.
    /// Not capital letters: enterprises are often called A, B, C, and a legend "A B   B A" could
    /// not be read. `*` (several at one place) and `·` (the fair-value line) are not marks.
    static let marks = Array("123456789abcdefghijklmnopqrstuvwxyz")

    static func marker(_ i: Int) -> Character { i < marks.count ? marks[i] : "+" }

    /// A legend entry: `1 → CATL`.
    static func legend(_ i: Int, _ name: String) -> String { "\(marker(i)) → \(name)" }

    static let palette = [
        "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22",
    ]
    static let dashes = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4"]

    /// `s` cut to `width` columns, with an ellipsis when cut.
    static func clip(_ s: String, _ width: Int) -> String {
        if Format.displayWidth(s) <= width { return s }
        var out = ""
        for ch in s {
            if Format.displayWidth(out + String(ch)) > width - 1 { break }
            out.append(ch)
        }
        return out + "…"
    }

    static func n(_ v: Double) -> String { Format.fixed(v, 1) }

    // MARK: Strategy canvas

    static func canvas(_ c: Canvas) -> Chart {
        let title = "Strategy canvas"
        // Text: one row per factor, the 0–10 scale across (4 columns a point).
        let labelWidth = min(20, max(8, c.factors.map { Format.displayWidth($0) }.max() ?? 8))
        var t = "\(title): offering level 0–10 per factor, one mark per enterprise\n"
        let pad = String(repeating: " ", count: labelWidth + 1)
        t += pad + "0       2       4       6       8       10\n"
        t += pad + "├───────┼───────┼───────┼───────┼───────┤\n"
        var shared: [String] = []  // "Service: 1, 3" for each `*`
        for (f, factor) in c.factors.enumerated() {
            var cells = Array(repeating: Character(" "), count: 41)
            var at: [Int: [Int]] = [:]
            for (i, curve) in c.curves.enumerated() {
                let p = min(40, max(0, Int((curve.scores[f] * 4).rounded())))
                if cells[p] != " " { cells[p] = "*" } else { cells[p] = marker(i) }
                at[p, default: []].append(i)
            }
            for p in at.keys.sorted() where at[p]!.count > 1 {
                shared.append("\(clip(factor, 20)): " + at[p]!.map { String(marker($0)) }.joined(separator: ", "))
            }
            var row = Format.pad(clip(factor, labelWidth), labelWidth) + " " + String(cells)
            while row.hasSuffix(" ") { row.removeLast() }
            t += row + "\n"
        }
        var legend = c.curves.enumerated().map { Charts.legend($0.offset, clip($0.element.enterprise, 24)) }
        if !shared.isEmpty { legend.append("* → several at one level (" + shared.joined(separator: "; ") + ")") }
        t += wrap(legend, indent: "", width: 78)

        // SVG: factors along x, level up y, one polyline per enterprise.
        // Factor labels run down-left at 30°: leave them room on the left (≈ 6 px a character).
        let longest = Double(min(22, c.factors.map { Format.displayWidth($0) }.max() ?? 0))
        let left = max(50.0, longest * 6 * 0.87 + 12), top = 40.0, plotH = 260.0
        let step = max(70.0, min(120.0, 560.0 / Double(max(c.factors.count, 1))))
        let plotW = step * Double(max(c.factors.count - 1, 1))
        let legendTop = top + plotH + 90
        let width = left + plotW + 60, height = legendTop + 20 * Double(c.curves.count) + 10
        var s = svgOpen(width, height, title)
        for level in stride(from: 0, through: 10, by: 2) {
            let y = top + plotH - Double(level) / 10 * plotH
            s += line(left, y, left + plotW, y, stroke: "#ddd")
            s += text(left - 8, y + 4, String(level), anchor: "end", size: 11)
        }
        s += line(left, top, left, top + plotH, stroke: "#333")
        s += line(left, top + plotH, left + plotW, top + plotH, stroke: "#333")
        s += text(14, top + plotH / 2, "offering level", anchor: "middle", size: 11, rotate: -90)
        func x(_ f: Int) -> Double { c.factors.count == 1 ? left + plotW / 2 : left + Double(f) * step }
        for (f, factor) in c.factors.enumerated() {
            s += line(x(f), top, x(f), top + plotH, stroke: "#f0f0f0")
            s += text(
                x(f), top + plotH + 16, clip(factor, 22), anchor: "end", size: 11, rotate: -30,
                anchorAt: (x(f), top + plotH + 16))
        }
        for (i, curve) in c.curves.enumerated() {
            let color = palette[i % palette.count], dash = dashes[i % dashes.count]
            let pts = curve.scores.enumerated().map {
                "\(fmt(x($0.offset))),\(fmt(top + plotH - $0.element / 10 * plotH))"
            }
            s +=
                "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\""
                + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")
                + " points=\"\(pts.joined(separator: " "))\"/>\n"
            for (f, v) in curve.scores.enumerated() {
                s +=
                    "<circle cx=\"\(fmt(x(f)))\" cy=\"\(fmt(top + plotH - v / 10 * plotH))\" "
                    + "r=\"3.5\" fill=\"\(color)\">"
                    + "<title>\(Markup.xml(curve.enterprise)) — \(Markup.xml(c.factors[f])): \(n(v))</title></circle>\n"
            }
            let ly = legendTop + 20 * Double(i)
            s +=
                "<line x1=\"\(fmt(left))\" y1=\"\(fmt(ly))\" x2=\"\(fmt(left + 28))\" y2=\"\(fmt(ly))\" "
                + "stroke=\"\(color)\" stroke-width=\"2\""
                + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/>\n"
            s += text(left + 36, ly + 4, Charts.legend(i, curve.enterprise), anchor: "start", size: 12)
        }
        s += "</svg>\n"
        return Chart(title: title, text: t, svg: s)
    }

    // MARK: Value map

    static func valueMap(_ m: ValueMap) -> Chart {
        let title = "Customer value map"
        // Relative price across, relative quality up: above or left of the line is more quality
        // for the price. The market average (1, 1) is always in view.
        // Both axes share one range, so the line's slope reads as it is.
        let all: [Double] = m.points.flatMap { [$0.relativePrice, $0.relativeQuality] } + [1]
        let pad = max(((all.max() ?? 1) - (all.min() ?? 0)) * 0.1, 0.05)
        let x0 = (all.min() ?? 0) - pad, x1 = (all.max() ?? 1) + pad, y0 = x0, y1 = x1
        func fair(_ x: Double) -> Double { 1 + m.slope * (x - 1) }

        // Text: a 56 × 16 grid, relative quality up, relative price across; the line as dots.
        let cols = 56, rows = 16
        var grid = Array(repeating: Array(repeating: Character(" "), count: cols), count: rows)
        func col(_ x: Double) -> Int { min(cols - 1, max(0, Int(((x - x0) / (x1 - x0) * Double(cols - 1)).rounded()))) }
        func row(_ y: Double) -> Int? {
            let r = Int(((y1 - y) / (y1 - y0) * Double(rows - 1)).rounded())
            return (0..<rows).contains(r) ? r : nil
        }
        for c in 0..<cols {
            let x = x0 + (x1 - x0) * Double(c) / Double(cols - 1)
            if let r = row(fair(x)) { grid[r][c] = "·" }
        }
        if let r = row(1) { grid[r][col(1)] = "+" }
        var at: [[Int]: [Int]] = [:]
        var order: [[Int]] = []
        for (i, p) in m.points.enumerated() {
            guard let r = row(p.relativeQuality) else { continue }
            let c = col(p.relativePrice)
            if grid[r][c] != " " && grid[r][c] != "·" && grid[r][c] != "+" {
                grid[r][c] = "*"
            } else {
                grid[r][c] = marker(i)
            }
            if at[[r, c]] == nil { order.append([r, c]) }
            at[[r, c], default: []].append(i)
        }
        let shared = order.compactMap {
            at[$0]!.count > 1 ? at[$0]!.map { String(marker($0)) }.joined(separator: ", ") : nil
        }
        var t = "\(title): relative perceived quality (up), relative price (across).\n"
        t += "Dots: the fair-value line through the market average (+); above or left of it,\n"
        t += "more value than the price asks.\n"
        for (r, cells) in grid.enumerated() {
            let y = y1 - (y1 - y0) * Double(r) / Double(rows - 1)
            let label =
                r == 0 || r == rows - 1 || r == rows / 2 ? Format.pad(Format.fixed(y, 2), 6, right: true) : "      "
            var row = label + " │" + String(cells)
            while row.hasSuffix(" ") { row.removeLast() }
            t += row + "\n"
        }
        t += "       └" + String(repeating: "─", count: cols) + "\n"
        let mid = Format.fixed((x0 + x1) / 2, 2)
        let axis = Format.pad(Format.fixed(x0, 2), cols / 2 - Format.displayWidth(mid) / 2) + mid
        t += "        " + Format.pad(axis, cols - Format.displayWidth(Format.fixed(x1, 2))) + Format.fixed(x1, 2) + "\n"
        var legend = m.points.enumerated().map { Charts.legend($0.offset, clip($0.element.enterprise, 24)) }
        if !shared.isEmpty { legend.append("* → several at one point (" + shared.joined(separator: "; ") + ")") }
        t += wrap(legend, indent: "", width: 78)

        // SVG.
        let left = 60.0, top = 30.0, w = 420.0, h = 300.0
        let legendTop = top + h + 60
        var s = svgOpen(left + w + 40, legendTop + 20 * Double(m.points.count) + 10, title)
        func sx(_ x: Double) -> Double { left + (x - x0) / (x1 - x0) * w }
        func sy(_ y: Double) -> Double { top + (y1 - y) / (y1 - y0) * h }
        s += line(left, top, left, top + h, stroke: "#333")
        s += line(left, top + h, left + w, top + h, stroke: "#333")
        for k in 0...4 {
            let x = x0 + (x1 - x0) * Double(k) / 4, y = y0 + (y1 - y0) * Double(k) / 4
            s += text(sx(x), top + h + 16, Format.fixed(x, 2), anchor: "middle", size: 11)
            s += text(left - 6, sy(y) + 4, Format.fixed(y, 2), anchor: "end", size: 11)
        }
        s += text(left + w / 2, top + h + 36, "relative price (1 = market average)", anchor: "middle", size: 12)
        s += text(16, top + h / 2, "relative perceived quality", anchor: "middle", size: 12, rotate: -90)
        s +=
            "<circle cx=\"\(fmt(sx(1)))\" cy=\"\(fmt(sy(1)))\" r=\"3\" fill=\"none\" stroke=\"#888\">"
            + "<title>market average (1, 1)</title></circle>\n"
        // The line within the plot: where it meets the frame (slope > 0).
        let xa = max(x0, 1 + (y0 - 1) / m.slope), xb = min(x1, 1 + (y1 - 1) / m.slope)
        s +=
            "<line x1=\"\(fmt(sx(xa)))\" y1=\"\(fmt(sy(fair(xa))))\" x2=\"\(fmt(sx(xb)))\" y2=\"\(fmt(sy(fair(xb))))\" "
            + "stroke=\"#888\" stroke-dasharray=\"5 4\"><title>fair-value line</title></line>\n"
        for (i, p) in m.points.enumerated() {
            let color = palette[i % palette.count]
            s +=
                "<circle cx=\"\(fmt(sx(p.relativePrice)))\" cy=\"\(fmt(sy(p.relativeQuality)))\" "
                + "r=\"5\" fill=\"\(color)\">"
                + "<title>\(Markup.xml(p.enterprise)): \(Markup.xml(p.verdict.rawValue))</title></circle>\n"
            s += text(sx(p.relativePrice) + 7, sy(p.relativeQuality) - 6, String(marker(i)), anchor: "start", size: 11)
            let ly = legendTop + 20 * Double(i)
            s += "<circle cx=\"\(fmt(left + 6))\" cy=\"\(fmt(ly))\" r=\"5\" fill=\"\(color)\"/>\n"
            s += text(
                left + 18, ly + 4, "\(Charts.legend(i, p.enterprise)) — \(p.verdict.rawValue)", anchor: "start",
                size: 12)
        }
        s +=
            "<line x1=\"\(fmt(left + w - 140))\" y1=\"\(fmt(top + 10))\" x2=\"\(fmt(left + w - 110))\" "
            + "y2=\"\(fmt(top + 10))\" stroke=\"#888\" stroke-dasharray=\"5 4\"/>\n"
        s += text(left + w - 104, top + 14, "fair-value line", anchor: "start", size: 11)
        s += "</svg>\n"
        return Chart(title: title, text: t, svg: s)
    }

    // MARK: SVG pieces (every text escaped)

    static func fmt(_ v: Double) -> String { Format.number(v, maxDecimals: 1) }

    static func svgOpen(_ w: Double, _ h: Double, _ title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(fmt(w))\" height=\"\(fmt(h))\" "
            + "viewBox=\"0 0 \(fmt(w)) \(fmt(h))\" font-family=\"sans-serif\">\n"
            + "<title>\(Markup.xml(title))</title>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
            + "<text x=\"\(fmt(w / 2))\" y=\"18\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">"
            + "\(Markup.xml(title))</text>\n"
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String) -> String {
        "<line x1=\"\(fmt(x1))\" y1=\"\(fmt(y1))\" x2=\"\(fmt(x2))\" y2=\"\(fmt(y2))\" stroke=\"\(stroke)\"/>\n"
    }

    static func text(
        _ x: Double, _ y: Double, _ s: String, anchor: String, size: Int, rotate: Double? = nil,
        anchorAt: (Double, Double)? = nil
    ) -> String {
        var t = "<text x=\"\(fmt(x))\" y=\"\(fmt(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\""
        if let r = rotate {
            let (cx, cy) = anchorAt ?? (x, y)
            t += " transform=\"rotate(\(fmt(r)) \(fmt(cx)) \(fmt(cy)))\""
        }
        return t + ">\(Markup.xml(s))</text>\n"
    }

    /// Items joined with two spaces, wrapped at `width` columns.
    static func wrap(_ items: [String], indent: String, width: Int) -> String {
        var out = "", line = indent
        for item in items {
            if line != indent && Format.displayWidth(line) + 3 + Format.displayWidth(item) > width {
                out += line + "\n"; line = indent
            }
            line += (line == indent ? "" : "   ") + item
        }
        return out + line + "\n"
    }
}

import Workbench

/// The PSM and demand charts: Unicode text for the terminal (80 columns, monochrome) and SVG for
/// notebooks. Every name shown in SVG goes through `Markup.xml`.
enum PricingCharts {
    struct Series { var name: String; var mark: Character; var color: String; var dash: String; var values: [Double] }

    static let width = 60, height = 13

    /// The classic PSM chart: the four curves, the acceptable range shaded, OPP and IDP marked;
    /// with NMS a second panel with reach and revenue (revenue scaled to its maximum).
    static func psm(_ r: PSMResult, title: String) -> Chart {
        let series = [
            Series(name: "too cheap", mark: "1", color: "#2ca02c", dash: "6 3", values: r.tooCheap),
            Series(name: "cheap", mark: "2", color: "#1f77b4", dash: "", values: r.cheap),
            Series(name: "expensive", mark: "3", color: "#ff7f0e", dash: "", values: r.expensive),
            Series(name: "too expensive", mark: "4", color: "#d62728", dash: "6 3", values: r.tooExpensive),
        ]
        var marks: [(String, Double)] = []
        if let o = r.opp { marks.append(("OPP", o)) }
        if let i = r.idp { marks.append(("IDP", i)) }
        let band = r.low.flatMap { l in r.high.map { (l, $0) } }
        var text = "\(title): share of respondents (up) by price (across).\n"
        text += plot(r.prices, series, band: band, marks: marks, top: 1)
        var svg = svgPanel(r.prices, series, band: band, marks: marks, top: 1, y: 30, label: "share of respondents")
        var svgHeight = 330.0
        if let reach = r.reach, let revenue = r.revenue {
            let peak = max(revenue.max() ?? 1, 1e-300)
            let top = max(reach.max() ?? 1, 0.01)
            let nmsSeries = [
                Series(name: "reach (buyers)", mark: "r", color: "#9467bd", dash: "", values: reach),
                Series(
                    name: "revenue (scaled to the reach peak)", mark: "$", color: "#8c564b", dash: "4 2",
                    values: revenue.map { $0 / peak * top }),
            ]
            var nmsMarks: [(String, Double)] = []
            if let p = r.reachPrice { nmsMarks.append(("reach", p)) }
            if let p = r.revenuePrice { nmsMarks.append(("revenue", p)) }
            text += "\nNewton–Miller–Smith: purchase probability (up) by price.\n"
            text += plot(r.prices, nmsSeries, band: nil, marks: nmsMarks, top: top)
            svg += svgPanel(
                r.prices, nmsSeries, band: nil, marks: nmsMarks, top: top, y: svgHeight + 10,
                label: "purchase probability")
            svgHeight += 320
        }
        let head =
            """
            <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"\(f(svgHeight))\" viewBox=\"0 \
            0 720 \(f(svgHeight))\" font-family=\"sans-serif\">\n
            """
            + "<title>\(Markup.xml(title))</title>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
                + """
                <text x=\"360\" y=\"18\" text-anchor=\"middle\" font-size=\"14\" \
                font-weight=\"bold\">\(Markup.xml(title))</text>\n
                """
        return Chart(title: title, text: text, svg: head + svg + "</svg>\n")
    }

    /// The value of a step curve on the grid at price p (the last grid point ≤ p).
    static func value(_ prices: [Double], _ values: [Double], at p: Double) -> Double {
        var lo = 0, hi = prices.count - 1
        if p < prices[0] { return values[0] }
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if prices[mid] <= p { lo = mid } else { hi = mid - 1 }
        }
        return values[lo]
    }

    /// The value of a curve through the grid points at price p, straight between them.
    static func linear(_ prices: [Double], _ values: [Double], at p: Double) -> Double {
        if p <= prices[0] { return values[0] }
        guard let k = prices.firstIndex(where: { $0 >= p }) else { return values[values.count - 1] }
        let t = (p - prices[k - 1]) / (prices[k] - prices[k - 1])
        return values[k - 1] + t * (values[k] - values[k - 1])
    }

    static func money(_ v: Double) -> String { Format.number(v, maxDecimals: 2) }

    /// A text plot: `width` columns of prices, `height` rows of 0…top; the band shaded with ░,
    /// the marks as │ with their labels under the axis.
    /// Steps (`straight` false) suit the PSM's empirical distributions; straight lines suit a few
    /// tested prices.
    static func plot(
        _ prices: [Double], _ series: [Series], band: (Double, Double)?, marks: [(String, Double)], top: Double,
        straight: Bool = false
    ) -> String {
        let x0 = prices.first!, x1 = prices.last!
        func price(_ c: Int) -> Double { x0 + (x1 - x0) * Double(c) / Double(width - 1) }
        func col(_ p: Double) -> Int {
            min(width - 1, max(0, Int(((p - x0) / max(x1 - x0, 1e-300) * Double(width - 1)).rounded())))
        }
        var grid = Array(repeating: Array(repeating: Character(" "), count: width), count: height)
        if let (l, h) = band { for r in 0..<height { for c in col(l)...col(h) { grid[r][c] = "░" } } }
        for (_, p) in marks {
            for r in 0..<height where grid[r][col(p)] == " " || grid[r][col(p)] == "░" { grid[r][col(p)] = "│" }
        }
        var collided = false
        for s in series {
            for c in 0..<width {
                let v = straight ? linear(prices, s.values, at: price(c)) : value(prices, s.values, at: price(c))
                let r = min(height - 1, max(0, Int(((1 - v / top) * Double(height - 1)).rounded())))
                let here = grid[r][c]
                if here.isLetter || here.isNumber || here == "$" {
                    if here != s.mark { grid[r][c] = "*"; collided = true }
                } else {
                    grid[r][c] = s.mark
                }
            }
        }
        var t = ""
        for (r, cells) in grid.enumerated() {
            let y = top * (1 - Double(r) / Double(height - 1))
            let label =
                r == 0 || r == height - 1 || r == height / 2
                ? Format.pad(Format.percent(100 * y, decimals: 0), 5, right: true) : "     "
            var line = label + " │" + String(cells)
            while line.hasSuffix(" ") { line.removeLast() }
            t += line + "\n"
        }
        t += "      └" + String(repeating: "─", count: width) + "\n"
        let left = money(x0), right = money(x1)
        t += "       " + Format.pad(left, width - Format.displayWidth(right)) + right + "\n"
        var legend = series.map { "\($0.mark) \($0.name)" }
        if band != nil { legend.append("░ acceptable range \(money(band!.0))–\(money(band!.1))") }
        legend += marks.map { "│ \($0.0) \(money($0.1))" }
        if collided { legend.append("* several") }
        return t + wrap(legend, width: 78)
    }

    static func wrap(_ items: [String], width: Int) -> String {
        var out = "", line = ""
        for item in items {
            if !line.isEmpty && Format.displayWidth(line) + 3 + Format.displayWidth(item) > width {
                out += line + "\n"; line = ""
            }
            line += (line.isEmpty ? "" : "   ") + item
        }
        return out + line + "\n"
    }

    static func f(_ v: Double) -> String { Format.number(v, maxDecimals: 1) }

    /// One SVG panel at vertical offset y: axes, band, marks, curves (at most ~400 points each).
    static func svgPanel(
        _ prices: [Double], _ series: [Series], band: (Double, Double)?, marks: [(String, Double)],
        top: Double, y: Double, label: String
    ) -> String {
        let left = 60.0, w = 420.0, h = 220.0, t = y + 10
        let x0 = prices.first!, x1 = prices.last!
        func sx(_ p: Double) -> Double { left + (p - x0) / max(x1 - x0, 1e-300) * w }
        func sy(_ v: Double) -> Double { t + (1 - v / top) * h }
        var s = ""
        if let (l, hi) = band {
            s +=
                """
                <rect x=\"\(f(sx(l)))\" y=\"\(f(t))\" width=\"\(f(max(1, sx(hi) - sx(l))))\" \
                height=\"\(f(h))\" fill=\"#e8f4e8\"><title>acceptable range \
                \(money(l))–\(money(hi))</title></rect>\n
                """
        }
        s += "<line x1=\"\(f(left))\" y1=\"\(f(t))\" x2=\"\(f(left))\" y2=\"\(f(t + h))\" stroke=\"#333\"/>\n"
        s += "<line x1=\"\(f(left))\" y1=\"\(f(t + h))\" x2=\"\(f(left + w))\" y2=\"\(f(t + h))\" stroke=\"#333\"/>\n"
        for k in 0...4 {
            let v = top * Double(k) / 4, p = x0 + (x1 - x0) * Double(k) / 4
            s +=
                """
                <text x=\"\(f(left - 6))\" y=\"\(f(sy(v) + 4))\" text-anchor=\"end\" \
                font-size=\"11\">\(Format.percent(100 * v, decimals: 0))</text>\n
                """
            s +=
                """
                <text x=\"\(f(sx(p)))\" y=\"\(f(t + h + 16))\" text-anchor=\"middle\" \
                font-size=\"11\">\(money(p))</text>\n
                """
        }
        s +=
            """
            <text x=\"16\" y=\"\(f(t + h / 2))\" text-anchor=\"middle\" font-size=\"12\" \
            transform=\"rotate(-90 16 \(f(t + h / 2)))\">\(Markup.xml(label))</text>\n
            """
        s +=
            """
            <text x=\"\(f(left + w / 2))\" y=\"\(f(t + h + 34))\" text-anchor=\"middle\" \
            font-size=\"12\">price</text>\n
            """
        for (name, p) in marks {
            s +=
                """
                <line x1=\"\(f(sx(p)))\" y1=\"\(f(t))\" x2=\"\(f(sx(p)))\" y2=\"\(f(t + h))\" \
                stroke=\"#555\" stroke-dasharray=\"3 3\"/>\n
                """
            s +=
                """
                <text x=\"\(f(sx(p) + 3))\" y=\"\(f(t + 12))\" font-size=\"11\">\(Markup.xml(name)) \
                \(money(p))</text>\n
                """
        }
        let steps = min(prices.count, 400)
        for (i, c) in series.enumerated() {
            let points: [String] = (0..<steps).map { k in
                let p = steps == prices.count ? prices[k] : x0 + (x1 - x0) * Double(k) / Double(steps - 1)
                let v = steps == prices.count ? c.values[k] : value(prices, c.values, at: p)
                return "\(f(sx(p))),\(f(sy(v)))"
            }
            s +=
                "<polyline fill=\"none\" stroke=\"\(c.color)\" stroke-width=\"2\""
                + (c.dash.isEmpty ? "" : " stroke-dasharray=\"\(c.dash)\"")
                + " points=\"\(points.joined(separator: " "))\"><title>\(Markup.xml(c.name))</title></polyline>\n"
            let ly = t + 14 + 18 * Double(i)
            s +=
                """
                <line x1=\"\(f(left + w + 12))\" y1=\"\(f(ly))\" x2=\"\(f(left + w + 36))\" y2=\"\(f(ly))\" \
                stroke=\"\(c.color)\" stroke-width=\"2\"
                """
                + (c.dash.isEmpty ? "" : " stroke-dasharray=\"\(c.dash)\"") + "/>\n"
            s += "<text x=\"\(f(left + w + 40))\" y=\"\(f(ly + 4))\" font-size=\"11\">\(Markup.xml(c.name))</text>\n"
        }
        return s
    }

    /// Gabor–Granger: share buying and revenue (scaled) at each tested price.
    static func demand(_ d: DemandResult, title: String) -> Chart {
        let peak = max(d.revenue.max() ?? 1, 1e-300)
        let series = [
            Series(name: "share who would buy", mark: "s", color: "#1f77b4", dash: "", values: d.share),
            Series(
                name: "revenue (scaled to 100%)", mark: "$", color: "#8c564b", dash: "4 2",
                values: d.revenue.map { $0 / peak }),
        ]
        let marks = d.revenuePrice.map { [("max revenue", $0)] } ?? []
        var text = "\(title): share (up) by tested price (across).\n"
        text += plot(d.prices, series, band: nil, marks: marks, top: 1, straight: true)
        let head =
            """
            <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"330\" viewBox=\"0 0 720 330\" \
            font-family=\"sans-serif\">\n
            """
            + "<title>\(Markup.xml(title))</title>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
                + """
                <text x=\"360\" y=\"18\" text-anchor=\"middle\" font-size=\"14\" \
                font-weight=\"bold\">\(Markup.xml(title))</text>\n
                """
        return Chart(
            title: title, text: text,
            svg: head
                + svgPanel(d.prices, series, band: nil, marks: marks, top: 1, y: 30, label: "share of respondents")
                + "</svg>\n")
    }
}

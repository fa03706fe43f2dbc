#if canImport(Glibc)
    import Glibc
#endif

/// The JSON layout Python's `json.dumps(indent=1, sort_keys=True, ensure_ascii=False)` gives.
public enum JupyterWriter {
    /// Python's `str.splitlines(True)`: each line keeps its line break; "" gives no lines.
    public static func splitLines(_ s: String) -> [String] {
        var lines: [String] = []
        var s = s
        s.withUTF8 { b in
            var start = 0
            forEachLine(b) { end in
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self))
                start = end
            }
        }
        return lines
    }

    /// Calls `body` with the end of each line of `b` (after its break), the last line's end
    /// included. The breaks are Python's: \n, \r, \r\n, \v, \f, \x1c–\x1e, U+0085, U+2028, U+2029.
    static func forEachLine(_ b: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        var start = 0, i = 0
        func emit(_ end: Int) { body(end); start = end }
        while i < b.count {
            switch b[i] {
            case 0x0A, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E: i += 1; emit(i)
            case 0x0D:
                i += 1
                if i < b.count, b[i] == 0x0A { i += 1 }
                emit(i)
            case 0xC2 where i + 1 < b.count && b[i + 1] == 0x85: i += 2; emit(i)  // U+0085
            case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9):
                i += 3; emit(i)  // U+2028, U+2029
            default: i += 1
            }
        }
        if start < b.count { body(b.count) }
    }

    /// nbformat's `_split_mimebundle` rule: strings under `text/*`, `image/svg+xml` and
    /// `application/javascript` are stored as lists of lines.
    static func isSplit(mime: String) -> Bool {
        mime.hasPrefix("text/") || mime == "image/svg+xml" || mime == "application/javascript"
    }

    /// A multi-line string as the list of its lines.
    static func lines(_ s: String) -> JSON {
        // Fast path: most sources are one line without a break.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 >= 0x80 }) { return s.isEmpty ? .array([]) : .array([.string(s)]) }
        return .array(splitLines(s).map { .string($0) })
    }

    /// Writes `value` with Python's layout: one-space indent per level, `": "`, keys sorted by
    /// code point, `{}`/`[]` when empty.
    public static func write(_ value: JSON, into out: inout [UInt8], indent: Int) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case let .bool(b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case let .int(i): out.append(contentsOf: String(i).utf8)
        case let .number(d): writePythonFloat(d, into: &out)
        case let .string(s): JSON.writeString(s, into: &out)
        case let .array(items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent + 1)
                write(item, into: &out, indent: indent + 1)
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        case let .object(pairs):
            if pairs.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            var first = true
            for (key, item) in sorted(pairs) {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                newline(&out, indent + 1)
                JSON.writeString(key, into: &out)
                out.append(UInt8(ascii: ":")); out.append(UInt8(ascii: " "))
                write(item, into: &out, indent: indent + 1)
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// One cell, as `write(cell.diskJSON())` would write it, without building that tree.
    static func write(_ cell: Cell, into out: inout [UInt8], indent: Int) {
        guard cell.extra.isEmpty else { write(cell.diskJSON(), into: &out, indent: indent); return }
        let inner = indent + 1
        out.append(UInt8(ascii: "{"))
        func key(_ k: String, first: Bool = false) {
            if !first { out.append(UInt8(ascii: ",")) }
            newline(&out, inner)
            out.append(UInt8(ascii: "\"")); out.append(contentsOf: k.utf8); out.append(contentsOf: "\": ".utf8)
        }
        key("cell_type", first: true)
        JSON.writeString(cell.kind.rawValue, into: &out)
        if cell.kind == .code {
            key("execution_count")
            if let n = cell.executionCount {
                out.append(contentsOf: String(n).utf8)
            } else {
                out.append(contentsOf: "null".utf8)
            }
        }
        key("id")
        JSON.writeString(cell.id, into: &out)
        key("metadata")
        write(
            cell.metadata["trusted"] == nil ? cell.metadata : cell.metadata.removing("trusted"), into: &out,
            indent: inner)
        if cell.kind == .code {
            key("outputs")
            if cell.outputs.isEmpty {
                out.append(contentsOf: "[]".utf8)
            } else {
                out.append(UInt8(ascii: "["))
                for (i, o) in cell.outputs.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    newline(&out, inner + 1)
                    writeOutput(o, into: &out, indent: inner + 1)
                }
                newline(&out, inner)
                out.append(UInt8(ascii: "]"))
            }
        }
        key("source")
        writeLines(cell.source, into: &out, indent: inner)
        newline(&out, indent)
        out.append(UInt8(ascii: "}"))
    }

    /// One output, with the text Jupyter splits written as lists of lines.
    static func writeOutput(_ output: JSON, into out: inout [UInt8], indent: Int) {
        guard case let .object(pairs) = output, !pairs.isEmpty else {
            write(output, into: &out, indent: indent); return
        }
        let type = output["output_type"]?.stringValue
        let inner = indent + 1
        out.append(UInt8(ascii: "{"))
        for (i, (k, v)) in sorted(pairs).enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            newline(&out, inner)
            JSON.writeString(k, into: &out)
            out.append(contentsOf: ": ".utf8)
            if k == "data", type == "execute_result" || type == "display_data", case let .object(bundle) = v,
                !bundle.isEmpty
            {
                out.append(UInt8(ascii: "{"))
                for (j, (mime, value)) in sorted(bundle).enumerated() {
                    if j > 0 { out.append(UInt8(ascii: ",")) }
                    newline(&out, inner + 1)
                    JSON.writeString(mime, into: &out)
                    out.append(contentsOf: ": ".utf8)
                    if case let .string(text) = value, isSplit(mime: mime) {
                        writeLines(text, into: &out, indent: inner + 1)
                    } else {
                        write(value, into: &out, indent: inner + 1)
                    }
                }
                newline(&out, inner)
                out.append(UInt8(ascii: "}"))
            } else if k == "text", type == "stream", case let .string(text) = v {
                writeLines(text, into: &out, indent: inner)
            } else {
                write(v, into: &out, indent: inner)
            }
        }
        newline(&out, indent)
        out.append(UInt8(ascii: "}"))
    }

    /// A string as the list of its lines (`write(lines(s))` without the intermediate list):
    /// split on the UTF-8 bytes of Python's line breaks, each line escaped straight from them.
    static func writeLines(_ s: String, into out: inout [UInt8], indent: Int) {
        if s.isEmpty { out.append(contentsOf: "[]".utf8); return }
        out.append(UInt8(ascii: "["))
        var s = s
        s.withUTF8 { b in
            var start = 0, first = true
            forEachLine(b) { end in
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                newline(&out, indent + 1)
                JSON.writeString(bytes: UnsafeBufferPointer(rebasing: b[start..<end]), into: &out)
                start = end
            }
        }
        newline(&out, indent)
        out.append(UInt8(ascii: "]"))
    }

    @inline(__always)
    static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        for _ in 0..<indent { out.append(0x20) }
    }

    /// Keys in code-point order (UTF-8 byte order is the same order), as Python sorts `str`.
    /// A later duplicate key replaces an earlier one, as in a Python dict.
    static func sorted(_ pairs: [(String, JSON)]) -> [(String, JSON)] {
        var inOrder = true
        for i in pairs.indices.dropFirst() where !codePointLess(pairs[i - 1].0, pairs[i].0) {
            inOrder = false
            break
        }
        if inOrder { return pairs }
        var unique: [String: Int] = [:]
        var kept: [(String, JSON)] = []
        for (k, v) in pairs {
            if let i = unique[k] { kept[i].1 = v } else { unique[k] = kept.count; kept.append((k, v)) }
        }
        return kept.sorted { codePointLess($0.0, $1.0) }
    }

    /// Code-point order (which is UTF-8 byte order), by memcmp on the strings' bytes.
    @inline(__always)
    static func codePointLess(_ a: String, _ b: String) -> Bool {
        if let r = a.utf8.withContiguousStorageIfAvailable({ x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                let n = min(x.count, y.count)
                let c = n == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, n)
                return c < 0 || (c == 0 && x.count < y.count)
            }
        }), let r {
            return r
        }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// A float as Python's `repr` writes it: the shortest digits that read back the same value,
    /// positional notation when the decimal exponent is in -4 ..< 16 (with at least one fraction
    /// digit), scientific otherwise (`1e-05`, `1.5e+16`). NaN and infinities become `NaN`,
    /// `Infinity`, `-Infinity`, as Python's json writes them.
    public static func writePythonFloat(_ d: Double, into out: inout [UInt8]) {
        // JSON has no NaN or infinities (Python writes them, but JupyterLab's JSON.parse and
        // `python3 -m json.tool`-style readers refuse them): `null`, as JSON.writeNumber promises.
        guard d.isFinite else { out.append(contentsOf: "null".utf8); return }
        out.append(contentsOf: pythonRepr(d).utf8)
    }

    public static func pythonRepr(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        // Swift's description gives the shortest round-trip digits too; only the layout differs,
        // and only where Swift writes an exponent (below 1e-4 and from 2^53, where Python's
        // positional range goes on to 1e16). Elsewhere it is already Python's text.
        let swift = d.description
        if !swift.utf8.contains(UInt8(ascii: "e")) { return swift }
        var text = Substring(swift)
        var sign = ""
        if text.hasPrefix("-") { sign = "-"; text = text.dropFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        var digits: [UInt8] = []
        var pointAt: Int?
        for b in text.utf8 {
            if b == UInt8(ascii: ".") { pointAt = digits.count } else { digits.append(b) }
        }
        // value = 0.DIGITS × 10^decpt
        var decpt = (pointAt ?? digits.count) + exponent
        while let f = digits.first, f == UInt8(ascii: "0") { digits.removeFirst(); decpt -= 1 }
        while let l = digits.last, l == UInt8(ascii: "0") { digits.removeLast() }
        if digits.isEmpty { return sign + "0.0" }
        let ds = String(decoding: digits, as: UTF8.self)
        if decpt > -4 && decpt <= 16 {
            if decpt <= 0 { return sign + "0." + String(repeating: "0", count: -decpt) + ds }
            if decpt >= digits.count { return sign + ds + String(repeating: "0", count: decpt - digits.count) + ".0" }
            let cut = ds.index(ds.startIndex, offsetBy: decpt)
            return sign + ds[..<cut] + "." + ds[cut...]
        }
        let e = decpt - 1
        var mantissa = String(ds.prefix(1))
        if digits.count > 1 { mantissa += "." + ds.dropFirst() }
        let magnitude = String(abs(e))
        return sign + mantissa + "e" + (e < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" + magnitude : magnitude)
    }
}

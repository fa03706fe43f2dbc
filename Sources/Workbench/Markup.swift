/// Escaping for text that users typed (enterprise names, needs, …) when it goes into SVG, HTML or
/// Markdown. Every chart and report must pass names through these.
public enum Markup {
    /// Text safe inside XML/SVG/HTML elements and attribute values.
    public static func xml(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newline are not allowed in XML 1.0.
                if ch.value < 0x20 && ch != "\t" && ch != "\n" {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        return out
    }

    /// Text that Markdown shows literally, wherever it stands in a line: punctuation that could
    /// start markup is backslash-escaped (`$` too: Jupyter renders `$…$` as LaTeX), `<`, `>` and
    /// `&` become entities so no HTML gets through, line breaks become spaces, and what would
    /// start a block at a line's start (a list's `-`, `+` or `1.`, a heading's `#` or `=`, indentation)
    /// is escaped at the text's start.
    public static func markdown(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        var leading = true  // still in the text's leading spaces
        var digitsOnly = true  // only digits so far: a following `.` or `)` would start a list
        for (i, ch) in s.enumerated() {
            if leading, ch == " " || ch == "\t" { out += ch == " " ? "&#32;" : "&#9;"; continue }
            leading = false
            switch ch {
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "!", "|", "~", "$":
                out.append("\\"); out.append(ch)
            case ".":
                if digitsOnly && i > 0 { out.append("\\") }
                out.append(ch)
            case "-", "=":
                if out.isEmpty { out.append("\\") }
                out.append(ch)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(ch)
            }
            if !(ch.isASCII && ch.isNumber) { digitsOnly = false }
        }
        return out
    }
}

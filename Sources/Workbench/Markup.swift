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
                if ch.value < 0x20 && ch != "\t" && ch != "\n" { out += "\u{FFFD}" } else { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }

    /// Text that Markdown shows literally: punctuation that could start markup is backslash-escaped,
    /// and `<`/`&` become entities so no HTML gets through.
    public static func markdown(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "!", "|", "~":
                out.append("\\"); out.append(ch)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n": out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}

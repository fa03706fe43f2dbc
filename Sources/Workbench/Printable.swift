import ValueCore

/// Text from users and files made safe to print on a terminal, and short enough to read.
///
/// Commands refuse control characters and bidirectional overrides in text they store
/// (`Name.unsafeCharacter`), but text read before that rule, from a file, or from a snapshot may
/// still hold them; whatever reaches a terminal goes through `visible` so that an ESC cannot set
/// the title or rewrite the screen.
public enum Printable {
    /// `text` with each unsafe character shown as a visible symbol: C0 controls as their Unicode
    /// control pictures (ESC ␛, a line break ␊), DEL ␡, C1 controls and bidirectional overrides
    /// as `⟨U+XXXX⟩`.
    /// - Parameter keepingLines: leave line breaks and tabs as they are (multi-line text).
    public static func visible(_ text: String, keepingLines: Bool = false) -> String {
        guard mayHoldUnsafe(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if keepingLines, scalar == "\n" || scalar == "\t" { out.append(scalar); continue }
            guard Name.isUnsafe(scalar) else { out.append(scalar); continue }
            switch scalar.value {
            case 0..<0x20: out.append(Unicode.Scalar(0x2400 + scalar.value) ?? "?")
            case 0x7F: out.append("\u{2421}")
            default: out.append(contentsOf: "⟨\(Name.code(scalar))⟩".unicodeScalars)
            }
        }
        return String(out)
    }

    /// Whether `text` may hold an unsafe character (a fast byte scan; false means it holds none).
    @inlinable
    public static func mayHoldUnsafe(_ text: String) -> Bool {
        // < 0x20 and DEL; 0xC2: the lead byte of C1 controls; 0xE2: of U+202A… and U+2066….
        text.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }
    }

    /// The longest quoted token a message shows whole; longer ones are cut with "…".
    public static let quotedLimit = 80

    /// `message` with every quoted token ('…' or "…") longer than `quotedLimit` characters cut
    /// to that many followed by "…", so that an error about an 8 MB word is one short line. A
    /// quote opens after a non-letter and closes before one, so "don't" opens nothing.
    /// - Complexity: O(n) in the message's bytes.
    public static func shortened(_ message: String) -> String {
        let bytes = Array(message.utf8)
        guard bytes.count > quotedLimit else { return message }
        // Letters, digits and every non-ASCII byte count as word characters.
        func wordy(_ b: UInt8) -> Bool {
            b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
        }
        var out: [UInt8] = []
        out.reserveCapacity(min(bytes.count, 4096))
        var quote: UInt8?
        var inside = 0
        for (i, b) in bytes.enumerated() {
            if let q = quote {
                if b == q, i + 1 == bytes.count || !wordy(bytes[i + 1]) { quote = nil; out.append(b); continue }
                if b & 0xC0 != 0x80 { inside += 1 }  // a character starts (not a continuation byte)
                if inside <= quotedLimit {
                    out.append(b)
                } else if inside == quotedLimit + 1, b & 0xC0 != 0x80 {
                    out += Array("…".utf8)
                }
            } else {
                if b == UInt8(ascii: "'") || b == UInt8(ascii: "\""), i == 0 || !wordy(bytes[i - 1]) {
                    quote = b; inside = 0
                }
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// One word of a command line.
public struct Token: Sendable, Equatable {
    public var text: String
    /// Whether any part of the word was quoted or escaped: a quoted `--json` is a value, not an option.
    public var quoted: Bool
    /// Byte offset of the word's first character in the line (for completion and messages).
    public var offset: Int
    public init(_ text: String, quoted: Bool = false, offset: Int = 0) {
        self.text = text; self.quoted = quoted; self.offset = offset
    }
}

/// Splits command lines into words, as a shell does but smaller: double or single quotes group
/// words, a backslash escapes the next character (inside double quotes too), `#` at the start of a
/// word starts a comment.
public enum Tokenizer {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// A quote was opened at this byte offset and never closed.
        case unbalancedQuote(Character, offset: Int)
        public var description: String {
            switch self {
            case let .unbalancedQuote(q, offset):
                return
                    """
                    unbalanced quote: the \(q) at column \(offset + 1) is never closed (close it, or escape \
                    it with \\)
                    """
            }
        }
    }

    /// Whether `line` ends with an unescaped backslash: the command continues on the next line.
    public static func continues(_ line: String) -> Bool {
        var trailing = 0
        for b in line.utf8.reversed() {
            if b == UInt8(ascii: "\\") { trailing += 1 } else { break }
        }
        return trailing % 2 == 1
    }

    /// The words of `line`.
    /// - Throws: `Failure.unbalancedQuote` when a quote is not closed.
    public static func tokenize(_ line: String) throws -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(8)
        try scan(line) { tokens.append($0) }
        return tokens
    }

    /// Like `tokenize`, but an unclosed quote ends the last word instead of failing, and reports
    /// whether the line ended inside a word: what tab completion needs.
    public static func partial(_ line: String) -> (tokens: [Token], endsInWord: Bool) {
        var tokens: [Token] = []
        let endsInWord = (try? scan(line, lenient: true) { tokens.append($0) }) ?? false
        return (tokens, endsInWord)
    }

    @discardableResult
    private static func scan(_ line: String, lenient: Bool = false, _ emit: (Token) -> Void) throws -> Bool {
        var line = line
        return try line.withUTF8 { try scan(bytes: $0, lenient: lenient, emit) }
    }

    private static func scan(bytes: UnsafeBufferPointer<UInt8>, lenient: Bool, _ emit: (Token) -> Void) throws -> Bool {
        var i = 0
        let n = bytes.count
        var word: [UInt8] = []
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        while true {
            while i < n, isSpace(bytes[i]) { i += 1 }
            if i >= n { return false }
            if bytes[i] == UInt8(ascii: "#") { return false }
            let start = i
            // Fast path: a plain word (no quotes, no escapes) is a slice of the line.
            while i < n {
                let b = bytes[i]
                if isSpace(b) || b == UInt8(ascii: "\\") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { break }
                i += 1
            }
            if i >= n || isSpace(bytes[i]) {
                emit(
                    Token(
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self), offset: start)
                )
                if i >= n { return true }
                continue
            }
            var quoted = false
            word.removeAll(keepingCapacity: true)
            word.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
            while i < n {
                let b = bytes[i]
                if isSpace(b) { break }
                if b == UInt8(ascii: "\\") {
                    quoted = true
                    if i + 1 < n { word.append(bytes[i + 1]); i += 2 } else { i += 1 }
                    continue
                }
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                    quoted = true
                    let open = i
                    i += 1
                    var closed = false
                    var chunk = i
                    while i < n {
                        let c = bytes[i]
                        if c == b {
                            word.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunk..<i]))
                            closed = true; i += 1; break
                        }
                        if c == UInt8(ascii: "\\"), b == UInt8(ascii: "\""), i + 1 < n {
                            word.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunk..<i]))
                            word.append(bytes[i + 1]); i += 2; chunk = i; continue
                        }
                        i += 1
                    }
                    if !closed { word.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunk..<n])) }
                    if !closed {
                        if lenient {
                            emit(Token(String(decoding: word, as: UTF8.self), quoted: true, offset: start))
                            return true
                        }
                        throw Failure.unbalancedQuote(Character(Unicode.Scalar(b)), offset: open)
                    }
                    continue
                }
                word.append(b)
                i += 1
            }
            emit(Token(String(decoding: word, as: UTF8.self), quoted: quoted, offset: start))
            if i >= n { return true }
        }
    }

    /// Quotes `word` so that it tokenizes back to itself: used when writing commands for the user.
    public static func quote(_ word: String) -> String {
        if !word.isEmpty,
            word.utf8.allSatisfy({ b in
                !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
                    || b == UInt8(ascii: "\\") || b == UInt8(ascii: "#"))
            })
        {
            return word
        }
        var out = "\""
        for ch in word {
            if ch == "\"" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        out.append("\"")
        return out
    }
}

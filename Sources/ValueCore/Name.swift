/// Case-insensitive names.
public enum Name {
    /// The key under which a name is unique: Unicode lower case. ASCII takes a fast path.
    @inlinable
    public static func fold(_ name: String) -> String {
        var copy = name
        let plain = copy.withUTF8 { bytes in
            for b in bytes where b >= 0x80 || (b >= 0x41 && b <= 0x5A) { return false }
            return true
        }
        return plain ? name : name.lowercased()
    }

    /// The first control character in `name` (C0, DEL or C1: a line break, a tab, an escape
    /// sequence's ESC) or bidirectional override (U+202A–U+202E, U+2066–U+2069), or nil. Text
    /// holding one would break tables, could drive the terminal, or show in another order than
    /// it is stored; commands refuse it in every text they keep.
    public static func controlCharacter(in name: String) -> Unicode.Scalar? {
        var copy = name
        // Most text is ASCII with no control: one pass over the bytes decides it.
        let plain = copy.withUTF8 { bytes in !bytes.contains { $0 < 0x20 || $0 >= 0x7F } }
        return plain ? nil : name.unicodeScalars.first(where: isUnsafe)
    }

    /// Whether `c` is a control character or a bidirectional override (see `controlCharacter`).
    @inlinable
    public static func isUnsafe(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x20 || (0x7F...0x9F).contains(c.value) || (0x202A...0x202E).contains(c.value)
            || (0x2066...0x2069).contains(c.value)
    }

    /// "the control character U+001B" or "the bidirectional override U+202E", for messages.
    public static func describe(_ c: Unicode.Scalar) -> String {
        (c.value >= 0x202A ? "the bidirectional override " : "the control character ") + code(c)
    }

    /// `U+001B`: how messages name a character.
    public static func code(_ c: Unicode.Scalar) -> String {
        let hex = String(c.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Whether two names are the same name.
    @inlinable
    public static func same(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        // ASCII on both sides: compare bytes ignoring case, without allocating.
        var x = a, y = b
        let answer: Bool? = x.withUTF8 { p in
            y.withUTF8 { q in
                for c in p where c >= 0x80 { return nil }
                for c in q where c >= 0x80 { return nil }
                guard p.count == q.count else { return false }
                for i in 0..<p.count {
                    let l = p[i] >= 0x41 && p[i] <= 0x5A ? p[i] | 0x20 : p[i]
                    let r = q[i] >= 0x41 && q[i] <= 0x5A ? q[i] | 0x20 : q[i]
                    if l != r { return false }
                }
                return true
            }
        }
        return answer ?? (fold(a) == fold(b))
    }
}

extension Array {
    /// The index of the element whose name (read by `key`) matches `name` case-insensitively.
    @inlinable
    public func index(named name: String, by key: (Element) -> String) -> Int? {
        firstIndex { Name.same(key($0), name) }
    }
}

/// A name as a dictionary key that ignores case (`Name.same`). It carries a fingerprint of the
/// folded name (FNV-1a), so hashing and most unequal comparisons cost one integer compare and no
/// allocation.
public struct NameKey: Hashable, Sendable {
    public let name: String
    @usableFromInline let fingerprint: UInt64

    @inlinable
    public init(_ name: String) {
        self.name = name
        var name = name
        fingerprint = name.withUTF8 { bytes in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in bytes {
                if b >= 0x80 {
                    // Swift's own String hash, which (like `==` in Name.same) ignores Unicode
                    // normalisation: "Café" typed precomposed or as e + U+0301 is one name. The
                    // UTF-8 bytes differ, so hashing them made equal names miss in the index.
                    var hasher = Hasher()
                    hasher.combine(Name.fold(String(decoding: bytes, as: UTF8.self)))
                    return UInt64(bitPattern: Int64(hasher.finalize()))
                }
                h = (h ^ UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)) &* 0x100_0000_01b3
            }
            return h
        }
    }

    @inlinable
    public static func == (a: NameKey, b: NameKey) -> Bool {
        a.fingerprint == b.fingerprint && Name.same(a.name, b.name)
    }

    @inlinable
    public func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }
}

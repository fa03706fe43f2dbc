/// FNV-1a, 64 bits: a fast hash that notices accidental change (not a signature).
public struct FNV1a: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    public init() {}
    public mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    public mutating func add<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            var v = value
            for b in buffer { v = (v ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
            value = v
        }
        if done == nil { for b in bytes { add(b) } }
    }
    public mutating func addWord(_ word: UInt64) {
        var w = word
        for _ in 0..<8 { add(UInt8(truncatingIfNeeded: w)); w >>= 8 }
    }
    public var text: String {
        let hex = String(value, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}

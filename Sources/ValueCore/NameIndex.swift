#if canImport(Glibc)
    import Glibc
#endif

/// Positions of enterprises by name, ignoring case: an open-addressing hash table keyed by the
/// name's fingerprint (`NameKey`).
///
/// `Dictionary` would do, but every lookup there seeds and finalises SipHash; a workspace is
/// looked up several times per command, and a 100,000-line script spent an eighth of its time
/// hashing. The fingerprint is already a good hash, so a slot costs a multiply.
///
/// `VALUEBENCH_NAME_INDEX=0` keeps the positions in a `Dictionary` instead, to compare
/// (PERFORMANCE.md).
struct NameIndex: Sendable {
    /// Whether the table is used (`VALUEBENCH_NAME_INDEX` is not `0`).
    static let enabled = getenv("VALUEBENCH_NAME_INDEX").map { String(cString: $0) } != "0"
    /// The positions when the table is switched off.
    private var dictionary: [NameKey: Int]? = enabled ? nil : [:]
    private var fingerprints: [UInt64] = []
    private var names: [String] = []
    /// -1: an empty slot.
    private var values: [Int] = []
    private(set) var count = 0
    private var shift = 64

    init() {}

    private var capacity: Int { values.count }

    /// The home slot of a fingerprint: its top bits after a Fibonacci multiply.
    @inline(__always)
    private func home(_ fingerprint: UInt64) -> Int {
        Int(truncatingIfNeeded: (fingerprint &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    private func slot(of key: NameKey) -> Int? {
        guard count > 0 else { return nil }
        let mask = capacity - 1
        var i = home(key.fingerprint)
        while values[i] >= 0 {
            if fingerprints[i] == key.fingerprint, Name.same(names[i], key.name) { return i }
            i = (i + 1) & mask
        }
        return nil
    }

    subscript(key: NameKey) -> Int? {
        get { dictionary != nil ? dictionary![key] : slot(of: key).map { values[$0] } }
        set {
            if dictionary != nil {
                let old =
                    newValue.map { dictionary!.updateValue($0, forKey: key) } ?? dictionary!.removeValue(forKey: key)
                count += (newValue != nil ? 1 : 0) - (old != nil ? 1 : 0)
            } else if let value = newValue {
                insert(key, value)
            } else if let i = slot(of: key) {
                removeSlot(i)
            }
        }
    }

    mutating func reserveCapacity(_ n: Int) {
        if dictionary != nil { dictionary!.reserveCapacity(n); return }
        if n * 4 >= capacity * 3 { grow(to: n) }
    }

    private mutating func insert(_ key: NameKey, _ value: Int) {
        if let i = slot(of: key) { values[i] = value; names[i] = key.name; return }
        _ = insertNew(key, value)
    }

    /// Adds `key` unless it is there already, in one probe; returns whether it was added.
    mutating func insertNew(_ key: NameKey, _ value: Int) -> Bool {
        if dictionary != nil {
            guard dictionary![key] == nil else { return false }
            dictionary![key] = value; count += 1
            return true
        }
        if (count + 1) * 4 >= capacity * 3 { grow(to: count + 1) }
        let mask = capacity - 1
        var i = home(key.fingerprint)
        while values[i] >= 0 {
            if fingerprints[i] == key.fingerprint, Name.same(names[i], key.name) { return false }
            i = (i + 1) & mask
        }
        fingerprints[i] = key.fingerprint
        names[i] = key.name
        values[i] = value
        count += 1
        return true
    }

    /// Adds `keys` as values `first`, `first + 1`, … unless one of them is taken (by the index or
    /// by an earlier key of the list): then adds none and returns the position in `keys` of the
    /// first taken one.
    ///
    /// Keys go in by home slot rather than in list order, so a million of them sweep the table
    /// once instead of missing the cache at every key (a tenth of a million-row import).
    mutating func insertNew(contentsOf keys: [NameKey], from first: Int) -> Int? {
        if dictionary != nil {
            for (position, key) in keys.enumerated() where !insertNew(key, first + position) {
                for added in keys[..<position] { self[added] = nil }
                return position
            }
            return nil
        }
        reserveCapacity(count + keys.count)
        let bits = min(16, 64 - shift)
        var starts = [Int](repeating: 0, count: (1 << bits) + 1)
        var buckets = [Int32](repeating: 0, count: keys.count)
        let homes = keys.map { home($0.fingerprint) }
        for h in homes { starts[(h >> (64 - shift - bits)) + 1] += 1 }
        for b in 0..<(1 << bits) { starts[b + 1] += starts[b] }
        for (i, h) in homes.enumerated() {
            let b = h >> (64 - shift - bits)
            buckets[starts[b]] = Int32(truncatingIfNeeded: i)
            starts[b] += 1
        }
        for (done, i) in buckets.enumerated() where !insertNew(keys[Int(i)], first + Int(i)) {
            // Taken: take back what went in, then find the first taken key in list order.
            for j in buckets[..<done] { self[keys[Int(j)]] = nil }
            for (position, key) in keys.enumerated() where !insertNew(key, first + position) {
                for added in keys[..<position] { self[added] = nil }
                return position
            }
            preconditionFailure("a key was taken in one order and not in the other")
        }
        return nil
    }

    /// Linear probing's backward-shift deletion: no tombstones, probes stay short.
    private mutating func removeSlot(_ removed: Int) {
        let mask = capacity - 1
        var hole = removed
        values[hole] = -1
        names[hole] = ""
        var j = hole
        while true {
            j = (j + 1) & mask
            if values[j] < 0 { break }
            let k = home(fingerprints[j])
            // Move j into the hole unless its home lies cyclically in (hole, j].
            let between = hole <= j ? (hole < k && k <= j) : (hole < k || k <= j)
            if !between {
                fingerprints[hole] = fingerprints[j]; names[hole] = names[j]; values[hole] = values[j]
                values[j] = -1; names[j] = ""
                hole = j
            }
        }
        count -= 1
    }

    private mutating func grow(to n: Int) {
        var newCapacity = 16
        while n * 4 >= newCapacity * 3 { newCapacity *= 2 }
        let oldFingerprints = fingerprints, oldValues = values
        var oldNames = names
        names = []  // leaves oldNames unshared, so names can be moved out of it below
        fingerprints = [UInt64](repeating: 0, count: newCapacity)
        names = [String](repeating: "", count: newCapacity)
        values = [Int](repeating: -1, count: newCapacity)
        shift = 64 - newCapacity.trailingZeroBitCount
        count = 0
        let mask = newCapacity - 1
        for i in oldValues.indices where oldValues[i] >= 0 {
            var s = home(oldFingerprints[i])
            while values[s] >= 0 { s = (s + 1) & mask }
            fingerprints[s] = oldFingerprints[i]; values[s] = oldValues[i]
            // Swap rather than copy: no reference counting per name while rehashing.
            swap(&names[s], &oldNames[i])
            count += 1
        }
    }
}

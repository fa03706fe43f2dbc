/// A stack of values being collected for the arrays the reader builds. Elements are moved (not
/// copied and released) into an array of the exact size: copying them out of a Swift array
/// cost more retains and releases than the growth it saved.
final class Scratch<Element> {
    private var base: UnsafeMutablePointer<Element>
    private var capacity = 64
    private(set) var count = 0

    init() { base = .allocate(capacity: capacity) }
    deinit { base.deinitialize(count: count); base.deallocate() }

    func push(_ element: Element) {
        if count == capacity {
            let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: base, count: count)
            base.deallocate()
            base = grown
            capacity *= 2
        }
        (base + count).initialize(to: element)
        count += 1
    }

    subscript(i: Int) -> Element {
        get { base[i] }
        _modify { yield &base[i] }
    }

    /// The elements from `start` on, moved into a new array; the stack is cut back to `start`.
    func take(from start: Int) -> [Element] {
        let n = count - start
        guard n > 0 else { return [] }
        let from = base + start
        count = start
        // Not `Array(unsafeUninitializedCapacity:)`: unspecialized in the standard library, it
        // looked up the array's type metadata at run time for every list (600 instructions each).
        var out: [Element] = []
        out.reserveCapacity(n)
        for k in 0..<n { out.append((from + k).move()) }
        return out
    }

    /// Drops the elements from `start` on (what an object or list being read when an error
    /// was found had collected).
    func drop(to start: Int) {
        guard count > start else { return }
        (base + start).deinitialize(count: count - start)
        count = start
    }
}

extension Scratch where Element == (String, JSON) {
    /// The position of the member named `key` among those from `start` on.
    func index(of key: String, from start: Int) -> Int? {
        var n = start
        while n < count {
            if base[n].0 == key { return n }
            n += 1
        }
        return nil
    }
}

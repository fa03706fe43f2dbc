import Dispatch

/// Work for two cores: runs `body(0)` and `body(1)` at once (one on the calling thread) and
/// returns both results, in that order. The caller's `Cancellation` holds on both threads. With
/// `Tuning.threads` = 1 (`VALUEBENCH_THREADS=1`) runs them one after the other on the calling thread.
public func inParallel<T: Sendable>(_ body: @Sendable (Int) -> T) -> (T, T) {
    if Tuning.threads < 2 { return (body(0), body(1)) }
    let results = Pair<T>()
    let token = Cancellation.current
    DispatchQueue.concurrentPerform(iterations: 2) { i in
        if let token { results.set(i, token.installed { body(i) }) } else { results.set(i, body(i)) }
    }
    return (results.values[0]!, results.values[1]!)
}

/// Two results, each set by its own thread.
private final class Pair<T: Sendable>: @unchecked Sendable {
    private(set) var values: [T?] = [nil, nil]
    private let lock = DispatchSemaphore(value: 1)
    func set(_ i: Int, _ value: T) {
        lock.wait()
        values[i] = value
        lock.signal()
    }
}

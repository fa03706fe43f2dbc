#if canImport(Glibc)
    import Glibc
#endif
import Synchronization

/// Cooperative cancellation of a running command (Ctrl-C in the REPL, interrupt_request in the
/// kernel).
///
/// Whoever runs a command on a worker thread makes a `Cancellation`, runs the command inside
/// `installed(_:)` on that thread, and calls `cancel()` from another thread. Long loops in
/// analyses ask `Cancellation.check()` (throwing) or `Cancellation.isRequested` every few
/// thousand iterations: one thread-local lookup and one relaxed atomic load, nothing measurable.
/// A cancelled command throws `Cancellation.interrupted`, so the session reverts whatever it had
/// changed (nothing is half applied). With no token installed (scripts, tests) the checks are
/// always false. C loops get `cCheck` and `cContext` (a function and its argument; the function
/// returns nonzero once cancelled), valid while the command runs.
public final class Cancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    /// A token not yet cancelled.
    public init() {}

    /// Asks the command running with this token to stop (any thread, any number of times).
    public func cancel() { flag.store(true, ordering: .relaxed) }

    /// Whether `cancel()` was called.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }

    /// The error a cancelled command ends with: an error line, as the command did not happen.
    public static let interrupted = CommandError(
        "Interrupted", "cancelled (Ctrl-C): the command was stopped and changed nothing")

    /// Runs `body` with this token as the calling thread's current one (restoring the previous).
    public func installed<T>(_ body: () throws -> T) rethrows -> T {
        let key = Cancellation.key
        let previous = pthread_getspecific(key)
        pthread_setspecific(key, Unmanaged.passUnretained(self).toOpaque())
        defer { pthread_setspecific(key, previous) }
        return try body()
    }

    /// The calling thread's token, if a command runs there under one.
    public static var current: Cancellation? {
        guard let raw = pthread_getspecific(key) else { return nil }
        return Unmanaged<Cancellation>.fromOpaque(raw).takeUnretainedValue()
    }

    /// Whether the command running on this thread was asked to stop.
    @inline(__always) public static var isRequested: Bool { current?.isCancelled ?? false }

    /// Throws `interrupted` if the command running on this thread was asked to stop.
    @inline(__always) public static func check() throws(CommandError) {
        if isRequested { throw interrupted }
    }

    /// For C loops: `cCheck(cContext)` is nonzero once the current command is cancelled
    /// (cContext is nil, and the check always 0, with no token installed).
    public static var cContext: UnsafeMutableRawPointer? { pthread_getspecific(key) }

    /// See `cContext`.
    public static let cCheck: @convention(c) (UnsafeMutableRawPointer?) -> Int32 = { raw in
        guard let raw else { return 0 }
        return Unmanaged<Cancellation>.fromOpaque(raw).takeUnretainedValue().isCancelled ? 1 : 0
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()
}

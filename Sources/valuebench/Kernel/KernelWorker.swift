#if canImport(Glibc)
    import Glibc
#endif
import Workbench

/// The thread the kernel runs commands on, kept from one command to the next: starting a
/// thread with a 64 MB stack for each line cost more than running a small command.
///
/// As with the REPL's CancellableRun, the command runs on a copy of the session under a
/// `Cancellation` token: `stop()` cancels it and waits for the command to end (its copy is then
/// dropped and the worker serves the next command). A command that does not stop in time is
/// abandoned: `abandon()` leaves its worker to finish on its own and drop the result, and the
/// next command gets a new worker.
final class KernelWorker: @unchecked Sendable {
    /// The kernel writes a byte here to start `line` on `session`; closing it ends the thread.
    private var request: [Int32] = [-1, -1]
    /// The worker writes a byte here when `outcome` and `session` are in (zmq_poll waits on [0]).
    private var done: [Int32] = [-1, -1]
    // Written by one side and read by the other only after a byte on a pipe (which orders them).
    private var session: Session?
    private var line = ""
    private var outcome: Outcome = .nothing
    private var token = Cancellation()

    /// nil when no pipe or thread can be had (the kernel then runs commands on its own thread).
    init?() {
        guard pipe(&request) == 0 else { return nil }
        guard pipe(&done) == 0 else { close(request[0]); close(request[1]); return nil }
        guard start() else { for fd in request + done { close(fd) }; return nil }
    }

    deinit { for fd in [request[0], done[0], done[1]] where fd >= 0 { close(fd) } }

    /// The descriptor that becomes readable when the command is done.
    var doneFD: Int32 { done[0] }

    func run(_ line: String, on session: Session) {
        self.session = session
        self.line = line
        token = Cancellation()
        var byte: UInt8 = 1
        _ = write(request[1], &byte, 1)
    }

    /// The session after the command, and its outcome (once `doneFD` is readable).
    func result() -> (Session, Outcome) {
        var byte: UInt8 = 0
        _ = read(done[0], &byte, 1)
        defer { session = nil }  // no second reference: the kernel's next change must not copy the workspace
        return (session!, outcome)
    }

    /// Cancels the running command and waits up to `CancellableRun.stopWait` for it to end;
    /// true when it did (its result read and dropped: the worker is ready for the next line).
    func stop() -> Bool {
        token.cancel()
        var fds = [pollfd(fd: done[0], events: Int16(POLLIN), revents: 0)]
        var n: Int32
        repeat { n = poll(&fds, 1, CancellableRun.stopWait) } while n < 0 && errno == EINTR
        guard n > 0 else { return false }
        _ = result()
        return true
    }

    /// Lets the running command finish unobserved; the thread then ends.
    func abandon() {
        close(request[1])
        request[1] = -1
    }

    private func start() -> Bool {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 64 << 20)  // as CancellableRun: deep analyses
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let context = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(
            &thread, &attributes,
            { raw in
                let worker = Unmanaged<KernelWorker>.fromOpaque(raw!).takeRetainedValue()
                var byte: UInt8 = 0
                while read(worker.request[0], &byte, 1) == 1 {
                    worker.outcome = worker.token.installed { worker.session!.execute(worker.line) }
                    _ = write(worker.done[1], &byte, 1)
                }
                return nil
            }, context)
        if status != 0 { Unmanaged<KernelWorker>.fromOpaque(context).release() }
        return status == 0
    }
}

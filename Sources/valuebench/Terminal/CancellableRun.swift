import CLibEdit
import Workbench
#if canImport(Glibc)
    import Glibc
#endif

/// Runs a command so that Ctrl-C cancels it.
///
/// The command runs on a worker thread, on a copy of the session (a value: the copy costs a
/// reference count until the command changes something), under a `Cancellation` token, while
/// the main thread waits for either the command's end or SIGINT (the handler writes to a pipe).
/// On Ctrl-C the token is cancelled: long analyses check it and throw, and the worker ends; the
/// main thread waits for that (`stopWait`), joins the thread and drops the copy, so the
/// workspace is as it was before the command. A command that does not stop within `stopWait`
/// (code with no checks) is left to finish in the background, detached, and its result dropped.
enum CancellableRun {
    /// The message for a cancelled command (an error line: the command did not happen).
    static let cancelled = Cancellation.interrupted
    /// How long Ctrl-C waits for the command to stop before leaving it behind: 200 ms.
    static let stopWait: Int32 = 200

    /// What the worker thread and the waiting thread share. The worker writes `session` and
    /// `outcome`, then writes to `done`; the waiting thread reads them only after that byte
    /// arrives (the pipe orders the accesses).
    final class Job: @unchecked Sendable {
        var session: Session
        let line: String
        let token = Cancellation()
        var outcome: Outcome = .nothing
        var done: [Int32] = [-1, -1]
        init(session: Session, line: String) { self.session = session; self.line = line }
        deinit { for fd in done where fd >= 0 { close(fd) } }

        /// Runs the line under the token, then says so on `done`.
        func work() {
            outcome = token.installed { session.execute(line) }
            var byte: UInt8 = 1
            _ = write(done[1], &byte, 1)
        }

        /// Whether `done` becomes readable within `milliseconds` (-1: no limit).
        func finished(within milliseconds: Int32) -> Bool {
            var fds = [pollfd(fd: done[0], events: Int16(POLLIN), revents: 0)]
            while true {
                let n = poll(&fds, 1, milliseconds)
                if n < 0, errno == EINTR { continue }
                return n > 0
            }
        }
    }

    static func execute(_ session: inout Session, _ line: String) -> Outcome {
        _ = clibedit_take_interrupt()  // forget a Ctrl-C typed at the prompt
        let interruptFD = clibedit_interrupt_fd()
        let job = Job(session: session, line: line)
        guard interruptFD >= 0, pipe(&job.done) == 0, let thread = start(job) else {
            // No thread or no pipe: run here (Ctrl-C then only stops the command's output).
            return session.execute(line)
        }
        var fds = [
            pollfd(fd: job.done[0], events: Int16(POLLIN), revents: 0),
            pollfd(fd: interruptFD, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            let n = poll(&fds, 2, -1)
            if n < 0 { if errno == EINTR { continue } else { break } }
            if fds[0].revents != 0 {
                pthread_join(thread, nil)
                session = job.session
                return job.outcome
            }
            if fds[1].revents != 0, clibedit_take_interrupt() != 0 {
                // The terminal echoed ^C where the cursor was: the message goes below it.
                OutputStream.stdout.write("\n")
                OutputStream.stdout.flush()
                break
            }
            fds[1].revents = 0
        }
        stop(job, thread)
        return .failure(cancelled)
    }

    /// Cancels the job and joins its thread, or, if it does not end within `stopWait`, detaches
    /// it (it then runs on and its result is dropped). The session copy is dropped either way.
    static func stop(_ job: Job, _ thread: pthread_t) {
        job.token.cancel()
        if job.finished(within: stopWait) { pthread_join(thread, nil) } else { pthread_detach(thread) }
    }

    /// Starts the worker (joinable, with a large stack for deep analyses).
    static func start(_ job: Job) -> pthread_t? {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 64 << 20)
        let context = Unmanaged.passRetained(job).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(
            &thread, &attributes,
            { raw in
                guard let raw else { return nil }
                Unmanaged<Job>.fromOpaque(raw).takeRetainedValue().work()
                return nil
            }, context)
        if status != 0 {
            Unmanaged<Job>.fromOpaque(context).release()
            return nil
        }
        return thread
    }
}

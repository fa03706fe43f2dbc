import CLibEdit
import Workbench
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a command so that Ctrl-C cancels it.
///
/// Swift code cannot be stopped safely in the middle, so the command runs on a worker thread,
/// on a copy of the session (a value: the copy costs a reference count until the command
/// changes something), while the main thread waits for either the command's end or SIGINT
/// (the handler writes to a pipe). On Ctrl-C the copy is abandoned: the prompt comes back at
/// once and the workspace is as it was before the command. The abandoned thread runs on to its
/// end in the background and its result is dropped.
enum CancellableRun {
    /// The message for a cancelled command (an error line: the command did not happen).
    static let cancelled = CommandError("Interrupted", "cancelled (Ctrl-C): the command was stopped and changed nothing")

    /// What the worker thread and the waiting thread share. The worker writes `session` and
    /// `outcome`, then writes to `done`; the waiting thread reads them only after that byte
    /// arrives (the pipe orders the accesses).
    final class Job: @unchecked Sendable {
        var session: Session
        let line: String
        var outcome: Outcome = .nothing
        var done: [Int32] = [-1, -1]
        init(session: Session, line: String) { self.session = session; self.line = line }
        deinit { for fd in done where fd >= 0 { close(fd) } }
    }

    static func execute(_ session: inout Session, _ line: String) -> Outcome {
        _ = clibedit_take_interrupt()  // forget a Ctrl-C typed at the prompt
        let interruptFD = clibedit_interrupt_fd()
        let job = Job(session: session, line: line)
        guard interruptFD >= 0, pipe(&job.done) == 0, start(job) else {
            // No thread or no pipe: run here (Ctrl-C then only stops the command's output).
            return session.execute(line)
        }
        var fds = [pollfd(fd: job.done[0], events: Int16(POLLIN), revents: 0),
                   pollfd(fd: interruptFD, events: Int16(POLLIN), revents: 0)]
        while true {
            let n = poll(&fds, 2, -1)
            if n < 0 { if errno == EINTR { continue } else { break } }
            if fds[0].revents != 0 {
                session = job.session
                return job.outcome
            }
            if fds[1].revents != 0, clibedit_take_interrupt() != 0 {
                // The terminal echoed ^C where the cursor was: the message goes below it.
                OutputStream.stdout.write("\n")
                OutputStream.stdout.flush()
                return .failure(cancelled)
            }
            fds[1].revents = 0
        }
        return .failure(cancelled)
    }

    /// Starts the worker (detached, with a large stack for deep analyses).
    private static func start(_ job: Job) -> Bool {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 64 << 20)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let context = Unmanaged.passRetained(job).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            let job = Unmanaged<Job>.fromOpaque(raw).takeRetainedValue()
            job.outcome = job.session.execute(job.line)
            var byte: UInt8 = 1
            _ = write(job.done[1], &byte, 1)
            return nil
        }, context)
        if status != 0 {
            Unmanaged<Job>.fromOpaque(context).release()
            return false
        }
        return true
    }
}

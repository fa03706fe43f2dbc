import CLibEdit
import Testing
import ValueCore
import Workbench
@testable import valuebench
#if canImport(Glibc)
    import Glibc
#endif

/// The cancelled command blocks reading this pipe until the test writes to it.
private let gate: (read: Int32, write: Int32) = {
    var fds: [Int32] = [-1, -1]
    _ = pipe(&fds)
    return (fds[0], fds[1])
}()

/// A command that changes the workspace, then interrupts itself (as Ctrl-C would) and keeps
/// running until the test releases it: no timing involved.
private struct SlowPlugin: WorkbenchPlugin {
    let name = "slow"
    let abstract = "a command that is interrupted while it runs"
    var commands: [CommandSpec] {
        [
            CommandSpec(
                "slow add", abstract: "adds an enterprise, then is interrupted",
                arguments: [ArgumentSpec("name", .text, help: "n")]
            ) { ctx in
                ctx.workspace.add(Enterprise(name: ctx.arguments.string("name")!))
                kill(getpid(), SIGINT)
                var byte: UInt8 = 0
                while read(gate.read, &byte, 1) < 0 && errno == EINTR {}
                return .message("done")
            },
            CommandSpec(
                "quick add", abstract: "adds an enterprise",
                arguments: [ArgumentSpec("name", .text, help: "n")]
            ) { ctx in
                ctx.workspace.add(Enterprise(name: ctx.arguments.string("name")!))
                return .message("added")
            },
        ]
    }
}

@Suite(.serialized) struct CancellableRunTests {
    init() { _ = clibedit_install_sigint() }

    @Test func aCommandThatEndsKeepsItsChanges() {
        var session = Session(registry: Registry(plugins: [SlowPlugin()]))
        let outcome = CancellableRun.execute(&session, "quick add A")
        guard case let .success(output, _, _) = outcome else {
            Issue.record("expected success, got \(outcome)")
            return
        }
        #expect(Renderer.plain(output) == "added")
        #expect(session.workspace.enterprises.map(\.name) == ["A"])
        #expect(session.isDirty)
    }

    @Test func ctrlCDuringACommandCancelsItAndChangesNothing() {
        var session = Session(registry: Registry(plugins: [SlowPlugin()]))
        _ = CancellableRun.execute(&session, "quick add A")
        let outcome = CancellableRun.execute(&session, "slow add B")
        var byte: UInt8 = 1
        _ = write(gate.write, &byte, 1)
        guard case let .failure(error) = outcome else {
            Issue.record("expected the command to be cancelled, got \(outcome)")
            return
        }
        #expect(error.code == "Interrupted")
        #expect(session.workspace.enterprises.map(\.name) == ["A"])
        #expect(session.history == ["quick add A"])
        // The session goes on.
        _ = CancellableRun.execute(&session, "quick add C")
        #expect(session.workspace.enterprises.map(\.name) == ["A", "C"])
    }
}

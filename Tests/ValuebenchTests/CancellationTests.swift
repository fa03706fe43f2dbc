import CLibEdit
import Foundation
import Differentiation
import Testing
import ValueCore
import Workbench
@testable import valuebench
#if canImport(Glibc)
    import Glibc
#endif

/// A market where `diff nearest` is all but a brute-force scan: `n` enterprises scored at random
/// on `factors` factors (the k-d tree cannot prune in so many dimensions), so that with k = 100
/// the search runs for many minutes unless it is cancelled.
private func hugeMarket(_ n: Int = 100_000, factors: Int = 32) -> Workspace {
    let names = (0..<factors).map { "f\($0)" }
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var enterprises: [Enterprise] = []
    enterprises.reserveCapacity(n)
    var scores = [Double](repeating: 0, count: factors)
    for i in 0..<n {
        for j in 0..<factors {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            scores[j] = Double((state >> 33) % 11)
        }
        var e = Enterprise(name: "e\(i)")
        e.setFactorScores(names: names, scores: scores)
        enterprises.append(e)
    }
    var workspace = Workspace()
    _ = workspace.append(contentsOf: enterprises)
    return workspace
}

/// Cancellation is cooperative: the running analysis sees the token and throws, its worker ends.
@Suite(.serialized) struct CancellationTests {
    init() { _ = clibedit_install_sigint() }

    @Test func aCancelledTokenStopsTheNearestSearchAndNoTokenChangesNothing() throws {
        let points: [Int32] = (0..<400).map { Int32(($0 * 7919) % 23) }
        let token = Cancellation()
        token.cancel()
        #expect(throws: NearestSearch.Failure.cancelled) {
            try token.installed { try NearestSearch.allNearest(points: points, dimensions: 4, k: 3) }
        }
        // Without a token, or with one not cancelled, the search answers as before.
        let plain = try NearestSearch.allNearest(points: points, dimensions: 4, k: 3)
        let live = try Cancellation().installed { try NearestSearch.allNearest(points: points, dimensions: 4, k: 3) }
        #expect(plain == live)
        #expect(plain == (try NearestSearch.bruteForce(points: points, dimensions: 4, k: 3)))
    }

    @Test func cancellingDiffNearestFromAnotherThreadEndsTheWorkerAndChangesNothing() throws {
        var session = Session(registry: Registry(plugins: allPlugins))
        session.load(hugeMarket())
        let before = session.workspace
        let job = CancellableRun.Job(session: session, line: "diff nearest --k 100")
        try #require(pipe(&job.done) == 0)
        let thread = try #require(CancellableRun.start(job))
        usleep(300_000)  // let the search get going (any moment would do)
        job.token.cancel()
        // Without cancellation this would wait for many minutes.
        #expect(job.finished(within: -1))
        #expect(pthread_join(thread, nil) == 0)
        guard case let .failure(error) = job.outcome else {
            Issue.record("expected Interrupted, got \(job.outcome)")
            return
        }
        #expect(error == Cancellation.interrupted)
        #expect(job.session.workspace == before)
        #expect(!job.session.isDirty)
        #expect(session.workspace == before)
    }

    @Test func ctrlCDuringDiffNearestGivesInterruptedAndTheSessionGoesOn() throws {
        var session = Session(registry: Registry(plugins: allPlugins))
        session.load(hugeMarket(60_000))
        let before = session.workspace
        // Ctrl-C as the terminal sends it, until the command has returned.
        let pending = Cancellation()
        let typist = Thread { while !pending.isCancelled { kill(getpid(), SIGINT); usleep(100_000) } }
        typist.start()
        let outcome = CancellableRun.execute(&session, "diff nearest --k 100")
        pending.cancel()
        guard case let .failure(error) = outcome else {
            Issue.record("expected Interrupted, got \(outcome)")
            return
        }
        #expect(error.code == "Interrupted")
        #expect(session.workspace == before)
        let next = CancellableRun.execute(&session, "enterprise add Fresh")
        guard case .success = next else { Issue.record("expected success, got \(next)"); return }
        #expect(session.workspace.enterprises.count == before.enterprises.count + 1)
    }
}

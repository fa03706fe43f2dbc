import Testing
import TestSupport
import ValueCore

/// The workspace's name index against a plain model: random adds, renames, removals, undo.
@Suite struct WorkspaceIndexTests {
    @Test func agreesWithALinearScan() {
        let seed = UInt64.random(in: 0...UInt64.max)
        print("agreesWithALinearScan: seed \(seed)")
        var rng = SplitMix64(seed: seed)
        var ws = Workspace()
        var history: [[Workspace.Change]] = []
        for step in 0..<4_000 {
            let roll = Int.random(in: 0..<10, using: &rng)
            let name = "E\(Int.random(in: 0..<300, using: &rng))"
            if roll < 5 {
                if !ws.contains(name) {
                    ws.add(Enterprise(name: roll == 0 ? name.lowercased() : name), at: roll == 1 ? 0 : nil)
                }
            } else if roll < 7, let victim = ws.enterprises.randomElement(using: &rng) {
                ws.remove(victim.name)
            } else if roll < 8, let e = ws.enterprises.randomElement(using: &rng), !ws.contains(name + "x") {
                ws.update(e.name) { $0.name = name + "x" }
            } else if roll < 9, let last = history.popLast() {
                ws.revert(last)
                _ = ws.takeChanges()
                continue
            }
            history.append(ws.takeChanges())
            if step % 97 == 0 || step == 3_999 {
                for (i, e) in ws.enterprises.enumerated() {
                    #expect(ws.position(of: e.name.uppercased()) == i)
                }
                for k in 0..<300 {
                    let probe = "e\(k)"
                    let expected = ws.enterprises.firstIndex { Name.same($0.name, probe) }
                    #expect(ws.position(of: probe) == expected)
                }
            }
        }
    }
}

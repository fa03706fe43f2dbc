/// Elementary cycles of a directed graph (Johnson, "Finding all the elementary circuits of a
/// directed graph", SIAM J. Comput. 4(1), 1975).
///
/// A graph is given as adjacency lists over the vertices `0..<n`: `adjacency[v]` holds the heads
/// of the edges leaving `v`. Repeated heads count once; a self-edge `v → v` is a cycle of length 1.
/// An elementary cycle visits no vertex twice. Each is reported once, as the list of its vertices
/// starting at its smallest vertex and following the edges (the edge from the last vertex back to
/// the first closes it). Cycles come in order of their smallest vertex; the order among cycles
/// with the same smallest vertex follows the order of the adjacency lists.
///
/// The search is iterative (no recursion), so deep graphs cannot overflow the stack.
///
/// - Complexity: O((n + e)(c + 1)) time for c cycles, plus O(n(n + e)) for the strongly connected
///   components computed once per start vertex; O(n + e) memory besides the cycles kept.
public enum Cycles {
    /// Visits every elementary cycle of the graph, in the order described on `Cycles`.
    ///
    /// - Parameters:
    ///   - adjacency: `adjacency[v]` lists the heads of the edges leaving `v`; every head must be
    ///     in `0..<adjacency.count` (others are ignored).
    ///   - visit: called with each cycle's vertices (a buffer reused between calls: copy it to
    ///     keep it); return `false` to stop the search.
    /// - Returns: `true` when every cycle was visited, `false` when `visit` stopped the search.
    @discardableResult
    public static func forEach(adjacency: [[Int]], _ visit: (ArraySlice<Int>) -> Bool) -> Bool {
        let n = adjacency.count
        // Deduplicated adjacency lists, heads in range, first occurrence order kept.
        var graph = [[Int]](repeating: [], count: n)
        var seen = [Int](repeating: -1, count: n)
        for v in 0..<n {
            for w in adjacency[v] where w >= 0 && w < n && seen[w] != v {
                seen[w] = v
                graph[v].append(w)
            }
        }

        var component = [Int](repeating: -1, count: n)  // component id of each vertex ≥ start
        var blocked = [Bool](repeating: false, count: n)
        var blockers = [[Int]](repeating: [], count: n)  // Johnson's B lists
        var path: [Int] = []
        var closed: [Bool] = []
        var cursor: [Int] = []   // per path position: next index into its neighbour list
        var unblockStack: [Int] = []
        var scc = StronglyConnected(count: n)

        for start in 0..<n {
            // Components of the subgraph induced by start…n-1; search only start's component.
            scc.compute(graph, from: start, into: &component)
            let own = component[start]
            let hasSelfEdge = graph[start].contains(start)
            var size = 0
            for v in start..<n where component[v] == own { size += 1 }
            if size == 1 && !hasSelfEdge { continue }

            for v in start..<n where component[v] == own { blocked[v] = false; blockers[v].removeAll(keepingCapacity: true) }
            path.removeAll(keepingCapacity: true); closed.removeAll(keepingCapacity: true)
            cursor.removeAll(keepingCapacity: true)
            path.append(start); closed.append(false); cursor.append(0)
            blocked[start] = true

            while let v = path.last {
                let depth = path.count - 1
                let edges = graph[v]
                var advanced = false
                while cursor[depth] < edges.count {
                    let w = edges[cursor[depth]]
                    cursor[depth] += 1
                    guard w >= start, component[w] == own else { continue }
                    if w == start {
                        if !visit(path[...]) { return false }
                        closed[depth] = true
                    } else if !blocked[w] {
                        path.append(w); closed.append(false); cursor.append(0)
                        blocked[w] = true
                        advanced = true
                        break
                    }
                }
                if advanced { continue }
                // Every neighbour of v is done: step back.
                path.removeLast(); cursor.removeLast()
                if closed.removeLast() {
                    if !closed.isEmpty { closed[closed.count - 1] = true }
                    // Unblock v and, transitively, whatever waited on it.
                    unblockStack.append(v)
                    while let u = unblockStack.popLast() {
                        guard blocked[u] else { continue }
                        blocked[u] = false
                        unblockStack.append(contentsOf: blockers[u])
                        blockers[u].removeAll(keepingCapacity: true)
                    }
                } else {
                    for w in edges where w >= start && component[w] == own && !blockers[w].contains(v) {
                        blockers[w].append(v)
                    }
                }
            }
        }
        return true
    }

    /// What `find` returns: the first cycles (up to the limit asked) and how many there are.
    public struct Result: Sendable, Equatable {
        /// The cycles kept, in the order described on `Cycles`.
        public var cycles: [[Int]]
        /// How many cycles were counted; the exact number when `complete`.
        public var count: Int
        /// Whether the search ran to the end (`count` is exact), rather than stopping at the
        /// counting limit (`count` is a lower bound).
        public var complete: Bool
    }

    /// Finds the elementary cycles of a graph.
    ///
    /// - Parameters:
    ///   - adjacency: as for `forEach`.
    ///   - keep: how many cycles to return (the first ones found); the rest are only counted.
    ///   - countLimit: stop counting after this many cycles (a dense graph can hold more cycles
    ///     than can be counted: the complete graph on 20 vertices has about 2·10¹⁷).
    /// - Returns: the cycles kept, the count, and whether the count is exact.
    public static func find(adjacency: [[Int]], keep: Int = .max, countLimit: Int = .max) -> Result {
        var cycles: [[Int]] = []
        var count = 0
        let complete = forEach(adjacency: adjacency) { cycle in
            if count < keep { cycles.append(Array(cycle)) }
            count += 1
            return count < countLimit
        }
        return Result(cycles: cycles, count: count, complete: complete)
    }
}

/// Tarjan's strongly connected components, iterative, over the vertices `from…n-1`.
struct StronglyConnected {
    private var index: [Int]
    private var low: [Int]
    private var onStack: [Bool]
    private var stack: [Int] = []
    private var work: [(vertex: Int, next: Int)] = []

    init(count n: Int) {
        index = [Int](repeating: -1, count: n)
        low = [Int](repeating: 0, count: n)
        onStack = [Bool](repeating: false, count: n)
    }

    /// Sets `component[v]` for every v ≥ `first` to the id of its strongly connected component
    /// in the subgraph induced by `first…n-1`.
    mutating func compute(_ graph: [[Int]], from first: Int, into component: inout [Int]) {
        let n = graph.count
        for v in first..<n { index[v] = -1; onStack[v] = false; component[v] = -1 }
        var counter = 0
        var ids = 0
        for root in first..<n where index[root] == -1 {
            work.append((root, 0))
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while !work.isEmpty {
                let top = work.count - 1
                let v = work[top].vertex
                let edges = graph[v]
                var descended = false
                while work[top].next < edges.count {
                    let w = edges[work[top].next]
                    work[top].next += 1
                    guard w >= first else { continue }
                    if index[w] == -1 {
                        index[w] = counter; low[w] = counter; counter += 1
                        stack.append(w); onStack[w] = true
                        work.append((w, 0))
                        descended = true
                        break
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                }
                if descended { continue }
                work.removeLast()
                if let parent = work.last?.vertex { low[parent] = min(low[parent], low[v]) }
                if low[v] == index[v] {
                    while let w = stack.popLast() {
                        onStack[w] = false
                        component[w] = ids
                        if w == v { break }
                    }
                    ids += 1
                }
            }
        }
    }
}

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
/// - Complexity: O((n + e)(c + 1)) time for c cycles; O(n + e) memory besides the cycles kept.
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

        // Johnson's outer loop, component by component (as networkx does): search the cycles
        // through the least vertex of a strongly connected component, then remove that vertex
        // and split what is left into components again. Components wait in a heap ordered by
        // their least vertex, so cycles come out in order of their smallest vertex.
        var member = [Int](repeating: 0, count: n)  // member[v] == token: v is in the component searched
        var token = 0
        var blocked = [Bool](repeating: false, count: n)
        var blockers = [[Int]](repeating: [], count: n)  // Johnson's B lists
        var path: [Int] = []
        var closed: [Bool] = []
        var cursor: [Int] = []  // per path position: next index into its neighbour list
        var unblockStack: [Int] = []
        var scc = StronglyConnected(count: n)
        var heap = ComponentHeap()
        for c in scc.components(graph, of: Array(0..<n), member: &member, token: &token) { heap.push(c) }

        while let comp = heap.pop() {
            let start = comp[0]  // components are sorted: the least vertex first
            token += 1
            for v in comp { member[v] = token; blocked[v] = false; blockers[v].removeAll(keepingCapacity: true) }
            let own = token
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
                    guard member[w] == own else { continue }
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
                    for w in edges where member[w] == own && !blockers[w].contains(v) {
                        blockers[w].append(v)
                    }
                }
            }
            // Remove the start vertex; what is left splits into smaller components.
            for c in scc.components(graph, of: Array(comp.dropFirst()), member: &member, token: &token) { heap.push(c) }
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

/// Tarjan's strongly connected components, iterative, of the subgraph induced by a set of vertices.
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

    /// The strongly connected components of the subgraph induced by `vertices` that hold a
    /// cycle (more than one vertex, or one with a self-edge), each sorted ascending.
    /// `member` and `token` are scratch space shared with the caller (a fresh token marks the set).
    mutating func components(_ graph: [[Int]], of vertices: [Int], member: inout [Int], token: inout Int) -> [[Int]] {
        token += 1
        let inSet = token
        for v in vertices { member[v] = inSet; index[v] = -1; onStack[v] = false }
        var counter = 0
        var found: [[Int]] = []
        for root in vertices where index[root] == -1 {
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
                    guard member[w] == inSet else { continue }
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
                    var comp: [Int] = []
                    while let w = stack.popLast() {
                        onStack[w] = false
                        comp.append(w)
                        if w == v { break }
                    }
                    if comp.count > 1 || graph[v].contains(v) { found.append(comp.sorted()) }
                }
            }
        }
        return found
    }
}

/// A min-heap of components by their least vertex (components are disjoint, so keys differ).
struct ComponentHeap {
    private var items: [[Int]] = []

    mutating func push(_ c: [Int]) {
        items.append(c)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard items[i][0] < items[parent][0] else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> [Int]? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < items.count, items[l][0] < items[m][0] { m = l }
            if r < items.count, items[r][0] < items[m][0] { m = r }
            if m == i { break }
            items.swapAt(i, m)
            i = m
        }
        return top
    }
}

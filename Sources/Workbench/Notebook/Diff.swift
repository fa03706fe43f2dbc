/// Unified diffs of short texts (a cell's outputs), for replay reports.
public enum Diff {
    enum Edit: Equatable { case same(String), removed(String), added(String) }

    /// A unified diff of `old` and `new` (lists of lines), headed by the two labels; empty when
    /// they are equal. Three lines of context around each change, as `diff -u`.
    public static func unified(_ old: [String], _ new: [String], oldLabel: String, newLabel: String, context: Int = 3)
        -> String
    {
        guard old != new else { return "" }
        let edits = script(old, new)
        var out = "--- \(oldLabel)\n+++ \(newLabel)\n"
        // Hunks: each change with `context` lines around it, overlapping ranges merged.
        var ranges: [Range<Int>] = []
        for (k, e) in edits.enumerated() {
            if case .same = e { continue }
            let r = max(0, k - context)..<min(edits.count, k + context + 1)
            if let last = ranges.last, r.lowerBound <= last.upperBound {
                ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                ranges.append(r)
            }
        }
        var oldLine = 1, newLine = 1, position = 0
        for range in ranges {
            for e in edits[position..<range.lowerBound] {
                switch e {
                case .same: oldLine += 1; newLine += 1
                case .removed: oldLine += 1
                case .added: newLine += 1
                }
            }
            var oldCount = 0, newCount = 0
            var body = ""
            for e in edits[range] {
                switch e {
                case let .same(l): body += " \(l)\n"; oldCount += 1; newCount += 1
                case let .removed(l): body += "-\(l)\n"; oldCount += 1
                case let .added(l): body += "+\(l)\n"; newCount += 1
                }
            }
            out +=
                """
                @@ -\(oldCount == 0 ? oldLine - 1 : oldLine),\(oldCount) \
                +\(newCount == 0 ? newLine - 1 : newLine),\(newCount) @@\n
                """
            out += body
            oldLine += oldCount; newLine += newCount
            position = range.upperBound
        }
        return out
    }

    /// The edit script: longest common subsequence on the middle part after trimming the common
    /// prefix and suffix; beyond a size limit, the middle is shown as removed then added.
    static func script(_ a: [String], _ b: [String]) -> [Edit] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        let x = Array(a[prefix..<(a.count - suffix)]), y = Array(b[prefix..<(b.count - suffix)])
        var edits: [Edit] = a[..<prefix].map { .same($0) }
        if x.count * y.count > 4_000_000 || x.isEmpty || y.isEmpty {
            edits += x.map { .removed($0) } + y.map { .added($0) }
        } else {
            // lcs[i][j]: length of the LCS of x[i...] and y[j...].
            let w = y.count + 1
            var lcs = [Int32](repeating: 0, count: (x.count + 1) * w)
            for i in stride(from: x.count - 1, through: 0, by: -1) {
                for j in stride(from: y.count - 1, through: 0, by: -1) {
                    lcs[i * w + j] =
                        x[i] == y[j] ? lcs[(i + 1) * w + j + 1] + 1 : max(lcs[(i + 1) * w + j], lcs[i * w + j + 1])
                }
            }
            var i = 0, j = 0
            while i < x.count || j < y.count {
                if i < x.count, j < y.count, x[i] == y[j] {
                    edits.append(.same(x[i])); i += 1; j += 1
                } else if i < x.count, j == y.count || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1] {
                    edits.append(.removed(x[i])); i += 1
                } else {
                    edits.append(.added(y[j])); j += 1
                }
            }
        }
        edits += a[(a.count - suffix)...].map { .same($0) }
        return edits
    }
}

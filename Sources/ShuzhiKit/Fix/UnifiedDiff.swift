/// A unified diff of two texts by lines (Myers' O(ND) algorithm), as `diff -u` prints it, for `shuzhi fix --diff`.
public enum UnifiedDiff {
    public static func diff(_ old: String, _ new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        let script = edits(a, b)
        guard script.contains(where: { $0.kind != .same }) else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        // Group edits into hunks with `context` unchanged lines around each change.
        var i = 0
        while i < script.count {
            guard script[i].kind != .same else { i += 1; continue }
            var start = i
            var back = 0
            while start > 0 && script[start - 1].kind == .same && back < context { start -= 1; back += 1 }
            var end = i
            var sameRun = 0
            while end < script.count {
                if script[end].kind == .same { sameRun += 1; if sameRun > 2 * context { break } } else { sameRun = 0 }
                end += 1
            }
            end -= max(0, sameRun - context)
            let hunk = script[start..<end]
            let oldStart = hunk.first!.oldIndex, newStart = hunk.first!.newIndex
            let oldCount = hunk.count { $0.kind != .insert }, newCount = hunk.count { $0.kind != .delete }
            out += "@@ -\(oldCount == 0 ? oldStart : oldStart + 1),\(oldCount) +\(newCount == 0 ? newStart : newStart + 1),\(newCount) @@\n"
            for e in hunk {
                switch e.kind {
                case .same: out += " " + a[e.oldIndex]
                case .delete: out += "-" + a[e.oldIndex]
                case .insert: out += "+" + b[e.newIndex]
                }
                if !out.hasSuffix("\n") { out += "\n\\ No newline at end of file\n" }
            }
            i = end
        }
        return out
    }

    struct Edit {
        enum Kind { case same, delete, insert }
        let kind: Kind
        let oldIndex: Int
        let newIndex: Int
    }

    /// Lines with their terminators kept, so a changed line ending shows.
    static func lines(_ s: String) -> [String] {
        var out: [String] = []
        var current = ""
        for c in s {
            current.append(c)
            if c == "\n" || c == "\r\n" || c == "\r" { out.append(current); current = "" }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    static func edits(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count, m = b.count
        let maxD = n + m
        var v = [Int](repeating: 0, count: 2 * maxD + 2)
        var trace: [[Int]] = []
        var found = false
        outer: for d in 0...maxD {
            trace.append(v)
            var k = -d
            while k <= d {
                let idx = k + maxD
                var x = (k == -d || (k != d && v[idx - 1] < v[idx + 1])) ? v[idx + 1] : v[idx - 1] + 1
                var y = x - k
                while x < n && y < m && a[x] == b[y] { x += 1; y += 1 }
                v[idx] = x
                if x >= n && y >= m { found = true; break outer }
                k += 2
            }
        }
        guard found else { return [] }
        // Walk the trace back from (n, m).
        var result: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let idx = k + maxD
            let prevK = (k == -d || (k != d && v[idx - 1] < v[idx + 1])) ? k + 1 : k - 1
            let prevX = d == 0 ? 0 : v[prevK + maxD]
            let prevY = prevX - prevK
            while x > prevX && y > prevY { x -= 1; y -= 1; result.append(Edit(kind: .same, oldIndex: x, newIndex: y)) }
            if d > 0 {
                if x == prevX {
                    y -= 1; result.append(Edit(kind: .insert, oldIndex: x, newIndex: y))
                } else {
                    x -= 1; result.append(Edit(kind: .delete, oldIndex: x, newIndex: y))
                }
            }
        }
        return result.reversed()
    }
}

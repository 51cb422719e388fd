/// Finds many short keywords in scalar text in one pass. A table indexed by the first scalar (BMP) gives the candidate
/// keywords of a position with one load, so the scan does no hashing; only positions whose scalar starts some keyword
/// compare against their candidates.
public struct KeywordMatcher: Sendable {
    public struct Match: Sendable, Equatable {
        /// Index of the keyword in the list the matcher was built from.
        public let keyword: Int
        public let range: Range<Int>
    }

    /// For a BMP scalar, 1 + the index of the group of keywords it starts, or 0.
    private var slot = [UInt16](repeating: 0, count: 0x10000)
    /// Groups by first scalars beyond the BMP (rare: extension-B ideographs).
    private var astral: [UInt32: Int] = [:]
    /// Group g's keyword indices, longest first, are `order[groupStart[g]..<groupStart[g + 1]]`; keyword k's scalars
    /// are `flat[keywordStart[k]..<keywordStart[k + 1]]`. Flat arrays, so that the scan reads them through pointers
    /// rather than retaining an array for each candidate it compares.
    private var order: [Int32] = []
    private var groupStart: [Int32] = [0]
    private var flat: [Unicode.Scalar] = []
    private var keywordStart: [Int32] = [0]
    public let keywords: [[Unicode.Scalar]]

    public init(_ keywords: [String]) {
        self.keywords = keywords.map(\.scalarArray)
        for k in self.keywords {
            flat += k
            keywordStart.append(Int32(flat.count))
        }
        var candidates: [UInt32: [Int]] = [:]
        for (i, k) in self.keywords.enumerated() {
            guard let f = k.first?.value else { continue }
            candidates[f, default: []].append(i)
        }
        for (first, var list) in candidates {
            // Longest first, so that the first match at a position is the longest.
            list.sort { self.keywords[$0].count > self.keywords[$1].count }
            order += list.map { Int32($0) }
            groupStart.append(Int32(order.count))
            let group = groupStart.count - 1
            if first < 0x10000 { slot[Int(first)] = UInt16(group) } else { astral[first] = group - 1 }
        }
    }

    /// Calls `body` with each keyword that occurs at a position of `range`, in order of position, longest first at
    /// one position, while it returns true.
    @inline(__always)
    private func scan(_ s: [Unicode.Scalar], _ range: Range<Int>, _ body: (Int, Range<Int>) -> Bool) {
        let end = range.upperBound
        guard range.lowerBound < end else { return }
        precondition(range.lowerBound >= 0 && end <= s.count, "range outside the text")
        s.withUnsafeBufferPointer { b in
            flat.withUnsafeBufferPointer { f in
                keywordStart.withUnsafeBufferPointer { ks in
                    order.withUnsafeBufferPointer { o in
                        groupStart.withUnsafeBufferPointer { gs in
                            slot.withUnsafeBufferPointer { sl in
                                var i = range.lowerBound
                                while i < end {
                                    let v = b[i].value
                                    let group: Int
                                    if v < 0x10000 {
                                        let g = Int(sl[Int(v)])
                                        if g == 0 { i += 1; continue }
                                        group = g - 1
                                    } else {
                                        guard let g = astral[v] else { i += 1; continue }
                                        group = g
                                    }
                                    for j in Int(gs[group])..<Int(gs[group + 1]) {
                                        let k = Int(o[j])
                                        let a = Int(ks[k]), n = Int(ks[k + 1]) - a
                                        guard i + n <= end else { continue }
                                        var t = 1
                                        while t < n && b[i + t] == f[a + t] { t += 1 }
                                        if t == n && !body(k, i..<(i + n)) { return }
                                    }
                                    i += 1
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Every occurrence in `range` (overlapping ones too), in order of position, longest first at one position.
    public func matches(in s: [Unicode.Scalar], _ range: Range<Int>) -> [Match] {
        var out: [Match] = []
        forEachMatch(in: s, range) { out.append($0) }
        return out
    }

    public func forEachMatch(in s: [Unicode.Scalar], _ range: Range<Int>, _ body: (Match) -> Void) {
        scan(s, range) { k, r in
            body(Match(keyword: k, range: r))
            return true
        }
    }

    /// Whether any keyword occurs in `range`.
    public func containsMatch(in s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        var found = false
        scan(s, range) { _, _ in
            found = true
            return false
        }
        return found
    }
}

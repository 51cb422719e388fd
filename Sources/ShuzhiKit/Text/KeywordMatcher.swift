/// Finds many short keywords in scalar text in one pass. A table indexed by the first scalar (BMP) gives the candidate
/// keywords of a position with one load, so the scan does no hashing; only positions whose scalar starts some keyword
/// compare against their candidates.
public struct KeywordMatcher: Sendable {
    public struct Match: Sendable, Equatable {
        /// Index of the keyword in the list the matcher was built from.
        public let keyword: Int
        public let range: Range<Int>
    }

    /// For a BMP scalar, 1 + the index into `lists` of the keywords it starts, or 0.
    private var slot = [UInt16](repeating: 0, count: 0x10000)
    private var lists: [[Int]] = []
    /// First scalars beyond the BMP (rare: extension-B ideographs).
    private var astral: [UInt32: [Int]] = [:]
    public let keywords: [[Unicode.Scalar]]

    public init(_ keywords: [String]) {
        self.keywords = keywords.map(\.scalarArray)
        var candidates: [UInt32: [Int]] = [:]
        for (i, k) in self.keywords.enumerated() {
            guard let f = k.first?.value else { continue }
            candidates[f, default: []].append(i)
        }
        for (first, var list) in candidates {
            // Longest first, so that the first match at a position is the longest.
            list.sort { self.keywords[$0].count > self.keywords[$1].count }
            if first < 0x10000 {
                lists.append(list)
                slot[Int(first)] = UInt16(lists.count)
            } else {
                astral[first] = list
            }
        }
    }

    @inline(__always)
    private func candidates(_ v: UInt32) -> [Int]? {
        if v < 0x10000 {
            let k = slot[Int(v)]
            return k == 0 ? nil : lists[Int(k) - 1]
        }
        return astral[v]
    }

    /// Every occurrence in `range` (overlapping ones too), in order of position, longest first at one position.
    public func matches(in s: [Unicode.Scalar], _ range: Range<Int>) -> [Match] {
        var out: [Match] = []
        forEachMatch(in: s, range) { out.append($0) }
        return out
    }

    public func forEachMatch(in s: [Unicode.Scalar], _ range: Range<Int>, _ body: (Match) -> Void) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            if let list = candidates(s[i].value) {
                for k in list {
                    let word = keywords[k]
                    if i + word.count <= end && s.matches(word, at: i) { body(Match(keyword: k, range: i..<(i + word.count))) }
                }
            }
            i += 1
        }
    }

    /// Whether any keyword occurs in `range`.
    public func containsMatch(in s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        var found = false
        var i = range.lowerBound
        while i < range.upperBound && !found {
            if let list = candidates(s[i].value) {
                for k in list where i + keywords[k].count <= range.upperBound && s.matches(keywords[k], at: i) { found = true; break }
            }
            i += 1
        }
        return found
    }
}

/// Finds many short keywords in scalar text in one pass. A 64 Ki-bit table of first scalars lets the scan skip almost
/// every position with one load; only positions whose scalar starts some keyword compare against the candidates.
public struct KeywordMatcher: Sendable {
    public struct Match: Sendable, Equatable {
        /// Index of the keyword in the list the matcher was built from.
        public let keyword: Int
        public let range: Range<Int>
    }

    private var firstBits = [UInt64](repeating: 0, count: 1024) // BMP first scalars
    private var candidates: [UInt32: [Int]] = [:]
    public let keywords: [[Unicode.Scalar]]

    public init(_ keywords: [String]) {
        self.keywords = keywords.map(\.scalarArray)
        for (i, k) in self.keywords.enumerated() {
            guard let f = k.first?.value else { continue }
            if f < 0x10000 { firstBits[Int(f >> 6)] |= 1 << UInt64(f & 63) }
            candidates[f, default: []].append(i)
        }
        // Longest first, so that the first match at a position is the longest.
        for key in candidates.keys { candidates[key]!.sort { self.keywords[$0].count > self.keywords[$1].count } }
    }

    @inline(__always)
    private func mayStart(_ v: UInt32) -> Bool {
        v < 0x10000 ? firstBits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 : candidates[v] != nil
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
            let v = s[i].value
            if mayStart(v), let list = candidates[v] {
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
            let v = s[i].value
            if mayStart(v), let list = candidates[v] {
                for k in list where i + keywords[k].count <= range.upperBound && s.matches(keywords[k], at: i) { found = true; break }
            }
            i += 1
        }
        return found
    }
}

/// Ranges sorted by start with a running maximum of their ends, answering "is this span inside one of them?" and
/// "does it touch one?" by one binary search — so filtering n findings against m spans costs n·log m, not n·m.
/// The ranges may overlap each other.
public struct SortedRanges: Sendable {
    public let ranges: [Range<Int>]
    /// `maximumEnd[k]` is the largest `upperBound` among `ranges[0...k]`.
    private let maximumEnd: [Int]

    public init(_ ranges: [Range<Int>]) {
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        self.ranges = sorted
        var ends: [Int] = []
        ends.reserveCapacity(sorted.count)
        var m = Int.min
        for r in sorted { m = max(m, r.upperBound); ends.append(m) }
        self.maximumEnd = ends
    }

    /// Number of ranges starting at or before `offset` (or strictly before it).
    private func count(startingAtOrBefore offset: Int, strictly: Bool = false) -> Int {
        var lo = 0, hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if strictly ? ranges[mid].lowerBound < offset : ranges[mid].lowerBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Whether `span` lies within one stored range.
    public func contains(_ span: Range<Int>) -> Bool {
        let n = count(startingAtOrBefore: span.lowerBound)
        return n > 0 && maximumEnd[n - 1] >= span.upperBound
    }

    /// Whether a non-empty `span` shares a position with a stored range.
    public func overlaps(_ span: Range<Int>) -> Bool {
        let n = count(startingAtOrBefore: span.upperBound, strictly: true)
        return n > 0 && maximumEnd[n - 1] > span.lowerBound && !span.isEmpty
    }
}

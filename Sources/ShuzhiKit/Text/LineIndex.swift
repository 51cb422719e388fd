/// Maps scalar offsets in a decoded text to 1-based line and column numbers. A line ends at LF, CR LF, CR, U+2028 or
/// U+2029; the terminator belongs to the line it ends. Columns count Unicode scalars, as the JSON output promises.
public struct LineIndex: Sendable {
    /// Offset of the first scalar of each line; `starts[0] == 0`.
    public let starts: [Int]
    /// Offset just past each line's content (before its terminator).
    public let contentEnds: [Int]

    public init(_ scalars: [Unicode.Scalar]) {
        var starts = [0]
        var ends: [Int] = []
        var i = 0
        let n = scalars.count
        while i < n {
            let v = scalars[i].value
            if v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029 {
                ends.append(i)
                if v == 0x0D && i + 1 < n && scalars[i + 1].value == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        ends.append(n)
        self.starts = starts
        self.contentEnds = ends
    }

    public var lineCount: Int { starts.count }

    /// The 0-based line holding `offset` (an offset equal to the text length belongs to the last line).
    public func lineIndex(of offset: Int) -> Int {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// 1-based line and column of `offset`.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let l = lineIndex(of: offset)
        return (l + 1, offset - starts[l] + 1)
    }

    /// The content range (without terminator) of the 0-based line `index`.
    public func contentRange(ofLine index: Int) -> Range<Int> { starts[index]..<contentEnds[index] }
}

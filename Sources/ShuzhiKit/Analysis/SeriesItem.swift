/// An item of a numbered series inside running text: 一是…二是…, 第一，…第二，…, 其一，…, 首先…其次…最后.
public struct SeriesItem: Sendable, Equatable {
    public enum Style: String, Sendable {
        case yiShi = "一是"  // 一是 二是 三是
        case diYi = "第一"  // 第一， 第二，
        case qiYi = "其一"  // 其一， 其二，
        case shouXian = "首先"  // 首先 其次 再次 最后

        /// Whether items of this style carry a number that must count up by one.
        public var isCounted: Bool { self != .shouXian }
    }

    public let style: Style
    /// 1, 2, 3…; for 首先/其次/再次 their position, for 最后 `Int.max`.
    public let number: Int
    /// The marker (一是, 第二，…), without the text after it.
    public let range: Range<Int>
    /// Where the numeral itself is, for a suggested replacement.
    public let numeralRange: Range<Int>
    /// The item's own words, up to the first 。；！？ or the end of the paragraph.
    public let textRange: Range<Int>
    public let paragraph: Int

    /// Finds the series markers in `range` of a paragraph.
    static func scan(_ s: [Unicode.Scalar], _ range: Range<Int>, paragraph: Int, into items: inout [SeriesItem]) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let v = s[i].value
            // Cheap gate: every marker starts with a numeral, 第, 其, 首, 再 or 最.
            guard ChineseNumeral.isNumeralCharacter(v) || v == 0x7B2C || v == 0x5176 || v == 0x9996 || v == 0x518D || v == 0x6700 else {
                i += 1
                continue
            }
            guard isBoundary(s, i, start: range.lowerBound) else { i += 1; continue }
            if let item = match(s, i, end, paragraph: paragraph) {
                items.append(item)
                i = item.range.upperBound
            } else {
                i += 1
            }
        }
    }

    private static func match(_ s: [Unicode.Scalar], _ i: Int, _ end: Int, paragraph: Int) -> SeriesItem? {
        let v = s[i].value
        // 一是 … 十是
        if ChineseNumeral.isNumeralCharacter(v) {
            var e = i
            while e < end && e - i < 3 && ChineseNumeral.isNumeralCharacter(s[e].value) { e += 1 }
            guard e < end, s[e] == "是", let n = ChineseNumeral.value(s, i..<e), n <= 20 else { return nil }
            // 一是一，二是二 is an idiom, not a series (but 四是一些 is the fourth item).
            if e + 1 < end, s[e + 1] == s[i], e + 2 == end || !ScalarClass.isHan(s[e + 2].value) { return nil }
            return item(.yiShi, n, s, i..<(e + 1), numeral: i..<e, end, paragraph)
        }
        if v == 0x7B2C || v == 0x5176 {  // 第一， 其一，
            var e = i + 1
            while e < end && e - i < 4 && ChineseNumeral.isNumeralCharacter(s[e].value) { e += 1 }
            if e > i + 1, e < end, isOrdinalComma(s[e].value), let n = ChineseNumeral.value(s, (i + 1)..<e), n <= 20 {
                return item(v == 0x7B2C ? .diYi : .qiYi, n, s, i..<(e + 1), numeral: (i + 1)..<e, end, paragraph)
            }
            // 其次 is read below.
        }
        // 首先， 其次， 再次， 最后，
        guard i + 2 < end, isOrdinalComma(s[i + 2].value) else { return nil }
        let pair = (v, s[i + 1].value)
        let n: Int
        switch pair {
        case (0x9996, 0x5148): n = 1  // 首先
        case (0x5176, 0x6B21): n = 2  // 其次
        case (0x518D, 0x6B21): n = 3  // 再次
        case (0x6700, 0x540E): n = Int.max  // 最后
        default: return nil
        }
        return item(.shouXian, n, s, i..<(i + 3), numeral: i..<(i + 2), end, paragraph)
    }

    private static func item(
        _ style: Style, _ n: Int, _ s: [Unicode.Scalar], _ marker: Range<Int>, numeral: Range<Int>,
        _ end: Int, _ paragraph: Int
    ) -> SeriesItem {
        var e = marker.upperBound
        while e < end {
            let c = s[e].value
            if c == 0x3002 || c == 0xFF1B || c == 0xFF01 || c == 0xFF1F { break }  // 。；！？
            e += 1
        }
        return SeriesItem(
            style: style, number: n, range: marker, numeralRange: numeral, textRange: marker.upperBound..<e,
            paragraph: paragraph)
    }

    @inline(__always)
    private static func isOrdinalComma(_ v: UInt32) -> Bool { v == 0xFF0C || v == 0x2C || v == 0x3001 || v == 0xFF1A || v == 0x3A }

    /// A marker only counts at the start of a clause: 统一是 or 第一书记 are words, not markers.
    private static func isBoundary(_ s: [Unicode.Scalar], _ i: Int, start: Int) -> Bool {
        var p = i - 1
        while p >= start && ScalarClass.isInlineSpace(s[p].value) { p -= 1 }
        if p < start { return true }
        switch s[p].value {
        case 0x3002, 0xFF1B, 0xFF1A, 0xFF0C, 0xFF01, 0xFF1F, 0x3001, 0x201C, 0x2018, 0xFF08, 0xFF09, 0x2026, 0x2014,
            0x3B, 0x3A, 0x2C, 0x28, 0x29:
            return true
        default:
            return false
        }
    }
}

/// The number at the start of a heading or list item: 一、 （一） 1. （1） ①, in the forms writers actually type,
/// including the non-standard ones (1、 一． (一) （一）、 1）) so that rules can point them out.
public struct HeadingMarker: Sendable, Equatable {
    /// The five levels of GB/T 9704 7.3.3 and GB/T 15834 B.3.8, from the highest.
    public enum Style: Int, Sendable, Comparable, CaseIterable {
        case chinese = 1  // 一、
        case chineseBracketed = 2  // （一）
        case arabic = 3  // 1.
        case arabicBracketed = 4  // （1）
        case circled = 5  // ①

        public static func < (a: Style, b: Style) -> Bool { a.rawValue < b.rawValue }

        public var example: String {
            switch self {
            case .chinese: return "一、"
            case .chineseBracketed: return "（一）"
            case .arabic: return "1."
            case .arabicBracketed: return "（1）"
            case .circled: return "①"
            }
        }
    }

    public let style: Style
    public let number: Int
    /// The whole marker as written, brackets and trailing punctuation included.
    public let range: Range<Int>
    public let openBracket: Unicode.Scalar?
    public let closeBracket: Unicode.Scalar?
    /// The punctuation after the number (or after the closing bracket), if any.
    public let separator: Unicode.Scalar?

    /// The marker as the standard writes it.
    public var canonical: String { HeadingMarker.canonical(style, number) }

    public static func canonical(_ style: Style, _ number: Int) -> String {
        switch style {
        case .chinese: return ChineseNumeral.string(number) + "、"
        case .chineseBracketed: return "（" + ChineseNumeral.string(number) + "）"
        case .arabic: return "\(number)."
        case .arabicBracketed: return "（\(number)）"
        case .circled: return number <= 20 ? String(Unicode.Scalar(0x245F + UInt32(number))!) : "（\(number)）"
        }
    }

    /// Parses a marker at `start` (the first non-space scalar of a paragraph).
    public static func parse(_ s: [Unicode.Scalar], at start: Int, end: Int) -> HeadingMarker? {
        guard start < end else { return nil }
        let first = s[start].value
        // ① … ⑳, ⑴ … ⒇ (parenthesised), ⒈ … ⒛ (with full stop)
        if first >= 0x2460 && first <= 0x249B {
            let (style, number): (Style, Int) =
                first <= 0x2473
                ? (.circled, Int(first - 0x245F))
                : first <= 0x2487 ? (.arabicBracketed, Int(first - 0x2473)) : (.arabic, Int(first - 0x2487))
            var e = start + 1
            var sep: Unicode.Scalar?
            if e < end, isSeparator(s[e].value) { sep = s[e]; e += 1 }
            guard hasHeadingText(s, e, end) else { return nil }
            return HeadingMarker(style: style, number: number, range: start..<e, openBracket: nil, closeBracket: nil, separator: sep)
        }
        if first == 0xFF08 || first == 0x28 {  // （ (
            var e = start + 1
            let numberStart = e
            while e < end && e - numberStart < 5 && (ChineseNumeral.isNumeralCharacter(s[e].value) || ScalarClass.isASCIIDigit(s[e].value))
            { e += 1 }
            guard e > numberStart, e < end, s[e].value == 0xFF09 || s[e].value == 0x29 else { return nil }
            guard let (style, number) = number(s, numberStart..<e, bracketed: true) else { return nil }
            let close = s[e]
            e += 1
            var sep: Unicode.Scalar?
            if e < end, isSeparator(s[e].value) { sep = s[e]; e += 1 }
            guard hasHeadingText(s, e, end) else { return nil }
            return HeadingMarker(style: style, number: number, range: start..<e, openBracket: s[start], closeBracket: close, separator: sep)
        }
        var e = start
        while e < end && e - start < 4
            && (ChineseNumeral.isNumeralCharacter(first)
                ? ChineseNumeral.isNumeralCharacter(s[e].value) : ScalarClass.isASCIIDigit(s[e].value))
        { e += 1 }
        guard e > start, e < end, let (style, number) = number(s, start..<e, bracketed: false) else { return nil }
        let next = s[e].value
        if next == 0xFF09 || next == 0x29 {  // 1） 1)  — a bracketed form missing its opening bracket
            guard style == .arabic || style == .chinese else { return nil }
            let close = s[e]
            guard hasHeadingText(s, e + 1, end) else { return nil }
            return HeadingMarker(
                style: style == .arabic ? .arabicBracketed : .chineseBracketed, number: number,
                range: start..<(e + 1), openBracket: nil, closeBracket: close, separator: nil)
        }
        guard isSeparator(next) else { return nil }
        // 1.5亿元 is a decimal, 1、2月 and 一、二季度 are lists of numbers: not markers. 二、2017年工作 is a heading.
        if e + 1 < end {
            let after = s[e + 1].value
            if style == .arabic && (ScalarClass.isASCIIDigit(after) || ScalarClass.isFullwidthDigit(after))
                && !countFollows(s, e + 1, end)
            {
                return nil
            }
            if style == .chinese && ChineseNumeral.digit(after) != nil { return nil }
        }
        guard hasHeadingText(s, e + 1, end) else { return nil }
        return HeadingMarker(style: style, number: number, range: start..<(e + 1), openBracket: nil, closeBracket: nil, separator: s[e])
    }

    private static func number(_ s: [Unicode.Scalar], _ r: Range<Int>, bracketed: Bool) -> (Style, Int)? {
        if ScalarClass.isASCIIDigit(s[r.lowerBound].value) {
            var n = 0
            for i in r {
                guard ScalarClass.isASCIIDigit(s[i].value) else { return nil }
                n = n * 10 + Int(s[i].value - 0x30)
            }
            // A year or a large count is not an ordinal.
            guard n > 0 && n < 100 else { return nil }
            return (bracketed ? .arabicBracketed : .arabic, n)
        }
        guard let n = ChineseNumeral.value(s, r) else { return nil }
        return (bracketed ? .chineseBracketed : .chinese, n)
    }

    /// After “8.”: a whole count (8.6个重大项目 → item 8, 6个…) or a year (14.2025年10件实事 → item 14), which a
    /// decimal cannot be: nobody writes 8.6 projects or 14.2025 years.
    static func countFollows(_ s: [Unicode.Scalar], _ from: Int, _ end: Int) -> Bool {
        var e = from
        while e < end && ScalarClass.isASCIIDigit(s[e].value) { e += 1 }
        guard e > from, e < end else { return false }
        if s[e] == "年" { return e - from == 4 && (s[from] == "1" || s[from] == "2") }
        return wholeCounts.contains(s[e])
    }

    static let wholeCounts = Set("个件项家条类大座所名位批支户".unicodeScalars)

    /// 、 . ． ， , ：— the punctuation writers put after an ordinal.
    @inline(__always)
    static func isSeparator(_ v: UInt32) -> Bool {
        v == 0x3001 || v == 0x2E || v == 0xFF0E || v == 0xFF0C || v == 0x2C || v == 0x3002
    }

    /// Something other than punctuation must follow a marker for it to start a heading.
    private static func hasHeadingText(_ s: [Unicode.Scalar], _ from: Int, _ end: Int) -> Bool {
        var i = from
        while i < end && ScalarClass.isInlineSpace(s[i].value) { i += 1 }
        guard i < end else { return false }
        let v = s[i].value
        return ScalarClass.isHan(v) || ScalarClass.isASCIILetter(v) || v == 0x201C || v == 0x300A || ScalarClass.isASCIIDigit(v)
            || v == 0x2018 || v == 0x300C
    }
}

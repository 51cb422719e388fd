/// Character classes the rules test on every scalar. They work on `Unicode.Scalar.value` so that the hot loops never
/// build `Character`s or `String`s.
public enum ScalarClass {
    /// A character of the CJK Unified Ideographs block, where nearly every Han character of a report lies: the first,
    /// cheapest test of `isHan`, and the test hot loops use to skip running text.
    @inline(__always)
    public static func isUnifiedHan(_ v: UInt32) -> Bool { v >= 0x4E00 && v <= 0x9FFF }

    /// A Han ideograph (CJK Unified Ideographs, Extension A–F, compatibility ideographs) or 〇.
    @inline(__always)
    public static func isHan(_ v: UInt32) -> Bool {
        if isUnifiedHan(v) { return true }
        if v < 0x3400 { return v == 0x3007 }
        return (v >= 0x3400 && v <= 0x4DBF) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x20000 && v <= 0x3134F)
    }

    @inline(__always)
    public static func isHan(_ s: Unicode.Scalar) -> Bool { isHan(s.value) }

    @inline(__always)
    public static func isASCIILetter(_ v: UInt32) -> Bool { (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }

    @inline(__always)
    public static func isASCIIDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    @inline(__always)
    public static func isFullwidthDigit(_ v: UInt32) -> Bool { v >= 0xFF10 && v <= 0xFF19 }

    /// 0–9 in ASCII or full width.
    @inline(__always)
    public static func isArabicDigit(_ v: UInt32) -> Bool { isASCIIDigit(v) || isFullwidthDigit(v) }

    @inline(__always)
    public static func isFullwidthLetter(_ v: UInt32) -> Bool { (v >= 0xFF21 && v <= 0xFF3A) || (v >= 0xFF41 && v <= 0xFF5A) }

    /// Spaces of any width, including the ideographic space U+3000 used for indentation, but not line breaks.
    @inline(__always)
    public static func isInlineSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0x3000 || v == 0xA0 || (v >= 0x2000 && v <= 0x200B) || v == 0xFEFF
    }

    /// Full-width (CJK) punctuation as used in Chinese running text.
    @inline(__always)
    public static func isCJKPunctuation(_ v: UInt32) -> Bool {
        switch v {
        case 0x3001...0x3003, 0x3008...0x3011, 0x3014...0x301F: return true  // 、。〃 〈〉《》「」『』【】 〔〕…
        case 0xFF01, 0xFF08, 0xFF09, 0xFF0C, 0xFF1A, 0xFF1B, 0xFF1F: return true  // ！（），：；？
        case 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2014, 0x00B7, 0xFF5E: return true  // ‘’“” … — · ～
        default: return false
        }
    }

    /// Text a Chinese reader reads as Chinese: Han characters and CJK punctuation.
    @inline(__always)
    public static func isChineseContext(_ v: UInt32) -> Bool { isHan(v) || isCJKPunctuation(v) }

    /// Terminal columns a scalar takes: 2 for East Asian wide and full-width forms, 0 for combining marks, else 1.
    /// The East Asian ambiguous punctuation of Chinese text (“ ” ‘ ’ — … ·) takes `ambiguous` columns: one in the
    /// terminals people use (GNOME, Windows Terminal, macOS Terminal and VS Code draw them narrow by default), two
    /// where the terminal is set to draw them wide.
    public static func displayWidth(_ v: UInt32, ambiguous: Int = 1) -> Int {
        if v == 0x2014 || v == 0x2026 || v == 0x201C || v == 0x201D || v == 0x2018 || v == 0x2019 || v == 0xB7 { return ambiguous }
        if v < 0x1100 { return (v >= 0x300 && v <= 0x36F) ? 0 : 1 }
        if (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0x303E) || (v >= 0x3041 && v <= 0x33FF)
            || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0xA000 && v <= 0xA4CF)
            || (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F)
            || (v >= 0xFF00 && v <= 0xFF60) || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x1F300 && v <= 0x1F64F)
            || (v >= 0x20000 && v <= 0x3FFFD)
        {
            return 2
        }
        return 1
    }
}

extension Array where Element == Unicode.Scalar {
    /// The scalars of `range` as a `String`; used only to build messages and output, never in scanning loops.
    @inlinable
    public func string(_ range: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: self[range])
        return String(s)
    }

    /// Whether the scalars at `index` spell `word`.
    @inlinable
    public func matches(_ word: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= count else { return false }
        for k in 0..<word.count where self[index + k] != word[k] { return false }
        return true
    }
}

extension String {
    /// The string's scalars as an array, the form every rule scans.
    @inlinable
    public var scalarArray: [Unicode.Scalar] { Array(unicodeScalars) }
}

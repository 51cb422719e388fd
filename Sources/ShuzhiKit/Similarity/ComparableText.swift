/// A text reduced to what copying keeps: Han characters, letters and digits. Width is folded (全角 → ASCII), letters
/// are lower-cased, and punctuation, whitespace and template placeholders (x, XX, **) are dropped, so a passage
/// copied with its punctuation changed or its 2023 written ２０２３ still matches. `origin` maps each kept character
/// back to its scalar offset in the original text.
public struct ComparableText: Sendable {
    public let scalars: [UInt32]
    public let origin: [Int32]

    public init(_ text: [Unicode.Scalar]) {
        var scalars: [UInt32] = []
        var origin: [Int32] = []
        scalars.reserveCapacity(text.count)
        origin.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            var v = text[i].value
            if ScalarClass.isFullwidthDigit(v) || ScalarClass.isFullwidthLetter(v) { v -= 0xFEE0 }
            if v == 0x78 || v == 0x58 {
                // A run of x/X not inside a Latin word is a placeholder (XX局, x亿元, 20xx年).
                var e = i
                while e < text.count && (text[e] == "x" || text[e] == "X" || text[e] == "ｘ" || text[e] == "Ｘ") { e += 1 }
                let before = i > 0 && ScalarClass.isASCIILetter(text[i - 1].value)
                let after = e < text.count && ScalarClass.isASCIILetter(text[e].value)
                if !before && !after {
                    i = e
                    continue
                }
            }
            if ScalarClass.isHan(v) || ScalarClass.isASCIIDigit(v) || ScalarClass.isASCIILetter(v) {
                scalars.append(ScalarClass.isASCIILetter(v) ? v | 0x20 : v)
                origin.append(Int32(i))
            }
            i += 1
        }
        self.scalars = scalars
        self.origin = origin
    }

    public var count: Int { scalars.count }

    /// The original scalar range of the kept characters `range`.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else { return 0..<0 }
        return Int(origin[range.lowerBound])..<(Int(origin[range.upperBound - 1]) + 1)
    }

    /// A 128-bit digest of the kept characters as 32 hex digits: two documents that differ only in punctuation,
    /// spacing, width or placeholders have the same one, which is how re-adding a text is recognised.
    public var digest: String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325, b: UInt64 = 0x8422_2325_cbf2_9ce4
        for v in scalars {
            a = (a ^ UInt64(v)) &* 0x0000_0100_0000_01B3
            b = Winnowing.mix(b &+ UInt64(v))
        }
        a = Winnowing.mix(a ^ UInt64(scalars.count))
        func hex(_ x: UInt64) -> String {
            let s = String(x, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return hex(a) + hex(b)
    }
}

/// The nearest non-space scalars around a position inside one paragraph: what decides whether an ASCII comma sits in
/// Chinese text or in a number, a URL or an English phrase.
struct Neighbourhood {
    /// Index of the nearest non-space scalar before `start`, or nil at the paragraph start.
    let before: Int?
    /// Index of the nearest non-space scalar at or after `end`, or nil at the paragraph end.
    let after: Int?
    let beforeValue: UInt32?
    let afterValue: UInt32?

    init(_ s: [Unicode.Scalar], _ span: Range<Int>, in paragraph: Range<Int>) {
        var b = span.lowerBound - 1
        while b >= paragraph.lowerBound && ScalarClass.isInlineSpace(s[b].value) { b -= 1 }
        var a = span.upperBound
        while a < paragraph.upperBound && ScalarClass.isInlineSpace(s[a].value) { a += 1 }
        before = b >= paragraph.lowerBound ? b : nil
        after = a < paragraph.upperBound ? a : nil
        beforeValue = before.map { s[$0].value }
        afterValue = after.map { s[$0].value }
    }

    var isHanBefore: Bool { beforeValue.map(ScalarClass.isHan) ?? false }
    var isHanAfter: Bool { afterValue.map(ScalarClass.isHan) ?? false }
    var isChineseBefore: Bool { beforeValue.map(ScalarClass.isChineseContext) ?? false }
    var isChineseAfter: Bool { afterValue.map(ScalarClass.isChineseContext) ?? false }
    var isDigitBefore: Bool { beforeValue.map(ScalarClass.isASCIIDigit) ?? false }
    var isDigitAfter: Bool { afterValue.map(ScalarClass.isASCIIDigit) ?? false }
    var isLatinBefore: Bool { beforeValue.map(ScalarClass.isASCIILetter) ?? false }
    var isLatinAfter: Bool { afterValue.map(ScalarClass.isASCIILetter) ?? false }

    /// The span widened over the spaces on both sides, so a fix replaces "工作 , 下一步" with "工作，下一步".
    func spanWithSpaces(_ span: Range<Int>) -> Range<Int> {
        ((before.map { $0 + 1 }) ?? span.lowerBound)..<(after ?? span.upperBound)
    }
}

/// Arabic numbers in scalar text (12, 3.5, 1,200), for the `number` rules.
struct NumberToken {
    let range: Range<Int>
    let value: Double

    /// Every number in `range`, left to right. A number is digits with an optional decimal part and thousands
    /// separators; a digit string glued to Latin letters (a model number) is skipped.
    static func all(_ s: [Unicode.Scalar], _ range: Range<Int>) -> [NumberToken] {
        var out: [NumberToken] = []
        var i = range.lowerBound
        while i < range.upperBound {
            guard ScalarClass.isASCIIDigit(s[i].value) else { i += 1; continue }
            let start = i
            var text = ""
            while i < range.upperBound {
                let v = s[i].value
                if ScalarClass.isASCIIDigit(v) { text.unicodeScalars.append(s[i]); i += 1; continue }
                // 1,200: a comma followed by exactly three digits; 3.5: a point followed by a digit.
                if v == 0x2C, (1...3).allSatisfy({ i + $0 < range.upperBound && ScalarClass.isASCIIDigit(s[i + $0].value) }),
                    !(i + 4 < range.upperBound && ScalarClass.isASCIIDigit(s[i + 4].value))
                {
                    i += 1
                    continue
                }
                if v == 0x2E, !text.utf8.contains(0x2E), i + 1 < range.upperBound, ScalarClass.isASCIIDigit(s[i + 1].value) {
                    text.append(".")
                    i += 1
                    continue
                }
                break
            }
            let glued =
                (start > range.lowerBound && ScalarClass.isASCIILetter(s[start - 1].value))
                || (i < range.upperBound && ScalarClass.isASCIILetter(s[i].value) && s[i] != "%")
            if !glued, let value = Double(text) { out.append(NumberToken(range: start..<i, value: value)) }
        }
        return out
    }
}

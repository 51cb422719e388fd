/// Who signed a report, read from its 落款: a line “述职人：李四” (报告人, 汇报人) anywhere in its last lines, or the
/// short line of a name or unit just above its closing date. Two reports of different years with the same signer are
/// the same writer's: what they share is their own words again (年年一样), not a copy of someone else's.
public enum ReportSigner {
    static let labels = ["述职人", "报告人", "汇报人", "述职述廉人", "发言人"]

    public static func signer(of document: Document) -> String? {
        let lines = document.paragraphs.filter { !$0.isBlank }.suffix(4).map {
            document.string($0.content).trimmingCharacters(in: .whitespaces)
        }
        for line in lines {
            for label in labels where line.hasPrefix(label) {
                let name = line.dropFirst(label.count).drop { $0 == "：" || $0 == ":" || $0 == " " || $0 == "\u{3000}" }
                if isName(name) { return String(name) }
            }
        }
        // 李四 / 2025年1月10日: the line above a closing date.
        guard lines.count >= 2, let last = lines.last, isDate(last) else { return nil }
        let above = lines[lines.count - 2]
        return isName(above[...]) ? above : nil
    }

    /// Two to twenty Han characters (a name or a unit), nothing else.
    static func isName(_ text: Substring) -> Bool {
        let scalars = text.unicodeScalars
        return (2...20).contains(scalars.count) && scalars.allSatisfy { ScalarClass.isHan($0.value) }
    }

    /// 2025年1月10日, 二〇二五年一月十日: a line that is only a date.
    static func isDate(_ line: String) -> Bool {
        let scalars = Array(line.unicodeScalars)
        guard let last = scalars.last, last == "日", scalars.count <= 12, scalars.contains("年"), scalars.contains("月") else { return false }
        return scalars.allSatisfy {
            ScalarClass.isASCIIDigit($0.value) || ChineseNumeral.isNumeralCharacter($0.value) || "年月日〇○".unicodeScalars.contains($0)
        }
    }
}

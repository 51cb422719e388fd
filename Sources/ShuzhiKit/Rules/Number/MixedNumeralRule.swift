/// One number in two scripts: 1千3百万 (Arabic digits with 十/百/千), 三5, or a date with a Chinese year and an
/// Arabic month (二〇二四年8月).
public struct MixedNumeralRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "number.mixed-script",
        severity: .warning,
        summary: "一个数混用两种写法（1千3百万、二〇二四年8月）",
        rationale: "GB/T 15835-2011：一个数值用一种写法，1300万 或 一千三百万，不写 1千3百万；阿拉伯数字后只能接“万”“亿”和千克、千米等单位词头。同一日期的年月日也要用同一种数字（参考文件 gongwen-norms.md §4 N1、N4）。",
        fix: .unsafe,
        triggering: [
            RuleExample("总投资«1千3百万»元。", fixed: "总投资1300万元。"),
            RuleExample("新增«5千»余人。", fixed: "新增5000余人。"),
            RuleExample("«二〇二四年8月»完成验收。"),
        ],
        nonTriggering: ["总投资1300万元。", "线路长3千米，功率50千瓦。", "二〇二四年八月完成验收。", "2024年8月完成验收。", "增加3.5亿元。"]
    )

    static let units: [Unicode.Scalar: Int] = ["十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000]
    /// After 千 (or 百): an SI prefix, not a number.
    static let measures: Set<Unicode.Scalar> = ["克", "米", "瓦", "伏", "帕", "赫", "焦", "卡", "字", "周", "分", "兆", "公", "吨"]

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        for paragraph in analysis.document.paragraphs where !paragraph.isBlank {
            let range = paragraph.content
            var i = range.lowerBound
            while i < range.upperBound {
                guard ScalarClass.isASCIIDigit(s[i].value), i == range.lowerBound || !ScalarClass.isASCIIDigit(s[i - 1].value) && s[i - 1] != "." else { i += 1; continue }
                // Digits and 十百千万亿, as long as a 十/百/千 follows a digit group.
                var e = i, mixed = false
                while e < range.upperBound, ScalarClass.isASCIIDigit(s[e].value) || (Self.units[s[e]] != nil && e > i) {
                    if let u = Self.units[s[e]], u < 10_000, ScalarClass.isASCIIDigit(s[e - 1].value) {
                        if e + 1 < range.upperBound && Self.measures.contains(s[e + 1]) { break }
                        mixed = true
                    }
                    e += 1
                }
                defer { i = max(e, i + 1) }
                guard mixed else { continue }
                let span = i..<e
                let fixed = Self.arabic(s, span)
                out.append(description.diagnostic(span, "一个数不要混用阿拉伯数字和汉字数字" + (fixed.map { "：写作“\($0)”" } ?? ""),
                                                  replacements: fixed.map { [$0] } ?? [], fix: fixed == nil ? nil : .unsafe))
            }
            // A Chinese year with an Arabic month: 二〇二四年8月.
            for m in ReportYear.mentions(s, range) where m.value != nil && !ScalarClass.isASCIIDigit(s[m.range.lowerBound].value) {
                var e = m.range.upperBound
                while e < range.upperBound && ScalarClass.isASCIIDigit(s[e].value) && e - m.range.upperBound < 2 { e += 1 }
                guard e > m.range.upperBound, e < range.upperBound, s[e] == "月" else { continue }
                out.append(description.diagnostic(m.range.lowerBound..<e + 1, "同一日期的年、月、日应使用同一种数字"))
            }
        }
        return out
    }

    /// 1千3百万 → 1300万, 5千 → 5000; nil when the pieces do not make one well-formed number.
    static func arabic(_ s: [Unicode.Scalar], _ span: Range<Int>) -> String? {
        var total = 0, section = 0, digits = -1
        var lastSmall = Int.max
        for p in span {
            let v = s[p].value
            if ScalarClass.isASCIIDigit(v) {
                digits = (digits < 0 ? 0 : digits) * 10 + Int(v - 0x30)
            } else if let u = units[s[p]] {
                guard digits >= 0 || u >= 10_000 else { return nil }
                if u < 10_000 {
                    guard u < lastSmall else { return nil }
                    section += digits * u
                    lastSmall = u
                } else {
                    total += (section + max(digits, 0)) * u
                    section = 0
                    lastSmall = Int.max
                }
                digits = -1
            }
        }
        let rest = section + max(digits, 0)
        let value = total + rest
        guard value > 0 else { return nil }
        if value % 100_000_000 == 0 { return "\(value / 100_000_000)亿" }
        if value % 10_000 == 0 { return "\(value / 10_000)万" }
        return "\(value)"
    }
}

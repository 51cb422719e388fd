/// One number in two scripts: 1千3百万 (Arabic digits with 十/百/千), 三5, or a date with a Chinese year and an
/// Arabic month (二〇二四年8月).
public struct MixedNumeralRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "number.mixed-script",
        severity: .warning,
        summary: "一个数混用两种写法（1千3百万、二〇二四年8月）",
        rationale:
            "GB/T 15835-2011：一个数值用一种写法，1300万 或 一千三百万，不写 1千3百万；阿拉伯数字后只能接“万”“亿”和千克、千米等单位词头。同一日期的年月日也要用同一种数字（参考文件 gongwen-norms.md §4 N1、N4）。",
        fix: .unsafe,
        triggering: [
            RuleExample("总投资«1千3百万»元。", fixed: "总投资1300万元。"),
            RuleExample("新增«5千»余人。", fixed: "新增5000余人。"),
            RuleExample("带动销售«1亿3千多万»元。", fixed: "带动销售1.3亿多元。"),
            RuleExample("新增就业«2万3千»人。", fixed: "新增就业2.3万人。"),
            RuleExample("预算«3千»元，培训«2百»人次。", fixed: "预算3000元，培训200人次。"),
            RuleExample("«二〇二四年8月»完成验收。"),
        ],
        nonTriggering: ["总投资1300万元。", "线路长3千米，功率50千瓦。", "二〇二四年八月完成验收。", "2024年8月完成验收。", "增加3.5亿元。", "依托“365百姓故事汇”开展宣讲。"]
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
                guard ScalarClass.isASCIIDigit(s[i].value),
                    i == range.lowerBound || !ScalarClass.isASCIIDigit(s[i - 1].value) && s[i - 1] != "."
                else { i += 1; continue }
                // Digits and 十百千万亿, as long as a 十/百/千 follows a digit group; 多/余 inside it when a 万 or 亿
                // follows (1亿3千多万).
                var e = i, mixed = false
                while e < range.upperBound {
                    let c = s[e]
                    if ScalarClass.isASCIIDigit(c.value) || (Self.units[c] != nil && e > i) {
                        if let u = Self.units[c], u < 10_000, ScalarClass.isASCIIDigit(s[e - 1].value) {
                            if e + 1 < range.upperBound && Self.measures.contains(s[e + 1]) { break }
                            // 百 of 百姓: a word that starts at the unit and is not a number (365百姓故事汇).
                            if e + 1 < range.upperBound, Self.wordsNotNumbers.contains([c, s[e + 1]]) { break }
                            mixed = true
                        }
                    } else if Self.approximate.contains(c), e > i, Self.units[s[e - 1]].map({ $0 < 10_000 }) ?? false,
                        e + 1 < range.upperBound, (Self.units[s[e + 1]] ?? 0) >= 10_000
                    {
                        // kept: 3千多万
                    } else {
                        break
                    }
                    e += 1
                }
                defer { i = max(e, i + 1) }
                guard mixed else { continue }
                let span = i..<e
                let fixed = Self.arabic(s, span)
                out.append(
                    description.diagnostic(
                        span, "一个数不要混用阿拉伯数字和汉字数字" + (fixed.map { "：写作“\($0)”" } ?? ""),
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

    /// Words that open with 十/百/千 and are not numbers: after digits they begin a name, not a magnitude. (百人,
    /// 千元 are numbers: the dictionary cannot tell them apart, so the words are named.)
    static let wordsNotNumbers: Set<[Unicode.Scalar]> = Set(
        ["百姓", "百货", "百科", "百般", "百花", "十分", "十足", "千秋"].map { Array($0.unicodeScalars) })

    /// 多/余 after a 十/百/千 and before a 万/亿: the number is approximate (3千多万).
    static let approximate: Set<Unicode.Scalar> = ["多", "余"]

    /// The number as a writer would write it in Arabic digits, keeping the largest of 万/亿 the writer used as the
    /// unit: 1千3百万 → 1300万, 5千 → 5000, 2万3千 → 2.3万, 1亿3千多万 → 1.3亿多, 3千多万 → 3000多万; nil when the
    /// pieces do not make one well-formed number (1千5千).
    static func arabic(_ s: [Unicode.Scalar], _ span: Range<Int>) -> String? {
        var total = 0, section = 0, digits = -1
        var lastSmall = Int.max, lastLarge = Int.max, largest = 1
        var marker: Unicode.Scalar? = nil
        for p in span {
            let v = s[p].value
            if ScalarClass.isASCIIDigit(v) {
                digits = (digits < 0 ? 0 : digits) * 10 + Int(v - 0x30)
            } else if approximate.contains(s[p]) {
                // Only the last group may be approximate: 1亿3千多万, not 3千多1万.
                guard marker == nil, digits < 0 else { return nil }
                marker = s[p]
            } else if let u = units[s[p]] {
                guard digits >= 0 || u >= 10_000 else { return nil }
                if u < 10_000 {
                    guard u < lastSmall, marker == nil else { return nil }
                    section += digits * u
                    lastSmall = u
                } else {
                    guard u < lastLarge, section + max(digits, 0) > 0 else { return nil }
                    total += (section + max(digits, 0)) * u
                    section = 0
                    lastSmall = Int.max
                    lastLarge = u
                    largest = max(largest, u)
                }
                digits = -1
            }
        }
        // A marker must be followed by its 万/亿, and nothing may follow that.
        if marker != nil && (digits >= 0 || section > 0) { return nil }
        let value = total + section + max(digits, 0)
        guard value > 0 else { return nil }
        let unit = largest == 100_000_000 ? "亿" : largest == 10_000 ? "万" : ""
        let whole = value / largest, fraction = value % largest
        var mantissa = "\(whole)"
        if fraction > 0 {
            var decimals = String(String(fraction + largest).dropFirst())
            while decimals.hasSuffix("0") { decimals.removeLast() }
            // More places than a writer gives a 万 or 亿 (1亿零5): the plain number.
            guard decimals.count <= 4 else { return marker == nil ? "\(value)" : nil }
            mantissa += "." + decimals
        }
        guard let m = marker else { return mantissa + unit }
        return fraction == 0 ? mantissa + String(m) + unit : mantissa + unit + String(m)
    }
}

/// A year written with two digits: 24年3月, 21年底 (GB/T 15835: years are written in full).
public struct TwoDigitYearRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "number.two-digit-year",
        severity: .warning,
        summary: "年份不能简写为两位（24年3月应为2024年3月）",
        rationale: "GB/T 15835 规定年份写全，不写作“24年”或“二四年”（参考文件 gongwen-norms.md §4 N8）。只在后面接月份、年底、年初、上半年、下半年、年度时判断为年份，“工作了15年”这类年数不报。",
        fix: .unsafe,
        triggering: [
            RuleExample("«24年»3月完成验收。", fixed: "2024年3月完成验收。"),
            RuleExample("截至«21年»底。", fixed: "截至2021年底。"),
        ],
        nonTriggering: ["2024年3月完成验收。", "工作了15年。", "近20年来。", "15年以上。"]
    )

    static let followers = ["月", "底", "初", "上半年", "下半年", "年初", "度"]

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        for paragraph in analysis.document.paragraphs where !paragraph.isBlank {
            let range = paragraph.content
            for p in range where s[p] == "年" && p - 2 >= range.lowerBound {
                guard ScalarClass.isASCIIDigit(s[p - 1].value), ScalarClass.isASCIIDigit(s[p - 2].value),
                    p - 3 < range.lowerBound || !(ScalarClass.isASCIIDigit(s[p - 3].value) || s[p - 3] == "." || s[p - 3] == "第")
                else { continue }
                let after = s.string(p + 1..<min(range.upperBound, p + 4))
                // 24年3月: a month number; 21年底, 22年上半年.
                let month = p + 1 < range.upperBound && ScalarClass.isASCIIDigit(s[p + 1].value) && after.contains("月")
                guard month || Self.followers.dropFirst().contains(where: { after.hasPrefix($0) }) else { continue }
                let yy = Int(s.string(p - 2..<p))!
                let full = (yy <= 50 ? 2000 : 1900) + yy
                out.append(description.diagnostic(p - 2..<p + 1, "年份应写全：“\(full)年”", replacements: ["\(full)年"], fix: .unsafe))
            }
        }
        return out
    }
}

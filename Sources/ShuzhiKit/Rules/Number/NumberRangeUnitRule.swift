/// A range whose unit is written only after the second number where GB/T 15835 wants it on both: 20～30% →
/// 20%～30%, 9～16亿 → 9亿～16亿.
public struct NumberRangeUnitRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "number.range-unit",
        severity: .warning,
        summary: "数值范围前一个数缺少 %、万、亿（20～30% 应为 20%～30%）",
        rationale: "GB/T 15835-2011 第5节：表示数值范围时，百分数、以万或亿为单位的数，前后两个数的 %、万、亿都不能省略，如 15%～30%、9亿～16亿、13万元～17万元（参考文件 gongwen-norms.md §4 N5）。",
        fix: .safe,
        triggering: [
            RuleExample("增长«20～30%»。", fixed: "增长20%～30%。"),
            RuleExample("投资«9～16亿»元。", fixed: "投资9亿～16亿元。"),
            RuleExample("人均增收«3—5万»元。", fixed: "人均增收3万—5万元。"),
        ],
        nonTriggering: ["增长20%～30%。", "重100～150kg。", "2021—2025年。", "第3～5页。"]
    )

    static let dashes: Set<Unicode.Scalar> = ["～", "~", "—", "–", "-", "至"]
    static let units: Set<Unicode.Scalar> = ["%", "％", "‰", "万", "亿"]

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        for paragraph in analysis.document.paragraphs where !paragraph.isBlank {
            let numbers = NumberToken.all(s, paragraph.content)
            for (a, b) in zip(numbers, numbers.dropFirst()) {
                let gap = a.range.upperBound..<b.range.lowerBound
                guard gap.count == 1 || (gap.count == 2 && s[gap.lowerBound] == "—" && s[gap.lowerBound + 1] == "—"),
                    Self.dashes.contains(s[gap.lowerBound]),
                    b.range.upperBound < paragraph.content.upperBound, Self.units.contains(s[b.range.upperBound])
                else { continue }
                let unit = s[b.range.upperBound]
                let span = a.range.lowerBound..<b.range.upperBound + 1
                let fixed = s.string(a.range) + String(unit) + s.string(gap) + s.string(b.range) + String(unit)
                out.append(description.diagnostic(span, "数值范围的两个数都要带“\(unit)”：\(fixed)", replacements: [fixed], fix: .safe))
            }
        }
        return out
    }
}

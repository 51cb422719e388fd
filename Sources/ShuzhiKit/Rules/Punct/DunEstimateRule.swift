/// A 顿号 between two neighbouring numerals that make an estimate: 三、四个 → 三四个 (GB/T 15834 4.5.3, GB/T 15835).
public struct DunEstimateRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "punct.dun-estimate",
        severity: .warning,
        summary: "表示概数的相邻数字间不用顿号（三、四个 → 三四个）",
        rationale: "GB/T 15834-2011 4.5.3：相邻两数字连用表示概数时，中间不用顿号。若为缩略（二、三产业，一、二年级），顿号保留。",
        fix: .unsafe,
        triggering: [
            RuleExample("每周下乡«三、四»次。", fixed: "每周下乡三四次。"),
            RuleExample("用了«五、六»天时间", fixed: "用了五六天时间"),
        ],
        nonTriggering: [
            "推动二、三产业融合发展。",
            "一、二年级学生",
            "一、二季度实现增长",
            "三、四月份雨水较多",
            "达到第一、二项规定的标准",
            "适用第三、四、五条的规定",
        ]
    )

    /// Units after which two numerals are a rough count. 项/条/款 are left out: 一、二项 lists items.
    private static let units = Set("个天岁人米种次万千百户家遍倍位年".unicodeScalars.map(\.value))

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        for p in analysis.document.paragraphs where !p.isBlank {
            var i = p.content.lowerBound + 1
            while i + 2 < p.content.upperBound {
                defer { i += 1 }
                guard s[i] == "、", let a = ChineseNumeral.digit(s[i - 1].value), let b = ChineseNumeral.digit(s[i + 1].value),
                    b == a + 1, a > 0, Self.units.contains(s[i + 2].value)
                else { continue }
                if s[i + 2] == "年", i + 3 < p.content.upperBound, s[i + 3] == "级" { continue }
                // Not the end of a longer number (十一、二…), not an ordinal list (第一、二项, 第三、四、五条).
                if i - 2 >= p.content.lowerBound, ChineseNumeral.isNumeralCharacter(s[i - 2].value) || s[i - 2] == "第" { continue }
                out.append(
                    description.diagnostic(
                        (i - 1)..<(i + 2), "表示概数的“\(s.string((i - 1)..<(i + 2)))”中间不用顿号",
                        replacements: [s.string((i - 1)..<i) + s.string((i + 1)..<(i + 2))], fix: .unsafe))
            }
        }
        return out
    }
}

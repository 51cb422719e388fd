/// 顿号 between items that are each in quotation marks or book-title marks: “A”、“B” → “A”“B” (GB/T 15834 4.5.3).
public struct DunBetweenQuotesRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "punct.dun-between-quotes",
        severity: .info,
        summary: "引号或书名号标示的并列成分之间通常不用顿号（“A”、“B” → “A”“B”）",
        rationale: "GB/T 15834-2011 4.5.3：标有引号或书名号的并列成分之间通常不用顿号；若有括注，则用顿号。标准用“通常”，国务院政府工作报告中也常见“A”、“B”写法，故此规则默认不启用，需在配置中 enable。",
        fix: .unsafe,
        enabledByDefault: false,
        triggering: [
            RuleExample("落实“两个带头”«、»“六个坚持”等要求", fixed: "落实“两个带头”“六个坚持”等要求"),
            RuleExample("学习《论中国共产党历史》«、»《中国共产党简史》", fixed: "学习《论中国共产党历史》《中国共产党简史》"),
        ],
        nonTriggering: [
            "学习《民法典》（2020年版）、《党章》",
            "增强“四个意识”，坚定“四个自信”",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        for p in analysis.document.paragraphs where !p.isBlank {
            for i in p.content where s[i] == "、" && i > p.content.lowerBound && i + 1 < p.content.upperBound {
                let before = s[i - 1], after = s[i + 1]
                if (before == "”" && after == "“") || (before == "》" && after == "《") {
                    out.append(
                        description.diagnostic(i..<(i + 1), "\(quoted(before))与\(quoted(after))之间通常不用顿号", replacements: [""], fix: .unsafe))
                }
            }
        }
        return out
    }
}

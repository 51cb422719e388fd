/// Dashes typed wrong: -- or －－ or ── or ―― for ——, and —— stretched to three or more (GB/T 15834 4.10).
public struct DashRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "punct.dash",
        severity: .warning,
        summary: "破折号形式错误（--、－－、──、―― 或过长），应为“——”",
        rationale: "GB/T 15834-2011 4.10：破折号为“——”（两个 U+2014），占两个字位置。连接号“—”“-”“～”另有用法，不在此列。",
        fix: .safe,
        triggering: [
            RuleExample("工作目标«--»全年完成投资10亿元", fixed: "工作目标——全年完成投资10亿元"),
            RuleExample("政府工作报告«－－»2023年", fixed: "政府工作报告——2023年"),
            RuleExample("主要任务«———»招商引资", fixed: "主要任务——招商引资"),
            RuleExample("主要任务«――»招商引资", fixed: "主要任务——招商引资"),
        ],
        nonTriggering: [
            "——2017年3月5日在第十二届全国人民代表大会第五次会议上",
            "北京—上海高速铁路",
            "电话0571-88881234",
            "2021—2025年",
            "command --help",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        for p in analysis.document.paragraphs where !p.isBlank {
            var i = p.content.lowerBound
            while i < p.content.upperBound {
                let v = s[i].value
                // - － ─ ― —
                guard v == 0x2D || v == 0xFF0D || v == 0x2500 || v == 0x2015 || v == 0x2014 else { i += 1; continue }
                var e = i + 1
                while e < p.content.upperBound && s[e].value == v { e += 1 }
                let count = e - i
                let n = Neighbourhood(s, i..<e, in: p.content)
                let chinese = n.isChineseBefore || n.isChineseAfter
                let flagged: Bool
                switch v {
                case 0x2014: flagged = count >= 3
                case 0x2015, 0x2500: flagged = count >= 2
                // Six or more hyphens are a decorative rule, which residue.advert reports.
                default: flagged = count >= 2 && count < 6 && chinese && !n.isLatinBefore && !n.isLatinAfter
                }
                if flagged {
                    out.append(description.diagnostic(i..<e, "破折号应为“——”，不用“\(s.string(i..<e))”", replacements: ["——"], fix: .safe))
                }
                i = e
            }
        }
        return out
    }
}

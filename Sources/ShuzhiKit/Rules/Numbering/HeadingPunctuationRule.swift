/// A heading standing on its own line that ends in a point mark (GB/T 15834 B.4; reference §2).
public struct HeadingPunctuationRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "numbering.heading-punct",
        severity: .warning,
        summary: "单独成行的标题末尾不加点号（一、加强学习。）",
        rationale:
            "GB/T 15834-2011 附录B.4：标题末尾通常不用标点。单独成段的一级、二级标题末尾的句号、逗号、分号、冒号应删去；标题与正文同段（“1.加强学习。全年……”）时标题后的句号是正常的。二级标题以句号结尾是政府工作报告的通行写法，列举项以分号结尾是正常的，均不报；超过 40 字的行视为句子而非标题。",
        fix: .unsafe,
        triggering: [
            RuleExample("一、强化理论武装«。»\n始终坚持学习。", fixed: "一、强化理论武装\n始终坚持学习。"),
            RuleExample("（二）下一步工作打算«：»\n1.深化学习", fixed: "（二）下一步工作打算\n1.深化学习"),
        ],
        nonTriggering: [
            "一、强化理论武装\n始终坚持学习。",
            "1.深化学习，坚定信仰信念。深入学习原著。",
            "（一）存在不足。一是理论学习不够深入。",
            "1.全年完成投资10亿元。",
            "（一）用改革的办法深入推进“三去一降一补”。\n全年完成去产能任务。",
            "存在问题：\n（一）理论学习不够深入；\n（二）工作方法有所欠缺。",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        for node in analysis.outline.headings where !node.isRunIn {
            guard let m = node.marker, node.paragraph >= 0 else { continue }
            let p = analysis.document.paragraphs[node.paragraph]
            var start = p.content.upperBound
            while start > m.range.upperBound && Outline.isEndPunctuation(s[start - 1].value) { start -= 1 }
            guard start < p.content.upperBound else { continue }
            let marks = s.string(start..<p.content.upperBound)
            // A long line is a sentence or a list item, not a heading.
            guard start - m.range.upperBound <= 40 else { continue }
            // 。 ends list items at every level below the first and ； ends items of an enumeration (（一）…；).
            let allowed: Set<Character>
            switch m.style {
            case .chinese: allowed = ["。", "，", "；", "：", "、"]
            case .chineseBracketed: allowed = ["，", "：", "、"]
            default: allowed = ["，", "、"]
            }
            guard marks.allSatisfy(allowed.contains) else { continue }
            let severity = Severity.warning
            out.append(
                description.diagnostic(
                    start..<p.content.upperBound, "单独成行的标题末尾不加“\(marks)”", replacements: [""],
                    fix: .unsafe, severity: severity))
        }
        return out
    }
}

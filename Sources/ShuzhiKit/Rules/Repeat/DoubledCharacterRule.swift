/// A function character typed twice: 的的, 了了, 在在 — but not 为了了解, 目的的, 研究所所长, 的的确确, 常常, 人人.
public struct DoubledCharacterRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "repeat.char",
        severity: .warning,
        summary: "虚词误重复（的的、了了、在在、是是）",
        rationale: "虚词连写两次多是输入失误。只检查不能重叠成词的虚词；与前后字构成词语（为了了解、目的的、现在在）或 AABB 叠词（的的确确、实实在在）时不报；实词重叠（常常、人人、看看）不在此列。",
        fix: .unsafe,
        triggering: [
            RuleExample("我们«的的»工作取得了成效。", fixed: "我们的工作取得了成效。"),
            RuleExample("圆满完成«了了»各项任务。", fixed: "圆满完成了各项任务。"),
            "坚持«在在»学中干。",
        ],
        nonTriggering: [
            "为了了解群众需求，开展走访。",
            "达到目的的手段。",
            "研究所所长，派出所所长。",
            "的的确确、实实在在地解决问题。",
            "常常深入基层，人人参与，天天坚持。",
            "现在在抓落实上下功夫。",
            "不了了之的情况得到纠正。",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        for p in analysis.document.paragraphs where !p.isBlank {
            var i = p.content.lowerBound
            while i + 1 < p.content.upperBound {
                let v = s[i].value
                guard s[i + 1].value == v, FunctionWordContext.characters.contains(v) else { i += 1; continue }
                // Three or more in a row is not a two-character slip pattern we can judge; skip the run.
                if i + 2 < p.content.upperBound && s[i + 2].value == v {
                    while i < p.content.upperBound && s[i].value == v { i += 1 }; continue
                }
                if !FunctionWordContext.isLegitimate(s, i, in: p.content) {
                    let c = String(s[i])
                    out.append(description.diagnostic(i..<(i + 2), "“\(c)\(c)”重复，应为“\(c)”", replacements: [c], fix: .unsafe))
                }
                i += 2
            }
        }
        return out
    }
}

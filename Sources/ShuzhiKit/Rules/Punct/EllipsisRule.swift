/// Ellipses typed wrong (..., 。。。, a lone …, ⋯⋯, ···) and an ellipsis together with 等 (GB/T 15834 4.11).
public struct EllipsisRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "punct.ellipsis",
        severity: .warning,
        summary: "省略号形式错误（...、。。。、单个…），或与“等”连用",
        rationale: "GB/T 15834-2011 4.11：省略号为“……”（两个 U+2026），占两个字位置，不与“等”“等等”连用。",
        fix: .safe,
        fixSometimesUnsafe: true,
        triggering: [
            RuleExample("加强学习、提高能力«...»", fixed: "加强学习、提高能力……"),
            RuleExample("土地、规划、报建«。。。»", fixed: "土地、规划、报建……"),
            RuleExample("学习、调研«…»", fixed: "学习、调研……"),
            RuleExample("学习、调研«⋯⋯»", fixed: "学习、调研……"),
            "收储、报批«……等»工作",
        ],
        nonTriggering: [
            "成绩来之不易……",
            "问题还有很多…………",
            "版本号为 v1.2.3。",
            "详见 www.gov.cn 网站",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        for p in analysis.document.paragraphs where !p.isBlank {
            var i = p.content.lowerBound
            while i < p.content.upperBound {
                let v = s[i].value
                guard v == 0x2E || v == 0x3002 || v == 0x2026 || v == 0x22EF || v == 0xB7 || v == 0xFF0E else { i += 1; continue }
                var e = i + 1
                while e < p.content.upperBound && s[e].value == v { e += 1 }
                let count = e - i
                let n = Neighbourhood(s, i..<e, in: p.content)
                let chinese = n.isChineseBefore || n.isHanAfter || n.after == nil
                switch v {
                case 0x2026 where count == 2 || count == 4:
                    if e < p.content.upperBound && s[e] == "等" {
                        let end = e + (e + 1 < p.content.upperBound && s[e + 1] == "等" ? 2 : 1)
                        out.append(description.diagnostic(i..<end, "省略号不与“等”连用，保留其一", replacements: ["等", "……"], fix: .unsafe))
                    }
                case 0x2026, 0x22EF:
                    out.append(
                        description.diagnostic(
                            i..<e, "省略号应为“……”（两个“…”）", replacements: ["……"], fix: count <= 3 || v == 0x22EF ? .safe : .unsafe))
                case _ where (v == 0x2E || v == 0x3002 || v == 0xB7 || v == 0xFF0E) && count >= 3 && chinese:
                    // 12.3... stays a number; URLs have no three dots.
                    out.append(description.diagnostic(i..<e, "省略号应为“……”，不用“\(s.string(i..<e))”", replacements: ["……"], fix: .safe))
                default:
                    break
                }
                i = e
            }
        }
        return out
    }
}

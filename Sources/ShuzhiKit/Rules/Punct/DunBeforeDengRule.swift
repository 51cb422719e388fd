/// A 顿号 right before 等 closing a list: A、B、等 → A、B等 (GB/T 15834 B.1.2).
public struct DunBeforeDengRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "punct.dun-before-deng",
        severity: .warning,
        summary: "“等”前不用顿号（A、B、等 → A、B等）",
        rationale: "GB/T 15834-2011 附录B.1.2：并列词语之后的“等”“等等”前不加顿号。",
        fix: .safe,
        triggering: [
            RuleExample("促进x、y«、»等企业实施技术改造", fixed: "促进x、y等企业实施技术改造"),
            RuleExample("土地、规划«、»等等", fixed: "土地、规划等等"),
        ],
        nonTriggering: [
            "土地、规划等工作",
            "一等、二等、等级以外",
            "分为甲、乙、丙三等",
        ]
    )

    /// 等 starting a word (等级, 等待, 等同…): then it is not the list-closing 等.
    private static let wordStarts = Set("级待候同额效量高价比分距腰边号到于".unicodeScalars.map(\.value))

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        for p in analysis.document.paragraphs where !p.isBlank {
            for i in p.content where s[i] == "、" && i + 1 < p.content.upperBound && s[i + 1] == "等" {
                let next = i + 2 < p.content.upperBound ? s[i + 2].value : 0
                if Self.wordStarts.contains(next) { continue }
                out.append(description.diagnostic(i..<(i + 1), "“等”前不用顿号", replacements: [""], fix: .safe))
            }
        }
        return out
    }
}

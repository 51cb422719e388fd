/// Two characters typed in the wrong order (计划 → 划计, 求真务实 → 务真求实).
public struct CharacterOrderRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "typo.order",
        severity: .warning,
        summary: "字序颠倒（划计 → 计划、务真求实 → 求真务实）",
        rationale: "相邻两字颠倒后成为常用词，或四字固定短语中隔一字的两字颠倒，而按原样不成词，且语言模型明显支持调换：多是输入时颠倒了字序。建议需人工确认。",
        fix: .unsafe,
        triggering: [
            RuleExample("乌克兰不准备同意通过白俄罗斯出口谷物的«划计»。", fixed: "乌克兰不准备同意通过白俄罗斯出口谷物的计划。"),
            RuleExample("始终坚持«务真求»实的工作作风。", fixed: "始终坚持求真务实的工作作风。"),
        ],
        nonTriggering: [
            "乌克兰不准备同意通过白俄罗斯出口谷物的计划。",
            "始终坚持求真务实的工作作风。",
            "会议审议通过了有关议案。",
            "双方同意建立更加紧密的阿中经贸合作关系，符合哈中两国人民利益。",
            // Swapped, 市城 would write 城市 twice.
            "推进中心城市市城一体化发展，优化城区功能布局。",
            // Parallel halves, ordered either way.
            "坚持爱澳爱国，维护长期繁荣稳定。",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        return analysis.typoFindings.slips.filter { $0.kind == .reorder }.map { slip in
            let (written, meant) = slip.shownTexts(s)
            return slip.diagnostic(description, s, "字序颠倒：“\(written)”疑为“\(meant)”")
        }
    }
}

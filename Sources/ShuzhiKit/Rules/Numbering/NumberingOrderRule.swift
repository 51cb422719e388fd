/// A number smaller than the one before it: 一、三、二、.
public struct NumberingOrderRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "numbering.order",
        severity: .error,
        summary: "序号顺序颠倒（一、三、二、）",
        rationale: "同一层级的序号应依次递增。",
        triggering: [
            "一、加强学习\n三、履职尽责\n«二、»廉洁自律",
            "一是学习不深。三是方法欠缺。«二是»作风不实。",
        ],
        nonTriggering: [
            "一、加强学习\n二、履职尽责\n三、廉洁自律",
            // A report in parts numbers each part afresh; so do its annexes.
            "第一部分 2024年工作回顾\n一、经济运行稳中向好\n二、改革开放持续深化\n第二部分 2025年工作安排\n一、扩大有效需求\n二、加快产业升级\n附件：名词解释\n一、新质生产力\n二、两重",
            // So does a section under a heading the writer did not number.
            "2024年工作回顾\n（一）经济运行稳中向好。全年增长5%。\n（二）改革开放持续深化。新设企业一万家。\n2025年工作安排\n（一）扩大有效需求。\n（二）加快产业升级。",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        analysis.sequences.problems.compactMap { item, problem in
            guard case .order(let after) = problem else { return nil }
            return description.diagnostic(item.range, "序号“\(analysis.document.string(item.range))”出现在“\(item.marker(after))”之后，顺序颠倒")
        }
    }
}

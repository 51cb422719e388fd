/// A number skipped in a heading sequence or a 一是…二是… series: 一、二、四、 (GB/T 9704 7.3.3 结构层次序数).
public struct NumberingGapRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "numbering.gap",
        severity: .error,
        summary: "序号跳号（一、二、四、；一是、二是、四是）或不从一开始",
        rationale: "同一层级的结构层次序数应连续递增。跳号多因增删段落后未重新编号。",
        triggering: [
            "一、加强学习\n二、履职尽责\n«四、»廉洁自律",
            "（一）围绕大局。一是疫情防控有力。二是招商成效显著。«四是»项目建设有力。",
            "一、加强学习\n1.深化学习\n«3.»严守底线",
            // Inside one part a gap is still a gap.
            "第一部分 工作回顾\n一、经济运行\n二、改革开放\n第二部分 工作安排\n一、扩大需求\n«三、»产业升级",
            "2024年工作回顾\n（一）经济运行稳中向好。\n（二）改革开放持续深化。\n2025年工作安排\n（一）扩大有效需求。\n«（三）»加快产业升级。",
        ],
        nonTriggering: [
            "一、2016年工作回顾\n二、2017年工作总体部署\n三、重点工作任务",
            "（一）存在不足。一是学习不深。二是方法欠缺。\n（二）下步打算。一是深化学习。二是担当作为。",
            "一、加强学习\n1.深化学习\n做好笔记。\n2.学以致用\n二、下步打算\n1.严守底线",
            "一、2016年工作回顾\n二、2017年工作总体部署\n三、2017年重点工作任务",
            "一是节能。二是减排。三是完善奖惩机制。一是加快产品质量立法。二是完善标准。",
            "一是农业增收难度加大。二是就业压力加大。三是消费需求不足。四是一些涉及群众利益的问题仍然突出。",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        analysis.sequences.problems.compactMap { item, problem in
            switch problem {
            case .gap(let expected):
                let want = item.marker(expected)
                return description.diagnostic(item.range, "序号跳号：“\(analysis.document.string(item.range))”之前缺少“\(want)”")
            case .badStart:
                return description.diagnostic(item.range, "序号应从“\(item.marker(1))”开始")
            default:
                return nil
            }
        }
    }
}

/// Shortcomings or plans placed before the work they follow up (下一步打算 as section two, 述职 after it).
public struct PartOrderRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "structure.order",
        severity: .info,
        summary: "各部分顺序不合惯例（问题不足、下步打算放在工作情况之前）",
        rationale: "述职报告一般按学习（党建）、履职、廉洁与法治、问题不足、下步打算的顺序写；问题不足和下步打算出现在其后仍有学习或履职部分时提示。",
        triggering: [
            RuleExample("个人述职报告\n一、加强理论学习\n认真学习。\n«二、下一步工作打算»\n继续努力。\n三、认真履职尽责\n完成任务。")
        ],
        nonTriggering: [
            "个人述职报告\n一、加强理论学习\n认真学习。\n二、认真履职尽责\n完成任务。\n三、存在的不足\n还有差距。\n四、下一步打算\n继续努力。"
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let units = analysis.structure.units.filter { $0.node != nil }
        var out: [Diagnostic] = []
        for (k, unit) in units.enumerated() {
            guard let late = unit.parts.filter({ $0 == .shortcomings || $0 == .plans }).min(by: { $0.rank < $1.rank }),
                let after = units[(k + 1)...].first(where: { u in
                    u.parts.contains { $0.rank < late.rank && $0.rank <= ReportStructure.Part.duty.rank }
                })
            else { continue }
            let node = analysis.outline.nodes[unit.node!]
            let heading = node.marker.map { $0.range.lowerBound } ?? node.titleRange.lowerBound
            out.append(
                description.diagnostic(
                    heading..<node.titleRange.upperBound,
                    "“\(late.rawValue)”一般放在最后，其后还有“\(after.parts.map(\.rawValue).joined(separator: "、"))”部分"))
        }
        return out
    }
}

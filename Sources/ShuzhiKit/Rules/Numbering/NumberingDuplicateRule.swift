/// The same number twice in a row: 一、二、二、 or 二是…二是.
public struct NumberingDuplicateRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "numbering.duplicate",
        severity: .error,
        summary: "序号重复（一、二、二、；二是、二是）",
        rationale: "同一层级的序号不能重复；若后面的序号说明这里应是下一个数，给出建议。",
        fix: .unsafe,
        triggering: [
            RuleExample("一、加强学习\n二、履职尽责\n«二、»廉洁自律\n四、存在不足", fixed: "一、加强学习\n二、履职尽责\n三、廉洁自律\n四、存在不足"),
            RuleExample("一是学习不深。二是方法欠缺。«二是»作风不实。", fixed: "一是学习不深。二是方法欠缺。三是作风不实。"),
        ],
        nonTriggering: [
            "一、加强学习\n（一）深化学习\n二、履职尽责\n（一）抓好招商",
            "一是学习不深。二是方法欠缺。\n一是深化学习。二是担当作为。",
            // A list inside a paragraph does not end the list whose items open the paragraphs.
            "述职报告\n一是加强党的建设。\n二是发展特色产业。重点抓好：一是种植，二是养殖，三是加工。\n三是改善民生。",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        analysis.sequences.problems.compactMap { item, problem in
            guard case .duplicate(let expected) = problem else { return nil }
            let text = analysis.document.string(item.range)
            if let expected {
                let want = item.marker(expected)
                return description.diagnostic(item.range, "序号“\(text)”与上一个重复，应为“\(want)”", replacements: [want], fix: .unsafe)
            }
            return description.diagnostic(item.range, "序号“\(text)”与上一个重复")
        }
    }
}

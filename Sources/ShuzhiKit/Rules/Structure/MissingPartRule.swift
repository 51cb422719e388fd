/// A part the report should have and does not: one its title promises (述学述职述廉述法报告 without a 述法 section),
/// or the shortcomings and the plans every 述职报告 ends with.
public struct MissingPartRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "structure.missing-part",
        severity: .warning,
        summary: "缺少应有的部分（标题写“述学述职述廉述法”却没有述法部分；没有问题不足或下步打算）",
        rationale:
            "述职述廉述学述法报告要逐项报告学习、履职、廉洁、法治情况；述职报告还应写存在的问题不足和下一步打算（组织部门对述职报告的一般要求）。标题没有写明这些部分的按体裁要求：工作总结应叙述工作，政府工作报告不按这四部分要求；述职述廉报告不要求述法。各部分按标题和正文关键词识别（shuzhi outline 显示每部分的标签和依据），只在有标题、至少三个部分的报告中检查。",
        triggering: [
            RuleExample("«2021年度述学述职述廉述法报告»\n一、加强理论学习\n认真学习。\n二、认真履职尽责\n完成任务。\n三、严守廉洁纪律\n廉洁自律。\n四、存在的不足\n学习不够。\n五、下一步打算\n继续努力。"),
            RuleExample("«个人述职报告»\n一、加强理论学习\n认真学习。\n二、认真履职尽责\n完成任务。\n三、严守廉洁纪律\n廉洁自律。"),
            // A 抓基层党建 述职 owes its party work.
            RuleExample("«2024年度抓基层党建工作述职报告»\n一、履职情况\n完成任务。\n二、存在的问题\n还有差距。\n三、下一步打算\n继续努力。"),
        ],
        nonTriggering: [
            "2021年度述学述职述廉述法报告\n一、加强理论学习\n认真学习。\n二、认真履职尽责\n完成任务。\n三、严守廉洁纪律\n廉洁自律。\n四、带头尊法学法守法用法\n依法行政。\n五、存在的不足和下一步打算\n学习不够。下一步，我将继续努力。",
            "个人述职报告\n一、加强理论学习\n认真学习。\n二、认真履职尽责\n完成任务。\n三、存在的问题\n对照要求，还有差距。下一步，我将继续努力。",
            // A 述职述廉报告 does not owe 述法.
            "2024年度述职述廉报告\n一、认真履职尽责\n完成任务。\n二、严守廉洁纪律\n廉洁自律。\n三、存在的不足和下一步打算\n学习不够。下一步，我将继续努力。",
            // A government work report is not a personal account.
            "2025年政府工作报告\n一、2024年工作回顾\n经济平稳。\n二、2025年工作安排\n扩大内需。\n三、加强政府自身建设\n依法行政。",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let structure = analysis.structure, genre = structure.genre
        guard let title = analysis.outline.title, structure.units.count >= 3 else { return [] }
        let owed = genre.owed.filter { !structure.present.contains($0) }
        let usual =
            genre.endsWithShortcomingsAndPlans
            ? [ReportStructure.Part.shortcomings, .plans].filter { !structure.present.contains($0) } : []
        guard !owed.isEmpty || !usual.isEmpty else { return [] }
        // One finding on the title, naming every missing part and why it is owed.
        var reasons: [String] = []
        if !owed.isEmpty { reasons.append("\(genre.reason)，正文却没有\(ReportGenre.list(owed))") }
        if !usual.isEmpty { reasons.append("没有\(ReportGenre.list(usual))") }
        return [description.diagnostic(title, reasons.joined(separator: "；") + "（各部分见 shuzhi outline）")]
    }
}

/// A five-year plan out of step with the report's year: “‘十四五’开局之年” in a report that is not for 2021, the
/// 十三五 plan's targets still to be met in a 2022 report, or a plan that had not begun (十五五 in a 2023 report).
public struct OutdatedPlanRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "outdated.plan",
        severity: .warning,
        summary: "五年规划与报告年度不符（2023年写“十四五开局之年”、2022年还要“完成十三五规划目标”）",
        rationale:
            "“十三五”为2016–2020年，“十四五”为2021–2025年，“十五五”为2026–2030年（参考文件 political-formulas.md §2）。开局之年、收官之年必须是报告年度本身；已结束的规划不能再作为要完成的目标或要落实的规划（写成已完成的“圆满完成”“以来”“期间”不报）；尚未开始的规划（报告年度早于其前一年）不应出现。写明了其他年份的句子是回顾，不报。",
        triggering: [
            RuleExample("2023年述职报告\n今年是«“十四五”开局之年»。"),
            RuleExample("2022年述职报告\n确保完成«“十三五”»规划目标任务。"),
            RuleExample("2024年述职报告\n一年来，认真落实«“十三五”»规划。"),
        ],
        nonTriggering: [
            "2021年述职报告\n今年是“十四五”开局之年。",
            "2022年述职报告\n2020年是“十三五”收官之年。",
            "2021年述职报告\n“十三五”规划目标任务圆满完成。",
            "2021年述职报告\n一年来，我们圆满完成“十三五”规划目标任务，“十三五”圆满收官。",
            "2024年述职报告\n落实“十三五”规划以来，累计建成项目120个。",
            "2025年述职报告\n谋划“十五五”发展思路。",
        ]
    )

    static let forward = ["确保", "完成", "实现", "推进", "落实", "实施", "围绕", "对标"]
    /// The same verbs in the completed sense: the plan is spoken of as done (圆满完成“十三五”规划目标任务).
    static let completed = ["圆满完成", "胜利完成", "顺利完成", "如期完成", "完成了", "已完成", "已经完成", "实现了", "圆满收官"]

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        guard let context = analysis.reportPeriod else { return [] }
        let s = analysis.scalars
        var out: [Diagnostic] = []
        for paragraph in analysis.document.paragraphs where !paragraph.isBlank {
            let range = paragraph.content
            for plan in analysis.knowledge.plans {
                let name = Array(plan.name.unicodeScalars)
                for i in Clause.occurrences(name, s, range) {
                    var span = i..<i + name.count
                    if i > range.lowerBound && s[i - 1] == "“" && span.upperBound < range.upperBound && s[span.upperBound] == "”" {
                        span = i - 1..<span.upperBound + 1
                    }
                    let sentence = Clause.sentence(around: span, in: s, within: range)
                    if OutdatedContext.isDated(span, s, sentence, reportYear: context.year) { continue }
                    let tail = s.string(span.upperBound..<min(sentence.upperBound, span.upperBound + 6))
                    let milestone = [("开局之年", plan.first), ("起步之年", plan.first), ("收官之年", plan.last)]
                        .first { tail.hasPrefix($0.0) || tail.hasPrefix("规划" + $0.0) }
                    if let (word, year) = milestone, year != context.year {
                        let end = span.upperBound + (tail.hasPrefix("规划") ? 2 : 0) + word.unicodeScalars.count
                        out.append(
                            description.diagnostic(
                                span.lowerBound..<end,
                                "“\(plan.name)”\(word)是\(year)年，\(context.described)"))
                    } else if milestone == nil, context.year > plan.last,
                        OutdatedContext.preceded(by: Self.forward, span.lowerBound, s, sentence, within: 6),
                        OutdatedContext.followed(by: ["目标", "任务", "规划", "纲要"], span.upperBound, s, sentence, within: 6),
                        !OutdatedContext.preceded(by: Self.completed, span.lowerBound, s, sentence, within: 8),
                        !OutdatedContext.followed(
                            by: ["圆满", "完成了", "顺利完成", "期间", "时期", "以来", "收官"], span.upperBound, s, sentence, within: 12)
                    {
                        out.append(description.diagnostic(span, "“\(plan.name)”（\(plan.first)–\(plan.last)年）已结束，\(context.described)"))
                    } else if context.year < plan.first - 1 {
                        out.append(description.diagnostic(span, "“\(plan.name)”始于\(plan.first)年，\(context.described)：请核对"))
                    }
                }
            }
        }
        return out
    }
}

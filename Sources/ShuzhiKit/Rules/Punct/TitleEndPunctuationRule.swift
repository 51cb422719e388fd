/// The title line ends with a point mark (GB/T 15834 B.4: titles take no end punctuation).
public struct TitleEndPunctuationRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "punct.title-end",
        severity: .warning,
        summary: "标题末尾不加标点",
        rationale: "GB/T 15834-2011 附录B.4：文章标题末尾通常不用标点符号（问号、叹号、省略号除外）。",
        fix: .safe,
        triggering: [
            RuleExample("2023年度个人述职报告«。»\n一年来，我认真履职。", fixed: "2023年度个人述职报告\n一年来，我认真履职。")
        ],
        nonTriggering: [
            "2023年度个人述职报告\n一年来，我认真履职。",
            "根据县政府领导班子分工，我负责开发区工作。现报告如下：\n一、加强学习",
            "我于2023年3月任现职。\n一年来，我认真履职。",
            "今年以来，我认真履行岗位职责。\n一、加强学习",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        guard let title = analysis.outline.title, !title.isEmpty else { return [] }
        let s = analysis.scalars
        var start = title.upperBound
        while start > title.lowerBound && (s[start - 1] == "。" || s[start - 1] == "；" || s[start - 1] == "、" || s[start - 1] == "，") {
            start -= 1
        }
        guard start < title.upperBound else { return [] }
        return [
            description.diagnostic(
                start..<title.upperBound, "标题末尾不加\(quoted(s.string(start..<title.upperBound)))", replacements: [""], fix: .safe)
        ]
    }
}

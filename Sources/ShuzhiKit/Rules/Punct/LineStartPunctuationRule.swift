/// A paragraph that begins with ，。、；：？！ or a closing mark: usually a sentence broken in two when text was
/// pasted from a PDF or a web page (GB/T 15834 §5: these marks never start a line).
public struct LineStartPunctuationRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "punct.line-start",
        severity: .warning,
        summary: "段首出现不应居行首的标点（，。、；：？！”）》），段落可能被错误断开",
        rationale: "GB/T 15834-2011 第5章：点号和后引号、后括号、后书名号不出现在行首。段首出现这些标点，多是从 PDF 或网页复制时把一句话断成了两段。",
        triggering: [
            "全面完成年度任务\n«，»各项指标均超额完成。",
            "学习党章党规\n«》»等法律法规。",
        ],
        nonTriggering: [
            "——经济运行缓中趋稳、稳中向好。",
            "……",
            "“四个意识”",
        ]
    )

    private static let marks = Set("，。、；：？！”’）》】〕〉".unicodeScalars.map(\.value))

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        return analysis.document.paragraphs.compactMap { p in
            guard !p.isBlank, Self.marks.contains(s[p.content.lowerBound].value) else { return nil }
            let i = p.content.lowerBound
            return description.diagnostic(i..<(i + 1), "段首出现\(quoted(s[i]))，可能是一句话被错误断成两段，请与上一段合并")
        }
    }
}

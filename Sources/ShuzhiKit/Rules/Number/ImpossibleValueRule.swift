/// Values that cannot be: a decrease of more than 100%, or a share or rate that can be at most 100% above it.
public struct ImpossibleValueRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "number.impossible",
        severity: .error,
        summary: "不可能的数值（下降120%、占比105%、覆盖率超过100%）",
        rationale: "减少、下降最多是100%；占……的比例、比重、覆盖率、合格率、满意率等不能超过100%（参考文件 gongwen-norms.md §4）。增长、完成计划的百分比可以超过100%，不报。",
        triggering: [
            RuleExample("发生率同比下降«120%»。"),
            RuleExample("高新产业产值占全区工业总产值比重为«105.3%»。"),
            RuleExample("群众满意率达«101%»。"),
        ],
        nonTriggering: ["同比下降12%。", "同比增长120%。", "完成年度计划的120%。", "占全区规模工业产值总量的88.48%。"]
    )

    static let decreases = ["下降", "减少", "降低", "下滑", "缩小", "压缩", "减"]
    static let shares = [
        "占", "比重", "占比", "覆盖率", "合格率", "达标率", "满意率", "满意度", "知晓率", "参保率", "入学率",
        "普及率", "出勤率", "通过率", "优良率", "到位率", "结案率",
    ]

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        for paragraph in analysis.document.paragraphs where !paragraph.isBlank {
            let range = paragraph.content
            for number in NumberToken.all(s, range) where number.value > 100 {
                let end = number.range.upperBound
                guard end < range.upperBound, s[end] == "%" || s[end] == "％" else { continue }
                let span = number.range.lowerBound..<end + 1
                // The words of the clause before the number.
                var a = number.range.lowerBound
                while a > range.lowerBound && !Clause.endsClause(s[a - 1].value) && number.range.lowerBound - a < 24 { a -= 1 }
                let before = s.string(a..<number.range.lowerBound)
                if let word = Self.decreases.first(where: {
                    before.hasSuffix($0) || before.hasSuffix($0 + "了") || before.hasSuffix($0 + "幅度达")
                }) {
                    out.append(description.diagnostic(span, "“\(word)”不可能超过100%：请核对数字，或改说增长/下降的其他表述"))
                } else if !before.contains("增") && !before.contains("计划") && !before.contains("完成") && !before.contains("提高"),
                    let word = Self.shares.first(where: { before.contains($0) })
                {
                    out.append(description.diagnostic(span, "“\(word)”的百分比不可能超过100%：请核对"))
                }
            }
        }
        return out
    }
}

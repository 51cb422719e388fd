/// “降低3倍”: a decrease cannot be a multiple.
public struct DecreaseTimesRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "number.decrease-times",
        severity: .error,
        summary: "减少、降低不能用倍数（降低3倍）",
        rationale: "倍数只用于增加；减少、降低、缩小、缩短应使用百分数或分数，如“降低了75%”“减少一半”（参考文件 gongwen-norms.md §4 N13）。",
        triggering: [
            RuleExample("审批时间«缩短了3倍»。"),
            RuleExample("能耗«降低两倍»。"),
        ],
        nonTriggering: ["审批时间缩短了75%。", "产值增长3倍。", "减少一半。"]
    )

    static let verbs = ["降低", "减少", "下降", "缩小", "缩短", "压缩", "减小"]
    private static let verbMatcher = KeywordMatcher(verbs)

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        for paragraph in analysis.document.paragraphs where !paragraph.isBlank {
            let range = paragraph.content
            // One pass for the seven verbs (the findings come in text order rather than verb by verb; the checker
            // sorts them anyway).
            Self.verbMatcher.forEachMatch(in: s, range) { match in
                let i = match.range.lowerBound
                var p = match.range.upperBound
                if p < range.upperBound && s[p] == "了" { p += 1 }
                let start = p
                while p < range.upperBound
                    && (ScalarClass.isASCIIDigit(s[p].value) || s[p] == "." || ChineseNumeral.isNumeralCharacter(s[p].value))
                { p += 1 }
                guard p > start, p < range.upperBound, s[p] == "倍" else { return }
                let verb = Self.verbs[match.keyword]
                out.append(description.diagnostic(i..<p + 1, "“\(verb)”不能用倍数，请改用百分数或分数（如“减少一半”“降低75%”）"))
            }
        }
        return out
    }
}

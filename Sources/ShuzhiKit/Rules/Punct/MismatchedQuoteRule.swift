/// A quotation mark of the wrong shape: “…“ closed with an opener, ”…” opened with a closer, a straight " in
/// Chinese text. The fix gives each mark the shape its position needs.
public struct MismatchedQuoteRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "punct.mismatched-quote",
        severity: .error,
        summary: "引号方向错误或用了半角引号（“…“、”…”、\"…\"）",
        rationale: "GB/T 15834-2011 4.8：前引号“、后引号”，中文用全角弯引号。输入法切换常把后引号打成前引号或半角直引号。",
        fix: .safe,
        triggering: [
            RuleExample("增强“四个意识«“»、坚定“四个自信”。", fixed: "增强“四个意识”、坚定“四个自信”。"),
            RuleExample("落实«”»一岗双责”制度。", fixed: "落实“一岗双责”制度。"),
            RuleExample("开展«\"»我为群众办实事«\"»实践活动。", fixed: "开展“我为群众办实事”实践活动。"),
            RuleExample("践行“亲清«\"»政商关系。", fixed: "践行“亲清”政商关系。"),
            RuleExample("型号为«\"»X-200«\"»的设备。", fixed: "型号为“X-200”的设备。"),
        ],
        nonTriggering: [
            "增强“四个意识”、坚定“四个自信”。",
            "He said \"hello\" twice.",
            "代码写作 x=\"a\" 即可。",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        for double in [true, false] {
            for m in (double ? analysis.doubleQuotes : analysis.singleQuotes).mismatched {
                let found = s[m.index]
                let why =
                    (found == "\"" || found == "'" || found == "＂" || found == "＇")
                    ? "中文中应使用全角引号\(quoted(m.replacement))" : "引号方向错误，此处应为\(quoted(m.replacement))"
                out.append(
                    description.diagnostic(
                        m.index..<(m.index + 1), why, replacements: [m.replacement],
                        fix: m.certain ? .safe : .unsafe))
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}

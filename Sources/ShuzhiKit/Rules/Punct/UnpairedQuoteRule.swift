/// A quotation mark without its partner (GB/T 15834 4.8).
public struct UnpairedQuoteRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "punct.unpaired-quote",
        severity: .error,
        summary: "引号不成对：“” 或 ‘’ 缺少另一半",
        rationale: "GB/T 15834-2011 4.8：引号成对使用。跨段引文每段开头用前引号、只在最后一段末尾用后引号，不算错误。",
        triggering: [
            "增强«“»四个意识，坚定“四个自信”。",
            "坚持外防输入、内防反弹«”»总策略，抓紧“一责两案”。",
            "他说«“»我们要努力。然后落实“四个自信”。",
            "深刻领会«‘»两个确立的决定性意义。",
        ],
        nonTriggering: [
            "增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
            "“要坚持以人民为中心的发展思想。\n“要牢固树立新发展理念。”",
            "他说：“我们要落实‘四下基层’制度。”",
            "He said \"hello\" twice.",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for double in [true, false] {
            let pairing = double ? analysis.doubleQuotes : analysis.singleQuotes
            for i in pairing.unpaired {
                out.append(description.diagnostic(i..<(i + 1), "引号\(quoted(analysis.scalars[i]))不成对，缺少与之配对的\(double ? "双" : "单")引号"))
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}

/// A word the pinyin input method put in place of another with the same sound (核心礼仪 → 核心利益, 锐评支出 → 锐评指出),
/// found by the language models' preference for the other word in this sentence.
public struct HomophoneWordRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "typo.homophone",
        severity: .warning,
        summary: "同音词误用（输入法选错同音词：核心礼仪 → 核心利益）",
        rationale:
            "用拼音输入时选错了同音词，两个词都是词典里的词，只有上下文能分辨。对每个常用词，查出拼音相同（不计声调）的其他常用词，当语言模型对替换后的句子明显更有把握、分词也不更差时提示，并给出置信度。人名、地名、机构名和用户允许的词不改。建议需人工确认。",
        fix: .unsafe,
        triggering: [
            RuleExample("在涉及彼此核心«礼仪»和重大关切问题上相互坚定支持。", fixed: "在涉及彼此核心利益和重大关切问题上相互坚定支持。"),
            RuleExample("努力培养社会«注意»建设者和接班人。", fixed: "努力培养社会主义建设者和接班人。"),
        ],
        nonTriggering: [
            "在涉及彼此核心利益和重大关切问题上相互坚定支持。",
            "这里盛产苹果和梨，农业生产稳定。",
            "要注意培养社会主义建设者和接班人。",
            "严格执行财政支出预算，压减一般性支出。",
            "会议指出，要把礼仪规范落到实处。",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        return analysis.typoFindings.slips.filter { $0.kind == .homophoneWord }.map { slip in
            let (written, meant) = slip.shownTexts(s)
            return slip.diagnostic(description, s, "同音词误用：“\(written)”疑为“\(meant)”之误（拼音相同）")
        }
    }
}

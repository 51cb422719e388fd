/// A passage the author wrote in their own earlier report of the store: 年年一样, for the reviewer's information.
public struct OwnWordsRule: CorpusRule {
    public init() {}

    public let description = RuleDescription(
        id: "similarity.own-words",
        severity: .info,
        summary: "沿用本人往年报告的段落（年年一样）",
        rationale: "一段文字与语料库中同一作者（--author 或报告落款）往年的报告相同：不算抄袭，但述职报告应写本年度的工作，审阅人据此看出“年年一样”。只在对照语料库时检查。",
        triggering: [
            CopiedPassageRule.example
        ],
        nonTriggering: [
            CopiedPassageRule.unrelated
        ]
    )

    public let stored = CopiedPassageRule().stored
    public let storedIsOwn = true
}

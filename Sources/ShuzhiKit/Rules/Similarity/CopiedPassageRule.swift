/// A passage found in another writer's report of the store: copied, beyond the wording every report shares.
public struct CopiedPassageRule: CorpusRule {
    public init() {}

    public let description = RuleDescription(
        id: "similarity.copied",
        severity: .warning,
        summary: "与语料库中他人报告相同的段落，疑似抄袭",
        rationale: "一段文字与语料库中另一作者的报告逐字相同或只改了个别字，且不是各报告共有的公文通用表述（固定提法、语料库中多份报告都写的句子）。述职报告应写本人本年度的工作；审阅人据此核对来源。只在对照语料库时检查。",
        triggering: [
            Self.example
        ],
        nonTriggering: [
            Self.unrelated,
            // The same work told in the writer's own words.
            "今年以来，我坚持把调查研究摆在突出位置，走访企业四十余家，召开座谈会十二场，列出问题清单逐项推动解决。",
        ]
    )

    /// A report that took a paragraph of the stored one (`stored`): the example of both similarity rules.
    static let example = RuleExample(
        """
        今年以来，我主要做了三项工作。
        «坚持把调查研究作为谋事之基、成事之道，全年深入基层走访企业四十余家，召开座谈会十二场，梳理形成问题清单并逐项推动解决»。
        """)
    static let unrelated = "今年以来，我主要做了三项工作。全年走访企业六家，解决用工难题三个，帮助争取贷款两千万元。"

    public let stored = """
        关于二〇二三年度个人述职的报告
        坚持把调查研究作为谋事之基、成事之道，全年深入基层走访企业四十余家，召开座谈会十二场，梳理形成问题清单并逐项推动解决。
        """

    public let storedIsOwn = false
}

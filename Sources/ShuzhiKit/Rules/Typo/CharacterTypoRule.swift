/// A character that is probably a typo for a confusable one (宿短 → 缩短, 布署 → 部署), found by the language models and
/// the word segmentation together; each finding carries a confidence.
public struct CharacterTypoRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "typo.char",
        severity: .warning,
        summary: "疑似错别字（音近、形近字误用）",
        rationale:
            "对每个不在常用词、人名、地名、机构名、汉字数字及其前后、外文和占位符中的汉字（阿拉伯数字后的量词照常检查），尝试与之同音、近音、形近的常用字：替换后能与前后字组成词，且字符 n 元语言模型与最大概率分词都明显更支持替换，才报告，并给出置信度；一句中有几处可改时，先改最有把握的一处，再在改后的上下文中重判其邻近字。语言模型有两个：公文模型（以法律法规、政府工作报告和人民日报训练）与通用模型（日常书面语）；公文段落只由公文模型判断，通用模型明显更能解释的段落（书信、心得、日常叙述）由两者共同判断。置信度低于阈值（默认 0.8，--typo-threshold 或 .shuzhi.toml 的 [typo] threshold）的不报。建议需人工确认。",
        fix: .unsafe,
        triggering: [
            RuleExample("各项审批事项办理时限平均«宿»短百分之三十。", fixed: "各项审批事项办理时限平均缩短百分之三十。"),
            RuleExample("认真贯彻落实上级的决策«布»署。", fixed: "认真贯彻落实上级的决策部署。"),
            RuleExample("全面加强基层党组织«见»设，提高行政效«律»。", fixed: "全面加强基层党组织建设，提高行政效率。"),
            RuleExample("内蒙古自治区乌兰察布市大力培育发展大数«局»产业。", fixed: "内蒙古自治区乌兰察布市大力培育发展大数据产业。"),
            // The unit after an Arabic number is checked like any word; a Chinese numeral's neighbours are not.
            RuleExample("计划于2025«念»底前全面完成改造。", fixed: "计划于2025年底前全面完成改造。"),
            RuleExample("今年共培训基层干部650«任»次。", fixed: "今年共培训基层干部650人次。"),
            // Everyday writing: the general model knows the wording the formal one has rarely seen.
            RuleExample("妈妈做的饭很好吃，我很高«心»。", fixed: "妈妈做的饭很好吃，我很高兴。"),
            // Two neighbours could change (比 → 闭 makes 闭塞); the surer correction is made first.
            RuleExample("昨天的比«塞»很好看，可是我来晚了。", fixed: "昨天的比赛很好看，可是我来晚了。"),
        ],
        nonTriggering: [
            "进一步缩短审批时间，提高办事效率。",
            "认真部署各项工作任务，狠抓工作落实。",
            "张晓伟同志任乌兰察布市委书记。",
            "会议由王晓梅副主任主持，王晓梅同志作总结。",
            "市人民政府市长　　杨国宏",
            "全年完成投资XX亿元，同比增长X%。",
            "全年新增城镇就业3200人，开通地铁3号线。",
            "坚持以人民为中心的发展思想，推动高质量发展。",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        // A broken idiom is the idiom rule's to report, with the whole idiom as evidence; TypoFindings settles that.
        return analysis.typoFindings.characters.map { $0.diagnostic(description, s, what: "疑似错别字") }
    }
}

/// A four-character idiom or set phrase with one character wrong (再接再励 → 再接再厉, 迫不急待 → 迫不及待).
public struct IdiomTypoRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "typo.idiom",
        severity: .error,
        summary: "成语、固定短语写错一字（再接再励、迫不急待）",
        rationale: "四个汉字不是常用词，而换掉其中一个同音、近音或形近的字后是词典（jieba）中的成语或习用语，且后者常用得多，语言模型也明显更认可成语的写法：几乎总是笔误。原文本身是两个常用词、今天的公文照样这样写的（彻底清除）不提示。建议需人工确认。",
        fix: .unsafe,
        triggering: [
            RuleExample("在新的一年里，我们将再接再«励»，奋发有为。", fixed: "在新的一年里，我们将再接再厉，奋发有为。"),
            RuleExample("群众迫不«急»待地想了解新政策。", fixed: "群众迫不及待地想了解新政策。"),
        ],
        nonTriggering: [
            "在新的一年里，我们将再接再厉，奋发有为。",
            "实事求是、一心一意为人民服务。",
            "坚持全面从严治党，不忘初心、牢记使命。",
            "督促企业彻底清除违规广告。",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        return analysis.typoFindings.idioms.map { $0.diagnostic(description, s, what: "成语有误") }
    }
}

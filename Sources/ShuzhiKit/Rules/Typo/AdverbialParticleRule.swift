/// 的 written for 地 between an adverbial and its verb: 渐渐的减少 → 渐渐地减少, 不断的提高 → 不断地提高
/// (gongwen-norms §5: 的 before a noun head, 地 before a verb). The character models cannot see it — 渐渐的 is common in
/// the text they learned — so the rule reads the words: a reduplicated adverb or descriptive word (渐渐, 悄悄, 轻轻),
/// or a manner adverb that modifies verbs only, then 的, then a word the dictionary knows only as a verb.
public struct AdverbialParticleRule: Rule {
    public init() {}

    /// Tags of a reduplicated word that is an adverbial before a verb: adverbs (渐渐, 慢慢), descriptive words (悄悄,
    /// 匆匆), adjectives (细细, 高高) and distinguishing words (深深, 大大). Not nouns (妈妈的关心, 人人的), verbs
    /// (看看) or measure words.
    static let reduplicatedTags: Set<String> = ["d", "z", "a", "ad", "b"]

    /// Adverbs of two different characters that modify verbs and nothing else. Not 一定 (一定的发展: a noun phrase),
    /// nor adjectives used as adverbs (积极的推动作用, 认真的态度), where 的 may be right.
    static let mannerAdverbs: Set<String> = ["不断", "逐渐", "逐步", "不停", "日益", "日渐", "逐年", "陆续"]

    public let description = RuleDescription(
        id: "typo.particle",
        severity: .warning,
        summary: "状语后误用“的”（渐渐的减少 → 渐渐地减少）",
        rationale: "依据公文用语规范（参考文件 gongwen-norms §5）：“的”用在名词中心语前（定语），“地”用在动词前（状语），“得”用在补语前。叠音状语（渐渐、悄悄、轻轻）或只修饰动词的副词（不断、逐步、日益）后接“的”、再接只作动词的词时，“的”应为“地”。",
        fix: .unsafe,
        triggering: [
            RuleExample("城区空气质量渐渐«的»好转。", fixed: "城区空气质量渐渐地好转。"),
            RuleExample("群众满意度不断«的»提高。", fixed: "群众满意度不断地提高。"),
        ],
        nonTriggering: [
            "城区空气质量渐渐地好转。",
            "妈妈的关心让我很温暖。",
            "取得了实实在在的成效。",
            "经济保持了一定的增长。",
            "发挥了积极的推动作用。",
            "不断的努力换来了成绩。",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        analysis.forEachParagraph { _, words in
            for i in words.indices.dropFirst().dropLast() {
                let particle = words[i]
                guard particle.range.count == 1, s[particle.range.lowerBound] == "的" else { continue }
                let before = words[i - 1], after = words[i + 1]
                // The word after must be a verb and nothing else in the dictionary (tag v, not vn: 不断的发展 may be
                // a noun phrase; 努力 is tagged ad, so 不断的努力 is left alone).
                guard before.range.count == 2, let beforeTag = before.tag, after.tag == "v" else { continue }
                let a = s[before.range.lowerBound], b = s[before.range.lowerBound + 1]
                let adverbial = a == b ? Self.reduplicatedTags.contains(beforeTag)
                                       : beforeTag == "d" && Self.mannerAdverbs.contains(String(String.UnicodeScalarView([a, b])))
                guard adverbial else { continue }
                out.append(description.diagnostic(particle.range, "状语与动词之间应用“地”", replacements: ["地"],
                                                  fix: .unsafe, confidence: 0.9))
            }
        }
        return out
    }
}

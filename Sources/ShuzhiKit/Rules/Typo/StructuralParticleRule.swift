/// 的, 地 and 得 written for one another (gongwen-norms §5: 的 before a noun head, 地 before a verb, 得 before a
/// complement). The character models cannot see these slips — 渐渐的, 写的很 and 我得 are all common in the text they
/// learned — so the rule reads the words around the particle:
/// - 的 for 地 between an adverbial and its verb: a reduplicated adverb or descriptive word (渐渐, 悄悄, 轻轻) or a
///   manner adverb that modifies verbs only, then 的, then a word the dictionary knows only as a verb (渐渐的减少).
/// - 的 for 地 between an adjective or adverb and a verb with the resultative 到 (清醒的认识到, 真正的做到): a verb and
///   its result is never a noun head.
/// - 的 for 得 before a degree complement that ends the clause: a verb or adjective, 的, then a degree adverb and an
///   adjective and nothing more (写的很详细, 准备的比较充分, 看的更清楚).
/// - 得 for 的 between a personal pronoun and a noun that the clause goes on after (我得书多了, 自己得情感).
public struct StructuralParticleRule: Rule {
    public init() {}

    /// Tags of a reduplicated word that is an adverbial before a verb: adverbs (渐渐, 慢慢), descriptive words (悄悄,
    /// 匆匆), adjectives (细细, 高高) and distinguishing words (深深, 大大). Not nouns (妈妈的关心, 人人的), verbs
    /// (看看) or measure words.
    static let reduplicatedTags: Set<String> = ["d", "z", "a", "ad", "b"]

    /// Adverbs of two different characters that modify verbs (and adjectives) and nothing else: manner adverbs
    /// (不断, 逐步) and degree adverbs (非常的需要, 相对的减少). Not 一定 (一定的发展: a noun phrase), 特别 or 真正 (特别
    /// 的要求, 真正的朋友: adjectives too), nor adjectives used as adverbs (积极的推动作用, 认真的态度), where 的 may
    /// be right.
    static let mannerAdverbs: Set<String> = [
        "不断", "逐渐", "逐步", "不停", "日益", "日渐", "逐年", "陆续",
        "非常", "十分", "相对", "极其", "格外", "一直", "始终", "稍微", "略微",
        "更加",
    ]

    /// What a degree complement may follow: a verb or an adjective (also as a noun, 管理的很严格), an idiom or fixed
    /// phrase (忙忙碌碌的很). Not a noun or pronoun: 我的很多, 群众的很满意 are not complements.
    static let complementHeadTags: Set<String> = ["v", "vn", "vd", "a", "ad", "an", "z", "i", "l"]

    /// Degree adverbs that open a complement (写得很好, 准备得比较充分, 变得更好).
    static let degreeAdverbs: Set<String> = [
        "很", "非常", "十分", "特别", "太", "真", "挺", "更", "比较", "相当",
        "极其", "格外", "越来越", "更加", "极为", "蛮",
    ]

    /// Tags of the adjective that ends a degree complement.
    static let complementTags: Set<String> = ["a", "ad", "an", "z"]

    /// Personal pronouns, after which 得 + noun is 的 + noun.
    static let pronouns: Set<String> = [
        "我", "你", "您", "他", "她", "它", "我们", "你们", "他们", "她们", "它们",
        "咱们", "自己", "大家", "人家", "别人",
    ]

    /// Words that may follow 得 + noun when 得 is the verb "to win" (他得冠军了, 得冠军后, 得冠军的消息).
    static let afterObtained: Set<String> = ["了", "的", "后", "时", "之后", "以后", "过"]

    public let description = RuleDescription(
        id: "typo.particle",
        severity: .warning,
        summary: "“的”“地”“得”误用（渐渐的减少 → 渐渐地减少，写的很详细 → 写得很详细）",
        rationale:
            "依据公文用语规范（参考文件 gongwen-norms §5）：“的”用在名词中心语前（定语），“地”用在动词前（状语），“得”用在补语前。叠音状语（渐渐、悄悄、轻轻）或只修饰动词的副词（不断、逐步、日益）后接“的”、再接只作动词的词时，“的”应为“地”；形容词或副词后接“的”、再接带结果补语“到”的动词（认识到、看到、做到）时，“的”也应为“地”（动补结构不能作名词中心语）；动词或形容词后接“的”、再接程度副词和形容词并结束分句时，“的”应为“得”；人称代词后接“得”、再接名词时，“得”应为“的”。",
        fix: .unsafe,
        triggering: [
            RuleExample("城区空气质量渐渐«的»好转。", fixed: "城区空气质量渐渐地好转。"),
            RuleExample("群众满意度不断«的»提高。", fixed: "群众满意度不断地提高。"),
            RuleExample("我们深刻«的»认识到，发展是第一要务。", fixed: "我们深刻地认识到，发展是第一要务。"),
            RuleExample("要真正«的»做到学以致用。", fixed: "要真正地做到学以致用。"),
            RuleExample("各项工作准备«的»比较充分，", fixed: "各项工作准备得比较充分，"),
            RuleExample("这篇材料写«的»很详细。", fixed: "这篇材料写得很详细。"),
            RuleExample("我们«得»工作作风有了转变。", fixed: "我们的工作作风有了转变。"),
        ],
        nonTriggering: [
            "城区空气质量渐渐地好转。",
            "妈妈的关心让我很温暖。",
            "取得了实实在在的成效。",
            "经济保持了一定的增长。",
            "发挥了积极的推动作用。",
            "不断的努力换来了成绩。",
            "对当前形势要有清醒的认识。",
            "经常的迟到现象必须纠正。",
            "各项工作准备得比较充分。",
            "我的很多同事都来了。",
            "取得的成绩很大。",
            "形势可能比预想的更艰难。",
            "取得的很大成绩离不开大家。",
            "他得冠军了。",
            "我得工作了。",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        analysis.forEachParagraph { _, words in
            for i in words.indices.dropFirst() {
                let particle = words[i]
                // The particle's neighbours must touch it: a space (硬硬的 没点手感) ends the phrase.
                guard particle.range.count == 1, words[i - 1].range.upperBound == particle.range.lowerBound,
                    i + 1 < words.endIndex, words[i + 1].range.lowerBound == particle.range.upperBound
                else { continue }
                switch s[particle.range.lowerBound] {
                case "的":
                    if isAdverbial(words[i - 1], before: words[i + 1], s)
                        || isAdverbialBeforeResult(words[i - 1], words[(i + 1)...], s)
                    {
                        out.append(
                            description.diagnostic(
                                particle.range, "状语与动词之间应用“地”", replacements: ["地"],
                                fix: .unsafe, confidence: 0.9))
                    } else if let head = words[i - 1].tag, Self.complementHeadTags.contains(head),
                        // 比 + verb + 的 is the standard of a comparison (比预想的更艰难, 比想象的更难), not a
                        // verb and its complement.
                        !(i - 2 >= words.startIndex && s.string(words[i - 2].range).hasSuffix("比")),
                        isDegreeComplement(words[(i + 1)...], s)
                    {
                        out.append(
                            description.diagnostic(
                                particle.range, "动词、形容词与补语之间应用“得”",
                                replacements: ["得"], fix: .unsafe, confidence: 0.9))
                    }
                case "得":
                    guard Self.pronouns.contains(s.string(words[i - 1].range)), i + 2 < words.endIndex,
                        words[i + 1].tag == "n", words[i + 2].kind != .punctuation,
                        !Self.afterObtained.contains(s.string(words[i + 2].range))
                    else { continue }
                    out.append(
                        description.diagnostic(
                            particle.range, "代词与名词之间应用“的”", replacements: ["的"],
                            fix: .unsafe, confidence: 0.9))
                default:
                    continue
                }
            }
        }
        return out
    }

    /// A reduplicated adverbial or a manner adverb before 的 and a word known only as a verb (tag v, not vn: 不断的发展
    /// may be a noun phrase; 努力 is tagged ad, so 不断的努力 is left alone).
    private func isAdverbial(_ before: Word, before after: Word, _ s: [Unicode.Scalar]) -> Bool {
        guard before.range.count == 2, let tag = before.tag, after.tag == "v" else { return false }
        let a = s[before.range.lowerBound], b = s[before.range.lowerBound + 1]
        return a == b
            ? Self.reduplicatedTags.contains(tag)
            : Self.mannerAdverbs.contains(String(String.UnicodeScalarView([a, b])))
    }

    /// An adjective or adverb (清醒, 深刻, 充分, 真正) before 的 and a verb with the resultative 到 (认识到, 感受到,
    /// 看到, 做到): a verb and its result is a predicate, never the head of a noun phrase, so 的 there is 地
    /// (清醒的认识到 → 清醒地认识到; 清醒的认识 is right). The verb is a dictionary verb, written with 到 as one word or
    /// followed by it; 迟到 and 报到 are words of their own, not a verb and its result.
    private func isAdverbialBeforeResult(_ before: Word, _ rest: ArraySlice<Word>, _ s: [Unicode.Scalar]) -> Bool {
        guard before.range.count >= 2, let tag = before.tag, Self.adverbialTags.contains(tag),
            let verb = rest.first
        else { return false }
        var stem = s[verb.range]
        if stem.count >= 2 && stem.last == "到" {
            stem = stem.dropLast()
        } else {
            let next = rest.dropFirst().first
            guard let next, next.range.count == 1, s[next.range.lowerBound] == "到",
                next.range.lowerBound == verb.range.upperBound
            else { return false }
        }
        guard !Self.notVerbsOfResult.contains(String(String.UnicodeScalarView(stem))) else { return false }
        // The stem is a verb, or the stem with 到 is a dictionary verb of its own.
        return Lexicon.shared.entry(stem)?.tag.hasPrefix("v") == true
            || Lexicon.shared.entry(stem + CollectionOfOne("到"))?.tag.hasPrefix("v") == true
    }

    /// Tags of a word that may stand as an adverbial before 的 and a verb of result: adjectives, adverbs, descriptive
    /// and distinguishing words. Not nouns (群众的看到 is no phrase, and 我的 is a pronoun's).
    static let adverbialTags: Set<String> = ["a", "ad", "d", "z", "b"]

    /// Stems whose word with 到 is not a verb and its result (报到: to report for duty; 迟到: to be late), and verbs
    /// whose subject is often a phrase ending in 的 (率先的达到133项: the ones that came first reached 133; 受到, 得到).
    static let notVerbsOfResult: Set<String> = ["报", "迟", "周", "独", "不", "得", "达", "受"]

    /// Whether the words after 的 are a degree complement that ends the clause: a degree adverb and an adjective (很
    /// 详细, 比较充分), or one word that is both (很好, 太快), then punctuation or the paragraph's end.
    private func isDegreeComplement(_ rest: ArraySlice<Word>, _ s: [Unicode.Scalar]) -> Bool {
        let clause = rest.prefix { $0.kind != .punctuation }
        guard clause.endIndex == rest.endIndex || Self.endsClause(s.string(rest[clause.endIndex].range)) else {
            return false
        }
        switch clause.count {
        case 2:
            let adverb = clause[clause.startIndex], adjective = clause[clause.startIndex + 1]
            return Self.degreeAdverbs.contains(s.string(adverb.range)) && adjective.tag.map(Self.complementTags.contains) == true
        case 1:
            // One word that is a degree adverb and an adjective (很好, 太快, 挺大): 很/太/挺 and one adjective
            // character. Not 更/真, which begin words of their own (更正, 更新, 真实).
            let word = s[clause[clause.startIndex].range]
            guard word.count == 2, "很太挺".unicodeScalars.contains(word.first!),
                let tag = Lexicon.shared.entry(word.dropFirst())?.tag
            else { return false }
            return tag == "a"
        default:
            return false
        }
    }

    /// Punctuation that ends a clause (not a quotation mark or bracket, which may sit inside one).
    static func endsClause(_ mark: String) -> Bool { "，。！？；：、,.!?;:…".contains(mark.first ?? " ") }
}

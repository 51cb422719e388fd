/// A character written for its homophone where the sentence leaves a slot only the homophone fits: 座 (a measure word
/// or seat) where the verb 坐 belongs (座在沙发上, 座公交去), 做 before a vehicle (做大巴), 在 before 也不 (在也不来 →
/// 再也不来) or as the farewell (在见), 应为 ("should be") opening a sentence where 因为 belongs, 根 and 情 before a
/// pronoun (我根你说, 情你吃饭), 受到 a letter or gift (收到), 作 before a chore (作功课), 把 and 阿 ending a clause
/// where only a modal particle fits (吃饭把！, 恭喜你阿。). The character models
/// cannot judge these: 座/坐 and 在/再 each make no word with their neighbours either way, and both are common
/// characters, so the rule reads the neighbouring words instead.
public struct HomophoneSlotRule: Rule {
    public init() {}

    /// Vehicles one rides (坐), not makes or counts.
    static let vehicles: Set<String> = [
        "车", "公车", "公交", "公交车", "巴士", "汽车", "火车", "飞机", "地铁", "捷运",
        "船", "轮船", "出租车", "计程车", "高铁", "动车", "电梯", "缆车", "校车", "客车",
        "大巴", "班车", "的士", "渡轮", "游轮", "马车", "专车", "公共汽车", "中巴",
    ]

    /// What follows 坐 as a verb: a place or result (坐在, 坐下, 坐到, 坐着).
    static let sittingComplements: Set<String> = ["在", "下", "着", "到"]

    /// Words before 座 that make it a measure word (这座桥, 有座山, 每座城市) rather than a slip for 坐.
    static let countingWords: Set<String> = [
        "这", "那", "哪", "每", "几", "各", "该", "此", "本", "整", "全", "一", "两",
        "多", "数", "某", "有", "是", "为", "成", "座",
    ]

    /// Personal pronouns: after 根 they make it the preposition 跟 (我根你说 → 我跟你说), after 情 the verb 请 (情你吃饭).
    static let persons: Set<String> = ["我", "你", "您", "他", "她", "我们", "你们", "他们", "她们", "咱们", "大家"]

    /// Things one receives (收到), not undergoes (受到表彰, 受到欢迎): a 受到 clause that ends with one is 收到.
    static let received: Set<String> = [
        "信", "来信", "回信", "信件", "礼物", "邮件", "电子邮件", "短信", "包裹", "快递",
        "红包", "明信片", "贺卡", "请帖", "请柬", "邀请函", "邀请单", "邀请信", "汇款",
    ]

    /// Things one does (做), where 作 is the slip: everyday chores and activities, not 作报告, 作贡献, 作决定.
    static let doneThings: Set<String> = ["功课", "家务", "家事", "饭", "菜", "生意", "买卖", "运动", "梦", "实验"]

    /// Words before a clause-final 阿 that make it a country's abbreviation (访阿, 赴阿: Algeria, Argentina), not 啊.
    static let visitVerbs: Set<String> = ["访", "赴", "抵", "驻", "离", "至", "来", "回", "在", "中", "与", "对", "援", "和"]

    /// Words that close a 在 phrase of time or place (在睡觉前, 在开会时, 在发展中).
    static let localizers: Set<String> = [
        "前", "后", "时", "时候", "中", "里", "上", "下", "之前", "之后", "以前", "以后",
        "期间", "过程中", "之际", "之中", "当中",
    ]

    /// Whether a word before 座, 根 or 把 makes it a measure word: a numeral or a counting word (三座, 这根, 一把).
    static func counts(_ previous: Word, _ s: [Unicode.Scalar]) -> Bool {
        previous.kind == .number || previous.tag == "m" || countingWords.contains(s.string(previous.range))
    }

    /// What may follow a ride (坐公交去, 坐大巴，): the clause's end, or a verb of going. Not any verb: the dictionary
    /// tags 生意 a verb (做汽车生意).
    static let afterRide: Set<String> = ["去", "到", "回", "来", "上", "过去", "回家", "上班", "上学"]

    public let description = RuleDescription(
        id: "typo.slot",
        severity: .warning,
        summary: "同音字用错位置（座在 → 坐在，在也不 → 再也不，句首应为 → 因为，受到来信 → 收到来信，吃饭把 → 吃饭吧）",
        rationale:
            "有些同音字只差在句中的位置：动词“坐”后接“在、下、到”或交通工具，量词“座”前有数词或指示词（一座、这座）；“再也不”“再见”“先……再……”的“再”表示重复、继续或先后，不是介词“在”；“应为”（应当是）前面必有主语，句首的“应为”是“因为”；代词前的“根”“情”是“跟”“请”；信件、礼物是“收到”而不是“受到”；做饭、做功课用“做”；分句末只能是语气词的位置，“把”“阿”应为“吧”“啊”。字的语言模型看不出这类错误（两个字各自都常见、都不与邻字成词），本规则按前后的词判断。",
        fix: .unsafe,
        triggering: [
            RuleExample("请大家«座»在前排。", fixed: "请大家坐在前排。"),
            RuleExample("我们«座»公交去现场。", fixed: "我们坐公交去现场。"),
            RuleExample("下了飞机«做»大巴，", fixed: "下了飞机坐大巴，"),
            RuleExample("这种问题«在»也没有出现。", fixed: "这种问题再也没有出现。"),
            RuleExample("先把情况摸清楚«在»决定。", fixed: "先把情况摸清楚再决定。"),
            RuleExample("谢谢大家，«在»见。", fixed: "谢谢大家，再见。"),
            RuleExample("«应»为天气不好，活动延期。", fixed: "因为天气不好，活动延期。"),
            RuleExample("我«根»你说一件事。", fixed: "我跟你说一件事。"),
            RuleExample("周五«情»你吃饭。", fixed: "周五请你吃饭。"),
            RuleExample("今天«受»到了你的来信。", fixed: "今天收到了你的来信。"),
            RuleExample("我们一起去吃饭«把»！", fixed: "我们一起去吃饭吧！"),
            RuleExample("真要恭喜你«阿»。", fixed: "真要恭喜你啊。"),
            RuleExample("先«作»功课再玩。", fixed: "先做功课再玩。"),
        ],
        nonTriggering: [
            "新建桥梁三座在建。",
            "这座在河边的桥修好了。",
            "在座的各位同志。",
            "我们坐公交去现场。",
            "做汽车生意。",
            "现在也不晚。",
            "在见面会上发言。",
            "他在也好。",
            "先在村里调研。",
            "我先尝试着在睡觉前读书。",
            "会议地点应为三楼。",
            "前款规定的期限，应为三十日。",
            "一根他的头发。",
            "受到群众的好评。",
            "受到表彰的来信人。",
            "他顺手拿了一把，",
            "代表团赴阿，",
            "作报告。",
            "举着火把，",
        ]
    )

    /// Whether words[i] begins a sentence: the paragraph's first word, or one after 。！？. 应为 ("should be") needs a
    /// subject before it, so a sentence that opens with it means 因为 (应为天气好，…).
    private func isSentenceStart(_ i: Int, _ words: ArraySlice<Word>, _ s: [Unicode.Scalar]) -> Bool {
        guard i > words.startIndex else { return true }
        let previous = words[i - 1]
        return previous.kind == .punctuation && "。！？!?".unicodeScalars.contains(s[previous.range.upperBound - 1])
    }

    /// 把 or 阿 ending a clause, where only a modal particle fits: 吃饭把！ → 吧, 恭喜你阿。 → 啊. Not a measure word
    /// (拿了一把，扎成把) or a country's abbreviation (访阿，).
    private func finalParticle(_ i: Int, _ words: ArraySlice<Word>, _ s: [Unicode.Scalar]) -> String? {
        let word = words[i]
        let written = s[word.range.lowerBound]
        guard written == "把" || written == "阿", i > words.startIndex else { return nil }
        let previous = words[i - 1]
        // A sentence or clause mark, not an ellipsis (让我们把……: a quotation cut short).
        let last = s[previous.range.upperBound - 1]
        guard previous.range.upperBound == word.range.lowerBound, ScalarClass.isHan(last.value),
            i + 1 == words.endIndex
                || (words[i + 1].kind == .punctuation
                    && "，。！？；,!?;".unicodeScalars.contains(s[words[i + 1].range.lowerBound]))
        else { return nil }
        if written == "把" {
            // 一把, 一大把, 扎成把, 草把: a handful or a bundle.
            guard !Self.counts(previous, s), !"一两几半大小成盈草火扫".unicodeScalars.contains(last) else { return nil }
            return "吧"
        }
        // The character before, not the word: the segmentation may join it to what precedes (团赴).
        return Self.visitVerbs.contains(String(last)) ? nil : "啊"
    }

    /// 在 before a verb in a clause that began with 先 and went on to something else: 先做功课在玩 → 再玩 (先…再…,
    /// first … then …). Not 先在家吃饭, where 在 follows 先 at once and opens a place.
    private func thenAfterFirst(_ i: Int, _ words: ArraySlice<Word>, _ s: [Unicode.Scalar]) -> Bool {
        guard i + 1 < words.endIndex, words[i + 1].tag == "v" else { return false }
        // 先尝试着在睡觉前…: 在 opens a time or place phrase that a localizer closes.
        for later in words[(i + 2)...] {
            if later.kind == .punctuation { break }
            if Self.localizers.contains(s.string(later.range)) { return false }
        }
        var k = i - 1
        while k >= words.startIndex, words[k].kind != .punctuation {
            if words[k].range.count == 1, s[words[k].range.lowerBound] == "先" { return k < i - 1 }
            k -= 1
        }
        return false
    }

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        analysis.forEachParagraph { _, words in
            for i in words.indices {
                let word = words[i]
                if word.range.count == 1, let meant = finalParticle(i, words, s) {
                    out.append(
                        description.diagnostic(
                            word.range, "句末语气词应为“\(meant)”", replacements: [meant],
                            fix: .unsafe, confidence: 0.9))
                    continue
                }
                guard i + 1 < words.endIndex else { continue }
                let next = words[i + 1]
                if word.range.count == 2, s[word.range.lowerBound] == "应", s[word.range.lowerBound + 1] == "为",
                    isSentenceStart(i, words, s), next.kind != .punctuation
                {
                    out.append(
                        description.diagnostic(
                            word.range.lowerBound..<word.range.lowerBound + 1,
                            "句首应为连词“因为”", replacements: ["因"], fix: .unsafe,
                            confidence: 0.9))
                    continue
                }
                if word.range.count == 2, s[word.range.lowerBound] == "受", s[word.range.lowerBound + 1] == "到" {
                    let clause = words[(i + 1)...].prefix { $0.kind != .punctuation }
                    if let last = clause.last, Self.received.contains(s.string(last.range)) {
                        out.append(
                            description.diagnostic(
                                word.range.lowerBound..<word.range.lowerBound + 1,
                                "收到信件、礼物等应为“收到”", replacements: ["收"],
                                fix: .unsafe, confidence: 0.9))
                    }
                    continue
                }
                guard word.range.count == 1 else { continue }
                // A space ends the phrase.
                guard next.range.lowerBound == word.range.upperBound else { continue }
                let previous =
                    i > words.startIndex && words[i - 1].range.upperBound == word.range.lowerBound
                    ? words[i - 1] : nil
                switch s[word.range.lowerBound] {
                case "座":
                    let following = s.string(next.range)
                    guard Self.sittingComplements.contains(following) || Self.vehicles.contains(following) else { continue }
                    if let previous, Self.counts(previous, s) { continue }
                    out.append(
                        description.diagnostic(
                            word.range, "此处应为动词“坐”", replacements: ["坐"],
                            fix: .unsafe, confidence: 0.9))
                case "根", "情":
                    // 一根, 这根 count; 根 or 情 alone before a pronoun is 跟 or 请.
                    guard Self.persons.contains(s.string(next.range)) else { continue }
                    if let previous, Self.counts(previous, s) { continue }
                    let meant: String = s[word.range.lowerBound] == "根" ? "跟" : "请"
                    out.append(
                        description.diagnostic(
                            word.range, meant == "跟" ? "介词应为“跟”" : "邀请应为“请”",
                            replacements: [meant], fix: .unsafe, confidence: 0.9))
                case "作":
                    guard Self.doneThings.contains(s.string(next.range)) else { continue }
                    out.append(
                        description.diagnostic(
                            word.range, "做事、做饭等应为“做”", replacements: ["做"],
                            fix: .unsafe, confidence: 0.9))
                case "做":
                    guard Self.vehicles.contains(s.string(next.range)) else { continue }
                    let after = i + 2 < words.endIndex ? words[i + 2] : nil
                    guard after.map({ $0.kind == .punctuation || Self.afterRide.contains(s.string($0.range)) }) ?? true
                    else { continue }
                    out.append(
                        description.diagnostic(
                            word.range, "乘坐交通工具应为“坐”", replacements: ["坐"],
                            fix: .unsafe, confidence: 0.9))
                case "在":
                    let rest = s[next.range.lowerBound..<min(s.count, next.range.lowerBound + 2)]
                    let again =
                        rest.count == 2 && rest.first == "也" && "不没别无难".unicodeScalars.contains(rest.last!)
                        || thenAfterFirst(i, words, s)
                    let farewell =
                        s.string(next.range) == "见"
                        && (i + 2 == words.endIndex || words[i + 2].kind == .punctuation)
                    guard again || farewell else { continue }
                    out.append(
                        description.diagnostic(
                            word.range, again ? "表示重复或先后，应为“再”" : "告别语应为“再见”",
                            replacements: ["再"], fix: .unsafe, confidence: 0.9))
                default:
                    continue
                }
            }
        }
        return out
    }
}

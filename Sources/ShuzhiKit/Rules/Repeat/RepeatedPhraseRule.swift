/// A phrase written twice in a row: 认真贯彻认真贯彻, 进一步进一步, 推进推进 — but not verb or adjective reduplication
/// (研究研究, 讨论讨论, 雪白雪白) or 一步一步. Words of up to four characters are judged with the typo finders (a doubled
/// word the language models find far less likely than the single one, `WordSlipFinder`); longer phrases are slips
/// whenever they repeat at a clean edge.
public struct RepeatedPhraseRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "repeat.phrase",
        severity: .warning,
        summary: "词语误重复（认真贯彻认真贯彻、进一步进一步）",
        rationale: "同一词语紧挨着写两遍多是复制粘贴或输入失误。一到四个字的词语，只有语言模型明显认为只写一遍更通顺时才报，并给出置信度；双音节动词、形容词的 ABAB 重叠（研究研究、讨论讨论、雪白雪白）和“一步一步”等是正常用法。",
        fix: .unsafe,
        triggering: [
            RuleExample("«认真贯彻认真贯彻»了党的路线方针政策。", fixed: "认真贯彻了党的路线方针政策。"),
            RuleExample("«进一步进一步»加强管理。", fixed: "进一步加强管理。"),
            "坚持«以人民为中心以人民为中心»的发展思想。",
            "全面«抓落实抓落实»，确保见效。",
            "«我们我们»要加强学习。",
            RuleExample("«推进推进»各项改革任务落实。", fixed: "推进各项改革任务落实。"),
        ],
        nonTriggering: [
            "这个问题要研究研究，大家讨论讨论。",
            "一步一步推进，一点一点落实。",
            "脸色雪白雪白的。",
            "学习、学习、再学习。",
            "谢谢谢谢大家。",
            "PM2.5PM2.5",
            "被认定为小型微型企业创业创新示范基地。",
            "再审申请人申请人民法院委托鉴定。",
            "对属于同一集体经济组织的土地的土地承包经营权进行互换。",
            "特别行政区行政区域图",
        ]
    )

    /// Two-character words whose ABAB doubling is ordinary Chinese: activity verbs and a few adjectives.
    static let reduplicable: Set<String> = Set(
        """
        研究 讨论 学习 商量 考虑 交流 锻炼 休息 活动 打听 收拾 整理 准备 介绍 了解 比较 调查 检查 总结 分析 思考 琢磨 练习 尝试 体验
        讲讲 说说 看看 想想 试试 聊聊 走走 转转 议论 沟通 请教 指导 关心 照顾 帮助 打扫 清理 梳理 盘算 合计 掂量 打量 表扬 批评 教育
        雪白 通红 冰凉 滚烫 漆黑 碧绿 笔直 雪亮 火热 蜡黄 瓦蓝 金黄
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// AB AB where AB is a known word and the characters around do not bind to it (so 业创业创 in 企业创业创新 is not
    /// read as a repeat).
    private func isWordRepeat(_ s: [Unicode.Scalar], _ i: Int, _ p: Range<Int>) -> Bool {
        let window = max(p.lowerBound, i - 3)..<min(p.upperBound, i + 7)
        let matches = FunctionWordContext.words.matches(in: s, window)
        let isWord = matches.contains { $0.range == i..<(i + 2) } && matches.contains { $0.range == (i + 2)..<(i + 4) }
        // A word crossing the start or the end of the repeat means the boundary is elsewhere.
        let crosses = matches.contains { m in
            (m.range.lowerBound < i && m.range.upperBound > i) || (m.range.lowerBound < i + 4 && m.range.upperBound > i + 4)
        }
        return isWord && !crosses
    }

    /// Outside the paragraph, punctuation, or a function character: a place where a phrase can start or end.
    private func isEdge(_ s: [Unicode.Scalar], _ k: Int, _ p: Range<Int>) -> Bool {
        guard k >= p.lowerBound && k < p.upperBound else { return true }
        let v = s[k].value
        return !ScalarClass.isHan(v) || FunctionWordContext.characters.contains(v) || v == 0x4E86  // 了
    }

    /// Longest phrase checked; a longer repeat is caught by its first part.
    static let maximumLength = 12
    /// Shorter phrases are the typo finders' (`Slip.Kind.redundant`).
    static let minimumLength = 5

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        s.withUnsafeBufferPointer { b in
            for p in analysis.document.paragraphs where !p.isBlank {
                var i = p.content.lowerBound
                let end = p.content.upperBound
                scan: while i < end {
                    let first = b[i].value
                    guard ScalarClass.isHan(first) else { i += 1; continue }
                    var length = min(Self.maximumLength, (end - i) / 2)
                    while length >= Self.minimumLength {
                        // Cheap filter first: the copy must start with the same character.
                        if b[i + length].value == first, let found = repeatAt(s, b, i, length, p.content) {
                            out.append(found)
                            i += 2 * length
                            continue scan
                        }
                        length -= 1
                    }
                    i += 1
                }
            }
        }
        let doubled = WordSlipFinder(weights: analysis.typoTuning.slips, evidence: analysis.typoTuning.evidence).findings(
            analysis, kinds: [.redundant],
            floor: TypoFindings.floor)
        for slip in doubled {
            let phrase = s.string(slip.range)
            out.append(
                description.diagnostic(
                    slip.shown, "“\(phrase)”重复了一次", replacements: [phrase], fix: .unsafe,
                    confidence: slip.confidence))
        }
        return out
    }

    private func repeatAt(
        _ s: [Unicode.Scalar], _ b: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int, _ length: Int,
        _ p: Range<Int>
    ) -> Diagnostic? {
        var uniform = true
        for k in 0..<length {
            let v = b[i + k].value
            guard b[i + length + k].value == v, ScalarClass.isHan(v) else { return nil }
            if v != b[i].value { uniform = false }
        }
        guard !uniform else { return nil }
        // 的土地的土地承包经营权 is 的 + 土地的土地承包经营权: a phrase never starts or ends with 的.
        if b[i] == "的" || b[i + length - 1] == "的" { return nil }
        // A short repeat may straddle words (再审申请人|申请|人民法院): it needs a clean edge on one side.
        if length == 3 && !(isEdge(s, i - 1, p) || isEdge(s, i + 2 * length, p)) { return nil }
        let phrase = s.string(i..<(i + length))
        // Two characters repeat across word boundaries all the time (企业|创业|创新 holds 业创业创), so a
        // two-character repeat counts only when it is a known word standing on its own.
        if length == 2 && (Self.reduplicable.contains(phrase) || b[i] == "一" || !isWordRepeat(s, i, p)) { return nil }
        return description.diagnostic(i..<(i + 2 * length), "“\(phrase)”重复了一次", replacements: [phrase], fix: .unsafe)
    }
}

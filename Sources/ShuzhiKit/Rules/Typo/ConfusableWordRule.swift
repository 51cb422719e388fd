/// Confusable words of 公文 (gongwen-norms §5): forms official writing does not use (其它, 交待, 涵义, 帐目), 截止 before
/// a date, and pairs where the trigram model is far surer of the other word (权力/权利, 必须/必需, 反映/反应…).
public struct ConfusableWordRule: Rule {
    public init() {}

    /// Pairs judged by context: the other word must be this many times likelier (log10) in the sentence.
    static let contextMargin: Float = 3.5

    /// Written form → the form 公文 uses, always.
    static let preferred: [(String, String)] = [
        ("其它", "其他"), ("交待", "交代"), ("涵义", "含义"), ("急待", "亟待"),
    ]

    /// Both words are right somewhere; the sentence decides.
    static let pairs: [(String, String)] = [
        ("权力", "权利"), ("必须", "必需"), ("启用", "起用"), ("泄露", "泄漏"), ("考察", "考查"), ("检察", "检查"),
        ("度过", "渡过"), ("以致", "以至"), ("反映", "反应"), ("申明", "声明"), ("制定", "制订"),
    ]

    /// The first characters of every listed word: a cheap test before building the word's string.
    static let firstCharacters = Set(
        (preferred.flatMap { [$0.0] } + pairs.flatMap { [$0.0, $0.1] } + ["截止"])
            .compactMap { $0.unicodeScalars.first })

    /// 帐 is a curtain; in money words it is 账.
    static let curtainFollowers: Set<Unicode.Scalar> = ["篷", "幕", "幔", "帘", "子", "钩", "内", "外", "中"]
    static let curtainPrecedents: Set<Unicode.Scalar> = ["蚊", "营", "军", "纱", "罗", "床", "锦", "芙", "蓉"]

    public let description = RuleDescription(
        id: "typo.word",
        severity: .warning,
        summary: "公文易混词（其它/其他、截止/截至、帐/账、权力/权利等）",
        rationale:
            "依据公文用语规范（参考文件 gongwen-norms §5）：公文统一用“其他”“交代”“含义”“亟待”；钱物记录用“账”；表示截到某一时间用“截至”（截至5月15日），“截止”用在时间之后且不带宾语（5月15日截止）。权力/权利、必须/必需、反映/反应等两词都成立的，只有语言模型在本句中对另一词的把握大得多时才提示。",
        fix: .unsafe,
        triggering: [
            RuleExample("完成上级交办的«其它»工作。", fixed: "完成上级交办的其他工作。"),
            RuleExample("«截止»2023年底，共完成投资12亿元。", fixed: "截至2023年底，共完成投资12亿元。"),
            RuleExample("定期核对«帐»目，做到账实相符。", fixed: "定期核对账目，做到账实相符。"),
            RuleExample("问题«交待»清楚。", fixed: "问题交代清楚。"),
            RuleExample("依法维护群众合法«权力»。", fixed: "依法维护群众合法权利。"),
        ],
        nonTriggering: [
            "完成上级交办的其他工作。",
            "截至2023年底，共完成投资12亿元。",
            "报名于5月15日截止。",
            "在蚊帐和帐篷中休息。",
            "一切权力属于人民，公民享有宪法规定的权利。",
            "必须坚持以人民为中心的发展思想。",
            "及时向上级反映群众的意见。",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        let model = LanguageModel.shared
        analysis.forEachParagraph { range, words in
            for word in words where word.range.count == 2 && Self.firstCharacters.contains(s[word.range.lowerBound]) {
                let text = String(String.UnicodeScalarView(s[word.range]))
                if let (_, right) = Self.preferred.first(where: { $0.0 == text }) {
                    out.append(diagnostic(word.range, text, right, confidence: 0.95))
                } else if text == "截止", Self.startsTimePoint(s, word.range.upperBound, range) {
                    out.append(diagnostic(word.range, text, "截至", confidence: 0.95))
                } else if let pair = Self.pairs.first(where: { $0.0 == text || $0.1 == text }) {
                    let other = pair.0 == text ? pair.1 : pair.0
                    let window = max(range.lowerBound, word.range.lowerBound - 6)..<min(range.upperBound, word.range.upperBound + 6)
                    let written = model.logProb(of: s[window])
                    var swapped = Array(s[window])
                    swapped.replaceSubrange(
                        word.range.lowerBound - window.lowerBound..<word.range.upperBound - window.lowerBound,
                        with: other.unicodeScalars)
                    let gain = model.logProb(of: swapped) - written
                    if gain >= Self.contextMargin {
                        out.append(
                            diagnostic(word.range, text, other, confidence: min(0.99, 0.85 + Double(gain - Self.contextMargin) / 20)))
                    }
                }
            }
            for p in range where s[p] == "帐" {
                let next = p + 1 < range.upperBound ? s[p + 1] : " ", previous = p > range.lowerBound ? s[p - 1] : " "
                guard !Self.curtainFollowers.contains(next), !Self.curtainPrecedents.contains(previous) else { continue }
                out.append(
                    description.diagnostic(
                        p..<p + 1, "钱物记录用“账”，“帐”指帐幕", replacements: ["账"],
                        fix: .unsafe, confidence: 0.9))
            }
        }
        return out
    }

    private func diagnostic(_ range: Range<Int>, _ written: String, _ right: String, confidence: Double) -> Diagnostic {
        description.diagnostic(
            range, "易混词：此处应为“\(right)”而非“\(written)”", replacements: [right], fix: .unsafe,
            confidence: confidence)
    }

    /// A time point begins at p: a digit, a Chinese numeral year, or 目前/今年/去年/上半年/年底/当前/本月/上月/明年.
    static func startsTimePoint(_ s: [Unicode.Scalar], _ p: Int, _ range: Range<Int>) -> Bool {
        guard p < range.upperBound else { return false }
        if ScalarClass.isASCIIDigit(s[p].value) || ScalarClass.isFullwidthDigit(s[p].value) { return true }
        guard p + 1 < range.upperBound else { return false }
        let two = String(String.UnicodeScalarView(s[p..<p + 2]))
        return ["目前", "今年", "去年", "上半", "下半", "年底", "当前", "本月", "上月", "明年", "本年", "当年", "此时", "现在"].contains(two)
    }
}

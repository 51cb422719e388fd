/// A 顿号 before 和/及/与/或/以及 that already join the last item: A、B、和C → A、B和C.
public struct DunBeforeConjunctionRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "punct.dun-before-conjunction",
        severity: .info,
        summary: "连词“和、及、与、或、以及”前通常不用顿号",
        rationale: "并列词语最后一项前已有连词时，连词前不再加顿号（常见校对规范，非国标条文；较长的顿号列举以“，以及”收尾见 GB/T 15834 附录A）。“和牛”“与会”等以连词字开头的词难以穷举，故默认不启用。",
        fix: .unsafe,
        enabledByDefault: false,
        triggering: [
            RuleExample("土地、规划«、»和报建工作", fixed: "土地、规划和报建工作"),
            RuleExample("财政、税务«、»以及审计部门", fixed: "财政、税务以及审计部门"),
        ],
        nonTriggering: [
            "民主、文明、和谐的现代化国家",
            "统一思想、及时部署",
            "安全、与时俱进的制度",
            "开展调研、或许还有更多",
        ]
    )

    private static let conjunctions = KeywordMatcher(["以及", "和", "及", "与", "或"])
    /// Words that begin with a conjunction's character but are not conjunctions.
    private static let words = KeywordMatcher([
        "和谐", "和平", "和睦", "和美", "和解", "和气", "和蔼", "和煦", "和顺", "和衷", "和善",
        "及时", "及早", "及格", "与会", "与其", "与时俱进", "与日俱增", "与众不同", "或许", "或然",
    ])

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        for p in analysis.document.paragraphs where !p.isBlank {
            for i in p.content where s[i] == "、" && i + 1 < p.content.upperBound {
                let next = (i + 1)..<min(i + 5, p.content.upperBound)
                guard let c = Self.conjunctions.matches(in: s, next).first(where: { $0.range.lowerBound == i + 1 }) else { continue }
                if Self.words.matches(in: s, next).contains(where: { $0.range.lowerBound == i + 1 }) { continue }
                out.append(description.diagnostic(i..<(i + 1), "连词“\(s.string(c.range))”前通常不用顿号", replacements: [""], fix: .unsafe))
            }
        }
        return out
    }
}

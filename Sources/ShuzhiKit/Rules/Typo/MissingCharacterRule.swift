/// A character dropped from a frequent word or set phrase: 推进高质发展 → 高质量发展, 进步加强 → 进一步加强, 向纵深展 →
/// 向纵深发展.
public struct MissingCharacterRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "typo.missing-char",
        severity: .warning,
        summary: "词语残缺，疑似漏字（高质发展 → 高质量发展、向纵深展 → 向纵深发展）",
        rationale: "文中一段文字正是某个常用词或固定短语去掉一个字后剩下的部分，补上这个字后，字符语言模型和分词都明显更通顺：多是漏打了一个字。只在把握很大时提示，建议需人工确认。",
        fix: .unsafe,
        triggering: [
            RuleExample("推动全面从严治党向纵深«展»。", fixed: "推动全面从严治党向纵深发展。"),
            RuleExample("坚定不移推进高«质»发展。", fixed: "坚定不移推进高质量发展。"),
        ],
        nonTriggering: [
            "切实加强领导班子建设，提高班子整体战斗力。",
            "全年新建、改建农村公路120公里。",
            "坚持有解决问题的办法就办，没有条件的创造条件办。",
            "推进高质量发展，进一步加强干部队伍建设。",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        return analysis.typoFindings.slips.filter { $0.kind == .missing }.map { slip in
            let (written, meant) = slip.shownTexts(s)
            return slip.diagnostic(
                description, s,
                "词语残缺：“\(written)”疑为“\(meant)”，漏了“\(String(String.UnicodeScalarView(slip.replacement)))”")
        }
    }
}

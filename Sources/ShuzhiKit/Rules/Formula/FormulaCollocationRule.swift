/// A formula after the verb of another: 坚定“四个意识” (意识 is 增强ed), 做到“两个确立” (确立 is 领悟ed or 拥护ed),
/// 增强“两个维护”. The verbs come from the knowledge base; a verb no formula lists is not judged.
public struct FormulaCollocationRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "formula.collocation",
        severity: .warning,
        summary: "提法与动词搭配不当（坚定“四个意识”、做到“两个确立”）",
        rationale: "固定提法有固定的动词：增强“四个意识”、坚定“四个自信”、做到“两个维护”、深刻领悟“两个确立”（参考文件 political-formulas.md W3）。一个提法前用了知识库中属于另一个提法的动词时报出，并给出该提法的常用动词。",
        fix: .unsafe,
        triggering: [
            RuleExample("«坚定»“四个意识”、坚定“四个自信”。", fixed: "增强“四个意识”、坚定“四个自信”。"),
            RuleExample("«坚决做到»“两个确立”。", fixed: "深刻领悟“两个确立”。"),
            RuleExample("«增强»“两个维护”。", fixed: "做到“两个维护”。"),
        ],
        nonTriggering: [
            "增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
            "深刻领悟“两个确立”的决定性意义，忠诚拥护“两个确立”。",
            "牢固树立“四个意识”，坚决做到“两个维护”。",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        let knowledge = analysis.knowledge, index = knowledge.index
        var out: [Diagnostic] = []
        for paragraph in analysis.document.paragraphs where !paragraph.isBlank {
            let range = paragraph.content
            index.names.forEachMatch(in: s, range) { match in
                let formula = knowledge.formulas[index.nameOwners[match.keyword]]
                guard let own = formula.verbs, let usual = own.first else { return }
                let end =
                    match.range.lowerBound > range.lowerBound && s[match.range.lowerBound - 1] == "“"
                    ? match.range.lowerBound - 1 : match.range.lowerBound
                // The longest listed verb that ends right before the formula.
                var verb: [Unicode.Scalar]?
                for candidate in index.verbs.keywords where candidate.count > (verb?.count ?? 0) {
                    if end - candidate.count >= range.lowerBound && s.matches(candidate, at: end - candidate.count) { verb = candidate }
                }
                guard let verb else { return }
                let written = String(String.UnicodeScalarView(verb))
                guard !own.contains(written) else { return }
                let owner = knowledge.formulas.first { ($0.verbs ?? []).contains(written) }?.name ?? ""
                out.append(
                    description.diagnostic(
                        end - verb.count..<end,
                        "“\(formula.name)”通常说“\(usual)”，“\(written)”搭配的是“\(owner)”" + formula.citation,
                        replacements: [usual], fix: .unsafe,
                        severity: knowledge.severity(formula.status, .warning)))
            }
        }
        return out
    }
}

import Foundation

/// A word cut short at the end of a clause: 加强领导班子建， → 建设. The last character before a clause-ending mark
/// stands alone in the segmentation, and one of the frequent two-character words it starts makes
/// both the trigram model and the segmentation much happier.
public struct MissingCharacterRule: Rule {
    public init() {}

    /// Hand-set, not fitted (ECSpell has no dropped characters), against the held-out district reports: the model
    /// must prefer the completed clause by about three log10 units, and the word's going on over the clause's ending
    /// here by about as much, before the confidence reaches 0.8. Set phrases that end in a one-character word
    /// (遇困有帮, 把好环保关) stay below it.
    static let languageModelWeight = 2.0
    static let continuationWeight = 0.5
    static let bias = 6.5
    /// Marks that end a clause. Not 、, which lists one-character nouns (省、市、县; 部、委), nor a closing quote or
    /// bracket, which usually ends an abbreviation (“放管服”).
    static let clauseEnds: Set<Unicode.Scalar> = ["，", "。", "；", "！", "？", "："]

    public let description = RuleDescription(
        id: "typo.missing-char",
        severity: .warning,
        summary: "词语残缺，疑似漏字（班子建，→ 班子建设，）",
        rationale: "分句末尾的字单独成词，而以它开头的高频双字词（如“建设”）补上一个字后，字符语言模型和分词都明显更通顺：多是漏打了一个字。只在把握很大时提示，建议需人工确认。",
        fix: .unsafe,
        triggering: [
            RuleExample("切实加强领导班子«建»，提高班子整体战斗力。", fixed: "切实加强领导班子建设，提高班子整体战斗力。"),
        ],
        nonTriggering: [
            "切实加强领导班子建设，提高班子整体战斗力。",
            "全年新建、改建农村公路120公里。",
            "坚持有解决问题的办法就办，没有条件的创造条件办。",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        let lexicon = Lexicon.shared, model = LanguageModel.shared
        var out: [Diagnostic] = []
        analysis.forEachParagraph { range, words in
            let open = CharacterTypoFinder.openPositions(s, range, words,
                                                         protectedWordCost: TypoTuning.standard.protectedWordCost)
            for word in words where word.range.count == 1 {
                let i = word.range.lowerBound
                let next = i + 1
                guard ScalarClass.isHan(s[i].value), open[i - range.lowerBound], i > range.lowerBound,
                      ScalarClass.isHan(s[i - 1].value),
                      next < range.upperBound, Self.clauseEnds.contains(s[next]) else { continue }
                let lo = max(range.lowerBound, i - 4)
                var scratch = Array(s[lo...i])
                let writtenSegmentation = scratch.withUnsafeBufferPointer { analysis.segmenter.cost(of: $0) }
                let context = Array(s[max(range.lowerBound, i - 2)..<min(range.upperBound, next + 1)])
                let writtenLM = model.logProb(of: context)
                // How likely the model finds the clause ending here; set against the word going on (建→设) below.
                let (before, written) = (model.token(s[i - 1]), model.token(s[i]))
                let stop = Double(model.logProb(before, written, model.token(s[next])))
                var best: (Unicode.Scalar, Double)?
                lexicon.forEachCompletion(of: s[i]) { c in
                    scratch.append(c)
                    defer { scratch.removeLast() }
                    let gainSegmentation = Double(writtenSegmentation - scratch.withUnsafeBufferPointer { analysis.segmenter.cost(of: $0) }) / 10
                    var completed = context
                    completed.insert(c, at: i + 1 - max(range.lowerBound, i - 2))
                    let gainLM = Double(model.logProb(of: completed) - writtenLM)
                    guard gainLM > 0, gainSegmentation > 0 else { return }
                    let continuation = Double(model.logProb(before, written, model.token(c)))
                    let z = Self.languageModelWeight * gainLM + Self.continuationWeight * (continuation - stop) - Self.bias
                    let confidence = TypoTuning.logistic(z)
                    if confidence > (best?.1 ?? 0) { best = (c, confidence) }
                }
                guard let (c, confidence) = best, confidence >= CharacterTypoRule.floor else { continue }
                let shown = String(String.UnicodeScalarView(s[i - 1...i]))
                out.append(description.diagnostic(i..<i + 1, "词语残缺：“\(shown)”疑为“\(shown)\(c)”，漏了“\(c)”",
                                                  replacements: [String(s[i]) + String(c)], fix: .unsafe,
                                                  confidence: confidence))
            }
        }
        return out
    }
}

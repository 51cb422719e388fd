/// A formula under a wrong name: a known wrong form (四种意识, 以习近平总书记为核心的党中央), the right head with a wrong
/// classifier or count (四种意识, “三个意识”), or another term in the slot of a formula series (增强“四个意识”、坚定
/// “四个信念”、做到“两个维护”). Style hints (五大发展理念) are info.
public struct FormulaNameRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "formula.name",
        severity: .error,
        summary: "固定提法的名称写错（四种意识、三个意识、以习近平总书记为核心的党中央）",
        rationale:
            "政治性表述的名称是固定的，数词、量词、中心词都不能改（参考文件 political-formulas.md §1、§3，每条提法附来源）。只在知识库中有出处的提法上报错；来源未核实（UNVERIFIED）的只作提示。“增强‘四个意识’、坚定‘四个自信’、做到‘两个维护’”这类连用提法中，某一位置换成了别的词也报出。前面写明是本地或本单位提出的（省委“五个必须坚持”、我市“三个意识”），是另一条提法，不报。",
        fix: .unsafe,
        triggering: [
            RuleExample("牢固树立«四种意识»，坚定理想信念。", fixed: "牢固树立四个意识，坚定理想信念。"),
            RuleExample("增强“«三个意识»”、坚定“四个自信”。", fixed: "增强“四个意识”、坚定“四个自信”。"),
            RuleExample("增强“四个意识”、坚定“«四个信心»”、做到“两个维护”。", fixed: "增强“四个意识”、坚定“四个自信”、做到“两个维护”。"),
            RuleExample("同«以习近平总书记为核心的党中央»保持高度一致。", fixed: "同以习近平同志为核心的党中央保持高度一致。"),
            // One character of the head off by sound: quoted, it is the formula misspelt.
            RuleExample("牢固树立“«四个意思»”，坚定“四个自信”。", fixed: "牢固树立“四个意识”，坚定“四个自信”。"),
        ],
        nonTriggering: [
            "增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
            "同以习近平同志为核心的党中央保持高度一致。",
            "牢记“两个务必”，践行“三个务必”。",
            "从三个维度分析问题，形成两个方面的意见。",
            "落实省委“五个必须坚持”要求，推动高质量发展。",
            "深入践行我市“三个意识”工作法。",
            "这句话有四个意思，要分开理解。",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        let knowledge = analysis.knowledge, index = knowledge.index
        var out: [Diagnostic] = []
        let written = analysis.reportPeriod?.end
        let sequences = Self.sequenceItems(knowledge)
        for paragraph in analysis.document.paragraphs where !paragraph.isBlank {
            let range = paragraph.content
            let allowed = SortedRanges(index.allowedSpans(s, range))
            index.forms.forEachMatch(in: s, range) { match in
                let form = knowledge.forms[match.keyword]
                guard form.kind != .allowed, !allowed.contains(match.range) else { return }
                if let after = form.after, let written, written < KnowledgeBase.day(after) { return }
                let severity: Severity = form.kind == .style ? .info : knowledge.severity(form.status, .error)
                let message = form.message ?? "提法有误：应为“\(form.correct ?? "")”"
                out.append(
                    description.diagnostic(
                        match.range, message + form.citation, replacements: form.correct.map { [$0] } ?? [],
                        fix: form.correct == nil ? nil : .unsafe, severity: severity))
            }
            checkNumberedNames(s, range, knowledge, index.knownNames, allowed, &out)
            checkHeadNearMisses(s, range, knowledge, index.knownNames, allowed, &out)
            checkSequences(s, range, knowledge, sequences, &out)
        }
        // One finding per span: a series slot is seen from both of its neighbours, 四种意识 both as a known form and by its parts.
        var seen = Set<Range<Int>>()
        return out.filter { seen.insert($0.range).inserted }
    }

    /// 四种意识 (the classifier changed) anywhere; “三个意识” (the count changed) when quoted or after the formula's verb.
    private func checkNumberedNames(
        _ s: [Unicode.Scalar], _ range: Range<Int>, _ knowledge: KnowledgeBase, _ knownNames: Set<String>,
        _ allowed: SortedRanges, _ out: inout [Diagnostic]
    ) {
        let index = knowledge.index
        index.heads.forEachMatch(in: s, range) { match in
            let name = index.numbered[match.keyword]
            let c = match.range.lowerBound - 1
            guard c > range.lowerBound, FormulaIndex.classifiers.contains(s[c]) else { return }
            var j = c
            while j > range.lowerBound && ChineseNumeral.isNumeralCharacter(s[j - 1].value) { j -= 1 }
            guard j < c, name.prefix.isEmpty || s.matches(name.prefix, at: j - name.prefix.count) else { return }
            let span = j - name.prefix.count..<match.range.upperBound
            let written = s.string(span)
            guard !knownNames.contains(written), !allowed.contains(span) else { return }
            let formula = knowledge.formulas[name.formula]
            let right = formula.name
            let sameCount = Array(s[j..<c]) == name.numeral
            if sameCount && s[c] != name.classifier {
                out.append(
                    description.diagnostic(
                        span, "提法名称有误：应为“\(right)”" + formula.citation, replacements: [right], fix: .unsafe,
                        severity: knowledge.severity(formula.status, .error)))
            } else if !sameCount && s[c] == name.classifier {
                let quoted =
                    span.lowerBound > range.lowerBound && s[span.lowerBound - 1] == "“" && span.upperBound < range.upperBound
                    && s[span.upperBound] == "”"
                let verbEnd = quoted ? span.lowerBound - 1 : span.lowerBound
                let verbs = formula.verbs ?? []
                let afterVerb = verbs.contains { v in
                    let w = Array(v.unicodeScalars); return s.matches(w, at: verbEnd - w.count)
                }
                guard quoted || afterVerb, !Self.regionalOwner(before: verbEnd, s, range) else { return }
                out.append(
                    description.diagnostic(
                        span, "提法名称有误：“\(right)”的数目是固定的" + formula.citation, replacements: [right], fix: .unsafe,
                        severity: knowledge.severity(formula.status, .error)))
            }
        }
    }

    /// 树立“四个意思”: the right numeral and classifier with a head one character off by sound or shape (思 for 识),
    /// quoted or after the formula's verb — unquoted, 四个意思 is ordinary prose (four meanings).
    private func checkHeadNearMisses(
        _ s: [Unicode.Scalar], _ range: Range<Int>, _ knowledge: KnowledgeBase, _ knownNames: Set<String>,
        _ allowed: SortedRanges, _ out: inout [Diagnostic]
    ) {
        let lexicon = Lexicon.shared
        let index = knowledge.index
        // Where each name's opening stands, found for all names in one pass; then name by name, left to right.
        var openedAt = [[Int]](repeating: [], count: index.numbered.count)
        index.headOpenings.forEachMatch(in: s, range) { m in
            for k in index.headOpeningNames[m.keyword] { openedAt[k].append(m.range.lowerBound) }
        }
        for (k, name) in index.numbered.enumerated() where !openedAt[k].isEmpty {
            let opening = name.numeral + [name.classifier]
            for i in openedAt[k] where i + opening.count + name.head.count <= range.upperBound {
                let headStart = i + opening.count
                let span = i..<headStart + name.head.count
                let written = Array(s[headStart..<span.upperBound])
                let differ = (0..<name.head.count).filter { written[$0] != name.head[$0] }
                guard differ.count == 1, let j = differ.first, !lexicon.confusion(written[j], name.head[j]).isEmpty,
                    !knownNames.contains(s.string(span)), !allowed.contains(span)
                else { continue }
                let formula = knowledge.formulas[name.formula]
                let quoted = i > range.lowerBound && s[i - 1] == "“" && span.upperBound < range.upperBound && s[span.upperBound] == "”"
                let verbEnd = quoted ? i - 1 : i
                let afterVerb = (formula.verbs ?? []).contains { v in
                    let w = Array(v.unicodeScalars); return s.matches(w, at: verbEnd - w.count)
                }
                guard quoted || afterVerb else { continue }
                let right = formula.name
                out.append(
                    description.diagnostic(
                        span, "提法名称有误：应为“\(right)”（“\(written[j])”应为“\(name.head[j])”）" + formula.citation, replacements: [right],
                        fix: .unsafe, severity: knowledge.severity(formula.status, .error)))
            }
        }
    }

    /// A formula of the same shape that a region or body gave itself (落实省委“五个必须坚持”要求, 我市“三个一批”):
    /// its count is theirs, not the national one misquoted.
    static func regionalOwner(before end: Int, _ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        var e = end
        if e > range.lowerBound && s[e - 1] == "的" { e -= 1 }
        guard e - 2 >= range.lowerBound else { return false }
        let last = s[e - 1], previous = s[e - 2]
        // 省委, 市委, 县委, 党委, 工委, 党组, 省政府, 市政府.
        if last == "委" || (last == "组" && previous == "党") || (last == "府" && previous == "政") { return true }
        // 我省, 全市, 本县, 我区.
        return "我全本".unicodeScalars.contains(previous) && "省市县区州旗盟镇乡".unicodeScalars.contains(last)
    }

    /// In 增强“四个意识”、坚定“四个自信”、做到“两个维护”, a slot next to a right one that holds another term.
    /// Each sequence of the knowledge base with its items' verbs and names as scalars (made once per check, not once
    /// per paragraph).
    typealias SequenceItems = [(sequence: KnowledgeBase.Sequence, items: [(verb: [Unicode.Scalar], name: [Unicode.Scalar])])]

    static func sequenceItems(_ knowledge: KnowledgeBase) -> SequenceItems {
        knowledge.sequences.map { sequence in
            (
                sequence,
                sequence.items.compactMap {
                    $0.count == 2 ? (verb: Array($0[0].unicodeScalars), name: Array($0[1].unicodeScalars)) : nil
                }
            )
        }
    }

    private func checkSequences(
        _ s: [Unicode.Scalar], _ range: Range<Int>, _ knowledge: KnowledgeBase, _ sequences: SequenceItems, _ out: inout [Diagnostic]
    ) {
        for (sequence, items) in sequences {
            guard items.count >= 2 else { continue }
            for (i, item) in items.enumerated() {
                for found in Self.occurrences(of: item, in: s, range) {
                    // The next slot, after a 、 or ，.
                    if i + 1 < items.count, let term = Self.term(after: found.upperBound, verb: items[i + 1].verb, s, range),
                        Array(s[term]) != items[i + 1].name
                    {
                        report(term, items[i + 1].name, sequence, knowledge, s, &out)
                    }
                    // The slot before, when it is quoted.
                    if i > 0, let term = Self.quotedTerm(before: found.lowerBound, verb: items[i - 1].verb, s, range),
                        Array(s[term]) != items[i - 1].name
                    {
                        report(term, items[i - 1].name, sequence, knowledge, s, &out)
                    }
                }
            }
        }
    }

    private func report(
        _ term: Range<Int>, _ name: [Unicode.Scalar], _ sequence: KnowledgeBase.Sequence, _ knowledge: KnowledgeBase,
        _ s: [Unicode.Scalar], _ out: inout [Diagnostic]
    ) {
        let right = String(String.UnicodeScalarView(name))
        out.append(
            description.diagnostic(
                term, "连用提法中此处应为“\(right)”" + sequence.citation, replacements: [right], fix: .unsafe,
                severity: knowledge.severity(sequence.status, .error)))
    }

    /// Where verb + name (quoted or not) is written in `range`: the span from the verb to the closing quote.
    static func occurrences(of item: (verb: [Unicode.Scalar], name: [Unicode.Scalar]), in s: [Unicode.Scalar], _ range: Range<Int>)
        -> [Range<Int>]
    {
        var out: [Range<Int>] = []
        guard range.count > item.verb.count + item.name.count else { return out }
        // The verb is found by the buffer scan; a verb must be followed by something in the paragraph.
        for i in Clause.occurrences(item.verb, s, range) where i < range.upperBound - item.verb.count {
            var p = i + item.verb.count
            let quoted = p < range.upperBound && s[p] == "“"
            if quoted { p += 1 }
            guard s.matches(item.name, at: p), p + item.name.count <= range.upperBound else { continue }
            p += item.name.count
            if quoted && p < range.upperBound && s[p] == "”" { p += 1 }
            out.append(i..<p)
        }
        return out
    }

    static let adverbs = ["坚决", "自觉", "始终", "切实", "更加", "不断", "忠诚"].map { Array($0.unicodeScalars) }

    /// After a separator at `p`: [adverb] verb then “term” or an unquoted numeral + classifier + two characters.
    static func term(after p: Int, verb: [Unicode.Scalar], _ s: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int>? {
        guard p < range.upperBound, s[p] == "、" || s[p] == "，" || s[p] == "," else { return nil }
        var q = p + 1
        if let adverb = adverbs.first(where: { s.matches($0, at: q) }) { q += adverb.count }
        guard s.matches(verb, at: q) else { return nil }
        q += verb.count
        guard q < range.upperBound else { return nil }
        if s[q] == "“" {
            var e = q + 1
            while e < range.upperBound && e - q <= 10 && s[e] != "”" { e += 1 }
            guard e < range.upperBound, s[e] == "”", e > q + 1 else { return nil }
            return q + 1..<e
        }
        var e = q
        while e < range.upperBound && ChineseNumeral.isNumeralCharacter(s[e].value) { e += 1 }
        guard e > q, e + 3 <= range.upperBound, FormulaIndex.classifiers.contains(s[e]) else { return nil }
        return q..<e + 3
    }

    /// Before a separator ending at `p`: verb “term”.
    static func quotedTerm(before p: Int, verb: [Unicode.Scalar], _ s: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int>? {
        guard p - 2 > range.lowerBound, s[p - 1] == "、" || s[p - 1] == "，", s[p - 2] == "”" else { return nil }
        var b = p - 3
        while b > range.lowerBound && p - b <= 12 && s[b] != "“" { b -= 1 }
        guard s[b] == "“", b + 1 < p - 2, s.matches(verb, at: b - verb.count) else { return nil }
        return b + 1..<p - 2
    }
}

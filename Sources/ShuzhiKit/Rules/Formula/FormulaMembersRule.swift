/// A formula's members listed wrongly: out of the official order, one missing, one replaced or added
/// (道路自信、理论自信、制度自信、文明自信), or one twice. Lists are found by their members, whatever prefix or suffix
/// they share (政治、大局、核心、看齐意识), and judged only when they are clearly the formula: the name is in the
/// sentence, or all members but one are there.
public struct FormulaMembersRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "formula.members",
        severity: .error,
        summary: "固定提法的成员错、漏、多或顺序不对（政治意识、核心意识、大局意识、看齐意识）",
        rationale:
            "“四个意识”“四个自信”“新发展理念”等提法的成员和顺序是固定的（参考文件 political-formulas.md §1，每条附来源）。句中出现提法名称，或列出了除一个以外的全部成员时，才按该提法检查：顺序颠倒、缺少成员、某一成员被换成别的词、多出成员或重复。四个全面的旧表述（全面建成小康社会…）由 outdated 规则按报告年度判断。",
        fix: .unsafe,
        triggering: [
            RuleExample("牢固树立«政治意识、核心意识、大局意识、看齐意识»。"),
            RuleExample("坚定道路自信、理论自信、制度自信、«文明自信»。", fixed: "坚定道路自信、理论自信、制度自信、文化自信。"),
            RuleExample("增强“四个意识”，即«政治意识、大局意识、核心意识»。"),
            RuleExample("坚持«创新、绿色、协调、开放、共享»的新发展理念。"),
        ],
        nonTriggering: [
            "牢固树立政治意识、大局意识、核心意识、看齐意识。",
            "增强政治意识、大局意识和责任意识。",
            "强化政治意识，底线意识，红线意识。",
            "坚定道路自信、理论自信、制度自信、文化自信。",
            "统筹推进经济建设、政治建设、文化建设、社会建设、生态文明建设和党的建设。",
            "打造开放、创新、协调的营商环境。",
            "坚持以人民为中心的发展思想，全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。",
            "不断提高政治判断力、领悟力、执行力。",
            // Some members named on purpose, the formula elsewhere in the sentence.
            "落实“六保”任务，专项债主要用于保居民就业、保基本民生、保市场主体。",
            "持续纠治“四风”，坚决整治形式主义、官僚主义。",
        ]
    )

    /// One listed item: a member form (with the formulas it may belong to) or another term between or beside them.
    struct Item {
        let range: Range<Int>
        let forms: [FormulaIndex.MemberForm]
    }

    static let separators: Set<Unicode.Scalar> = ["、", "，", ",", "和", "及", "与"]

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        let knowledge = analysis.knowledge, index = knowledge.index
        var out: [Diagnostic] = []
        for paragraph in analysis.document.paragraphs where !paragraph.isBlank {
            let range = paragraph.content
            // Member forms, longest first at a position, not overlapping.
            var items: [Item] = []
            var pending: [FormulaIndex.MemberForm] = []
            var pendingRange: Range<Int>?
            index.memberForms.forEachMatch(in: s, range) { match in
                if let r = pendingRange, r == match.range { pending.append(index.memberFormInfo[match.keyword]); return }
                if let r = pendingRange, match.range.lowerBound < r.upperBound { return }
                if let r = pendingRange { items.append(Item(range: r, forms: pending)) }
                pendingRange = match.range
                pending = [index.memberFormInfo[match.keyword]]
            }
            if let r = pendingRange { items.append(Item(range: r, forms: pending)) }
            guard items.count >= 2 else { continue }
            for chain in Self.chains(items, s, range) { judge(chain, s, range, knowledge, &out) }
        }
        return out
    }

    /// Member items joined by separators, with up to two other terms between members (sep X sep), and the terms
    /// right before and after the list.
    static func chains(_ items: [Item], _ s: [Unicode.Scalar], _ range: Range<Int>) -> [[Item]] {
        var chains: [[Item]] = []
        var current: [Item] = [items[0]]
        // Only a chain of two members or more is kept (a lone member, the usual case, is dropped as it closes).
        func close() { if current.count(where: { !$0.forms.isEmpty }) >= 2 { chains.append(current) } }
        for item in items.dropFirst() {
            let previous = current.last!
            if let between = Self.between(previous.range.upperBound, item.range.lowerBound, s) {
                current.append(contentsOf: between.map { Item(range: $0, forms: []) })
                current.append(item)
            } else {
                close()
                current.removeAll(keepingCapacity: true)
                current.append(item)
            }
        }
        close()
        return chains.map { chain in
            var chain = chain
            if let after = Self.neighbour(after: chain.last!.range.upperBound, s, range) { chain.append(Item(range: after, forms: [])) }
            if let before = Self.neighbour(before: chain.first!.range.lowerBound, s, range) {
                chain.insert(Item(range: before, forms: []), at: 0)
            }
            return chain
        }
    }

    /// The other terms in a gap between two members: nil unless the gap is one separator or sep X (sep Y) sep.
    static func between(_ a: Int, _ b: Int, _ s: [Unicode.Scalar]) -> [Range<Int>]? {
        guard b > a else { return nil }
        if b - a == 1 { return separators.contains(s[a]) ? [] : nil }
        if b - a == 2 && s[a] == "以" && s[a + 1] == "及" { return [] }
        guard s[a] == "、" || s[a] == "，", s[b - 1] == "、" || s[b - 1] == "，" || s[b - 1] == "和", b - a <= 20 else { return nil }
        var terms: [Range<Int>] = []
        var start = a + 1
        for p in a + 1..<b {
            let v = s[p]
            if v == "、" || v == "，" || (p == b - 1 && v == "和") {
                guard p > start, p - start <= 8 else { return nil }
                terms.append(start..<p)
                start = p + 1
            } else if !ScalarClass.isHan(v) {
                return nil
            }
        }
        return terms.count <= 2 ? terms : nil
    }

    static func neighbour(after p: Int, _ s: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int>? {
        guard p < range.upperBound, s[p] == "、" || s[p] == "和" else { return nil }
        var e = p + 1
        while e < range.upperBound && ScalarClass.isHan(s[e]) && !separators.contains(s[e]) && s[e] != "的" && e - p <= 8 { e += 1 }
        return e > p + 1 && e - p <= 8 ? p + 1..<e : nil
    }

    static func neighbour(before p: Int, _ s: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int>? {
        guard p - 1 > range.lowerBound, s[p - 1] == "、" else { return nil }
        var b = p - 1
        while b > range.lowerBound && ScalarClass.isHan(s[b - 1]) && !separators.contains(s[b - 1]) && p - 1 - b < 8 { b -= 1 }
        // A term reaching back to a verb is not a list item of its own (增强…): only take one that a separator or
        // the start of the clause bounds.
        guard b < p - 1, b == range.lowerBound || separators.contains(s[b - 1]) || Clause.endsClause(s[b - 1].value) else { return nil }
        return b..<p - 1
    }

    /// A list term from `r` to the next separator (at most eight characters).
    static func whole(_ r: Range<Int>, _ s: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int> {
        var e = r.upperBound
        while e < range.upperBound && e - r.lowerBound < 8 && ScalarClass.isHan(s[e]) && !separators.contains(s[e]) && s[e] != "的"
            && s[e] != "等"
        { e += 1 }
        return r.lowerBound..<e
    }

    /// The formula's name right before the list, with at most 即, 是, a colon or a bracket between: the list is the
    /// formula written out.
    static func spellsOut(_ formula: KnowledgeBase.Formula, before start: Int, _ s: [Unicode.Scalar], _ sentence: Range<Int>) -> Bool {
        var p = start
        while p > sentence.lowerBound, start - p <= 4, "即是：:（(，,“”就".unicodeScalars.contains(s[p - 1]) { p -= 1 }
        return ([formula.name] + (formula.aliases ?? [])).contains { name in
            let w = Array(name.unicodeScalars)
            return p - w.count >= sentence.lowerBound && s.matches(w, at: p - w.count)
        }
    }

    private func judge(_ chain: [Item], _ s: [Unicode.Scalar], _ range: Range<Int>, _ knowledge: KnowledgeBase, _ out: inout [Diagnostic]) {
        let index = knowledge.index
        let candidates = Set(chain.flatMap { $0.forms.map(\.formula) })
        for f in candidates.sorted() {
            let formula = knowledge.formulas[f]
            let members = formula.members
            let n = members.count
            // Hits of this formula, a stem only counting when a later item carries the suffix (an earlier one the prefix).
            var hits: [(item: Int, member: Int)] = []
            for (i, item) in chain.enumerated() {
                guard let form = item.forms.first(where: { $0.formula == f }) else { continue }
                let suffixLater = form.hasSuffix || chain[(i + 1)...].contains { $0.forms.contains { $0.formula == f && $0.hasSuffix } }
                let prefixEarlier = form.hasPrefix || chain[..<i].contains { $0.forms.contains { $0.formula == f && $0.hasPrefix } }
                if suffixLater && prefixEarlier { hits.append((i, form.member)) }
            }
            let distinct = Set(hits.map(\.member))
            let k = distinct.count
            guard k >= 2 else { continue }
            let span = chain[hits.first!.item].range.lowerBound..<chain[hits.last!.item].range.upperBound
            let sentence = Clause.sentence(around: span, in: s, within: range)
            let named = ([formula.name] + (formula.aliases ?? [])).contains { Clause.contains(Array($0.unicodeScalars), in: s, sentence) }
            let affix = index.affixes[f]
            let distinctive = !affix.prefix.isEmpty || !affix.suffix.isEmpty || members.allSatisfy { $0.unicodeScalars.count >= 3 }
            let needed = named ? 2 : (distinctive ? max(3, n - 1) : max(4, n - 1))
            guard k >= needed else { continue }
            let severity = knowledge.severity(formula.status, .error)
            let official = members.joined(separator: "、")
            // Twice the same member.
            var seen = Set<Int>()
            for hit in hits where !seen.insert(hit.member).inserted {
                out.append(
                    description.diagnostic(
                        chain[hit.item].range, "“\(formula.name)”的成员“\(members[hit.member])”重复" + formula.citation,
                        severity: knowledge.severity(formula.status, .warning)))
            }
            // Other terms in the list that look like members: they share the members' prefix or suffix, or stand between members.
            let firstHit = hits.first!.item, lastHit = hits.last!.item
            // A term that begins like another formula's member (文明 of 文明自信) is the whole term.
            let terms = chain.map { Self.whole($0.range, s, range) }
            let strangers = chain.indices.filter { i in
                guard chain[i].forms.allSatisfy({ $0.formula != f }) else { return false }
                let term = Array(s[terms[i]])
                if index.outdatedMembers.contains(term) { return false }
                let inside = i > firstHit && i < lastHit
                let shaped =
                    (!affix.suffix.isEmpty && term.count > affix.suffix.count
                        && term.suffix(affix.suffix.count).elementsEqual(affix.suffix))
                    || (!affix.prefix.isEmpty && term.count > affix.prefix.count
                        && term.prefix(affix.prefix.count).elementsEqual(affix.prefix))
                return shaped || (inside && chain[i].forms.isEmpty)
            }
            let missing = (0..<n).filter { !distinct.contains($0) }
            if strangers.count == 1 && missing.count == 1 {
                let r = terms[strangers[0]]
                out.append(
                    description.diagnostic(
                        r, "“\(formula.name)”的成员是\(official)：此处应为“\(members[missing[0]])”" + formula.citation,
                        replacements: [members[missing[0]]], fix: .unsafe, severity: severity))
                continue
            }
            if named {
                for i in strangers {
                    out.append(
                        description.diagnostic(
                            terms[i], "“\(s.string(terms[i]))”不是“\(formula.name)”的成员（\(official)）" + formula.citation,
                            severity: severity))
                }
            }
            let order = hits.map(\.member)
            if zip(order, order.dropFirst()).contains(where: { $0 >= $1 }) && Set(order).count == order.count {
                out.append(
                    description.diagnostic(
                        span, "“\(formula.name)”的顺序应为：\(official)" + formula.citation,
                        severity: knowledge.severity(formula.status, .warning)))
            } else if named && strangers.isEmpty && !missing.isEmpty
                && (missing.count == 1 || Self.spellsOut(formula, before: span.lowerBound, s, sentence))
            {
                // Members left out: one of them, or any when the list spells the formula out (“四个意识”，即…).
                // Otherwise a few members are named on purpose (主要用于保就业、保基本民生、保市场主体).
                let names = missing.map { "“\(members[$0])”" }.joined(separator: "、")
                out.append(
                    description.diagnostic(span, "“\(formula.name)”缺少\(names)（全部成员：\(official)）" + formula.citation, severity: severity))
            }
        }
    }
}

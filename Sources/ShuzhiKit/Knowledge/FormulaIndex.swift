/// What the `formula` rules search for, derived once from a knowledge base: matchers over names, members, verbs,
/// known forms and fixed phrases.
final class FormulaIndex: Sendable {
    /// A name written as numeral + classifier + head (四 + 个 + 意识), so that 四种意识 or 五个意识 can be recognised.
    struct NumberedName: Sendable {
        let formula: Int
        /// What comes before the numeral (中央 of 中央八项规定), usually nothing.
        let prefix: [Unicode.Scalar]
        let numeral: [Unicode.Scalar]
        let classifier: Unicode.Scalar
        let head: [Unicode.Scalar]
    }

    /// One way a member may be written in a list: in full, or without the prefix or suffix all members share
    /// (政治、大局、核心、看齐意识; 政治判断力、领悟力、执行力).
    struct MemberForm: Sendable {
        let formula: Int
        let member: Int
        let hasPrefix: Bool
        let hasSuffix: Bool
    }

    /// Formula names and aliases; `nameOwners[k]` is the formula of keyword k.
    let names: KeywordMatcher
    let nameOwners: [Int]
    let numbered: [NumberedName]
    /// The openings (numeral and classifier: 四个) of the numbered names without a prefix, and which names (by index
    /// into `numbered`) each opens, so that a paragraph is scanned once for all of them.
    let headOpenings: KeywordMatcher
    let headOpeningNames: [[Int]]
    let heads: KeywordMatcher
    let memberForms: KeywordMatcher
    let memberFormInfo: [MemberForm]
    /// Per formula: the prefix and suffix all its members share ("" if none).
    let affixes: [(prefix: [Unicode.Scalar], suffix: [Unicode.Scalar])]
    /// Every verb of every formula, longest first at a position.
    let verbs: KeywordMatcher
    /// Known forms (wrong, style, allowed), and the kind of each.
    let forms: KeywordMatcher
    let formKinds: [KnowledgeBase.Form.Kind]
    /// Every name, form and old wording the base knows: a numbered name that is one of them is not a slip.
    let knownNames: Set<String>
    /// The fixed phrases without their punctuation (as `formula.phrase` compares them), four characters or more.
    let phraseCores: [(phrase: Int, core: [Unicode.Scalar])]
    /// The cores (by index into `phraseCores`) each character starts, and those whose second character it is.
    let phraseStarters: (first: FixedPhraseRule.ScalarIndex, second: FixedPhraseRule.ScalarIndex)
    /// Every campaign's name and aliases: most paragraphs name none, and one pass tells which to read closely.
    let campaignNames: KeywordMatcher
    /// Members of outdated formula versions (四个全面 of 2014): the `outdated` family judges those lists.
    let outdatedMembers: Set<[Unicode.Scalar]>

    init(
        formulas: [KnowledgeBase.Formula], forms: [KnowledgeBase.Form], changes: [KnowledgeBase.Change], phrases: [KnowledgeBase.Phrase],
        campaigns: [KnowledgeBase.Campaign]
    ) {
        var nameKeys: [String] = [], owners: [Int] = []
        var numbered: [NumberedName] = []
        var memberKeys: [String] = [], memberInfo: [MemberForm] = []
        var affixes: [(prefix: [Unicode.Scalar], suffix: [Unicode.Scalar])] = []
        for (f, formula) in formulas.enumerated() {
            for name in [formula.name] + (formula.aliases ?? []) {
                nameKeys.append(name)
                owners.append(f)
                let n = Array(name.unicodeScalars)
                guard let a = n.firstIndex(where: { ChineseNumeral.isNumeralCharacter($0.value) }) else { continue }
                var k = a
                while k < n.count && ChineseNumeral.isNumeralCharacter(n[k].value) { k += 1 }
                if k + 2 < n.count, Self.classifiers.contains(n[k]) {
                    numbered.append(
                        NumberedName(
                            formula: f, prefix: Array(n[..<a]), numeral: Array(n[a..<k]), classifier: n[k],
                            head: Array(n[(k + 1)...])))
                }
            }
            let members = formula.members.map { Array($0.unicodeScalars) }
            let affix = Self.commonAffixes(members)
            affixes.append(affix)
            for (m, member) in members.enumerated() {
                let stem = Array(member[affix.prefix.count..<(member.count - affix.suffix.count)])
                var seen = Set<[Unicode.Scalar]>()
                for (p, q) in [(true, true), (true, false), (false, true), (false, false)] {
                    let form = (p ? affix.prefix : []) + stem + (q ? affix.suffix : [])
                    // A bare stem of one character (稳, 保) is too common a word to stand for a member.
                    guard form.count >= 2, seen.insert(form).inserted else { continue }
                    memberKeys.append(String(String.UnicodeScalarView(form)))
                    memberInfo.append(
                        MemberForm(formula: f, member: m, hasPrefix: p || affix.prefix.isEmpty, hasSuffix: q || affix.suffix.isEmpty))
                }
            }
        }
        names = KeywordMatcher(nameKeys)
        nameOwners = owners
        self.numbered = numbered
        var openings: [String] = [], openingNames: [[Int]] = []
        for (k, name) in numbered.enumerated() where name.prefix.isEmpty {
            let opening = String(String.UnicodeScalarView(name.numeral + [name.classifier]))
            if let o = openings.firstIndex(of: opening) {
                openingNames[o].append(k)
            } else {
                openings.append(opening); openingNames.append([k])
            }
        }
        headOpenings = KeywordMatcher(openings)
        headOpeningNames = openingNames
        heads = KeywordMatcher(numbered.map { String(String.UnicodeScalarView($0.head)) })
        memberForms = KeywordMatcher(memberKeys)
        memberFormInfo = memberInfo
        self.affixes = affixes
        verbs = KeywordMatcher(Array(Set(formulas.flatMap { $0.verbs ?? [] })).sorted())
        self.forms = KeywordMatcher(forms.map(\.text))
        formKinds = forms.map(\.kind)
        knownNames = Set(formulas.flatMap { [$0.name] + ($0.aliases ?? []) } + forms.map(\.text) + changes.map(\.old))
        phraseCores = phrases.enumerated().map { ($0.offset, FixedPhraseRule.core(Array($0.element.text.unicodeScalars))) }
            .filter { $0.1.count >= 4 }
        phraseStarters = FixedPhraseRule.starters(phraseCores)
        campaignNames = KeywordMatcher(campaigns.flatMap { [$0.name] + ($0.aliases ?? []) })
        outdatedMembers = Set(
            changes.filter { $0.asFormula != nil }.flatMap {
                $0.old.split(separator: "、").map { Array($0.unicodeScalars) }
            })
    }

    static let classifiers: Set<Unicode.Scalar> = ["个", "种", "项", "大", "条"]

    /// The longest prefix and suffix every member shares, each kept only if it leaves every member a stem.
    static func commonAffixes(_ members: [[Unicode.Scalar]]) -> (prefix: [Unicode.Scalar], suffix: [Unicode.Scalar]) {
        guard members.count >= 2, let shortest = members.map(\.count).min() else { return ([], []) }
        var p = 0
        while p < shortest - 1 && members.allSatisfy({ $0[p] == members[0][p] }) { p += 1 }
        var q = 0
        while q < shortest - 1 - p && members.allSatisfy({ $0[$0.count - 1 - q] == members[0][members[0].count - 1 - q] }) { q += 1 }
        return (Array(members[0][..<p]), Array(members[0][(members[0].count - q)...]))
    }

    /// The allowed forms' spans in `range`: findings inside them are not made.
    func allowedSpans(_ s: [Unicode.Scalar], _ range: Range<Int>) -> [Range<Int>] {
        forms.matches(in: s, range).filter { formKinds[$0.keyword] == .allowed }.map(\.range)
    }
}

extension KnowledgeBase {
    /// The severity an entry may give: only verified or secondary facts make errors; unverified ones are hints.
    func severity(_ status: Status, _ wanted: Severity) -> Severity { status == .unverified ? .info : wanted }
}

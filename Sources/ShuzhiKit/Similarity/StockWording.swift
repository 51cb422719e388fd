/// Wording every report carries by duty rather than by copying: the knowledge base's formula names with their verbs
/// and member lists (增强“四个意识”, 政治意识、大局意识、核心意识、看齐意识), its verb series and its fixed phrases
/// (习近平新时代中国特色社会主义思想, 拒腐防变). A fingerprint whose gram lies mostly inside such wording is
/// boilerplate however small the batch or the store, so a sentence of formulas two reports share is shared wording,
/// not a copied passage; a copied paragraph that quotes a formula stays copied (its other fingerprints are not).
public struct StockWording: Sendable {
    let matcher: KeywordMatcher

    public static let builtIn = StockWording(KnowledgeBase.builtIn)

    public init(_ knowledge: KnowledgeBase) {
        var phrases: Set<String> = []
        func add(_ text: String) {
            let kept = Self.comparable(text)
            if kept.unicodeScalars.count >= 4 { phrases.insert(kept) }
        }
        for formula in knowledge.formulas {
            for name in [formula.name] + (formula.aliases ?? []) {
                add(name)
                for verb in formula.verbs ?? [] { add(verb + name) }
            }
            if !formula.members.isEmpty { add(formula.members.joined()) }
            for member in formula.members { add(member) }
        }
        for sequence in knowledge.sequences { add(sequence.items.map { $0.joined() }.joined()) }
        for phrase in knowledge.phrases { add(phrase.text) }
        matcher = KeywordMatcher(phrases.sorted())
    }

    /// The hashes of `prints` (fingerprints of `text` with grams of `k` characters) at least half of whose gram is
    /// stock wording.
    public func hashes(_ text: ComparableText, _ prints: [Fingerprint], k: Int) -> Set<UInt64> {
        let scalars = text.scalars.map { Unicode.Scalar($0) ?? " " }
        var stock = [Bool](repeating: false, count: scalars.count)
        matcher.forEachMatch(in: scalars, 0..<scalars.count) { match in
            for p in match.range { stock[p] = true }
        }
        // Prefix sums: how many stock characters a gram holds.
        var before = [Int](repeating: 0, count: scalars.count + 1)
        for (p, isStock) in stock.enumerated() { before[p + 1] = before[p] + (isStock ? 1 : 0) }
        var out = Set<UInt64>()
        for f in prints {
            let start = Int(f.position), end = min(scalars.count, start + k)
            guard start < end else { continue }
            if (before[end] - before[start]) * 2 >= k { out.insert(f.hash) }
        }
        return out
    }

    /// The text as `ComparableText` keeps it: Han characters, letters and digits.
    static func comparable(_ text: String) -> String {
        String(String.UnicodeScalarView(ComparableText(Array(text.unicodeScalars)).scalars.compactMap(Unicode.Scalar.init)))
    }
}

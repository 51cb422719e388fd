/// Every slip of the pen the typo rules report, found once per analysis (the finders share the
/// segmentation and the language models' pass) and settled: where two findings touch the same characters, a broken
/// idiom stands first, then the surer finding.
struct TypoFindings: Sendable {
    /// One wrong character (`typo.char`).
    let characters: [TypoFinding]
    /// A four-character idiom or set phrase with one wrong character (`typo.idiom`).
    let idioms: [TypoFinding]
    /// Wrong words of the same pinyin, swapped and dropped characters (`typo.homophone`, `typo.order`,
    /// `typo.missing-char`). Doubled words are `repeat.phrase`'s, found on their own (`WordSlipFinder`): the
    /// repeat rules need none of the typo rules' work.
    let slips: [Slip]

    /// Findings below this are not worth keeping at any threshold a user would set.
    static let floor = 0.1

    /// Logits taken from a finding whose written form the document uses elsewhere, more often than its meant form
    /// (the writer's word: a place, a project, a coined slogan), or which other documents of the batch or the store
    /// use; logits added when the meant form is written elsewhere in the document and the written one only here (a
    /// rare variant of the writer's own word). Set by hand: the development sentences stand alone.
    static let ownWordPenalty = 3.0
    static let sharedWordPenalty = 3.0
    static let variantBonus = 2.0
    /// Other documents are asked only about findings at least this sure (each question may read a store).
    static let sharedVocabularyFloor = 0.5

    /// A finding's confidence weighed with the document's own vocabulary and, when given, the shared one.
    static func weighed<W: Collection>(
        _ confidence: Double, written: W, meant: [Unicode.Scalar],
        _ analysis: Analysis
    ) -> Double where W.Element == Unicode.Scalar {
        let vocabulary = analysis.vocabulary
        let meantCount = vocabulary.count(meant)
        // What is left of a word with a character dropped (高质 of 高质量) is also counted inside the word itself.
        let writtenCount =
            vocabulary.count(written)
            - (meant.count > written.count
                && meant.indices.contains { meant[$0...].starts(with: written) } ? meantCount : 0)
        guard writtenCount > 0 || meantCount > 0 else { return confidence }
        var logits = 0.0
        // Written at least twice and more often than the reading proposed: the writer's own word (菇娘果 three
        // times in a report that also says 姑娘 once), not a slip made again and again.
        if writtenCount >= 2 && writtenCount > meantCount { logits -= ownWordPenalty }
        if meantCount >= 1 && writtenCount == 1 { logits += variantBonus }
        if meantCount == 0, let shared = analysis.sharedVocabulary,
            TypoTuning.shifted(confidence, by: logits) >= sharedVocabularyFloor,
            shared.documentsContaining(String(String.UnicodeScalarView(written)), atMost: 2) >= 2
        {
            logits -= sharedWordPenalty
        }
        return TypoTuning.shifted(confidence, by: logits)
    }

    init(_ analysis: Analysis, tuning: TypoTuning) {
        let s = analysis.scalars
        let idioms = IdiomTypoFinder().findings(analysis)
        let characters = CharacterTypoFinder(tuning: tuning).findings(analysis).compactMap { f -> TypoFinding? in
            var meant = Array(s[f.word])
            meant[f.position - f.word.lowerBound] = f.replacement
            var confidence = Self.weighed(f.confidence, written: s[f.word], meant: meant, analysis)
            if ParallelSlot.contains(s, f.position) {
                confidence = TypoTuning.shifted(confidence, by: -ParallelSlot.penalty)
            }
            return confidence >= Self.floor ? f.with(confidence: confidence) : nil
        }
        let slips = WordSlipFinder(weights: tuning.slips, evidence: tuning.evidence).findings(
            analysis, kinds: [.homophoneWord, .reorder, .missing],
            floor: Self.floor
        ).compactMap { slip -> Slip? in
            let confidence = Self.weighed(slip.confidence, written: s[slip.shown], meant: slip.meant(s), analysis)
            return confidence >= Self.floor ? slip.with(confidence: confidence) : nil
        }
        // An insertion takes the characters either side of it.
        func footprint(_ range: Range<Int>) -> Range<Int> { range.isEmpty ? range.lowerBound - 1..<range.lowerBound + 1 : range }
        var taken = idioms.map { $0.position..<$0.position + 1 }
        func free(_ span: Range<Int>) -> Bool { !taken.contains { $0.overlaps(footprint(span)) } }
        enum Candidate { case character(TypoFinding), slip(Slip) }
        var all =
            characters.map { (confidence: $0.confidence, item: Candidate.character($0)) }
            + slips.map { (confidence: $0.confidence, item: Candidate.slip($0)) }
        all.sort { $0.confidence > $1.confidence }
        var keptCharacters: [TypoFinding] = [], keptSlips: [Slip] = []
        for (_, item) in all {
            switch item {
            case .character(let f):
                let span = f.position..<f.position + 1
                guard free(span) else { continue }
                taken.append(span)
                keptCharacters.append(f)
            case .slip(let slip):
                guard free(slip.range) else { continue }
                // The same change as a wrong character found (布署 → 部署) is that character's to report.
                if slip.kind == .homophoneWord,
                    characters.contains(where: { f in
                        slip.range.contains(f.position) && slip.replacement[f.position - slip.range.lowerBound] == f.replacement
                            && zip(slip.range, slip.replacement).allSatisfy { $0 == f.position || s[$0] == $1 }
                    })
                {
                    continue
                }
                taken.append(footprint(slip.range))
                keptSlips.append(slip)
            }
        }
        self.idioms = idioms
        self.characters = keptCharacters.sorted { $0.position < $1.position }
        self.slips = keptSlips.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }
}

/// Parallel coinages, which official writing loves: 稳油、稳钢、稳车; 田长、林长、河湖长; 提力提速, 谋深谋实. The
/// character that varies between the members is the writer's choice, and a correction there — 稳钢 → 稳岗, because
/// 稳岗 is the commoner word — is usually wrong.
enum ParallelSlot {
    /// Logits taken from a correction of a character that varies between parallel members.
    static let penalty = 2.0

    /// Whether the character at p varies between parallel members: A X A Y within four characters (p is X or Y), or
    /// a list member (between 、) that a neighbouring member of the same length matches at every other position.
    static func contains(_ s: [Unicode.Scalar], _ p: Int) -> Bool {
        func han(_ q: Int) -> Bool { q >= 0 && q < s.count && ScalarClass.isHan(s[q].value) }
        func shared(_ a: Int, _ b: Int) -> Bool {
            han(a) && han(b) && s[a] == s[b] && !FunctionWordContext.characters.contains(s[a].value)
        }
        guard han(p) else { return false }
        // A X A Y: p is X (its neighbours are the two A's) or Y (the A's are p − 1 and p − 3).
        if han(p + 2) && shared(p - 1, p + 1) && s[p] != s[p + 2] { return true }
        if han(p - 2) && shared(p - 1, p - 3) && s[p] != s[p - 2] { return true }
        // The list member around p, and its neighbours across 、.
        var start = p, end = p + 1
        while han(start - 1) { start -= 1 }
        while han(end) { end += 1 }
        let length = end - start
        guard (2...4).contains(length) else { return false }
        func matches(_ other: Int) -> Bool {
            guard other >= 0, other + length <= s.count, (other..<other + length).allSatisfy(han),
                !han(other - 1), !han(other + length)
            else { return false }
            return (0..<length).allSatisfy { k in start + k == p ? s[other + k] != s[p] : s[other + k] == s[start + k] }
        }
        let before = start - 1, after = end
        return (before >= 0 && s[before] == "、" && matches(before - length))
            || (after < s.count && s[after] == "、" && matches(after + 1))
    }
}

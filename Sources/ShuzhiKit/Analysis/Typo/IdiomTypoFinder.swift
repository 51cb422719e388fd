/// Broken idioms and set phrases: four Han characters that are not a common word but become a known idiom (jieba's
/// i entries) when one character is replaced by a confusable one (再接再励 → 再接再厉, 迫不急待 → 迫不及待).
struct IdiomTypoFinder: Sendable {
    /// The idiom must be this much more frequent than the four characters as written (cost units, −ln p × 10).
    static let margin = 30
    private let lexicon = Lexicon.shared

    func findings(_ analysis: Analysis) -> [TypoFinding] {
        let s = analysis.scalars
        var out: [TypoFinding] = []
        analysis.forEachParagraph { range, words in
            guard range.count >= 4 else { return }
            let open = CharacterTypoFinder.openPositions(
                s, range, words,
                protectedWordCost: TypoTuning.standard.protectedWordCost)
            var p = range.lowerBound
            while p + 4 <= range.upperBound {
                guard (p..<p + 4).allSatisfy({ ScalarClass.isHan(s[$0].value) }),
                    let finding = check(s, p, range, { open[$0 - range.lowerBound] })
                else { p += 1; continue }
                out.append(finding)
                p += 4
            }
        }
        return out
    }

    /// How much likelier (log10) the formal model must find the text with the idiom than as written. The written
    /// four characters may be two words the writer meant (彻底清除 beside the idiom 彻底消除, 土耳其队 beside
    /// 土耳其人), which modern prose writes as often as the idiom; a broken idiom (再接再励) is a string it never
    /// writes. On the tune part the broken idioms found gain 6.5 or more; in the corpus's whole documents, written phrases
    /// like those above gain −7 to +0.9.
    static let minimumModelGain: Float = 1

    /// Idioms (jieba's i) at most this costly: ~50 occurrences or more in jieba's counts.
    static let maximumIdiomCost = 150

    private func check(_ s: [Unicode.Scalar], _ p: Int, _ range: Range<Int>, _ isOpen: (Int) -> Bool) -> TypoFinding? {
        // The four characters as written, read in place: most windows have no completion, and only one that does
        // is copied (`four`, with the candidate put in).
        let window = s[p..<p + 4]
        var four: [Unicode.Scalar] = []
        // Looked up only when some completion exists (rarely), on the characters as written.
        lazy var writtenCost = lexicon.entry(window)?.cost ?? Lexicon.unknownCost
        var best: TypoFinding?
        var bestCost = Int.max
        for k in 0..<4 where isOpen(p + k) {
            let written = window[p + k]
            lexicon.idiomCompletions(window, blank: k) { candidate in
                guard candidate != written else { return }
                let kind = lexicon.confusion(written, candidate)
                guard !kind.isEmpty else { return }
                if four.isEmpty { four = Array(window) }
                four[k] = candidate
                defer { four[k] = written }
                guard let entry = lexicon.entry(four), entry.tag == "i", entry.cost <= Self.maximumIdiomCost,
                    entry.cost + Self.margin <= writtenCost, entry.cost < bestCost,
                    modelGain(s, range, p + k, candidate) >= Self.minimumModelGain
                else { return }
                let cost = entry.cost
                bestCost = cost
                let confidence =
                    kind.contains(.sameSoundSameTone) || kind.contains(.sameSoundOtherTone)
                    ? 0.95
                    : kind.contains(.similarShape) ? 0.9 : 0.8
                best = TypoFinding(
                    position: p + k, replacement: candidate, confidence: confidence, kind: kind,
                    word: p..<p + 4)
            }
        }
        return best
    }

    /// log10 P(text with `candidate` at q) − log10 P(text as written), over the four-grams that see q (asked only of
    /// a candidate that passed every other test: a few per report).
    private func modelGain(_ s: [Unicode.Scalar], _ range: Range<Int>, _ q: Int, _ candidate: Unicode.Scalar) -> Float {
        let model = LanguageModel.shared
        func token(_ i: Int) -> LanguageModel.Token {
            i < range.lowerBound ? LanguageModel.begin : i >= range.upperBound ? LanguageModel.end : model.token(s[i])
        }
        func withCandidate(_ i: Int) -> LanguageModel.Token { i == q ? model.token(candidate) : token(i) }
        var written: Float = 0, edited: Float = 0
        for k in q...min(q + model.order - 1, range.upperBound) {
            written += model.logProb(token(k - 3), token(k - 2), token(k - 1), token(k))
            edited += model.logProb(withCandidate(k - 3), withCandidate(k - 2), withCandidate(k - 1), withCandidate(k))
        }
        return edited - written
    }
}

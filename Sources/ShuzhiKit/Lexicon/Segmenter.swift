/// A word of the segmentation: its scalar range in the document and what the dictionary says about it.
public struct Word: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// In the dictionary (or the user's words), with its cost (−ln p × 10) and part-of-speech tag index.
        case known(cost: Int, tag: Int)
        /// A Han character the dictionary does not know on its own.
        case unknown
        case number, latin, punctuation
    }

    public let range: Range<Int>
    public let kind: Kind

    public var cost: Int? { if case .known(let c, _) = kind { c } else { nil } }
    public var tag: String? { if case .known(_, let t) = kind { Lexicon.shared.tag(t) } else { nil } }
}

/// Maximum-probability segmentation over the dictionary (jieba's method): every dictionary word starting at each
/// position forms a DAG, and dynamic programming picks the path of least total cost. Digits, Latin letters and
/// punctuation are tokens of their own; the user's words (`[words] allow` in the configuration) count as frequent words.
public struct Segmenter: Sendable {
    /// Cost of a user word: as frequent as a common dictionary word.
    static let userWordCost = 80
    static let userTag = -1
    /// The dictionary alone.
    static let plain = Segmenter()

    private let lexicon: Lexicon
    private let userWords: [UInt64: Int]
    private let maxLength: Int

    public init(lexicon: Lexicon = .shared, userWords: [String] = []) {
        self.lexicon = lexicon
        var table: [UInt64: Int] = [:]
        var longest = Lexicon.maxWordLength
        for word in userWords where !word.isEmpty {
            table[LexiconHash.text(word.unicodeScalars)] = word.unicodeScalars.count
            longest = max(longest, word.unicodeScalars.count)
        }
        self.userWords = table
        self.maxLength = longest
    }

    /// The words of `scalars[range]`.
    public func segment(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> [Word] {
        var words: [Word] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let v = scalars[i].value
            if ScalarClass.isHan(v) {
                var j = i
                while j < range.upperBound && ScalarClass.isHan(scalars[j].value) { j += 1 }
                segmentHan(scalars, i..<j, into: &words)
                i = j
            } else if ScalarClass.isArabicDigit(v) {
                var j = i + 1
                while j < range.upperBound,
                    ScalarClass.isASCIIDigit(scalars[j].value)
                        || ScalarClass.isFullwidthDigit(scalars[j].value) || scalars[j] == "."
                { j += 1 }
                words.append(Word(range: i..<j, kind: .number))
                i = j
            } else if ScalarClass.isASCIILetter(v) || ScalarClass.isFullwidthLetter(v) {
                var j = i + 1
                while j < range.upperBound,
                    ScalarClass.isASCIILetter(scalars[j].value)
                        || ScalarClass.isFullwidthLetter(scalars[j].value)
                { j += 1 }
                words.append(Word(range: i..<j, kind: .latin))
                i = j
            } else {
                if !ScalarClass.isInlineSpace(v) && v != 0x0A && v != 0x0D {
                    words.append(Word(range: i..<i + 1, kind: .punctuation))
                }
                i += 1
            }
        }
        return words
    }

    /// Dynamic programming from the right: best[i] is the least cost of segmenting run[i...].
    private func segmentHan(_ scalars: [Unicode.Scalar], _ run: Range<Int>, into words: inout [Word]) {
        let n = run.count
        var best = [Int](repeating: 0, count: n + 1)
        var choice = [(length: Int, kind: Word.Kind)](repeating: (1, .unknown), count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var bestCost = Lexicon.unknownCost + best[i + 1]
            var bestChoice: (Int, Word.Kind) = (1, .unknown)
            var h = LexiconHash.seed
            let limit = min(maxLength, n - i)
            for length in 1...limit {
                h = LexiconHash.step(h, scalars[run.lowerBound + i + length - 1].value)
                let hash = LexiconHash.mix(h)
                var found: (cost: Int, tag: Int)?
                if !userWords.isEmpty, userWords[hash] == length {
                    found = (Self.userWordCost, Self.userTag)
                } else if length <= Lexicon.maxWordLength {
                    found = lexicon.entry(hash: hash)
                }
                if let (cost, tag) = found, cost + best[i + length] < bestCost {
                    bestCost = cost + best[i + length]
                    bestChoice = (length, .known(cost: cost, tag: tag))
                }
            }
            best[i] = bestCost
            choice[i] = bestChoice
        }
        var i = 0
        while i < n {
            let (length, kind) = choice[i]
            words.append(Word(range: run.lowerBound + i..<run.lowerBound + i + length, kind: kind))
            i += length
        }
    }

    /// The least segmentation cost of a short run of Han scalars (for comparing a candidate correction with the
    /// text as written, without building words).
    func cost(of run: UnsafeBufferPointer<Unicode.Scalar>) -> Int { suffixCosts(of: run)[0] }

    /// The suffix costs of a run: `suffix[i]` is the least cost of segmenting run[i...]. A candidate that changes
    /// only run[k] leaves suffix[k+1...] as they are, so `cost(of:changedAt:reusing:)` recomputes just the front.
    func suffixCosts(of run: UnsafeBufferPointer<Unicode.Scalar>) -> [Int] {
        var suffix = [Int](repeating: 0, count: run.count + 1)
        fill(&suffix, run, from: run.count - 1)
        return suffix
    }

    func cost(of run: UnsafeBufferPointer<Unicode.Scalar>, changedAt k: Int, reusing suffix: [Int]) -> Int {
        var front = suffix
        fill(&front, run, from: k)
        return front[0]
    }

    private func fill(_ best: inout [Int], _ run: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) {
        let n = run.count
        guard n > 0 else { return }
        best[n] = 0
        for i in stride(from: start, through: 0, by: -1) {
            var bestCost = Lexicon.unknownCost + best[i + 1]
            var h = LexiconHash.seed
            for length in 1...min(Lexicon.maxWordLength, n - i) {
                h = LexiconHash.step(h, run[i + length - 1].value)
                let hash = LexiconHash.mix(h)
                let cost =
                    userWords.isEmpty || userWords[hash] != length
                    ? lexicon.entry(hash: hash)?.cost : Self.userWordCost
                if let cost, cost + best[i + length] < bestCost { bestCost = cost + best[i + length] }
            }
            best[i] = bestCost
        }
    }
}

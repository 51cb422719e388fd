/// How often the document writes each string of two to four Han characters — the report's own vocabulary. A word the
/// writer uses again and again (a place, a project, a coined slogan: 艳湖社区 ×3, 稳钢 ×2) is theirs, not a slip; a
/// string written once beside a like word written elsewhere (接治 once, 接洽 three times) is the suspect one.
///
/// The counts are hashes of the strings in one sorted array, built on first use (a 5,000-character report holds
/// about 15,000 of them).
struct DocumentVocabulary: Sendable {
    private let hashes: [UInt64]

    static let lengths = 2...4

    init(_ scalars: [Unicode.Scalar]) { hashes = Self.stringHashes(scalars).sorted() }

    /// The hash of every string of two to four Han characters in the text, one per occurrence, in text order.
    static func stringHashes(_ scalars: [Unicode.Scalar]) -> [UInt64] {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(scalars.count * lengths.count)
        var start = 0
        while start < scalars.count {
            guard ScalarClass.isHan(scalars[start].value) else { start += 1; continue }
            var end = start
            while end < scalars.count && ScalarClass.isHan(scalars[end].value) { end += 1 }
            for i in start..<end {
                var h = LexiconHash.seed
                for length in 1...lengths.upperBound where i + length <= end {
                    h = LexiconHash.step(h, scalars[i + length - 1].value)
                    if length >= lengths.lowerBound { hashes.append(LexiconHash.mix(h)) }
                }
            }
            start = end
        }
        return hashes
    }

    /// How many times the document writes `text` (two to four Han characters; 0 for anything else).
    func count<C: Collection>(_ text: C) -> Int where C.Element == Unicode.Scalar {
        guard Self.lengths.contains(text.count) else { return 0 }
        let h = LexiconHash.text(text)
        let lo = hashes.firstIndex(notBelow: h)
        var n = 0
        while lo + n < hashes.count && hashes[lo + n] == h { n += 1 }
        return n
    }
}

/// Strings other documents use — the other reports of a batch, or the reports of the corpus store — consulted for
/// the few typo findings sure enough to report: an organisation's own words (a project, a place, a slogan) are its
/// dictionary.
public protocol SharedVocabulary: Sendable {
    /// How many documents other than the one being checked write `text` (counting may stop at `atMost`).
    func documentsContaining(_ text: String, atMost: Int) -> Int
}

extension [UInt64] {
    /// In a sorted array, the first index whose value is not below `value` (the count when none is).
    func firstIndex(notBelow value: UInt64) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// A passage of one text found again in another: where it is in each (offsets into the comparable texts) and how
/// much of it is character-for-character the same.
public struct AlignedPassage: Sendable, Equatable {
    public var query: Range<Int>
    public var source: Range<Int>
    /// Characters of `query` inside exact matches; the rest are edits, reordered or inserted words.
    public var matched: Int

    public init(query: Range<Int>, source: Range<Int>, matched: Int) {
        self.query = query
        self.source = source
        self.matched = matched
    }
}

/// Finds the passages two comparable texts share: exact matches of at least `seed` characters, each extended to its
/// full length, then chained into passages across small edits. A passage copied with a few characters changed, its
/// clauses reordered or its punctuation redone comes out as one passage, not as a scatter of fragments.
public enum PassageAligner {
    public struct Parameters: Sendable, Equatable {
        /// The shortest exact match that counts (the fingerprint gram length, so what the store finds is aligned).
        public var seed: Int
        /// The longest stretch of changed or inserted characters between two matches of one passage.
        public var gap: Int
        /// How far back in the source a match may start and still join a passage (clauses moved within it).
        public var reorder: Int
        /// Repeated grams: a gram found more often than this in the source seeds nothing (it is a refrain, not a passage).
        public var maxRepeats: Int

        public init(seed: Int = Winnowing.defaultK, gap: Int = 50, reorder: Int = 200, maxRepeats: Int = 24) {
            self.seed = seed
            self.gap = gap
            self.reorder = reorder
            self.maxRepeats = maxRepeats
        }
    }

    public static func align(_ query: ComparableText, _ source: ComparableText, parameters: Parameters = Parameters()) -> [AlignedPassage] {
        chain(exactMatches(query.scalars, source.scalars, seed: parameters.seed, maxRepeats: parameters.maxRepeats), parameters: parameters)
    }

    /// Every maximal exact match of at least `seed` characters, each found once (seeds inside a match already
    /// extended on the same diagonal are skipped), ordered by where it starts in the query.
    static func exactMatches(_ q: [UInt32], _ s: [UInt32], seed: Int, maxRepeats: Int) -> [AlignedPassage] {
        let sh = Winnowing.gramHashes(s, k: seed)
        let qh = Winnowing.gramHashes(q, k: seed)
        guard !sh.isEmpty, !qh.isEmpty else { return [] }
        // Positions of each source gram as linked lists: head by hash, then `next`.
        var head: [UInt64: Int32] = [:]
        head.reserveCapacity(sh.count)
        var count: [UInt64: Int32] = [:]
        var next = [Int32](repeating: -1, count: sh.count)
        for j in stride(from: sh.count - 1, through: 0, by: -1) {
            next[j] = head[sh[j]] ?? -1
            head[sh[j]] = Int32(j)
            count[sh[j], default: 0] += 1
        }
        var coveredUntil: [Int: Int] = [:]
        var out: [AlignedPassage] = []
        for i in 0..<qh.count {
            guard var j32 = head[qh[i]], Int(count[qh[i]] ?? 0) <= maxRepeats else { continue }
            while j32 >= 0 {
                let j = Int(j32)
                j32 = next[j]
                let diagonal = j - i
                if let end = coveredUntil[diagonal], end > i { continue }
                // Hash equality is checked against the characters, so a collision never makes a match.
                var equal = true
                for t in 0..<seed where q[i + t] != s[j + t] {
                    equal = false
                    break
                }
                guard equal else { continue }
                var a = i, b = j
                while a > 0 && b > 0 && q[a - 1] == s[b - 1] { a -= 1; b -= 1 }
                var e = i + seed, f = j + seed
                while e < q.count && f < s.count && q[e] == s[f] { e += 1; f += 1 }
                coveredUntil[diagonal] = e
                out.append(AlignedPassage(query: a..<e, source: b..<f, matched: e - a))
            }
        }
        return out.sorted { ($0.query.lowerBound, $0.source.lowerBound) < ($1.query.lowerBound, $1.source.lowerBound) }
    }

    /// Joins matches that follow each other in the query within `gap` characters and lie near each other in the
    /// source (after it within `gap`, or up to `reorder` before its end for moved clauses). Where two passages claim
    /// the same stretch of the query (the source repeats itself), the one with more matched characters stays.
    static func chain(_ matches: [AlignedPassage], parameters p: Parameters) -> [AlignedPassage] {
        var passages: [AlignedPassage] = []
        // Characters of the query already counted as matched in each passage (matches may overlap in the query).
        var matchedUntil: [Int] = []
        var open: [Int] = []
        for m in matches {
            var best = -1
            var bestDistance = Int.max
            open.removeAll { passages[$0].query.upperBound + p.gap < m.query.lowerBound }
            for index in open {
                let passage = passages[index]
                let nearInSource =
                    m.source.lowerBound <= passage.source.upperBound + p.gap
                    && m.source.upperBound >= passage.source.lowerBound - p.reorder
                    && m.source.lowerBound >= passage.source.lowerBound - p.reorder
                guard nearInSource else { continue }
                let distance =
                    max(0, m.query.lowerBound - passage.query.upperBound)
                    + abs(m.source.lowerBound - passage.source.upperBound)
                if distance < bestDistance {
                    best = index
                    bestDistance = distance
                }
            }
            if best < 0 {
                passages.append(m)
                matchedUntil.append(m.query.upperBound)
                open.append(passages.count - 1)
                continue
            }
            var passage = passages[best]
            passage.matched += max(0, m.query.upperBound - max(m.query.lowerBound, matchedUntil[best]))
            matchedUntil[best] = max(matchedUntil[best], m.query.upperBound)
            passage.query = passage.query.lowerBound..<max(passage.query.upperBound, m.query.upperBound)
            passage.source = min(passage.source.lowerBound, m.source.lowerBound)..<max(passage.source.upperBound, m.source.upperBound)
            passages[best] = passage
        }
        // Strongest first; a passage mostly inside the query span of a stronger one is the same text found twice.
        let ranked = passages.sorted { ($0.matched, $1.query.lowerBound) > ($1.matched, $0.query.lowerBound) }
        var kept: [AlignedPassage] = []
        for passage in ranked {
            let shadowed = kept.contains { other in
                let overlap = min(other.query.upperBound, passage.query.upperBound) - max(other.query.lowerBound, passage.query.lowerBound)
                return overlap * 2 > passage.query.count
            }
            if !shadowed { kept.append(passage) }
        }
        return kept.sorted { $0.query.lowerBound < $1.query.lowerBound }
    }
}

/// A passage one text shares with another, in the offsets a user sees: scalar offsets into each original text.
public struct SharedPassage: Sendable, Equatable {
    /// Where it is in the text being checked.
    public var query: Range<Int>
    /// Where it is in the other text.
    public var source: Range<Int>
    /// Characters of the passage in the checked text, punctuation and spacing not counted.
    public var length: Int
    /// Of those, the characters that are exactly the same in both (the rest were edited).
    public var matched: Int
    /// The share (0…1) of the passage made of wording many documents in the store hold: the formulas every report uses.
    public var boilerplate: Double
    /// Stored documents other than the source that hold most of the passage too (0 when compared without a store).
    public var otherDocuments: Int
    public var verdict: Verdict

    public enum Verdict: String, Sendable, Codable {
        /// Long and particular to these two texts: one was copied from the other (or both from a third).
        case copied
        /// Stock official wording, or too short to say: shared, not copied.
        case sharedWording = "shared-wording"
        /// Long and particular, but from the same author's own report: their words reused, not someone else's.
        case ownWords = "own-words"
    }

    public init(
        query: Range<Int>, source: Range<Int>, length: Int, matched: Int, boilerplate: Double, otherDocuments: Int = 0, verdict: Verdict
    ) {
        self.query = query
        self.source = source
        self.length = length
        self.matched = matched
        self.boilerplate = boilerplate
        self.otherDocuments = otherDocuments
        self.verdict = verdict
    }
}

/// When a shared passage counts as copied. The figures are measured, not guessed: see BENCHMARKS.md ("Copying").
public struct CopyPolicy: Sendable, Equatable {
    /// The fewest characters, identical in both texts, of a passage called copied: a sentence of stock wording with
    /// its figures changed is shared wording, however long.
    public var minimumLength: Int
    /// A passage with more than this share of boilerplate is shared wording, however long.
    public var maximumBoilerplate: Double
    /// A fingerprint held by at least this share of the store's documents (and at least `boilerplateFloor` of them)
    /// is boilerplate.
    public var boilerplateShare: Double
    public var boilerplateFloor: Int
    /// A passage that this many stored documents besides its source also hold is wording in common use.
    public var maximumOtherDocuments: Int
    /// Another document holds a passage when its own passages cover at least this share of it.
    public var holdingShare: Double

    public init(
        minimumLength: Int = 40, maximumBoilerplate: Double = 0.5, boilerplateShare: Double = 0.002, boilerplateFloor: Int = 3,
        maximumOtherDocuments: Int = 1, holdingShare: Double = 0.5
    ) {
        self.minimumLength = minimumLength
        self.maximumBoilerplate = maximumBoilerplate
        self.boilerplateShare = boilerplateShare
        self.boilerplateFloor = boilerplateFloor
        self.maximumOtherDocuments = maximumOtherDocuments
        self.holdingShare = holdingShare
    }

    /// The document frequency from which a fingerprint is boilerplate, in a store of `documents`.
    public func boilerplateThreshold(documents: Int) -> Int {
        max(boilerplateFloor, Int((Double(documents) * boilerplateShare).rounded(.up)))
    }

    public func verdict(matched: Int, boilerplate: Double, otherDocuments: Int = 0) -> SharedPassage.Verdict {
        matched >= minimumLength && boilerplate <= maximumBoilerplate && otherDocuments < maximumOtherDocuments ? .copied : .sharedWording
    }
}

/// Two texts compared: the passages they share, with the share of each text they cover.
public struct TextComparison: Sendable {
    public let passages: [SharedPassage]
    /// Comparable characters of each text.
    public let queryLength: Int
    public let sourceLength: Int
    /// The share of each text inside copied passages.
    public let queryCopied: Double
    public let sourceCopied: Double

    /// Compares `query` with `source`. From a store come which of the query's fingerprint hashes are common wording
    /// (`boilerplate`) and, for each passage (by its range in the comparable query), how many other stored
    /// documents hold it too (`otherDocuments`).
    public init(
        query: ComparableText, source: ComparableText, policy: CopyPolicy = CopyPolicy(),
        parameters: PassageAligner.Parameters = PassageAligner.Parameters(),
        queryFingerprints: [Fingerprint] = [], boilerplate: Set<UInt64> = [],
        otherDocuments: (Range<Int>) -> Int = { _ in 0 }
    ) {
        self.init(
            query: query, source: source, aligned: PassageAligner.align(query, source, parameters: parameters), policy: policy,
            queryFingerprints: queryFingerprints, boilerplate: boilerplate, otherDocuments: otherDocuments)
    }

    /// The same from passages already aligned.
    public init(
        query: ComparableText, source: ComparableText, aligned: [AlignedPassage], policy: CopyPolicy,
        queryFingerprints: [Fingerprint], boilerplate: Set<UInt64>, otherDocuments: (Range<Int>) -> Int
    ) {
        passages = aligned.map { a in
            let share = Self.boilerplateShare(a.query, fingerprints: queryFingerprints, boilerplate: boilerplate)
            let others = otherDocuments(a.query)
            return SharedPassage(
                query: query.originalRange(a.query), source: source.originalRange(a.source), length: a.query.count,
                matched: a.matched, boilerplate: share, otherDocuments: others,
                verdict: policy.verdict(matched: a.matched, boilerplate: share, otherDocuments: others))
        }
        queryLength = query.count
        sourceLength = source.count
        let copied = zip(aligned, passages).filter { $0.1.verdict == .copied }.map(\.0)
        queryCopied = query.count == 0 ? 0 : Double(Self.covered(copied.map(\.query))) / Double(query.count)
        sourceCopied = source.count == 0 ? 0 : Double(Self.covered(copied.map(\.source))) / Double(source.count)
    }

    /// The share of the fingerprints inside `range` whose hash is boilerplate (0 when none fall inside).
    public static func boilerplateShare(_ range: Range<Int>, fingerprints: [Fingerprint], boilerplate: Set<UInt64>) -> Double {
        guard !boilerplate.isEmpty else { return 0 }
        var inside = 0, common = 0
        for f in fingerprints where range.contains(Int(f.position)) {
            inside += 1
            if boilerplate.contains(f.hash) { common += 1 }
        }
        return inside == 0 ? 0 : Double(common) / Double(inside)
    }

    /// Characters covered by the union of `ranges`.
    public static func covered(_ ranges: [Range<Int>]) -> Int {
        var total = 0, end = Int.min
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let start = max(r.lowerBound, end)
            if r.upperBound > start { total += r.upperBound - start }
            end = max(end, r.upperBound)
        }
        return total
    }
}

/// A batch of reports compared with each other, for the reviewer who reads a stack of them: which pairs share copied
/// passages, how much of each report they cover, and the groups (clusters) of reports linked by copying.
///
/// Within a batch nothing but the batch says what is common: wording held by at least half of the reports (and at
/// least `CopyPolicy.boilerplateFloor` of them) is official wording everyone uses; a store given as reference
/// (`commonHashes`) adds what is common there. Unlike a check against the store, a passage three reports share is
/// copying in each pair, not "wording in common use": the matrix is where a template passed round an office shows.
public struct BatchSimilarity: Sendable {
    /// Two reports that share at least one passage.
    public struct Pair: Sendable {
        public let first: Int
        public let second: Int
        /// The shared passages, `query` in the first report and `source` in the second (original offsets).
        public let passages: [SharedPassage]
        /// The share of each report inside passages copied between the two.
        public let firstCopied: Double
        public let secondCopied: Double
        /// The larger of the two shares: how strongly the pair is linked.
        public var strength: Double { max(firstCopied, secondCopied) }
        public var copiedPassages: Int { passages.filter { $0.verdict == .copied }.count }
    }

    public let count: Int
    /// Pairs with at least one shared passage, the most strongly linked first.
    public let pairs: [Pair]
    /// `copied[i][j]`: the share of report i inside passages copied between i and j.
    public let copied: [[Double]]
    /// The share of each report inside passages copied between it and any other report of the batch.
    public let copiedShare: [Double]
    /// The share of each report inside official wording the batch (or the reference store) shares.
    public let sharedWordingShare: [Double]
    /// Groups of two or more reports linked, directly or through each other, by copying that covers at least
    /// `linkShare` of one of a pair; the largest first, each in batch order.
    public let clusters: [[Int]]
    /// Batch positions in heatmap order: the clusters' members together, then the rest.
    public let order: [Int]

    /// Fingerprints and candidate pairs of a batch, before any alignment: the cheap part, done at once.
    public struct Index: Sendable {
        public let texts: [ComparableText]
        let prints: [[Fingerprint]]
        let boilerplate: Set<UInt64>
        let scheme: FingerprintScheme
        /// Pairs (i < j) that share at least `minimumSharedFingerprints` fingerprints that are not common wording.
        public let candidates: [(Int, Int)]

        public init(
            _ texts: [ComparableText], scheme: FingerprintScheme = .standard, policy: CopyPolicy = CopyPolicy(),
            commonHashes: Set<UInt64> = [], batchCommonShare: Double = 0.5, minimumSharedFingerprints: Int = 2
        ) {
            self.texts = texts
            self.scheme = scheme
            prints = texts.map { Winnowing.fingerprints($0, scheme: scheme) }
            var holders: [UInt64: [Int32]] = [:]
            for (i, p) in prints.enumerated() {
                for hash in Set(p.map(\.hash)) { holders[hash, default: []].append(Int32(i)) }
            }
            let threshold = max(policy.boilerplateFloor, Int((Double(texts.count) * batchCommonShare).rounded(.up)))
            var boilerplate = Set<UInt64>()
            // The knowledge base's formulas and fixed phrases are shared wording in any batch, however small.
            var stock = Set<UInt64>()
            for (text, p) in zip(texts, prints) { stock.formUnion(StockWording.builtIn.hashes(text, p, k: scheme.k)) }
            var shared: [Int: Int] = [:]  // i * count + j → rare fingerprints in common
            for (hash, documents) in holders {
                if documents.count >= threshold || commonHashes.contains(hash) || stock.contains(hash) {
                    boilerplate.insert(hash)
                    continue
                }
                guard documents.count >= 2 else { continue }
                for a in 0..<documents.count {
                    for b in (a + 1)..<documents.count { shared[Int(documents[a]) * texts.count + Int(documents[b]), default: 0] += 1 }
                }
            }
            self.boilerplate = boilerplate
            candidates = shared.filter { $0.value >= minimumSharedFingerprints }.keys.sorted().map { ($0 / texts.count, $0 % texts.count) }
        }

        /// The two reports of a candidate pair aligned: the expensive part, one pair at a time.
        public func compare(_ i: Int, _ j: Int, parameters: PassageAligner.Parameters = PassageAligner.Parameters()) -> Comparison {
            var parameters = parameters
            parameters.seed = scheme.k
            return Comparison(first: i, second: j, aligned: PassageAligner.align(texts[i], texts[j], parameters: parameters))
        }
    }

    /// One candidate pair aligned, in comparable offsets.
    public struct Comparison: Sendable {
        let first: Int
        let second: Int
        let aligned: [AlignedPassage]
    }

    /// The batch from its index and every candidate pair aligned. A passage that more than `batchOtherShare` of the
    /// batch (and at least `CopyPolicy.boilerplateFloor` reports) hold besides the pair is wording in common use,
    /// like the thanks every government report ends with; fewer, and it is a passage passed round. `linkShare` is
    /// the copied share of either report from which a pair joins a cluster.
    public init(
        _ index: Index, comparisons: [Comparison], policy: CopyPolicy = CopyPolicy(), batchOtherShare: Double = 0.2,
        linkShare: Double = 0.05
    ) {
        let n = index.texts.count
        count = n
        var policy = policy
        policy.maximumOtherDocuments = max(policy.boilerplateFloor, Int((Double(n) * batchOtherShare).rounded(.up)))
        // For each report, the passages every other report shares with it, in its own comparable offsets.
        var sharedWith = Array(repeating: [Int: [Range<Int>]](), count: n)
        for c in comparisons {
            sharedWith[c.first][c.second, default: []] += c.aligned.map(\.query)
            sharedWith[c.second][c.first, default: []] += c.aligned.map(\.source)
        }
        func holders(_ range: Range<Int>, in report: Int, besides other: Int) -> Int {
            let needed = Int((Double(range.count) * policy.holdingShare).rounded(.up))
            return sharedWith[report].filter { $0.key != other && TextComparison.covered($0.value.map { $0.clamped(to: range) }) >= needed }
                .count
        }
        var copied = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        var copiedRanges = Array(repeating: [Range<Int>](), count: n)
        var wordingRanges = Array(repeating: [Range<Int>](), count: n)
        var pairs: [Pair] = []
        for c in comparisons where !c.aligned.isEmpty {
            let sources = Dictionary(c.aligned.map { ($0.query, $0.source) }, uniquingKeysWith: { a, _ in a })
            // Held by others on either side: the larger count.
            let t = TextComparison(
                query: index.texts[c.first], source: index.texts[c.second], aligned: c.aligned, policy: policy,
                queryFingerprints: index.prints[c.first], boilerplate: index.boilerplate,
                otherDocuments: { range in
                    max(
                        holders(range, in: c.first, besides: c.second),
                        sources[range].map { holders($0, in: c.second, besides: c.first) } ?? 0)
                })
            copied[c.first][c.second] = t.queryCopied
            copied[c.second][c.first] = t.sourceCopied
            for (a, p) in zip(c.aligned, t.passages) {
                if p.verdict == .copied {
                    copiedRanges[c.first].append(a.query)
                    copiedRanges[c.second].append(a.source)
                } else {
                    wordingRanges[c.first].append(a.query)
                    wordingRanges[c.second].append(a.source)
                }
            }
            pairs.append(
                Pair(first: c.first, second: c.second, passages: t.passages, firstCopied: t.queryCopied, secondCopied: t.sourceCopied))
        }
        let k = index.scheme.k
        func share(_ ranges: [Range<Int>], _ i: Int) -> Double {
            index.texts[i].count == 0 ? 0 : Double(TextComparison.covered(ranges)) / Double(index.texts[i].count)
        }
        copiedShare = (0..<n).map { share(copiedRanges[$0], $0) }
        sharedWordingShare = (0..<n).map { i in
            let common = index.prints[i].filter { index.boilerplate.contains($0.hash) }.map { Int($0.position)..<(Int($0.position) + k) }
            return share(wordingRanges[i] + common, i)
        }
        self.copied = copied
        self.pairs = pairs.sorted { ($0.strength, $1.first, $1.second) > ($1.strength, $0.first, $0.second) }
        // Clusters: connected components of the pairs linked strongly enough (union–find).
        var parent = Array(0..<n)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for p in pairs where p.strength >= linkShare {
            let a = root(p.first), b = root(p.second)
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var groups: [Int: [Int]] = [:]
        for i in 0..<n { groups[root(i), default: []].append(i) }
        clusters = groups.values.filter { $0.count >= 2 }.sorted { ($0.count, $1[0]) > ($1.count, $0[0]) }
        let clustered = Set(clusters.joined())
        order = Array(clusters.joined()) + (0..<n).filter { !clustered.contains($0) }
    }

    /// The cluster a report belongs to (its position in `clusters`), if any.
    public func cluster(of report: Int) -> Int? {
        clusters.firstIndex { $0.contains(report) }
    }

    /// The other report that the most of `report` was copied between, with that share.
    public func largestPartner(of report: Int) -> (report: Int, share: Double)? {
        guard report < count else { return nil }
        let row = copied[report]
        guard let best = row.indices.max(by: { (row[$0], $1) < (row[$1], $0) }), row[best] > 0 else { return nil }
        return (best, row[best])
    }
}

import ShuzhiKit

/// One stored document a checked text shares passages with.
public struct SourceMatch: Sendable {
    public let document: StoredDocument
    public let passages: [SharedPassage]
    /// The share of the checked text inside passages copied from this document.
    public let copiedShare: Double
    /// The document is another report by the same author (their own words reused, not someone else's).
    public let ownEarlierReport: Bool
}

/// A text checked against the store: each source with its passages, and the summary an academic checker gives.
public struct CorpusComparison: Sendable {
    public let characters: Int
    public let sources: [SourceMatch]
    /// The share of the text inside copied passages, from any source.
    public let copiedShare: Double
    /// The same, leaving out the author's own earlier reports.
    public let copiedShareExcludingOwn: Double
    /// The share inside passages of shared official wording only.
    public let sharedWordingShare: Double

    /// The source the most of the text was copied from.
    public var largestSource: SourceMatch? {
        sources.filter { $0.copiedShare > 0 }.max { $0.copiedShare < $1.copiedShare }
    }
}

/// Checks a text against the store: its fingerprints find the documents that share rare wording with it (the
/// candidates), each candidate is aligned with it character by character, and each passage found is weighed by how
/// many stored documents hold its wording: formulas every report uses are shared wording, not copying.
public struct CopyDetector: Sendable {
    public var policy: CopyPolicy
    public var parameters: PassageAligner.Parameters
    /// Candidates aligned per query, the most rare fingerprints shared first.
    public var maxCandidates: Int
    /// Rare fingerprints a document must share with the text to be aligned at all.
    public var minimumSharedFingerprints: Int

    public init(policy: CopyPolicy = CopyPolicy(), parameters: PassageAligner.Parameters = PassageAligner.Parameters(),
                maxCandidates: Int = 30, minimumSharedFingerprints: Int = 2) {
        self.policy = policy
        self.parameters = parameters
        self.maxCandidates = maxCandidates
        self.minimumSharedFingerprints = minimumSharedFingerprints
    }

    /// `author` identifies the writer's own reports; `excluding` leaves documents out. A stored document with the
    /// same text as `text` is always left out.
    public func compare(_ text: [Unicode.Scalar], in store: any CorpusStore, author: String? = nil,
                        excluding: Set<Int64> = []) async throws -> CorpusComparison {
        let query = ComparableText(text)
        let prints = Winnowing.fingerprints(query, scheme: store.scheme)
        let digest = query.digest
        // The text itself may be stored (checked again after adding it): it is neither a source nor evidence of
        // how common its own wording is.
        var excluding = excluding
        if let own = try await store.documentID(digest: digest) { excluding.insert(own) }
        let documents = try await store.documentCount() - excluding.count
        let threshold = policy.boilerplateThreshold(documents: documents)
        // Which documents hold each of the text's fingerprints: how common the wording is, and who shares it.
        var holders: [UInt64: Set<Int64>] = [:]
        for occurrence in try await store.occurrences(of: prints.map(\.hash)) where !excluding.contains(occurrence.document) {
            holders[occurrence.hash, default: []].insert(occurrence.document)
        }
        let boilerplate = Set(holders.filter { $0.value.count >= threshold }.keys)
        // Candidates: documents sharing the rare fingerprints, most first; then, in the places left, those sharing
        // the most common wording (so it can be shown as such).
        var rare: [Int64: Int] = [:], all: [Int64: Int] = [:]
        for (hash, documents) in holders {
            for document in documents {
                all[document, default: 0] += 1
                if !boilerplate.contains(hash) { rare[document, default: 0] += 1 }
            }
        }
        let candidates = all.filter { $0.value >= minimumSharedFingerprints }
            .map { (id: $0.key, rare: rare[$0.key] ?? 0, all: $0.value) }
            .sorted { ($0.rare, $0.all, $1.id) > ($1.rare, $1.all, $0.id) }
            .prefix(maxCandidates)
        // Align every candidate first: a passage that other candidates hold too is common wording, not a copy of one.
        var aligned: [(document: StoredDocument, source: ComparableText, passages: [AlignedPassage])] = []
        var parameters = self.parameters
        parameters.seed = store.scheme.k
        for (id, _, _) in candidates {
            guard let document = try await store.document(id), let body = try await store.text(of: id) else { continue }
            let source = ComparableText(Array(body.unicodeScalars))
            let passages = PassageAligner.align(query, source, parameters: parameters)
            if !passages.isEmpty { aligned.append((document, source, passages)) }
        }
        let holdingShare = policy.holdingShare
        func otherDocuments(_ range: Range<Int>, besides id: Int64) -> Int {
            aligned.filter { other in
                other.document.id != id
                    && TextComparison.covered(other.passages.map { $0.query.clamped(to: range) }) >= Int((Double(range.count) * holdingShare).rounded(.up))
            }.count
        }
        var sources: [SourceMatch] = []
        var copiedRanges: [Range<Int>] = [], copiedOther: [Range<Int>] = [], wordingRanges: [Range<Int>] = []
        for (document, source, passages) in aligned {
            var policy = self.policy
            // A template's wording is what it sells: taking it is copying however common it has become.
            if document.metadata.kind == .template {
                policy.maximumBoilerplate = 1
                policy.maximumOtherDocuments = .max
            }
            let comparison = TextComparison(query: query, source: source, aligned: passages, policy: policy, queryFingerprints: prints,
                                            boilerplate: boilerplate, otherDocuments: { otherDocuments($0, besides: document.id) })
            // The same author's other reports (any year: a series reuses its own wording both ways).
            let own = author.map { !$0.isEmpty && document.metadata.author == $0 && document.metadata.kind == .report } ?? false
            var shared = comparison.passages
            if own { for i in shared.indices where shared[i].verdict == .copied { shared[i].verdict = .ownWords } }
            for (a, p) in zip(passages, shared) {
                switch p.verdict {
                case .copied:
                    copiedRanges.append(a.query)
                    copiedOther.append(a.query)
                case .ownWords: copiedRanges.append(a.query)
                case .sharedWording: wordingRanges.append(a.query)
                }
            }
            sources.append(SourceMatch(document: document, passages: shared, copiedShare: comparison.queryCopied, ownEarlierReport: own))
        }
        // Common wording is shared wording wherever it is, whichever documents were aligned.
        let k = store.scheme.k
        let commonGrams = prints.filter { boilerplate.contains($0.hash) }.map { Int($0.position)..<(Int($0.position) + k) }
        let n = Double(max(1, query.count))
        sources.sort { ($0.copiedShare, $0.passages.count) > ($1.copiedShare, $1.passages.count) }
        return CorpusComparison(characters: query.count, sources: sources,
                                copiedShare: Double(TextComparison.covered(copiedRanges)) / n,
                                copiedShareExcludingOwn: Double(TextComparison.covered(copiedOther)) / n,
                                sharedWordingShare: Double(TextComparison.covered(wordingRanges + commonGrams)) / n)
    }
}

extension CorpusComparison {
    /// The summary line of `check --corpus`.
    public func summary(storeDocuments: Int) -> SimilaritySummary {
        SimilaritySummary(copiedShare: copiedShare, copiedShareExcludingOwn: copiedShareExcludingOwn, sharedWordingShare: sharedWordingShare,
                          largestSource: largestSource.map { ($0.document.metadata.title, $0.document.id, $0.copiedShare) },
                          sources: sources.count, storeDocuments: storeDocuments)
    }

    /// One finding per copied passage (`similarity.copied`, a warning) and per passage of the author's own earlier
    /// wording (`similarity.own-words`, for information); shared wording is only counted in the summary.
    public var diagnostics: [Diagnostic] {
        var out: [Diagnostic] = []
        for match in sources {
            let title = match.document.metadata.title
            for p in match.passages where p.verdict != .sharedWording {
                let source = PassageSource(documentID: match.document.id, title: title, range: p.source, length: p.length, boilerplate: p.boilerplate)
                let edited = p.length - p.matched
                let how = edited > 0 ? "，改动约 \(edited) 字" : "，逐字相同"
                if p.verdict == .copied {
                    out.append(Diagnostic(rule: "similarity.copied", severity: .warning, range: p.query,
                                          message: "这段 \(p.length) 字与语料库中《\(title)》（#\(match.document.id)）相同\(how)，疑似抄袭", source: source))
                } else {
                    out.append(Diagnostic(rule: "similarity.own-words", severity: .info, range: p.query,
                                          message: "这段 \(p.length) 字沿用本人的《\(title)》（#\(match.document.id)）\(how)", source: source))
                }
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}

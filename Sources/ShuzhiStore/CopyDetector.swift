import Foundation
import ShuzhiKit

/// One stored document a checked text shares passages with.
public struct SourceMatch: Sendable {
    public let document: StoredDocument
    public let passages: [SharedPassage]
    /// The share of the checked text inside passages copied from this document.
    public let copiedShare: Double
    /// The document is another report by the same author (their own words reused, not someone else's).
    public let ownEarlierReport: Bool
    /// The document is the checked text itself, stored as another document (punctuation and spacing aside).
    public let sameText: Bool

    public var relation: SourceRelation { ownEarlierReport ? .ownEarlier : sameText ? .sameText : .other }
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
    /// The text's first line: where a finding about the whole text is shown.
    public let firstLine: Range<Int>

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

    public init(
        policy: CopyPolicy = CopyPolicy(), parameters: PassageAligner.Parameters = PassageAligner.Parameters(),
        maxCandidates: Int = 30, minimumSharedFingerprints: Int = 2
    ) {
        self.policy = policy
        self.parameters = parameters
        self.maxCandidates = maxCandidates
        self.minimumSharedFingerprints = minimumSharedFingerprints
    }

    /// `author` identifies the writer's own reports; without it, a stored report whose author the text names in its
    /// opening or closing lines (落款) or its file name is taken as theirs. `name` is the checked file's name: a stored
    /// document with the same text and the same file name is this report checked again after adding it, and is left
    /// out; with another name (or none) it is the same text handed in twice, 100 % copied. `excluding` leaves
    /// documents out.
    public func compare(
        _ text: [Unicode.Scalar], in store: any CorpusStore, author: String? = nil, name: String? = nil,
        excluding: Set<Int64> = []
    ) async throws -> CorpusComparison {
        let query = ComparableText(text)
        let prints = Winnowing.fingerprints(query, scheme: store.scheme)
        let digest = query.digest
        // The identical stored text is never evidence of how common its own wording is, nor aligned passage by
        // passage: it is either this report again or the whole of it copied.
        var excluding = excluding
        var identical: StoredDocument?
        if let id = try await store.documentID(digest: digest), !excluding.contains(id) {
            excluding.insert(id)
            if let d = try await store.document(id), !Self.sameFile(d.metadata.source, name) { identical = d }
        }
        // Read only when a stored report's author is to be looked for in it.
        var signature: String?
        func isOwn(_ document: StoredDocument) -> Bool {
            guard document.metadata.kind == .report, let theirs = document.metadata.author, !theirs.isEmpty else { return false }
            if let author, !author.isEmpty { return author == theirs }
            if signature == nil { signature = Self.signature(text, name: name) }
            return theirs.unicodeScalars.count >= 2 && signature!.contains(theirs)
        }
        let documents = try await store.documentCount() - excluding.count
        let threshold = policy.boilerplateThreshold(documents: documents)
        // Which documents hold each of the text's fingerprints: how common the wording is, and who shares it.
        var holders: [UInt64: Set<Int64>] = [:]
        for occurrence in try await store.occurrences(of: prints.map(\.hash)) where !excluding.contains(occurrence.document) {
            holders[occurrence.hash, default: []].insert(occurrence.document)
        }
        // Wording many stored documents hold, and the knowledge base's formulas and fixed phrases wherever they are.
        let boilerplate = Set(holders.filter { $0.value.count >= threshold }.keys)
            .union(StockWording.builtIn.hashes(query, prints, k: store.scheme.k))
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
                    && TextComparison.covered(other.passages.map { $0.query.clamped(to: range) })
                        >= Int((Double(range.count) * holdingShare).rounded(.up))
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
            let comparison = TextComparison(
                query: query, source: source, aligned: passages, policy: policy, queryFingerprints: prints,
                boilerplate: boilerplate, otherDocuments: { otherDocuments($0, besides: document.id) })
            // The same author's other reports (any year: a series reuses its own wording both ways).
            let own = isOwn(document)
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
            sources.append(
                SourceMatch(
                    document: document, passages: shared, copiedShare: comparison.queryCopied, ownEarlierReport: own, sameText: false))
        }
        if let document = identical {
            let own = isOwn(document)
            let whole = 0..<text.count
            let length = try await store.text(of: document.id)?.unicodeScalars.count ?? 0
            sources.append(
                SourceMatch(
                    document: document,
                    passages: [
                        SharedPassage(
                            query: whole, source: 0..<length, length: query.count, matched: query.count,
                            boilerplate: 0, verdict: own ? .ownWords : .copied)
                    ],
                    copiedShare: 1, ownEarlierReport: own, sameText: true))
            // The shares are counted over the comparable characters.
            copiedRanges.append(0..<query.count)
            if !own { copiedOther.append(0..<query.count) }
        }
        // Common wording is shared wording wherever it is, whichever documents were aligned.
        let k = store.scheme.k
        let commonGrams = prints.filter { boilerplate.contains($0.hash) }.map { Int($0.position)..<(Int($0.position) + k) }
        let n = Double(max(1, query.count))
        sources.sort { ($0.copiedShare, $0.sameText ? 1 : 0, $0.passages.count) > ($1.copiedShare, $1.sameText ? 1 : 0, $1.passages.count) }
        return CorpusComparison(
            characters: query.count, sources: sources,
            copiedShare: Double(TextComparison.covered(copiedRanges)) / n,
            copiedShareExcludingOwn: Double(TextComparison.covered(copiedOther)) / n,
            sharedWordingShare: Double(TextComparison.covered(wordingRanges + commonGrams)) / n,
            firstLine: Self.firstLine(text))
    }

    /// Two file names of the same file: the stored one may carry the folder it was added from.
    static func sameFile(_ stored: String?, _ checked: String?) -> Bool {
        guard let stored, let checked, !checked.isEmpty else { return false }
        return (stored as NSString).lastPathComponent == (checked as NSString).lastPathComponent
    }

    static func firstLine(_ text: [Unicode.Scalar]) -> Range<Int> {
        guard let start = text.firstIndex(where: { !$0.properties.isWhitespace }) else { return 0..<0 }
        let end = text[start...].firstIndex(where: { $0 == "\n" || $0 == "\r" }) ?? text.count
        return start..<min(end, start + 60)
    }

    /// Where a report names its writer: its first and last three lines (title, 落款) and its file name.
    /// Only the ends of the text are read: the first three and last three non-blank lines.
    static func signature(_ text: [Unicode.Scalar], name: String?) -> String {
        func isBreak(_ c: Unicode.Scalar) -> Bool { c == "\n" || c == "\r" || c == "\u{2029}" }
        var lines: [Range<Int>] = []
        var start = 0
        for p in 0...text.count where p == text.count || isBreak(text[p]) {
            if text[start..<p].contains(where: { !$0.properties.isWhitespace }) { lines.append(start..<p) }
            start = p + 1
            if lines.count == 3 { break }
        }
        var tail: [Range<Int>] = []
        var end = text.count
        for p in stride(from: text.count - 1, through: -1, by: -1) where p < 0 || isBreak(text[p]) {
            if tail.count == 3 || p + 1 < (lines.last?.upperBound ?? 0) { break }
            if text[(p + 1)..<end].contains(where: { !$0.properties.isWhitespace }) { tail.insert((p + 1)..<end, at: 0) }
            end = p
        }
        let ends = (lines + tail).map { String(String.UnicodeScalarView(text[$0])) }
        return ends.joined(separator: "\n") + "\n" + ((name ?? "") as NSString).lastPathComponent
    }
}

extension CopyDetector {
    /// A checked report against the store — `check --corpus`, `POST /api/check?corpus=1` and `review --corpus` all
    /// call this: its findings with the copied passages merged in, in text order, and the summary.
    /// The similarity findings are settled by `configuration` (a rule it turns off is left out, a severity it sets
    /// applies), as the checker settles its own.
    public func check(
        _ document: Document, findings: [Diagnostic], in store: any CorpusStore, author: String? = nil,
        configuration: Configuration = Configuration(),
        storeDocuments: Int? = nil
    ) async throws -> (diagnostics: [Diagnostic], summary: SimilaritySummary) {
        let comparison = try await compare(document.scalars, in: store, author: author, name: document.name)
        let merged = (findings + configuration.settled(comparison.diagnostics)).sorted {
            ($0.range.lowerBound, $0.rule) < ($1.range.lowerBound, $1.rule)
        }
        let documents: Int
        if let storeDocuments { documents = storeDocuments } else { documents = try await store.documentCount() }
        return (merged, comparison.summary(storeDocuments: documents))
    }
}

extension CorpusComparison {
    /// The summary line of `check --corpus`.
    public func summary(storeDocuments: Int) -> SimilaritySummary {
        SimilaritySummary(
            copiedShare: copiedShare, copiedShareExcludingOwn: copiedShareExcludingOwn, sharedWordingShare: sharedWordingShare,
            largestSource: largestSource.map {
                LargestSource(
                    title: $0.document.metadata.title, id: $0.document.id,
                    share: $0.copiedShare, relation: $0.relation)
            },
            sources: sources.count, storeDocuments: storeDocuments)
    }

    static let copied = CopiedPassageRule().description
    static let ownWords = OwnWordsRule().description

    /// One finding per copied passage (`similarity.copied`, a warning) and per passage of the author's own earlier
    /// wording (`similarity.own-words`, for information); shared wording is only counted in the summary.
    public var diagnostics: [Diagnostic] {
        var out: [Diagnostic] = []
        for match in sources {
            let title = match.document.metadata.title
            for p in match.passages where p.verdict != .sharedWording {
                let source = PassageSource(
                    documentID: match.document.id, title: title, range: p.source, length: p.length, boilerplate: p.boilerplate)
                if match.sameText {
                    // One finding for the whole text, anchored on its first line.
                    let rule = match.ownEarlierReport ? Self.ownWords : Self.copied
                    out.append(
                        Diagnostic(
                            rule: rule.id, severity: rule.severity, range: firstLine,
                            message: match.ownEarlierReport
                                ? "全文与本人的《\(title)》（#\(match.document.id)）相同：年年一样"
                                : "全文与语料库中《\(title)》（#\(match.document.id)）为同一文本，疑似抄袭", source: source))
                    continue
                }
                let edited = p.length - p.matched
                let how = edited > 0 ? "，改动约 \(edited) 字" : "，逐字相同"
                if p.verdict == .copied {
                    out.append(
                        Diagnostic(
                            rule: Self.copied.id, severity: Self.copied.severity, range: p.query,
                            message: "这段 \(p.length) 字与语料库中《\(title)》（#\(match.document.id)）相同\(how)，疑似抄袭", source: source))
                } else {
                    out.append(
                        Diagnostic(
                            rule: Self.ownWords.id, severity: Self.ownWords.severity, range: p.query,
                            message: "这段 \(p.length) 字沿用本人的《\(title)》（#\(match.document.id)）\(how)", source: source))
                }
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}

import ShuzhiKit
import ShuzhiStore

/// A batch review against the store (`review --corpus`, and the review page with the store): each report checked
/// against it (its findings and summary added), and the batch's fingerprints common there, which the batch comparison
/// then treats as shared wording rather than copying.
public enum StoreReview {
    public struct Outcome: Sendable {
        public let reports: [ReviewedReport]
        public let scheme: FingerprintScheme
        public let common: Set<UInt64>
    }

    /// nil when `shouldStop` said so between two reports; `step` is called after each with the number done.
    /// `configurations[i]` settles report i's similarity findings.
    public static func run(
        _ reports: [ReviewedReport], _ texts: [ComparableText], configurations: [Configuration], store: any CorpusStore,
        step: (Int) async -> Void, shouldStop: () -> Bool
    ) async throws -> Outcome? {
        var out: [ReviewedReport] = []
        let documents = try await store.documentCount()
        let detector = CopyDetector()
        for (r, configuration) in zip(reports, configurations) {
            if shouldStop() { return nil }
            let (diagnostics, summary) = try await detector.check(
                r.check.document, findings: r.check.diagnostics, in: store,
                configuration: configuration, storeDocuments: documents)
            let check = CheckReport(
                document: r.check.document, diagnostics: diagnostics, reportYear: r.check.reportYear, similarity: summary)
            out.append(ReviewedReport(check: check, genre: r.genre, present: r.present, results: r.results, substance: r.substance))
            await step(out.count)
        }
        var hashes = Set<UInt64>()
        for t in texts { hashes.formUnion(Winnowing.fingerprints(t, scheme: store.scheme).map(\.hash)) }
        let common = try await store.commonFingerprints(Array(hashes), policy: detector.policy, documents: documents)
        return Outcome(reports: out, scheme: store.scheme, common: common)
    }
}

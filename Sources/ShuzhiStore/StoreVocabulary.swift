import ShuzhiKit

extension CorpusStore {
    /// The organisation's own dictionary for the typo rules: the strings several of the store's reports and of
    /// `batch` (the documents being checked) write. A batch document already in the store counts once. Only the
    /// `limit` most recently added other reports are read, so that a large store costs a bounded time and memory
    /// (the strings of 550 reports of 5,000 characters are counted in under a second here; 2,000 take a few).
    public func vocabulary(with batch: [[Unicode.Scalar]], limit: Int = 2_000) async throws -> BatchVocabulary {
        let inBatch = Set(batch.map { ComparableText($0).digest })
        var texts = batch
        let others = try await documents().filter { !inBatch.contains($0.digest) }.sorted { $0.id > $1.id }
        for stored in others.prefix(limit) {
            try Task.checkCancellation()
            if let text = try await text(of: stored.id) { texts.append(Array(text.unicodeScalars)) }
        }
        return BatchVocabulary(texts, countsCheckedDocument: true)
    }
}

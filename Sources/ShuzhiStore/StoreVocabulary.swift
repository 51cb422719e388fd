import ShuzhiKit

extension CorpusStore {
    /// The organisation's own dictionary for the typo rules: the strings several of the store's reports and of
    /// `batch` (the documents being checked) write. A batch document already in the store counts once. Only the
    /// `limit` most recently added other reports are read, so that a large store costs a bounded time and memory
    /// (the strings of 550 reports of 5,000 characters are counted in under a second here; 2,000 take a few).
    public func vocabulary(with batch: [[Unicode.Scalar]], limit: Int = 2_000) async throws -> BatchVocabulary {
        let inBatch = Set(batch.map { ComparableText($0).digest })
        let others = try await documents().filter { !inBatch.contains($0.digest) }.sorted { $0.id > $1.id }
        return BatchVocabulary(batch + (try await texts(of: others.prefix(limit))), countsCheckedDocument: true)
    }

    /// The texts of `documents`, in order (one removed meanwhile is left out).
    func texts(of documents: some Sequence<StoredDocument>) async throws -> [[Unicode.Scalar]] {
        var texts: [[Unicode.Scalar]] = []
        for stored in documents {
            try Task.checkCancellation()
            if let text = try await text(of: stored.id) { texts.append(Array(text.unicodeScalars)) }
        }
        return texts
    }
}

/// The store's vocabulary kept between checks (the web server's `?corpus=1`): built once from the most recent
/// reports and again only when the stored reports change, so that a check with the store does not read them all
/// each time.
public actor StoreVocabularyCache {
    private var counted: [Int64] = []
    private var cached = BatchVocabulary([], countsCheckedDocument: false)

    public init() {}

    /// The vocabulary for checking `text`: the `limit` most recent reports of the store, with `text` itself not
    /// counted as another document when it is one of them.
    public func vocabulary(for text: [Unicode.Scalar], in store: any CorpusStore, limit: Int = 2_000) async throws -> BatchVocabulary {
        let recent = try await store.documents().sorted { $0.id > $1.id }.prefix(limit)
        let ids = recent.map(\.id)
        if ids != counted {
            cached = BatchVocabulary(try await store.texts(of: recent), countsCheckedDocument: false)
            counted = ids
        }
        var vocabulary = cached
        let digest = ComparableText(text).digest
        vocabulary.countsCheckedDocument = recent.contains { $0.digest == digest }
        return vocabulary
    }
}

import ShuzhiKit
import ShuzhiStore

/// `review` — `shuzhi review` and `POST /api/review` call this: every report read and checked (on all cores, the
/// batch and the store, when given, being the reports' own dictionary), each optionally checked against the store,
/// then the batch compared with itself.
public enum ReviewOperation {
    /// One report to review: its name, the configuration it is checked with (the CLI finds one per folder), and how
    /// to read it.
    public struct Input: Sendable {
        public let name: String
        public let configuration: Configuration
        public let read: @Sendable () throws(IngestError) -> Document

        public init(name: String, configuration: Configuration, read: @escaping @Sendable () throws(IngestError) -> Document) {
            self.name = name
            self.configuration = configuration
            self.read = read
        }
    }

    /// Where a review is: the phase's Chinese name, items done and the phase's total.
    public typealias Progress = @Sendable (_ phase: String, _ done: Int, _ total: Int) async -> Void

    /// Cancelling the calling task (or `shouldStop` answering true between two items) stops the review with
    /// `CancellationError`.
    public static func review(
        _ inputs: [Input], store: (any CorpusStore)? = nil, progress: @escaping Progress = { _, _, _ in },
        shouldStop: @escaping @Sendable () -> Bool = { false }
    ) async throws -> BatchReview {
        @Sendable func step(_ phase: String, _ done: Int, _ total: Int) async throws {
            await progress(phase, done, total)
            if shouldStop() { throw CancellationError() }
        }
        let loaded = try await Concurrent.map(inputs, step: { try await step("读取", $0, inputs.count) }) {
            input -> Result<Document, IngestError> in
            do throws(IngestError) { return .success(try input.read()) } catch { return .failure(error) }
        }
        let batch = loaded.compactMap { try? $0.get().scalars }
        let shared = try await store?.vocabulary(with: batch) ?? BatchVocabulary(batch)
        let jobs = zip(inputs, loaded).map { Job(configuration: $0.configuration, document: $1) }
        let checked = try await Concurrent.map(jobs, step: { try await step("检查", $0, inputs.count) }) {
            job
                -> Result<(report: ReviewedReport, text: ComparableText), IngestError> in
            var configuration = job.configuration
            configuration.sharedVocabulary = shared
            return job.document.map { ReviewedReport.checked($0, by: Checker(configuration: configuration)) }
        }
        let read = ReviewedReport.partition(zip(inputs, checked).map { ($0.name, $1) })
        var reports = read.reports
        let texts = read.texts
        let failures = read.failures.map { (file: $0.file, message: "\($0.error.chinese) / \($0.error.english)") }
        var scheme = FingerprintScheme.standard
        var common = Set<UInt64>()
        if let store {
            let total = reports.count
            // The configurations of the reports read, in the order `partition` keeps them.
            let configurations = zip(inputs, checked).compactMap { input, result in (try? result.get()).map { _ in input.configuration } }
            guard
                let outcome = try await StoreReview.run(
                    reports, texts, configurations: configurations, store: store, step: { await progress("对照语料库", $0, total) },
                    shouldStop: { Task.isCancelled || shouldStop() })
            else { throw CancellationError() }
            reports = outcome.reports
            scheme = outcome.scheme
            common = outcome.common
        }
        let index = BatchSimilarity.Index(texts, scheme: scheme, commonHashes: common)
        let candidates = index.candidates
        let comparisons = try await Concurrent.map(
            candidates.map { Pair(first: $0.0, second: $0.1) },
            step: { try await step("相互比对", $0, candidates.count) }
        ) { index.compare($0.first, $0.second) }
        return BatchReview(reports: reports, similarity: BatchSimilarity(index, comparisons: comparisons), failures: failures)
    }

    private struct Job: Sendable { let configuration: Configuration; let document: Result<Document, IngestError> }
    private struct Pair: Sendable { let first: Int; let second: Int }
}

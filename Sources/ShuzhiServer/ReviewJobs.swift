import Foundation
import ShuzhiKit
import ShuzhiStore

/// Batch reviews in progress and done. A batch of fifty reports takes seconds, so `POST /api/review` starts a job and
/// answers at once; the page follows its progress (server-sent events, or polling) and may cancel it. Finished jobs
/// are kept (in memory only: these texts are sensitive) until `capacity` newer ones push them out.
actor ReviewJobs {
    enum State: Sendable {
        case running(phase: String, done: Int, total: Int)
        case finished(BatchReview)
        case failed(APIError)
        case cancelled

        var name: String {
            switch self {
            case .running: return "running"
            case .finished: return "done"
            case .failed: return "failed"
            case .cancelled: return "cancelled"
            }
        }

        var isOver: Bool { if case .running = self { return false } else { return true } }
    }

    private struct Job {
        var state: State
        var task: Task<Void, Never>?
        /// Bumped on every change, so a follower can tell a new state from the one it last sent.
        var version = 0
    }

    private var jobs: [String: Job] = [:]
    private var order: [String] = []
    let capacity: Int

    init(capacity: Int = 16) { self.capacity = capacity }

    /// Starts a review of `uploads` and returns its id at once.
    func start(_ uploads: [Upload], checker: Checker, ingest: IngestOptions, store: (any CorpusStore)?) -> String {
        let id = (0..<2).map { _ in String(UInt64.random(in: .min ... .max), radix: 16) }.joined()
        jobs[id] = Job(state: .running(phase: "读取与检查", done: 0, total: uploads.count))
        order.append(id)
        evict()
        jobs[id]?.task = Task {
            do {
                let review = try await BatchReviewer.review(uploads, checker: checker, ingest: ingest, store: store) { phase, done, total in
                    await self.update(id, .running(phase: phase, done: done, total: total))
                }
                self.update(id, .finished(review))
            } catch is CancellationError {
                self.update(id, .cancelled)
            } catch let error as APIError {
                self.update(id, .failed(error))
            } catch {
                self.update(id, .failed(APIError(.internalServerError, "review-failed", "审阅失败：\(error)", "the review failed: \(error)")))
            }
        }
        return id
    }

    func state(_ id: String) -> (state: State, version: Int)? { jobs[id].map { ($0.state, $0.version) } }

    /// Stops a running job; false when there is no such job.
    func cancel(_ id: String) -> Bool {
        guard let job = jobs[id] else { return false }
        if !job.state.isOver {
            job.task?.cancel()
            update(id, .cancelled)
        }
        return true
    }

    private func update(_ id: String, _ state: State) {
        // A job cancelled by the user stays cancelled whatever its task reports afterwards.
        guard var job = jobs[id], !job.state.isOver else { return }
        job.state = state
        job.version += 1
        jobs[id] = job
    }

    /// Forgets the oldest finished jobs beyond `capacity`; running ones are never dropped.
    private func evict() {
        while order.count > capacity, let oldest = order.first(where: { jobs[$0]?.state.isOver ?? true }) {
            order.removeAll { $0 == oldest }
            jobs[oldest] = nil
        }
    }
}

/// One batch review, as `shuzhi review` does it: every report read and checked (on all cores), optionally checked
/// against the store, then the batch compared with itself.
enum BatchReviewer {
    static func review(_ uploads: [Upload], checker: Checker, ingest: IngestOptions, store: (any CorpusStore)?,
                       progress: @escaping @Sendable (String, Int, Int) async -> Void) async throws -> BatchReview {
        let loaded = try await Concurrent.map(uploads, step: { await progress("读取", $0, uploads.count) }) { upload
            -> Result<Document, IngestError> in
            do throws(IngestError) {
                return .success(try Ingest.documentWithSource(from: upload.bytes, name: upload.name, options: ingest).document)
            } catch { return .failure(error) }
        }
        // The batch (and the store, when asked) is the reports' own dictionary: a term several write is no slip.
        let batch = loaded.compactMap { try? $0.get().scalars }
        var configuration = checker.configuration
        configuration.sharedVocabulary = try await store?.vocabulary(with: batch) ?? BatchVocabulary(batch)
        let sharing = Checker(configuration: configuration, rules: checker.rules)
        let checked = try await Concurrent.map(loaded, step: { await progress("检查", $0, uploads.count) }) { document
            -> Result<(report: ReviewedReport, text: ComparableText), IngestError> in
            document.map { ReviewedReport.checked($0, by: sharing) }
        }
        let read = ReviewedReport.partition(zip(uploads, checked).map { ($0.name, $1) })
        var reports = read.reports
        let texts = read.texts
        let failures = read.failures.map { (file: $0.file, message: "\($0.error.chinese) / \($0.error.english)") }
        var scheme = FingerprintScheme.standard
        var common = Set<UInt64>()
        if let store {
            let total = reports.count
            guard let outcome = try await StoreReview.run(reports, texts, store: store, step: { await progress("对照语料库", $0, total) },
                                                          shouldStop: { Task.isCancelled }) else { throw CancellationError() }
            reports = outcome.reports
            scheme = outcome.scheme
            common = outcome.common
        }
        let index = BatchSimilarity.Index(texts, scheme: scheme, commonHashes: common)
        let candidates = index.candidates
        let comparisons = try await Concurrent.map(candidates.map { Pair(first: $0.0, second: $0.1) },
                                                   step: { await progress("相互比对", $0, candidates.count) }) { index.compare($0.first, $0.second) }
        return BatchReview(reports: reports, similarity: BatchSimilarity(index, comparisons: comparisons), failures: failures)
    }

    private struct Pair: Sendable { let first: Int; let second: Int }
}

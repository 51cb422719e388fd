import Foundation
import ShuzhiKit
import ShuzhiService
import ShuzhiStore

/// Batch reviews in progress and done. A batch of fifty reports takes seconds, so `POST /api/review` starts a job and
/// answers at once; the page follows its progress (server-sent events, or polling) and may cancel it. Finished jobs
/// are kept (in memory only: these texts are sensitive) until they are deleted or `capacity` newer ones push them out.
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

    /// Starts a review of `inputs` and returns its id at once.
    func start(_ inputs: [ReviewOperation.Input], store: (any CorpusStore)?) -> String {
        let id = (0..<2).map { _ in String(UInt64.random(in: .min ... .max), radix: 16) }.joined()
        jobs[id] = Job(state: .running(phase: "读取与检查", done: 0, total: inputs.count))
        order.append(id)
        evict()
        jobs[id]?.task = Task {
            do {
                let review = try await ReviewOperation.review(inputs, store: store) { phase, done, total in
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

    /// Stops a running job and forgets it, finished or not: the reviewer is done with it, and the reports' text
    /// should not stay in memory. False when there is no such job. A follower of its events is told `cancelled`.
    func remove(_ id: String) -> Bool {
        guard let job = jobs.removeValue(forKey: id) else { return false }
        order.removeAll { $0 == id }
        job.task?.cancel()
        return true
    }

    private func update(_ id: String, _ state: State) {
        // A job that is over stays as it ended, whatever its task reports afterwards.
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

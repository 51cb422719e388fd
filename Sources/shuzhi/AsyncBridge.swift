import Foundation
import Synchronization

/// Runs async store work from the synchronous command tree (the custom `main` keeps exit codes under its control).
enum AsyncBridge {
    final class Box<T: Sendable>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }

    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }
}

/// Ctrl-C during a long operation: the flag is set and the loop stops after the document in hand, so the store keeps
/// only whole documents. A second Ctrl-C ends the process at once (SQLite rolls back the open transaction).
enum Interrupt {
    static let requested = Atomic<Bool>(false)

    static func install() {
        signal(SIGINT) { _ in
            if Interrupt.requested.exchange(true, ordering: .relaxed) { _exit(130) }
        }
        unblock()
    }

    /// A parent may start us with SIGINT (or SIGTERM) blocked (the mask is inherited): then Ctrl-C would never arrive.
    static func unblock() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    static var isRequested: Bool { requested.load(ordering: .relaxed) }
}

/// done/total, rate and time left on a terminal's standard error; nothing when it is a pipe or a file.
struct Progress {
    let total: Int
    let label: String
    let enabled = isatty(STDERR_FILENO) == 1
    let started = Date()
    var done = 0

    mutating func step() {
        done += 1
        guard enabled else { return }
        let elapsed = Date().timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        let line = String(format: "\r%@ %d/%d  %.1f 份/秒  剩余约 %.0f 秒 ", label, done, total, rate, left)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if enabled && done > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

/// Work on every item on all cores, in chunks so that progress shows and Ctrl-C is noticed between them; the
/// results in the items' order, or nil when interrupted.
enum Parallel {
    static func map<Item: Sendable, Value: Sendable>(_ items: [Item], label: String, _ body: @Sendable (Item) -> Value) -> [Value]? {
        let results = Mutex<[Int: Value]>([:])
        var progress = Progress(total: items.count, label: label)
        let chunk = max(1, ProcessInfo.processInfo.activeProcessorCount * 2)
        var start = 0
        while start < items.count {
            if Interrupt.isRequested {
                progress.finish()
                return nil
            }
            let end = min(items.count, start + chunk)
            let base = start
            DispatchQueue.concurrentPerform(iterations: end - base) { n in
                let value = body(items[base + n])
                results.withLock { $0[base + n] = value }
            }
            for _ in start..<end { progress.step() }
            start = end
        }
        progress.finish()
        return results.withLock { r in items.indices.map { r[$0]! } }
    }
}

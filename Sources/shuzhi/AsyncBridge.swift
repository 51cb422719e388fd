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
        FileHandle.standardError.write(Data(Self.line(label, done, total, since: started).utf8))
    }

    /// `\r读取 12/50  3.1 份/秒  剩余约 12 秒 `: the line that overwrites the last one.
    static func line(_ label: String, _ done: Int, _ total: Int, since started: Date) -> String {
        let elapsed = Date().timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        return String(format: "\r%@ %d/%d  %.1f 份/秒  剩余约 %.0f 秒 ", label, done, total, rate, left)
    }

    func finish() {
        if enabled && done > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

/// A long operation's phases on a terminal's standard error (`读取 12/50 …`, then the next phase on a new line);
/// nothing when standard error is a pipe or a file. Called from the operation's tasks, so its state is locked.
final class PhaseProgress: Sendable {
    private struct State {
        var phase = ""
        var started = Date()
        var shown = false
    }

    private let state = Mutex(State())
    private let enabled = isatty(STDERR_FILENO) == 1

    func show(_ phase: String, _ done: Int, _ total: Int) {
        guard enabled else { return }
        state.withLock { s in
            if s.phase != phase {
                if s.shown { FileHandle.standardError.write(Data("\n".utf8)) }
                s = State(phase: phase, started: Date(), shown: false)
            }
            FileHandle.standardError.write(Data(Progress.line(phase, done, total, since: s.started).utf8))
            s.shown = true
        }
    }

    func finish() {
        state.withLock { s in
            if s.shown { FileHandle.standardError.write(Data("\n".utf8)) }
            s.shown = false
        }
    }
}

/// One long document's check on a terminal's standard error: `正在检查 报告.docx（812,345 字）：规则 12/63，已用 4 秒`,
/// rewritten in place, then the line ended. Nothing when standard error is not a terminal.
final class FileProgress: Sendable {
    private let label: String
    private let started = Date()
    private let enabled = isatty(STDERR_FILENO) == 1
    private let shown = Mutex(false)

    init(_ path: String, characters: Int) {
        label = "正在检查 \((path as NSString).lastPathComponent)（\(characters.formatted()) 字）"
    }

    func show(_ done: Int, _ total: Int) {
        guard enabled else { return }
        let step = done == 0 ? "分析全文" : "规则 \(done)/\(total)"
        let line = "\r\(label)：\(step)，已用 \(Int(Date().timeIntervalSince(started))) 秒 "
        shown.withLock { shown in
            FileHandle.standardError.write(Data(line.utf8))
            shown = true
        }
    }

    func finish() {
        shown.withLock { shown in
            if shown { FileHandle.standardError.write(Data("\n".utf8)) }
            shown = false
        }
    }
}

import Foundation

public enum Concurrent {
    /// `transform` over `items` on up to `width` tasks at once, results in input order. `step` runs after each item
    /// (progress); cancelling the calling task stops it between items with `CancellationError`.
    public static func map<T: Sendable, R: Sendable>(
        _ items: [T], width: Int = ProcessInfo.processInfo.activeProcessorCount,
        step: (Int) async throws -> Void = { _ in },
        _ transform: @escaping @Sendable (T) throws -> R
    ) async throws -> [R] {
        var results = [R?](repeating: nil, count: items.count)
        try await withThrowingTaskGroup(of: (Int, R).self) { group in
            var next = 0
            func launch() {
                let i = next
                let item = items[i]
                group.addTask {
                    try Task.checkCancellation()
                    return (i, try transform(item))
                }
                next += 1
            }
            while next < min(max(width, 1), items.count) { launch() }
            var done = 0
            while let (i, r) = try await group.next() {
                results[i] = r
                done += 1
                try await step(done)
                try Task.checkCancellation()
                if next < items.count { launch() }
            }
        }
        return results.map { $0! }
    }
}

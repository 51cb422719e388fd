import Foundation

/// A value computed on first use and then shared, safely across threads: parts of the analysis that only some rules
/// read (the word segmentation) cost nothing when those rules are off.
final class OnceValue<Value: Sendable>: @unchecked Sendable {
    private let cell = OnceCell<Value>()
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    var value: Value { cell.value(make) }
}

/// A value computed on first use by whoever asks first, with what they pass: for a value that needs its owner
/// (the analysis) to make it, which a closure stored at the owner's initialisation cannot capture.
final class OnceCell<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    init() {}

    func value(_ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let made = make()
        stored = made
        return made
    }
}

/// How long each step of the analysis made on first use took, for `--timings`: the step is charged to the analysis,
/// not to whichever rule happened to read it first.
final class StepTimes: @unchecked Sendable {
    private let lock = NSLock()
    private var steps: [(String, Duration)] = []

    init() {}

    func measure<Value>(_ name: String, _ body: () -> Value) -> Value {
        let clock = ContinuousClock(), start = clock.now
        let value = body()
        let took = clock.now - start
        lock.lock()
        steps.append((name, took))
        lock.unlock()
        return value
    }

    /// The steps made so far, in the order they were made.
    var all: [(String, Duration)] {
        lock.lock()
        defer { lock.unlock() }
        return steps
    }

    var total: Duration { all.reduce(.zero) { $0 + $1.1 } }
}

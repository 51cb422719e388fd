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

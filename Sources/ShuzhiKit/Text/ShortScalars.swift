/// Up to four Unicode scalars held inline: what a word-slip edit puts in place of the written text (a word of two to
/// four characters, a swapped pair, one dropped character, nothing). Tens of thousands of edits are proposed for a
/// report; an array apiece would allocate, retain and free each one.
struct ShortScalars: RandomAccessCollection, Equatable, Sendable {
    static let capacity = 4
    private var storage: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
    let count: Int

    init() { count = 0 }

    /// The first `capacity` scalars of `scalars` (callers pass at most that many).
    init<C: Collection>(_ scalars: C) where C.Element == Unicode.Scalar {
        precondition(scalars.count <= Self.capacity, "an edit replaces at most \(Self.capacity) characters")
        var n = 0
        for scalar in scalars {
            switch n {
            case 0: storage.0 = scalar.value
            case 1: storage.1 = scalar.value
            case 2: storage.2 = scalar.value
            default: storage.3 = scalar.value
            }
            n += 1
        }
        count = n
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> Unicode.Scalar {
        precondition(position >= 0 && position < count)
        let value: UInt32
        switch position {
        case 0: value = storage.0
        case 1: value = storage.1
        case 2: value = storage.2
        default: value = storage.3
        }
        return Unicode.Scalar(value).unsafelyUnwrapped
    }

    static func == (a: ShortScalars, b: ShortScalars) -> Bool {
        a.count == b.count && a.storage.0 == b.storage.0 && a.storage.1 == b.storage.1 && a.storage.2 == b.storage.2
            && a.storage.3 == b.storage.3
    }
}

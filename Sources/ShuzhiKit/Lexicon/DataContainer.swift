/// One compiled blob from Scripts/build-lexicon.py: `SZDT`, a version, a section count, then (tag, offset, length)
/// rows. The bytes live in the binary's read-only data (linked by CShuzhiData), so views into them never dangle.
struct DataContainer: @unchecked Sendable {
    let base: UnsafeRawPointer
    let count: Int
    private let sections: [String: Range<Int>]

    init(base: UnsafeRawPointer, count: Int) {
        self.base = base
        self.count = count
        precondition(count >= 12 && base.loadUnaligned(as: UInt32.self) == 0x5444_5A53, "compiled data damaged: bad magic")
        let rows = Int(base.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        var sections: [String: Range<Int>] = [:]
        for row in 0..<rows {
            let at = 12 + row * 20
            let tag = String(decoding: UnsafeRawBufferPointer(start: base + at, count: 4), as: UTF8.self)
            let offset = Int(base.loadUnaligned(fromByteOffset: at + 4, as: UInt64.self))
            let length = Int(base.loadUnaligned(fromByteOffset: at + 12, as: UInt64.self))
            precondition(offset + length <= count, "compiled data damaged: section \(tag) out of bounds")
            sections[tag] = offset..<offset + length
        }
        self.sections = sections
    }

    func section(_ tag: String) -> UnsafeRawBufferPointer {
        guard let range = sections[tag] else { preconditionFailure("compiled data lacks section \(tag)") }
        return UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    func array<T>(_ tag: String, of type: T.Type) -> UnsafeBufferPointer<T> {
        let raw = section(tag)
        return UnsafeBufferPointer(
            start: raw.baseAddress!.assumingMemoryBound(to: T.self),
            count: raw.count / MemoryLayout<T>.stride)
    }

    func text(_ tag: String) -> String { String(decoding: section(tag), as: UTF8.self) }

    /// A text section's lines, split on the bytes: splitting the `String` by `Character` (grapheme breaking) cost
    /// 3 M instructions of every start for the lexicon's two lists.
    func lines(_ tag: String, omittingEmpty: Bool = true) -> [String] {
        section(tag).split(separator: 0x0A, omittingEmptySubsequences: omittingEmpty).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Hash functions shared with the build script: FNV-1a over scalar values, finished with splitmix64.
enum LexiconHash {
    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always) static func step(_ h: UInt64, _ value: UInt32) -> UInt64 {
        (h ^ UInt64(value)) &* 0x0000_0100_0000_01B3
    }

    @inline(__always) static func mix(_ value: UInt64) -> UInt64 {
        var x = value &+ 0x9E37_79B9_7F4A_7C15
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }

    static func text<S: Sequence>(_ scalars: S) -> UInt64 where S.Element == Unicode.Scalar {
        var h = seed
        for s in scalars { h = step(h, s.value) }
        return mix(h)
    }
}

/// Open addressing with linear probing: a 32-bit fingerprint per slot (0 = empty) and a fixed-width value.
struct FingerprintTable<Value: FixedWidthInteger>: @unchecked Sendable {
    private let mask: Int
    private let fingerprints: UnsafePointer<UInt32>
    private let values: UnsafePointer<Value>

    init(_ raw: UnsafeRawBufferPointer) {
        let size = Int(raw.loadUnaligned(as: UInt32.self))
        let width = Int(raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
        precondition(
            size.nonzeroBitCount == 1 && width == MemoryLayout<Value>.size
                && raw.count >= 8 + size * (4 + width), "compiled data damaged: hash table")
        mask = size - 1
        fingerprints = (raw.baseAddress! + 8).assumingMemoryBound(to: UInt32.self)
        values = (raw.baseAddress! + 8 + 4 * size).assumingMemoryBound(to: Value.self)
    }

    @inline(__always) func first(_ hash: UInt64) -> Value? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        let fingerprint = UInt32(truncatingIfNeeded: hash >> 32) | 1
        while true {
            let f = fingerprints[slot]
            if f == 0 { return nil }
            if f == fingerprint { return values[slot] }
            slot = (slot + 1) & mask
        }
    }

    /// Every value stored under the hash (a key may hold several, as the idiom table does).
    func forEach(_ hash: UInt64, _ body: (Value) -> Void) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        let fingerprint = UInt32(truncatingIfNeeded: hash >> 32) | 1
        while true {
            let f = fingerprints[slot]
            if f == 0 { return }
            if f == fingerprint { body(values[slot]) }
            slot = (slot + 1) & mask
        }
    }
}

/// A language model's n-gram table, read in place (Scripts/build-lexicon.py, GramTable): the slot from the hash's
/// high bits by multiply-shift over any number of slots, linear probing; a slot is a 32-bit record, a 24-bit
/// fingerprint above the 8-bit quantised probability, and below the highest order a parallel array holds the
/// quantised back-off weights.
struct GramTable: @unchecked Sendable {
    private let size: UInt64
    private let records: UnsafePointer<UInt32>
    private let backoffs: UnsafePointer<UInt8>?

    init(_ raw: UnsafeRawBufferPointer) {
        let size = Int(raw.loadUnaligned(as: UInt32.self))
        let hasBackoff = raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self) == 1
        precondition(size > 0 && raw.count >= 8 + size * (hasBackoff ? 5 : 4), "compiled data damaged: n-gram table")
        self.size = UInt64(size)
        records = (raw.baseAddress! + 8).assumingMemoryBound(to: UInt32.self)
        backoffs = hasBackoff ? (raw.baseAddress! + 8 + 4 * size).assumingMemoryBound(to: UInt8.self) : nil
    }

    /// The slot holding the gram with this hash.
    @inline(__always) func slot(_ hash: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: hash.multipliedFullWidth(by: size).high)
        let low = UInt32(truncatingIfNeeded: hash) & 0xFF_FFFF
        let fingerprint = low == 0 ? 1 : low
        while true {
            let record = records[slot]
            if record == 0 { return nil }
            if record >> 8 == fingerprint { return slot }
            slot += 1
            if slot == Int(truncatingIfNeeded: size) { slot = 0 }
        }
    }

    @inline(__always) func probability(at slot: Int) -> Int { Int(records[slot] & 0xFF) }

    /// The quantised back-off weight. Only tables below the highest order have them, and only those are asked.
    @inline(__always) func backoff(at slot: Int) -> Int { Int(backoffs![slot]) }
}

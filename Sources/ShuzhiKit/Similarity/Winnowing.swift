/// Document fingerprints by winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003): hash every k-character gram
/// of the comparable text, then keep the smallest hash of each window of w consecutive grams. Any passage shared by
/// two texts that is at least w + k − 1 characters long shares at least one fingerprint, and a text of n characters
/// keeps about 2n/(w+1) of them.
public struct Fingerprint: Sendable, Hashable {
    /// The gram's hash; stored as a signed 64-bit integer (`Int64(bitPattern:)`) by databases.
    public let hash: UInt64
    /// Where the gram starts in the comparable text.
    public let position: Int32
}

/// The gram length and window a store was built with; a store keeps its own, so its fingerprints stay comparable.
public struct FingerprintScheme: Sendable, Equatable, CustomStringConvertible {
    public var k: Int
    public var w: Int
    public init(k: Int = Winnowing.defaultK, w: Int = Winnowing.defaultW) {
        self.k = k
        self.w = w
    }
    public static let standard = FingerprintScheme()
    public var description: String { "k=\(k), w=\(w)" }
}

public enum Winnowing {
    /// Gram length: 16 characters, about four four-character words, longer than the stock phrases reports share.
    /// Measured against 13, 10 and w = 16 on the copy benchmark (BENCHMARKS.md, "Copying"): the same recall, and
    /// none of the natural reuse between reports of different authors called copying.
    public static let defaultK = 16
    /// Window: a fingerprint at least every 8 grams, so any shared run of 23 characters is caught.
    public static let defaultW = 8

    public static func fingerprints(_ text: ComparableText, scheme: FingerprintScheme) -> [Fingerprint] {
        fingerprints(text, k: scheme.k, w: scheme.w)
    }

    /// The fingerprints of `text`, left to right.
    public static func fingerprints(_ text: ComparableText, k: Int = defaultK, w: Int = defaultW) -> [Fingerprint] {
        let hashes = gramHashes(text.scalars, k: k)
        guard !hashes.isEmpty else { return [] }
        let window = min(w, hashes.count)
        var out: [Fingerprint] = []
        out.reserveCapacity(2 * hashes.count / (window + 1) + 1)
        var last = -1
        for start in 0...(hashes.count - window) {
            // The rightmost minimum, so a window that slides past an equal hash does not pick a new position.
            var best = start
            for j in start..<(start + window) where hashes[j] <= hashes[best] { best = j }
            if best != last {
                out.append(Fingerprint(hash: hashes[best], position: Int32(best)))
                last = best
            }
        }
        return out
    }

    /// The hash of every k-gram: a polynomial rolling hash, mixed so that the low bits and the order are random.
    static func gramHashes(_ s: [UInt32], k: Int) -> [UInt64] {
        guard k > 0, s.count >= k else { return [] }
        let base: UInt64 = 0x100_0000_01B3
        var power: UInt64 = 1
        for _ in 1..<k { power = power &* base }
        var h: UInt64 = 0
        for i in 0..<k { h = h &* base &+ UInt64(s[i]) }
        var out = [UInt64](repeating: 0, count: s.count - k + 1)
        out[0] = mix(h)
        for i in k..<s.count {
            h = (h &- UInt64(s[i - k]) &* power) &* base &+ UInt64(s[i])
            out[i - k + 1] = mix(h)
        }
        return out
    }

    /// splitmix64's finaliser.
    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

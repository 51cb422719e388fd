import Testing
@testable import ShuzhiKit

/// Comparable text and winnowing: what is kept, the map back, and the guarantee that a shared passage of w + k − 1
/// characters shares a fingerprint.
@Suite struct WinnowingTests {
    @Test func comparableTextKeepsWordsAndMapsBack() {
        let text = Array("XX局：２０２３年，完成x亿元 ABC。".unicodeScalars)
        let c = ComparableText(text)
        #expect(String(String.UnicodeScalarView(c.scalars.compactMap(Unicode.Scalar.init))) == "局2023年完成亿元abc")
        #expect(c.originalRange(0..<1) == 2..<3)
        #expect(c.originalRange(1..<5) == 4..<8)
        #expect(ComparableText(Array("完成投资，12亿元。".unicodeScalars)).digest == ComparableText(Array("完成投资 12亿元".unicodeScalars)).digest)
        #expect(ComparableText(Array("完成投资12亿元".unicodeScalars)).digest != ComparableText(Array("完成投资13亿元".unicodeScalars)).digest)
    }

    static func text(_ seed: UInt64, _ n: Int) -> [Unicode.Scalar] {
        var x = seed
        return (0..<n).map { _ in
            x = Winnowing.mix(x)
            return Unicode.Scalar(0x4E00 + UInt32(x % 3000))!
        }
    }

    @Test func aSharedPassageLongEnoughSharesAFingerprint() {
        let k = Winnowing.defaultK, w = Winnowing.defaultW
        for seed in 1...40 as ClosedRange<UInt64> {
            let passage = Self.text(seed * 7, w + k - 1)
            let a = Self.text(seed, 300) + passage + Self.text(seed + 1000, 200)
            let b = Self.text(seed + 2000, 150) + passage + Self.text(seed + 3000, 100)
            let fa = Set(Winnowing.fingerprints(ComparableText(a)).map(\.hash))
            let fb = Set(Winnowing.fingerprints(ComparableText(b)).map(\.hash))
            #expect(!fa.isDisjoint(with: fb), "seed \(seed)")
        }
    }

    @Test func densityIsAboutTwoOverWPlusOne() {
        let prints = Winnowing.fingerprints(ComparableText(Self.text(42, 20_000)))
        let density = Double(prints.count) / 20_000
        #expect(abs(density - 2.0 / Double(Winnowing.defaultW + 1)) < 0.02)
        #expect(zip(prints, prints.dropFirst()).allSatisfy { $0.position < $1.position })
        #expect(Winnowing.fingerprints(ComparableText(Self.text(1, Winnowing.defaultK - 1))).isEmpty)
        #expect(Winnowing.fingerprints(ComparableText(Self.text(1, Winnowing.defaultK))).count == 1)
    }
}

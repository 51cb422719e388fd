import Foundation
import Testing
@testable import ShuzhiKit

/// Alignment of two texts into passages, and PAN's measures on known cases.
@Suite struct PassageAlignerTests {
    /// Made-up prose: Han characters from a seed, with a full stop every 23 and a comma every 7.
    static func prose(_ n: Int, seed: UInt64) -> [Unicode.Scalar] {
        var random = CopyBenchmark.SplitMix(seed: seed)
        var out: [Unicode.Scalar] = []
        for i in 0..<n {
            out.append(Unicode.Scalar(0x4E00 + UInt32(random.next() % 3000))!)
            if i % 23 == 22 { out.append("。") } else if i % 7 == 6 { out.append("，") }
        }
        return out
    }

    @Test func findsAVerbatimPassageWithItsOffsetsInBoth() {
        let source = Self.prose(3000, seed: 1)
        let passage = Array(source[1200..<1500])
        let query = Self.prose(800, seed: 2) + ["\n"] + passage + ["\n"] + Self.prose(800, seed: 3)
        let c = TextComparison(query: ComparableText(query), source: ComparableText(source))
        #expect(c.passages.count == 1)
        guard let p = c.passages.first else { return }
        // Offsets are those of the original texts, punctuation included, from the first to the last kept character.
        var expected = 1200..<1500
        while !ScalarClass.isHan(source[expected.lowerBound].value) { expected = (expected.lowerBound + 1)..<expected.upperBound }
        while !ScalarClass.isHan(source[expected.upperBound - 1].value) { expected = expected.lowerBound..<(expected.upperBound - 1) }
        #expect(p.source == expected)
        #expect(Array(query[p.query]) == Array(source[expected]))
        #expect(p.verdict == .copied && p.matched == p.length && c.sourceCopied > 0.07 && c.queryCopied > 0.13)
    }

    @Test func lightEditsStayOnePassage() {
        var random = CopyBenchmark.SplitMix(seed: 9)
        let source = Self.prose(3000, seed: 4)
        let original = Array(source[600..<1100])
        let edited = CopyBenchmark.lightlyEdited(original, random: &random)
        #expect(edited != original)
        let query = Self.prose(500, seed: 5) + ["\n"] + edited + ["\n"] + Self.prose(500, seed: 6)
        let passages = PassageAligner.align(ComparableText(query), ComparableText(source))
        #expect(passages.count == 1, "\(passages)")
        let kept = ComparableText(original).count
        #expect(passages.allSatisfy { $0.query.count >= kept * 9 / 10 && $0.matched < $0.query.count })
    }

    @Test func unrelatedTextsShareNothingAndShortRunsDoNotCount() {
        let a = Self.prose(2000, seed: 7), b = Self.prose(2000, seed: 8)
        #expect(PassageAligner.align(ComparableText(a), ComparableText(b)).isEmpty)
        // Twelve shared characters are below the seed (the gram length).
        let shared = Array(a[100..<114])
        #expect(ComparableText(shared).count == 12)
        #expect(PassageAligner.align(ComparableText(a), ComparableText(b + shared)).isEmpty)
    }

    @Test func aShortPassageIsSharedWordingNotCopying() {
        let source = Self.prose(1000, seed: 10)
        let query = Self.prose(300, seed: 11) + Array(source[200..<230]) + Self.prose(300, seed: 12)
        let c = TextComparison(query: ComparableText(query), source: ComparableText(source))
        #expect(c.passages.count == 1 && c.passages[0].verdict == .sharedWording && c.queryCopied == 0)
    }

    @Test func panMeasures() {
        let s = PlagiarismMeasures.Passage(suspicious: "s", suspiciousRange: 100..<200, source: "t", sourceRange: 0..<100)
        // Found exactly.
        var scores = PlagiarismMeasures.score(cases: [s], detections: [s])
        #expect(scores.precision == 1 && scores.recall == 1 && scores.granularity == 1 && scores.plagdet == 1)
        // Found in two halves: full precision and recall, granularity 2, plagdet 1 / log2(3).
        let halves = [
            PlagiarismMeasures.Passage(suspicious: "s", suspiciousRange: 100..<150, source: "t", sourceRange: 0..<50),
            PlagiarismMeasures.Passage(suspicious: "s", suspiciousRange: 150..<200, source: "t", sourceRange: 50..<100),
        ]
        scores = PlagiarismMeasures.score(cases: [s], detections: halves)
        #expect(scores.recall == 1 && scores.precision == 1 && scores.granularity == 2)
        #expect(abs(scores.plagdet - 1 / log2(3)) < 1e-12)
        // Half found, and a false alarm elsewhere: recall 0.5, precision (1 + 0) / 2.
        let half = PlagiarismMeasures.Passage(suspicious: "s", suspiciousRange: 100..<150, source: "t", sourceRange: 0..<50)
        let wrong = PlagiarismMeasures.Passage(suspicious: "s", suspiciousRange: 400..<450, source: "u", sourceRange: 0..<50)
        scores = PlagiarismMeasures.score(cases: [s], detections: [half, wrong])
        #expect(scores.recall == 0.5 && scores.precision == 0.5 && scores.granularity == 1)
        // The right place in the suspicious text but the wrong source is not a detection.
        scores = PlagiarismMeasures.score(
            cases: [s],
            detections: [PlagiarismMeasures.Passage(suspicious: "s", suspiciousRange: 100..<200, source: "u", sourceRange: 0..<100)])
        #expect(scores.recall == 0 && scores.precision == 0)
    }

    @Test func theBenchmarkIsReproducibleAndItsOffsetsAreRight() {
        let documents = (0..<4).map { n in
            CopyBenchmark.Source(
                name: "d\(n)", text: Self.prose(4000, seed: UInt64(20 + n)).flatMap { $0 == "。" ? ["。", "\n"] : [$0] },
                author: n < 2 ? "a" : "b")
        }
        let one = CopyBenchmark.build(documents, casesPerDocument: 3, obfuscation: .verbatim, seed: 5)
        let two = CopyBenchmark.build(documents, casesPerDocument: 3, obfuscation: .verbatim, seed: 5)
        #expect(one.map(\.text) == two.map(\.text) && one.map(\.cases) == two.map(\.cases))
        let byName = Dictionary(uniqueKeysWithValues: documents.map { ($0.name, $0) })
        for suspicious in one {
            #expect(suspicious.cases.count == 3)
            for c in suspicious.cases {
                guard let source = byName[c.source] else { Issue.record("no source \(c.source)"); continue }
                #expect(Array(suspicious.text[c.suspiciousRange]) == Array(source.text[c.sourceRange]))
                #expect((50...900).contains(c.sourceRange.count))
                // Never from the same author.
                #expect(source.author != byName[suspicious.host]?.author)
            }
        }
    }
}

import Testing
@testable import ShuzhiKit

/// A batch compared with itself: the matrix, the clusters and the line between a passage passed round and wording
/// the whole batch uses.
@Suite struct BatchSimilarityTests {
    static func prose(_ n: Int, seed: UInt64) -> [Unicode.Scalar] { PassageAlignerTests.prose(n, seed: seed) }

    static func similarity(_ texts: [[Unicode.Scalar]]) -> BatchSimilarity {
        let index = BatchSimilarity.Index(texts.map { ComparableText($0) })
        return BatchSimilarity(index, comparisons: index.candidates.map { index.compare($0.0, $0.1) })
    }

    @Test func aCopiedPassageLinksTwoReportsBothWays() {
        let a = Self.prose(2000, seed: 1)
        let b = Self.prose(600, seed: 2) + Array(a[800..<1200]) + Self.prose(600, seed: 3)
        let c = Self.prose(1500, seed: 4)
        let s = Self.similarity([a, b, c])
        #expect(s.pairs.count == 1 && s.pairs[0].copiedPassages == 1)
        // The shares count characters, punctuation left out: 400 scalars of a are about 340 characters.
        let taken = Double(ComparableText(Array(a[800..<1200])).count)
        #expect(abs(s.copied[1][0] - taken / Double(ComparableText(b).count)) < 0.005, "\(s.copied)")
        #expect(abs(s.copied[0][1] - taken / Double(ComparableText(a).count)) < 0.005)
        #expect(s.copied[0][2] == 0 && s.copied[2][0] == 0 && s.copiedShare[2] == 0)
        #expect(s.clusters == [[0, 1]] && s.order == [0, 1, 2])
        #expect(s.largestPartner(of: 1)?.report == 0 && s.largestPartner(of: 2) == nil && s.cluster(of: 2) == nil)
    }

    /// Two reports, and no others, that open a paragraph with the same sentence of formulas: shared wording however
    /// small the batch; the same two with a sentence of their own in common are copying.
    @Test func formulasAreSharedWordingEvenBetweenTwoReports() {
        let formulas = Array("深入学习贯彻习近平新时代中国特色社会主义思想，深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”，牢记“三个务必”，筑牢拒腐防变的思想防线。".unicodeScalars)
        let a = Self.prose(800, seed: 21) + formulas + Self.prose(800, seed: 22)
        let b = Self.prose(800, seed: 23) + formulas + Self.prose(800, seed: 24)
        let s = Self.similarity([a, b])
        #expect(s.copied[0][1] == 0 && s.copied[1][0] == 0, "\(s.copied)")
        let own = Array("我县在全省率先建成覆盖城乡的智慧养老服务平台，为全县一万二千名独居老人安装了紧急呼叫设备并组建了四十支志愿服务队。".unicodeScalars)
        let copied = Self.similarity([a + own, b + own])
        #expect(copied.copied[0][1] > 0 && copied.pairs.first?.copiedPassages == 1)
    }

    @Test func clustersJoinThroughEachOtherAndComeFirstInTheHeatmap() {
        let t = (0..<6).map { Self.prose(1500, seed: 10 + UInt64($0)) }
        // 4 took from 1, 5 took from 4 (a different passage): one cluster of three; 0, 2, 3 stand alone.
        var texts = t
        texts[4] = t[4] + Array(t[1][100..<500])
        texts[5] = t[5] + Array(t[4][700..<1100])
        let s = Self.similarity(texts)
        #expect(s.clusters == [[1, 4, 5]], "\(s.clusters)")
        #expect(s.order == [1, 4, 5, 0, 2, 3])
        #expect(s.copied[5][1] == 0 && s.copied[5][4] > 0.15, "\(s.copied[5])")
    }

    @Test func wordingMostOfTheBatchHoldsIsNotCopying() {
        // Eight reports; every one ends with the same 300-character paragraph (the thanks at the end of a government
        // report), and two of them also share a paragraph no other report has.
        let thanks = Self.prose(300, seed: 99)
        var texts = (0..<8).map { Self.prose(1200, seed: 20 + UInt64($0)) + thanks }
        let passedRound = Self.prose(300, seed: 98)
        texts[2] += passedRound
        texts[6] += passedRound
        let s = Self.similarity(texts)
        #expect(s.clusters == [[2, 6]], "\(s.clusters)")
        for pair in s.pairs where !(pair.first == 2 && pair.second == 6) {
            #expect(pair.copiedPassages == 0)
        }
        #expect(s.sharedWordingShare[0] > 0.15)
    }

    @Test func aPassageAFewReportsShareIsCopyingInEachPair() {
        // Twelve reports; the same template paragraph in three of them: each pair of the three is copying.
        let template = Self.prose(400, seed: 77)
        var texts = (0..<12).map { Self.prose(1200, seed: 40 + UInt64($0)) }
        for i in [1, 5, 9] { texts[i] += template }
        let s = Self.similarity(texts)
        #expect(s.clusters == [[1, 5, 9]])
        #expect(s.copied[1][5] > 0.2 && s.copied[5][9] > 0.2 && s.copied[1][9] > 0.2)
    }

    @Test func anEmptyOrSingleBatchHasNothingToCompare() {
        #expect(Self.similarity([]).pairs.isEmpty)
        let one = Self.similarity([Self.prose(500, seed: 1)])
        #expect(one.count == 1 && one.clusters.isEmpty && one.copied == [[0]])
    }
}

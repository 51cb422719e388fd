import Foundation
import Testing
@testable import ShuzhiKit

@Suite struct CSCEvaluationTests {
    @Test func readsBothFileShapesAndSkipsComments() {
        let (pairs, skipped) = CSCEvaluation.read("# header\n你好\t你好\n2\t大数局产业\t大数据产业\r\n\n单独一列\n")
        #expect(pairs.map(\.source) == ["你好", "大数局产业"])
        #expect(pairs.map(\.target) == ["你好", "大数据产业"])
        #expect(skipped == 1)
    }

    /// pycorrector counts a wrong correction of an erroneous sentence as FN only, and any change to a correct one as FP.
    @Test func sentenceLevelCountsAsPycorrectorDoes() {
        var m = CSCEvaluation.SentenceLevel()
        m.add(source: "对不气", target: "对不起", predicted: "对不起")  // TP
        m.add(source: "对不气", target: "对不起", predicted: "对不器")  // FN (wrong fix)
        m.add(source: "对不气", target: "对不起", predicted: "对不气")  // FN (missed)
        m.add(source: "你好", target: "你好", predicted: "你号")  // FP
        m.add(source: "你好", target: "你好", predicted: "你好")  // TN
        #expect((m.tp, m.fp, m.fn, m.tn) == (1, 1, 2, 1))
        #expect(m.precision == 0.5 && abs(m.recall - 1.0 / 3) < 1e-12)
        #expect(abs(m.f1 - 0.4) < 1e-12 && m.accuracy == 0.4)
        #expect(CSCEvaluation.SentenceLevel().f1 == 0)
    }

    @Test func detectionAndCorrectionLevels() {
        var m = CSCEvaluation.DetectionCorrection()
        m.add(source: "对不气好", target: "对不起好", predicted: "对不器好")  // detected, not corrected
        m.add(source: "对不气好", target: "对不起好", predicted: "对不起好")  // both
        m.add(source: "你好", target: "你好", predicted: "你号")  // a false detection
        m.add(source: "你号", target: "你好", predicted: "你号")  // missed
        #expect((m.predictedSentences, m.erroneousSentences, m.detected, m.corrected) == (3, 3, 2, 1))
        #expect(abs(m.detectionPrecision - 2.0 / 3) < 1e-12 && abs(m.correctionRecall - 1.0 / 3) < 1e-12)
    }

    @Test func appliesTypoReplacementsOnly() {
        let rule = RuleDescription(id: "typo.char", severity: .warning, summary: "", rationale: "", triggering: [], nonTriggering: [])
        let other = RuleDescription(
            id: "punct.halfwidth", severity: .warning, summary: "", rationale: "", triggering: [], nonTriggering: [])
        let ds = [
            rule.diagnostic(2..<3, "", replacements: ["起"]), other.diagnostic(3..<4, "", replacements: ["，"]),
            rule.diagnostic(6..<7, "", replacements: ["据"]),
        ]
        #expect(CSCEvaluation.corrected("对不气,大数局", ds) == "对不起,大数据")
    }

    /// A development sentence's finding is right when it alone makes the target; untouched text's findings are all
    /// wrong and weigh `cleanWeight`; findings fall in the bin of their confidence.
    @Test func calibrationBinsWeighUntouchedText() {
        let rule = RuleDescription(id: "typo.char", severity: .warning, summary: "", rationale: "", triggering: [], nonTriggering: [])
        var c = CSCEvaluation.Calibration(cleanWeight: 4)
        c.add(
            source: "对不气", target: "对不起",
            [
                rule.diagnostic(2..<3, "", replacements: ["起"], confidence: 0.97),
                rule.diagnostic(0..<1, "", replacements: ["队"], confidence: 0.85),
            ])
        c.addClean([rule.diagnostic(0..<1, "", replacements: ["队"], confidence: 0.99)])
        c.add(source: "你好", target: "你好", [rule.diagnostic(1..<2, "", replacements: ["号"], confidence: 0.2)])
        let top = c.bins[CSCEvaluation.Calibration.edges.firstIndex(of: 0.95)!]
        #expect((top.findings, top.right) == (2, 1))
        #expect(abs(top.precision - 1.0 / 5) < 1e-12 && abs(top.meanConfidence - 0.98) < 1e-12)
        let high = c.bins[CSCEvaluation.Calibration.edges.firstIndex(of: 0.8)!]
        #expect((high.findings, high.right, high.precision) == (1, 0, 0))
        #expect(c.bins.reduce(0) { $0 + $1.findings } == 3)  // below the lowest edge: not counted
    }
}

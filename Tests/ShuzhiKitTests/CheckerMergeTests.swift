import Testing
@testable import ShuzhiKit

/// How the checker merges what its rules say of the same characters.
@Suite struct CheckerMergeTests {
    static func finding(_ rule: String, _ range: Range<Int>, _ replacement: String, _ confidence: Double?) -> Diagnostic {
        Diagnostic(
            rule: rule, severity: .warning, range: range, message: rule, replacements: [replacement],
            fix: Fix(.unsafe, [TextEdit(range, replacement)]), confidence: confidence)
    }

    /// 其它 → 其他 said by the confusable-word list and by the homophone finder is one slip, shown once, with the
    /// surer of the two.
    @Test func oneFamilysSameFixOfTheSameCharactersIsShownOnce() {
        let merged = Checker.withoutRepeatedFixes([
            Self.finding("typo.homophone", 7..<9, "其他", 0.83),
            Self.finding("typo.word", 7..<9, "其他", 0.95),
        ])
        #expect(merged.map(\.rule) == ["typo.word"])
        let tie = Checker.withoutRepeatedFixes([
            Self.finding("typo.homophone", 7..<9, "其他", 0.9), Self.finding("typo.word", 7..<9, "其他", 0.9),
        ])
        #expect(tie.map(\.rule) == ["typo.homophone"])
    }

    /// Different fixes, different characters or different families are different findings.
    @Test func otherFindingsStay() {
        let kept = [
            Self.finding("typo.char", 3..<4, "施", 0.9), Self.finding("typo.homophone", 3..<5, "实施", 0.9),
            Self.finding("typo.word", 3..<5, "其他", 0.95), Self.finding("punct.width", 3..<5, "其他", nil),
        ]
        #expect(Checker.withoutRepeatedFixes(kept).count == kept.count)
    }

    /// End to end: a sentence where both rules see 其它 gets one finding there.
    @Test func aConfusableWordIsReportedOnceInAReport() {
        let document = Document(text: "加强危险废物、其它固体废物处置。")
        let found = Checker().check(document).filter { document.string($0.range) == "其它" }
        #expect(found.count == 1, "\(found.map(\.rule))")
    }
}

import Foundation
import Testing
@testable import ShuzhiKit

@Suite struct FixerTests {
    static var reports: [String] {
        var texts = [try! String(contentsOf: Fixture.packageRoot.appendingPathComponent("Examples/sample-report.txt"), encoding: .utf8)]
        if let shared = Fixture.shared {
            for name in ["county-deputy-head-2020.txt", "park-deputy-director.txt"] {
                texts.append(try! String(contentsOf: shared.appendingPathComponent("samples/\(name)"), encoding: .utf8))
            }
        }
        return texts
    }

    @Test(arguments: [false, true])
    func fixingTwiceChangesNothing(unsafe: Bool) {
        for text in Self.reports {
            let once = Fixer.fixAll(Document(text: text), checker: Checker(), includeUnsafe: unsafe)
            let twice = Fixer.fixAll(once.document, checker: Checker(), includeUnsafe: unsafe)
            #expect(twice.applied == 0)
            #expect(twice.document.text == once.document.text)
            // What is left has no fix of the applied kind.
            #expect(!once.remaining.contains { $0.fix?.applicability == .safe })
        }
    }

    @Test func theSampleLosesItsAdvertsAndKeepsItsContent() throws {
        let text = Self.reports[0]
        let result = Fixer.fixAll(Document(text: text), checker: Checker(), includeUnsafe: false)
        let fixed = result.document.text
        #expect(!fixed.contains("公众号") && !fixed.contains("浏览次数") && !fixed.contains("QQ"))
        #expect(!fixed.contains("24次,") && fixed.contains("24次，"))
        #expect(fixed.contains("（二）经济运行稳中向好") && fixed.contains("1.争取上级资金"))
        #expect(fixed.hasPrefix("2023年度个人述职述廉报告\n"))
        #expect(fixed.hasSuffix("2023年12月20日\n"))
        // Unsafe fixes stay for a person to decide.
        #expect(fixed.contains("认真贯彻认真贯彻"))
    }

    @Test func findingsThatDisagreeOnOnePlaceFixNeither() {
        // The half-width ")" closes a 《: punct.halfwidth would write "）", punct.unpaired-bracket asks for "》".
        let doc = Document(text: "2024年度述职报告\n认真学习《习近平谈治国理政)第四卷，深入学习。\n")
        let at = doc.scalars.firstIndex(of: ")")!
        let there = doc.diagnostics.filter { $0.range == at..<at + 1 }
        #expect(Set(there.map(\.rule)) == ["punct.halfwidth", "punct.unpaired-bracket"])
        #expect(Set(there.compactMap(\.replacements.first)) == ["）", "》"])
        #expect(there.allSatisfy { $0.fix == nil })
        let fixed = Fixer.apply(doc.diagnostics, to: doc.scalars, includeUnsafe: true).0
        #expect(fixed.contains(")"))
        // One finding alone keeps its fix.
        let alone = Document(text: "2024年度述职报告\n全年学习24次,撰写心得。\n").diagnostics
        #expect(alone.contains { $0.rule == "punct.halfwidth" && $0.fix?.applicability == .safe })
    }

    @Test func overlappingFixesWaitForTheNextRound() {
        let a = Diagnostic(
            rule: "t.a", severity: .error, range: 0..<2, message: "", replacements: ["X"], fix: Fix(.safe, [TextEdit(0..<2, "X")]))
        let b = Diagnostic(
            rule: "t.b", severity: .error, range: 1..<3, message: "", replacements: ["Y"], fix: Fix(.safe, [TextEdit(1..<3, "Y")]))
        let (out, count) = Fixer.apply([a, b], to: "abcd".scalarArray, includeUnsafe: false)
        #expect(String(String.UnicodeScalarView(out)) == "Xcd")
        #expect(count == 1)
    }

    @Test func unifiedDiffShowsTheChangedLines() {
        let diff = UnifiedDiff.diff("一\n二,三\n四\n", "一\n二，三\n四\n", oldName: "a", newName: "b")
        #expect(diff == "--- a\n+++ b\n@@ -1,3 +1,3 @@\n 一\n-二,三\n+二，三\n 四\n")
        #expect(UnifiedDiff.diff("same\n", "same\n", oldName: "a", newName: "b").isEmpty)
    }
}

import Foundation
import Testing
@testable import ShuzhiKit

@Suite struct RendererTests {
    @Test func jsonEscapingRoundTrips() throws {
        let tricky = "引号\"反斜杠\\换行\n回车\r制表\t控制\u{01}分隔\u{2028}段\u{2029}尾𠀀…"
        let value = JSONValue.object([
            ("k\"ey", .string(tricky)), ("n", .int(-3)), ("b", .bool(true)), ("x", .null),
            ("a", .array([.double(1.5), .string("")])),
        ])
        for pretty in [true, false] {
            let bytes = value.bytes(pretty: pretty)
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("\u{2028}") && !text.contains("\u{01}"))
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            #expect(parsed["k\"ey"] as? String == tricky)
            #expect(parsed["n"] as? Int == -3)
        }
    }

    @Test func keysKeepTheirOrder() {
        let value = JSONValue.object([
            ("file", .string("a")), ("encoding", .string("UTF-8")), ("diagnostics", .array([])), ("summary", .object([])),
        ])
        #expect(value.serialized(pretty: false) == #"{"file":"a","encoding":"UTF-8","diagnostics":[],"summary":{}}"#)
    }

    @Test func theImportantComeFirstAndAParagraphsPlaceholdersAreOneEntry() {
        let doc = Document(name: "r.txt", text: "完成投资xx亿元，增长x%，新增xx家,\n牢固树立四个意思。\n述职人：×××\n")
        func d(_ rule: String, _ range: Range<Int>) -> Diagnostic {
            Diagnostic(rule: rule, severity: .error, range: range, message: rule)
        }
        // In text order, as the checker gives them.
        let diagnostics = [
            d("residue.placeholder", 4..<6), d("residue.placeholder", 11..<12), d("residue.placeholder", 16..<18),
            d("punct.halfwidth", 19..<20), d("formula.name", 25..<29), d("residue.placeholder", 35..<38),
        ]
        let order = ReadingOrder(diagnostics, in: doc)
        #expect(order.entries.map(\.indices) == [[4], [3], [0, 1, 2], [5]])
        #expect(order.entries.map(\.isPlaceholderList) == [false, false, true, true])
        #expect(order.headline == "先看：固定提法 1 处、标点 1 处；待填 4 处（2 段）")
        let report = CheckReport(document: doc, diagnostics: diagnostics)
        #expect(ReadingOrder.placeholderListMessage([0, 1, 2], report).contains("本段 3 处") == true)
        #expect(ReadingOrder.placeholderListMessage([0, 1, 2], report).contains("完成投资【xx】亿元，增…；…元，增长【x】%，新增…"))

        let out = TextRenderer(color: false).render(report)
        #expect(out.hasPrefix("先看：固定提法 1 处、标点 1 处；待填 4 处（2 段）\n"))
        let formula = out.range(of: "error[formula.name]")!, punct = out.range(of: "error[punct.halfwidth]")!
        let list = out.range(of: "待填清单：本段 3 处")!
        #expect(formula.lowerBound < punct.lowerBound && punct.lowerBound < list.lowerBound)
        // One block for line 1's three placeholders, a caret under each: 完成投资 is 8 columns, xx 2, 亿元，增长 10 …
        #expect(out.components(separatedBy: "error[residue.placeholder]").count - 1 == 2)
        #expect(out.contains("\n   | " + String(repeating: " ", count: 8) + "^~" + String(repeating: " ", count: 10) + "^"))
        // The single placeholder of the signature stays a finding of its own.
        #expect(out.contains("r.txt:3:5: error[residue.placeholder] residue.placeholder"))
    }

    @Test func aOneCharacterChangeIsShownInItsPhrase() {
        let doc = Document(name: "r.txt", text: "落实营商环境的布署，全年24次,撰写。\n")
        let typo = Diagnostic(rule: "typo.char", severity: .warning, range: 7..<8, message: "m", replacements: ["部"])
        let punct = Diagnostic(rule: "punct.halfwidth", severity: .error, range: 14..<15, message: "m", replacements: ["，"])
        let deletion = Diagnostic(rule: "repeat.char", severity: .warning, range: 7..<8, message: "m", replacements: [""])
        // Four Chinese characters either side (商环境的 | 署), up to the punctuation.
        #expect(CorrectedPhrase(typo, in: doc.scalars)?.sentence == "“商环境的布署”应为“商环境的部署”")
        #expect(CorrectedPhrase(punct, in: doc.scalars) == nil && CorrectedPhrase(deletion, in: doc.scalars) == nil)
        let report = CheckReport(document: doc, diagnostics: [typo, punct])
        #expect(TextRenderer(color: false).render(report).contains("建议：改为“部”（“商环境的布署”应为“商环境的部署”）"))
        #expect(DocxAnnotator.notes([typo], document: doc).last?.text.hasSuffix("建议：改为“部”（“商环境的布署”应为“商环境的部署”）") == true)
    }

    @Test func caretsSitUnderTheSpanAfterAmbiguousPunctuation() {
        let doc = Document(name: "r.txt", text: "推行“一网通办”,撰写心得。\n")
        let comma = Diagnostic(rule: "punct.halfwidth", severity: .error, range: 8..<9, message: "m", replacements: ["，"])
        let report = CheckReport(document: doc, diagnostics: [comma])
        // 推行 4 columns, “ and ” one each as terminals draw them, 一网通办 8: the caret is 14 columns in.
        #expect(TextRenderer(color: false).render(report).contains("\n   | " + String(repeating: " ", count: 14) + "^\n"))
        var wide = TextRenderer(color: false)
        wide.ambiguousWidth = 2
        #expect(wide.render(report).contains("\n   | " + String(repeating: " ", count: 16) + "^\n"))
    }

    @Test func textOutputUnderlinesWideCharacters() {
        let doc = Document(name: "r.txt", text: "一、加强学习\n全年学习24次,撰写心得。\n")
        let report = CheckReport(document: doc, diagnostics: Checker().check(doc))
        let out = TextRenderer(color: false).render(report)
        #expect(out.contains("r.txt:2:8: error[punct.halfwidth]"))
        // 全年学习 is 8 columns, 24 is 2 and 次 is 2: the caret sits 12 columns in, under the comma.
        #expect(out.contains("\n   | " + String(repeating: " ", count: 12) + "^\n"))
        #expect(out.contains("建议：改为“，”"))
        #expect(!out.contains("\u{1B}["))
        #expect(TextRenderer(color: true).render(report).contains("\u{1B}[1;31merror"))
    }

    @Test func sarifRegionsCountCodePoints() throws {
        let doc = Document(name: "目录/报告 1.txt", text: "𠀀学习,工作\n")
        let report = CheckReport(document: doc, diagnostics: Checker().check(doc))
        let sarif = try #require(
            try JSONSerialization.jsonObject(with: Data(SARIFRenderer.render([report], version: "t").bytes())) as? [String: Any])
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let region = try #require(location["region"] as? [String: Any])
        #expect(region["startColumn"] as? Int == 4 && region["charOffset"] as? Int == 3)
        let uri = try #require((location["artifactLocation"] as? [String: Any])?["uri"] as? String)
        #expect(uri == "%E7%9B%AE%E5%BD%95/%E6%8A%A5%E5%91%8A%201.txt")
    }
}

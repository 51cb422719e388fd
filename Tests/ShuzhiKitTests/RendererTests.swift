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

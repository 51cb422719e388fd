import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ShuzhiServer

/// The organisation's word list over HTTP: a word taught is honoured by the next check, listed, exported and removed;
/// the stored reports suggest words; bad words are refused with a message.
@Suite struct WordRoutesTests {
    static let json: HTTPFields = [.contentType: "application/json"]
    static let report = "2024年度述职报告\n一、主要工作\n一年来，我认真落实营商环境的布署，推进项目建设。\n"

    static func typoWords(_ response: TestResponse) -> [String] {
        ((response.json["diagnostics"] as? [[String: Any]]) ?? []).filter { ($0["family"] as? String) == "typo" }.compactMap {
            $0["word"] as? String
        }
    }

    @Test func aTaughtWordIsHonouredListedExportedAndRemoved() async throws {
        try await TestServer().run { client in
            let check = { () async throws -> [String] in
                try await client.execute(
                    uri: "/api/check", method: .post, headers: Self.json, body: .json(["text": Self.report, "name": "r.txt"])
                ) { Self.typoWords($0) }
            }
            #expect(try await check() == ["布署"])
            try await client.execute(uri: "/api/words", method: .post, headers: Self.json, body: .json(["word": " 布署 ", "note": "测试"])) {
                #expect($0.status == .created)
                #expect($0.json["word"] as? String == "布署" && $0.json["added"] as? Bool == true)
            }
            try await client.execute(uri: "/api/words", method: .post, headers: Self.json, body: .json(["word": "布署"])) {
                #expect($0.status == .ok && $0.json["added"] as? Bool == false)
            }
            #expect(try await check().isEmpty)
            try await client.execute(uri: "/api/words", method: .get) { response in
                let words = response.json["words"] as? [[String: Any]] ?? []
                #expect(words.map { $0["word"] as? String } == ["布署"] && words.first?["source"] as? String == "store")
                #expect(words.first?["note"] as? String == "测试")
            }
            try await client.execute(uri: "/api/words?format=txt", method: .get) { response in
                #expect(String(buffer: response.body) == "布署\n")
                #expect(response.headers[.contentDisposition]?.contains("attachment") == true)
            }
            try await client.execute(uri: "/api/words/%E5%B8%83%E7%BD%B2", method: .delete) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/words/%E5%B8%83%E7%BD%B2", method: .delete) { #expect($0.status == .notFound) }
            #expect(try await check() == ["布署"])
            // The limits are the schema's: 40 Unicode scalars as given (21 é written e + U+0301 are 42), no control characters.
            for bad in [
                "", "   ", String(repeating: "长", count: 41), String(repeating: "e\u{301}", count: 21), "两行\n词", "响\u{7}铃", " \u{2028}",
            ] {
                try await client.execute(uri: "/api/words", method: .post, headers: Self.json, body: .json(["word": bad])) { response in
                    #expect(response.status == .badRequest, "\(bad)")
                    #expect(!response.errorMessage.isEmpty)
                }
            }
            try await client.execute(uri: "/api/words", method: .post, headers: Self.json, body: ByteBuffer(string: "布署")) {
                #expect($0.status == .badRequest)
            }
        }
    }

    /// Two stored reports that write the same flagged word alike suggest it; one report alone does not.
    @Test func storedReportsSuggestTheirSharedWords() async throws {
        try await TestServer().run { client in
            var form = Form()
            form.file("files", "甲.txt", Array(Self.report.utf8))
            form.file("files", "乙.txt", Array(Self.report.replacingOccurrences(of: "推进项目建设", with: "抓好安全生产").utf8))
            form.field("kind", "report")
            try await client.execute(uri: "/api/corpus", method: .post, headers: Form.headers, body: form.buffer) {
                #expect($0.status == .created, "\(String(buffer: $0.body))")
            }
            try await client.execute(uri: "/api/words/suggestions", method: .get) { response in
                let suggestions = response.json["suggestions"] as? [[String: Any]] ?? []
                #expect(suggestions.first?["word"] as? String == "布署", "\(String(buffer: response.body))")
                #expect(suggestions.first?["documents"] as? Int == 2)
            }
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ShuzhiKit
import ShuzhiService
import ShuzhiStore
@testable import ShuzhiServer

/// The JSON API: each endpoint gives what the CLI command of the same name gives, and every failure is JSON with the
/// right status.
@Suite struct APITests {
    static let json: HTTPFields = [.contentType: "application/json"]

    @Test func checkGivesTheLibrarysFindingsWithTheText() async throws {
        let text = Fixture.sampleText
        let expected = CheckReport(
            document: try Ingest.document(from: Array(text.utf8), name: OutputName.pasted(text)),
            diagnostics: Checker().check(try Ingest.document(from: Array(text.utf8), name: OutputName.pasted(text))))
        let expectedJSON = try JSONSerialization.jsonObject(with: Data(expected.json.bytes())) as! [String: Any]
        let want = (expectedJSON["diagnostics"] as! [[String: Any]]).map { "\($0["rule"]!)@\($0["start"]!)-\($0["end"]!)" }
        try await TestServer().run { client in
            try await client.execute(
                uri: "/api/check?include=outline,metrics", method: .post, headers: Self.json,
                body: .json(["text": text])
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let body = response.json
                #expect(body["text"] as? String == text)
                let got = body["diagnostics"] as! [[String: Any]]
                #expect(got.count == want.count && got.count > 10)
                #expect(got.map { "\($0["rule"]!)@\($0["start"]!)-\($0["end"]!)" } == want)
                #expect((body["outline"] as? [String: Any])?["sections"] != nil)
                #expect((body["metrics"] as? [String: Any])?["results"] != nil)
            }
        }
    }

    @Test func aWordFileUploadedAsItselfIsReadAndFixedAsTrackedChanges() async throws {
        let docx = try Fixture.bytes("report.docx")
        let document = try Ingest.document(from: docx, name: "report.docx")
        let diagnostics = Checker().check(document)
        try await TestServer().run { client in
            try await client.execute(uri: "/api/check?name=%E6%8A%A5%E5%91%8A.docx", method: .post, body: ByteBuffer(bytes: docx)) {
                response in
                #expect(response.status == .ok)
                #expect(response.json["file"] as? String == "报告.docx")
                #expect((response.json["diagnostics"] as? [Any])?.count == diagnostics.count)
            }
            try await client.execute(uri: "/api/fix?name=report.docx&output=accepted", method: .post, body: ByteBuffer(bytes: docx)) {
                response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition]?.contains("report.fixed.docx") == true)
                // Made directly, the fixes read back as one round of Fixer on the same findings.
                let fixed = try Ingest.document(from: response.bytes, name: "fixed.docx")
                let expected = Fixer.apply(diagnostics, to: document.scalars, includeUnsafe: false).0
                #expect(fixed.scalars == expected)
            }
            try await client.execute(uri: "/api/annotate?name=report.docx", method: .post, body: ByteBuffer(bytes: docx)) { response in
                #expect(response.status == .ok)
                let archive = try ZipArchive(response.bytes)
                let comments = try archive.data(of: archive.entry(named: "word/comments.xml")!, limit: 1 << 24)
                // The summary on the title, then one comment per entry of the reading order.
                #expect(
                    String(decoding: comments, as: UTF8.self).components(separatedBy: "<w:comment ").count - 1
                        == ReadingOrder(diagnostics, in: document).entries.count + 1)
            }
        }
    }

    @Test func fixKeepsTheWritersChoices() async throws {
        let text = "我们要再接再励,把工作做好。"
        let document = try Ingest.document(from: Array(text.utf8), name: "t.txt")
        let diagnostics = Checker().check(document)
        let idiom = try #require(diagnostics.first { $0.rule == "typo.idiom" })
        let comma = try #require(diagnostics.first { $0.rule == "punct.halfwidth" })
        try await TestServer().run { client in
            // Default: safe fixes only (the comma), as `shuzhi fix` does.
            try await client.execute(uri: "/api/fix", method: .post, headers: Self.json, body: .json(["text": text])) { response in
                #expect(response.text == "我们要再接再励，把工作做好。")
            }
            // The idiom accepted, the comma ignored.
            let uri = "/api/fix?accept=\(idiom.key)&ignore=\(comma.key)"
            try await client.execute(uri: uri, method: .post, headers: Self.json, body: .json(["text": text])) { response in
                #expect(response.text == "我们要再接再厉,把工作做好。")
            }
            try await client.execute(uri: "/api/fix?output=tracked", method: .post, headers: Self.json, body: .json(["text": text])) {
                response in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage.contains("Word"))
            }
            try await client.execute(uri: "/api/format", method: .post, headers: Self.json, body: .json(["text": text, "name": "报告.txt"])) {
                response in
                #expect(response.status == .ok)
                let formatted = try Ingest.document(from: response.bytes, name: "f.docx")
                #expect(formatted.text.contains("再接再励"))
                #expect(response.headers[.contentDisposition]?.contains("filename*=UTF-8''%E6%8A%A5%E5%91%8A.formatted.docx") == true)
            }
            // The marking lines, as the page's form sends them (a space as "+").
            try await client.execute(
                uri: "/api/format?copyNumber=000001&secrecy=%E7%A7%98%E5%AF%86+1%E5%B9%B4", method: .post, headers: Self.json,
                body: .json(["text": text, "name": "报告.txt"])
            ) { response in
                #expect(response.status == .ok)
                let formatted = try? Ingest.document(from: response.bytes, name: "f.docx")
                #expect(formatted?.text.hasPrefix("000001\n秘密 1年\n") == true)
            }
        }
    }

    @Test func badInputAnswersJSONWithTheRightStatus() async throws {
        let limits = UploadLimits(maximumDocumentBytes: 100_000)
        try await TestServer(limits: limits).run { client in
            let cases: [(String, HTTPRequest.Method, HTTPFields, ByteBuffer?, HTTPResponse.Status, String)] = [
                ("/api/check", .post, [:], nil, .badRequest, "没有报告内容"),
                ("/api/check", .post, Self.json, ByteBuffer(string: "{\"txt\": 1}"), .badRequest, "JSON"),
                ("/api/check", .post, Self.json, .json(["text": "   \n  "]), .badRequest, "为空"),
                (
                    "/api/check", .post, [:], ByteBuffer(bytes: [0x00, 0x01, 0x02, 0xFF] + [UInt8](repeating: 0, count: 200)), .badRequest,
                    "不是"
                ),
                ("/api/check", .post, [:], ByteBuffer(bytes: [UInt8](repeating: 0x41, count: 300_000)), .contentTooLarge, "过大"),
                ("/api/check?typoThreshold=2", .post, Self.json, .json(["text": "正文"]), .badRequest, "typoThreshold"),
                ("/api/check?year=abc", .post, Self.json, .json(["text": "正文"]), .badRequest, "year"),
                ("/api/check", .post, Form.headers, ByteBuffer(string: "garbage"), .badRequest, "表单"),
                ("/api/nothing", .get, [:], nil, .notFound, "没有这个地址"),
                ("/api/corpus/999", .get, [:], nil, .notFound, "999"),
                ("/api/review/abc", .get, [:], nil, .notFound, "审阅"),
                ("/api/compare", .post, Self.json, .json(["a": ["text": "一"]]), .badRequest, "两份"),
                // A parameter of a few values refuses any other, rather than quietly meaning its default.
                ("/api/corpus?kind=reports", .get, [:], nil, .badRequest, "kind 应为 report、template 或 other"),
                ("/api/words?format=csv", .get, [:], nil, .badRequest, "format 应为 json 或 txt"),
                ("/api/fix?output=word", .post, Self.json, .json(["text": "正文"]), .badRequest, "output 应为 text、tracked 或 accepted"),
                ("/api/review/abc?format=xls", .get, [:], nil, .badRequest, "format 应为 json、csv、html、sheets 或 pdf"),
            ]
            for (uri, method, headers, body, status, message) in cases {
                try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
                    #expect(response.status == status, "\(uri)")
                    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, "\(uri)")
                    #expect(response.errorMessage.contains(message), "\(uri): \(response.errorMessage)")
                }
            }
            // A .docx with an encrypted package, and a .docx that is a zip bomb, are refused as files.
            try await client.execute(
                uri: "/api/check?name=x.docx", method: .post, body: ByteBuffer(bytes: try Fixture.bytes("encrypted.docx"))
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage.contains("密码"))
            }
            try await client.execute(
                uri: "/api/check?name=bomb.docx", method: .post, body: ByteBuffer(bytes: try Fixture.bytes("bomb.docx"))
            ) { response in
                #expect([.badRequest, .contentTooLarge].contains(response.status))
                #expect(!response.errorMessage.isEmpty)
            }
        }
    }

    /// A known path asked with a method it does not take is 405 with the methods it does take (the fixed path
    /// /api/corpus/stats, not the /api/corpus/{id} it also fits); an unknown path stays 404.
    @Test func aKnownPathAskedWithAnotherMethodIs405WithAllow() async throws {
        try await TestServer().run { client in
            let cases: [(String, HTTPRequest.Method, String?)] = [
                ("/api/words", .put, "GET, POST"), ("/api/corpus/stats", .delete, "GET"), ("/api/corpus/7", .post, "GET, DELETE"),
                ("/api/check", .get, "POST"), ("/api/review/abc/events", .post, "GET"), ("/api/nothing", .put, nil),
            ]
            for (uri, method, allow) in cases {
                try await client.execute(uri: uri, method: method) { response in
                    #expect(response.status == (allow == nil ? .notFound : .methodNotAllowed), "\(method) \(uri)")
                    #expect(
                        response.headers[.allow].map { Set($0.components(separatedBy: ", ")) }
                            == allow.map { Set($0.components(separatedBy: ", ")) },
                        "\(method) \(uri)")
                    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                }
            }
        }
    }

    /// Pasted text is named by its title (the site's lines above it are no title), safe as a file name.
    @Test func pastedTextIsNamedByItsTitle() {
        #expect(OutputName.pasted(Fixture.sampleText) == "2023年度个人述职述廉报告.txt")
        #expect(OutputName.pasted("述 职 报 告\n一年来，我认真履职。") == "述职报告.txt")
        #expect(OutputName.pasted("关于A/B项目的报告\n正文。") == "关于A_B项目的报告.txt")
        #expect(OutputName.pasted("一年来，我认真履职，全年学习24次。") == "报告.txt")
    }

    /// A browser's URLSearchParams writes a space as "+" and a plus as %2B: the name reads back as the file's own.
    @Test func aNameFromTheBrowsersQueryKeepsItsSpacesAndPluses() async throws {
        try await TestServer().run { client in
            try await client.execute(
                uri: "/api/check?name=%E5%B7%A5%E4%BD%9C+%E6%80%BB%E7%BB%93%2B1.txt&typoThreshold=0.9", method: .post,
                body: ByteBuffer(string: "一、报告正文。")
            ) { response in
                #expect(response.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(json?["file"] as? String == "工作 总结+1.txt")
            }
        }
    }

    @Test func compareOutlineAndMetricsMatchTheLibrary() async throws {
        let a = "一年来，我们全年实施重点项目46个，完成投资12亿元，同比增长8.5%。深入基层调研12次，形成调研报告3篇，推动解决群众急难愁盼问题27件。"
        let b = "今年以来，全年实施重点项目46个，完成投资12亿元，同比增长8.5%。深入基层调研12次，形成调研报告3篇，推动解决群众急难愁盼问题27件。另外加强队伍建设。"
        try await TestServer().run { client in
            try await client.execute(
                uri: "/api/compare", method: .post, headers: Self.json, body: .json(["a": ["text": a], "b": ["text": b]])
            ) { response in
                #expect(response.status == .ok)
                let passages = response.json["passages"] as? [[String: Any]] ?? []
                #expect(!passages.isEmpty)
            }
            try await client.execute(uri: "/api/metrics", method: .post, headers: Self.json, body: .json(["text": a])) { response in
                let results = response.json["results"] as? [[String: Any]] ?? []
                let document = try Ingest.document(from: Array(a.utf8), name: "a")
                #expect(results.count == StatedResults.extract(Analysis(document)).count && results.count >= 4)
            }
            try await client.execute(uri: "/api/outline", method: .post, headers: Self.json, body: .json(["text": Fixture.sampleText])) {
                response in
                let structure = response.json["structure"] as? [String: Any]
                #expect((structure?["present"] as? [String])?.contains("述廉") == true)
            }
            try await client.execute(uri: "/api/rules", method: .get) { response in
                let rules = try JSONSerialization.jsonObject(with: Data(response.bytes)) as? [[String: Any]] ?? []
                #expect(rules.count == RuleRegistry.descriptions.count)
            }
        }
    }

    /// Every path and method the OpenAPI file documents is routed (a made-up id gives the endpoint's own 404, not
    /// the router's), and the file is valid JSON that says 3.1.
    @Test func everyDocumentedEndpointExists() async throws {
        let spec = try JSONSerialization.jsonObject(with: Data(WebAssets.openAPI)) as! [String: Any]
        #expect(spec["openapi"] as? String == "3.1.0")
        let paths = (spec["paths"] as! [String: [String: Any]]).mapValues { Array($0.keys) }
        #expect(paths.count >= 15)
        try await TestServer().run { client in
            for (path, operations) in paths {
                let uri = path.replacingOccurrences(of: "{id}", with: "12345").replacingOccurrences(of: "{number}", with: "1")
                for method in operations where ["get", "post", "delete"].contains(method) {
                    let m: HTTPRequest.Method = method == "get" ? .get : (method == "post" ? .post : .delete)
                    try await client.execute(uri: uri, method: m, headers: Self.json, body: m == .post ? .json(["text": "测试"]) : nil) {
                        response in
                        #expect(
                            response.json["error"].map { ($0 as? [String: Any])?["kind"] as? String } != "http-404", "\(method) \(path)")
                        #expect(response.status != .methodNotAllowed, "\(method) \(path)")
                    }
                }
            }
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.bytes == WebAssets.openAPI)
            }
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ShuzhiKit
import ShuzhiStore
@testable import ShuzhiServer

/// Batch review jobs (started, followed, cancelled, exported, one report opened) and the corpus endpoints.
@Suite struct ReviewAndCorpusTests {
    /// Three reports: the second copies most of the first; the third is its own.
    static let batch: [(String, String)] = [
        ("张三.txt", "2024年述职报告\n一、工作情况\n一年来，全年实施重点项目46个，完成投资12亿元，同比增长8.5%。深入基层调研12次，形成调研报告3篇，推动解决群众急难愁盼问题27件。组织开展安全生产大检查5轮，排查整改隐患143处。"),
        ("李四.txt", "2024年述职报告\n一、工作情况\n今年以来，全年实施重点项目46个，完成投资12亿元，同比增长8.5%。深入基层调研12次，形成调研报告3篇，推动解决群众急难愁盼问题27件。组织开展安全生产大检查5轮，排查整改隐患143处。"),
        ("王五.txt", "2024年个人总结\n一、主要工作\n牵头修订财务管理制度7项，压减一般性支出1800万元，政府债务风险等级由橙色降为黄色。新建农村公路38公里，改造危桥4座，完成农村饮水安全巩固提升工程覆盖2.1万人。"),
    ]

    static func form(_ files: [(String, String)]) -> Form {
        var form = Form()
        for (name, text) in files { form.file("files", name, Array(text.utf8)) }
        return form
    }

    @Test func aBatchIsReviewedLikeTheCLIDoesIt() async throws {
        try await TestServer().run { client in
            let review = try await client.execute(
                uri: "/api/review?wait=1", method: .post, headers: Form.headers, body: Self.form(Self.batch).buffer
            ) { response in
                #expect(response.status == .ok)
                #expect(response.json["state"] as? String == "done")
                return response.json
            }
            let id = try #require(review["id"] as? String)
            let body = try #require(review["review"] as? [String: Any])
            let reports = body["reports"] as! [[String: Any]]
            #expect(reports.map { $0["file"] as! String } == ["张三.txt", "李四.txt", "王五.txt"])
            #expect(body["clusters"] as? [[Int]] == [[1, 2]])
            let matrix = body["matrix"] as! [[Double]]
            #expect(matrix[1][0] > 0.5 && matrix[2][0] == 0)
            // One report, as the check page opens it.
            try await client.execute(uri: "/api/review/\(id)/reports/2", method: .get) { response in
                #expect(response.json["file"] as? String == "李四.txt")
                #expect(response.json["text"] as? String == Self.batch[1].1)
                #expect(response.json["outline"] != nil)
            }
            try await client.execute(uri: "/api/review/\(id)/reports/4", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/review/\(id)?format=csv", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
                #expect(response.text.contains("李四.txt"))
            }
            try await client.execute(uri: "/api/review/\(id)?format=html", method: .get) { response in
                #expect(response.text.hasPrefix("<!doctype html>") || response.text.hasPrefix("<!DOCTYPE html>"))
            }
        }
    }

    @Test func progressIsStreamedAndAJobCanBeCancelledAndDeleted() async throws {
        // Enough reports that the job is still running when it is cancelled.
        let many = (0..<300).map { i in ("r\(i).txt", Self.batch[i % 3].1 + String(repeating: "推动工作取得新成效第\(i)项。", count: 40)) }
        try await TestServer().run { client in
            let id = try await client.execute(uri: "/api/review", method: .post, headers: Form.headers, body: Self.form(many).buffer) {
                response in
                #expect(response.status == .accepted)
                return response.json["id"] as! String
            }
            // A page following the job's events while it is deleted hears `cancelled`, and the stream ends.
            async let followed = client.execute(uri: "/api/review/\(id)/events", method: .get) { $0.text }
            try await Task.sleep(for: .milliseconds(300))
            try await client.execute(uri: "/api/review/\(id)", method: .delete) { response in
                #expect(response.status == .ok)
                #expect(response.json["state"] as? String == "cancelled")
            }
            let events = try await followed.components(separatedBy: "\n\n").filter { !$0.isEmpty }
            #expect(events.last?.hasPrefix("event: cancelled\ndata: {") == true)
            // Deleted is gone: its state, events and reports are 404, and so is a second delete.
            for uri in ["/api/review/\(id)", "/api/review/\(id)/events", "/api/review/\(id)/reports/1"] {
                try await client.execute(uri: uri, method: .get) { response in #expect(response.status == .notFound) }
            }
            try await client.execute(uri: "/api/review/\(id)", method: .delete) { response in #expect(response.status == .notFound) }
            let small = try await client.execute(
                uri: "/api/review", method: .post, headers: Form.headers, body: Self.form(Self.batch).buffer
            ) { response in
                response.json["id"] as! String
            }
            try await client.execute(uri: "/api/review/\(small)/events", method: .get) { response in
                let events = response.text.components(separatedBy: "\n\n").filter { !$0.isEmpty }
                #expect(events.last?.hasPrefix("event: done\n") == true)
                #expect(events.dropLast().allSatisfy { $0.hasPrefix("event: progress\n") })
            }
        }
    }

    @Test func zipBatchesAreUnpackedAndHostileOnesRefused() async throws {
        var zip = ZipWriter()
        for (name, text) in Self.batch { zip.add("报告/" + name, Array(text.utf8)) }
        zip.add("报告/说明.png", [1, 2, 3])
        let archive = zip.finish()
        var traversal = ZipWriter()
        traversal.add("../../etc/evil.txt", Array("一二三".utf8))
        var bomb = ZipWriter()
        bomb.add("bomb.txt", [UInt8](repeating: 0x20, count: 40 * 1_048_576))
        var liar = ZipWriter()
        let payload = [UInt8](repeating: 0x41, count: 1_000_000)
        let deflated = Zlib.deflate(payload)
        liar.copy(name: "small.txt", method: 8, crc: Zlib.crc32(payload[...]), compressed: deflated, uncompressedSize: 100)
        let hostile = [
            (traversal.finish(), HTTPResponse.Status.badRequest, "以外"), (bomb.finish(), .contentTooLarge, "超过上限"),
            (liar.finish(), .badRequest, "损坏"), (Array("not a zip".utf8), .badRequest, "zip"),
        ]
        try await TestServer().run { client in
            var form = Form()
            form.file("files", "batch.zip", archive)
            try await client.execute(uri: "/api/review?wait=1", method: .post, headers: Form.headers, body: form.buffer) { response in
                let reports = (response.json["review"] as? [String: Any])?["reports"] as? [[String: Any]] ?? []
                #expect(reports.map { $0["file"] as! String } == ["报告/张三.txt", "报告/李四.txt", "报告/王五.txt"])
            }
            for (bytes, status, message) in hostile {
                var f = Form()
                f.file("files", "x.zip", bytes)
                try await client.execute(uri: "/api/review", method: .post, headers: Form.headers, body: f.buffer) { response in
                    #expect(response.status == status)
                    #expect(response.errorMessage.contains(message), "\(response.errorMessage)")
                }
            }
        }
        // Nothing was written beside the temporary store, whatever the names said.
        #expect(!FileManager.default.fileExists(atPath: "/etc/evil.txt"))
    }

    @Test func batchLimitsAnswer413() async throws {
        let limits = UploadLimits(maximumDocumentBytes: 10_000, maximumBatchBytes: 50_000, batch: .init(maximumFiles: 2))
        try await TestServer(limits: limits).run { client in
            try await client.execute(uri: "/api/review", method: .post, headers: Form.headers, body: Self.form(Self.batch).buffer) {
                response in
                #expect(response.status == .contentTooLarge)
                #expect(response.errorMessage.contains("最多 2 个"))
            }
            var big = Form()
            big.file("files", "big.txt", [UInt8](repeating: 0x41, count: 60_000))
            try await client.execute(uri: "/api/review", method: .post, headers: Form.headers, body: big.buffer) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }

    @Test func theCorpusIsListedAddedSearchedAndPruned() async throws {
        try await TestServer().run { client in
            var form = Self.form(Array(Self.batch.prefix(1)) + [Self.batch[2]])
            form.field("kind", "report")
            form.field("author", "县发改局")
            form.field("tags", "2024,乡镇")
            let ids = try await client.execute(uri: "/api/corpus", method: .post, headers: Form.headers, body: form.buffer) { response in
                #expect(response.status == .created)
                return (response.json["results"] as! [[String: Any]]).map { $0["id"] as! Int }
            }
            #expect(ids.count == 2)
            // The same text again is recognised.
            try await client.execute(uri: "/api/corpus", method: .post, headers: Form.headers, body: Self.form([Self.batch[0]]).buffer) {
                response in
                #expect(response.status == .ok)
                #expect((response.json["results"] as! [[String: Any]])[0]["outcome"] as? String == "duplicate")
            }
            try await client.execute(uri: "/api/corpus?q=%E5%8F%91%E6%94%B9", method: .get) { response in
                #expect(response.json["count"] as? Int == 2)
            }
            try await client.execute(uri: "/api/corpus?q=nothing-like-this", method: .get) { response in
                #expect(response.json["count"] as? Int == 0)
            }
            try await client.execute(
                uri: "/api/corpus/search", method: .post, headers: APITests.json, body: .json(["text": Self.batch[1].1])
            ) { response in
                let sources = response.json["sources"] as? [[String: Any]] ?? []
                #expect(sources.first?["id"] as? Int == ids[0])
                #expect((sources.first?["copiedShare"] as? Double ?? 0) > 0.5)
            }
            try await client.execute(
                uri: "/api/check?corpus=1", method: .post, headers: APITests.json, body: .json(["text": Self.batch[1].1])
            ) { response in
                let similarity = response.json["similarity"] as? [String: Any]
                #expect((similarity?["copiedShare"] as? Double ?? 0) > 0.5)
                #expect((response.json["diagnostics"] as? [[String: Any]] ?? []).contains { $0["family"] as? String == "similarity" })
            }
            try await client.execute(uri: "/api/corpus/\(ids[0])", method: .get) { response in
                #expect(response.json["text"] as? String == Self.batch[0].1)
                #expect(response.json["author"] as? String == "县发改局")
                #expect(response.json["tags"] as? [String] == ["2024", "乡镇"])
            }
            try await client.execute(uri: "/api/corpus/\(ids[0])", method: .delete) { response in #expect(response.status == .ok) }
            try await client.execute(uri: "/api/corpus/\(ids[0])", method: .delete) { response in #expect(response.status == .notFound) }
            try await client.execute(uri: "/api/corpus/stats", method: .get) { response in
                #expect(response.json["documents"] as? Int == 1)
                // The kind of store, not where it lies on the server.
                #expect(response.json["store"] as? String == "SQLite")
                #expect(!String(buffer: response.body).contains("/"))
            }
        }
    }
}

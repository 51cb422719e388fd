import Foundation
import Testing
import ShuzhiKit

/// `shuzhi compare` and `shuzhi check --corpus` end to end: a report built from another's paragraphs is found,
/// with where each passage came from, in text and JSON.
@Suite struct SimilarityCLITests {
    /// Made-up report text: sentences of Han characters from a seed, a paragraph every four sentences.
    static func report(_ sentences: Int, seed: UInt64) -> String {
        var random = CopyBenchmark.SplitMix(seed: seed)
        var out = ""
        for s in 0..<sentences {
            for i in 0..<36 {
                out.unicodeScalars.append(Unicode.Scalar(0x4E00 + UInt32(random.next() % 3000))!)
                if i % 12 == 11 && i < 35 { out += "，" }
            }
            out += s % 4 == 3 ? "。\n" : "。"
        }
        return out
    }

    @Test func compareShowsThePassagesAndTheShareOfEach() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = Self.report(40, seed: 1)
        let paragraphs = source.components(separatedBy: "\n")
        let copy = Self.report(12, seed: 2) + "\n" + paragraphs[3] + "\n" + Self.report(12, seed: 3) + "\n"
        try source.write(to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        try copy.write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        let text = try CLI.run(["compare", dir.appendingPathComponent("a.txt").path, dir.appendingPathComponent("b.txt").path])
        #expect(text.status == 0 && text.out.contains("疑似抄袭 1 处") && text.out.contains("逐字相同"), "\(text.out)")
        let json = try CLI.run([
            "compare", dir.appendingPathComponent("a.txt").path, dir.appendingPathComponent("b.txt").path, "--format", "json",
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let passages = try #require(object["passages"] as? [[String: Any]])
        #expect(passages.count == 1)
        let b = try #require(passages.first?["b"] as? [String: Any])
        #expect(b["line"] as? Int == 4 && (b["text"] as? String).map { paragraphs[3].hasPrefix($0) } == true)
        let share = try #require((object["a"] as? [String: Any])?["copiedShare"] as? Double)
        #expect(share > 0.13 && share < 0.16)  // 4 of 28 sentences
        // A file that cannot be read: exit 2.
        #expect(try CLI.run(["compare", dir.appendingPathComponent("无.txt").path, dir.appendingPathComponent("b.txt").path]).status == 2)
    }

    @Test func checkAgainstTheStoreAddsFindingsAndASummary() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("corpus.sqlite").path
        let source = Self.report(40, seed: 4)
        try source.write(to: dir.appendingPathComponent("source.txt"), atomically: true, encoding: .utf8)
        #expect(
            try CLI.run(["corpus", "add", dir.appendingPathComponent("source.txt").path, "--store", store, "--author", "甲局"]).status == 0)
        let paragraphs = source.components(separatedBy: "\n")
        let report = Self.report(16, seed: 5) + "\n" + paragraphs[2] + "\n" + paragraphs[5] + "\n"
        let path = dir.appendingPathComponent("report.txt").path
        try report.write(toFile: path, atomically: true, encoding: .utf8)

        let result = try CLI.run(["check", path, "--corpus", "--store", store, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let similarity = try #require(object["similarity"] as? [String: Any])
        #expect((similarity["copiedShare"] as? Double ?? 0) > 0.3 && similarity["storeDocuments"] as? Int == 1)
        let findings = (object["diagnostics"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "similarity.copied" }
        #expect(findings.count == 2)
        let scalars = Array(source.unicodeScalars)
        for finding in findings {
            let from = try #require(finding["source"] as? [String: Any])
            let range = (from["start"] as? Int ?? 0)..<(from["end"] as? Int ?? 0)
            #expect(finding["text"] as? String == scalars.string(range))
        }
        // The author checking their own reuse: information, and 0% once their own reports are left out.
        let own = try CLI.run(["check", path, "--corpus", "--store", store, "--author", "甲局"])
        #expect(own.out.contains("similarity.own-words") && own.out.contains("去除本人报告 0%"), "\(own.out)")
        // Without --corpus nothing about similarity.
        #expect(!(try CLI.run(["check", path, "--format", "json"])).out.contains("similarity"))
    }
}

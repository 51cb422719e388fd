import Foundation
import Testing
import ShuzhiKit

/// `shuzhi review` end to end: a batch with one report copied from another, in each output format; against the
/// store; progress on a terminal and Ctrl-C.
@Suite struct ReviewCLITests {
    static func report(_ sentences: Int, seed: UInt64) -> String { SimilarityCLITests.report(sentences, seed: seed) }

    /// Five reports titled 述职述廉报告 (with nothing on 述廉 in them); the fourth takes two paragraphs of the second.
    static func batch(in dir: URL) throws -> URL {
        let folder = dir.appendingPathComponent("batch")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var texts = (0..<5).map { Self.report(24, seed: 100 + UInt64($0)) }
        let taken = texts[1].components(separatedBy: "\n")
        texts[3] += taken[1] + "\n" + taken[3] + "\n"
        for (i, t) in texts.enumerated() {
            try ("述职述廉报告\n" + t).write(to: folder.appendingPathComponent("\(i + 1).txt"), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func eachFormatHasTheTableTheMatrixAndTheCluster() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = try Self.batch(in: dir)

        let json = dir.appendingPathComponent("review.json")
        let r = try CLI.run(["review", folder.path, "-o", json.path])
        #expect(r.status == 0 && r.out.isEmpty && r.stderr.contains("已写出"), "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        let reports = try #require(object["reports"] as? [[String: Any]])
        #expect(reports.count == 5)
        #expect(object["clusters"] as? [[Int]] == [[2, 4]])
        let matrix = try #require(object["matrix"] as? [[Double]])
        #expect(matrix.count == 5 && matrix[3][1] > 0.2 && matrix[1][3] > 0.2 && matrix[0][2] == 0)
        let fourth = reports[3]
        #expect((fourth["batchCopiedShare"] as? Double ?? 0) > 0.2 && fourth["cluster"] as? Int == 1)
        let structure = try #require(fourth["structure"] as? [String: Any])
        #expect((structure["missing"] as? [String])?.contains("述廉") == true, "\(structure)")
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        let passages = try #require(pairs.first?["passages"] as? [[String: Any]])
        #expect(
            pairs.first?["a"] as? Int == 2 && pairs.first?["b"] as? Int == 4
                && passages.filter { $0["verdict"] as? String == "copied" }.count == 2)

        let csv = dir.appendingPathComponent("review.csv")
        #expect(try CLI.run(["review", folder.path, "-o", csv.path]).status == 0)
        // UTF-8 with a byte-order mark, so that Excel opens it as UTF-8.
        let bytes = try Data(contentsOf: csv)
        #expect(bytes.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 6 && lines[0].hasPrefix("编号,文件") && lines[0].hasSuffix("与#4,与#5"), "\(lines)")
        // The fourth report's row: copied with #2, in cluster 1, and its matrix row at the end.
        let row = lines[4].components(separatedBy: ",")
        #expect(row.contains("#2") && row.suffix(5)[row.count - 2] == "" && Double(row.suffix(5)[row.count - 4]) ?? 0 > 0.2, "\(row)")

        let html = dir.appendingPathComponent("review.html")
        #expect(try CLI.run(["review", folder.path, "-o", html.path]).status == 0)
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("<table class=\"heat\">") && page.contains("第 1 组（2 份）"))
        // Nothing fetched from elsewhere: the page is read on machines without a network.
        #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("<script"))

        // On the terminal (standard output) without -o.
        let text = try CLI.run(["review", folder.path])
        #expect(text.status == 0 && text.out.contains("第1组：#2") && text.out.contains("#4"))
    }

    /// The reviewer's sheets: a first page ranking the batch with reasons, then one A4 page per report, as HTML and
    /// printed to PDF (Chromium or LibreOffice, both installed by .ci/run).
    @Test func theSheetsRankTheBatchAndGiveEachReportItsPage() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("batch")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let shared = "全年实施重点项目46个，完成投资12亿元，同比增长8.5%。深入基层调研12次，形成调研报告3篇，推动解决群众急难愁盼问题27件。组织开展安全生产大检查5轮，排查整改隐患143处。"
        let texts = [
            "述职述廉报告\n一、履职情况\n全年牵头修订财务管理制度7项，压减一般性支出1800万元。\n二、廉洁自律\n严格落实中央八项规定精神。\n",
            "述职述廉报告\n一、履职情况\n" + shared + "\n二、廉洁自律\n严格落实中央八项规定精神。\n",
            "述职述廉报告\n一、履职情况\n新建农村公路38公里，改造危桥4座，完成农村饮水安全巩固提升工程覆盖2.1万人。\n二、廉洁自律\n严格落实中央八项规定精神。\n",
            "述职述廉报告\n一、履职情况\n" + shared + "\n二、廉洁自律\n认真履行一岗双责。\n",
            // Placeholders left in, and nothing on 述廉: it goes back first.
            "述职述廉报告\n一、履职情况\n全年完成投资xx亿元，同比增长x%，新增企业xx家。\n",
        ]
        for (i, t) in texts.enumerated() {
            try t.write(to: folder.appendingPathComponent("\(i + 1).txt"), atomically: true, encoding: .utf8)
        }
        let html = dir.appendingPathComponent("审阅单.html")
        let r = try CLI.run(["review", folder.path, "--sheets", html.path])
        #expect(r.status == 0 && r.stderr.contains("已写出审阅单") && r.out.isEmpty, "\(r.stderr)")
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.components(separatedBy: "<section class=\"sheet\"").count - 1 == 5)
        #expect(page.contains("@page{size:A4"))
        let rows = try #require(page.components(separatedBy: "<tbody>").dropFirst().first?.components(separatedBy: "</tr>"))
        #expect(
            rows[0].contains("第 5 份") && rows[0].contains("退回修改") && rows[0].contains("缺少述廉部分") && rows[0].contains("模板占位未填写"), "\(rows[0])"
        )
        // The two that share a paragraph word for word go back too, each naming the other; the rest pass.
        #expect(rows[1...2].allSatisfy { $0.contains("退回修改") && $0.contains("雷同") }, "\(rows)")
        #expect(rows[3...4].allSatisfy { $0.contains("可通过") }, "\(rows)")
        #expect(page.contains("与本批第 4 份") && page.contains("与本批第 2 份"))

        guard LibreOffice.executable != nil || WebDriver.chromium != nil else { return }
        let pdf = dir.appendingPathComponent("审阅单.pdf")
        #expect(try CLI.run(["review", folder.path, "--sheets", pdf.path]).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdfinfo")
        process.arguments = [pdf.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        process.waitUntilExit()
        let info = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(info.contains("Pages:           6") && info.contains("(A4)"), "\(info)")
        #expect(try CLI.run(["review", folder.path, "--sheets", dir.appendingPathComponent("x.docx").path]).status == 2)
    }

    @Test func badOutputNamesAndUnreadableFilesAreInputErrors() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = try Self.batch(in: dir)
        let bad = try CLI.run(["review", folder.path, "-o", dir.appendingPathComponent("review.pdf").path])
        #expect(bad.status == 2 && bad.stderr.contains(".html"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("review.pdf").path))
        #expect(try CLI.run(["review", dir.appendingPathComponent("无此目录").path]).status == 2)
        // An empty file among the reports: the others are reviewed, the file is listed, the exit code says so.
        try Data().write(to: folder.appendingPathComponent("6.txt"))
        let out = dir.appendingPathComponent("review.json")
        let r = try CLI.run(["review", folder.path, "-o", out.path])
        #expect(r.status == 2 && r.stderr.contains("6.txt"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any])
        #expect(
            (object["reports"] as? [Any])?.count == 5
                && (object["failures"] as? [[String: Any]])?.first?["file"] as? String == folder.appendingPathComponent("6.txt").path)
    }

    @Test func againstTheStoreEachReportHasItsCorpusCopyRatio() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = try Self.batch(in: dir)
        let store = dir.appendingPathComponent("corpus.sqlite").path
        // A template the fifth report was written from.
        let template = Self.report(30, seed: 300)
        try template.write(to: dir.appendingPathComponent("template.txt"), atomically: true, encoding: .utf8)
        #expect(
            try CLI.run(["corpus", "add", dir.appendingPathComponent("template.txt").path, "--kind", "template", "--store", store]).status
                == 0)
        let fifth = folder.appendingPathComponent("5.txt")
        try (try String(contentsOf: fifth, encoding: .utf8) + template.components(separatedBy: "\n")[2] + "\n").write(
            to: fifth, atomically: true, encoding: .utf8)

        let out = dir.appendingPathComponent("review.json")
        #expect(try CLI.run(["review", folder.path, "--corpus", "--store", store, "-o", out.path]).status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any])
        let reports = try #require(object["reports"] as? [[String: Any]])
        let corpus = reports.map { ($0["corpus"] as? [String: Any])?["copiedShare"] as? Double ?? -1 }
        #expect(corpus[4] > 0.1 && corpus[0] == 0, "\(corpus)")
        #expect(((reports[4]["findings"] as? [String: Any])?["byFamily"] as? [String: Int])?["similarity"] == 1)
        let csv = dir.appendingPathComponent("review.csv")
        #expect(try CLI.run(["review", folder.path, "--corpus", "--store", store, "-o", csv.path]).status == 0)
        #expect(try String(contentsOf: csv, encoding: .utf8).contains("语料库复制比"))
        // The terminal table shows the store's column too: the fifth report's ratio and the template as its source.
        let text = try CLI.run(["review", folder.path, "--corpus", "--store", store])
        let fifthRow = try #require(text.out.split(separator: "\n").first { $0.hasPrefix("#5 ") })
        #expect(text.out.contains("语料库复制比") && fifthRow.contains("库#1 "), "\(text.out)")
    }

    /// On a terminal (a pseudo-terminal from util-linux's `script`): progress with done/total, rate and time left;
    /// Ctrl-C typed into it stops the review with exit 130 and writes nothing. On a pipe there is no progress.
    @Test func progressOnATerminalAndCtrlCWritesNothing() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("many")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for i in 0..<300 {
            try Self.report(60, seed: 1000 + UInt64(i)).write(
                to: folder.appendingPathComponent("\(i).txt"), atomically: true, encoding: .utf8)
        }
        let output = dir.appendingPathComponent("review.html")
        let (status, seen) = try CLI.interruptOnTerminal(
            ["review", folder.path, "-o", output.path], when: "检查 8/300", log: dir.appendingPathComponent("tty.txt"))
        #expect(seen.contains("检查 8/300") && seen.contains("份/秒") && seen.contains("剩余约"), "\(seen.suffix(300))")
        #expect(status == 130 && seen.contains("已中断"), "\(status) \(seen.suffix(300))")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("tty.txt"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)

        // Into a pipe, the same review prints no progress.
        let small = try Self.batch(in: dir)
        let piped = try CLI.run(["review", small.path, "-o", dir.appendingPathComponent("r.json").path])
        #expect(piped.status == 0 && !piped.stderr.contains("份/秒"))
    }
}

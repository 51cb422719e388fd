import Foundation
import Testing
@testable import ShuzhiKit

/// `shuzhi check FILE.docx --annotate OUT.docx` end to end.
@Suite struct AnnotateCLITests {
    static func fixture(_ name: String) -> URL { CLI.root.appendingPathComponent("Tests/ShuzhiKitTests/Fixtures/\(name)") }

    @Test func writesTheFindingsAsCommentsAndLeavesTheInputAlone() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("报告.docx")
        try FileManager.default.copyItem(at: Self.fixture("report.docx"), to: input)
        let original = try Data(contentsOf: input)
        let output = dir.appendingPathComponent("批注.docx")
        let r = try CLI.run(["check", input.path, "--annotate", output.path, "--format", "json"])
        let findings = ((try r.json() as? [String: Any])?["diagnostics"] as? [Any])?.count ?? 0
        // A comment on the title says what to read first; then one per entry of the reading order.
        let expectedComments = try Self.readingEntries(r).count + 1
        #expect(r.status == 1 && findings > 0 && r.stderr.contains("\(findings) 处问题，\(expectedComments) 条批注"), "\(r.stderr)")
        #expect(try Data(contentsOf: input) == original)
        let archive = try ZipArchive(Array(try Data(contentsOf: output)))
        let comments = String(
            decoding: try archive.data(of: try #require(archive.entry(named: "word/comments.xml")), limit: 1 << 24), as: UTF8.self)
        #expect(comments.components(separatedBy: "<w:comment ").count - 1 == expectedComments)
        #expect(comments.contains("先看："))
        // The annotated copy is checked like the original: the same findings.
        let again = try CLI.run(["check", output.path, "--format", "json"])
        #expect(((try again.json() as? [String: Any])?["diagnostics"] as? [Any])?.count == findings)
    }

    /// The reading order's entries of a `check --format json` run: the diagnostics' indices of each.
    static func readingEntries(_ r: CLI.Result) throws -> [[Int]] {
        let order = try #require((try r.json() as? [String: Any])?["readingOrder"] as? [String: Any])
        return (order["entries"] as? [[String: Any]] ?? []).map { $0["indices"] as? [Int] ?? [] }
    }

    @Test func badInputWritesNothing() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("out.docx")
        let text = dir.appendingPathComponent("a.txt")
        try "述职报告\n今年,我们完成了任务。\n".write(to: text, atomically: true, encoding: .utf8)
        // A report carrying a 33 MB picture: over the 32 MB limit, refused before it is read.
        let huge = dir.appendingPathComponent("huge.docx")
        var zip = ZipWriter()
        let body =
            "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>今年,完成任务。</w:t></w:r></w:p></w:body></w:document>"
        zip.add("word/document.xml", Array(body.utf8))
        var random = CopyBenchmark.SplitMix(seed: 1)
        zip.add("word/media/image1.png", (0..<(33 << 20)).map { _ in UInt8(truncatingIfNeeded: random.next()) }, compress: false)
        try Data(zip.finish()).write(to: huge)
        let truncated = dir.appendingPathComponent("truncated.docx")
        let whole = try Data(contentsOf: Self.fixture("report.docx"))
        try whole.prefix(whole.count / 2).write(to: truncated)
        let inputs = [
            text, Self.fixture("encrypted.docx"), Self.fixture("bomb.docx"), Self.fixture("legacy.doc"),
            Self.fixture("workbook-renamed.docx"), huge, truncated,
        ]
        for input in inputs {
            for command in [
                ["check", input.path, "--annotate", output.path], ["fix", input.path, "-o", output.path],
                ["format", input.path, "-o", output.path],
            ] where !(command[0] == "format" && input == text) {
                let r = try CLI.run(command)
                #expect(
                    r.status == 2 && r.stderr.contains("错误") && r.stderr.contains("error"),
                    "\(command[0]) \(input.lastPathComponent): \(r.status)")
                #expect(!FileManager.default.fileExists(atPath: output.path), "\(command[0]) \(input.lastPathComponent)")
            }
        }
        #expect(try CLI.run(["check", text.path, text.path, "--annotate", output.path]).status == 2)
    }
}

/// The annotated copies open in LibreOffice, which shows every comment: a Word-made report, a python-docx file, the
/// reader's test document (tables, text boxes, tracked changes), and a file LibreOffice itself wrote.
@Suite struct AnnotateInLibreOfficeTests {
    @Test func libreOfficeIsThereWhenRequired() {
        #expect(!LibreOffice.required || LibreOffice.executable != nil, "SHUZHI_REQUIRE_LIBREOFFICE is set but soffice is missing")
    }

    @Test(
        .enabled(if: LibreOffice.executable != nil, "LibreOffice (soffice) is not installed"),
        arguments: ["report.docx", "python-docx.docx", "basic.docx", "prefixed.docx", "libreoffice", "wps", "word-with-history"])
    func annotatedFilesOpenWithTheirComments(_ name: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var input = AnnotateCLITests.fixture(name)
        if name == "wps" || name == "word-with-history" {
            input = dir.appendingPathComponent(name + ".docx")
            try Data(name == "wps" ? WordLikeFiles.wps() : WordLikeFiles.wordWithHistory()).write(to: input)
        }
        if name == "libreoffice" {
            // LibreOffice's own .docx: the Word report opened and saved again by LibreOffice.
            let source = dir.appendingPathComponent("source.docx")
            try FileManager.default.copyItem(at: AnnotateCLITests.fixture("report.docx"), to: source)
            let odt = try #require(try LibreOffice.convert(source, to: "odt", in: dir))
            input = try #require(try LibreOffice.convert(odt, to: "docx", in: dir.appendingPathComponent("lo")))
        }
        let output = dir.appendingPathComponent("annotated.docx")
        let r = try CLI.run(["check", input.path, "--annotate", output.path, "--format", "json"])
        let findings = ((try r.json() as? [String: Any])?["diagnostics"] as? [[String: Any]]) ?? []
        #expect(FileManager.default.fileExists(atPath: output.path), "\(name): \(r.stderr)")
        let pdf = try #require(try LibreOffice.pdf(output), "\(name): LibreOffice could not open the annotated file")
        let notes = try LibreOffice.notes(pdf)
        // The summary, one note per entry of the reading order, and the comments the file had already.
        let existing = name == "word-with-history" ? 1 : 0
        let entries = try AnnotateCLITests.readingEntries(r)
        #expect(
            notes.count == (entries.isEmpty ? 0 : entries.count + 1) + existing,
            "\(name): \(notes.count) notes for \(findings.count) findings")
        // Each finding's note carries its message (the writer reads no rule ids), whitespace aside; a paragraph's
        // placeholders share one list.
        let bare = { (s: String) in s.filter { !$0.isWhitespace } }
        let listed = Set(entries.filter { $0.count > 1 }.joined())
        #expect(listed.isEmpty || notes.contains { $0.contains("待填清单") })
        for (i, f) in findings.enumerated() where !listed.contains(i) {
            let opening = bare(String((f["message"] as? String ?? "?").prefix(12)))
            #expect(notes.contains { bare($0).contains(opening) }, "\(name): \(f["rule"] ?? "") \(opening)")
        }
        // The document's own text is all still there (spacing aside: LibreOffice's gap between Latin and Han
        // letters is not drawn across a comment's edge).
        let original = try #require(try LibreOffice.pdf(input))
        let squeeze = { (s: String) in s.filter { !$0.isWhitespace } }
        #expect(squeeze(try LibreOffice.text(pdf)) == squeeze(try LibreOffice.text(original)), "\(name)")
    }
}

/// Old Word and WPS files: converted by LibreOffice when it is there, refused with what to do when it is not.
/// `fix` on files other producers wrote: tracked changes and comments added beside the ones already there, every
/// other part untouched, and LibreOffice opens the result.
@Suite struct FixOtherProducersTests {
    @Test(arguments: ["wps", "word-with-history"])
    func fixedFilesKeepWhatWasThere(_ name: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent(name + ".docx")
        let bytes = name == "wps" ? WordLikeFiles.wps() : WordLikeFiles.wordWithHistory()
        try Data(bytes).write(to: input)
        // --unsafe: the typo fixes too, which is what tracked changes are for (the writer accepts or rejects each).
        let r = try CLI.run(["fix", input.path, "--unsafe"])
        #expect(r.status != 2, "\(r.stderr)")
        let output = dir.appendingPathComponent(name + ".fixed.docx")
        let before = try ZipArchive(bytes), after = try ZipArchive(Array(try Data(contentsOf: output)))
        let touched: Set<String> = ["word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"]
        for entry in before.entries where !touched.contains(entry.name) {
            let mine = try after.data(of: try #require(after.entry(named: entry.name)), limit: 1 << 24)
            #expect(mine == (try before.data(of: entry, limit: 1 << 24)), "\(name): \(entry.name) changed")
        }
        let main = String(
            decoding: try after.data(of: try #require(after.entry(named: "word/document.xml")), limit: 1 << 24), as: UTF8.self)
        #expect(main.contains("w:author=\"Shuzhi\"") && main.contains("<w:delText"))
        if name == "word-with-history" {
            // The reviewer's own insertion, deletion and comment are all still there.
            #expect(
                main.contains("w:author=\"王科长\"") && main.contains("<w:delText>五篇</w:delText>")
                    && main.contains("<w:commentRangeStart w:id=\"0\"/>"))
            let comments = String(
                decoding: try after.data(of: try #require(after.entry(named: "word/comments.xml")), limit: 1 << 24), as: UTF8.self)
            #expect(comments.contains("请核实次数") && comments.contains("w:author=\"Shuzhi\""))
        }
        // The fixed text reads as the fixes make it: 再接再厉, full-width commas.
        let text = try Ingest.load(path: output.path).text
        #expect(text.contains("再接再厉") && !text.contains(","), "\(text)")
        if LibreOffice.executable != nil {
            let pdf = try #require(try LibreOffice.pdf(output), "\(name): LibreOffice could not open the fixed file")
            // LibreOffice shows the change: the deleted 励 struck through, the inserted 厉 beside it.
            #expect(try LibreOffice.text(pdf).contains("再接再励厉"))
        }
    }
}

@Suite struct LegacyFormatTests {
    @Test(.enabled(if: LibreOffice.executable != nil, "LibreOffice (soffice) is not installed"))
    func aDocAndAWpsAreConvertedAndCanBeAnnotated() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docx = dir.appendingPathComponent("report.docx")
        try FileManager.default.copyItem(at: AnnotateCLITests.fixture("report.docx"), to: docx)
        // A real .doc (Word 97–2003, written by LibreOffice), and the same bytes named .wps (WPS's own files are the
        // same compound-file kind).
        let doc = try #require(try LibreOffice.convert(docx, to: "doc", in: dir.appendingPathComponent("old")))
        let wps = dir.appendingPathComponent("old/report.wps")
        try FileManager.default.copyItem(at: doc, to: wps)
        let expected = try CLI.run(["check", docx.path, "--format", "json"])
        let rules = { (r: CLI.Result) in
            ((try? r.json() as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []).map { $0["rule"] as? String ?? "" }.sorted()
        }
        for old in [doc, wps] {
            let r = try CLI.run(["check", old.path, "--format", "json"])
            #expect(r.status == expected.status && rules(r) == rules(expected), "\(old.lastPathComponent): \(r.stderr)")
            let out = dir.appendingPathComponent(old.lastPathComponent + ".annotated.docx")
            #expect(try CLI.run(["check", old.path, "--annotate", out.path]).status == 1)
            #expect(try LibreOffice.pdf(out).map { try LibreOffice.notes($0).count } == AnnotateCLITests.readingEntries(expected).count + 1)
        }
        // Without LibreOffice: exit 2 and what to do.
        let without = try CLI.run(["check", doc.path], environment: ["SHUZHI_SOFFICE": ""])
        #expect(without.status == 2 && without.stderr.contains("另存为 .docx") && without.stderr.contains("LibreOffice"))
    }
}

import Foundation
import Testing
@testable import ShuzhiKit

/// Findings as Word comments: anchored on exactly the flagged characters, runs split with their properties, every
/// other part untouched.
@Suite struct DocxAnnotatorTests {
    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
    static let date = Date(timeIntervalSince1970: 1_795_000_000)

    /// A package around `body` (and, when given, an existing comments part).
    static func package(_ body: String, comments: String? = nil) -> [UInt8] {
        var writer = ZipWriter()
        let commentsType =
            comments == nil
            ? ""
            : "<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>"
        writer.add(
            "[Content_Types].xml",
            Array(
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                    + commentsType + "</Types>").utf8))
        writer.add(
            "_rels/.rels",
            Array(
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"
                    .utf8))
        writer.add(
            "word/document.xml",
            Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(w)><w:body>\(body)<w:sectPr/></w:body></w:document>".utf8))
        if let comments {
            writer.add(
                "word/_rels/document.xml.rels",
                Array(
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"comments.xml\"/></Relationships>"
                        .utf8))
            writer.add("word/comments.xml", Array("<w:comments \(w)>\(comments)</w:comments>".utf8))
        }
        writer.add("word/media/image1.png", Array(repeating: 7, count: 5000))
        return writer.finish()
    }

    static func parts(_ bytes: [UInt8]) throws -> [String: [UInt8]] {
        let archive = try ZipArchive(bytes)
        var out: [String: [UInt8]] = [:]
        for e in archive.entries { out[e.name] = try archive.data(of: e, limit: 1 << 26) }
        return out
    }

    /// The text between each comment's start and end markers, reading the main part as Word shows it.
    static func anchored(_ xml: [UInt8]) throws -> [Int: String] {
        var scanner = XMLScanner(xml)
        var text: [Unicode.Scalar] = [], starts: [Int: Int] = [:], out: [Int: String] = [:]
        var paragraphs = 0, inText: Int?
        while let event = try scanner.next() {
            switch event {
            case .start(let tag):
                switch tag.localName {
                case "p":
                    if paragraphs > 0 { text.append("\n") }
                    paragraphs += 1
                case "t": inText = tag.range.upperBound
                case "tab": text.append("\t")
                case "commentRangeStart": starts[Int(try scanner.attribute("id", of: tag) ?? "") ?? -1] = text.count
                case "commentRangeEnd":
                    let id = Int(try scanner.attribute("id", of: tag) ?? "") ?? -1
                    out[id] = String(String.UnicodeScalarView(text[(starts[id] ?? 0)..<text.count]))
                default: break
                }
            case .end(_, let name, let range):
                if name == "t", let start = inText { text += try XMLScanner.decode(xml, start..<range.lowerBound) }
                if name == "t" { inText = nil }
            default: break
            }
        }
        return out
    }

    @Test func aCommentCoversExactlyTheFlaggedCharactersAndTheRunKeepsItsProperties() throws {
        // “,” is half-width inside a bold run whose text holds an entity: the run is cut twice, each piece bold.
        let body =
            "<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id=\"3\" w:author=\"A\"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t>学习&amp;实践,做好工作</w:t></w:r></w:p>"
        let bytes = Self.package(body)
        let document = try Ingest.document(from: bytes, name: "a.docx")
        #expect(document.text == "学习&实践,做好工作")
        let out = try DocxAnnotator.annotate(
            bytes, document: document, notes: [.init(range: 5..<6, text: "半角逗号\n建议：改为“，”")], date: Self.date)
        let parts = try Self.parts(out)
        let xml = try #require(parts["word/document.xml"])
        #expect(try Self.anchored(xml) == [4: ","])  // ids go past the rPrChange's 3
        let main = String(decoding: xml, as: UTF8.self)
        #expect(main.components(separatedBy: "<w:r><w:rPr><w:b/>").count - 1 == 3, "\(main)")
        #expect(main.contains("<w:t xml:space=\"preserve\">学习&amp;实践</w:t>"))
        // The text reads the same; the comment is there with its author, both lines and the date.
        #expect(try Ingest.document(from: out, name: "b.docx").text == document.text)
        let comments = String(decoding: try #require(parts["word/comments.xml"]), as: UTF8.self)
        #expect(
            comments.contains("w:id=\"4\" w:author=\"Shuzhi\" w:date=\"2026-11-18T") && comments.contains(">半角逗号<")
                && comments.contains(">建议：改为“，”<"))
        #expect(String(decoding: try #require(parts["[Content_Types].xml"]), as: UTF8.self).contains("/word/comments.xml"))
        #expect(String(decoding: try #require(parts["word/_rels/document.xml.rels"]), as: UTF8.self).contains("Target=\"comments.xml\""))
        #expect(parts["word/media/image1.png"] == Array(repeating: 7, count: 5000))
    }

    @Test func commentsAcrossRunsAndParagraphsAndExistingCommentsKept() throws {
        let body =
            "<w:p><w:r><w:t>一、加强</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">理论 学习</w:t><w:tab/><w:t>二</w:t></w:r></w:p>"
            + "<w:p><w:commentRangeStart w:id=\"0\"/><w:r><w:t>再接再励</w:t></w:r><w:commentRangeEnd w:id=\"0\"/></w:p>"
        let bytes = Self.package(body, comments: "<w:comment w:id=\"0\" w:author=\"王科长\"><w:p><w:r><w:t>请核实</w:t></w:r></w:p></w:comment>")
        let document = try Ingest.document(from: bytes, name: "a.docx")
        #expect(document.text == "一、加强理论 学习\t二\n再接再励")
        let notes: [DocxAnnotator.Note] = [
            .init(range: 2..<6, text: "跨两个 run"),  // 加强理论
            .init(range: 7..<13, text: "跨段落"),  // 学习\t二\n再
            .init(range: 15..<16, text: "励→厉"),  // 励
            .init(range: 9..<9, text: "一点"),  // before the tab
        ]
        let out = try DocxAnnotator.annotate(bytes, document: document, notes: notes, date: Self.date)
        let parts = try Self.parts(out)
        let anchored = try Self.anchored(try #require(parts["word/document.xml"]))
        #expect(anchored == [0: "再接再励", 1: "加强理论", 2: "学习\t二\n再", 3: "励", 4: ""], "\(anchored)")
        let comments = String(decoding: try #require(parts["word/comments.xml"]), as: UTF8.self)
        #expect(comments.contains("王科长") && comments.contains("请核实") && comments.components(separatedBy: "<w:comment ").count - 1 == 5)
        // The relationship and the content type were there already: not added twice.
        #expect(
            String(decoding: try #require(parts["[Content_Types].xml"]), as: UTF8.self).components(separatedBy: "comments.xml").count == 2)
        #expect(
            String(decoding: try #require(parts["word/_rels/document.xml.rels"]), as: UTF8.self).components(separatedBy: "comments.xml")
                .count == 2)
        #expect(try Ingest.document(from: out, name: "b.docx").text == document.text)
    }

    @Test func aRealReportKeepsEveryOtherPartAndEachFindingIsAnchored() throws {
        for name in ["report.docx", "python-docx.docx", "basic.docx", "prefixed.docx"] {
            let bytes = Fixture.bytes(name)
            let document = try Fixture.document(name)
            let diagnostics = Checker().check(Analysis(document))
            let out = try DocxAnnotator.annotate(
                bytes, document: document, notes: diagnostics.map { DocxAnnotator.Note($0) }, date: Self.date)
            let before = try Self.parts(bytes), after = try Self.parts(out)
            let touched: Set<String> = ["word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"]
            for (part, data) in before where !touched.contains(part) { #expect(after[part] == data, "\(name): \(part) changed") }
            #expect(try Ingest.document(from: out, name: name).text == document.text, "\(name)")
            // Fixed, tracked or accepted: the same parts untouched, and the text reads as one round of fixes makes it.
            let expected = String(String.UnicodeScalarView(Fixer.apply(diagnostics, to: document.scalars, includeUnsafe: false).0))
            for revising in [DocxAnnotator.Revising.tracked, .accepted] {
                let fixed = try DocxAnnotator.fix(
                    bytes, document: document, diagnostics: diagnostics, includeUnsafe: false, revising: revising, date: Self.date)
                let parts = try Self.parts(fixed.bytes)
                for (part, data) in before where !touched.contains(part) { #expect(parts[part] == data, "\(name) fix: \(part) changed") }
                #expect(try Ingest.document(from: fixed.bytes, name: name).text == expected, "\(name) \(revising)")
            }
            let comments = String(decoding: after["word/comments.xml"] ?? [], as: UTF8.self)
            #expect(comments.components(separatedBy: "<w:comment ").count - 1 == diagnostics.count, "\(name)")
            if name == "report.docx" || name == "python-docx.docx" {
                // Plain bodies (no text boxes): each comment covers exactly its finding's characters.
                let anchored = try Self.anchored(try #require(after["word/document.xml"]))
                #expect(!diagnostics.isEmpty)
                let base = WordNamespace.largestID(try #require(before["word/document.xml"])) + 1
                for (k, d) in diagnostics.enumerated() where !d.range.isEmpty {
                    #expect(anchored[base + k] == document.string(d.range), "\(name) \(d.rule)")
                }
            }
        }
    }

    @Test func revisionsAreTrackedWithTheRunsPropertiesOrBecomeCommentsWhenTheyCrossAParagraph() throws {
        let body =
            "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>学习,工作</w:t></w:r><w:bookmarkStart w:id=\"0\" w:name=\"m\"/><w:r><w:rPr><w:i/></w:rPr><w:t>再接再励</w:t></w:r><w:bookmarkEnd w:id=\"0\"/></w:p>"
            + "<w:p><w:r><w:t>加强领导班子建</w:t></w:r></w:p>"
        let bytes = Self.package(body)
        let document = try Ingest.document(from: bytes, name: "a.docx")
        #expect(document.text == "学习,工作再接再励\n加强领导班子建")
        let revisions: [DocxAnnotator.Revision] = [
            .init(range: 2..<3, replacement: "，", note: "半角逗号"),
            .init(range: 8..<9, replacement: "厉", note: "励→厉"),
            .init(range: 17..<17, replacement: "设", note: "缺字"),
            .init(range: 9..<11, replacement: "", note: "跨段落的删除"),
        ]
        let tracked = try DocxAnnotator.annotate(bytes, document: document, notes: [], revisions: revisions, date: Self.date)
        let main = String(decoding: try #require(try Self.parts(tracked)["word/document.xml"]), as: UTF8.self)
        #expect(
            main.contains("\" w:author=\"Shuzhi\" w:date=\"2026-11-18T")
                && main.contains("<w:r><w:rPr><w:b/></w:rPr><w:delText xml:space=\"preserve\">,</w:delText></w:r></w:del>"), "\(main)")
        #expect(main.contains("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">，</w:t></w:r></w:ins>"))
        #expect(main.contains("<w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">厉</w:t></w:r></w:ins>"))
        // The insertion at the end of the paragraph takes the properties of the run before it (none here).
        #expect(main.contains("<w:r><w:t xml:space=\"preserve\">设</w:t></w:r></w:ins>"))
        // The deletion across the paragraph break is a comment on the same characters instead.
        #expect(try Self.anchored(Array(main.utf8)).values.contains("加"), "\(main)")
        #expect(String(decoding: try #require(try Self.parts(tracked)["word/comments.xml"]), as: UTF8.self).contains("跨段落的删除"))
        // Word (and the reader) show the text with the changes accepted.
        #expect(try Ingest.document(from: tracked, name: "b.docx").text == "学习，工作再接再厉\n加强领导班子建设")

        let accepted = try DocxAnnotator.annotate(
            bytes, document: document, notes: [], revisions: Array(revisions.prefix(3)), revising: .accepted, date: Self.date)
        let plain = String(decoding: try #require(try Self.parts(accepted)["word/document.xml"]), as: UTF8.self)
        #expect(
            !plain.contains("<w:del") && !plain.contains("<w:ins") && plain.contains("<w:bookmarkStart") && plain.contains("<w:bookmarkEnd")
        )
        #expect(try Ingest.document(from: accepted, name: "c.docx").text == "学习，工作再接再厉\n加强领导班子建设")
    }

    /// A template site's lines deleted whole: each paragraph's text as a deletion and its paragraph mark deleted
    /// (`<w:rPr><w:del/>` in its properties, new properties where it had none), so accepting leaves no empty line;
    /// made directly, the paragraphs go. A block that ends the text keeps the last paragraph mark, as Word does.
    @Test func residueParagraphsAreDeletedWholeWithTheirMarks() throws {
        let body =
            "<w:p><w:pPr><w:jc w:val=\"left\"/></w:pPr><w:r><w:t>首页 &gt; 范文大全</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>发布时间：2023-12-18</w:t></w:r></w:p>"
            + "<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:t>2023年度述职报告</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>一年来，我认真履职。</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>本文由网友收集整理。</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>客服QQ：3456789012</w:t></w:r></w:p>"
        let bytes = Self.package(body)
        let document = try Ingest.document(from: bytes, name: "a.docx")
        #expect(document.text == "首页 > 范文大全\n发布时间：2023-12-18\n2023年度述职报告\n一年来，我认真履职。\n本文由网友收集整理。\n客服QQ：3456789012")
        let top = 0..<(document.paragraphs[2].range.lowerBound), bottom = document.paragraphs[4].range.lowerBound..<document.scalars.count
        let revisions: [DocxAnnotator.Revision] = [
            .init(range: top, replacement: "", note: "网站残留"), .init(range: bottom, replacement: "", note: "网站残留"),
        ]
        let written = try DocxAnnotator.write(bytes, document: document, notes: [], revisions: revisions, date: Self.date)
        #expect(written.placed == [0, 1])
        let main = String(decoding: try #require(try Self.parts(written.bytes)["word/document.xml"]), as: UTF8.self)
        let deletedMark = "<w:rPr><w:del w:id="
        // Paragraph 1 had properties, paragraph 2 none, paragraph 5 none; the last paragraph keeps its mark.
        #expect(main.contains("<w:pPr><w:jc w:val=\"left\"/><w:rPr><w:del w:id="), "\(main)")
        #expect(main.components(separatedBy: "<w:pPr>\(deletedMark)").count - 1 == 2, "\(main)")
        #expect(main.components(separatedBy: deletedMark).count - 1 == 3)
        #expect(
            main.contains("<w:delText xml:space=\"preserve\">首页 &gt; 范文大全</w:delText>")
                || main.contains("<w:delText>首页 &gt; 范文大全</w:delText>"))
        #expect(!main.contains("<w:comment"))
        // The reader, like Word, shows the text with the changes accepted: the report alone, and the empty last line.
        let reread = try Ingest.document(from: written.bytes, name: "b.docx").text
        #expect(reread == "2023年度述职报告\n一年来，我认真履职。\n", "\(reread.debugDescription)")

        let accepted = try DocxAnnotator.write(
            bytes, document: document, notes: [], revisions: revisions, revising: .accepted, date: Self.date)
        let plain = String(decoding: try #require(try Self.parts(accepted.bytes)["word/document.xml"]), as: UTF8.self)
        #expect(!plain.contains("首页") && !plain.contains("发布时间") && !plain.contains("<w:del"))
        #expect(try Ingest.document(from: accepted.bytes, name: "c.docx").text == "2023年度述职报告\n一年来，我认真履职。\n")
    }

}

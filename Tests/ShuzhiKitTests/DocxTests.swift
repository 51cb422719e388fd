import Foundation
import Testing
@testable import ShuzhiKit

@Suite struct DocxTests {
    @Test func readsBodyTablesAndChangesInReadingOrder() throws {
        let doc = try Fixture.document("basic.docx")
        #expect(doc.format == .docx)
        #expect(
            doc.text == """
                2023年度述职报告
                加强学习
                一、坚持学习&实践
                单元格甲
                单元格乙
                完成全部任务
                7\t页
                第一行
                第二行
                文本框
                正文
                """)
        let map = try #require(doc.docx)
        // 11 lines from 10 <w:p>: the <w:br/> splits one paragraph.
        #expect(map.paragraphs.count == 10)
        #expect(map.lineParagraphs.count == doc.paragraphs.count)
        #expect(map.paragraphs[0].isCentered)
        #expect(map.paragraphs[1].styleID == "Heading1")
        #expect(map.paragraphs[3].isInTable && map.paragraphs[4].isInTable && !map.paragraphs[5].isInTable)
    }

    @Test func sourceMapPointsAtTheXML() throws {
        let bytes = Fixture.bytes("basic.docx")
        let doc = try Fixture.document("basic.docx")
        let archive = try ZipArchive(bytes)
        let xml = try archive.data(of: try #require(archive.entry(named: "word/document.xml")), limit: 1 << 20)
        let map = try #require(doc.docx)
        var covered = 0
        for paragraph in map.paragraphs {
            let p = String(decoding: xml[paragraph.xmlRange], as: UTF8.self)
            #expect(p.hasPrefix("<w:p>") || p.hasPrefix("<w:p "))
            #expect(p.hasSuffix("</w:p>"))
            for segment in paragraph.segments where segment.kind == .text {
                let raw = try XMLScanner.decode(xml, segment.xmlRange)
                #expect(raw == Array(doc.scalars[segment.textRange]))
                let run = String(decoding: xml[try #require(segment.runRange)], as: UTF8.self)
                #expect(run.hasPrefix("<w:r>") && run.hasSuffix("</w:r>"))
                covered += segment.textRange.count
            }
        }
        #expect(covered > 40)
    }

    @Test func resolvesNamespacesNotPrefixes() throws {
        let doc = try Fixture.document("prefixed.docx")
        #expect(doc.text == "严格落实“一岗双责”制度,加强监督。")
        #expect(doc.diagnostics.map(\.rule).contains("punct.halfwidth"))
    }

    @Test func checksAReportInWord() throws {
        let rules = Set(try Fixture.document("report.docx").diagnostics.map(\.rule))
        #expect(rules.isSuperset(of: ["punct.halfwidth", "residue.placeholder", "numbering.duplicate"]))
    }

    @Test func refusesWhatIsNotAReadableDocument() throws {
        #expect(ingestError { try Fixture.document("encrypted.docx") }?.kind == .encryptedDocx)
        #expect(ingestError { try Fixture.document("legacy.doc") }?.kind == .legacyFormat)
        #expect(ingestError { try Fixture.document("workbook-renamed.docx") }?.kind == .otherOfficeFormat)
        #expect(ingestError { try Fixture.document("bomb.docx") }?.kind == .decompressionLimit)
        let bytes = Fixture.bytes("basic.docx")
        for cut in [bytes.count / 2, bytes.count - 10, 30] {
            let error = ingestError { try Ingest.document(from: Array(bytes[..<cut]), name: "cut.docx") }
            #expect(error?.kind == .corruptDocx, "cut at \(cut)")
            // The writer's message is Chinese through and through: the zip reader's English stays in the English one.
            let chinese = (error?.chinese ?? "").replacingOccurrences(of: ".docx", with: "").replacingOccurrences(of: "Word/WPS", with: "")
            #expect(chinese.firstMatch(of: /[A-Za-z]{3,}/) == nil, "\(chinese)")
            #expect(error?.english.count ?? 0 > 40)
        }
    }

    @Test func aLyingSizeHeaderStopsInflationEarly() throws {
        // A part that declares 100 bytes but inflates to 20 MB must fail at the declared size, not the global cap.
        var writer = ZipWriter()
        writer.add("[Content_Types].xml", Array("<Types/>".utf8))
        writer.add("word/document.xml", [UInt8](repeating: 0x20, count: 20 << 20))
        var bytes = writer.finish()
        // Patch the central directory's uncompressed size of the second entry.
        var p = bytes.count - 22
        p = Int(ZipArchive.u32(bytes, p + 16))
        p += 46 + Int(ZipArchive.u16(bytes, p + 28)) + Int(ZipArchive.u16(bytes, p + 30)) + Int(ZipArchive.u16(bytes, p + 32))
        bytes[p + 24] = 100; bytes[p + 25] = 0; bytes[p + 26] = 0; bytes[p + 27] = 0
        let start = Date()
        #expect(ingestError { try Ingest.document(from: bytes, name: "liar.docx") }?.kind == .corruptDocx)
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func zipWriterOutputReadsBack() throws {
        var writer = ZipWriter()
        let data = Array("<a>述职</a>".utf8)
        writer.add("x.xml", data)
        writer.add("y.bin", [1, 2, 3], compress: false)
        let archive = try ZipArchive(writer.finish())
        #expect(try archive.data(of: try #require(archive.entry(named: "x.xml")), limit: 100) == data)
        #expect(try archive.data(of: try #require(archive.entry(named: "y.bin")), limit: 100) == [1, 2, 3])
    }
}

@Suite struct WordTemplateTests {
    /// A document on Word's default template, written by python-docx: styles, numbering, theme, a table, runs.
    @Test func readsADocumentBuiltOnWordsTemplate() throws {
        let doc = try Fixture.document("python-docx.docx")
        #expect(doc.text == "2023年度述职报告\n加强理论学习\n全年集中学习24次,撰写心得6篇。\n深化学习\n学以致用\n指标\n完成值\n固定资产投资\nxx亿元\n廉洁自律\n严格落实“一岗双责制度。")
        let map = try #require(doc.docx)
        #expect(map.paragraphs[3].isAutoNumbered)
        #expect(map.paragraphs[2].segments.count == 3, "three runs")
        let outline = Outline(doc)
        #expect(outline.title.map(doc.string) == "2023年度述职报告")
        #expect(outline.headings.map { doc.string($0.titleRange) } == ["加强理论学习", "廉洁自律"])
        let rules = Set(doc.diagnostics.map(\.rule))
        #expect(rules == ["punct.halfwidth", "residue.placeholder", "punct.unpaired-quote"])
    }
}

@Suite struct DocxStyleTests {
    /// Chinese Word names heading styles "1", "2"; a custom style can inherit a heading through basedOn; numbering can
    /// come from a style. The outline must see all of it.
    @Test func headingsAndNumberingComeFromStyles() throws {
        let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        let styles = """
            <w:styles \(w)>
              <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
              <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/></w:style>
              <w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="我的标题"/><w:basedOn w:val="1"/></w:style>
              <w:style w:type="paragraph" w:styleId="a3"><w:name w:val="List Paragraph"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
            </w:styles>
            """
        func p(_ style: String, _ text: String) -> String {
            "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/></w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
        }
        let body =
            "<w:document \(w)><w:body>" + p("1", "加强学习") + p("2", "理论学习") + p("a3", "读原著") + p("MyHeading", "履职尽责")
            + "</w:body></w:document>"
        var writer = ZipWriter()
        writer.add("[Content_Types].xml", Array("<Types/>".utf8))
        writer.add(
            "_rels/.rels",
            Array(
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"
                    .utf8))
        writer.add("word/document.xml", Array(body.utf8))
        writer.add(
            "word/_rels/document.xml.rels",
            Array(
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"s\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>"
                    .utf8))
        writer.add("word/styles.xml", Array(styles.utf8))
        let doc = try Ingest.document(from: writer.finish(), name: "styled.docx")
        let map = try #require(doc.docx)
        #expect(map.paragraphs.map(\.headingLevel) == [1, 2, nil, 1])
        #expect(map.paragraphs.map(\.isAutoNumbered) == [false, false, true, false])
        #expect(map.paragraphs[0].styleName == "heading 1")
        let outline = Outline(doc)
        #expect(outline.root.children.map { doc.string(outline.nodes[$0].titleRange) } == ["加强学习", "履职尽责"])
        #expect(outline.nodes[outline.root.children[0]].children.map { doc.string(outline.nodes[$0].titleRange) } == ["理论学习"])
    }
}

import Foundation
@testable import ShuzhiKit

/// .docx files as other producers write them, built here so their every part is known.
enum WordLikeFiles {
    static let w =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
    static let types = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let rels = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// What WPS Office writes: its custom properties (KSOProductBuildVer), w:hint on every run's fonts, proofErr
    /// and _GoBack bookmarks, a customXml part, a header, and its own document grid.
    static func wps() -> [UInt8] {
        let body = """
            <w:p><w:pPr><w:jc w:val="center"/><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia" w:ascii="方正小标宋简体" w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr><w:t>2024年度述职报告</w:t></w:r></w:p>\
            <w:p><w:pPr><w:ind w:firstLine="640" w:firstLineChars="200"/></w:pPr><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/><w:r><w:rPr><w:rFonts w:hint="eastAsia" w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t>一年来,我坚持</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:rFonts w:hint="eastAsia" w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t>学习,再接再励</w:t></w:r><w:proofErr w:type="spellEnd"/><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>,完成x项任务。</w:t></w:r></w:p>
            """
        return package(
            body: body,
            extra: [
                (
                    "docProps/custom.xml",
                    "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"2\" name=\"KSOProductBuildVer\"><vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property></Properties>",
                    "application/vnd.openxmlformats-officedocument.custom-properties+xml"
                ),
                (
                    "customXml/item1.xml",
                    "<s:customData xmlns=\"http://www.wps.cn/officeDocument/2013/wpsCustomData\" xmlns:s=\"http://www.wps.cn/officeDocument/2013/wpsCustomData\"><customSectProps><customSectPr/></customSectProps></s:customData>",
                    nil
                ),
                (
                    "word/header1.xml", "<w:hdr \(w)><w:p><w:r><w:t>某某县发展和改革局</w:t></w:r></w:p></w:hdr>",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
                ),
            ], documentRels: [("rIdH", "header", "header1.xml")],
            sectPr:
                "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdH\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/><w:docGrid w:type=\"linesAndChars\" w:linePitch=\"579\" w:charSpace=\"0\"/></w:sectPr>"
        )
    }

    /// What Word writes when a report has been through review already: numbering, a table, comments of its own, and
    /// tracked changes (an insertion and a deletion by someone else).
    static func wordWithHistory() -> [UInt8] {
        let body = """
            <w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>加强学习</w:t></w:r></w:p>\
            <w:p><w:commentRangeStart w:id="0"/><w:r><w:t>全年学习24次,撰写心得</w:t></w:r><w:ins w:id="1" w:author="王科长" w:date="2024-12-01T09:00:00Z"><w:r><w:t>6篇</w:t></w:r></w:ins><w:del w:id="2" w:author="王科长" w:date="2024-12-01T09:00:00Z"><w:r><w:delText>五篇</w:delText></w:r></w:del><w:r><w:t>。</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>\
            <w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>完成x个</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\
            <w:p><w:r><w:t>今后再接再励,迫不急待地干好工作。</w:t></w:r></w:p>
            """
        return package(
            body: body,
            extra: [
                (
                    "word/numbering.xml",
                    "<w:numbering \(w)><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
                ),
                (
                    "word/comments.xml",
                    "<w:comments \(w)><w:comment w:id=\"0\" w:author=\"王科长\" w:date=\"2024-12-01T09:00:00Z\" w:initials=\"王\"><w:p><w:r><w:t>请核实次数</w:t></w:r></w:p></w:comment></w:comments>",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
                ),
            ], documentRels: [("rIdN", "numbering", "numbering.xml"), ("rIdC", "comments", "comments.xml")],
            sectPr:
                "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1800\" w:bottom=\"1440\" w:left=\"1800\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>"
        )
    }

    static func package(body: String, extra: [(String, String, String?)], documentRels: [(String, String, String)], sectPr: String)
        -> [UInt8]
    {
        var zip = ZipWriter()
        let overrides = extra.compactMap { e in e.2.map { "<Override PartName=\"/\(e.0)\" ContentType=\"\($0)\"/>" } }.joined()
        zip.add(
            "[Content_Types].xml",
            Array(
                ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"\(types)\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\(overrides)</Types>")
                    .utf8))
        zip.add(
            "_rels/.rels",
            Array(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"\(rels)\"><Relationship Id=\"rId1\" Type=\"\(officeRel)/officeDocument\" Target=\"word/document.xml\"/></Relationships>"
                    .utf8))
        zip.add(
            "word/document.xml",
            Array(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document \(w)><w:body>\(body)\(sectPr)</w:body></w:document>"
                    .utf8))
        zip.add(
            "word/_rels/document.xml.rels",
            Array(
                ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"\(rels)\">"
                    + documentRels.map { "<Relationship Id=\"\($0.0)\" Type=\"\(officeRel)/\($0.1)\" Target=\"\($0.2)\"/>" }.joined()
                    + "</Relationships>").utf8))
        for (name, content, _) in extra {
            zip.add(name, Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + content).utf8))
        }
        return zip.finish()
    }
}

import Foundation

/// `shuzhi format`: a report laid out as GB/T 9704-2012 lays out an official document, as far as it applies to a
/// 述职报告 (`../shared/reference/gongwen-norms.md` §1):
/// - A4; margins 37/35/28/26 mm (a 156 × 225 mm type area).
/// - 22 lines of 28 characters: a line grid of 28.95 pt (linePitch 579, exact line spacing) and characters condensed
///   by 0.25 pt (28 × 15.75 pt = 441 pt in the 442.2 pt line). Word templates get the 28 from a character grid
///   (charSpace −848), but LibreOffice 7.4 reads a negative charSpace as a huge pitch and sets 14 characters a line;
///   condensed spacing is read alike by Word, WPS and LibreOffice (FormatCLITests measures LibreOffice's rendering).
/// - The title 2号 小标宋 centred; the lines under it (name, unit, date) centred in 楷体; body 3号 仿宋 indented two
///   characters; headings by their marker (一、 黑体, （一） 楷体, 1. and （1） 仿宋), a run-in heading's words in its
///   font and the rest of the paragraph in the body's; Times New Roman for digits and Latin.
/// - Page numbers “— 1 —” in 4号 宋体, right on odd pages and left on even pages, one character in from the type
///   area's edge, their line 7 mm below it; kinsoku on, and no punctuation hanging past the type area's edge.
/// - The 落款 (述职人, unit) and date at the end set right, the date four characters in; 份号, 密级 and 发文字号
///   above the title when given (`Marking`); a template site's lines and notes left out.
/// - Fonts are named, not embedded: where they are missing the grid and spacing keep the layout.
///
/// The text is the report's text (a .docx input's paragraphs and table cells as paragraphs); pictures and tables are
/// not carried over.
public enum DocxFormatter {
    /// Fonts by role; Chinese Word and WPS name them so.
    public struct Fonts: Sendable {
        public var title = "方正小标宋简体"
        public var body = "仿宋_GB2312"
        public var heading1 = "黑体"
        public var heading2 = "楷体_GB2312"
        public var pageNumber = "宋体"
        public var latin = "Times New Roman"
        public init() {}
    }

    /// The lines GB/T 9704 puts above the title when a document carries them (§7.2): 份号 (six digits) and 密级和
    /// 保密期限 left at the top of the type area in 3号黑体, then the 发文字号 centred, a line above the title.
    public struct Marking: Sendable, Equatable {
        public var copyNumber: String?
        public var secrecy: String?
        public var documentNumber: String?
        public init(copyNumber: String? = nil, secrecy: String? = nil, documentNumber: String? = nil) {
            (self.copyNumber, self.secrecy, self.documentNumber) = (copyNumber, secrecy, documentNumber)
        }
        var isEmpty: Bool { copyNumber == nil && secrecy == nil && documentNumber == nil }
    }

    public static func format(_ analysis: Analysis, fonts: Fonts = Fonts(), marking: Marking = Marking()) -> [UInt8] {
        let document = analysis.document
        let outline = analysis.outline
        var headingByParagraph: [Int: Outline.Node] = [:]
        for node in outline.headings { headingByParagraph[node.paragraph] = node }
        let bylines = bylineParagraphs(document, outline, headings: Set(headingByParagraph.keys))
        // A template site's lines and notes are not the report's: they are left out of the laid-out document.
        let residue = analysis.webResidue
        var residueLines = Set(residue.blocks.flatMap { Array($0.paragraphs) })
        // A text that is nothing but such lines is laid out as it is, not as an empty document (found by fuzzing).
        if document.paragraphs.allSatisfy({ $0.isBlank || residueLines.contains($0.index) }) { residueLines = [] }
        let closing = closingParagraphs(document, headings: Set(headingByParagraph.keys), skipping: residueLines)
        var body = ""
        for (text, style) in [(marking.copyNumber, "Marking"), (marking.secrecy, "Marking"), (marking.documentNumber, "DocumentNumber")] {
            if let text = text?.trimmed, !text.isEmpty { body += paragraph(style: style, [(text, nil)]) }
        }
        if marking.documentNumber != nil { body += paragraph(style: "Normal", []) }
        for p in document.paragraphs where !p.isBlank && !residueLines.contains(p.index) {
            var text = Array(document.scalars[p.content])
            for note in residue.inline.reversed() where p.content.contains(note.range.lowerBound) {
                let cut = (note.range.lowerBound - p.content.lowerBound)..<min(text.count, note.range.upperBound - p.content.lowerBound)
                text.removeSubrange(cut)
            }
            guard !text.isEmpty else { continue }
            if let title = outline.title, p.content.overlaps(title) || p.content.lowerBound == title.lowerBound {
                body += paragraph(style: "Title", [(String(String.UnicodeScalarView(text)).trimmed, nil)])
            } else if closing.contains(p.index) {
                body += paragraph(style: "Closing", [(String(String.UnicodeScalarView(text)).trimmed, nil)])
            } else if bylines.contains(p.index) || outline.titleBlock.map({ p.content.overlaps($0) }) == true {
                body += paragraph(style: "Byline", [(String(String.UnicodeScalarView(text)).trimmed, nil)])
            } else if let node = headingByParagraph[p.index] {
                let style = node.level <= 1 ? "Heading1" : node.level == 2 ? "Heading2" : "Heading3"
                if node.isRunIn {
                    // The marker and the heading's words (with their full stop) in the heading's font, then the body.
                    var end = node.titleRange.upperBound
                    if end < p.content.upperBound, "。：:；;".unicodeScalars.contains(document.scalars[end]) { end += 1 }
                    let head = String(String.UnicodeScalarView(document.scalars[p.content.lowerBound..<end]))
                    let rest = String(String.UnicodeScalarView(document.scalars[end..<p.content.upperBound]))
                    body += paragraph(style: "Normal", [(head, style), (rest, nil)])
                } else {
                    body += paragraph(style: style, [(String(String.UnicodeScalarView(text)).trimmed, nil)])
                }
            } else {
                body += paragraph(style: "Normal", [(String(String.UnicodeScalarView(text)).trimmed, nil)])
            }
        }
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", Array(contentTypes.utf8))
        zip.add("_rels/.rels", Array(packageRelationships.utf8))
        zip.add("word/document.xml", Array(documentXML(body).utf8))
        zip.add("word/_rels/document.xml.rels", Array(documentRelationships.utf8))
        zip.add("word/styles.xml", Array(styles(fonts).utf8))
        zip.add("word/settings.xml", Array(settings.utf8))
        zip.add("word/footer1.xml", Array(footer(right: true, fonts).utf8))
        zip.add("word/footer2.xml", Array(footer(right: false, fonts).utf8))
        return zip.finish()
    }

    /// The name and unit lines under the title: up to three short lines (≤ 30 characters, no sentence end) before the
    /// first heading or body paragraph.
    static func bylineParagraphs(_ document: Document, _ outline: Outline, headings: Set<Int>) -> Set<Int> {
        guard let title = outline.title, let first = document.paragraphs.firstIndex(where: { $0.content.contains(title.lowerBound) }) else {
            return []
        }
        var out: Set<Int> = []
        for p in document.paragraphs[(first + 1)...] where !p.isBlank {
            let text = document.scalars[p.content]
            guard out.count < 3, !headings.contains(p.index), text.count <= 30,
                let last = text.last, !"。！？；：!?;:".unicodeScalars.contains(last)
            else { break }
            out.insert(p.index)
        }
        return out
    }

    /// The 落款 at the end of a report — who reports (述职人：张三, a unit) and the date — set right as GB/T 9704 sets
    /// 署名 and 成文日期 (the date four characters in from the right edge): the last lines, at most three, when the
    /// very last is a date or a signature and each is short, without a sentence's punctuation, and no heading.
    static func closingParagraphs(_ document: Document, headings: Set<Int>, skipping: Set<Int>) -> Set<Int> {
        let lines = document.paragraphs.filter { !$0.isBlank && !skipping.contains($0.index) }
        func text(_ p: Paragraph) -> String { document.readable(p.content, limit: 1000) }
        func isDate(_ t: String) -> Bool { t.count <= 16 && t.contains("年") && t.contains("月") && t.hasSuffix("日") }
        func isSignature(_ t: String) -> Bool {
            ["述职人", "报告人", "汇报人", "发言人", "述职单位", "单位：", "姓名："].contains { t.hasPrefix($0) }
        }
        func isShortLine(_ p: Paragraph) -> Bool {
            let t = text(p)
            return t.count <= 30 && !headings.contains(p.index) && !t.contains(where: { "。，；！？".contains($0) })
        }
        guard let last = lines.last, isShortLine(last), isDate(text(last)) || isSignature(text(last)) else { return [] }
        var out: Set<Int> = [last.index]
        for p in lines.dropLast().reversed().prefix(2) {
            guard isShortLine(p), isDate(text(p)) || isSignature(text(p)) || text(p).count <= 20 && out.count == 1 && isDate(text(last))
            else { break }
            out.insert(p.index)
        }
        return out
    }

    /// A paragraph of runs; a run with a style id takes that paragraph style's fonts as a character style.
    static func paragraph(style: String, _ runs: [(String, String?)]) -> String {
        var out = "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/></w:pPr>"
        for (text, runStyle) in runs where !text.isEmpty {
            out += "<w:r>" + (runStyle.map { "<w:rPr><w:rStyle w:val=\"\($0)Char\"/></w:rPr>" } ?? "")
            out += "<w:t xml:space=\"preserve\">\(Markup.escape(text))</w:t></w:r>"
        }
        return out + "</w:p>"
    }

    static let main = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
    static let relationships = "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"

    /// Page and grid in twips: A4 11906 × 16838; margins 37/28/35/26 mm; the footer's top line 7 mm under the type
    /// area (its bottom about 22.5 mm above the page's edge).
    static func documentXML(_ body: String) -> String {
        header + "<w:document \(main) \(relationships)><w:body>" + body
            + "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId3\"/><w:footerReference w:type=\"even\" r:id=\"rId4\"/>"
            + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
            + "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\" w:header=\"851\" w:footer=\"1276\" w:gutter=\"0\"/>"
            + "<w:cols w:space=\"425\"/><w:docGrid w:type=\"lines\" w:linePitch=\"579\"/></w:sectPr>"
            + "</w:body></w:document>"
    }

    static func fontsXML(eastAsia: String, _ fonts: Fonts) -> String {
        "<w:rFonts w:ascii=\"\(fonts.latin)\" w:hAnsi=\"\(fonts.latin)\" w:cs=\"\(fonts.latin)\" w:eastAsia=\"\(Markup.escape(eastAsia))\"/>"
    }

    static func styles(_ fonts: Fonts) -> String {
        func style(_ id: String, _ name: String, eastAsia: String, size: Int = 32, paragraph: String, outline: Int? = nil) -> String {
            let level = outline.map { "<w:outlineLvl w:val=\"\($0)\"/>" } ?? ""
            let run = "<w:rPr>\(fontsXML(eastAsia: eastAsia, fonts))<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr>"
            var out =
                "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"" + (id == "Normal" ? " w:default=\"1\"" : "")
                + "><w:name w:val=\"\(name)\"/>"
            if id != "Normal" { out += "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>" }
            if id.hasPrefix("Heading") { out += "<w:link w:val=\"\(id)Char\"/>" }
            out += "<w:qFormat/><w:pPr>\(paragraph)\(level)</w:pPr>\(run)</w:style>"
            if id.hasPrefix("Heading") {
                out +=
                    "<w:style w:type=\"character\" w:styleId=\"\(id)Char\"><w:name w:val=\"\(name) Char\"/><w:link w:val=\"\(id)\"/>\(run)</w:style>"
            }
            return out
        }
        let indent = "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>"
        let centred = "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>"
        return header + "<w:styles \(main)><w:docDefaults><w:rPrDefault><w:rPr>\(fontsXML(eastAsia: fonts.body, fonts))"
            + "<w:kern w:val=\"2\"/><w:spacing w:val=\"-5\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/><w:kinsoku w:val=\"1\"/><w:overflowPunct w:val=\"0\"/><w:snapToGrid w:val=\"1\"/>"
            + "<w:spacing w:line=\"579\" w:lineRule=\"exact\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>"
            // LibreOffice reads overflowPunct from a style, not from the document defaults.
            + style("Normal", "Normal", eastAsia: fonts.body, paragraph: "<w:overflowPunct w:val=\"0\"/>" + indent)
            + style(
                "Title", "Title", eastAsia: fonts.title, size: 44, paragraph: centred + "<w:spacing w:line=\"579\" w:lineRule=\"auto\"/>")
            + style("Byline", "Byline", eastAsia: fonts.heading2, paragraph: centred)
            // 署名 and date: right, the date's end four characters (4 × 16 pt) in from the type area's edge.
            + style(
                "Closing", "Closing", eastAsia: fonts.body,
                paragraph: "<w:ind w:right=\"1280\" w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"right\"/>")
            // 份号 and 密级: flush left in 黑体; 发文字号: centred in the body's font.
            + style(
                "Marking", "Marking", eastAsia: fonts.heading1,
                paragraph: "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"left\"/>")
            + style("DocumentNumber", "Document number", eastAsia: fonts.body, paragraph: centred)
            + style("Heading1", "heading 1", eastAsia: fonts.heading1, paragraph: indent + "<w:keepNext/>", outline: 0)
            + style("Heading2", "heading 2", eastAsia: fonts.heading2, paragraph: indent + "<w:keepNext/>", outline: 1)
            + style("Heading3", "heading 3", eastAsia: fonts.body, paragraph: indent + "<w:keepNext/>", outline: 2)
            + "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:pPr><w:snapToGrid w:val=\"0\"/>"
            + "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/></w:pPr><w:rPr>\(fontsXML(eastAsia: fonts.pageNumber, fonts))"
            + "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style></w:styles>"
    }

    /// “— 1 —” one character (4号, 280 twips) in from the type area's right edge (odd pages) or left edge (even).
    static func footer(right: Bool, _ fonts: Fonts) -> String {
        let place =
            right
            ? "<w:ind w:right=\"280\" w:firstLine=\"0\"/><w:jc w:val=\"right\"/>"
            : "<w:ind w:left=\"280\" w:firstLine=\"0\"/><w:jc w:val=\"left\"/>"
        let font =
            "<w:rPr>\(fontsXML(eastAsia: fonts.pageNumber, fonts).replacingOccurrences(of: fonts.latin, with: fonts.pageNumber))<w:sz w:val=\"28\"/></w:rPr>"
        return header + "<w:ftr \(main)><w:p><w:pPr><w:pStyle w:val=\"Footer\"/>\(place)</w:pPr>"
            + "<w:r>\(font)<w:t xml:space=\"preserve\">— </w:t></w:r>"
            + "<w:r>\(font)<w:fldChar w:fldCharType=\"begin\"/></w:r><w:r>\(font)<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
            + "<w:r>\(font)<w:fldChar w:fldCharType=\"separate\"/></w:r><w:r>\(font)<w:t>1</w:t></w:r><w:r>\(font)<w:fldChar w:fldCharType=\"end\"/></w:r>"
            + "<w:r>\(font)<w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>"
    }

    static let settings =
        header + "<w:settings \(main)><w:evenAndOddHeaders/><w:defaultTabStop w:val=\"420\"/>"
        + "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/>"
        + "<w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/>"
        + "<w:useFELayout/></w:compat></w:settings>"

    static let contentTypes =
        header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        + "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
        + "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
        + "<Override PartName=\"/word/footer2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
        + "</Types>"

    static let packageRelationships =
        header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
        + "</Relationships>"

    static let documentRelationships =
        header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
        + "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer2.xml\"/>"
        + "</Relationships>"
}

private extension String {
    var trimmed: String { trimmingCharacters(in: .whitespaces) }
}

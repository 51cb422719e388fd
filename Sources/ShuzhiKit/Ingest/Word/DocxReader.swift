/// Reads the body of a .docx: paragraphs and table cells in reading order, with a map back to the XML.
/// Deleted text (tracked deletions, moved-from text) and field instructions are skipped: the text is the document as
/// it reads with all changes accepted. Text boxes are read as paragraphs of their own.
enum DocxReader {
    static let wordNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]
    static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    struct Limits {
        /// Largest decompressed size of one part that is read (a zip bomb stops here).
        var maximumPartBytes = 128 * 1_048_576
    }

    static func read(_ bytes: [UInt8], name: String, limits: Limits = Limits()) throws(IngestError) -> Document {
        let archive: ZipArchive
        do { archive = try ZipArchive(bytes) } catch { throw map(error, name) }

        let mainPart = try locateMainPart(archive, name: name)
        guard let entry = archive.entry(named: mainPart) else {
            throw .corruptDocx(name, "the main part \(mainPart) is missing")
        }
        let xml: [UInt8]
        do { xml = try archive.data(of: entry, limit: limits.maximumPartBytes) } catch { throw map(error, name) }
        let styles = try readStyles(archive, mainPart: mainPart, name: name, limits: limits)
        do {
            return try walk(xml, partName: mainPart, name: name, styles: styles)
        } catch let failure {
            throw .corruptDocx(name, "\(mainPart): \(failure.reason) at byte \(failure.offset)")
        }
    }

    /// The target of the first relationship of a type in a `.rels` part, as a part name (relative targets resolved
    /// against `folder`). nil when the part or the relationship is absent.
    private static func relationshipTarget(
        _ archive: ZipArchive, rels: String, typeSuffix: String, folder: String,
        name: String
    ) throws(IngestError) -> String? {
        guard let entry = archive.entry(named: rels) else { return nil }
        let data: [UInt8]
        do { data = try archive.data(of: entry, limit: 1_048_576) } catch { throw map(error, name) }
        let target: String?
        do { target = try Relationships.target(in: data, typeSuffix: typeSuffix) } catch {
            throw .corruptDocx(name, "\(rels) is not valid XML")
        }
        return target.map { $0.hasPrefix("/") ? String($0.dropFirst()) : folder + $0 }
    }

    /// The styles part named by the main part's relationships (usually word/styles.xml). A document without one is
    /// fine; a styles part that is not XML is corruption.
    private static func readStyles(_ archive: ZipArchive, mainPart: String, name: String, limits: Limits) throws(IngestError) -> DocxStyles
    {
        let parts = mainPart.split(separator: "/")
        let folder = parts.dropLast().map { $0 + "/" }.joined()
        let rels = folder + "_rels/" + (parts.last.map(String.init) ?? "") + ".rels"
        let target = try relationshipTarget(archive, rels: rels, typeSuffix: "/styles", folder: folder, name: name) ?? folder + "styles.xml"
        guard let entry = archive.entry(named: target) else { return DocxStyles() }
        let xml: [UInt8]
        do { xml = try archive.data(of: entry, limit: limits.maximumPartBytes) } catch { throw map(error, name) }
        do { return try DocxStyles(xml) } catch { throw .corruptDocx(name, "\(target): \(error.reason) at byte \(error.offset)") }
    }

    /// Finds the main document part through the package relationships, telling a renamed .xlsx/.pptx/.odt apart.
    private static func locateMainPart(_ archive: ZipArchive, name: String) throws(IngestError) -> String {
        if let part = try relationshipTarget(archive, rels: "_rels/.rels", typeSuffix: "/officeDocument", folder: "", name: name) {
            if part.hasPrefix("xl/") { throw .otherOfficeFormat(name, what: ("Excel 工作簿", "an Excel workbook")) }
            if part.hasPrefix("ppt/") { throw .otherOfficeFormat(name, what: ("PowerPoint 演示文稿", "a PowerPoint presentation")) }
            return part
        }
        if archive.entry(named: "word/document.xml") != nil { return "word/document.xml" }
        if archive.entry(named: "xl/workbook.xml") != nil { throw .otherOfficeFormat(name, what: ("Excel 工作簿", "an Excel workbook")) }
        if archive.entry(named: "ppt/presentation.xml") != nil {
            throw .otherOfficeFormat(name, what: ("PowerPoint 演示文稿", "a PowerPoint presentation"))
        }
        if let mimetype = archive.entry(named: "mimetype"),
            let kind = try? archive.data(of: mimetype, limit: 1024),
            String(decoding: kind, as: UTF8.self).contains("opendocument")
        {
            throw .otherOfficeFormat(name, what: ("OpenDocument（.odt 等）", "an OpenDocument"))
        }
        throw .otherOfficeFormat(name, what: ("ZIP 压缩包", "a ZIP archive"))
    }

    private static func map(_ error: ZipArchive.Failure, _ name: String) -> IngestError {
        switch error {
        case .notAnArchive(let d), .corrupt(let d): return .corruptDocx(name, d)
        case .unsupported(let d): return .corruptDocx(name, d)
        case .limitExceeded(let part): return .decompressionLimit(name, part: part, limit: Limits().maximumPartBytes)
        }
    }

    // MARK: - Walking document.xml

    private struct ParagraphBuilder {
        let xmlStart: Int
        let inTable: Bool
        var scalars: [Unicode.Scalar] = []
        var segments: [DocxSourceMap.Segment] = []  // textRange relative to `scalars`
        var styleID: String?
        var outlineLevel: Int?
        var isAutoNumbered = false
        var isCentered = false
        /// Where the open `<w:r>` of this paragraph starts (a text box's paragraphs have their own runs).
        var runStart: Int?
        /// Whether its paragraph mark is a tracked deletion (`<w:pPr><w:rPr><w:del/>`).
        var markDeleted = false
    }

    private static func walk(_ xml: [UInt8], partName: String, name: String, styles: DocxStyles) throws(XMLScanner.Failure) -> Document {
        var scanner = XMLScanner(xml)
        var stack: [String] = []  // local names of the open W elements, for "is the parent pPr?"
        var skipUntilDepth: Int?  // inside deleted text, field code, mc:Fallback
        var tableDepth = 0
        var building: [ParagraphBuilder] = []
        var textStart: Int?  // inside <w:t>: where its character data begins
        var scalars: [Unicode.Scalar] = []
        var paragraphs: [DocxSourceMap.ParagraphSource] = []
        var lineParagraphs: [Int] = []

        func finish(_ p: ParagraphBuilder, end: Int) {
            // A paragraph deleted whole as a tracked change (its text and its mark) is not there once accepted, which
            // is the text Word shows and the text we read.
            if p.markDeleted && p.scalars.isEmpty { return }
            if !paragraphs.isEmpty { scalars.append("\n") }
            let base = scalars.count
            scalars.append(contentsOf: p.scalars)
            let index = paragraphs.count
            lineParagraphs.append(index)
            var segments: [DocxSourceMap.Segment] = []
            segments.reserveCapacity(p.segments.count)
            for s in p.segments {
                if s.kind == .lineBreak { lineParagraphs.append(index) }
                segments.append(
                    .init(
                        kind: s.kind, textRange: (s.textRange.lowerBound + base)..<(s.textRange.upperBound + base),
                        xmlRange: s.xmlRange, runRange: s.runRange))
            }
            // Direct formatting wins over the style; the style supplies what the paragraph does not set.
            let style = styles.resolved(p.styleID)
            let level = p.outlineLevel.map { $0 + 1 } ?? styles.headingLevel(p.styleID)
            paragraphs.append(
                .init(
                    part: 0, xmlRange: p.xmlStart..<end, styleID: p.styleID, styleName: style.name,
                    headingLevel: level, isAutoNumbered: p.isAutoNumbered || style.isNumbered,
                    isCentered: p.isCentered, isInTable: p.inTable, segments: segments))
        }

        func append(_ kind: DocxSourceMap.Segment.Kind, _ text: [Unicode.Scalar], xml: Range<Int>) {
            guard !building.isEmpty else { return }
            let start = building[building.count - 1].scalars.count
            building[building.count - 1].scalars.append(contentsOf: text)
            let run = building[building.count - 1].runStart
            building[building.count - 1].segments.append(
                .init(
                    kind: kind, textRange: start..<(start + text.count),
                    xmlRange: xml, runRange: run.map { $0..<$0 }))
        }

        while let event = try scanner.next() {
            switch event {
            case .start(let tag):
                if skipUntilDepth != nil { continue }
                let isW = tag.namespace.map(wordNamespaces.contains) ?? false
                if tag.namespace == markupCompatibility && tag.localName == "Fallback" {
                    skipUntilDepth = scanner.depth - 1
                    continue
                }
                guard isW else { continue }
                let parent = stack.last
                if !tag.isSelfClosing { stack.append(tag.localName) }
                switch tag.localName {
                case "del" where tag.isSelfClosing && parent == "rPr" && stack.count >= 2 && stack[stack.count - 2] == "pPr":
                    if !building.isEmpty { building[building.count - 1].markDeleted = true }
                case "del", "moveFrom", "delText", "instrText", "pPrChange", "rPrChange", "delInstrText":
                    if !tag.isSelfClosing {
                        skipUntilDepth = scanner.depth - 1
                        stack.removeLast()
                    }
                case "tbl":
                    if !tag.isSelfClosing { tableDepth += 1 }
                case "p":
                    building.append(ParagraphBuilder(xmlStart: tag.range.lowerBound, inTable: tableDepth > 0))
                    if tag.isSelfClosing { finish(building.removeLast(), end: tag.range.upperBound) }
                case "r":
                    if !building.isEmpty && !tag.isSelfClosing { building[building.count - 1].runStart = tag.range.lowerBound }
                case "t":
                    textStart = tag.isSelfClosing ? nil : tag.range.upperBound
                case "tab" where parent == "r":
                    append(.tab, ["\t"], xml: tag.range)
                case "br", "cr":
                    let type = try scanner.attribute("type", of: tag)
                    if type == nil || type == "textWrapping" { append(.lineBreak, ["\n"], xml: tag.range) }
                case "noBreakHyphen":
                    append(.text, ["\u{2011}"], xml: tag.range)
                case "pStyle" where parent == "pPr":
                    if !building.isEmpty { building[building.count - 1].styleID = try scanner.attribute("val", of: tag) }
                case "outlineLvl" where parent == "pPr":
                    if !building.isEmpty, let v = try scanner.attribute("val", of: tag), let level = Int(v), level < 9 {
                        building[building.count - 1].outlineLevel = level
                    }
                case "numPr" where parent == "pPr":
                    if !building.isEmpty { building[building.count - 1].isAutoNumbered = true }
                case "jc" where parent == "pPr":
                    if !building.isEmpty { building[building.count - 1].isCentered = try scanner.attribute("val", of: tag) == "center" }
                default:
                    break
                }
            case .end(let namespace, let localName, let range):
                if let d = skipUntilDepth {
                    if scanner.depth <= d { skipUntilDepth = nil }
                    continue
                }
                // A self-closing tag's end (an empty range) was handled with its start.
                guard namespace.map(wordNamespaces.contains) ?? false, !range.isEmpty else { continue }
                if !stack.isEmpty { stack.removeLast() }
                switch localName {
                case "tbl":
                    tableDepth = max(0, tableDepth - 1)
                case "p":
                    if let p = building.popLast() { finish(p, end: range.upperBound) }
                case "r":
                    if !building.isEmpty, let start = building[building.count - 1].runStart {
                        // Give the segments of this run their run's byte range now that it is known.
                        var segments = building[building.count - 1].segments
                        var k = segments.count - 1
                        while k >= 0, let rr = segments[k].runRange, rr.lowerBound == start, rr.isEmpty {
                            let s = segments[k]
                            segments[k] = .init(
                                kind: s.kind, textRange: s.textRange, xmlRange: s.xmlRange,
                                runRange: start..<range.upperBound)
                            k -= 1
                        }
                        building[building.count - 1].segments = segments
                        building[building.count - 1].runStart = nil
                    }
                case "t":
                    if let start = textStart {
                        var text = try XMLScanner.decode(xml, start..<range.lowerBound)
                        // A line break inside <w:t> shows as a space in Word; keep one scalar per source character.
                        for k in text.indices where text[k] == "\n" || text[k] == "\r" || text[k] == "\u{2028}" || text[k] == "\u{2029}" {
                            text[k] = " "
                        }
                        append(.text, text, xml: start..<range.lowerBound)
                    }
                    textStart = nil
                default:
                    break
                }
            case .text, .cdata:
                break  // character data is read from the byte range between <w:t> and </w:t>
            }
        }
        if paragraphs.isEmpty { lineParagraphs = [0] }
        let map = DocxSourceMap(parts: [partName], paragraphs: paragraphs, lineParagraphs: lineParagraphs)
        return Document(name: name, format: .docx, scalars: scalars, docx: paragraphs.isEmpty ? nil : map)
    }
}

/// Whole paragraphs deleted in Word (a template site's residue block: 首页 > 范文大全 > …, 本文由网友收集整理…): the
/// text of each paragraph as an ordinary deletion, and each paragraph mark as a deleted mark — `<w:rPr><w:del/>` in
/// the paragraph's properties, which is how Word itself tracks the removal of a paragraph — so that accepting the
/// revisions in Word or WPS leaves no empty line behind. Made directly (`fix --accept`), the paragraphs go.
///
/// The first pass of `DocxAnnotator` leaves a processing instruction right after each such paragraph's start tag
/// (`<?shuzhi-p 3?>`); `resolve` turns it into the deleted mark, or removes the paragraph.
enum ParagraphDeletion {
    static func mark(_ k: Int) -> String { "<?shuzhi-p \(k)?>" }

    /// The document paragraphs a deletion of `range` takes whole — from a line's start through the line break before
    /// another line — and, of those, the ones whose mark goes too; nil when it takes part of a paragraph, or a
    /// paragraph Word would not let go (in a table, carrying the section's properties, outside the main part).
    /// A deletion to the end of the text keeps the last paragraph's mark, which Word never deletes.
    static func paragraphs(
        deleting range: Range<Int>, in document: Document, xml: [UInt8], prefix p: String
    ) -> (all: [Int], marks: [Int])? {
        guard let map = document.docx, !range.isEmpty else { return nil }
        let paragraphs = document.paragraphs
        // From a line's start, or from the line break before a block that runs to the end of the text (the break
        // stays: the line before keeps its own paragraph mark and properties).
        guard
            let first = paragraphs.firstIndex(where: { $0.range.lowerBound == range.lowerBound })
                ?? paragraphs.firstIndex(where: { $0.range.upperBound == range.lowerBound }).map({ $0 + 1 })
                .flatMap({ $0 < paragraphs.count && range.upperBound >= document.scalars.count ? $0 : nil })
        else { return nil }
        var last = first
        while last + 1 < paragraphs.count && paragraphs[last + 1].range.lowerBound < range.upperBound { last += 1 }
        let endsAtNext = last + 1 < paragraphs.count && paragraphs[last + 1].range.lowerBound == range.upperBound
        // To the end of the text (what follows, if anything, is empty lines): the last paragraph's mark stays.
        let endsAtEnd = range.upperBound >= paragraphs[last].range.upperBound && paragraphs[(last + 1)...].allSatisfy(\.range.isEmpty)
        guard endsAtNext || endsAtEnd else { return nil }
        let sectionProperties = Array("<\(p)sectPr".utf8)
        for k in first...last {
            guard let i = paragraphs[k].docx, map.paragraphs[i].part == 0, !map.paragraphs[i].isInTable,
                Bytes.firstIndex(of: sectionProperties, in: Array(xml[map.paragraphs[i].xmlRange])) == nil
            else { return nil }
        }
        return (Array(first...last), Array(first...(endsAtNext ? last : last - 1)))
    }

    /// The byte right after paragraph `k`'s start tag, where its mark goes.
    static func afterStartTag(of k: Int, in document: Document, xml: [UInt8]) -> Int? {
        guard let i = document.paragraphs[k].docx, let map = document.docx else { return nil }
        var b = map.paragraphs[i].xmlRange.lowerBound
        while b < xml.count && xml[b] != 0x3E { b += 1 }
        return b < xml.count ? b + 1 : nil
    }

    /// Each left mark made a deleted paragraph mark (tracked) or its paragraph removed (accepted).
    static func resolve(_ xml: [UInt8], count: Int, revising: DocxAnnotator.Revising, prefix p: String, deletion: () -> String) -> [UInt8] {
        var out = xml
        for k in (0..<count).reversed() {
            let mark = Array(mark(k).utf8)
            guard let at = Bytes.firstIndex(of: mark, in: out) else { continue }
            out.removeSubrange(at..<(at + mark.count))
            switch revising {
            case .tracked:
                let (span, bytes) = deletedMark(at: at, in: out, prefix: p, deletion: deletion())
                out.replaceSubrange(span, with: bytes)
            case .accepted:
                if let element = paragraph(endingStartTagAt: at, in: out, prefix: p) { out.removeSubrange(element) }
            }
        }
        return out
    }

    /// The edit that marks the paragraph whose properties (if any) start at `start` as deleted: `deletion`
    /// (`<w:del …/>`) as the first child of the properties' `<w:rPr>`, which the schema wants first, in a new
    /// `<w:rPr>` (before `<w:sectPr>`/`<w:pPrChange>`, which follow it) or a new `<w:pPr>` when there is none.
    private static func deletedMark(at start: Int, in xml: [UInt8], prefix p: String, deletion: String) -> (Range<Int>, [UInt8]) {
        let newRunProperties = Array("<\(p)rPr>\(deletion)</\(p)rPr>".utf8)
        let pPr = Array("<\(p)pPr".utf8)
        guard xml[start...].starts(with: pPr), start + pPr.count < xml.count, [0x20, 0x3E, 0x2F].contains(xml[start + pPr.count])
        else { return (start..<start, Array("<\(p)pPr>".utf8) + newRunProperties + Array("</\(p)pPr>".utf8)) }
        var tagEnd = start
        while tagEnd < xml.count && xml[tagEnd] != 0x3E { tagEnd += 1 }
        if xml[tagEnd - 1] == 0x2F {
            return (start..<(tagEnd + 1), Array("<\(p)pPr>".utf8) + newRunProperties + Array("</\(p)pPr>".utf8))
        }
        // The children of <w:pPr>, at depth 0 here.
        var depth = 0, i = tagEnd + 1
        while i < xml.count {
            guard xml[i] == 0x3C else { i += 1; continue }
            var e = i + 1
            while e < xml.count && xml[e] != 0x3E { e += 1 }
            guard e < xml.count else { break }
            let special = xml[i + 1] == 0x3F || xml[i + 1] == 0x21
            let closing = xml[i + 1] == 0x2F, selfClosing = xml[e - 1] == 0x2F
            if special {
                // a comment or processing instruction: no element
            } else if closing {
                if depth == 0 { return (i..<i, newRunProperties) }  // </w:pPr>
                depth -= 1
            } else {
                if depth == 0 {
                    let name = String(decoding: xml[(i + 1)..<e], as: UTF8.self).prefix { $0 != " " && $0 != "/" && $0 != ">" }
                    if name == "\(p)rPr" {
                        return selfClosing ? (i..<(e + 1), newRunProperties) : ((e + 1)..<(e + 1), Array(deletion.utf8))
                    }
                    if name == "\(p)sectPr" || name == "\(p)pPrChange" { return (i..<i, newRunProperties) }
                }
                if !selfClosing { depth += 1 }
            }
            i = e + 1
        }
        return (start..<start, [])
    }

    /// The `<w:p …>…</w:p>` element whose start tag ends right before `at`, nested paragraphs (text boxes) counted.
    private static func paragraph(endingStartTagAt at: Int, in xml: [UInt8], prefix p: String) -> Range<Int>? {
        let open = Array("<\(p)p".utf8), close = Array("</\(p)p>".utf8)
        func opens(_ i: Int) -> Bool {
            xml[i...].starts(with: open) && i + open.count < xml.count && [0x20, 0x3E].contains(xml[i + open.count])
        }
        var start = at - 1
        while start >= 0 && !(xml[start] == 0x3C && opens(start)) { start -= 1 }
        guard start >= 0 else { return nil }
        var depth = 0, i = start
        while i < xml.count {
            if xml[i] == 0x3C {
                if opens(i) {
                    var e = i
                    while e < xml.count && xml[e] != 0x3E { e += 1 }
                    if xml[e - 1] != 0x2F { depth += 1 }
                } else if xml[i...].starts(with: close) {
                    depth -= 1
                    if depth == 0 { return start..<(i + close.count) }
                }
            }
            i += 1
        }
        return nil
    }
}

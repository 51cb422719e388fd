import Foundation

/// `check --annotate`: findings written into a copy of the writer's .docx as Word comments, each anchored on exactly
/// the characters it is about. Only what must change changes: the runs a comment starts or ends inside are split
/// (every piece keeps the run's properties), the comment markers go in, and the comments part, its relationship and
/// its content type are added or extended. Every other byte of the main part, and every other part of the package,
/// is copied as it was (other parts even in their original compression).
public enum DocxAnnotator {
    public struct Note: Sendable, Equatable {
        /// Scalar offsets in the document's text.
        public var range: Range<Int>
        /// The comment's text: one paragraph per line.
        public var text: String

        public init(range: Range<Int>, text: String) {
            self.range = range
            self.text = text
        }
    }

    /// A text edit to make in the document: as a tracked change (deletion and insertion by the author, which the
    /// writer accepts or rejects in Word or WPS) or made directly. `note` explains it when it cannot be tracked.
    public struct Revision: Sendable, Equatable {
        public var range: Range<Int>
        public var replacement: String
        public var note: String

        public init(range: Range<Int>, replacement: String, note: String) {
            self.range = range
            self.replacement = replacement
            self.note = note
        }
    }

    public enum Revising: Sendable {
        /// `<w:del>`/`<w:ins>`, to be accepted or rejected in Word.
        case tracked
        /// The new text written in place (`fix --accept`).
        case accepted
    }

    /// The package `bytes` (the .docx `document` was read from) with `notes` as comments and `revisions` made as
    /// tracked changes (or directly), all by `author` at `date`. A revision that crosses a paragraph or a field
    /// becomes a comment instead.
    public static func annotate(
        _ bytes: [UInt8], document: Document, notes: [Note], revisions: [Revision] = [],
        revising: Revising = .tracked, author: String = "Shuzhi", date: Date = Date()
    ) throws(IngestError) -> [UInt8] {
        try write(bytes, document: document, notes: notes, revisions: revisions, revising: revising, author: author, date: date).bytes
    }

    /// What `write` made: the package, and which of the revisions it was given went in as revisions (the others
    /// became comments: they cross a table cell, a field or a hyperlink's edge).
    public struct Written: Sendable {
        public let bytes: [UInt8]
        public let placed: Set<Int>
    }

    /// `annotate`, saying which revisions went in. A revision that deletes whole paragraphs (a residue block) deletes
    /// each paragraph's text and its paragraph mark (`ParagraphDeletion`).
    public static func write(
        _ bytes: [UInt8], document: Document, notes: [Note], revisions: [Revision] = [],
        revising: Revising = .tracked, author: String = "Shuzhi", date: Date = Date()
    ) throws(IngestError) -> Written {
        let name = document.name
        let archive: ZipArchive
        do { archive = try ZipArchive(bytes) } catch { throw .corruptDocx(name, "\(error)") }
        guard let map = document.docx, let mainPart = map.parts.first, let mainEntry = archive.entry(named: mainPart) else {
            return Written(bytes: bytes, placed: [])  // nothing to anchor on: no paragraph was read
        }
        var package = try Package(archive: archive, name: name)
        let xml = try package.read(mainEntry)
        let ns = WordNamespace(xml)
        var ids = IDs(
            next: max(WordNamespace.largestID(xml), try package.commentsPart(of: mainPart).map { WordNamespace.largestID($0.xml) } ?? -1)
                + 1)

        // Where each comment starts and ends in the main part; each revision's edges marked for the second pass.
        let locator = Locator(map: map, xml: xml)
        var marks: [Mark] = []
        var comments: [(id: Int, text: String)] = []
        let p = ns.prefix
        for (order, note) in notes.enumerated() {
            guard let start = locator.start(note.range.lowerBound), let end = locator.end(max(note.range.lowerBound, note.range.upperBound))
            else { continue }
            let id = ids.take()
            comments.append((id, note.text))
            let opening = ns.commentStart(id), closing = ns.commentEnd(id)
            if note.range.isEmpty || end.byte <= start.byte {
                // A point (or a range over nothing but a paragraph break): the comment sits at its start.
                marks.append(Mark(place: start, order: 2 * order + 1, markup: opening + closing))
            } else {
                marks.append(Mark(place: start, order: 2 * order + 1, markup: opening))
                marks.append(Mark(place: end, order: 2 * order, markup: closing))
            }
        }
        // Whole paragraphs deleted: one deletion of each paragraph's text, and each paragraph's mark (by `origin`, the
        // revision asked for).
        var expanded: [(revision: Revision, origin: Int)] = []
        var paragraphMarks: [(paragraph: Int, origin: Int)] = []
        for (k, r) in revisions.enumerated() {
            if r.replacement.isEmpty, !locator.covers(r.range),
                let whole = ParagraphDeletion.paragraphs(deleting: r.range, in: document, xml: xml, prefix: p)
            {
                for q in whole.all where !document.paragraphs[q].range.isEmpty {
                    expanded.append((Revision(range: document.paragraphs[q].range, replacement: "", note: r.note), k))
                }
                paragraphMarks += whole.marks.map { ($0, k) }
            } else {
                expanded.append((r, k))
            }
        }
        var failed = Set<Int>()
        for (m, mark) in paragraphMarks.enumerated() {
            guard let byte = ParagraphDeletion.afterStartTag(of: mark.paragraph, in: document, xml: xml) else {
                failed.insert(mark.origin)
                continue
            }
            // First at its byte: the paragraph's properties must stay its first child, before any revision's runs.
            marks.append(Mark(place: Place(byte: byte, run: nil, textTag: nil), order: -1 - m, markup: ParagraphDeletion.mark(m)))
        }
        let revisions = expanded.map(\.revision)
        let base = 2 * notes.count
        var placed: [Int] = []
        for (k, r) in revisions.enumerated() {
            guard let start = r.range.isEmpty ? locator.insertion(r.range.lowerBound) : locator.start(r.range.lowerBound),
                let end = r.range.isEmpty ? start : locator.end(r.range.upperBound), end.byte >= start.byte
            else { continue }
            if !locator.covers(r.range) {
                // It takes out a paragraph break (or text the map does not hold): say so in a comment instead.
                failed.insert(expanded[k].origin)
                let id = ids.take()
                comments.append((id, r.note))
                marks.append(Mark(place: start, order: base + 2 * k + 1, markup: ns.commentStart(id)))
                marks.append(Mark(place: end, order: base + 2 * k, markup: ns.commentEnd(id)))
                continue
            }
            placed.append(k)
            if end.byte == start.byte {
                marks.append(Mark(place: start, order: base + 2 * k + 1, markup: Revisions.startMark(k) + Revisions.endMark(k)))
            } else {
                marks.append(Mark(place: start, order: base + 2 * k + 1, markup: Revisions.startMark(k)))
                marks.append(Mark(place: end, order: base + 2 * k, markup: Revisions.endMark(k)))
            }
        }
        guard !marks.isEmpty else { return Written(bytes: bytes, placed: []) }
        var edited = RunEditor.apply(marks, to: xml, prefix: p)
        if !placed.isEmpty {
            var commented = Set<Int>()
            edited = Revisions.resolve(
                edited, revisions: revisions, placed: placed, revising: revising, namespace: ns, author: author,
                date: date, ids: &ids, comments: &comments, commented: &commented)
            for k in commented { failed.insert(expanded[k].origin) }
        }
        if !paragraphMarks.isEmpty {
            let stamp = ISO8601DateFormatter().string(from: date)
            edited = ParagraphDeletion.resolve(edited, count: paragraphMarks.count, revising: revising, prefix: p) {
                "<\(p)del \(p)id=\"\(ids.take())\" \(p)author=\"\(Markup.escape(author))\" \(p)date=\"\(stamp)\"/>"
            }
        }
        // Never write a broken part: the result must still be well-formed XML.
        var scanner = XMLScanner(edited)
        do { while try scanner.next() != nil {} } catch {
            throw .corruptDocx(name, "editing \(mainPart) would break it (\(error.reason) at byte \(error.offset)); nothing was written")
        }
        package.replace(mainPart, edited)
        if !comments.isEmpty { try package.addComments(comments, author: author, date: date, namespace: ns, mainPart: mainPart) }
        let asked = Set(expanded.map(\.origin)).union(paragraphMarks.map(\.origin))
        return Written(bytes: package.write(), placed: asked.subtracting(failed))
    }

    /// Annotation ids: comments, insertions and deletions share one space in a Word document.
    struct IDs {
        var next: Int
        mutating func take() -> Int {
            defer { next += 1 }
            return next
        }
    }

    /// Markup to insert at a place in the main part.
    struct Mark {
        let place: Place
        /// Among marks at the same place: ends (even) before starts (odd), each in note order.
        let order: Int
        let markup: String
    }

    /// A place between two characters of the text, in the XML: at a run boundary (no split needed) or inside a run.
    struct Place {
        /// The byte where the markup goes (inside a run: where the run is cut).
        let byte: Int
        /// The run cut at `byte`, when `byte` is inside one.
        let run: Range<Int>?
        /// When the cut is inside `<w:t>` character data: that element's start tag.
        let textTag: Range<Int>?
    }

    /// Finds places for text offsets through the source map.
    struct Locator {
        let xml: [UInt8]
        /// Every segment in text order with its position among its run's segments.
        let segments: [(segment: DocxSourceMap.Segment, firstInRun: Bool, lastInRun: Bool)]

        init(map: DocxSourceMap, xml: [UInt8]) {
            self.xml = xml
            let all = map.paragraphs.flatMap(\.segments)
            segments = all.indices.map { i in
                let run = all[i].runRange
                return (
                    all[i], i == 0 || run == nil || all[i - 1].runRange != run,
                    i == all.count - 1 || run == nil || all[i + 1].runRange != run
                )
            }
        }

        /// The place before the character at `offset` (or, past a paragraph's end, before the next character).
        func start(_ offset: Int) -> Place? {
            if let i = segments.firstIndex(where: { $0.segment.textRange.contains(offset) }) {
                let s = segments[i].segment
                return offset == s.textRange.lowerBound ? before(i) : inside(s, offset - s.textRange.lowerBound)
            }
            return segments.firstIndex { $0.segment.textRange.lowerBound >= offset && !$0.segment.textRange.isEmpty }.flatMap(before)
        }

        /// Where text inserted at `offset` goes: after the character before it, or at the start of its paragraph.
        func insertion(_ offset: Int) -> Place? {
            offset > 0 && segments.contains(where: { $0.segment.textRange.contains(offset - 1) }) ? end(offset) : start(offset)
        }

        /// Whether every character of `range` is one the map holds (a paragraph break between two `<w:p>` is not).
        func covers(_ range: Range<Int>) -> Bool {
            TextComparison.covered(segments.map { $0.segment.textRange.clamped(to: range) }.filter { !$0.isEmpty }) == range.count
        }

        /// The place after the character before `offset` (or, before a paragraph's start, after the last character).
        func end(_ offset: Int) -> Place? {
            if offset > 0, let i = segments.firstIndex(where: { $0.segment.textRange.contains(offset - 1) }) {
                let s = segments[i].segment
                return offset == s.textRange.upperBound ? after(i) : inside(s, offset - s.textRange.lowerBound)
            }
            return segments.lastIndex { $0.segment.textRange.upperBound <= offset && !$0.segment.textRange.isEmpty }.flatMap(after)
        }

        private func isElement(_ s: DocxSourceMap.Segment) -> Bool { !s.xmlRange.isEmpty && xml[s.xmlRange.lowerBound] == 0x3C }

        /// The start tag of the `<w:t>` whose character data is `s`.
        private func textTag(_ s: DocxSourceMap.Segment) -> Range<Int> {
            var b = s.xmlRange.lowerBound - 1
            while b > 0 && xml[b] != 0x3C { b -= 1 }
            return b..<s.xmlRange.lowerBound
        }

        private func before(_ i: Int) -> Place? {
            let (s, first, _) = segments[i]
            guard let run = s.runRange else { return nil }
            if first { return Place(byte: run.lowerBound, run: nil, textTag: nil) }
            return Place(byte: isElement(s) ? s.xmlRange.lowerBound : textTag(s).lowerBound, run: run, textTag: nil)
        }

        private func after(_ i: Int) -> Place? {
            let (s, _, last) = segments[i]
            guard let run = s.runRange else { return nil }
            if last { return Place(byte: run.upperBound, run: nil, textTag: nil) }
            if isElement(s) { return Place(byte: s.xmlRange.upperBound, run: run, textTag: nil) }
            var b = s.xmlRange.upperBound
            while b < run.upperBound && xml[b] != 0x3E { b += 1 }
            return Place(byte: b + 1, run: run, textTag: nil)
        }

        private func inside(_ s: DocxSourceMap.Segment, _ k: Int) -> Place? {
            guard let run = s.runRange, !isElement(s) else { return nil }
            return Place(byte: XMLScanner.byteOffset(ofScalar: k, in: xml, s.xmlRange), run: run, textTag: textTag(s))
        }
    }

    /// The package's parts: read, replaced, added, and written back in their order.
    struct Package {
        let archive: ZipArchive
        let name: String
        var replaced: [String: [UInt8]] = [:]
        var added: [(String, [UInt8])] = []

        init(archive: ZipArchive, name: String) throws(IngestError) {
            self.archive = archive
            self.name = name
        }

        func read(_ entry: ZipArchive.Entry) throws(IngestError) -> [UInt8] {
            do { return try archive.data(of: entry, limit: DocxReader.Limits().maximumPartBytes) } catch {
                throw .corruptDocx(name, "\(entry.name): \(error)")
            }
        }

        func read(_ part: String) throws(IngestError) -> [UInt8]? {
            if let bytes = replaced[part] { return bytes }
            if let bytes = added.first(where: { $0.0 == part })?.1 { return bytes }
            return try archive.entry(named: part).map { e throws(IngestError) in try read(e) }
        }

        mutating func replace(_ part: String, _ bytes: [UInt8]) {
            if archive.entry(named: part) != nil {
                replaced[part] = bytes
            } else if let i = added.firstIndex(where: { $0.0 == part }) {
                added[i].1 = bytes
            } else {
                added.append((part, bytes))
            }
        }

        static func relationshipsPart(of part: String) -> String {
            let pieces = part.split(separator: "/")
            return pieces.dropLast().map { $0 + "/" }.joined() + "_rels/" + (pieces.last.map(String.init) ?? "") + ".rels"
        }

        /// The existing comments part of the main part, if any: its name and content.
        func commentsPart(of main: String) throws(IngestError) -> (part: String, xml: [UInt8])? {
            guard let rels = try read(Self.relationshipsPart(of: main)) else { return nil }
            let folder = main.split(separator: "/").dropLast().map { $0 + "/" }.joined()
            // Relationships the reader already accepted; a part it could not read has no comments to extend.
            guard let target = try? Relationships.target(in: rels, typeSuffix: "/comments") else { return nil }
            let part = target.hasPrefix("/") ? String(target.dropFirst()) : folder + target
            return try read(part).map { (part, $0) }
        }

        /// Appends the comments to the comments part, creating it (with its relationship and content type) if needed.
        mutating func addComments(
            _ comments: [(id: Int, text: String)], author: String, date: Date, namespace ns: WordNamespace,
            mainPart: String
        ) throws(IngestError) {
            let stamp = ISO8601DateFormatter().string(from: date)
            func body(_ p: String) -> String {
                comments.map { c in
                    let paragraphs = c.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { k, line in
                        "<\(p)p>" + (k == 0 ? "<\(p)r><\(p)annotationRef/></\(p)r>" : "")
                            + "<\(p)r><\(p)t xml:space=\"preserve\">\(Markup.escape(String(line)))</\(p)t></\(p)r></\(p)p>"
                    }.joined()
                    return "<\(p)comment \(p)id=\"\(c.id)\" \(p)author=\"\(Markup.escape(author))\" \(p)date=\"\(stamp)\" "
                        + "\(p)initials=\"SZ\">\(paragraphs)</\(p)comment>"
                }.joined()
            }
            if let existing = try commentsPart(of: mainPart) {
                let prefix = WordNamespace(existing.xml).prefix
                guard let close = Bytes.lastIndex(of: Array("</\(prefix)comments>".utf8), in: existing.xml) else {
                    throw .corruptDocx(name, "\(existing.part) has no </\(prefix)comments>")
                }
                replace(existing.part, Array(existing.xml[..<close]) + Array(body(prefix).utf8) + Array(existing.xml[close...]))
                return
            }
            let folder = mainPart.split(separator: "/").dropLast().map { $0 + "/" }.joined()
            var file = "comments.xml"
            while archive.entry(named: folder + file) != nil { file = "shuzhi-" + file }
            let part =
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:comments xmlns:w=\"\(ns.uri)\">"
                + body("w:") + "</w:comments>"
            replace(folder + file, Array(part.utf8))
            // The relationship from the main part.
            let relsPart = Self.relationshipsPart(of: mainPart)
            let relation =
                "<Relationship Id=\"\(Relationships.freeID(in: try read(relsPart) ?? []))\" Type=\"\(ns.relationshipBase)/comments\" Target=\"\(file)\"/>"
            if let rels = try read(relsPart), let close = Bytes.lastIndex(of: Array("</Relationships>".utf8), in: rels) {
                replace(relsPart, Array(rels[..<close]) + Array(relation.utf8) + Array(rels[close...]))
            } else {
                replace(
                    relsPart,
                    Array(
                        ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Relationships xmlns=\""
                            + "http://schemas.openxmlformats.org/package/2006/relationships\">" + relation + "</Relationships>").utf8))
            }
            // Its content type.
            let override =
                "<Override PartName=\"/\(folder + file)\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>"
            guard let types = try read("[Content_Types].xml"), let close = Bytes.lastIndex(of: Array("</Types>".utf8), in: types) else {
                throw .corruptDocx(name, "[Content_Types].xml is missing or has no </Types>")
            }
            replace("[Content_Types].xml", Array(types[..<close]) + Array(override.utf8) + Array(types[close...]))
        }

        /// Parts in their original order (untouched ones copied in their original compression), then the new ones.
        func write() -> [UInt8] {
            var zip = ZipWriter()
            for entry in archive.entries {
                if let bytes = replaced[entry.name] {
                    zip.add(entry.name, bytes)
                } else if let raw = try? archive.rawData(of: entry) {
                    zip.copy(
                        name: entry.name, method: entry.method, crc: entry.crc32, compressed: Array(raw),
                        uncompressedSize: entry.uncompressedSize)
                }
            }
            for (name, bytes) in added { zip.add(name, bytes) }
            return zip.finish()
        }
    }
}

/// The WordprocessingML namespace of a part: its URI (transitional or strict) and the prefix the part binds it to.
struct WordNamespace {
    let uri: String
    /// "w:" usually; "" when it is the default namespace.
    let prefix: String

    static let transitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"

    init(_ xml: [UInt8]) {
        let head = String(decoding: xml.prefix(8192), as: UTF8.self)
        for uri in [Self.transitional, Self.strict] {
            guard let r = head.range(of: "=\"\(uri)\"") else { continue }
            let declaration = head[..<r.lowerBound]
            if let colon = declaration.range(of: "xmlns:", options: .backwards) {
                self.uri = uri
                prefix = String(declaration[colon.upperBound...]) + ":"
                return
            }
            self.uri = uri
            prefix = ""
            return
        }
        uri = Self.transitional
        prefix = "w:"
    }

    /// Where a comment's range starts, and where it ends with the reference that shows the comment.
    func commentStart(_ id: Int) -> String { "<\(prefix)commentRangeStart \(prefix)id=\"\(id)\"/>" }
    func commentEnd(_ id: Int) -> String {
        "<\(prefix)commentRangeEnd \(prefix)id=\"\(id)\"/><\(prefix)r><\(prefix)commentReference \(prefix)id=\"\(id)\"/></\(prefix)r>"
    }

    var relationshipBase: String {
        uri == Self.strict
            ? "http://purl.oclc.org/ooxml/officeDocument/relationships"
            : "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    }

    /// The largest number in any `…:id="N"` attribute: comment, revision and bookmark ids share one space in Word.
    static func largestID(_ xml: [UInt8]) -> Int {
        let needle = Array(":id=\"".utf8)
        var best = -1, i = 0
        while i + needle.count < xml.count {
            if xml[i] == 0x3A && Array(xml[i..<(i + needle.count)]) == needle {
                var j = i + needle.count, n = 0, digits = 0
                while j < xml.count, xml[j] >= 0x30, xml[j] <= 0x39, digits < 9 {
                    n = n * 10 + Int(xml[j] - 0x30)
                    j += 1
                    digits += 1
                }
                if digits > 0 && j < xml.count && xml[j] == 0x22 { best = max(best, n) }
                i = j
            } else {
                i += 1
            }
        }
        return best
    }
}

/// Applies marks to the main part: inserted as they are at run boundaries; inside a run, the run is cut there (each
/// piece keeps the run's start tag and properties) and the markup goes between the pieces.
enum RunEditor {
    static func apply(_ marks: [DocxAnnotator.Mark], to xml: [UInt8], prefix: String) -> [UInt8] {
        let sorted = marks.sorted { ($0.place.byte, $0.order) < ($1.place.byte, $1.order) }
        var edits: [(range: Range<Int>, bytes: [UInt8])] = []
        // Marks at run boundaries: plain insertions.
        for m in sorted where m.place.run == nil { edits.append((m.place.byte..<m.place.byte, Array(m.markup.utf8))) }
        // Marks inside runs: each such run rebuilt once with all its cuts.
        let byRun = Dictionary(grouping: sorted.filter { $0.place.run != nil }, by: { $0.place.run! })
        for (run, cuts) in byRun { edits.append((run, rebuild(run, cuts: cuts, xml: xml, prefix: prefix))) }
        // Insertions at a byte go before a run rebuilt from that byte.
        edits.sort { ($0.range.lowerBound, $0.range.isEmpty ? 0 : 1) < ($1.range.lowerBound, $1.range.isEmpty ? 0 : 1) }
        var out: [UInt8] = []
        out.reserveCapacity(xml.count + edits.reduce(0) { $0 + $1.bytes.count })
        var at = 0
        for e in edits {
            out += xml[at..<e.range.lowerBound]
            out += e.bytes
            at = e.range.upperBound
        }
        out += xml[at...]
        return out
    }

    /// The run's bytes with a cut at each mark: `</w:t></w:r>` (or `</w:r>` between its children), the markup, then
    /// the run's start tag and properties again (and `<w:t xml:space="preserve">`).
    static func rebuild(_ run: Range<Int>, cuts: [DocxAnnotator.Mark], xml: [UInt8], prefix: String) -> [UInt8] {
        var tagEnd = run.lowerBound
        while tagEnd < run.upperBound && xml[tagEnd] != 0x3E { tagEnd += 1 }
        let startTag = Array(xml[run.lowerBound...tagEnd])
        let properties = Array(xml[(tagEnd + 1)..<propertiesEnd(after: tagEnd + 1, in: xml, limit: run.upperBound, prefix: prefix)])
        let preserve = Array("<\(prefix)t xml:space=\"preserve\">".utf8)
        // Text elements cut inside keep their spaces at the new edges.
        let retagged = Set(cuts.compactMap { $0.place.textTag?.lowerBound })
        var out: [UInt8] = []
        var at = run.lowerBound
        var pending = cuts.sorted { ($0.place.byte, $0.order) < ($1.place.byte, $1.order) }[...]
        while at < run.upperBound {
            if let tag = cuts.first(where: { $0.place.textTag?.lowerBound == at })?.place.textTag, retagged.contains(at) {
                out += preserve
                at = tag.upperBound
                continue
            }
            var group: [DocxAnnotator.Mark] = []
            while let m = pending.first, m.place.byte == at {
                group.append(m)
                pending.removeFirst()
            }
            if !group.isEmpty {
                let insideText = group[0].place.textTag != nil
                out += Array(((insideText ? "</\(prefix)t>" : "") + "</\(prefix)r>").utf8)
                for m in group { out += Array(m.markup.utf8) }
                out += startTag + properties + (insideText ? preserve : [])
            }
            out.append(xml[at])
            at += 1
        }
        return out
    }

    /// Where the run's `<w:rPr>…</w:rPr>` ends (it may hold a `<w:rPrChange>` with an `<w:rPr>` of its own), or
    /// `start` when the run has none.
    static func propertiesEnd(after start: Int, in xml: [UInt8], limit: Int, prefix: String) -> Int {
        var i = start
        while i < limit && (xml[i] == 0x20 || xml[i] == 0x0A || xml[i] == 0x0D || xml[i] == 0x09) { i += 1 }
        let open = Array("<\(prefix)rPr".utf8), close = Array("</\(prefix)rPr>".utf8)
        func matches(_ p: [UInt8], at j: Int) -> Bool { j + p.count <= limit && Array(xml[j..<(j + p.count)]) == p }
        guard matches(open, at: i), i + open.count < limit, [0x20, 0x3E, 0x2F, 0x0A, 0x0D, 0x09].contains(xml[i + open.count]) else {
            return start
        }
        var depth = 0, j = i
        while j < limit {
            if matches(open, at: j), [0x20, 0x3E, 0x2F, 0x0A, 0x0D, 0x09].contains(xml[j + open.count]) {
                var e = j
                while e < limit && xml[e] != 0x3E { e += 1 }
                if xml[e - 1] == 0x2F { if depth == 0 { return e + 1 } } else { depth += 1 }
                j = e + 1
                continue
            }
            if matches(close, at: j) {
                depth -= 1
                j += close.count
                if depth == 0 { return j }
                continue
            }
            j += 1
        }
        return start
    }
}

extension DocxAnnotator {
    /// The comments for `diagnostics` as a writer reads them in Word (`ReadingOrder`): one comment on the title that
    /// says what to look at first, one per finding, and one per paragraph for its unfilled placeholders (待填清单)
    /// spanning the first to the last of them.
    public static func notes(_ diagnostics: [Diagnostic], document: Document) -> [Note] {
        guard !diagnostics.isEmpty else { return [] }
        let order = ReadingOrder(diagnostics, in: document)
        var notes: [Note] = []
        // On the report's own title (a template site's line above it may be deleted), else its first line.
        if let title = Outline.titleRange(of: document) ?? document.paragraphs.first(where: { !$0.isBlank })?.content {
            notes.append(Note(range: title, text: "述职检查｜共 \(diagnostics.count) 处\n\(order.headline)"))
        }
        for entry in order.entries {
            let items = entry.indices.map { diagnostics[$0] }
            guard entry.isPlaceholderList, items.count > 1 else {
                notes += items.map { Note($0, scalars: document.scalars) }
                continue
            }
            let severity = items.map(\.severity).max() ?? .error
            notes.append(
                Note(
                    range: items[0].range.lowerBound..<items[items.count - 1].range.upperBound,
                    text: "\(severity.chinese)｜待填清单\n" + ReadingOrder.placeholderList(items, in: document)))
        }
        return notes
    }
}

extension DocxAnnotator.Note {
    /// A finding as the writer reads it in Word's margin: severity and rule, the message, the suggestion.
    /// `scalars`: the document's text, for the phrase a short change is shown in (`CorrectedPhrase`).
    public init(_ d: Diagnostic, scalars: [Unicode.Scalar] = []) {
        // A comment speaks to the writer in Word: 警告｜错别字, what is wrong, what to write instead — no rule id and no
        // command line (those stay in the JSON and SARIF).
        var lines = ["\(d.severity.chinese)｜\(RuleFamily.chineseName(d.family))", d.message]
        if let advice = Self.advice(d, scalars: scalars) { lines.append(advice) }
        self.init(range: d.range, text: lines.joined(separator: "\n"))
    }

    /// 建议：改为“X”或“Y” / 建议：删除 — the replacements in the writer's words, with the phrase before and after a
    /// one- or two-character change.
    static func advice(_ d: Diagnostic, scalars: [Unicode.Scalar]) -> String? {
        if d.replacements.isEmpty { return nil }
        if d.replacements == [""] { return "建议：删除" }
        let advice = "建议：改为" + d.replacements.map { $0.isEmpty ? "删除" : quoted($0) }.joined(separator: "或")
        guard let phrase = CorrectedPhrase(d, in: scalars) else { return advice }
        return advice + "（\(phrase.sentence)）"
    }
}

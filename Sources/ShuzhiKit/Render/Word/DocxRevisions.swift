import Foundation

/// The second pass of `DocxAnnotator` for revisions. The first pass cut the runs at each revision's edges and left a
/// processing instruction there (`<?shuzhi-s 3?>`, `<?shuzhi-e 3?>`), so what lies between is whole runs. Here each
/// such stretch becomes `<w:del>` (its `<w:t>` turned into `<w:delText>`) followed by `<w:ins>` with the new text in
/// the first run's properties — or, accepted, the new text in place of the runs. A stretch that is not balanced XML
/// (it crosses a paragraph, a hyperlink or a field's edge) is not touched: the revision becomes a comment there.
enum Revisions {
    static func startMark(_ k: Int) -> String { "<?shuzhi-s \(k)?>" }
    static func endMark(_ k: Int) -> String { "<?shuzhi-e \(k)?>" }

    static func resolve(
        _ xml: [UInt8], revisions: [DocxAnnotator.Revision], placed: [Int], revising: DocxAnnotator.Revising,
        namespace ns: WordNamespace, author: String, date: Date, ids: inout DocxAnnotator.IDs,
        comments: inout [(id: Int, text: String)], commented: inout Set<Int>
    ) -> [UInt8] {
        let p = ns.prefix
        let stamp = ISO8601DateFormatter().string(from: date)
        let who = "\(p)author=\"\(Markup.escape(author))\" \(p)date=\"\(stamp)\""
        var out = xml
        // Last first, so earlier offsets stay valid.
        for k in placed.reversed() {
            let startMark = Array(startMark(k).utf8), endMark = Array(endMark(k).utf8)
            guard let s = Bytes.firstIndex(of: startMark, in: out),
                let e = Bytes.firstIndex(of: endMark, in: out, from: s + startMark.count)
            else { continue }
            let region = Array(out[(s + startMark.count)..<e])
            let revision = revisions[k]
            var replacement: [UInt8]
            if balanced(region) {
                let runs = runRanges(region, prefix: p)
                let style = runs.first.map { properties(of: $0, in: region, prefix: p) } ?? nearbyProperties(out, at: s, prefix: p)
                let inserted =
                    revision.replacement.isEmpty
                    ? "" : "<\(p)r>\(style)<\(p)t xml:space=\"preserve\">\(Markup.escape(revision.replacement))</\(p)t></\(p)r>"
                switch revising {
                case .tracked:
                    replacement = []
                    if !runs.isEmpty {
                        replacement +=
                            Array("<\(p)del \(p)id=\"\(ids.take())\" \(who)>".utf8) + deleted(region, prefix: p) + Array("</\(p)del>".utf8)
                    } else {
                        replacement += region
                    }
                    if !inserted.isEmpty { replacement += Array("<\(p)ins \(p)id=\"\(ids.take())\" \(who)>\(inserted)</\(p)ins>".utf8) }
                case .accepted:
                    // The runs go; anything else between them (bookmarks, comment marks) stays.
                    var kept: [UInt8] = Array(inserted.utf8)
                    var at = 0
                    for r in runs {
                        kept += region[at..<r.lowerBound]
                        at = r.upperBound
                    }
                    kept += region[at...]
                    replacement = kept
                }
            } else {
                commented.insert(k)
                let id = ids.take()
                comments.append((id, revision.note))
                replacement = Array(ns.commentStart(id).utf8) + region + Array(ns.commentEnd(id).utf8)
            }
            out.replaceSubrange(s..<(e + endMark.count), with: replacement)
        }
        return out
    }

    /// Every element that opens in `region` closes in it, and nothing closes that did not open there.
    static func balanced(_ region: [UInt8]) -> Bool {
        var depth = 0, i = 0
        while i < region.count {
            guard region[i] == 0x3C else { i += 1; continue }
            var e = i + 1
            while e < region.count && region[e] != 0x3E { e += 1 }
            guard e < region.count else { return false }
            let next = i + 1 < region.count ? region[i + 1] : 0
            if next == 0x2F { depth -= 1 } else if next != 0x3F && next != 0x21 && region[e - 1] != 0x2F { depth += 1 }
            if depth < 0 { return false }
            i = e + 1
        }
        return depth == 0
    }

    /// The `<w:r>…</w:r>` elements at the top level of `region`.
    static func runRanges(_ region: [UInt8], prefix p: String) -> [Range<Int>] {
        let open = Array("<\(p)r".utf8)
        var out: [Range<Int>] = []
        var depth = 0, i = 0, start: Int?
        while i < region.count {
            guard region[i] == 0x3C else { i += 1; continue }
            var e = i + 1
            while e < region.count && region[e] != 0x3E { e += 1 }
            let closing = i + 1 < region.count && region[i + 1] == 0x2F
            let selfClosing = e > 0 && region[e - 1] == 0x2F
            let special = i + 1 < region.count && (region[i + 1] == 0x3F || region[i + 1] == 0x21)
            if !special {
                if closing {
                    depth -= 1
                    if depth == 0, let s = start { out.append(s..<(e + 1)); start = nil }
                } else {
                    let isRun =
                        region[i..<min(region.count, i + open.count)].elementsEqual(open)
                        && i + open.count < region.count && [0x20, 0x3E, 0x2F].contains(region[i + open.count])
                    if depth == 0 && isRun { start = i }
                    if selfClosing { if depth == 0 && isRun { out.append(i..<(e + 1)); start = nil } } else { depth += 1 }
                }
            }
            i = e + 1
        }
        return out
    }

    /// A run's `<w:rPr>…</w:rPr>` (empty when it has none).
    static func properties(of run: Range<Int>, in region: [UInt8], prefix p: String) -> String {
        var tagEnd = run.lowerBound
        while tagEnd < run.upperBound && region[tagEnd] != 0x3E { tagEnd += 1 }
        let end = RunEditor.propertiesEnd(after: tagEnd + 1, in: region, limit: run.upperBound, prefix: p)
        return String(decoding: region[(tagEnd + 1)..<end], as: UTF8.self)
    }

    /// For an insertion between runs: the properties of the closest run before it in its paragraph (none when it
    /// starts the paragraph).
    static func nearbyProperties(_ xml: [UInt8], at position: Int, prefix p: String) -> String {
        let paragraphStart = Array("<\(p)p".utf8), runStart = Array("<\(p)r".utf8)
        var i = position - 1
        while i >= 0 {
            if xml[i] == 0x3C {
                if xml[i...].starts(with: paragraphStart) { break }
                if xml[i...].starts(with: runStart), i + runStart.count < position, [0x20, 0x3E, 0x2F].contains(xml[i + runStart.count]) {
                    return properties(of: i..<position, in: xml, prefix: p)
                }
            }
            i -= 1
        }
        return ""
    }

    /// The region's text made deleted text: `<w:t>` → `<w:delText>`, `<w:instrText>` → `<w:delInstrText>`.
    static func deleted(_ region: [UInt8], prefix p: String) -> [UInt8] {
        var text = String(decoding: region, as: UTF8.self)
        for (from, to) in [
            ("<\(p)t>", "<\(p)delText>"), ("<\(p)t ", "<\(p)delText "), ("</\(p)t>", "</\(p)delText>"),
            ("<\(p)instrText", "<\(p)delInstrText"), ("</\(p)instrText>", "</\(p)delInstrText>"),
        ] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        return Array(text.utf8)
    }
}

extension DocxAnnotator {
    /// `fix` for a Word document: the fixes one round takes (safe ones, and unsafe ones when asked) as revisions —
    /// tracked, or accepted — and every other finding as a comment. Returns the package and the findings fixed.
    public static func fix(
        _ bytes: [UInt8], document: Document, diagnostics: [Diagnostic], includeUnsafe: Bool,
        revising: Revising = .tracked, author: String = "Shuzhi", date: Date = Date()
    ) throws(IngestError)
        -> (bytes: [UInt8], fixed: [Diagnostic])
    {
        let chosen = Fixer.select(diagnostics, length: document.scalars.count, includeUnsafe: includeUnsafe)
        let fixed = Set(chosen.map { "\($0.rule)@\($0.range)" })
        var revisions: [Revision] = [], owner: [Int] = []
        for (i, d) in chosen.enumerated() {
            for edit in d.fix?.edits ?? [] {
                revisions.append(Revision(range: edit.range, replacement: edit.replacement, note: Note(d, scalars: document.scalars).text))
                owner.append(i)
            }
        }
        let notes = Self.notes(diagnostics.filter { !fixed.contains("\($0.rule)@\($0.range)") }, document: document)
        let out = try write(
            bytes, document: document, notes: notes, revisions: revisions, revising: revising, author: author, date: date)
        // A finding is fixed when every edit of it went in as a revision; the others were written as comments.
        let missed = Set(revisions.indices.filter { !out.placed.contains($0) }.map { owner[$0] })
        return (out.bytes, chosen.indices.filter { !missed.contains($0) }.map { chosen[$0] })
    }
}

/// The structure of a report: its title, the heading tree (一、 > （一） > 1. > （1） > ①, levels may be skipped) and
/// the series (一是…二是…) inside each section.
public struct Outline: Sendable {
    public struct Node: Sendable {
        /// nil for the root (the whole document).
        public let marker: HeadingMarker?
        /// For .docx headings that Word numbers itself: the outline level (1-based) from the style.
        public let styleLevel: Int?
        /// The paragraph that holds the heading; -1 for the root.
        public let paragraph: Int
        /// The heading's words without its marker and end punctuation.
        public let titleRange: Range<Int>
        /// A heading followed by text in the same paragraph ("（一）围绕中心。全年…").
        public let isRunIn: Bool
        public let parent: Int?
        public internal(set) var children: [Int] = []
        /// Series items in this section's own text (not in its subsections), in order.
        public internal(set) var series: [SeriesItem] = []
        /// Paragraphs of this section's own text (after the heading, before the next heading).
        public internal(set) var bodyParagraphs: Range<Int>

        /// 1…5 for marked headings, the style level for styled ones, 0 for the root.
        public var level: Int { marker?.style.rawValue ?? styleLevel ?? 0 }
    }

    /// `nodes[0]` is the root.
    public let nodes: [Node]
    /// The title line, if the report starts with one.
    public let title: Range<Int>?
    /// Lines right under the title that belong to it: a subtitle, the name and unit, a date.
    public let titleBlock: Range<Int>?

    public var root: Node { nodes[0] }
    public var headings: ArraySlice<Node> { nodes.dropFirst() }

    /// - Parameter ignoring: paragraphs that are not part of the report (web residue): skipped entirely.
    public init(_ document: Document, ignoring: Set<Int> = []) {
        let s = document.scalars
        let paragraphs = document.paragraphs
        var nodes: [Node] = []
        let (title, titleBlock) = Self.findTitle(document, ignoring: ignoring)
        let firstBody = titleBlock?.upperBound ?? 0
        nodes.append(
            Node(
                marker: nil, styleLevel: nil, paragraph: -1, titleRange: title ?? 0..<0, isRunIn: false, parent: nil,
                bodyParagraphs: firstBody..<firstBody))
        var stack = [0]  // open nodes, root first
        var current = 0  // the node whose body the next paragraph extends
        for p in paragraphs where p.index >= firstBody && !p.isBlank && !ignoring.contains(p.index) {
            let marker = HeadingMarker.parse(s, at: p.content.lowerBound, end: p.content.upperBound)
            let styleLevel = marker == nil ? Self.styleLevel(document, p) : nil
            guard marker != nil || styleLevel != nil else {
                nodes[current].bodyParagraphs = nodes[current].bodyParagraphs.lowerBound..<(p.index + 1)
                SeriesItem.scan(s, p.content, paragraph: p.index, into: &nodes[current].series)
                continue
            }
            let level = marker?.style.rawValue ?? styleLevel!
            while stack.count > 1, nodes[stack.last!].level >= level { stack.removeLast() }
            let parent = stack.last!
            let textStart = marker?.range.upperBound ?? p.content.lowerBound
            let (titleRange, runIn) = Self.headingTitle(s, textStart..<p.content.upperBound)
            let index = nodes.count
            nodes.append(
                Node(
                    marker: marker, styleLevel: styleLevel, paragraph: p.index, titleRange: titleRange, isRunIn: runIn,
                    parent: parent, bodyParagraphs: (p.index + 1)..<(p.index + 1)))
            nodes[parent].children.append(index)
            stack.append(index)
            current = index
            if runIn { SeriesItem.scan(s, titleRange.upperBound..<p.content.upperBound, paragraph: p.index, into: &nodes[index].series) }
        }
        self.nodes = nodes
        self.title = title
        self.titleBlock = titleBlock
    }

    /// The heading words run to the first sentence end; if text follows in the same paragraph, the heading is run-in.
    static func headingTitle(_ s: [Unicode.Scalar], _ r: Range<Int>) -> (Range<Int>, Bool) {
        var start = r.lowerBound
        while start < r.upperBound && ScalarClass.isInlineSpace(s[start].value) { start += 1 }
        var i = start
        var quoteDepth = 0
        while i < r.upperBound {
            let v = s[i].value
            if v == 0x201C || v == 0xFF08 || v == 0x300A {
                quoteDepth += 1
            } else if v == 0x201D || v == 0xFF09 || v == 0x300B {
                quoteDepth = max(0, quoteDepth - 1)
            } else if quoteDepth == 0 && (v == 0x3002 || v == 0xFF01 || v == 0xFF1F) {
                var rest = i + 1
                while rest < r.upperBound && ScalarClass.isInlineSpace(s[rest].value) { rest += 1 }
                if rest < r.upperBound { return (start..<i, true) }
                break
            }
            i += 1
        }
        var end = r.upperBound
        while end > start, isEndPunctuation(s[end - 1].value) { end -= 1 }
        return (start..<end, false)
    }

    @inline(__always)
    static func isEndPunctuation(_ v: UInt32) -> Bool {
        v == 0x3002 || v == 0xFF0C || v == 0xFF1B || v == 0xFF1A || v == 0x3001 || v == 0x2E || v == 0x2C || v == 0x3B || v == 0x3A
    }

    /// The title: the first non-blank line when it is short, not a heading and not a sentence. The lines right under
    /// it that look like a subtitle (——…), a name/unit line or a date belong to the title block.
    static func findTitle(_ document: Document, ignoring: Set<Int>) -> (Range<Int>?, Range<Int>?) {
        let s = document.scalars
        guard let first = document.paragraphs.first(where: { !$0.isBlank && !ignoring.contains($0.index) }) else { return (nil, nil) }
        let c = first.content
        // A numbered or Word-styled heading is not the title.
        guard c.count <= 60, HeadingMarker.parse(s, at: c.lowerBound, end: c.upperBound) == nil, styleLevel(document, first) == nil
        else { return (nil, nil) }
        // A sentence, not a title (a title may end with a stray 。, which punct.title-end reports).
        for i in c.dropLast() where s[i].value == 0x3002 || s[i].value == 0xFF1B { return (nil, nil) }
        if let last = c.last.map({ s[$0].value }), last == 0xFF1A || last == 0xFF0C || last == 0x3A { return (nil, nil) }
        // A colon introduces text and more than one comma makes a sentence; neither belongs to a title.
        var commas = 0
        for i in c {
            let v = s[i].value
            if v == 0xFF1A || v == 0x3A { return (nil, nil) }
            if v == 0xFF0C { commas += 1 }
        }
        if commas > 1 { return (nil, nil) }
        // A line ending in a full stop is a title with a stray mark only when it names a kind of document (2023年度
        // 述职报告。); a short first sentence (我于2023年3月任现职。今年以来，我认真履职。) is text, and its full stop
        // must never be "fixed" away.
        if let last = c.last, s[last].value == 0x3002 || s[last].value == 0xFF1B || s[last].value == 0xFF0E {
            guard commas == 0, !Self.documentKinds.matches(in: s, c).isEmpty else { return (nil, nil) }
        }
        // A one-paragraph text has no title.
        guard document.paragraphs[(first.index + 1)...].contains(where: { !$0.isBlank && !ignoring.contains($0.index) }) else {
            return (nil, nil)
        }
        var end = first.index + 1
        // Up to three short lines without sentence punctuation: subtitle, name and unit, date.
        var taken = 0
        while end < document.paragraphs.count && taken < 3 {
            let p = document.paragraphs[end]
            if p.isBlank || ignoring.contains(p.index) { end += 1; continue }
            let r = p.content
            guard r.count <= 40, HeadingMarker.parse(s, at: r.lowerBound, end: r.upperBound) == nil, styleLevel(document, p) == nil,
                !r.contains(where: { s[$0].value == 0x3002 || s[$0].value == 0xFF0C || s[$0].value == 0xFF1B || s[$0].value == 0xFF1A })
            else { break }
            end += 1
            taken += 1
        }
        return (c, first.index..<end)
    }

    /// The words a title names its document by (述职报告, 工作总结, 发言材料 …).
    static let documentKinds = KeywordMatcher([
        "报告", "总结", "述职", "述廉", "述学", "述法", "发言", "讲话", "汇报", "材料", "心得", "体会", "计划", "方案", "提纲",
        "自查", "剖析", "对照检查", "情况", "通知", "意见", "决定", "公告", "通报", "纪要",
    ])

    /// Heading level of a .docx paragraph by its style or outline level (its number, if any, is Word's own).
    static func styleLevel(_ document: Document, _ p: Paragraph) -> Int? {
        guard let map = document.docx, let i = p.docx, let level = map.paragraphs[i].headingLevel else { return nil }
        return min(level, 5)
    }
}

extension Outline {
    /// The report's own title as a list or a file name shows it — never a template site's line above it (首页 >
    /// 范文大全 > …) — or nil when the report starts without one.
    public static func title(of document: Document, limit: Int = 40) -> String? {
        titleRange(of: document).map { document.readable($0, limit: limit) }
    }

    /// Where the report's own title is (see `title(of:)`).
    public static func titleRange(of document: Document) -> Range<Int>? {
        let residue = WebResidue(document)
        let (title, _) = findTitle(document, ignoring: Set(residue.blocks.flatMap { Array($0.paragraphs) }))
        return title.flatMap { $0.isEmpty ? nil : $0 }
    }
}

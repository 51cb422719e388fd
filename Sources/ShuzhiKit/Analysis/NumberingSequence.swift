/// The numbers of sibling headings, or of the items of one 一是…二是… series, checked as a sequence: each must be one
/// more than the one before. One slip is reported once: a duplicate that the next number shows to be a typo
/// (一、二、二、四、) is reported as "should be 三" and the count goes on from there.
struct NumberingSequence {
    enum Problem: Equatable {
        /// The sequence does not start at 1.
        case badStart
        /// `expected` is missing before this item.
        case gap(expected: Int)
        /// The same number as the item before; `expected` when the next item shows which number was meant.
        case duplicate(expected: Int?)
        /// Smaller than the item before.
        case order(after: Int)
    }

    /// Problems by position in `numbers`.
    let problems: [(index: Int, problem: Problem)]

    init(_ numbers: [Int]) {
        var problems: [(Int, Problem)] = []
        guard let first = numbers.first else { self.problems = []; return }
        if first != 1 { problems.append((0, first == 2 ? .gap(expected: 1) : .badStart)) }
        var previous = first
        for k in numbers.indices.dropFirst() {
            let n = numbers[k]
            if n == previous + 1 {
                previous = n
            } else if n == previous {
                let next = k + 1 < numbers.count ? numbers[k + 1] : nil
                if next == previous + 2 || next == nil {
                    problems.append((k, .duplicate(expected: previous + 1)))
                    previous += 1
                } else {
                    problems.append((k, .duplicate(expected: nil)))
                }
            } else if n > previous + 1 {
                problems.append((k, .gap(expected: previous + 1)))
                previous = n
            } else {
                problems.append((k, .order(after: previous)))
                previous = n
            }
        }
        self.problems = problems
    }
}

/// The sequences a document holds: sibling headings of one form under one parent, and counted series items of one
/// style in one section. A series restarts at 一是 in a new paragraph; a list of 1. 2. restarts after body text.
struct NumberedSequences: Sendable {
    struct Item: Sendable {
        let number: Int
        /// The marker to flag.
        let range: Range<Int>
        /// Builds the marker as it should read for a number.
        let marker: @Sendable (Int) -> String
    }

    private(set) var sequences: [[Item]] = []

    init(_ document: Document, _ outline: Outline) {
        let s = document.scalars
        for node in outline.nodes {
            // Headings: children of this node, grouped by marker style, in order.
            var byStyle: [HeadingMarker.Style: [[Item]]] = [:]
            var lastOfStyle: [HeadingMarker.Style: Int] = [:]
            for c in node.children {
                let child = outline.nodes[c]
                guard let m = child.marker else { continue }
                let item = Item(number: m.number, range: m.range, marker: { HeadingMarker.canonical(m.style, $0) })
                // A new list of 1. 2. items may start after the previous list's last item has text of its own.
                // A report in parts (第二部分, 附件, 名词解释) numbers each part afresh.
                let newPart =
                    m.number == 1
                    && lastOfStyle[m.style].map { prev in
                        (outline.nodes[prev].paragraph + 1..<child.paragraph).contains {
                            PartHeading.isPartHeading(s, document.paragraphs[$0].content)
                                || PartHeading.isUnnumberedHeading(s, document.paragraphs[$0].content)
                        }
                    } == true
                if m.number == 1, byStyle[m.style] != nil,
                    newPart || (m.style >= .arabic && lastOfStyle[m.style].map { !outline.nodes[$0].bodyParagraphs.isEmpty } == true)
                {
                    byStyle[m.style]!.append([item])
                } else if byStyle[m.style] == nil {
                    byStyle[m.style] = [[item]]
                } else {
                    byStyle[m.style]![byStyle[m.style]!.count - 1].append(item)
                }
                lastOfStyle[m.style] = c
            }
            for style in HeadingMarker.Style.allCases { sequences.append(contentsOf: byStyle[style] ?? []) }

            // Series: items of one style; 一是 starts a new series (official prose opens sub-lists inside a paragraph).
            // A series whose 一是 opens a paragraph is an outer list; a 一是 inside a paragraph opens an inner list
            // and leaves the outer one open, so the outer list's next item on a line of its own (八是深化主动创安创稳
            // after a paragraph listing 一是…十是) continues it.
            var outer: [SeriesItem.Style: [Item]] = [:], inner: [SeriesItem.Style: [Item]] = [:]
            for item in node.series where item.style.isCounted {
                let numeral = item.numeralRange
                let prefix = s.string(item.range.lowerBound..<numeral.lowerBound)
                let suffix = s.string(numeral.upperBound..<item.range.upperBound)
                let entry = Item(number: item.number, range: item.range, marker: { prefix + ChineseNumeral.string($0) + suffix })
                let style = item.style
                let opens = Self.opensParagraph(item, document, s)
                if item.number == 1 {
                    if let open = inner.removeValue(forKey: style) { sequences.append(open) }
                    if opens {
                        if let open = outer.removeValue(forKey: style) { sequences.append(open) }
                        outer[style] = [entry]
                    } else {
                        inner[style] = [entry]
                    }
                } else if opens, let last = outer[style]?.last, item.number == last.number + 1 {
                    if let open = inner.removeValue(forKey: style) { sequences.append(open) }
                    outer[style]!.append(entry)
                } else if inner[style] != nil {
                    inner[style]!.append(entry)
                } else if outer[style] != nil {
                    outer[style]!.append(entry)
                } else {
                    inner[style] = [entry]
                }
            }
            for style in [SeriesItem.Style.yiShi, .diYi, .qiYi] {
                if let open = outer[style] { sequences.append(open) }
                if let open = inner[style] { sequences.append(open) }
            }
        }
        problems = sequences.flatMap { seq in NumberingSequence(seq.map(\.number)).problems.map { (seq[$0.index], $0.problem) } }
    }

    /// The item is the first thing in its paragraph, spaces aside.
    static func opensParagraph(_ item: SeriesItem, _ document: Document, _ s: [Unicode.Scalar]) -> Bool {
        let content = document.paragraphs[item.paragraph].content
        return !(content.lowerBound..<item.range.lowerBound).contains { !ScalarClass.isInlineSpace(s[$0].value) }
    }

    /// Every problem found, with its item; worked out once, read by the gap, duplicate and order rules.
    private(set) var problems: [(item: Item, problem: NumberingSequence.Problem)] = []
}

/// A line that opens a new part of a document, under which numbering starts again: 第二部分 …, 第三篇, 第一章, 上篇,
/// 附件, 附录, 名词解释, 注释 — a short line of its own, not a sentence.
enum PartHeading {
    /// How many characters of `s[r]` are not inline spaces, counted only up to `limit + 1`: both tests below are of
    /// short lines, and are asked of every paragraph, however long.
    private static func visibleCount(_ s: [Unicode.Scalar], _ r: Range<Int>, exceeding limit: Int) -> Int {
        var n = 0
        for i in r where !ScalarClass.isInlineSpace(s[i].value) {
            n += 1
            if n > limit { break }
        }
        return n
    }

    static func isPartHeading(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard visibleCount(s, r, exceeding: 40) <= 40 else { return false }
        var t = r.filter { !ScalarClass.isInlineSpace(s[$0].value) }.map { s[$0] }
        guard !t.isEmpty, t.count <= 40 else { return false }
        if let last = t.last, last == "。" || last == "；" || last == "，" { return false }
        // 【附件】 or （附录）
        if let first = t.first, "【[（(".unicodeScalars.contains(first) { t.removeFirst() }
        for lead in leads where t.starts(with: lead) { return true }
        guard t.first == "第", t.count >= 3 else { return false }
        var i = 1
        while i < t.count && (ChineseNumeral.isNumeralCharacter(t[i].value) || ScalarClass.isASCIIDigit(t[i].value)) { i += 1 }
        guard i > 1, i < t.count else { return false }
        return "部篇章编".unicodeScalars.contains(t[i])
    }

    /// A short line of its own without a number or any sentence punctuation (2025年工作安排建议, 加强政府自身建设): a
    /// section heading the writer did not number, so a list that starts again at 1 under it is a new list.
    static func isUnnumberedHeading(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard visibleCount(s, r, exceeding: 20) <= 20 else { return false }
        let t = r.filter { !ScalarClass.isInlineSpace(s[$0].value) }.map { s[$0] }
        guard t.count >= 4, t.count <= 20, HeadingMarker.parse(s, at: r.lowerBound, end: r.upperBound) == nil else { return false }
        return !t.contains { "。，；：:;,.！？!?（）()".unicodeScalars.contains($0) }
    }

    private static let leads: [[Unicode.Scalar]] = ["附件", "附录", "附表", "附：", "附:", "名词解释", "注释", "上篇", "中篇", "下篇"]
        .map { Array($0.unicodeScalars) }
}

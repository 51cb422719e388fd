/// What a writer or reviewer should see first (issue 24): the findings in the order that matters — political formulas,
/// outdated references, typos, repeated words, numbers, the template site's adverts and contact lines, structure,
/// copying, numbering, punctuation, and last the unfilled placeholders — with each paragraph's placeholders
/// gathered into one 待填清单 entry, and a one-line summary in that order. The terminal, the web page (through the JSON)
/// and the Word comments all take their order and their summary from here.
public struct ReadingOrder: Sendable {
    /// One thing to read: a single finding, or the placeholders of one paragraph (`placeholders` > 1 findings).
    public struct Entry: Sendable, Equatable {
        /// Indices into the report's diagnostics, in text order.
        public let indices: [Int]
        /// Whether this entry is a paragraph's list of unfilled placeholders.
        public let isPlaceholderList: Bool
    }

    /// The entries, most important first; within a rank, in text order.
    public let entries: [Entry]
    /// "先看：固定提法 1 处、错别字 3 处、数字 1 处；待填 12 处（4 段）" — empty when there is nothing.
    public let headline: String

    /// The rule whose findings are gathered per paragraph.
    public static let placeholderRule = "residue.placeholder"

    /// A finding's rank: lower is read first.
    public static func rank(_ d: Diagnostic) -> Int {
        if d.rule == placeholderRule { return families.count + 1 }
        guard let family = RuleFamily(id: d.rule) else { return families.count }
        return families.firstIndex(of: family) ?? families.count
    }

    /// The families in the order they are read; `residue` here is the site's adverts and contact lines (the
    /// placeholders come after every family, and findings of a family this list lacks just before them).
    static let families: [RuleFamily] = [
        .formula, .outdated, .typo, .repeat, .number, .residue, .structure, .similarity, .numbering, .punct,
    ]

    public init(_ report: CheckReport) { self.init(report.diagnostics, in: report.document) }

    public init(_ diagnostics: [Diagnostic], in document: Document) {
        var singles: [(rank: Int, index: Int)] = []
        var byParagraph: [Int: [Int]] = [:]
        for (i, d) in diagnostics.enumerated() {
            if d.rule == Self.placeholderRule {
                byParagraph[document.lines.location(of: d.range.lowerBound).line - 1, default: []].append(i)
            } else {
                singles.append((Self.rank(d), i))
            }
        }
        func start(_ i: Int) -> Int { diagnostics[i].range.lowerBound }
        singles.sort { ($0.rank, start($0.index), $0.index) < ($1.rank, start($1.index), $1.index) }
        var entries = singles.map { Entry(indices: [$0.index], isPlaceholderList: false) }
        for paragraph in byParagraph.keys.sorted() {
            let indices = byParagraph[paragraph]!.sorted { (start($0), $0) < (start($1), $1) }
            entries.append(Entry(indices: indices, isPlaceholderList: true))
        }
        self.entries = entries

        var parts: [String] = []
        var counted: [RuleFamily: Int] = [:]
        var unknown = 0
        for d in diagnostics where d.rule != Self.placeholderRule {
            if let family = RuleFamily(id: d.rule) { counted[family, default: 0] += 1 } else { unknown += 1 }
        }
        for family in Self.families {
            guard let n = counted[family] else { continue }
            parts.append("\(family.chinese) \(n) 处")
        }
        for family in RuleFamily.allCases where !Self.families.contains(family) {
            if let n = counted[family] { parts.append("\(family.chinese) \(n) 处") }
        }
        if unknown > 0 { parts.append("其他 \(unknown) 处") }
        let placeholders = byParagraph.values.reduce(0) { $0 + $1.count }
        var headline = parts.isEmpty ? "" : "先看：" + parts.joined(separator: "、")
        if placeholders > 0 {
            headline += (headline.isEmpty ? "" : "；") + "待填 \(placeholders) 处（\(byParagraph.count) 段）"
        }
        self.headline = headline
    }

    /// The message of a paragraph's placeholder list: how many, and each with the characters around it, so that the
    /// writer finds it without counting columns.
    public static func placeholderListMessage(_ indices: [Int], _ report: CheckReport) -> String {
        "待填清单：" + placeholderList(indices.map { report.diagnostics[$0] }, in: report.document)
    }

    /// The list without its "待填清单：" (a Word comment names it in its heading line).
    public static func placeholderList(_ placeholders: [Diagnostic], in document: Document) -> String {
        let s = document.scalars
        let items = placeholders.map { d -> String in
            let r = d.range
            let paragraph = document.paragraphs[document.lines.location(of: r.lowerBound).line - 1].content
            let from = max(paragraph.lowerBound, r.lowerBound - 4), to = min(paragraph.upperBound, r.upperBound + 4)
            let before = from > paragraph.lowerBound ? "…" : "", after = to < paragraph.upperBound ? "…" : ""
            return "\(before)\(s.string(from..<r.lowerBound))【\(s.string(r))】\(s.string(r.upperBound..<to))\(after)"
        }
        return "本段 \(placeholders.count) 处模板占位未填写，请换成实际内容——" + items.joined(separator: "；")
    }
}

/// The parts reviewers look for in a 述职报告 — 述学, 述职, 述廉, 述法, 党建, 问题不足, 下步打算 — found in each top-level
/// section (or, in a report without headings, each paragraph) from its heading first and its content second, each
/// label with the words that decided it; and the parts the title promises (述学述职述廉述法报告).
public struct ReportStructure: Sendable {
    public enum Part: String, Sendable, CaseIterable {
        case study = "述学", duty = "述职", integrity = "述廉", law = "述法", party = "党建", shortcomings = "问题不足", plans = "下步打算"

        /// Words that mark the part, strongest first. A heading needs one; a section's content needs several.
        var keywords: [String] {
            switch self {
            case .study: return ["述学", "理论学习", "理论武装", "学习教育", "政治理论", "武装头脑", "学习", "读书"]
            case .duty: return ["述职", "述责", "履职", "履行职责", "工作成效", "工作任务", "分管", "成效", "担当", "业绩", "工作"]
            case .integrity: return ["述廉", "廉洁", "廉政", "自律", "八项规定", "作风", "清正", "一岗双责", "纪律"]
            case .law: return ["述法", "法治", "依法", "普法", "学法", "法律", "守法", "用法"]
            case .party: return ["党建", "党的建设", "意识形态", "基层党组织", "全面从严治党", "主体责任"]
            case .shortcomings: return ["不足", "存在的问题", "问题", "差距", "短板", "薄弱", "欠缺"]
            case .plans: return ["下一步", "下步", "打算", "今后", "努力方向", "明年", "工作思路"]
            }
        }

        /// Where the part usually stands: study and party work first, duties, integrity and law, then shortcomings and plans.
        var rank: Int {
            switch self {
            case .study, .party: return 0
            case .duty: return 1
            case .integrity, .law: return 2
            case .shortcomings: return 3
            case .plans: return 4
            }
        }
    }

    /// One unit of the report (a top-level section, or a paragraph) and what it is about.
    public struct Unit: Sendable {
        /// The outline node, or nil for a paragraph of a report without headings.
        public let node: Int?
        /// Paragraph indices the unit covers.
        public let paragraphs: Range<Int>
        /// The heading (or paragraph start) as scalar offsets.
        public let anchor: Range<Int>
        public let parts: [Part]
        /// Why: “标题含“廉洁””, “正文含“依法”“法治”等 4 处”.
        public let evidence: String
    }

    public let units: [Unit]
    /// The kind of report the title says it is, and the parts it therefore owes.
    public let genre: ReportGenre
    /// The parts the title names (述学述职述廉述法报告 → all four), in the title's order.
    public var promised: [Part] { genre.promised }
    /// Parts found anywhere: as a unit's label, or (for 问题不足 and 下步打算) as a sentence of their own inside another part.
    public let present: Set<Part>

    init(_ document: Document, _ outline: Outline) {
        let s = document.scalars
        var units: [Unit] = []
        let top = outline.root.children
        if top.count >= 2 {
            for (k, index) in top.enumerated() {
                let node = outline.nodes[index]
                let end = k + 1 < top.count ? outline.nodes[top[k + 1]].paragraph : document.paragraphs.count
                let paragraphs = node.paragraph..<end
                // The body: a run-in heading's own paragraph after the heading, then the paragraphs below it.
                let own = document.paragraphs[node.paragraph].content
                let body = [node.titleRange.upperBound..<own.upperBound] + paragraphs.dropFirst().map { document.paragraphs[$0].content }
                let (parts, evidence) = Self.classify(s, heading: node.titleRange, body: body)
                units.append(Unit(node: index, paragraphs: paragraphs, anchor: node.titleRange, parts: parts, evidence: evidence))
            }
        } else {
            // No sections to compare: each paragraph is a unit. A lone heading (一、工作情况 over the whole text) is
            // one too when it names parts, and the paragraphs under it count like those before it.
            var covered = outline.root.bodyParagraphs
            var loneHeading: Int?
            if let only = top.first {
                let node = outline.nodes[only]
                loneHeading = node.paragraph
                covered = covered.lowerBound..<document.paragraphs.count
                let named = Self.named(s, heading: node.titleRange)
                if !named.isEmpty {
                    units.append(
                        Unit(
                            node: only, paragraphs: node.paragraph..<node.paragraph + 1, anchor: node.titleRange,
                            parts: named.map(\.0), evidence: Self.evidence(named)))
                }
            }
            for p in document.paragraphs[covered] where !p.isBlank && p.index != loneHeading {
                // A paragraph's first clause acts as its heading (“下一步，我将……”).
                var e = p.content.lowerBound
                while e < p.content.upperBound && !Clause.endsClause(s[e].value) && e - p.content.lowerBound < 20 { e += 1 }
                let (parts, evidence) = Self.classify(s, heading: p.content.lowerBound..<e, body: [p.content])
                units.append(
                    Unit(node: nil, paragraphs: p.index..<p.index + 1, anchor: p.content.lowerBound..<e, parts: parts, evidence: evidence))
            }
        }
        self.units = units
        genre = ReportGenre(
            title: outline.title.map { s.string($0) },
            opening: document.paragraphs.first { !$0.isBlank }.map { s.string($0.content) })
        var present = Set(units.flatMap(\.parts))
        // Shortcomings and plans are often a paragraph of the last section: any sentence opening with their words counts.
        for p in document.paragraphs where !p.isBlank {
            let opening = p.content.lowerBound..<min(p.content.upperBound, p.content.lowerBound + 30)
            if Self.shortcomingOpenings.containsMatch(in: s, opening) { present.insert(.shortcomings) }
            if Self.planOpenings.containsMatch(in: s, opening) { present.insert(.plans) }
        }
        self.present = present
    }

    /// The parts a heading names; failing that, the part whose words the body uses most (three times at least).
    static func classify(_ s: [Unicode.Scalar], heading: Range<Int>, body: [Range<Int>]) -> ([Part], String) {
        let named = named(s, heading: heading)
        if !named.isEmpty { return (named.map(\.0), evidence(named)) }
        // Shortcomings and plans are named in headings; in running text their words (问题, 今后) are everywhere.
        let counts = keywordCounts(s, body)
        var best: (Part, Int, [String])?
        for part in [Part.study, .integrity, .law, .party] {
            var hits = 0, words: [String] = []
            for (k, word) in part.keywords.enumerated() {
                let n = counts[keywordIndex(part, k)]
                if n > 0 { hits += n; words.append(word) }
            }
            if hits >= 3 && hits > (best?.1 ?? 0) { best = (part, hits, words) }
        }
        // Content with no other clear topic is the work itself.
        guard let best, best.1 * 400 >= body.reduce(0, { $0 + $1.count }) else { return ([.duty], "正文叙述工作，未见其他部分的关键词") }
        return ([best.0], "正文含" + best.2.prefix(3).map { "“\($0)”" }.joined(separator: "") + "等 \(best.1) 处")
    }

    /// Words that show shortcomings, or plans, in a paragraph's first 30 characters.
    static let shortcomingOpenings = KeywordMatcher(["不足", "差距", "短板", "存在的问题", "存在问题"])
    static let planOpenings = KeywordMatcher(["下一步", "下步", "今后", "明年", "打算"])

    /// Every part's keywords in one matcher, part by part in `Part.allCases` order (see `keywordIndex`).
    static let partWords = KeywordMatcher(Part.allCases.flatMap(\.keywords))
    private static let keywordOffsets: [Int] = Part.allCases.indices.map { i in
        Part.allCases[..<i].reduce(0) { $0 + $1.keywords.count }
    }

    /// The index in `partWords` of the part's k-th keyword.
    static func keywordIndex(_ part: Part, _ k: Int) -> Int { keywordOffsets[Part.allCases.firstIndex(of: part)!] + k }

    /// How often each keyword of `partWords` occurs in the ranges, in one pass; each is counted on its own (学习
    /// inside 理论学习 counts for both).
    static func keywordCounts(_ s: [Unicode.Scalar], _ ranges: [Range<Int>]) -> [Int] {
        var counts = [Int](repeating: 0, count: partWords.keywords.count)
        for range in ranges { partWords.forEachMatch(in: s, range) { counts[$0.keyword] += 1 } }
        return counts
    }

    /// The parts a heading names, each with the word that names it (the strongest it holds).
    static func named(_ s: [Unicode.Scalar], heading: Range<Int>) -> [(Part, String)] {
        let counts = keywordCounts(s, [heading])
        var named: [(Part, String)] = []
        for part in Part.allCases {
            if let k = part.keywords.indices.first(where: { counts[keywordIndex(part, $0)] > 0 }) { named.append((part, part.keywords[k])) }
        }
        // A heading names at most its strongest parts: “工作” alone says 述职 only when nothing else is named.
        if named.count > 1 { named.removeAll { $0.0 == .duty && $0.1 == "工作" } }
        if named.count > 1 && named.contains(where: { $0.0 == .shortcomings }) { named.removeAll { $0.0 == .duty } }
        return named
    }

    static func evidence(_ named: [(Part, String)]) -> String {
        "标题含" + named.map { "“\($0.1)”" }.joined(separator: "、")
    }
}

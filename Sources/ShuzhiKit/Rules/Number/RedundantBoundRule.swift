/// A bound said twice: 超过…以上, 至少…以上, 最多…以下, 不到…左右, 近…多, 将近…余 (GB/T 15835 usage notes).
public struct RedundantBoundRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "number.redundant-bound",
        severity: .warning,
        summary: "约数表达重复或矛盾（超过……以上、不到……左右、近……多）",
        rationale: "“超过”“至少”已表示下限，后面不再加“以上”；“最多”后不加“以下”；“不到”“不足”与“左右”、“近”“将近”与“多”“余”意思矛盾（参考文件 gongwen-norms.md §4 N12）。“约……左右”各家意见不一，不报。",
        fix: .unsafe,
        triggering: [
            RuleExample("超过30«以上»的村完成改造。", fixed: "超过30的村完成改造。"),
            RuleExample("不到20人«左右»。", fixed: "不到20人。"),
            RuleExample("近300«多»户。", fixed: "近300户。"),
            RuleExample("超过三十年«以上»的大党。", fixed: "超过三十年的大党。"),
        ],
        nonTriggering: ["30个以上的村完成改造。", "超过30个村。", "约20人左右。", "至少要在县级以上媒体发布。", "300多户。", "最近30多天。"]
    )

    /// (opening word, closing word, how far apart).
    static let pairs: [(String, String, Int)] = [
        ("超过", "以上", 12), ("至少", "以上", 12), ("不少于", "以上", 12), ("多于", "以上", 12),
        ("最多", "以下", 12), ("不超过", "以下", 12), ("至多", "以下", 12),
        ("不到", "左右", 12), ("不足", "左右", 12), ("近", "多", 8), ("将近", "余", 12), ("近", "余", 8),
    ]

    /// The pairs' words as scalars, and a matcher of their opening words (keyword k is pair k's).
    static let scalars = pairs.map { (open: Array($0.0.unicodeScalars), close: Array($0.1.unicodeScalars)) }
    static let openings = KeywordMatcher(pairs.map(\.0))

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        for paragraph in analysis.document.paragraphs where !paragraph.isBlank {
            let range = paragraph.content
            // Which opening words the paragraph holds, in one pass; only their pairs are read closely.
            var opens = [Bool](repeating: false, count: Self.pairs.count)
            Self.openings.forEachMatch(in: s, range) { opens[$0.keyword] = true }
            for (k, (open, close, distance)) in Self.pairs.enumerated() where opens[k] {
                let o = Self.scalars[k].open, c = Self.scalars[k].close
                for i in Clause.occurrences(o, s, range) {
                    // 最近30多天, 接近, 附近: not the 近 of an estimate.
                    if open == "近", i > range.lowerBound, "最接附靠临邻将贴".unicodeScalars.contains(s[i - 1]) { continue }
                    // A number must follow the opening word at once, and the closing word must follow the number and
                    // at most a short unit (30个以上, 三十年以上).
                    var p = i + o.count
                    let numberStart = p
                    while p < range.upperBound
                        && (ScalarClass.isASCIIDigit(s[p].value) || s[p] == "." || ChineseNumeral.isNumeralCharacter(s[p].value)
                            || s[p] == "千" || s[p] == "万" || s[p] == "亿")
                    { p += 1 }
                    guard p > numberStart else { continue }
                    var q = p
                    while q < range.upperBound && q - p <= 3 && !s.matches(c, at: q) && ScalarClass.isHan(s[q])
                        && !Clause.endsClause(s[q].value)
                    { q += 1 }
                    guard q - i <= distance, s.matches(c, at: q) else { continue }
                    // 近300多: 多 right after the number only.
                    if close == "多" && q != p { continue }
                    let span = q..<q + c.count
                    out.append(description.diagnostic(span, "“\(open)”与“\(close)”不能同用", replacements: [""], fix: .unsafe))
                }
            }
        }
        return out
    }
}

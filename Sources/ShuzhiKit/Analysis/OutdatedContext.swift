/// What the `outdated` rules share: the report's year as a date, and whether a mention is dated history rather than
/// a statement about the report's own year.
struct OutdatedContext {
    let year: Int
    /// When the report was written (yyyymmdd): its dateline, or else the end of its year.
    let end: Int
    /// When the work it describes began: a year before its dateline, or else the start of its year.
    let start: Int
    /// The year before `year` when the report reviews it under a heading of its own (2024年工作回顾 in a 2025
    /// government work report, which reviews one year and plans the next).
    let reviewed: Int?
    /// How the rules name the period and why: 报告所述为2025年（标题写明“2025年”）.
    let described: String

    /// The rules read it as `analysis.reportPeriod`, computed once.
    init?(_ reportYear: ReportYear, _ s: [Unicode.Scalar], plans: [KnowledgeBase.Plan]) {
        guard let year = reportYear.year else { return nil }
        self.year = year
        var start: Int
        if let date = reportYear.date {
            end = date
            start = date - 10_000
        } else {
            end = year * 10_000 + 1231
            start = year * 10_000 + 101
        }
        // A report that reviews the year before under a heading of its own (2024年工作回顾) describes that year too.
        reviewed = Self.reviewsYear(year - 1, s) ? year - 1 : nil
        if let reviewed { start = min(start, reviewed * 10_000 + 101) }
        let why = reportYear.reason.isEmpty ? "" : "（\(reportYear.reason)）"
        described = reviewed.map { "报告回顾\($0)年、部署\(year)年\(why)" } ?? "报告所述为\(year)年\(why)"
        // A report on several years (三年来, “十二五”时期…回顾) describes work back to their start.
        if let years = Self.yearsCovered(s), years > 1 { start = min(start, (year - years + 1) * 10_000 + 101) }
        for plan in plans where plan.first <= year && plan.last >= year - 1 {
            for tail in ["时期", "期间", "以来"]
            where ReportYear.occurrences(of: "“\(plan.name)”\(tail)", in: s, 0..<s.count).count
                + ReportYear.occurrences(of: plan.name + tail, in: s, 0..<s.count).count > 0
            {
                start = min(start, plan.first * 10_000 + 101)
            }
        }
        self.start = start
    }

    /// A line of its own that reviews `year`: 2024年工作回顾, 二〇二四年工作总结, 2024年主要工作.
    static func reviewsYear(_ year: Int, _ s: [Unicode.Scalar]) -> Bool {
        for tail in ["年工作回顾", "年工作总结", "年主要工作"] {
            for i in ReportYear.occurrences(of: "\(year)\(tail)", in: s, 0..<s.count) {
                // At the start of a line, after a heading number at most (一、2024年工作回顾).
                var p = i
                while p > 0, i - p < 6,
                    Self.headingNumber.contains(s[p - 1]) || ChineseNumeral.isNumeralCharacter(s[p - 1].value)
                        || ScalarClass.isASCIIDigit(s[p - 1].value)
                { p -= 1 }
                if p == 0 || s[p - 1] == "\n" { return true }
            }
        }
        return false
    }

    static let headingNumber = Set("、（）().．第部分 \u{3000}\t".unicodeScalars)

    /// “三年来”, “5年来”, “任职以来”: the most years the report says it looks back on (at most five).
    static func yearsCovered(_ s: [Unicode.Scalar]) -> Int? {
        var most: Int?
        for i in ReportYear.occurrences(of: "年来", in: s, 0..<s.count) where i > 0 {
            let v = s[i - 1].value
            let n = ScalarClass.isASCIIDigit(v) ? Int(v - 0x30) : ChineseNumeral.digit(v)
            // 近三年来 and 三年来, but not 2021年来 or 十年来 (a decade is history, not the report's span).
            guard let n, n >= 2, n <= 5, i < 2 || !ScalarClass.isASCIIDigit(s[i - 2].value) && s[i - 2] != "十" else { continue }
            most = max(most ?? 0, n)
        }
        return most
    }

    /// A year other than the report's written earlier in the same sentence (“2019年，党的十九届四中全会…”): history.
    static func isDated(_ span: Range<Int>, _ s: [Unicode.Scalar], _ sentence: Range<Int>, reportYear: Int) -> Bool {
        ReportYear.mentions(s, sentence.lowerBound..<span.lowerBound).contains { $0.value.map { $0 != reportYear } ?? false }
    }

    /// Whether any of `words` ends within `distance` scalars before `p` in the sentence.
    static func preceded(by words: [String], _ p: Int, _ s: [Unicode.Scalar], _ sentence: Range<Int>, within distance: Int) -> Bool {
        let window = max(sentence.lowerBound, p - distance)..<p
        return words.contains { Clause.contains(Array($0.unicodeScalars), in: s, window) }
    }

    static func followed(by words: [String], _ p: Int, _ s: [Unicode.Scalar], _ sentence: Range<Int>, within distance: Int) -> Bool {
        let window = p..<min(sentence.upperBound, p + distance)
        return words.contains { Clause.contains(Array($0.unicodeScalars), in: s, window) }
    }
}

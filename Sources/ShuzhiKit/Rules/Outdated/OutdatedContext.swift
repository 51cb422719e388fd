/// What the `outdated` rules share: the report's year as a date, and whether a mention is dated history rather than
/// a statement about the report's own year.
struct OutdatedContext {
    let year: Int
    /// When the report was written (yyyymmdd): its dateline, or else the end of its year.
    let end: Int
    /// When the work it describes began: a year before its dateline, or else the start of its year.
    let start: Int

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
        // A report on several years (三年来, “十二五”时期…回顾) describes work back to their start.
        if let years = Self.yearsCovered(s), years > 1 { start = min(start, (year - years + 1) * 10_000 + 101) }
        for plan in plans where plan.first <= year && plan.last >= year - 1 {
            for tail in ["时期", "期间", "以来"] where ReportYear.occurrences(of: "“\(plan.name)”\(tail)", in: s, 0..<s.count).count
                + ReportYear.occurrences(of: plan.name + tail, in: s, 0..<s.count).count > 0 {
                start = min(start, plan.first * 10_000 + 101)
            }
        }
        self.start = start
    }

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

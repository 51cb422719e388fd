/// The year a report speaks for, and why Shuzhi thinks so. The `outdated` rules judge references against it.
///
/// Evidence, strongest first: `--year`; a year in the title (“2020年述职报告”; a placeholder there, 20XX年, makes it
/// unknown); “今年是建党100周年”-style anniversaries; the latest year the body mentions as past or present, raised to
/// P − 1 when the report plans for “P年” (a plan for 2022 means a 2021 report); a plan's 开局之年/收官之年.
public struct ReportYear: Sendable, Equatable {
    public enum Basis: String, Sendable {
        case option, title, anniversary, planYear = "plan-year", latestYear = "latest-year", nextYearPlan = "next-year-plan"
        case placeholder, unknown
    }

    public let year: Int?
    /// The day the report is dated (yyyymmdd), when the title block or the signature line gives one
    /// (“——2017年3月5日在……”, “2021年12月20日”).
    public var date: Int?
    public let basis: Basis
    /// The text that decided it, as scalar offsets.
    public let evidence: Range<Int>?
    /// Why, in Chinese: “标题写明“2020年述职报告””.
    public let reason: String

    public init(year: Int?, basis: Basis, evidence: Range<Int>?, reason: String) {
        self.year = year
        self.basis = basis
        self.evidence = evidence
        self.reason = reason
    }

    /// One year written in the text: its value (nil for a placeholder such as 20XX年) and where it is.
    struct Mention {
        let value: Int?
        let range: Range<Int>
    }

    public init(_ document: Document, outline: Outline, knowledge: KnowledgeBase, override: Int? = nil) {
        self.init(inferring: document, outline: outline, knowledge: knowledge, override: override)
        date = Self.dateLine(document, outline)
        if let d = date, let y = year, !(y...(y + 1)).contains(d / 10_000) { date = nil }
    }

    private init(inferring document: Document, outline: Outline, knowledge: KnowledgeBase, override: Int?) {
        if let override {
            self.init(year: override, basis: .option, evidence: nil, reason: "由 --year 指定")
            return
        }
        let s = document.scalars
        if let title = outline.title, !Self.isHeadline(s, title) {
            let inTitle = Self.mentions(s, title)
            if let m = inTitle.first(where: { $0.value != nil }) {
                self.init(year: m.value, basis: .title, evidence: title, reason: "标题写明“\(s.string(m.range))”")
                return
            }
            if let m = inTitle.first {
                self.init(
                    year: nil, basis: .placeholder, evidence: m.range,
                    reason: "标题中的年份是占位符“\(s.string(m.range))”，年份未知（可用 --year 指定）")
                return
            }
        }
        if let found = Self.anniversary(s, 0..<s.count) {
            self = found
            return
        }
        let all = Self.mentions(s, 0..<s.count)
        var nextPlan: Mention?
        var counts: [Int: (count: Int, first: Mention)] = [:]
        for m in all {
            guard let value = m.value, !Self.isRangeEnd(s, m.range.lowerBound) else { continue }
            if Self.opensPlanSentence(s, m.range) {
                if nextPlan == nil || value < nextPlan!.value! { nextPlan = m }
            } else if !Self.isTarget(s, m.range) && !Self.isBaseline(s, m.range.lowerBound) {
                counts[value, default: (0, m)].count += 1
            }
        }
        // The latest year written about as past or present; a year named once beside years named often is more
        // likely a target or an event (2020年目标, 2022年冬奥会) than the year reported on.
        let most = counts.values.map(\.count).max() ?? 0
        let latest = counts.filter { $0.value.count * 2 >= most && ($0.value.count >= 2 || most < 2) }.max { $0.key < $1.key }?.value.first
        // A plan for P means a report for P − 1, unless P itself is written about, often, as past or present.
        if let plan = nextPlan, let p = plan.value, latest.map({ $0.value! < p || counts[$0.value!]!.count < 2 }) ?? true {
            self.init(
                year: p - 1, basis: .nextYearPlan, evidence: plan.range,
                reason: "“\(s.string(plan.range))”开头的是工作打算，报告应为 \(p - 1) 年的")
            return
        }
        if let latest {
            self.init(
                year: latest.value, basis: .latestYear, evidence: latest.range,
                reason: "正文写到的最近年份是“\(s.string(latest.range))”")
            return
        }
        if let found = Self.planYear(s, 0..<s.count, knowledge) {
            self = found
            return
        }
        if let m = all.first {
            self.init(
                year: nil, basis: .placeholder, evidence: m.range,
                reason: "年份写作占位符“\(s.string(m.range))”，年份未知（可用 --year 指定）")
            return
        }
        self.init(year: nil, basis: .unknown, evidence: nil, reason: "文中没有写明年份（可用 --year 指定）")
    }

    /// A first line that states a figure (“2021年中国创新指数同比增长8.0%”) is a headline about that year, not a
    /// report's title: a number other than the year, a month or a day, or a percent sign.
    static func isHeadline(_ s: [Unicode.Scalar], _ title: Range<Int>) -> Bool {
        let years = mentions(s, title).map(\.range)
        var p = title.lowerBound
        while p < title.upperBound {
            if let y = years.first(where: { $0.contains(p) }) { p = y.upperBound; continue }
            if s[p] == "%" || s[p] == "％" || s[p] == "‰" { return true }
            if ScalarClass.isASCIIDigit(s[p].value) {
                var e = p
                while e < title.upperBound && (ScalarClass.isASCIIDigit(s[e].value) || s[e] == ".") { e += 1 }
                if e >= title.upperBound || (s[e] != "月" && s[e] != "日") { return true }
                p = e
                continue
            }
            p += 1
        }
        return false
    }

    /// A full date in the title block or on one of the last three lines, if it is short (a dateline or signature).
    static func dateLine(_ document: Document, _ outline: Outline) -> Int? {
        let s = document.scalars
        let lines = document.paragraphs.filter { !$0.isBlank }
        var candidates: [Paragraph] = []
        if let block = outline.titleBlock { candidates += document.paragraphs[block].filter { !$0.isBlank } }
        // A speech's dateline under its title may be long (——2025年1月15日在……第三次会议上): the two lines after
        // the title, when the date opens them.
        var opening: Set<Int> = []
        if let title = outline.title, let t = lines.firstIndex(where: { $0.content == title }) {
            for p in lines[(t + 1)..<min(lines.count, t + 3)] { opening.insert(p.index); candidates.append(p) }
        }
        candidates += lines.suffix(3).filter { $0.content.count <= 24 }
        for paragraph in candidates {
            for m in mentions(s, paragraph.content) {
                guard let year = m.value else { continue }
                if opening.contains(paragraph.index) && !(outline.titleBlock?.contains(paragraph.index) ?? false) {
                    // Only a date that opens the line, after a dash or bracket at most.
                    let lead = s[paragraph.content.lowerBound..<m.range.lowerBound]
                    guard lead.count <= 8,
                        lead.allSatisfy({
                            "-—–－（(〔【 ".unicodeScalars.contains($0) || ScalarClass.isASCIIDigit($0.value)
                                || ChineseNumeral.digit($0.value) != nil || $0 == "〇" || $0 == "○"
                        })
                    else { continue }
                }
                var p = m.range.upperBound
                func number(_ limit: Int) -> Int? {
                    var v = 0, n = 0
                    while p < paragraph.content.upperBound && n < 2 && ScalarClass.isASCIIDigit(s[p].value) {
                        v = v * 10 + Int(s[p].value - 0x30); p += 1; n += 1
                    }
                    return n > 0 && v >= 1 && v <= limit ? v : nil
                }
                guard let month = number(12), p < paragraph.content.upperBound, s[p] == "月" else { continue }
                p += 1
                guard let day = number(31), p < paragraph.content.upperBound, s[p] == "日" else { continue }
                return year * 10_000 + month * 100 + day
            }
        }
        return nil
    }

    // MARK: - Year mentions

    /// Years written 2021年, 二〇二一年 / 二零二一年, or placeholders 20XX年, xxxx年, 20**年, ××××年 in `range`.
    static func mentions(_ s: [Unicode.Scalar], _ range: Range<Int>) -> [Mention] {
        var out: [Mention] = []
        var i = range.lowerBound
        while i < range.upperBound {
            guard s[i] == "年", i - range.lowerBound >= 2 else { i += 1; continue }
            // Walk back over the year's characters.
            var j = i
            var digits = 0, placeholders = 0, chinese = 0
            var value = 0, chineseValue = 0
            var scale = 1
            while j > range.lowerBound && i - j < 4 {
                let v = s[j - 1].value
                if ScalarClass.isASCIIDigit(v) {
                    value += Int(v - 0x30) * scale; digits += 1
                } else if let d = ChineseNumeral.digit(v), v != 0x4E24 {
                    chineseValue += d * scale; chinese += 1
                } else if Self.isPlaceholder(v) {
                    placeholders += 1
                } else {
                    break
                }
                scale *= 10
                j -= 1
            }
            let width = i - j
            let before = j > range.lowerBound ? s[j - 1].value : 0
            let standsAlone = !ScalarClass.isASCIIDigit(before) && ChineseNumeral.digit(before) == nil && !Self.isPlaceholder(before)
            defer { i += 1 }
            guard standsAlone else { continue }
            if width == 4 && digits == 4 && (1949...2100).contains(value) {
                out.append(Mention(value: value, range: j..<i + 1))
            } else if width == 4 && chinese == 4 && (1949...2100).contains(chineseValue) {
                out.append(Mention(value: chineseValue, range: j..<i + 1))
            } else if placeholders > 0 && width >= 2 && digits + placeholders == width && (placeholders >= 2 || width == 4) {
                out.append(Mention(value: nil, range: j..<i + 1))
            } else if width == 1 && placeholders == 1 && (s[j] == "x" || s[j] == "X")
                && (j == range.lowerBound || !ScalarClass.isASCIILetter(before))
            {
                out.append(Mention(value: nil, range: j..<i + 1))  // “x年我主要负责…”
            }
        }
        return out
    }

    /// X x * × Ｘ ｘ ＊ ○ □
    static func isPlaceholder(_ v: UInt32) -> Bool {
        v == 0x58 || v == 0x78 || v == 0x2A || v == 0xD7 || v == 0xFF38 || v == 0xFF58 || v == 0xFF0A || v == 0x25CB || v == 0x25A1
    }

    /// “2018—2020年”, “至2025年”, “到2035年”, “面向2030年”: the end of a span or a deadline, not the year reported on.
    static func isRangeEnd(_ s: [Unicode.Scalar], _ start: Int) -> Bool {
        guard start > 0 else { return false }
        if start >= 2 && s[start - 2] == "面" && s[start - 1] == "向" { return true }
        let v = s[start - 1].value
        // 增加到2015年的…, 达到: a state reached, not a deadline.
        if v == 0x5230, start >= 2, "加高升达少降长展".unicodeScalars.contains(s[start - 2]) { return false }
        return v == 0x2014 || v == 0x2013 || v == 0x2D || v == 0xFF5E || v == 0x7E || v == 0x81F3 || v == 0x5230  // — – - ～ ~ 至 到
    }

    /// “比2010年增加”, “由2010年的…”, “是2010年的3倍”: a year compared against, not the one reported on.
    static func isBaseline(_ s: [Unicode.Scalar], _ start: Int) -> Bool {
        start > 0 && "比由较是".unicodeScalars.contains(s[start - 1])
    }

    /// A target year: “2025年远景目标”, “2035年基本实现”.
    static func isTarget(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        let after = s.string(range.upperBound..<min(s.count, range.upperBound + 4))
        return ["远景", "目标", "基本实现", "前", "冬奥", "亚运", "世博", "奥运"].contains { after.hasPrefix($0) }
    }

    /// “2022年，我将…”, “2022年工作打算”: a year that opens a sentence about plans.
    static func opensPlanSentence(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        let start = range.lowerBound
        if start > 0 {
            let v = s[start - 1].value
            let opens =
                v == 0x0A || v == 0x0D || v == 0x3002 || v == 0xFF1B || v == 0xFF1A || v == 0x3001 || v == 0xFF09 || v == 0x20
                || v == 0x3000
            guard opens else { return false }
        }
        var end = range.upperBound
        while end < s.count && end - range.upperBound < 60 {
            let v = s[end].value
            if v == 0x3002 || v == 0x0A || v == 0x0D { break }
            end += 1
        }
        let sentence = s.string(range.upperBound..<end)
        return ["将", "计划", "打算", "力争", "争取", "预计", "设想", "思路"].contains { sentence.includes($0) }
    }

    /// Start offsets of `word` in `s[range]`.
    static func occurrences(of word: String, in s: [Unicode.Scalar], _ range: Range<Int>) -> [Int] {
        Clause.occurrences(Array(word.unicodeScalars), s, range)
    }

    /// “今年是建党100周年” → 2021; likewise 新中国成立N周年 (1949), 改革开放N周年 (1978).
    static func anniversary(_ s: [Unicode.Scalar], _ range: Range<Int>) -> ReportYear? {
        let bases: [(String, Int)] = [("建党", 1921), ("中国共产党成立", 1921), ("新中国成立", 1949), ("改革开放", 1978)]
        let leads = ["今年", "适逢", "迎来", "喜迎", "正值", "恰逢", "本年"]
        for (prefix, base) in bases {
            for start in occurrences(of: prefix, in: s, range) {
                let numberStart = start + prefix.unicodeScalars.count
                var numberEnd = numberStart
                while numberEnd < range.upperBound && numberEnd - numberStart < 4
                    && (ScalarClass.isASCIIDigit(s[numberEnd].value) || ChineseNumeral.isNumeralCharacter(s[numberEnd].value))
                {
                    numberEnd += 1
                }
                guard numberEnd > numberStart, numberEnd + 2 <= range.upperBound, s[numberEnd] == "周", s[numberEnd + 1] == "年" else {
                    continue
                }
                let digits = s.string(numberStart..<numberEnd)
                guard let n = Int(digits) ?? ChineseNumeral.value(s, numberStart..<numberEnd), n > 0, n < 200 else { continue }
                // Only the year the report is written in: “今年是…”, “适逢…”, “迎来…”.
                let lead = s.string(max(range.lowerBound, start - 8)..<start)
                guard leads.contains(where: { lead.includes($0) }) else { continue }
                let r = start..<numberEnd + 2
                return ReportYear(year: base + n, basis: .anniversary, evidence: r, reason: "文中写“\(s.string(r))”，即 \(base + n) 年")
            }
        }
        return nil
    }

    /// “‘十四五’开局之年” → 2021, “收官之年” → the plan's last year.
    static func planYear(_ s: [Unicode.Scalar], _ range: Range<Int>, _ knowledge: KnowledgeBase) -> ReportYear? {
        for plan in knowledge.plans {
            for (word, year) in [("开局之年", plan.first), ("收官之年", plan.last), ("起步之年", plan.first)] {
                for phrase in ["“\(plan.name)”\(word)", "\(plan.name)\(word)", "“\(plan.name)”规划\(word)", "\(plan.name)规划\(word)"] {
                    guard let start = occurrences(of: phrase, in: s, range).first else { continue }
                    let r = start..<start + phrase.unicodeScalars.count
                    return ReportYear(year: year, basis: .planYear, evidence: r, reason: "文中写“\(s.string(r))”，即 \(year) 年")
                }
            }
        }
        return nil
    }
}

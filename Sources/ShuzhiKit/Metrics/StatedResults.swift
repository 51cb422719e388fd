import Foundation

/// `shuzhi metrics`: every result a report states — indicator, value, unit, change, period, sentence and section —
/// from patterns like 实现规模工业总产值x亿元，同比增长x%, 新签约工业项目x个, 盘活土地372亩. A placeholder value (x, *)
/// is kept as an explicit missing value.
public struct StatedResult: Sendable {
    public let indicator: String
    /// nil for a placeholder (the template's x) and for a result stated only as a change (货运量增长9.9%).
    public let value: Double?
    /// The value as written: 372, 2.5, x; empty when only a change is stated.
    public let valueText: String
    /// The unit with its magnitude: 亿元, 万亿元, 万人, %; empty when only a change is stated.
    public let unit: String
    /// The changes stated for it: 同比增长12%, 提高3个百分点.
    public var changes: [Change] = []
    /// 全年, 上半年, 2021年; nil when the sentence names no period.
    public let period: String?
    /// Scalar offsets of the value and its unit, and of its sentence.
    public let range: Range<Int>
    public let sentence: Range<Int>
    /// The top-level heading the result stands under.
    public let section: String?

    public var isMissing: Bool { value == nil && !valueText.isEmpty }

    /// The changes as written, for tables: 同比增长12.3%，提高3个百分点.
    public var change: String? { changes.isEmpty ? nil : changes.map(\.text).joined(separator: "，") }

    /// A change stated for a result: the word (增长, 下降…), the value and its unit.
    public struct Change: Sendable {
        public let word: String
        public let value: Double?
        public let valueText: String
        public let unit: String
        public var text: String { word + valueText + unit }
    }
}

public enum StatedResults {
    /// Units of count and measure after a number (and its magnitude), longest first where one starts another.
    static let baseUnits: [[Unicode.Scalar]] = [
        "平方公里", "平方千米", "平方米", "立方米", "个百分点", "个工作日", "个批次", "千瓦时", "㎡", "㎞", "场次", "批次", "班次", "车次", "标准箱", "重量箱", "人次", "户次", "件次", "架次",
        "公里", "千米", "公顷", "公斤", "千克", "千瓦", "美元", "欧元", "标准亩", "元", "人", "户", "个", "家", "项", "亩", "米", "吨",
        "斤", "件", "次", "场", "所", "座", "台", "辆", "套", "篇", "条", "份", "天", "处", "间", "名", "位", "期", "批", "部", "册",
        "栋", "支", "宗", "起", "例", "笔", "张", "只", "头", "株", "艘", "架", "棵", "倍", "%", "％",
    ].map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    /// 万 and 亿 scale the number; 万亿 is both (33.5万亿元), and 4万多亿元 is read as 4 万亿元.
    static let magnitudes: [[Unicode.Scalar]] = ["万亿", "亿", "万"].map { Array($0.unicodeScalars) }
    /// One-character units that count things: after them a noun may name what was counted (320个县).
    static let countClassifiers = Set("个家项座台辆套篇条份处间名位批部所栋支宗起例笔张件场只户艘架株棵头".unicodeScalars)

    /// Words for a change; the longer forms first so 同比增长 wins over 增长.
    static let changeWords: [[Unicode.Scalar]] = [
        "同比增长", "同比下降", "同比增加", "同比减少", "同比提高", "同比上升", "增长", "下降", "提高", "降低", "增加", "减少", "上升",
        "上涨", "下跌", "压减", "精简", "缩减", "缩短", "扩大", "提升", "增幅", "降幅",
    ].map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    /// After a change word, 到/至 makes the number the new level (提高到, 缩短至), not the change.
    static let levelMarks = Set("到至".unicodeScalars)
    /// Reporting words between an indicator and its number: 国内生产总值达到, 粮食产量超过, 分别达.
    static let trailing: [[Unicode.Scalar]] = [
        "达到", "突破", "超过", "高于", "低于", "实现", "分别", "共计", "合计", "总计", "累计", "人均", "年均", "约", "近", "逾", "超",
        "达", "为", "是", "有", "计", "了", "共", "均", "使", "降至", "增至", "预计完成", "完成", "预计", "继续", "进一步", "首次", "再次", "已经", "已", "都",
    ].map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    /// Words that may sit between an indicator and its change word: 城镇居民人均可支配收入实际增长, 比上年增长.
    static let changeModifiers: [[Unicode.Scalar]] = [
        "比上年同期", "比去年同期", "比上年", "比去年", "较上年", "较去年", "同比", "环比", "实际", "预计", "分别", "年人均", "月人均", "年均", "月均", "人均", "平均", "又", "均",
        "再", "共", "累计",
    ].map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    /// Openers that do not belong to the indicator.
    static let leading: [[Unicode.Scalar]] = [
        "其中", "全年", "全面", "去年", "今年", "年末", "年底", "当年", "累计", "共计", "共", "实现", "完成", "达到", "同时", "并", "已",
        "还", "又", "总计", "合计", "在", "对", "为",
    ].map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    /// After one of these, only what follows is the indicator: “十一五”前四年累计单位GDP能耗 → 单位GDP能耗.
    static let restarts: [[Unicode.Scalar]] = ["其中", "累计", "共计", "合计", "总计"].map { Array($0.unicodeScalars) }
    /// Between items of a list of numbers: 433亿美元和777亿美元, 3.5%、2.9%.
    static let listJoiners = Set("和、与及".unicodeScalars)
    /// Words after a number that qualify it: 15%以上, 100人左右.
    static let qualifiers: [[Unicode.Scalar]] = ["以上", "以下", "左右", "之多"].map { Array($0.unicodeScalars) }
    static let periods = ["全年", "上半年", "下半年", "一季度", "前三季度", "今年", "去年", "年内", "当年", "近三年", "三年来", "五年来"]
    /// The longest indicator kept, in characters; a longer phrase keeps its last whole words.
    static let maxIndicator = 16
    /// The longest noun taken from after a count (320个县…), in characters.
    static let maxAfter = 10
    /// Past this many characters an indicator that holds a verb keeps only the object of its last verb:
    /// 国务院提请全国人大常委会审议法律议案 → 法律议案.
    static let longSubject = 14

    public static func extract(_ analysis: Analysis) -> [StatedResult] {
        let s = analysis.scalars
        let outline = analysis.outline
        let top = outline.root.children
        let words = analysis.words
        var out: [StatedResult] = []
        for paragraph in analysis.document.paragraphs where !paragraph.isBlank {
            let section = top.last { outline.nodes[$0].paragraph <= paragraph.index }.map {
                analysis.document.string(outline.nodes[$0].titleRange)
            }
            var scan = Scan(s: s, words: words, paragraph: paragraph.content, section: section)
            var clauseStart = paragraph.content.lowerBound
            var p = paragraph.content.lowerBound
            while p <= paragraph.content.upperBound {
                let atEnd = p == paragraph.content.upperBound
                if atEnd || Clause.endsClause(s[p].value) {
                    scan.clause(clauseStart..<p, &out)
                    if atEnd || Clause.endsSentence(s[p].value) { scan.inSentence = [] }
                    clauseStart = p + 1
                }
                p += 1
            }
        }
        return out
    }

    /// A number with its unit: 33.5万亿元, 500多万台, x亿元.
    struct Quantity {
        let value: Double?
        let valueRange: Range<Int>
        let unit: [Unicode.Scalar]
        /// The value, its unit and any 多/余 in between.
        let range: Range<Int>
        var unitText: String { String(String.UnicodeScalarView(unit)) }
    }

    /// The state of one paragraph's scan: the results of the current sentence, which a change may attach to.
    struct Scan {
        let s: [Unicode.Scalar]
        let words: [Word]
        let paragraph: Range<Int>
        let section: String?
        var inSentence: [Int] = []
        /// The words before the last number of the clause and where that number's phrase ended: 20个批次7135亩 gives
        /// 7135亩 the phrase of 20个批次.
        var previousSubject: (subject: Range<Int>, end: Int)?

        /// The results in one clause. Numbers joined by 和/、 form a list (分别下降9.66%和13.14%) that shares or splits
        /// the phrase before it; a change (增长12%) with no indicator of its own attaches to the results before it.
        mutating func clause(_ clause: Range<Int>, _ out: inout [StatedResult]) {
            var phraseStart = clause.lowerBound
            var i = clause.lowerBound
            while i < clause.upperBound {
                guard let first = quantity(at: i, clause) else { i += 1; continue }
                // 5亿元以上项目3个, 投资超5亿元的项目4个: a size class qualifying a later count, not a result.
                let afterFirst = qualifier(at: first.range.upperBound, clause) ?? first.range.upperBound
                if afterFirst < clause.upperBound,
                    (afterFirst > first.range.upperBound && s[first.range.upperBound] == "以") || s[afterFirst] == "的",
                    (afterFirst..<clause.upperBound).contains(where: {
                        ScalarClass.isASCIIDigit(s[$0].value) || quantity(at: $0, clause) != nil
                    })
                {
                    i = afterFirst
                    continue
                }
                // 由2010年的162.4亿元增加到…: the starting point of a change, not a result.
                if (phraseStart..<first.valueRange.lowerBound).contains(where: { s[$0] == "由" }),
                    changeWords.contains(where: { w in
                        s.matches(w, at: afterFirst) && afterFirst + w.count < clause.upperBound
                            && levelMarks.contains(s[afterFirst + w.count])
                    })
                {
                    i = afterFirst
                    continue
                }
                // 3个月 is a duration; 第3个 an ordinal.
                if first.unit == ["个"], first.range.upperBound < clause.upperBound, s[first.range.upperBound] == "月" {
                    i = first.range.upperBound
                    continue
                }
                if first.valueRange.lowerBound > clause.lowerBound && s[first.valueRange.lowerBound - 1] == "第" {
                    i = first.range.upperBound
                    continue
                }
                var list = [first]
                var end = afterFirst
                while end + 1 < clause.upperBound, listJoiners.contains(s[end]), let next = quantity(at: end + 1, clause),
                    next.unit == first.unit
                {
                    list.append(next)
                    end = qualifier(at: next.range.upperBound, clause) ?? next.range.upperBound
                }
                let phrase = Phrase(s, words, phraseStart..<first.valueRange.lowerBound)
                var consumed = end
                emit(list, phrase, clause, &consumed, &out)
                i = consumed
                phraseStart = consumed
            }
        }

        mutating func emit(_ list: [Quantity], _ phrase: Phrase, _ clause: Range<Int>, _ consumed: inout Int, _ out: inout [StatedResult]) {
            if let change = phrase.change {
                // 比上年增长8.7%, 实际增长9.8%和8.5%: the change of the results before it.
                if phrase.subject.isEmpty && !inSentence.isEmpty {
                    let targets =
                        list.count > 1 && inSentence.count >= list.count
                        ? Array(inSentence.suffix(list.count))
                        : Array(repeating: inSentence[inSentence.count - 1], count: list.count)
                    for (q, target) in zip(list, targets) {
                        out[target].changes.append(.init(word: change, value: q.value, valueText: s.string(q.valueRange), unit: q.unitText))
                    }
                    return
                }
                let names = indicators(phrase.subject, count: list.count)
                for (q, name) in zip(list, names) {
                    append(
                        StatedResult(
                            indicator: name, value: nil, valueText: "", unit: "",
                            changes: [.init(word: change, value: q.value, valueText: s.string(q.valueRange), unit: q.unitText)],
                            period: nil, range: q.range, sentence: 0..<0, section: section), &out)
                }
                return
            }
            var subject = phrase.subject
            let original = phrase.subject
            defer { if !original.isEmpty { previousSubject = (original, consumed) } }
            let last = list[list.count - 1]
            // 新增510万沼气用户, 320个县开展试点, x等17个项目: the noun after the count names it.
            let after = nounAfter(consumed, clause)
            if !after.isEmpty
                && (phrase.isVerbOnly || subject.isEmpty || s[subject.upperBound - 1] == "等"
                    || (countClassifiers.contains(last.unit[last.unit.count - 1]) && last.unit.count <= 2))
            {
                // 31个省份本级公务接待费减少26%: the count only says whose figure follows.
                if subject.isEmpty && (after.upperBound..<clause.upperBound).contains(where: { quantity(at: $0, clause) != nil }) {
                    return
                }
                subject = after
                consumed = after.upperBound
            }
            // 地区生产总值增长20%，达到282亿元: the level of the change just stated.
            if subject.isEmpty, list.count == 1, let previous = inSentence.last, out[previous].valueText.isEmpty {
                let r = out[previous], q = list[0]
                out[previous] = StatedResult(
                    indicator: r.indicator, value: q.value, valueText: s.string(q.valueRange), unit: q.unitText,
                    changes: r.changes, period: r.period, range: r.range, sentence: r.sentence, section: r.section)
                return
            }
            // 其中税收收入6.1亿元，占比69.7%: the share of the result just stated.
            if Self.isBareShare(s, subject), let previous = inSentence.last, list.count == 1 {
                let q = list[0]
                append(
                    StatedResult(
                        indicator: out[previous].indicator + "占比", value: q.value, valueText: s.string(q.valueRange), unit: q.unitText,
                        period: nil, range: q.range, sentence: 0..<0, section: section), &out)
                return
            }
            // 20个批次7135亩: a second number right after the first measures the same thing.
            if subject.isEmpty, let previous = previousSubject, previous.end == list[0].valueRange.lowerBound {
                subject = previous.subject
            }
            let names = indicators(subject, count: list.count)
            for (q, name) in zip(list, names) {
                append(
                    StatedResult(
                        indicator: name, value: q.value, valueText: s.string(q.valueRange), unit: q.unitText,
                        period: nil, range: q.range, sentence: 0..<0, section: section), &out)
            }
        }

        /// 占比, 比重, 占比为: a share with no whole named.
        static func isBareShare(_ s: [Unicode.Scalar], _ subject: Range<Int>) -> Bool {
            let text = s.string(subject)
            return text == "占比" || text == "比重"
        }

        /// Adds a result with its sentence and period, and remembers it for the changes that follow.
        mutating func append(_ r: StatedResult, _ out: inout [StatedResult]) {
            let sentence = Clause.sentence(around: r.range, in: s, within: paragraph)
            let sentenceText = s.string(sentence)
            let period = periods.first { sentenceText.contains($0) } ?? ReportYear.mentions(s, sentence).first.map { s.string($0.range) }
            out.append(
                StatedResult(
                    indicator: r.indicator, value: r.value, valueText: r.valueText, unit: r.unit, changes: r.changes,
                    period: period, range: r.range, sentence: sentence, section: r.section))
            inSentence.append(out.count - 1)
        }

        /// The indicator for each number of a list: the parts of a coordinated subject when they match the numbers
        /// one to one (化学需氧量、二氧化硫排放量分别下降…), otherwise the whole subject for each.
        func indicators(_ subject: Range<Int>, count: Int) -> [String] {
            if count > 1 {
                var parts: [Range<Int>] = []
                var start = subject.lowerBound
                for k in subject where listJoiners.contains(s[k]) {
                    parts.append(start..<k)
                    start = k + 1
                }
                parts.append(start..<subject.upperBound)
                if parts.count == count && parts.allSatisfy({ !$0.isEmpty }) { return parts.map(text) }
            }
            return Array(repeating: text(subject), count: count)
        }

        /// The indicator text: quotation marks out, at most `maxIndicator` characters of whole words from the end.
        func text(_ range: Range<Int>) -> String {
            var start = range.lowerBound
            if range.count > maxIndicator {
                start = range.upperBound - maxIndicator
                if let w = wordIndex(at: start), words[w].range.lowerBound < start { start = words[w].range.upperBound }
            }
            var view = String.UnicodeScalarView()
            for c in s[start..<range.upperBound] where c != "“" && c != "”" && c != "\"" { view.append(c) }
            return String(view)
        }

        /// What follows a count (after 以上/左右): the rest of the clause when it is short (进城落户, 农村危房得到改造),
        /// otherwise its words up to the first verb (县 in 320个县开展新型农村社会养老保险试点), at most `maxAfter` characters.
        func nounAfter(_ from: Int, _ clause: Range<Int>) -> Range<Int> {
            guard from < clause.upperBound, ScalarClass.isHan(s[from].value), s[from] != "的", var w = wordIndex(at: from) else {
                return from..<from
            }
            var tail = from
            while tail < clause.upperBound && s[tail] != "、" && !ScalarClass.isASCIIDigit(s[tail].value) { tail += 1 }
            // The whole short rest, unless an adverb says it is not a thing done (5个乡镇均未发生安全事故).
            let hasAdverb = words[w...].prefix { $0.range.upperBound <= tail }.contains { $0.tag == "d" }
            if tail - from <= maxAfter && (tail == clause.upperBound || s[tail] == "、") && !hasAdverb { return from..<tail }
            var end = from
            while w < words.count, words[w].range.upperBound <= tail, words[w].range.upperBound - from <= maxAfter {
                // 3个部门均未发生: the noun stops before a verb, an adverb, a preposition or a particle (not a conjunction:
                // 困难和重度残疾人).
                if end > from, let tag = words[w].tag, (tag.hasPrefix("v") && tag != "vn") || tag == "d" || tag == "p" || tag.hasPrefix("u")
                {
                    break
                }
                end = words[w].range.upperBound
                w += 1
            }
            return from..<end
        }

        func wordIndex(at position: Int) -> Int? {
            var lo = 0, hi = words.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if words[mid].range.upperBound <= position { lo = mid + 1 } else { hi = mid }
            }
            return lo < words.count ? lo : nil
        }

        /// The end of 以上/以下/左右 right at `i`, if there is one.
        func qualifier(at i: Int, _ clause: Range<Int>) -> Int? {
            qualifiers.first { s.matches($0, at: i) && i + $0.count <= clause.upperBound }.map { i + $0.count }
        }

        /// A number or placeholder at i with a unit: digits, 多/余, a magnitude (万, 亿, 万亿; 4万多亿), a unit, 多.
        func quantity(at i: Int, _ clause: Range<Int>) -> Quantity? {
            guard let (valueRange, value) = StatedResults.value(at: i, s, clause) else { return nil }
            var u = valueRange.upperBound
            func skipApprox() { if u < clause.upperBound && (s[u] == "余" || s[u] == "多") { u += 1 } }
            skipApprox()
            var unit: [Unicode.Scalar] = []
            if let m = magnitudes.first(where: { s.matches($0, at: u) && u + $0.count <= clause.upperBound }) {
                unit += m
                u += m.count
                skipApprox()
                if m == ["万"], u < clause.upperBound, s[u] == "亿" { unit.append("亿"); u += 1 }
            }
            if let b = baseUnits.first(where: { s.matches($0, at: u) && u + $0.count <= clause.upperBound }) {
                unit += b
                u += b.count
            }
            guard !unit.isEmpty else { return nil }
            if unit.count > 1 || !magnitudes.contains(unit) { skipApprox() }
            return Quantity(value: value, valueRange: valueRange, unit: unit, range: valueRange.lowerBound..<u)
        }
    }

    /// The words before a number: what is measured (the subject), and the change word if the number is a change.
    struct Phrase {
        var subject: Range<Int>
        var change: String?
        /// The subject is only verbs, prepositions and adverbs (安排, 组织, 在): the noun comes after the number.
        var isVerbOnly = false

        init(_ s: [Unicode.Scalar], _ words: [Word], _ range: Range<Int>) {
            var a = range.lowerBound, b = range.upperBound
            func isWordStart(_ c: Unicode.Scalar) -> Bool {
                ScalarClass.isHan(c.value) || ScalarClass.isASCIILetter(c.value) || ScalarClass.isASCIIDigit(c.value)
            }
            while a < b && !isWordStart(s[a]) { a += 1 }
            /// Strips the words of `list` from the end; `all` lets them take the whole phrase (a change modifier alone).
            func stripTrailing(_ list: [[Unicode.Scalar]], all: Bool = false) {
                var changed = true
                while changed {
                    changed = false
                    for w in list where b - a > (all ? w.count - 1 : w.count) && s.matches(w, at: b - w.count) {
                        b -= w.count; changed = true
                    }
                }
            }
            // 提高到, 缩短至, 增加到人均: the number is the new level.
            stripTrailing(trailing)
            if let w = changeWords.first(where: { b - a > $0.count && levelMarks.contains(s[b - 1]) && s.matches($0, at: b - 1 - $0.count) }
            ) {
                b -= w.count + 1
                stripTrailing(trailing)
            }
            if let w = changeWords.first(where: { b - a >= $0.count && s.matches($0, at: b - $0.count) }) {
                b -= w.count
                change = String(String.UnicodeScalarView(w))
                stripTrailing(changeModifiers, all: true)
                // 比上年预算增加5038亿元: a comparison, not an indicator.
                if a < b && (s[a] == "比" || s[a] == "较") { b = a }
            }
            // 森林覆盖率由2010年的21.6%提高到25.2%: the indicator ends before 由.
            if let from = (a..<b).first(where: { s[$0] == "由" }), (from..<range.upperBound).contains(where: { levelMarks.contains(s[$0]) }),
                from > a
            {
                b = from
            }
            // 开工建设x共入驻企业: a placeholder name (x, x等, **) is not part of what is measured; the indicator starts
            // after it.
            if let k = (a..<b).last(where: {
                (s[$0] == "x" || s[$0] == "X" || s[$0] == "*")
                    && ($0 == a || !ScalarClass.isASCIILetter(s[$0 - 1].value))
                    && ($0 + 1 == b || !ScalarClass.isASCIILetter(s[$0 + 1].value))
            }), k + 1 < b {
                a = k + 1
                if s[a] == "等" && a + 1 < b { a += 1 }
            }
            // 其中, 累计: the indicator starts after them.
            for w in restarts {
                if let k = (a..<max(a, b - w.count)).last(where: { s.matches(w, at: $0) }) { a = max(a, k + w.count) }
            }
            var changed = true
            while changed {
                changed = false
                for w in leading where b - a > w.count && s.matches(w, at: a) { a += w.count; changed = true }
                // 2009年中央政府公共投资: a year opens the phrase.
                var k = a
                while k < b && ScalarClass.isASCIIDigit(s[k].value) { k += 1 }
                if k > a && k < b && s[k] == "年" && b - k > 1 { a = k + 1; changed = true }
                while a < b && !isWordStart(s[a]) { a += 1; changed = true }
            }
            // 去年又人均提高10%: nothing is left but an opener.
            for w in leading where b - a == w.count && s.matches(w, at: a) { b = a }
            // X占44%: a share of X; 占规划总投资的65.5%: a share of the whole named.
            if b - a > 1 && s[b - 1] == "占" { b -= 1 }
            if b - a > 1 && s[a] == "占" && !(b - a == 2 && s[a + 1] == "比") {
                a += 1
                if b - a > 1 && s[b - 1] == "的" { b -= 1 }
            }
            // 民生支出占一般公共预算支出的的: a stray 的 at the end.
            while b - a > 1 && s[b - 1] == "的" { b -= 1 }
            // A long phrase with a verb in it: the object of the last verb. Not in a list (、), and not in a share
            // (占), whose whole phrase is the indicator.
            if b - a > longSubject, !(a..<b).contains(where: { s[$0] == "、" || s[$0] == "占" }),
                let verb = words.last(where: { w in
                    w.range.lowerBound >= a && b - w.range.upperBound >= 4 && w.tag.map { $0.hasPrefix("v") && $0 != "vn" } == true
                })
            {
                a = verb.range.upperBound
            }
            subject = a..<b
            if change == nil && !subject.isEmpty {
                let inside = words.filter { $0.range.lowerBound >= a && $0.range.upperBound <= b }
                isVerbOnly = !inside.isEmpty && inside.allSatisfy(Self.isVerbLike)
            }
        }

        /// A verb, preposition or adverb in the dictionary's tags.
        static func isVerbLike(_ word: Word) -> Bool {
            guard let tag = word.tag else { return false }
            return (tag.hasPrefix("v") && tag != "vn") || tag == "p" || tag == "d"
        }
    }

    /// An Arabic number (not part of a year or a code) or a placeholder (x, X, *, **) at i.
    static func value(at i: Int, _ s: [Unicode.Scalar], _ clause: Range<Int>) -> (Range<Int>, Double?)? {
        let v = s[i].value
        if ScalarClass.isASCIIDigit(v) {
            // 20xx个: digits run into a placeholder, so the value is missing.
            var d = i
            while d < clause.upperBound && ScalarClass.isASCIIDigit(s[d].value) { d += 1 }
            if d < clause.upperBound && (s[d] == "x" || s[d] == "X")
                && (i == clause.lowerBound || !ScalarClass.isASCIIDigit(s[i - 1].value))
            {
                var e = d
                while e < clause.upperBound && (s[e] == "x" || s[e] == "X" || s[e] == "*") { e += 1 }
                if e == clause.upperBound || !ScalarClass.isASCIILetter(s[e].value) { return (i..<e, nil) }
            }
            guard
                i == clause.lowerBound
                    || !(ScalarClass.isASCIIDigit(s[i - 1].value) || ScalarClass.isASCIILetter(s[i - 1].value) || s[i - 1] == ".")
            else { return nil }
            guard let token = NumberToken.all(s, i..<clause.upperBound).first, token.range.lowerBound == i else { return nil }
            return (token.range, token.value)
        }
        if v == 0x78 || v == 0x58 || v == 0x2A {
            guard
                i == clause.lowerBound
                    || !ScalarClass.isASCIILetter(s[i - 1].value) && s[i - 1] != "*" && !ScalarClass.isASCIIDigit(s[i - 1].value)
            else { return nil }
            var e = i
            while e < clause.upperBound && (s[e] == "x" || s[e] == "X" || s[e] == "*") { e += 1 }
            guard e == clause.upperBound || !ScalarClass.isASCIILetter(s[e].value) else { return nil }
            return (i..<e, nil)
        }
        return nil
    }
}

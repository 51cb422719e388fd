import Foundation

/// `shuzhi metrics`: every result a report states — indicator, value, unit, change, period, sentence and section —
/// from patterns like 实现规模工业总产值x亿元，同比增长x%, 新签约工业项目x个, 盘活土地372亩. A placeholder value (x, *)
/// is kept as an explicit missing value.
public struct StatedResult: Sendable {
    public let indicator: String
    /// nil for a placeholder (the template's x).
    public let value: Double?
    /// The value as written: 372, 2.5, x.
    public let valueText: String
    public let unit: String
    /// 同比增长12%, 提高3个百分点.
    public var change: String?
    /// 全年, 上半年, 2021年; nil when the sentence names no period.
    public let period: String?
    /// Scalar offsets of the value and its unit, and of its sentence.
    public let range: Range<Int>
    public let sentence: Range<Int>
    /// The top-level heading the result stands under.
    public let section: String?

    public var isMissing: Bool { value == nil }
}

public enum StatedResults {
    /// Units a result may carry, longest first where one starts another.
    static let units: [String] = [
        "万平方米", "平方公里", "平方米", "个百分点", "个工作日", "万千瓦", "千瓦时", "万人次", "万吨", "万元", "亿元", "万户", "万人",
        "人次", "公里", "千米", "批次", "立方米", "标准亩", "元", "亿", "万", "个", "家", "人", "户", "项", "亩", "米", "吨",
        "件", "次", "场", "所", "座", "台", "辆", "套", "篇", "条", "份", "天", "处", "间", "名", "位", "期", "批", "部", "册",
        "栋", "支", "宗", "起", "例", "笔", "张", "倍", "%", "％",
    ].sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
    static let unitScalars = units.map { Array($0.unicodeScalars) }

    static let changeWords = ["同比增长", "同比下降", "同比增加", "同比减少", "同比提高", "增长", "下降", "提高", "降低", "增加", "减少",
                              "上升", "增幅", "降幅"]
    /// Verbs and connectors that open an indicator phrase without belonging to it.
    static let leading = ["其中", "全年", "累计", "共计", "共", "实现", "完成", "达到", "新增", "年", "同时", "并", "已", "还", "总计", "合计"]
    static let trailing = ["达到", "突破", "超过", "实现", "为", "达", "约", "近", "共", "是", "有", "计", "完成", "了"]
    static let periods = ["全年", "上半年", "下半年", "一季度", "前三季度", "今年", "去年", "年内", "当年", "近三年", "三年来", "五年来"]

    public static func extract(_ analysis: Analysis) -> [StatedResult] {
        let s = analysis.scalars
        let outline = analysis.outline
        let top = outline.root.children
        var out: [StatedResult] = []
        for paragraph in analysis.document.paragraphs where !paragraph.isBlank {
            let section = top.last { outline.nodes[$0].paragraph <= paragraph.index }.map { analysis.document.string(outline.nodes[$0].titleRange) }
            var clauseStart = paragraph.content.lowerBound
            var p = paragraph.content.lowerBound
            var lastInSentence: Int?
            while p <= paragraph.content.upperBound {
                let atEnd = p == paragraph.content.upperBound
                if atEnd || Clause.endsClause(s[p].value) {
                    scanClause(clauseStart..<p, s, paragraph.content, analysis, section, &out, &lastInSentence)
                    if atEnd || Clause.endsSentence(s[p].value) { lastInSentence = nil }
                    clauseStart = p + 1
                }
                p += 1
            }
        }
        return out
    }

    /// The values in one clause; a change (增长12%) attaches to the result before it in the sentence.
    static func scanClause(_ clause: Range<Int>, _ s: [Unicode.Scalar], _ paragraph: Range<Int>, _ analysis: Analysis, _ section: String?,
                           _ out: inout [StatedResult], _ lastInSentence: inout Int?) {
        var phraseStart = clause.lowerBound
        var i = clause.lowerBound
        while i < clause.upperBound {
            guard let (valueRange, value) = Self.value(at: i, s, clause) else { i += 1; continue }
            var u = valueRange.upperBound
            if u < clause.upperBound && (s[u] == "余" || s[u] == "多") { u += 1 }
            guard let unit = unitScalars.first(where: { s.matches($0, at: u) && u + $0.count <= clause.upperBound }) else {
                i = valueRange.upperBound
                continue
            }
            let end = u + unit.count
            let unitText = String(String.UnicodeScalarView(unit))
            // 5亿元以上项目x个: a size class qualifying the next result, not a result.
            if end + 1 < clause.upperBound && s[end] == "以" && (s[end + 1] == "上" || s[end + 1] == "下") {
                i = end + 2
                continue
            }
            let before = s.string(phraseStart..<valueRange.lowerBound)
            let sentence = Clause.sentence(around: valueRange, in: s, within: paragraph)
            defer { i = end; phraseStart = end }
            // 3个月, 5个工作日…: a duration is not a result.
            if unitText == "个", end < clause.upperBound, s[end] == "月" { continue }
            if let change = changeWords.first(where: { before.hasSuffix($0) || before.hasSuffix($0 + "了") }),
               ["%", "％", "个百分点", "倍"].contains(unitText), let last = lastInSentence {
                let text = change + s.string(valueRange.lowerBound..<end)
                out[last].change = out[last].change.map { $0 + "，" + text } ?? text
                continue
            }
            var indicator = trim(before)
            let classifier = unit.count == 1 && "个家项座台辆套篇条份处间名位批部所栋支宗起例笔张件场".unicodeScalars.contains(unit[0])
            if indicator.unicodeScalars.count < 2 || indicator.hasSuffix("等") || (classifier && end < clause.upperBound && ScalarClass.isHan(s[end])) {
                // x等17个项目加快建设: the noun follows the count.
                var e = end
                while e < clause.upperBound && e - end < 10 && ScalarClass.isHan(s[e]) { e += 1 }
                if e > end { indicator = s.string(end..<e) }
            }
            let sentenceText = s.string(sentence)
            let period = periods.first { sentenceText.contains($0) }
                ?? ReportYear.mentions(s, sentence).first.map { s.string($0.range) }
            out.append(StatedResult(indicator: indicator, value: value, valueText: s.string(valueRange), unit: unitText, change: nil,
                                    period: period, range: valueRange.lowerBound..<end, sentence: sentence, section: section))
            lastInSentence = out.count - 1
        }
    }

    /// An Arabic number (not part of a year or a code) or a placeholder (x, X, *, **) at i.
    static func value(at i: Int, _ s: [Unicode.Scalar], _ clause: Range<Int>) -> (Range<Int>, Double?)? {
        let v = s[i].value
        if ScalarClass.isASCIIDigit(v) {
            guard i == clause.lowerBound || !(ScalarClass.isASCIIDigit(s[i - 1].value) || ScalarClass.isASCIILetter(s[i - 1].value) || s[i - 1] == ".")
            else { return nil }
            guard let token = NumberToken.all(s, i..<clause.upperBound).first, token.range.lowerBound == i else { return nil }
            return (token.range, token.value)
        }
        if v == 0x78 || v == 0x58 || v == 0x2A {
            guard i == clause.lowerBound || !ScalarClass.isASCIILetter(s[i - 1].value) && s[i - 1] != "*" else { return nil }
            var e = i
            while e < clause.upperBound && (s[e] == "x" || s[e] == "X" || s[e] == "*") { e += 1 }
            guard e == clause.upperBound || !ScalarClass.isASCIILetter(s[e].value) else { return nil }
            return (i..<e, nil)
        }
        return nil
    }

    /// The indicator phrase without the verbs and connectors around it.
    static func trim(_ phrase: String) -> String {
        var t = phrase.trimmingCharacters(in: .whitespaces)
        var changed = true
        while changed {
            changed = false
            for w in leading where t.hasPrefix(w) && t.count > w.count { t.removeFirst(w.count); changed = true }
            for w in trailing where t.hasSuffix(w) && t.count > w.count { t.removeLast(w.count); changed = true }
        }
        // Keep the last phrase of a long run: after the last 、 or “的”-less verb phrase start.
        if let cut = t.lastIndex(where: { "、（(“".contains($0) }) { t = String(t[t.index(after: cut)...]) }
        return String(t.suffix(16))
    }
}

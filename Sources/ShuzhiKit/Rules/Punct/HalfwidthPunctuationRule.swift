/// Half-width , ; : ? ! . ( ) in Chinese text (GB/T 15834 §4: Chinese text takes full-width marks). Decimals, times,
/// thousands separators, URLs, English phrases and heading numbers (1.) are left alone.
public struct HalfwidthPunctuationRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "punct.halfwidth",
        severity: .error,
        summary: "中文中使用了半角标点（, ; : ? ! . ( )），应为全角",
        rationale: "GB/T 15834-2011 第4章：中文行文使用全角标点，每个标点占一个汉字位置。小数、时刻、千分位、网址、英文词句和“1.”序号不在此列。",
        fix: .safe,
        triggering: [
            RuleExample("坚持学以致用«,»联系工作实际。", fixed: "坚持学以致用，联系工作实际。"),
            RuleExample("来源«:»县统计局«;»数据截至年底«.»", fixed: "来源：县统计局；数据截至年底。"),
            RuleExample("问题出在哪里«?»值得深思«!»", fixed: "问题出在哪里？值得深思！"),
            RuleExample("细颗粒物«(»PM2.5«)»浓度下降", fixed: "细颗粒物（PM2.5）浓度下降"),
            RuleExample("完成投资12亿元« , »同比增长8%", fixed: "完成投资12亿元，同比增长8%"),
            RuleExample("分别增长33.9%«,»35.4%", fixed: "分别增长33.9%、35.4%"),
            RuleExample("Python«(»一种编程语言«)»", fixed: "Python（一种编程语言）"),
        ],
        nonTriggering: [
            "GDP增长6.7%，达到74.4万亿元。",
            "会议于14:30召开，共1,234,567人次参加。",
            "详见 https://www.gov.cn/zhengce/index.htm?a=1,2 页面。",
            "引用了 Hello, world! 一句。",
            "1.加强理论学习",
            "函数f(x)的值",
        ]
    )

    private static let fullwidth: [UInt32: String] = [
        0x2C: "，", 0x3B: "；", 0x3A: "：", 0x3F: "？", 0x21: "！", 0x2E: "。", 0x28: "（", 0x29: "）",
    ]

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        let contacts = analysis.webResidue.contacts
        var contactIndex = 0
        for p in analysis.document.paragraphs where !p.isBlank {
            let marker = HeadingMarker.parse(s, at: p.content.lowerBound, end: p.content.upperBound)
            let skipUntil = marker?.range.upperBound ?? p.content.lowerBound
            var i = p.content.lowerBound
            while i < p.content.upperBound {
                let v = s[i].value
                guard v < 0x80, let replacement = Self.fullwidth[v], i >= skipUntil else { i += 1; continue }
                while contactIndex < contacts.count && contacts[contactIndex].range.upperBound <= i { contactIndex += 1 }
                if contactIndex < contacts.count && contacts[contactIndex].range.contains(i) { i += 1; continue }
                let n = Neighbourhood(s, i..<(i + 1), in: p.content)
                if let d = diagnose(s, i, v, replacement, n, p.content) { out.append(d) }
                i += 1
            }
        }
        return out
    }

    private func diagnose(
        _ s: [Unicode.Scalar], _ i: Int, _ v: UInt32, _ replacement: String, _ n: Neighbourhood,
        _ paragraph: Range<Int>
    ) -> Diagnostic? {
        let chineseAround = n.isChineseBefore || n.isHanAfter
        let mark = String(Unicode.Scalar(v)!)
        let wide = n.spanWithSpaces(i..<(i + 1))
        func flag(_ r: String = replacement, fix: FixApplicability = .safe, _ alternatives: [String] = []) -> Diagnostic {
            description.diagnostic(wide, "中文中应使用全角\(quoted(r))，不用半角\(quoted(mark))", replacements: [r] + alternatives, fix: fix)
        }
        switch v {
        case 0x2C:  // ,
            if n.isDigitBefore && n.isDigitAfter {
                // 1,234,567 is a thousands separator.
                if isThousandsSeparator(s, i, paragraph) { return nil }
            }
            // 33.9%,35.4%: a list of numbers takes 、 (GB/T 15834 4.5.3).
            if (n.beforeValue == 0x25 || n.isDigitBefore) && n.isDigitAfter && isInChineseSentence(s, paragraph) {
                return description.diagnostic(wide, "并列的数字之间应使用顿号“、”或全角逗号，不用半角“,”", replacements: ["、", "，"], fix: .safe)
            }
            return chineseAround ? flag() : nil
        case 0x3B, 0x3F, 0x21:  // ; ? !
            if v == 0x21 && n.afterValue == 0x3D { return nil }  // != in a formula
            // After a Latin word the mark ends an English phrase.
            return chineseAround && !n.isLatinBefore ? flag() : nil
        case 0x3A:  // :
            if n.isDigitBefore && n.isDigitAfter { return nil }  // 14:30, 1:2
            if n.afterValue == 0x2F { return nil }  // http:
            return n.isHanBefore || (n.isHanAfter && !n.isLatinBefore && !n.isDigitBefore) ? flag() : nil
        case 0x2E:  // .
            // Only a sentence end after Chinese: not a decimal, an ordinal, an ellipsis or an abbreviation.
            guard n.isHanBefore, i + 1 <= paragraph.upperBound else { return nil }
            if i + 1 < paragraph.upperBound && s[i + 1] == "." { return nil }
            if i > paragraph.lowerBound && s[i - 1] == "." { return nil }
            return (n.after == nil || n.isHanAfter || n.afterValue == 0x201D) ? flag() : nil
        case 0x28:  // (
            guard let close = matchingClose(s, i, paragraph) else { return chineseAround ? flag() : nil }
            let inner = (i + 1)..<close
            let hanInside = inner.contains { ScalarClass.isHan(s[$0].value) }
            let after = Neighbourhood(s, close..<(close + 1), in: paragraph)
            if n.isLatinBefore && !hanInside { return nil }  // f(x), Python(3)
            return (n.isChineseBefore || hanInside || after.isHanAfter) && !(n.isLatinBefore && !after.isHanAfter && !hanInside)
                ? flag() : nil
        case 0x29:  // )
            guard let open = matchingOpen(s, i, paragraph) else { return n.isChineseBefore ? flag() : nil }
            if s[open] == "（" { return flag() }  // （…) : the closing bracket must match the opening one
            let inner = (open + 1)..<i
            let hanInside = inner.contains { ScalarClass.isHan(s[$0].value) }
            let before = Neighbourhood(s, open..<(open + 1), in: paragraph)
            if before.isLatinBefore && !hanInside { return nil }
            return (before.isChineseBefore || hanInside || n.isHanAfter) ? flag() : nil
        default:
            return nil
        }
    }

    private func matchingClose(_ s: [Unicode.Scalar], _ i: Int, _ p: Range<Int>) -> Int? {
        var k = i + 1
        while k < p.upperBound {
            if s[k] == ")" || s[k] == "）" { return k }
            if s[k] == "(" || s[k] == "（" { return nil }
            k += 1
        }
        return nil
    }

    private func matchingOpen(_ s: [Unicode.Scalar], _ i: Int, _ p: Range<Int>) -> Int? {
        var k = i - 1
        while k >= p.lowerBound {
            if s[k] == "(" || s[k] == "（" { return k }
            if s[k] == ")" || s[k] == "）" { return nil }
            k -= 1
        }
        return nil
    }

    /// 1,234 or 12,345,678: groups of exactly three digits after the first comma.
    private func isThousandsSeparator(_ s: [Unicode.Scalar], _ i: Int, _ p: Range<Int>) -> Bool {
        var lead = 0
        var k = i - 1
        while k >= p.lowerBound && ScalarClass.isASCIIDigit(s[k].value) { lead += 1; k -= 1 }
        if k >= p.lowerBound && (s[k] == "," || s[k] == ".") { return s[k] == "," }
        guard lead >= 1 && lead <= 3 else { return false }
        var j = i
        while j < p.upperBound && s[j] == "," {
            var group = 0
            j += 1
            while j < p.upperBound && ScalarClass.isASCIIDigit(s[j].value) { group += 1; j += 1 }
            if group != 3 { return false }
        }
        return true
    }

    private func isInChineseSentence(_ s: [Unicode.Scalar], _ p: Range<Int>) -> Bool {
        var han = 0, latin = 0
        for k in p { if ScalarClass.isHan(s[k].value) { han += 1 } else if ScalarClass.isASCIILetter(s[k].value) { latin += 1 } }
        return han > latin
    }
}

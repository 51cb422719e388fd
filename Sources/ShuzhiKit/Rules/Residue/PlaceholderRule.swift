/// Unfilled template placeholders: x/X/*/×/○/□/_ runs where a number or a name belongs (x年, 20**年, x%, XX县,
/// ××同志, ____年), and 某某. Latin words, codes and units (XXL, PM2.5, VOCs, WiFi, 3x3, X光) are left alone.
public struct PlaceholderRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "residue.placeholder",
        severity: .error,
        summary: "模板占位符未填写（x、XX、**、××、○○、____、某某）",
        rationale: "从网上模板改写的报告常留下 x年、20**年、x%、XX县 等占位符，提交前必须换成实际内容。拉丁词、单位和型号（PM2.5、VOCs、XXL、5G、3x3）不算占位符。",
        triggering: [
            "«x»年我主要负责经济开发区工作。",
            "实现规模工业总产值«x»亿元，同比增长«x»%。",
            "本人于«**»年«**»月底经组织安排调任。",
            "规划在«20**»年«*»月获得通过。",
            "«XX»县人民政府副县长",
            "«××»同志在会上讲话。",
            "在«×»县工作期间，全面完成各项任务。",
            "«xxxx»年度述职报告",
            "«某某»同志分管宣传工作。",
            "时间：«____»年«____»月",
            "引进«x»生产线，促进«x»、等企业实施技术改造。",
        ],
        nonTriggering: [
            "PM2.5平均浓度下降10%。",
            "建成VOCs动态吸附系统。",
            "打造专业化的MPV生产基地，实现WiFi全覆盖，建成5G基站120个。",
            "采购XXL号服装200套。",
            "配备X光安检机3台，布设3x3米展位。",
            "推进“1+X”证书制度试点。",
            "二○二三年工作总结",
            "面积120×80米的广场。",
            "深入实施“数据要素×”三年行动，推进“文化×旅游”融合发展。",
            "据统计，某企业违规排污被查处。",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        let contacts = SortedRanges(analysis.webResidue.contacts.map(\.range))
        for p in analysis.document.paragraphs where !p.isBlank {
            var i = p.content.lowerBound
            let end = p.content.upperBound
            while i < end {
                let v = s[i].value
                if v == 0x67D0, i + 1 < end, s[i + 1].value == 0x67D0 {  // 某某
                    var e = i + 2
                    while e < end && s[e].value == 0x67D0 { e += 1 }
                    out.append(description.diagnostic(i..<e, "“\(s.string(i..<e))”是模板占位，请换成实际的名称或姓名", severity: .warning))
                    i = e
                    continue
                }
                guard Self.isPlaceholderScalar(v) else { i += 1; continue }
                var e = i
                while e < end && Self.isPlaceholderScalar(s[e].value) { e += 1 }
                if let range = placeholder(s, i..<e, paragraph: p.content), !contacts.overlaps(range) {
                    out.append(description.diagnostic(range, message(s, range)))
                }
                i = e
            }
        }
        return out
    }

    @inline(__always)
    static func isPlaceholderScalar(_ v: UInt32) -> Bool {
        switch v {
        case 0x78, 0x58, 0xFF58, 0xFF38, 0xD7, 0x2A, 0xFF0A, 0x25CB, 0x3007, 0x25A1, 0x5F, 0xFF3F: return true  // x X ｘ Ｘ × * ＊ ○ 〇 □ _ ＿
        default: return false
        }
    }

    /// Chinese terms that begin with a lone X: the letter is part of the word.
    private static let xTerms = KeywordMatcher(["光", "射线", "线", "轴", "型", "染色体", "战警"])

    /// The span to flag for a run of placeholder characters, or nil when the run is not a placeholder.
    private func placeholder(_ s: [Unicode.Scalar], _ run: Range<Int>, paragraph: Range<Int>) -> Range<Int>? {
        let before: UInt32? = run.lowerBound > paragraph.lowerBound ? s[run.lowerBound - 1].value : nil
        let after: UInt32? = run.upperBound < paragraph.upperBound ? s[run.upperBound].value : nil
        // Nearest non-space neighbours, for 3 x 4.
        let near = Neighbourhood(s, run, in: paragraph)
        let nearBefore = near.beforeValue, nearAfter = near.afterValue
        let isDigit: (UInt32?) -> Bool = { $0.map { ScalarClass.isASCIIDigit($0) || ScalarClass.isFullwidthDigit($0) } ?? false }
        let isLetter: (UInt32?) -> Bool = { $0.map { ScalarClass.isASCIILetter($0) || ScalarClass.isFullwidthLetter($0) } ?? false }
        let kinds = Set(run.map { Self.kind(s[$0].value) })
        let length = run.count

        // Part of a Latin word or code: XXL, Xbox, VOCs, MAX.
        if kinds.contains(.letter) && (isLetter(before) || isLetter(after)) { return nil }
        // Multiplication and dimensions: 3x3, 120 × 80, ×10, 3*4.
        if length == 1 && !kinds.contains(.zero) && !kinds.contains(.box) && !kinds.contains(.underscore) {
            if isDigit(nearAfter) { return nil }
            if isDigit(nearBefore) && (nearAfter == nil || !ScalarClass.isHan(nearAfter!)) && kinds != [.star] { return nil }
        }
        // A campaign named with a multiplication sign: “数据要素×”, “文化×科技” — a quoted name of Han characters
        // that the × follows (a blanked name, ×县 or 在×县, has no quotation mark opened just before it).
        if length == 1 && kinds == [.times], before.map(ScalarClass.isHan) == true {
            var k = run.lowerBound - 1, han = 0
            while k > paragraph.lowerBound && ScalarClass.isHan(s[k].value) && han < 12 { han += 1; k -= 1 }
            if han >= 2, "“「『\"".unicodeScalars.contains(s[k]) { return nil }
        }
        // A letter after an operator is a variable: 1+X 证书, N+X.
        if length == 1 && kinds == [.letter], let b = nearBefore, b == 0x2B || b == 0xFF0B || b == 0x3D || b == 0x2D { return nil }
        // ○ / 〇 as the zero of a Chinese year (二○二三), or a lone circle used as a bullet.
        if kinds.contains(.zero) {
            let isNumeral: (UInt32?) -> Bool = { $0.map { ChineseNumeral.digit($0) != nil } ?? false }
            if isNumeral(before) || isNumeral(after) { return nil }
            if length == 1 && !(before.map(ScalarClass.isHan) ?? false && after.map(ScalarClass.isHan) ?? false) { return nil }
            if kinds == [.zero] && s[run.lowerBound].value == 0x3007 && length == 1 { return nil }
        }
        // A lone box or circle at the start of a line is a bullet or a check box.
        if length == 1 && (kinds == [.box] || kinds == [.star]) && run.lowerBound == paragraph.lowerBound
            && (after == 0x20 || after == 0x3000)
        {
            return nil
        }
        // A single underscore joins words (file_name); blanks to fill are two or more.
        if kinds == [.underscore] && length < 2 { return nil }
        if kinds == [.underscore] && (isLetter(before) || isLetter(after) || isDigit(before) || isDigit(after)) { return nil }
        // X光, X射线, X轴: the letter is part of a term.
        if length == 1 && kinds == [.letter], s[run.lowerBound].value == 0x58 || s[run.lowerBound].value == 0x78,
            Self.xTerms.matches(in: s, run.upperBound..<min(run.upperBound + 3, paragraph.upperBound)).contains(where: {
                $0.range.lowerBound == run.upperBound
            })
        {
            return nil
        }
        // A lone star after a word and before punctuation is a footnote mark (数据*。).
        if kinds == [.star] && length == 1 && (after == nil || ScalarClass.isCJKPunctuation(after!))
            && before.map(ScalarClass.isHan) == true
        {
            return nil
        }
        // 20xx年 / 20**年: take the year's digits with the placeholder.
        var start = run.lowerBound
        if let after, after == 0x5E74 {  // 年
            while start > paragraph.lowerBound && ScalarClass.isASCIIDigit(s[start - 1].value) { start -= 1 }
        }
        return start..<run.upperBound
    }

    private enum Kind: Hashable { case letter, times, star, zero, box, underscore }

    private static func kind(_ v: UInt32) -> Kind {
        switch v {
        case 0x78, 0x58, 0xFF58, 0xFF38: return .letter
        case 0xD7: return .times
        case 0x2A, 0xFF0A: return .star
        case 0x25CB, 0x3007: return .zero
        case 0x25A1: return .box
        default: return .underscore
        }
    }

    private func message(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String {
        let text = s.string(r)
        if r.upperBound < s.count, s[r.upperBound] == "年" { return "年份“\(text)年”是模板占位，请填写实际年份" }
        if r.upperBound < s.count, s[r.upperBound] == "%" || s[r.upperBound] == "％" { return "百分比“\(text)%”是模板占位，请填写实际数值" }
        return "模板占位符“\(text)”未填写，请换成实际内容"
    }
}

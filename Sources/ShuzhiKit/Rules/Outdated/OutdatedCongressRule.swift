/// The spirit of a congress or plenary session cited as the current guide when a newer congress had met before the
/// report's year began (a 2024 report “全面贯彻党的十九大精神”), or one that had not yet met by the report's end.
public struct OutdatedCongressRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "outdated.congress",
        severity: .error,
        summary: "把上一届党代会、全会精神当作当前指导（2024年的报告写“全面贯彻党的十九大精神”）",
        rationale:
            "报告年度开始前已召开新一届全国代表大会的，“贯彻落实……精神”应以新一届为准（十八大 2012-11、十九大 2017-10、二十大 2022-10，时间线见参考文件 political-formulas.md §2）。写明了其他年份的句子是回顾，不报。报告年度结束时尚未召开的会议也报出。报告年度从正文推断，可用 --year 指定。",
        triggering: [
            RuleExample("2024年述职报告\n一年来，我全面贯彻党的«十九大»和«十九届»历次全会精神。"),
            RuleExample("2021年工作总结\n认真学习贯彻党的«二十大»精神。"),
        ],
        nonTriggering: [
            "2024年述职报告\n一年来，我全面贯彻党的二十大和二十届二中、三中全会精神。",
            "2022年述职报告\n一年来，认真学习贯彻党的十九届六中全会精神和党的二十大精神。",
            "2024年述职报告\n2019年，我参加了十九届四中全会精神的专题学习。",
            "工作总结\n全面贯彻党的十九大精神。",
        ]
    )

    static let verbs = ["贯彻", "落实", "学习", "领会", "宣传", "践行", "宣讲", "对标"]

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        guard let context = analysis.reportPeriod else { return [] }
        let s = analysis.scalars
        let events = analysis.knowledge.events
        let congresses = events.filter { $0.plenum == 0 }
        // The congress in office when the report's year began, and the newest meeting held by its end.
        let current = congresses.last { KnowledgeBase.day($0.end) < context.start }
        let latest = events.last { KnowledgeBase.day($0.end) <= context.end }
        var out: [Diagnostic] = []
        for paragraph in analysis.document.paragraphs where !paragraph.isBlank {
            let range = paragraph.content
            var p = range.lowerBound
            while p < range.upperBound {
                // Every mention starts 十 or 二 (十九大, 二十届): tested here, not by a call for every character.
                guard s[p] == "十" || s[p] == "二", let (number, plenum, span) = Self.congressMention(s, p, range) else {
                    p += 1
                    continue
                }
                p = span.upperBound
                let sentence = Clause.sentence(around: span, in: s, within: range)
                guard OutdatedContext.followed(by: ["精神"], span.upperBound, s, sentence, within: 30),
                    OutdatedContext.preceded(by: Self.verbs, span.lowerBound, s, sentence, within: 20),
                    !OutdatedContext.isDated(span, s, sentence, reportYear: context.year)
                else { continue }
                let written = s.string(span)
                if let current, number < current.congress {
                    let now =
                        "党的\(current.name)" + (latest.map { $0.congress == current.congress && $0.plenum > 0 ? "和\($0.name)" : "" } ?? "")
                    out.append(
                        description.diagnostic(
                            span, "\(context.described)，其时“\(written)”已不是当前：\(current.name)已于\(current.end)闭幕，应写\(now)精神"))
                } else if let meeting = events.first(where: { $0.congress == number && $0.plenum == (plenum ?? 0) }),
                    KnowledgeBase.day(meeting.start) > context.end
                {
                    out.append(
                        description.diagnostic(
                            span, "\(context.described)，其时\(meeting.name)尚未召开（\(meeting.start)）：请核对年份或提法",
                            severity: .warning))
                }
            }
        }
        return out
    }

    /// 十九大 / 十九届 at p: the congress number, the plenary session's number when one is named (十九届五中全会), and
    /// the span of the congress ordinal.
    static func congressMention(_ s: [Unicode.Scalar], _ p: Int, _ range: Range<Int>) -> (Int, Int?, Range<Int>)? {
        guard s[p] == "十" || s[p] == "二", p == range.lowerBound || !ChineseNumeral.isNumeralCharacter(s[p - 1].value) else { return nil }
        var e = p
        while e < range.upperBound && e - p < 3 && ChineseNumeral.isNumeralCharacter(s[e].value) { e += 1 }
        guard e < range.upperBound, s[e] == "大" || s[e] == "届", let n = ChineseNumeral.value(s, p..<e), (12...30).contains(n) else {
            return nil
        }
        if s[e] == "届" {
            // The party's central committee only: 十九届五中全会, 十九届历次全会, 十九届中央 — not 十三届全国人大.
            let next = s.string(e + 1..<min(range.upperBound, e + 4))
            let plenary =
                next.count >= 3 && ChineseNumeral.isNumeralCharacter(next.unicodeScalars.first!.value) && next.dropFirst().hasPrefix("中全")
            guard plenary || next.hasPrefix("中央") || next.hasPrefix("历次") else { return nil }
            if plenary { return (n, ChineseNumeral.digit(next.unicodeScalars.first!.value), p..<e + 1) }
        }
        return (n, nil, p..<e + 1)
    }
}

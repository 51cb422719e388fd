/// Wording replaced on a known date, used in a report of a later year: 三个自信 (四个自信 since 2016-07-01),
/// 以习近平同志为总书记的党中央 (…为核心的… since 2016-10-27), the 2014 members of 四个全面 (since 2020-10-29), and
/// 全面建成小康社会 as a goal still ahead (achieved 2021-07-01). The changes are the knowledge base's `changes`.
public struct OutdatedWordingRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "outdated.wording",
        severity: .error,
        summary: "已更替的提法（三个自信、以习近平同志为总书记的党中央、把全面建成小康社会当作未完成目标）",
        rationale:
            "提法更替以公开的日期为准（参考文件 political-formulas.md §2b，每条附来源）：报告年度在更替之后仍用旧提法的报出，给出现行提法。引用更替前原文的（同句提到十八大，或写明更早的年份）不报；“全面建成小康社会”只在作为尚待实现的目标（决胜、确保、为……而奋斗）时报出。",
        fix: .unsafe,
        triggering: [
            RuleExample("2018年述职报告\n坚定«三个自信»。", fixed: "2018年述职报告\n坚定四个自信。"),
            RuleExample("2017年述职报告\n紧密团结在«以习近平同志为总书记的党中央»周围。", fixed: "2017年述职报告\n紧密团结在以习近平同志为核心的党中央周围。"),
            RuleExample("2022年述职报告\n为«全面建成小康社会»而努力奋斗。"),
            RuleExample("2023年述职报告\n协调推进«全面建成小康社会、全面深化改革、全面依法治国、全面从严治党»。", fixed: "2023年述职报告\n协调推进全面建设社会主义现代化国家、全面深化改革、全面依法治国、全面从严治党。"),
        ],
        nonTriggering: [
            "2015年述职报告\n坚定三个自信，紧密团结在以习近平同志为总书记的党中央周围。",
            "2019年述职报告\n决胜全面建成小康社会。",
            "2022年述职报告\n全面建成小康社会的目标如期实现。",
            "2022年述职报告\n巩固全面建成小康社会成果。",
            "2023年述职报告\n为如期全面建成小康社会、实现第一个百年奋斗目标作出了重要贡献。",
            "2023年述职报告\n党的十八大提出的三个自信。",
        ]
    )

    /// Words just before 全面建成小康社会 that make it a goal still ahead.
    static let goalMarkers = ["决胜", "确保", "如期", "奋力", "冲刺", "助力", "为", "向", "夺取", "早日", "实现"]
    /// Words just after it that make it achieved.
    static let achievedMarkers = ["目标如期实现", "目标胜利实现", "的伟大胜利", "取得", "历史性", "已经", "成果"]

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        guard let context = analysis.reportPeriod else { return [] }
        let s = analysis.scalars
        let knowledge = analysis.knowledge
        var out: [Diagnostic] = []
        let active = knowledge.changes.filter { KnowledgeBase.day($0.date) <= context.end }
        guard !active.isEmpty else { return [] }
        for paragraph in analysis.document.paragraphs where !paragraph.isBlank {
            let range = paragraph.content
            for change in active {
                let severity = knowledge.severity(change.status, .error)
                if change.asFormula != nil {
                    for span in Self.oldList(change, s, range) {
                        let written = s.string(span)
                        out.append(
                            description.diagnostic(
                                span, "\(change.date)起“\(change.asFormula!)”的表述为：\(change.new)" + change.citation,
                                replacements: written == change.old ? [change.new] : [],
                                fix: written == change.old ? .unsafe : nil, severity: severity))
                    }
                    continue
                }
                let old = Array(change.old.unicodeScalars)
                for i in Clause.occurrences(old, s, range) {
                    let span = i..<i + old.count
                    let sentence = Clause.sentence(around: span, in: s, within: range)
                    if OutdatedContext.isDated(span, s, sentence, reportYear: context.year) { continue }
                    if let unless = change.unlessNear,
                        unless.contains(where: { Clause.contains(Array($0.unicodeScalars), in: s, sentence) })
                    {
                        continue
                    }
                    if change.asGoal == true {
                        let before = s.string(max(sentence.lowerBound, i - 3)..<i)
                        // 了 in the rest of its clause: the goal is spoken of as reached (为如期全面建成小康社会、实现第一个
                        // 百年奋斗目标作出了重要贡献).
                        var clauseEnd = span.upperBound
                        while clauseEnd < sentence.upperBound && !"，；。！？".unicodeScalars.contains(s[clauseEnd]) { clauseEnd += 1 }
                        guard Self.goalMarkers.contains(where: { before.hasSuffix($0) }),
                            !before.hasSuffix("实现了") && !s[span.upperBound..<clauseEnd].contains("了"),
                            !OutdatedContext.followed(by: Self.achievedMarkers, span.upperBound, s, sentence, within: 8)
                        else { continue }
                        out.append(
                            description.diagnostic(
                                span, "\(change.date)已宣告全面建成小康社会，不宜再作为待实现的目标；现行提法为“\(change.new)”。\(context.described)" + change.citation,
                                severity: severity))
                    } else {
                        out.append(
                            description.diagnostic(
                                span, "\(change.date)起提法改为“\(change.new)”。\(context.described)" + change.citation,
                                replacements: [change.new], fix: .unsafe,
                                severity: severity))
                    }
                }
            }
        }
        return out
    }

    /// The old member list written as a list: its first (changed) member followed, within the clause, by at least two
    /// of the others.
    static func oldList(_ change: KnowledgeBase.Change, _ s: [Unicode.Scalar], _ range: Range<Int>) -> [Range<Int>] {
        let members = change.old.split(separator: "、").map { Array($0.unicodeScalars) }
        guard let first = members.first, members.count >= 3 else { return [] }
        var out: [Range<Int>] = []
        for i in Clause.occurrences(first, s, range) {
            var end = i + first.count
            var found = 0
            var p = end
            while p < range.upperBound, s[p] == "、" || s[p] == "，" || s[p] == "和" {
                guard let next = members.dropFirst().first(where: { s.matches($0, at: p + 1) }) else { break }
                p += 1 + next.count
                end = p
                found += 1
            }
            if found >= 2 { out.append(i..<end) }
        }
        return out
    }
}

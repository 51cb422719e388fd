/// A party education campaign described as under way in a year it did not run: a 2023 report “扎实开展‘不忘初心、
/// 牢记使命’主题教育” (that was 2019; 2023's was the 学习贯彻习近平新时代中国特色社会主义思想主题教育).
public struct OutdatedCampaignRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "outdated.campaign",
        severity: .warning,
        summary: "集中教育与报告年度不符（2023年写“开展不忘初心、牢记使命主题教育”）",
        rationale:
            "党内集中教育按年份开展（参考文件 political-formulas.md §1b：2019 不忘初心、牢记使命主题教育，2021 党史学习教育，2023 学习贯彻习近平新时代中国特色社会主义思想主题教育，2024 党纪学习教育，2025 深入贯彻中央八项规定精神学习教育，2026 树立和践行正确政绩观学习教育）。写作正在开展而报告年度不在其时间内的报出；写明年份的回顾、“巩固……成果”“常态化”不报。",
        triggering: [
            RuleExample("2023年述职报告\n扎实开展«“不忘初心、牢记使命”主题教育»。"),
            RuleExample("2018年述职报告\n深入开展«党史学习教育»。"),
            // Reviewing 2024 does not make 2021 current.
            RuleExample("2025年政府工作报告\n一、2024年工作回顾\n深入开展«党史学习教育»。"),
        ],
        nonTriggering: [
            "2019年述职报告\n扎实开展“不忘初心、牢记使命”主题教育。",
            "2024年述职报告\n扎实开展党纪学习教育。",
            "2023年述职报告\n巩固拓展党史学习教育成果。",
            "2018年述职报告\n推进“两学一做”学习教育常态化制度化。",
            // A 2025 government work report reviews 2024 under a heading of its own.
            "2025年政府工作报告\n一、2024年工作回顾\n扎实开展党纪学习教育。\n二、2025年工作安排\n深化拓展改革。",
        ]
    )

    static let under = ["开展", "启动", "部署", "参加", "参与", "推进", "抓好", "组织", "投身", "扎实"]

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        guard let context = analysis.reportPeriod else { return [] }
        let s = analysis.scalars
        let campaigns = analysis.knowledge.campaigns
        let running = campaigns.filter { KnowledgeBase.day($0.start) <= context.end && KnowledgeBase.day($0.end) >= context.start }
        // A campaign may be announced up to two years before it starts (a plan for next year); after it ends it is history
        // unless the report says it is still under way.
        let stale = campaigns.filter { KnowledgeBase.day($0.end) < context.start || KnowledgeBase.day($0.start) - 20_000 > context.end }
        // The full name first; an alias inside it (群众路线… in 党的群众路线…) is the same mention.
        let names = stale.map { campaign in ([campaign.name] + (campaign.aliases ?? [])).map { Array($0.unicodeScalars) } }
        var out: [Diagnostic] = []
        for paragraph in analysis.document.paragraphs where !paragraph.isBlank {
            let range = paragraph.content
            guard analysis.knowledge.index.campaignNames.containsMatch(in: s, range) else { continue }
            for (campaign, names) in zip(stale, names) {
                var taken: [Range<Int>] = []
                for w in names {
                    for i in Clause.occurrences(w, s, range) {
                        let span = i..<i + w.count
                        guard !taken.contains(where: { $0.overlaps(span) }) else { continue }
                        taken.append(span)
                        let sentence = Clause.sentence(around: span, in: s, within: range)
                        guard OutdatedContext.preceded(by: Self.under, i, s, sentence, within: 6),
                            !OutdatedContext.preceded(by: ["常态化", "经常性"], i, s, sentence, within: 8),
                            !OutdatedContext.isDated(span, s, sentence, reportYear: context.year),
                            !OutdatedContext.followed(
                                by: ["成果", "常态化", campaign.continues ?? "常态化"], span.upperBound, s, sentence, within: 6)
                        else { continue }
                        let now = running.isEmpty ? "" : "；\(context.year)年开展的是\(running.map(\.name).joined(separator: "、"))"
                        out.append(
                            description.diagnostic(
                                span, "\(campaign.name)开展于\(campaign.start)至\(campaign.end)，\(context.described)\(now)" + campaign.citation,
                                severity: analysis.knowledge.severity(campaign.status, .warning)))
                    }
                }
            }
        }
        return out
    }
}

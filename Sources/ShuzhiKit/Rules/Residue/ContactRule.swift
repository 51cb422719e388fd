/// Contact details that do not belong in a duty report: QQ and WeChat ids, phone numbers, e-mail addresses, URLs.
/// Those inside advert residue are reported with it, not again here (a QQ or WeChat id always makes its sentence
/// advert residue).
public struct ContactRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "residue.contact",
        severity: .warning,
        summary: "报告中出现联系方式（电话、邮箱、网址），多为模板网站残留",
        rationale: "述职报告不写联系方式；出现 QQ 号、微信号、手机号、邮箱或网址，通常是复制模板时带入的，需核实后删除。",
        triggering: [
            "群众反映问题可拨打«0571-87654321»，全年受理来电1200余件。",
            "联系电话«13812345678»，欢迎来电。",
            "投稿邮箱«gongwen@example.com»",
            "详见«http://www.example.com/a/123.html»",
            "办公室电话«0571-88881234»",
        ],
        nonTriggering: [
            "开通12345政务服务热线，受理群众诉求2.3万件。",
            "全年完成固定资产投资13812345678元。",
            "PM2.5平均浓度为32微克/立方米。",
            "同比增长6.7%，总量达74.4万亿元。",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        let residue = analysis.webResidue
        return residue.contacts.compactMap { c in
            guard !residue.covers(c.range) else { return nil }
            let isGovernment = c.kind == .url && s.string(c.range).lowercased().contains(".gov.cn")
            return description.diagnostic(
                c.range, "报告中出现\(c.kind.chinese)“\(s.string(c.range))”，多为模板网站残留，请核实后删除",
                severity: isGovernment ? .info : nil)
        }
    }
}

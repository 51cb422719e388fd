/// Residue of the web page the template came from: ads, membership offers, copyright and "study only" notices,
/// "collected by … contact …" lines, QR-code and 公众号 prompts, page chrome. Found by `WebResidue`; whole blocks and
/// sentences are removed by the safe fix.
public struct AdvertRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "residue.advert",
        severity: .error,
        summary: "模板网站残留：广告、会员/下载提示、版权与“仅供学习”声明、公众号/二维码提示、网页按钮与来源行",
        rationale: "从范文网站复制的报告常带着网页上的广告、版权声明、关注公众号提示、“打印/字号/来源/浏览次数”等网页元素。按其性质（面向网页读者的提示、版权声明、网页栏目标签、联系方式）成块识别，修复时整块删除。",
        fix: .safe,
        triggering: [
            RuleExample(
                "«首页 > 范文大全 > 述职报告»\n2023年度述职报告\n«发布时间：2023-12-05 10:21  浏览次数：1024\n打印 | 收藏 | 字号：大 中 小»\n一年来，我认真履行职责。",
                fixed: "2023年度述职报告\n一年来，我认真履行职责。"),
            RuleExample(
                "一年来，我认真履行职责，圆满完成各项任务。\n«本文由网友收集整理，仅供学习参考，如有侵权请联系删除。\n更多精品范文请关注微信公众号：公文写作助手»",
                fixed: "一年来，我认真履行职责，圆满完成各项任务。"),
            RuleExample(
                "«本文由网友收集整理，仅供学习参考，如有侵权请联系删除。»\n全年完成投资12亿元，群众可拨打0571-88881234反映问题，办结率98.7%。",
                fixed: "全年完成投资12亿元，群众可拨打0571-88881234反映问题，办结率98.7%。"),
            RuleExample(
                "严格落实中央八项规定精神。«（更多范文请访问www.example-fanwen.com，QQ：12345678）»",
                fixed: "严格落实中央八项规定精神。"),
            "«扫码关注公众号，回复“述职”免费领取全套模板»\n一、加强学习",
            "«2023年个人述职报告范文（通用6篇）»\n一年来，我认真履行职责，圆满完成了各项工作任务。\n«【篇二】»\n全年完成投资12亿元，同比增长8.5%。",
            "全年参加集中学习24次。\n«第 1 页 共 5 页»\n全年完成投资12亿元。",
            "全年完成投资12亿元。\n«最新精品文档，知识共享，欢迎下载，供参考！\n感谢您的阅读，祝您生活愉快。»",
        ],
        nonTriggering: [
            "开通政务服务公众号，全年发布信息1200条，关注人数突破10万人，推行扫码办事。",
            "本站全年发送旅客12万人次，安全生产无事故。",
            "打印机、复印机等办公设备统一采购。",
            "来源于群众、服务于群众，把群众满意作为工作标准。",
            "深入推进网格化管理，本网格内共排查隐患23处。",
            "他人未经许可申请注册与该字号相同的商标，容易导致混淆。",
            "作品刊登后，除著作权人声明不得转载、摘编的外，其他报刊可以转载。",
            "工作机构应当收集整理各方面提出的意见以及其他有关资料。",
            "网络数据，是指通过网络收集、存储、传输、处理和产生的各种电子数据。",
            "会员加入、退出著作权集体管理组织的条件、程序；",
            "受理信访举报120件。\n关闭淘汰落后产能企业12家。",
            "群众可拨打0571-88881234反映问题，全年办结率98.7%。",
            "第一篇章：奋进新时代\n完成投资1/3。",
            "全体党员干部要认真学习，形成“比学赶超”的浓厚氛围。",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let residue = analysis.webResidue
        var out: [Diagnostic] = []
        for block in residue.blocks {
            out.append(
                description.diagnostic(
                    block.range, "疑似模板网站残留（\(block.evidence.prefix(4).joined(separator: "、"))），应整段删除",
                    replacements: [""], edits: Fix(.safe, [TextEdit(block.removal, "")])))
        }
        for item in residue.inline {
            out.append(
                description.diagnostic(
                    item.range, "疑似模板网站残留（\(item.evidence.prefix(4).joined(separator: "、"))），应删除",
                    replacements: [""], fix: .safe))
        }
        return out
    }
}

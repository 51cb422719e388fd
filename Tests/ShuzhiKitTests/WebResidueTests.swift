import Testing
@testable import ShuzhiKit

/// Template-site residue recognised as whole blocks by its nature and position (issue 21). The pages here are
/// written for the tests in the manner of document-sharing sites; none is a sentence of a real site.
@Suite struct WebResidueTests {
    let body = """
        2024年度个人述职报告
        各位领导、同志们：
        2024年，在局党组的坚强领导下，我认真履行岗位职责，较好完成了各项工作任务。现将有关情况报告如下。
        一、加强理论学习
        全年参加中心组学习12次，撰写调研报告3篇，学习成效较为明显。
        二、履职尽责情况
        推进重点项目建设，完成投资5.2亿元，同比增长8%，项目开工率达到95%。
        述职人：李四
        2025年1月10日
        """

    func analysed(_ text: String) -> (Analysis, Document) {
        let d = Document(text: text)
        return (Checker().analyse(d), d)
    }

    func blockLines(_ a: Analysis, _ d: Document) -> [String] {
        a.webResidue.blocks.flatMap { b in b.paragraphs.map { d.string(d.paragraphs[$0].content) } }
    }

    @Test func aSitesHeadBlockGoesWholeAndTheTitleIsTheReports() {
        let head = """
            欢迎访问笔杆文库 | 登录 | 注册 | 帮助中心
            笔杆文库
            精品分类
            述职报告2024.docx
            上传者:w***8 文档编号:902211 格式:DOCX 页数:6 大小:28.3KB
            下载 收藏 举报
            """
        let (a, d) = analysed(head + "\n" + body)
        #expect(blockLines(a, d) == head.split(separator: "\n").map(String.init))
        #expect(a.outline.title.map(d.string) == "2024年度个人述职报告")
        // The report's own lines are never residue, and no other rule speaks of the chrome.
        #expect(!a.webResidue.covers(d.paragraphs[7].content))
        let findings = Checker().check(a)
        #expect(findings.allSatisfy { $0.family == "residue" || $0.range.lowerBound >= d.paragraphs[6].range.upperBound })
    }

    @Test func fixRemovesTheBlocksAndLeavesTheReport() {
        let text =
            "本资料由范文站会员上传，仅部分预览，付费后可下载全文。\n共 3 页 · 约2100字 · 1024次浏览\n" + body
            + "\n本文标题:2024年度个人述职报告.docx\n链接地址:https://fanwen.example.com/doc/1188.html"
        let fixed = Fixer.fixAll(Document(text: text), checker: Checker(), includeUnsafe: false).document
        let out = fixed.string(0..<fixed.scalars.count)
        #expect(out.hasPrefix("2024年度个人述职报告\n"))
        #expect(out.hasSuffix("2025年1月10日"))
        #expect(!out.contains("本资料") && !out.contains("链接地址"))
    }

    /// `shuzhi eval residue` judges each marked line, then what `fix` left of it.
    @Test func theEvaluationCountsLinesAndWhatFixLeaves() {
        let marked = "§本资料由范文站会员上传，仅部分预览，付费后可下载全文。\n¶" + body + "\n§链接地址:https://fanwen.example.com/doc/1188.html"
        let result = ResidueEvaluation.evaluate(marked)
        #expect(result.residueLines == 2 && result.residueFound == 2 && result.falseAlarms == 0 && result.titleRight)
        #expect(result.residueLeftByFix.isEmpty && result.reportLostByFix.isEmpty)
        // A residue line nobody recognises stays after fix, and is counted so.
        let missed = ResidueEvaluation.evaluate("§本节完\n¶" + body)
        #expect(missed.residueLeftByFix == ["本节完"])
    }

    @Test func convertedScriptAndItsPinyinAreAMirrorsResidue() {
        // A mirror site's traditional-script conversion, with pinyin left behind by the converter.
        let head = "導(dǎo)讀:本文由網(wǎng)友整理上傳,僅供參考學習。\n熱門標簽 | 個人總結 | 述職報告"
        let (a, d) = analysed(head + "\n" + body)
        #expect(blockLines(a, d).count == 2)
        #expect(a.outline.title.map(d.string) == "2024年度个人述职报告")
        // A report written wholly in traditional script is not a mirror.
        let (t, _) = analysed("二〇二四年度個人述職報告\n各位領導、同志們：\n本人認真履行職責，較好完成了各項工作任務。")
        #expect(t.webResidue.blocks.isEmpty)
    }

    @Test func bundleMarkersJammersAndPageTitlesAreResidue() {
        let jammed = body.replacingOccurrences(of: "学习成效较为明显。", with: "学习成效较为明显。 k( p3 {! |9 Q] @x")
        let (a, d) = analysed("个人述职报告范文篇三\n" + jammed + "\n个人述职报告_第2页")
        let lines = blockLines(a, d)
        #expect(lines.contains("个人述职报告范文篇三"))
        #expect(lines.contains("个人述职报告_第2页"))
        #expect(a.webResidue.inline.contains { d.string($0.range).contains("{!") })
    }

    @Test func aReportsOwnCoverSalutationAndClosingStay() {
        let text = """
            中共某某县委组织部
            2024年度
            个人述职述廉报告
            ——在县委组织部2024年度述职评议会上
            各位领导：
            本人2024年主要负责干部监督工作，现报告如下：
            一、学习情况
            全年参加集中学习24次，按时完成网络学院学习任务，学习积分排名全县前列。
            联系电话：0000-0000000
            县委组织部干部监督科
            2025年1月8日
            """
        let (a, d) = analysed(text)
        #expect(a.webResidue.blocks.isEmpty)
        #expect(a.webResidue.inline.isEmpty)
        _ = d
    }
}

import Testing
@testable import ShuzhiKit

@Suite struct OutlineTests {
    func outline(_ text: String) -> (Outline, Document) {
        let d = Document(text: text)
        return (Outline(d), d)
    }

    @Test func buildsTheTreeWithSkippedLevels() {
        let (o, d) = outline(
            """
            2023年度述职报告
            县发展改革局局长 张三
            各位领导：
            一、加强学习
            （一）深化理论学习
            1.读原著
            2.悟原理
            （二）强化业务学习
            二、履职尽责
            1.抓招商
            （1）引进项目
            """)
        #expect(o.title.map(d.string) == "2023年度述职报告")
        #expect(o.titleBlock == 0..<2)
        let top = o.root.children.map { o.nodes[$0] }
        #expect(top.map { d.string($0.titleRange) } == ["加强学习", "履职尽责"])
        let first = top[0].children.map { o.nodes[$0] }
        #expect(first.map { $0.marker?.style } == [.chineseBracketed, .chineseBracketed])
        #expect(first[0].children.map { o.nodes[$0].marker?.number } == [1, 2])
        // 一、 → 1. skips a level; （1） goes under 1.
        let second = top[1].children.map { o.nodes[$0] }
        #expect(second.map { $0.marker?.style } == [.arabic])
        #expect(o.nodes[second[0].children[0]].marker?.style == .arabicBracketed)
    }

    @Test func runInHeadingsAndSeries() {
        let (o, d) = outline("（一）围绕服务发展大局，园区发展更具活力。全年新增企业8家。一是疫情防控有力。二是招商成效显著，新签约项目12个；三是项目建设有力。\n统一是前提，第一书记驻村。")
        let node = o.nodes[o.root.children[0]]
        #expect(node.isRunIn)
        #expect(d.string(node.titleRange) == "围绕服务发展大局，园区发展更具活力")
        #expect(node.series.map { d.string($0.range) } == ["一是", "二是", "三是"])
        #expect(node.series.map { d.string($0.textRange) } == ["疫情防控有力", "招商成效显著，新签约项目12个", "项目建设有力"])
    }

    @Test func ordinalSeriesAndFirstlySecondly() {
        let (o, d) = outline("我们要做到：第一，加强学习；第二，改进作风。首先，统一思想；其次，狠抓落实；最后，严守纪律。")
        #expect(o.root.series.map { d.string($0.range) } == ["第一，", "第二，", "首先，", "其次，", "最后，"])
        #expect(o.root.series.map(\.style) == [.diYi, .diYi, .shouXian, .shouXian, .shouXian])
    }

    @Test func whatIsNotAHeading() {
        for text in ["1.5亿元的投资已到位。\n其他", "1、2月份完成投资。\n其他", "一、二季度实现增长。\n其他", "2023年，我们完成了任务。\n其他"] {
            let (o, _) = outline(text)
            #expect(o.root.children.isEmpty, "\(text)")
        }
        let (o, d) = outline("二、2017年工作总体部署\n三、2017年重点工作")
        #expect(o.root.children.map { d.string(o.nodes[$0].titleRange) } == ["2017年工作总体部署", "2017年重点工作"])
        // A whole count or a year right after the point: the number is the item's, the rest its text.
        let (items, _) = outline("7.“两新”：大规模设备更新。\n8.6个重大科技基础设施加快建设。\n9.线上科创平台上线。\n14.2025年10件民生实事全部完成。")
        #expect(items.root.children.compactMap { items.nodes[$0].marker?.number } == [7, 8, 9, 14])
        let (decimal, _) = outline("3.5%的增长来之不易。\n其他")
        #expect(decimal.root.children.isEmpty)
    }

    @Test func nonStandardMarkersAreStillHeadings() {
        let (o, d) = outline("（一）、存在不足\n(二)下步打算\n3．严守底线\n4）加强监督\n一．坚持学习")
        let markers = o.headings.map { d.string($0.marker!.range) }
        #expect(markers == ["（一）、", "(二)", "3．", "4）", "一．"])
        #expect(o.headings.map { $0.marker!.canonical } == ["（一）", "（二）", "3.", "（4）", "一、"])
    }

    @Test func noTitleWhenTheFirstLineIsASentence() {
        let (o, _) = outline("根据县政府领导班子分工，我主要负责开发区工作。现报告如下：\n一、强化理论武装")
        #expect(o.title == nil)
    }

    @Test func wordStyledHeadings() throws {
        let doc = try Fixture.document("basic.docx")
        let o = Outline(doc)
        #expect(o.headings.first?.styleLevel == 1)
        #expect(o.headings.first.map { doc.string($0.titleRange) } == "加强学习")
    }
}

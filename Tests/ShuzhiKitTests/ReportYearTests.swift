import Testing
@testable import ShuzhiKit

/// The year a report speaks for, from each kind of evidence, and --year over all of them.
@Suite struct ReportYearTests {
    static func year(_ text: String, override: Int? = nil) -> ReportYear {
        Analysis(Document(text: text), year: override).reportYear
    }

    @Test func titleDecides() {
        let y = Self.year("2020年述职报告\n一年来，我在2019年底接手工作。")
        #expect(y.year == 2020 && y.basis == .title)
        #expect(Self.year("二〇二一年度述职报告\n一年来工作如下。").year == 2021)
    }

    @Test func placeholderTitleMeansUnknown() {
        let y = Self.year("20XX年述职报告\n2021年9月完成规划。")
        #expect(y.year == nil && y.basis == .placeholder)
        #expect(Self.year("述职报告\nx年我主要负责开发区工作。").basis == .placeholder)
    }

    @Test func anniversaryAndPlanMilestones() {
        #expect(Self.year("述职报告\n今年是建党100周年，一年来……").year == 2021)
        #expect(Self.year("述职报告\n今年是新中国成立七十周年。").year == 2019)
        let plan = Self.year("述职报告\n紧紧围绕“十三五”收官之年目标任务，圆满完成工作。")
        #expect(plan.year == 2020 && plan.basis == .planYear)
    }

    @Test func latestYearWrittenAbout() {
        let y = Self.year("述职报告\n2020年我分管招商。2021年以来，新签约项目12个，2021年9月24日规划获批，比2019年增长12%。")
        #expect(y.year == 2021 && y.basis == .latestYear)
        // A target year and a comparison year do not count; nor does a span's end.
        #expect(Self.year("述职报告\n2021年以来，2021年新增企业3家，到2035年基本实现现代化，比2010年翻番，编制2021—2035年规划。").year == 2021)
    }

    @Test func aPlanForNextYearMeansThisYear() {
        let y = Self.year("述职报告\n一年来，我认真履职。\n2022年，我将继续加强学习。")
        #expect(y.year == 2021 && y.basis == .nextYearPlan)
    }

    @Test func unknownWithoutEvidence() {
        let y = Self.year("述职报告\n一年来，我认真履职，今年完成了各项任务。")
        #expect(y.year == nil && y.basis == .unknown)
    }

    @Test func optionOverridesEverything() {
        let y = Self.year("2020年述职报告\n今年是建党100周年。", override: 2023)
        #expect(y.year == 2023 && y.basis == .option)
    }

    @Test func datelineGivesTheDate() {
        let y = Self.year("政府工作报告\n——2017年3月5日在第十二届全国人民代表大会第五次会议上\n2016年工作回顾。2016年经济平稳。")
        #expect(y.date == 20170305)
        // Written in March 2017, before the 十九大 changed the goal's wording: not outdated.
        let text = "政府工作报告\n——2017年3月5日在第十二届全国人民代表大会第五次会议上\n我们要建成富强民主文明和谐的社会主义现代化国家。2017年经济平稳，2017年开局良好。"
        #expect(OutdatedWordingRule().check(Analysis(Document(text: text))).isEmpty)
        #expect(!OutdatedWordingRule().check(Analysis(Document(text: text), year: 2018)).isEmpty)
    }

    @Test func aLongDatelineUnderTheTitleCountsOnlyWhenTheDateOpensIt() {
        let long = Self.year("2024年度述职报告\n----2025年1月15日在县委常委会扩大会议上\n一年来，工作如下。")
        #expect(long.date == 20250115)
        // A date inside the first sentence is something the report speaks of, not when it was given.
        let inside = Self.year("2024年度述职报告\n本人于2019年3月1日到任以来，主要负责全县招商引资工作，现将一年来情况报告如下。")
        #expect(inside.date == nil)
    }

    @Test func aHeadlineWithAFigureIsNotATitle() {
        let y = Self.year("2021年中国创新指数同比增长8.0%\n国家统计局10月28日发布数据。2022年10月，党的二十大在北京召开。")
        #expect(y.basis != .title && y.year == 2022)
        #expect(Self.year("2024年1月工作总结\n本月工作如下。").basis == .title)
    }
}

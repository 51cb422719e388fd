import Testing
@testable import ShuzhiKit

/// The results table: indicator, value, unit and change from the patterns reports use; placeholders as missing values.
@Suite struct StatedResultsTests {
    static func results(_ text: String) -> [StatedResult] { StatedResults.extract(Analysis(Document(text: text))) }

    @Test func valuesUnitsAndChanges() {
        let found = Self.results("全年实现规模工业总产值45.6亿元，同比增长12.3%；新签约工业项目15个，协议总投资x亿元。盘活土地372亩，利用闲置厂房23万平方米。")
        let rows = found.map { "\($0.indicator)|\($0.valueText)|\($0.unit)|\($0.change ?? "")" }
        #expect(rows == ["规模工业总产值|45.6|亿元|同比增长12.3%", "新签约工业项目|15|个|", "协议总投资|x|亿元|",
                         "盘活土地|372|亩|", "利用闲置厂房|23|万平方米|"])
        #expect(found[0].value == 45.6 && found[0].period == "全年")
        #expect(found[2].isMissing && found[2].value == nil)
    }

    @Test func datesCodesAndSizeClassesAreNotResults() {
        let found = Self.results("2021年9月24日印发实施，其中5亿元以上项目3个，工期3个月。")
        #expect(found.map(\.indicator) == ["5亿元以上项目"])
        #expect(found.first?.valueText == "3")
    }

    @Test func substanceCountsFactualSentences() {
        let text = "全年新增企业12家。我们坚持高标准严要求，不断提高工作水平。始终牢记宗旨意识，切实增强责任担当。进一步解放思想，开拓创新，真抓实干，努力开创工作新局面。"
        let analysis = Analysis(Document(text: text))
        let substance = Substance(analysis, results: StatedResults.extract(analysis))
        #expect(substance.sentences == 4 && substance.factual == 1)
        #expect(substance.mostFormulaic.count == 1)
    }
}

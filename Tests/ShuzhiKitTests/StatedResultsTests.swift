import Testing
@testable import ShuzhiKit

/// The results table: indicator, value, unit and change from the patterns reports use; placeholders as missing values.
@Suite struct StatedResultsTests {
    static func results(_ text: String) -> [StatedResult] { StatedResults.extract(Analysis(Document(text: text))) }

    @Test func valuesUnitsAndChanges() {
        let found = Self.results("全年实现规模工业总产值45.6亿元，同比增长12.3%；新签约工业项目15个，协议总投资x亿元。盘活土地372亩，利用闲置厂房23万平方米。")
        let rows = found.map { "\($0.indicator)|\($0.valueText)|\($0.unit)|\($0.change ?? "")" }
        #expect(
            rows == [
                "规模工业总产值|45.6|亿元|同比增长12.3%", "新签约工业项目|15|个|", "协议总投资|x|亿元|",
                "盘活土地|372|亩|", "利用闲置厂房|23|万平方米|",
            ])
        #expect(found[0].value == 45.6 && found[0].period == "全年")
        #expect(found[2].isMissing && found[2].value == nil)
    }

    @Test func datesCodesAndSizeClassesAreNotResults() {
        let found = Self.results("2021年9月24日印发实施，其中5亿元以上项目3个，工期3个月。")
        #expect(found.map(\.indicator) == ["5亿元以上项目"])
        #expect(found.first?.valueText == "3")
    }

    static func rows(_ text: String) -> [String] {
        results(text).map { "\($0.indicator)|\($0.valueText)|\($0.unit)|\($0.change ?? "")" }
    }

    @Test func magnitudesAreOneUnitWithTheMeasure() {
        #expect(
            Self.rows("国内生产总值达到33.5万亿元，比上年增长8.7%；推广节能空调500多万台，居民储蓄存款新增4万多亿元。")
                == ["国内生产总值|33.5|万亿元|增长8.7%", "推广节能空调|500|万台|", "居民储蓄存款新增|4|万亿元|"])
    }

    @Test func aListOfNumbersSplitsOrSharesItsSubject() {
        // Two parts, two numbers: one each. One subject, two numbers: both. No subject: the results before, in order.
        #expect(
            Self.rows("化学需氧量、二氧化硫排放量分别下降9.66%和13.14%。")
                == ["化学需氧量|||下降9.66%", "二氧化硫排放量|||下降13.14%"])
        #expect(Self.rows("城乡低保标准分别提高13.1%和17.7%。") == ["城乡低保标准|||提高13.1%", "城乡低保标准|||提高17.7%"])
        #expect(
            Self.rows("城镇居民人均可支配收入17175元，农村居民人均纯收入5153元，实际增长9.8%和8.5%。")
                == ["城镇居民人均可支配收入|17175|元|增长9.8%", "农村居民人均纯收入|5153|元|增长8.5%"])
        #expect(
            Self.rows("非金融类对外直接投资和对外工程承包营业额分别达433亿美元和777亿美元。")
                == ["非金融类对外直接投资|433|亿美元|", "对外工程承包营业额|777|亿美元|"])
    }

    @Test func aChangeWithItsOwnSubjectIsAResult() {
        // 货运量 has its own subject, so its change is not the electricity figure's.
        #expect(
            Self.rows("全社会用电量增长7.5%，货运量增长9.9%，民间投资比重上升到63%。")
                == ["全社会用电量|||增长7.5%", "货运量|||增长9.9%", "民间投资比重|63|%|"])
        // A comparison (比上年预算) is no subject: the amount is the change of the result before it.
        #expect(Self.rows("中央政府公共投资9243亿元，比上年预算增加5038亿元。") == ["中央政府公共投资|9243|亿元|增加5038亿元"])
    }

    @Test func aChangeFromOneLevelToAnother() {
        // 由…的X增加到…的Y: X is the starting point, Y the result; a level after a change is the changed figure's.
        #expect(
            Self.rows("地区生产总值由2010年的162.4亿元增加到2015年的287.9亿元，年均增长12.1%。森林覆盖率由2010年的21.6%提高到25.2%。")
                == ["地区生产总值|287.9|亿元|增长12.1%", "森林覆盖率|25.2|%|"])
        #expect(Self.rows("社会消费品零售总额增长22%，达到120亿元。") == ["社会消费品零售总额|120|亿元|增长22%"])
    }

    @Test func theNounAfterACountNamesIt() {
        #expect(
            Self.rows("新增510万沼气用户，安排200亿元技改专项资金支持4441个技改项目，在320个县开展新型农村社会养老保险试点。")
                == ["沼气用户|510|万|", "技改专项资金|200|亿元|", "技改项目|4441|个|", "县|320|个|"])
        // 31个省份 only says whose figure follows; 74个重点城市 likewise.
        #expect(Self.rows("31个省份本级公务接待费减少26%。").map { $0.hasPrefix("省份本级公务接待费|||减少26%") } == [true])
    }

    @Test func sharesOpenersAndLongPhrases() {
        #expect(
            Self.rows("其中，社会事业投资占44%，重灾区已完成投资6545亿元，占规划总投资的65.5%。")
                == ["社会事业投资|44|%|", "重灾区已完成投资|6545|亿元|", "规划总投资|65.5|%|"])
        #expect(Self.rows("国务院提请全国人大常委会审议法律议案13件。") == ["法律议案|13|件|"])
        #expect(Self.rows("“十一五”前四年累计单位国内生产总值能耗下降14.38%。") == ["单位国内生产总值能耗|||下降14.38%"])
    }

    @Test func digitsRunningIntoAPlaceholderAreMissing() {
        let found = Self.results("牵头推进老旧小区改造20xx个，惠及群众3200余户。")
        #expect(found.map(\.isMissing) == [true, false])
        #expect(found.first?.valueText == "20xx" && found.first?.indicator == "牵头推进老旧小区改造")
    }

    /// The hand-annotated national report sentences (`shuzhi eval metrics`): the figures in BENCHMARKS.md, as floors.
    @Test func annotatedNationalReports() throws {
        let text = try String(contentsOf: Fixture.url("metrics-gold.tsv"), encoding: .utf8)
        let sentences = try MetricsEvaluation.read(text)
        #expect(sentences.reduce(0) { $0 + $1.results.count } == 240)
        for set in ["tune", "test"] {
            let (score, _) = MetricsEvaluation.score(sentences.filter { $0.set == set })
            #expect(score.recall(.quantity) >= 0.99, "\(set)")
            #expect(score.precision(.quantity) >= 0.93, "\(set)")
            #expect(score.precision(.lenient) >= 0.91 && score.recall(.lenient) >= 0.95, "\(set)")
            #expect(score.precision(.strict) >= 0.80 && score.recall(.strict) >= 0.81, "\(set)")
        }
    }

    /// The 述职-style set beside it (two real reports with their placeholders, and sentences written in the genre).
    @Test func annotatedDutyReports() throws {
        let text = try String(contentsOf: Fixture.url("metrics-gold-shuzhi.tsv"), encoding: .utf8)
        let sentences = try MetricsEvaluation.read(text)
        #expect(sentences.count == 50 && sentences.flatMap(\.results).contains { $0.value == nil })
        for set in ["tune", "test"] {
            let (score, _) = MetricsEvaluation.score(sentences.filter { $0.set == set })
            #expect(score.recall(.quantity) >= 0.99, "\(set)")
            #expect(score.precision(.lenient) >= 0.90 && score.recall(.lenient) >= 0.98, "\(set)")
            #expect(score.precision(.strict) >= 0.81 && score.recall(.strict) >= 0.82, "\(set)")
        }
    }

    /// The indicator is the noun phrase the number measures: not a placeholder name, not a fragment of a unit or of
    /// 占比, not a noun with the adverb after it; a second number right after a first measures the same thing.
    @Test func indicatorsAreNounPhrases() {
        #expect(Self.rows("开工建设x共引进企业12家。") == ["引进企业|12|家|"])
        #expect(Self.rows("其中5000万元以上项目x个。") == ["5000万元以上项目|x|个|"])
        #expect(Self.rows("征收土地x万㎡，举办招商推介会8场次。") == ["征收土地|x|万㎡|", "举办招商推介会|8|场次|"])
        #expect(Self.rows("全年上报用地3个批次480亩。") == ["上报用地|3|个批次|", "上报用地|480|亩|"])
        #expect(Self.rows("其中服务业增加值4.2亿元，占比52.3%。") == ["服务业增加值|4.2|亿元|", "服务业增加值占比|52.3|%|"])
        #expect(Self.rows("联系的5个乡镇均未发生安全事故。").map { $0.split(separator: "|").first.map(String.init) ?? "" } == ["乡镇"])
    }

    @Test func evaluationMatchesOneToOneAndReadsStrictly() throws {
        let gold = try MetricsEvaluation.read("S\tt\t1\t粮食产量5.31亿吨。\nR\t粮食产量|粮食\t5.31\t亿吨\t\nS\tt\t2\t2009年是最困难的一年。\n")
        let (score, differences) = MetricsEvaluation.score(gold)
        #expect(score.gold == 1 && score.found == 1 && score.matched[.strict] == 1 && differences.isEmpty)
        #expect(MetricsEvaluation.indicatorMatches("全年汽车销售", ["汽车销售"], .lenient))
        #expect(!MetricsEvaluation.indicatorMatches("和", ["城镇居民人均可支配收入"], .lenient))
        #expect(!MetricsEvaluation.indicatorMatches("全年汽车销售", ["汽车销售"], .strict))
        #expect(throws: MetricsEvaluation.FormatError.self) { try MetricsEvaluation.read("R\tx\t1\t个\n") }
        #expect(throws: MetricsEvaluation.FormatError.self) { try MetricsEvaluation.read("S\tt\t1\t句\nR\tx\t一\t个\n") }
        // x is a placeholder value, and a placeholder found matches it.
        let placeholder = try MetricsEvaluation.read("S\tt\t1\t补充耕地x亩。\nR\t补充耕地\tx\t亩\t\n")
        #expect(MetricsEvaluation.score(placeholder).0.matched[.strict] == 1)
    }

    @Test func substanceCountsFactualSentences() {
        let text = "全年新增企业12家。我们坚持高标准严要求，不断提高工作水平。始终牢记宗旨意识，切实增强责任担当。进一步解放思想，开拓创新，真抓实干，努力开创工作新局面。"
        let analysis = Analysis(Document(text: text))
        let substance = Substance(analysis, results: StatedResults.extract(analysis))
        #expect(substance.sentences == 4 && substance.factual == 1)
        #expect(substance.mostFormulaic.count == 1)
    }
}

import Testing
@testable import ShuzhiKit

/// Labels of the top-level sections and the parts a title promises.
@Suite struct ReportStructureTests {
    static let report = """
        2023年度述学述职述廉述法报告
        一、坚持学深悟透，筑牢思想根基
        深入学习习近平新时代中国特色社会主义思想，参加理论学习中心组学习12次，撰写学习体会3篇，学习教育取得实效。
        二、聚焦主责主业，推动工作落实
        全年新签约项目15个，完成固定资产投资12亿元。
        三、坚守纪律底线，树立清廉形象
        严格遵守中央八项规定精神，落实一岗双责。
        四、存在的不足
        对标先进还有差距。
        五、下一步打算
        继续加强学习。
        """

    @Test func sectionsAreLabelledFromHeadingsAndContent() {
        let structure = Analysis(Document(text: Self.report)).structure
        #expect(structure.units.map(\.parts) == [[.study], [.duty], [.integrity], [.shortcomings], [.plans]])
        #expect(structure.units[0].evidence.contains("学习"))
        #expect(structure.promised == [.study, .duty, .integrity, .law])
        #expect(!structure.present.contains(.law))
        let missing = MissingPartRule().check(Analysis(Document(text: Self.report)))
        #expect(missing.count == 1 && missing[0].message.contains("述法"))
    }

    @Test func aLawSectionFromItsContent() {
        let text = Self.report.replacingOccurrences(of: "四、存在的不足", with: "四、守牢法治底线\n坚持依法行政，带头学法用法，依法决策，推进法治政府建设，开展普法宣传。\n五、存在的不足")
            .replacingOccurrences(of: "五、下一步打算", with: "六、下一步打算")
        let analysis = Analysis(Document(text: text))
        #expect(analysis.structure.units[3].parts == [.law])
        #expect(MissingPartRule().check(analysis).isEmpty)
        #expect(PartOrderRule().check(analysis).isEmpty)
    }

    @Test func headlessReportsUseParagraphs() {
        let text = "个人工作总结\n今年以来，我认真学习理论，深入学习党的二十大精神，参加学习教育。\n全年完成投资3亿元。\n存在的不足是调研不够。\n下一步，我将加强学习。"
        let structure = Analysis(Document(text: text)).structure
        #expect(structure.present.isSuperset(of: [.study, .duty, .shortcomings, .plans]))
    }

    /// One heading over the whole text: it names its part, and the paragraphs under it are read like a headless
    /// report's (述职 was reported missing under “一、工作情况”).
    @Test func aLoneHeadingAndTheParagraphsUnderIt() {
        let text = "述职报告\n一、工作情况\n全年完成投资3亿元，新签约项目5个。\n严格遵守中央八项规定精神，廉洁自律，落实一岗双责，遵守纪律。\n存在的不足是调研不够。\n下一步，我将加强学习。"
        let structure = Analysis(Document(text: text)).structure
        #expect(structure.units.first?.parts == [.duty])
        #expect(structure.units.first?.evidence.contains("工作") == true)
        #expect(structure.present.isSuperset(of: [.duty, .integrity, .shortcomings, .plans]))
        #expect(MissingPartRule().check(Analysis(Document(text: text))).isEmpty)
    }

    /// The parts owed follow the title: those it names, else its genre's; the reason is given.
    @Test(arguments: [
        ("2024年度述学述职述廉述法报告", ReportGenre.Kind.named, ["述学", "述职", "述廉", "述法"]),
        ("2024年度述职述廉报告", .named, ["述职", "述廉"]),
        ("2024年度抓基层党建工作述职报告", .named, ["述职", "党建"]),
        ("2024年个人工作总结", .summary, ["述职"]),
        ("2025年政府工作报告", .governmentReport, []),
        ("关于2024年工作情况的报告", .other, ["述职"]),
    ])
    func theTitleDecidesWhatIsOwed(title: String, kind: ReportGenre.Kind, owed: [String]) {
        let genre = Analysis(Document(text: title + "\n一、工作情况\n完成任务。\n二、存在问题\n还有差距。")).structure.genre
        #expect(genre.kind == kind)
        #expect(genre.owed.map(\.rawValue) == owed)
        #expect(owed.allSatisfy { genre.reason.contains($0) })
    }

    @Test func anUntitledPersonalAccountIsADutyReport() {
        let genre = Analysis(Document(text: "根据班子分工，我主要负责招商工作。现报告如下：\n一、加强学习\n认真学习。\n二、履职尽责\n完成任务。")).structure.genre
        #expect(genre.kind == .personalAccount && genre.owed == [.duty] && genre.reason.contains("报告如下"))
    }

    @Test func aReviewOwesWhatTheGenreOwes() {
        let checker = Checker()
        let text = "2024年度述职述廉报告\n一、认真履职尽责\n完成任务。\n二、存在的不足和下一步打算\n学习不够。下一步，继续努力。\n三、其他\n无。"
        let report = ReviewedReport.checked(Document(text: text), by: checker).report
        #expect(report.missingCoreParts == [.integrity])
        let summary = ReviewedReport.checked(Document(text: "2024年个人工作总结\n今年完成了各项工作任务，成效明显。"), by: checker).report
        #expect(summary.missingCoreParts.isEmpty)
    }
}

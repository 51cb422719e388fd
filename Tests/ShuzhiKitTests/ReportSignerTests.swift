import Testing
@testable import ShuzhiKit

/// Who signed a report, and a batch that names the same writer's other year as such.
@Suite struct ReportSignerTests {
    static func report(_ year: Int, _ body: String, signer: String) -> String {
        "\(year)年度述职报告\n一、履职情况\n\(body)\n二、存在问题\n还有差距。\n三、下一步打算\n继续努力。\n\(signer)\n\(year + 1)年1月10日"
    }

    @Test func theSignerIsTheLabelledLineOrTheNameAboveTheDate() {
        #expect(ReportSigner.signer(of: Document(text: "述职报告\n正文。\n述职人：李四\n2025年1月10日")) == "李四")
        #expect(ReportSigner.signer(of: Document(text: "述职报告\n正文。\n县农业农村局\n二〇二五年一月十日")) == "县农业农村局")
        // A sentence above the date, or no date, names nobody.
        #expect(ReportSigner.signer(of: Document(text: "述职报告\n以上报告，请审议。\n2025年1月10日")) == nil)
        #expect(ReportSigner.signer(of: Document(text: "述职报告\n正文。\n李四")) == nil)
    }

    @Test func theSameWritersOtherYearIsNamedInTheReview() {
        let body = String(repeating: "我县在全省率先建成覆盖城乡的智慧养老服务平台，为全县独居老人安装了紧急呼叫设备并组建志愿服务队。", count: 3)
        let other = String(repeating: "全年新建改建农村公路八十六公里，完成高标准农田建设五万亩，粮食总产量稳定在二十八万吨以上。", count: 3)
        let texts = [Self.report(2023, body, signer: "王五"), Self.report(2024, body, signer: "王五"), Self.report(2024, other, signer: "赵六")]
        let checked = texts.map { ReviewedReport.checked(Document(text: $0), by: Checker()) }
        let index = BatchSimilarity.Index(checked.map(\.text))
        let review = BatchReview(
            reports: checked.map(\.report),
            similarity: BatchSimilarity(index, comparisons: index.candidates.map { index.compare($0.0, $0.1) }))
        #expect(review.relation(0, 1) == "年年一样" && review.relation(1, 2) == nil)
        #expect(ReviewRenderer.text(review).contains("年年一样"))
    }
}

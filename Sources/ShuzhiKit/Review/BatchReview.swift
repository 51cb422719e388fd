import Foundation

/// One report of a batch as the reviewer's table shows it: its findings, which parts it has, how many concrete
/// results it states and how much of it is fact rather than formula.
public struct ReviewedReport: Sendable {
    /// The file, its findings and, when checked against the store, the similarity summary.
    public let check: CheckReport
    /// What the title says the report is (and so the parts it owes), and the parts found.
    public let genre: ReportGenre
    public let present: Set<ReportStructure.Part>
    /// Stated results with a figure (指标 + 数值).
    public let results: Int
    /// The share of sentences that state a fact: a figure, a date, a named project.
    public let substance: Double
    /// The results it states (indicator, value, change), for the reviewer's sheet.
    public let stated: [StatedResult]

    public init(
        check: CheckReport, genre: ReportGenre, present: Set<ReportStructure.Part>, results: Int, substance: Double,
        stated: [StatedResult] = []
    ) {
        self.check = check
        self.genre = genre
        self.present = present
        self.results = results
        self.substance = substance
        self.stated = stated
    }

    /// From a report analysed and checked.
    public init(_ analysis: Analysis, diagnostics: [Diagnostic], similarity: SimilaritySummary? = nil) {
        let stated = StatedResults.extract(analysis)
        self.init(
            check: CheckReport(
                document: analysis.document, diagnostics: diagnostics, reportYear: analysis.reportYear, similarity: similarity),
            genre: analysis.structure.genre, present: analysis.structure.present,
            results: stated.count { $0.value != nil }, substance: Substance(analysis, results: stated).score, stated: stated)
    }

    /// The report's own title (never a template site's line above it), else its first line, else its file name.
    public var title: String { Outline.title(of: check.document, limit: 40) ?? check.document.firstLine(limit: 40) ?? check.document.name }

    /// Who signed it (its 落款), when it says.
    public var signer: String? { ReportSigner.signer(of: check.document) }

    /// The parts the title names.
    public var promised: [ReportStructure.Part] { genre.promised }

    /// The parts the report owes and lacks: those its title names, else those its genre calls for.
    public var missingCoreParts: [ReportStructure.Part] { genre.owed.filter { !present.contains($0) } }
}

/// A batch reviewed: each report, the reports that could not be read, and how the reports resemble each other.
public struct BatchReview: Sendable {
    public let reports: [ReviewedReport]
    /// Over `reports`, in the same order.
    public let similarity: BatchSimilarity
    /// Files that could not be read, with the reason.
    public let failures: [(file: String, message: String)]
    /// What report `j` is to report `i` when both are signed by the same writer: 年年一样 for another year (their own
    /// words again), 同一人 for the same year; nil for someone else's or when a report is unsigned.
    public func relation(_ i: Int, _ j: Int) -> String? {
        guard let a = reports[i].signer, a == reports[j].signer else { return nil }
        let years = (reports[i].check.reportYear?.year, reports[j].check.reportYear?.year)
        if let x = years.0, let y = years.1, x != y { return "年年一样" }
        return "同一人"
    }

    /// The report `i` shares the most with, its share, and what it is to `i`.
    public func largestPartner(of i: Int) -> (report: Int, share: Double, relation: String?)? {
        similarity.largestPartner(of: i).map { ($0.report, $0.share, relation(i, $0.report)) }
    }

    /// Whether copy ratios against the store are in the reports (`check.similarity`).
    public var checkedAgainstStore: Bool { reports.contains { $0.check.similarity != nil } }

    public init(reports: [ReviewedReport], similarity: BatchSimilarity, failures: [(file: String, message: String)] = []) {
        precondition(reports.count == similarity.count, "the similarity is over the reports")
        self.reports = reports
        self.similarity = similarity
        self.failures = failures
    }
}

extension ReviewedReport {
    /// A document checked for a batch: its row of the review, and its text for comparing the batch with itself.
    public static func checked(_ document: Document, by checker: Checker) -> (report: ReviewedReport, text: ComparableText) {
        let analysis = checker.analyse(document)
        return (ReviewedReport(analysis, diagnostics: checker.check(analysis)), ComparableText(document.scalars))
    }

    /// The reports that could be read, with their texts, in order; and the files that could not, with why.
    public static func partition(_ results: [(file: String, result: Result<(report: ReviewedReport, text: ComparableText), IngestError>)])
        -> (reports: [ReviewedReport], texts: [ComparableText], failures: [(file: String, error: IngestError)])
    {
        var reports: [ReviewedReport] = []
        var texts: [ComparableText] = []
        var failures: [(file: String, error: IngestError)] = []
        for (file, result) in results {
            switch result {
            case .success(let checked):
                reports.append(checked.report)
                texts.append(checked.text)
            case .failure(let error):
                failures.append((file, error))
            }
        }
        return (reports, texts, failures)
    }
}

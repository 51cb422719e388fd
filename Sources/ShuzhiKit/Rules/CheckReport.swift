/// The result of checking one file (what `Checker` found, with the year it judged and, against a store, the copying),
/// as every renderer sees it. Its JSON shape is in Render/CheckReportJSON.swift.
public struct CheckReport: Sendable {
    public let document: Document
    public let diagnostics: [Diagnostic]
    /// The year the report was judged for, when the check looked at it.
    public let reportYear: ReportYear?
    /// When checked against a corpus (`check --corpus`).
    public let similarity: SimilaritySummary?

    public init(document: Document, diagnostics: [Diagnostic], reportYear: ReportYear? = nil, similarity: SimilaritySummary? = nil) {
        self.document = document
        self.diagnostics = diagnostics
        self.reportYear = reportYear
        self.similarity = similarity
    }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    public var infoCount: Int { diagnostics.count { $0.severity == .info } }
    public var safeFixCount: Int { diagnostics.count { $0.fix?.applicability == .safe } }

    /// Counts by family, in the order families first appear in the rule registry.
    public var familyCounts: [(String, Int)] {
        var counts: [String: Int] = [:]
        for d in diagnostics { counts[d.family, default: 0] += 1 }
        var order: [String] = []
        for r in RuleRegistry.descriptions where !order.contains(r.family) { order.append(r.family) }
        for f in counts.keys.sorted() where !order.contains(f) { order.append(f) }
        return order.compactMap { f in counts[f].map { (f, $0) } }
    }

    public var ruleCounts: [(String, Int)] {
        var counts: [String: Int] = [:]
        for d in diagnostics { counts[d.rule, default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }
    }
}

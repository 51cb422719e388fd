import ShuzhiKit
import ShuzhiStore

/// `check` — `shuzhi check`, `POST /api/check` and each report of a review call this: one document's findings under
/// a configuration (with its shared vocabulary already in it), and, when a store is given, its copied passages and
/// copy ratio against the store's reports.
public enum CheckOperation {
    public struct Outcome: Sendable {
        public let report: CheckReport
        /// The analysis the rules read, for the views that go with a check (outline, metrics).
        public let analysis: Analysis
        /// With `timed`: how long the analysis and each rule took (steps of the analysis made on first use are
        /// named `analysis.…`).
        public let timings: Timings?

        public init(report: CheckReport, analysis: Analysis, timings: Timings? = nil) {
            self.report = report
            self.analysis = analysis
            self.timings = timings
        }
    }

    public struct Timings: Sendable {
        public let analysis: Duration
        public let rules: Duration
        public let steps: [(name: String, took: Duration)]
    }

    /// `progress` hears (rules done, rules in all): 0 before the analysis, then after each rule — for a terminal to
    /// show how far a very long report has got.
    public static func check(
        _ document: Document, configuration: Configuration, store: (any CorpusStore)? = nil,
        author: String? = nil, timed: Bool = false, progress: ((Int, Int) -> Void)? = nil
    ) async throws -> Outcome {
        let clock = ContinuousClock()
        let started = clock.now
        let checker = Checker(configuration: configuration)
        progress?(0, checker.rules.count)
        let analysis = checker.analyse(document)
        let analysed = clock.now
        var steps: [(name: String, took: Duration)] = []
        var done = 0
        let timing: ((String, Duration) -> Void)? =
            timed || progress != nil
            ? { name, took in
                if timed { steps.append((name, took)) }
                if let progress, !name.hasPrefix("analysis.") {
                    done += 1
                    progress(done, checker.rules.count)
                }
            } : nil
        var diagnostics = checker.check(analysis, timing: timing)
        var similarity: SimilaritySummary?
        if let store {
            (diagnostics, similarity) = try await CopyDetector().check(
                document, findings: diagnostics, in: store, author: author,
                configuration: configuration)
        }
        let checked = clock.now
        let report = CheckReport(document: document, diagnostics: diagnostics, reportYear: analysis.reportYear, similarity: similarity)
        return Outcome(
            report: report, analysis: analysis,
            timings: timed ? Timings(analysis: analysed - started, rules: checked - analysed, steps: steps) : nil)
    }

    /// The words the documents checked together share, for `Configuration.sharedVocabulary`: with a store, its
    /// reports' and the batch's; without, the batch's when it holds more than one document; else none.
    /// The batch's own is counted only if a typo finding asks for it (`BatchVocabulary.deferred`).
    public static func vocabulary(for batch: [[Unicode.Scalar]], store: (any CorpusStore)?) async throws -> (any SharedVocabulary)? {
        if let store { return try await store.vocabulary(with: batch) }
        return batch.count > 1 ? BatchVocabulary.deferred(batch) : nil
    }

    /// The check's JSON as the CLI prints it, with the decoded text (the offsets count its Unicode scalars) and the
    /// outline and metrics when `include` names them, so that the web page needs one upload for all its tabs.
    public static func json(_ outcome: Outcome, include: Set<String>) -> JSONValue {
        var extra: [(String, JSONValue)] = [("text", .string(outcome.report.document.text))]
        if include.contains("outline") { extra.append(("outline", OutlineRenderer.json(outcome.analysis))) }
        if include.contains("metrics") { extra.append(("metrics", MetricsOperation.json(outcome.analysis))) }
        return outcome.report.json.adding(extra)
    }
}

extension JSONValue {
    /// An object with more fields at its end; anything else unchanged.
    public func adding(_ fields: [(String, JSONValue)]) -> JSONValue {
        guard case .object(let existing) = self else { return self }
        return .object(existing + fields)
    }
}

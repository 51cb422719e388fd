import ShuzhiKit

/// `shuzhi eval …` — the accuracy measurements BENCHMARKS.md reports, each through the whole `check` pipeline
/// (document, analysis, every enabled rule), never the typo rules alone. The scoring is `ShuzhiKit`'s (`Eval/`); here
/// the runs are put together, so a script, the CLI or a test gets the same figures from the same call.
public enum EvaluationOperation {
    /// The typo configuration of an evaluation: the threshold and weight overrides (`name=value`, as `--tune` takes
    /// them), and where each candidate's evidence goes when it is wanted.
    public static func configuration(threshold: Double, tune: [String], evidence: TypoEvidence? = nil) throws(ServiceError)
        -> Configuration
    {
        var tuning = TypoTuning.standard
        for item in tune {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, tuning.set(parts[0], parts[1]) else {
                throw ServiceError("无法识别的权重“\(item)”，应为 名称=数值", "unknown weight \(item), expected name=value")
            }
        }
        tuning.evidence = evidence
        var configuration = Configuration()
        configuration.typoTuning = tuning
        return try Overrides(typoThreshold: threshold).applied(to: configuration)
    }

    /// A spelling-correction set corrected sentence by sentence (each sentence its own document).
    public struct CSCRun: Sendable {
        public let pairs: [CSCEvaluation.Pair]
        /// Each sentence as the findings' first suggestions correct it.
        public let predictions: [String]
        public let sentenceLevel: CSCEvaluation.SentenceLevel
        public let detectionCorrection: CSCEvaluation.DetectionCorrection
        /// Recall by kind of slip, for a set whose lines name their kind.
        public let byKind: CSCEvaluation.ByKind
        /// The time the checks took, for the sentences-per-second figure.
        public let elapsed: Duration
    }

    public static func csc(_ pairs: [CSCEvaluation.Pair], configuration: Configuration) -> CSCRun {
        let checker = Checker(configuration: configuration)
        let clock = ContinuousClock()
        let started = clock.now
        let predictions = pairs.map { CSCEvaluation.corrected($0.source, checker.check(Document(text: $0.source))) }
        let elapsed = clock.now - started
        var sentence = CSCEvaluation.SentenceLevel()
        var scores = CSCEvaluation.DetectionCorrection()
        var byKind = CSCEvaluation.ByKind()
        for (pair, predicted) in zip(pairs, predictions) {
            if let kind = pair.kind { byKind.add(kind: kind, source: pair.source, target: pair.target, predicted: predicted) }
            sentence.add(source: pair.source, target: pair.target, predicted: predicted)
            scores.add(source: pair.source, target: pair.target, predicted: predicted)
        }
        return CSCRun(
            pairs: pairs, predictions: predictions, sentenceLevel: sentence, detectionCorrection: scores, byKind: byKind,
            elapsed: elapsed)
    }

    /// The typo findings of one untouched document: each is a false alarm.
    public struct FalseAlarms: Sendable {
        public let document: Document
        /// Characters other than white space.
        public let characters: Int
        public let findings: [Diagnostic]
    }

    public static func falseAlarms(_ document: Document, configuration: Configuration) -> FalseAlarms {
        FalseAlarms(
            document: document, characters: document.scalars.count { !$0.properties.isWhitespace },
            findings: Checker(configuration: configuration).check(document).filter { $0.family == "typo" })
    }

    /// How often a typo finding at each confidence is right: the development set's findings, and the untouched
    /// documents' (every one wrong), weighted by `cleanWeight`.
    public static func calibration(
        _ pairs: [CSCEvaluation.Pair], untouched: [Document], cleanWeight: Double,
        configuration: Configuration
    ) -> CSCEvaluation.Calibration {
        let checker = Checker(configuration: configuration)
        var calibration = CSCEvaluation.Calibration(cleanWeight: cleanWeight)
        for pair in pairs { calibration.add(source: pair.source, target: pair.target, checker.check(Document(text: pair.source))) }
        for document in untouched { calibration.addClean(checker.check(document)) }
        return calibration
    }
}

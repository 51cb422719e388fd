import Foundation

/// Chinese spelling correction scores for a file of `source<TAB>target` (SIGHAN as shipped by pycorrector),
/// `n<TAB>source<TAB>target` (ECSpell) or `kind<TAB>source<TAB>target` (Scripts/make-typo-dev.py) lines.
public struct CSCEvaluation: Sendable {
    public struct Pair: Sendable {
        public let source: String
        public let target: String
        /// How the slip was made (`same-pinyin`, `missing`, `clean` …) when the file says; nil for SIGHAN and ECSpell.
        public var kind: String? = nil
    }

    /// Reads the pairs. Lines are stripped and `#` lines skipped, as pycorrector's evaluate_utils does; a line with
    /// two fields is (source, target) and one with three is (n, source, target) or, when the first field is not a
    /// number, (kind, source, target). Other lines are counted as skipped.
    public static func read(_ text: String) -> (pairs: [Pair], skipped: Int) {
        var pairs: [Pair] = [], skipped = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch parts.count {
            case 2: pairs.append(Pair(source: parts[0], target: parts[1]))
            case 3: pairs.append(Pair(source: parts[1], target: parts[2], kind: Int(parts[0]) == nil ? parts[0] : nil))
            default: skipped += 1
            }
        }
        return (pairs, skipped)
    }

    /// pycorrector 1.1.4 `evaluate_utils.eval_model_single`, counted exactly as it does: a sentence needing no
    /// change is TN when left equal to the target, else FP; a sentence needing change is TP only when the
    /// prediction equals the target, else FN (a wrong correction is an FN, never an FP).
    public struct SentenceLevel: Sendable {
        public var tp = 0, fp = 0, fn = 0, tn = 0

        public init() {}

        public mutating func add(source: String, target: String, predicted: String) {
            if source == target {
                if target == predicted { tn += 1 } else { fp += 1 }
            } else {
                if target == predicted { tp += 1 } else { fn += 1 }
            }
        }

        public var total: Int { tp + fp + fn + tn }
        public var accuracy: Double { total == 0 ? 0 : Double(tp + tn) / Double(total) }
        public var precision: Double { tp > 0 ? Double(tp) / Double(tp + fp) : 0 }
        public var recall: Double { tp > 0 ? Double(tp) / Double(tp + fn) : 0 }
        public var f1: Double { precision + recall != 0 ? 2 * precision * recall / (precision + recall) : 0 }
    }

    /// The usual SIGHAN sentence-level scores: a sentence with changes predicted counts as correct at the detection
    /// level when exactly the erroneous positions were changed, and at the correction level when they were also
    /// changed to the right characters. Precision is over sentences with predicted changes, recall over sentences
    /// with errors.
    public struct DetectionCorrection: Sendable {
        public var predictedSentences = 0, erroneousSentences = 0
        public var detected = 0, corrected = 0

        public init() {}

        public mutating func add(source: String, target: String, predicted: String) {
            let s = Array(source.unicodeScalars), t = Array(target.unicodeScalars), p = Array(predicted.unicodeScalars)
            let gold = Self.changes(s, t), mine = Self.changes(s, p)
            if !gold.isEmpty { erroneousSentences += 1 }
            guard !mine.isEmpty else { return }
            predictedSentences += 1
            if !gold.isEmpty && gold.map(\.0) == mine.map(\.0) {
                detected += 1
                if gold.map(\.1) == mine.map(\.1) { corrected += 1 }
            }
        }

        /// Positions where b differs from a, with b's scalar; a length change counts as a change at the first
        /// differing position with no scalar.
        static func changes(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> [(Int, Unicode.Scalar?)] {
            if a.count != b.count {
                let first = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                return [(first, nil)]
            }
            return a.indices.compactMap { a[$0] == b[$0] ? nil : ($0, b[$0]) }
        }

        public var detectionPrecision: Double { ratio(detected, predictedSentences) }
        public var detectionRecall: Double { ratio(detected, erroneousSentences) }
        public var detectionF1: Double { f1(detectionPrecision, detectionRecall) }
        public var correctionPrecision: Double { ratio(corrected, predictedSentences) }
        public var correctionRecall: Double { ratio(corrected, erroneousSentences) }
        public var correctionF1: Double { f1(correctionPrecision, correctionRecall) }

        private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
        private func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }
    }

    /// The families whose findings are slips of the pen, applied by `corrected`: typos and doubled words.
    static let correcting: Set<String> = ["typo", "repeat"]

    /// The source with the typo and doubled-word findings' first replacements applied (non-overlapping, left to
    /// right).
    public static func corrected(_ source: String, _ diagnostics: [Diagnostic]) -> String {
        var scalars = Array(source.unicodeScalars)
        var edits = diagnostics.filter { correcting.contains($0.family) && !$0.replacements.isEmpty }
            .map { ($0.range, Array($0.replacements[0].unicodeScalars)) }
        edits.sort { $0.0.lowerBound < $1.0.lowerBound }
        var kept: [(Range<Int>, [Unicode.Scalar])] = []
        for e in edits where kept.last.map({ $0.0.upperBound <= e.0.lowerBound }) ?? true { kept.append(e) }
        for (range, replacement) in kept.reversed() { scalars.replaceSubrange(range, with: replacement) }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Per kind of slip (a development set's first column): how many sentences were corrected exactly, changed at
    /// all, or changed wrongly; for `clean` sentences every change is a false correction.
    public struct ByKind: Sendable {
        public struct Counts: Sendable {
            public var sentences = 0, corrected = 0, changed = 0
            /// Changed, but not into the target.
            public var wrong: Int { changed - corrected }
            public var recall: Double { sentences == 0 ? 0 : Double(corrected) / Double(sentences) }
        }

        public private(set) var counts: [String: Counts] = [:]
        public private(set) var order: [String] = []

        public init() {}

        public mutating func add(kind: String, source: String, target: String, predicted: String) {
            if counts[kind] == nil { order.append(kind) }
            var c = counts[kind, default: Counts()]
            c.sentences += 1
            if predicted != source { c.changed += 1 }
            if predicted == target && source != target { c.corrected += 1 }
            counts[kind] = c
        }

        /// Every kind but `clean`, together.
        public var slips: Counts {
            counts.filter { $0.key != "clean" }.values.reduce(into: Counts()) { total, c in
                total.sentences += c.sentences
                total.corrected += c.corrected
                total.changed += c.changed
            }
        }
    }

    /// How often a finding at each confidence is right: a finding on a development sentence is right when it alone
    /// makes the sentence its target; every finding on untouched text is wrong. Untouched text weighs `cleanWeight`
    /// per finding, so that the slips of the development sentences (one in three of four sentences) are as rare
    /// as in real writing — the same weighting the weights were fitted with (Scripts/fit-typo-weights.py).
    public struct Calibration: Sendable {
        /// The lower edges of the confidence bins; the last bin ends at 1.
        public static let edges = [0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]
        public struct Bin: Sendable {
            public var findings = 0, right = 0
            public var rightWeight = 0.0, weight = 0.0, confidence = 0.0
            /// The share of the weighted findings that are right.
            public var precision: Double { weight == 0 ? 0 : rightWeight / weight }
            public var meanConfidence: Double { findings == 0 ? 0 : confidence / Double(findings) }
        }

        public private(set) var bins = Array(repeating: Bin(), count: edges.count)
        public let cleanWeight: Double

        public init(cleanWeight: Double) { self.cleanWeight = cleanWeight }

        /// The findings of one development sentence.
        public mutating func add(source: String, target: String, _ diagnostics: [Diagnostic]) {
            for d in diagnostics where correcting.contains(d.family) {
                add(d, right: CSCEvaluation.corrected(source, [d]) == target && source != target, weight: 1)
            }
        }

        /// The findings of untouched text: all wrong.
        public mutating func addClean(_ diagnostics: [Diagnostic]) {
            for d in diagnostics where correcting.contains(d.family) { add(d, right: false, weight: cleanWeight) }
        }

        private mutating func add(_ d: Diagnostic, right: Bool, weight: Double) {
            guard let confidence = d.confidence, let bin = Self.edges.lastIndex(where: { $0 <= confidence }) else { return }
            bins[bin].findings += 1
            bins[bin].weight += weight
            bins[bin].confidence += confidence
            if right {
                bins[bin].right += 1
                bins[bin].rightWeight += weight
            }
        }
    }
}

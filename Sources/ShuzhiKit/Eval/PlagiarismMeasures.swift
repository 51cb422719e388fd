import Foundation

/// PAN's measures for text reuse detection (Potthast, Stein, Barrón-Cedeño and Rosso, "An Evaluation Framework for
/// Plagiarism Detection", COLING 2010), on character offsets. A case and a detection are each a passage of a
/// suspicious document paired with a passage of a source document; they meet where both passages overlap.
public enum PlagiarismMeasures {
    public struct Passage: Sendable, Equatable {
        public var suspicious: String
        public var suspiciousRange: Range<Int>
        public var source: String
        public var sourceRange: Range<Int>

        public init(suspicious: String, suspiciousRange: Range<Int>, source: String, sourceRange: Range<Int>) {
            self.suspicious = suspicious
            self.suspiciousRange = suspiciousRange
            self.source = source
            self.sourceRange = sourceRange
        }

        /// Characters in both documents: PAN counts a passage as the characters it covers on each side.
        var size: Int { suspiciousRange.count + sourceRange.count }

        /// A detection detects a case when they concern the same two documents and overlap on both sides.
        public func detects(_ other: Passage) -> Bool {
            suspicious == other.suspicious && source == other.source
                && suspiciousRange.overlaps(other.suspiciousRange) && sourceRange.overlaps(other.sourceRange)
        }
    }

    public struct Scores: Sendable, Equatable {
        public var precision: Double
        public var recall: Double
        public var granularity: Double
        public var cases: Int
        public var detections: Int

        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        /// F1 divided by log2(1 + granularity): a case found in three pieces scores half.
        public var plagdet: Double { f1 / log2(1 + granularity) }
    }

    public static func score(cases: [Passage], detections: [Passage]) -> Scores {
        // Precision: the share of each detection's characters that lie in the cases it detects.
        var precision = 0.0
        for r in detections {
            let hits = cases.filter { r.detects($0) }
            precision += Double(overlap(r, hits)) / Double(max(1, r.size))
        }
        // Recall: the share of each case's characters that the detections detecting it cover.
        var recall = 0.0
        var detectedCases = 0
        var pieces = 0
        for s in cases {
            let hits = detections.filter { $0.detects(s) }
            recall += Double(overlap(s, hits)) / Double(max(1, s.size))
            if !hits.isEmpty {
                detectedCases += 1
                pieces += hits.count
            }
        }
        // PAN's convention: precision 1 with no detections, recall 1 with no cases; granularity 1 when nothing is found.
        return Scores(
            precision: detections.isEmpty ? 1 : precision / Double(detections.count),
            recall: cases.isEmpty ? 1 : recall / Double(cases.count),
            granularity: detectedCases == 0 ? 1 : Double(pieces) / Double(detectedCases),
            cases: cases.count, detections: detections.count)
    }

    /// Characters of `x` covered by the union of its overlaps with `others`, on both sides.
    static func overlap(_ x: Passage, _ others: [Passage]) -> Int {
        func clipped(_ r: Range<Int>, _ rs: [Range<Int>]) -> Int {
            TextComparison.covered(
                rs.compactMap { o in
                    let a = max(r.lowerBound, o.lowerBound), b = min(r.upperBound, o.upperBound)
                    return a < b ? a..<b : nil
                })
        }
        return clipped(x.suspiciousRange, others.map(\.suspiciousRange)) + clipped(x.sourceRange, others.map(\.sourceRange))
    }
}

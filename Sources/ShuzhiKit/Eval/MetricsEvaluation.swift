import Foundation

/// `shuzhi eval metrics`: precision and recall of the results table against hand-annotated sentences
/// (`S<TAB>set<TAB>id<TAB>sentence` followed by `R<TAB>indicator|alternative…<TAB>value<TAB>unit<TAB>change` lines).
public enum MetricsEvaluation {
    public struct GoldResult: Sendable {
        /// Every phrase the annotator accepts as naming the indicator.
        public let indicators: [String]
        /// nil for a placeholder (written x): stated, its number missing.
        public let value: Double?
        public let unit: String
        /// 增长, 下降… for a change; empty for a level or a count.
        public let change: String
    }

    public struct GoldSentence: Sendable {
        public let set: String
        public let id: String
        public let text: String
        public var results: [GoldResult]
    }

    /// One row of what the extractor found in a sentence: a result, or a change attached to one (with the result's
    /// indicator, which is what changed).
    public struct Found: Sendable {
        public let indicator: String
        /// nil for a placeholder the extractor listed as missing.
        public let value: Double?
        public let unit: String
        public let change: String
    }

    public struct FormatError: Error, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "第\(line)行：\(reason) / line \(line): \(reason)" }
    }

    /// How a found row is compared with a gold one: the value and unit alone; with an indicator that overlaps one of
    /// the annotator's (one contains the other and the shorter has at least half the characters); or with an
    /// indicator equal to one of them.
    public enum Level: String, CaseIterable, Sendable {
        case quantity, lenient, strict
    }

    public struct Score: Sendable {
        public var gold = 0
        public var found = 0
        public var matched: [Level: Int] = [:]

        public func precision(_ level: Level) -> Double { found == 0 ? 0 : Double(matched[level, default: 0]) / Double(found) }
        public func recall(_ level: Level) -> Double { gold == 0 ? 0 : Double(matched[level, default: 0]) / Double(gold) }
        public func f1(_ level: Level) -> Double {
            let p = precision(level), r = recall(level)
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
    }

    /// A sentence's gold rows the extractor missed and its rows the annotator did not list (at the lenient level).
    public struct Differences: Sendable {
        public let sentence: GoldSentence
        public let missed: [GoldResult]
        public let spurious: [Found]
    }

    public static func read(_ text: String) throws -> [GoldSentence] {
        var sentences: [GoldSentence] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch fields[0] {
            case "S" where fields.count == 4:
                sentences.append(GoldSentence(set: fields[1], id: fields[2], text: fields[3], results: []))
            case "R" where fields.count == 4 || fields.count == 5:
                guard !sentences.isEmpty else { throw FormatError(line: n + 1, reason: "R 行之前没有 S 行 (an R line before any S line)") }
                let value = Double(fields[2])
                guard value != nil || fields[2] == "x" else {
                    throw FormatError(line: n + 1, reason: "数值无效 (not a number or x: \(fields[2]))")
                }
                let indicators = fields[1].split(separator: "|").map { normalized(String($0)) }
                sentences[sentences.count - 1].results.append(
                    GoldResult(
                        indicators: indicators, value: value, unit: normalized(fields[3]), change: fields.count == 5 ? fields[4] : ""))
            default:
                throw FormatError(
                    line: n + 1,
                    reason: "应为 S 或 R 行 (expected S<TAB>set<TAB>id<TAB>sentence or R<TAB>indicator<TAB>value<TAB>unit<TAB>change)")
            }
        }
        return sentences
    }

    /// The extractor's rows for one sentence, read as a document of its own.
    public static func found(in sentence: String) -> [Found] {
        StatedResults.extract(Analysis(Document(text: sentence))).flatMap { result -> [Found] in
            let indicator = normalized(result.indicator)
            var rows: [Found] = []
            if result.value != nil || result.isMissing {
                rows.append(Found(indicator: indicator, value: result.value, unit: normalized(result.unit), change: ""))
            }
            for change in result.changes where change.value != nil || !change.valueText.isEmpty {
                rows.append(Found(indicator: indicator, value: change.value, unit: normalized(change.unit), change: change.word))
            }
            return rows
        }
    }

    /// Scores over the sentences (of one set, or all), with the lenient differences of each sentence that has any.
    public static func score(_ sentences: [GoldSentence]) -> (Score, [Differences]) {
        var score = Score()
        var differences: [Differences] = []
        for sentence in sentences {
            let found = Self.found(in: sentence.text)
            score.gold += sentence.results.count
            score.found += found.count
            for level in Level.allCases {
                let pairs = match(sentence.results, found, level)
                score.matched[level, default: 0] += pairs.count
                if level == .lenient && (pairs.count < sentence.results.count || pairs.count < found.count) {
                    let goldMatched = Set(pairs.map(\.0)), foundMatched = Set(pairs.map(\.1))
                    differences.append(
                        Differences(
                            sentence: sentence,
                            missed: sentence.results.indices.filter { !goldMatched.contains($0) }.map { sentence.results[$0] },
                            spurious: found.indices.filter { !foundMatched.contains($0) }.map { found[$0] }))
                }
            }
        }
        return (score, differences)
    }

    /// One-to-one pairs (gold index, found index), each gold row taking the first unused found row that matches.
    static func match(_ gold: [GoldResult], _ found: [Found], _ level: Level) -> [(Int, Int)] {
        var used = Set<Int>()
        var pairs: [(Int, Int)] = []
        for (g, expected) in gold.enumerated() {
            let hit = found.indices.first { f in
                !used.contains(f) && found[f].value == expected.value && found[f].unit == expected.unit
                    && indicatorMatches(found[f].indicator, expected.indicators, level)
            }
            if let hit {
                used.insert(hit)
                pairs.append((g, hit))
            }
        }
        return pairs
    }

    static func indicatorMatches(_ found: String, _ gold: [String], _ level: Level) -> Bool {
        switch level {
        case .quantity: return true
        case .strict: return gold.contains(found)
        case .lenient:
            return gold.contains { expected in
                if found == expected { return true }
                let (short, long) = found.count <= expected.count ? (found, expected) : (expected, found)
                return long.contains(short) && short.count >= max(2, (long.count + 1) / 2)
            }
        }
    }

    /// Quotation marks and spaces out, full-width per cent to ASCII: “三农”的支出 = 三农的支出.
    static func normalized(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.compactMap { c -> Unicode.Scalar? in
                    switch c {
                    case "“", "”", "‘", "’", "\"", "'", " ", "\u{3000}": return nil
                    case "％": return "%"
                    default: return c
                    }
                }))
    }
}

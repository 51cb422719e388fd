/// Runs the enabled rules over one analysis and applies the configuration: severities, allowed words, order.
public struct Checker: Sendable {
    public let configuration: Configuration
    public let rules: [any Rule]

    public init(configuration: Configuration = Configuration(), rules: [any Rule] = RuleRegistry.all) {
        self.configuration = configuration
        self.rules = rules.filter { configuration.isEnabled($0.description) }
        self.allowed = KeywordMatcher(configuration.allowedWords)
    }

    private let allowed: KeywordMatcher

    public func check(_ document: Document) -> [Diagnostic] { check(analyse(document)) }

    /// The analysis as this configuration sees the document: its allowed words, knowledge and report year.
    public func analyse(_ document: Document) -> Analysis {
        Analysis(
            document, userWords: configuration.allowedWords, knowledge: configuration.knowledge, year: configuration.year,
            typoTuning: configuration.typoTuning, sharedVocabulary: configuration.sharedVocabulary)
    }

    public func check(_ analysis: Analysis) -> [Diagnostic] { check(analysis, timing: nil) }

    /// - Parameter timing: called with each rule's id and the time it took (for `--timings`).
    public func check(_ analysis: Analysis, timing: ((String, Duration) -> Void)?) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let clock = ContinuousClock()
        // A step of the analysis made on first use is charged to the analysis (as analysis.<step>), not to the rule
        // that read it first.
        let stepsBefore = Set(analysis.steps.all.map(\.0))
        for rule in rules {
            let start = clock.now, lazyBefore = timing == nil ? .zero : analysis.steps.total
            out.append(contentsOf: rule.check(analysis))
            if let timing { timing(rule.description.id, clock.now - start - (analysis.steps.total - lazyBefore)) }
        }
        if let timing { for (name, took) in analysis.steps.all where !stepsBefore.contains(name) { timing("analysis." + name, took) } }
        out.removeAll { ($0.confidence ?? 1) < configuration.typoThreshold }
        // A residue block is deleted whole; what other rules would say of its punctuation or wording is noise.
        let residue = analysis.webResidue
        if !residue.blocks.isEmpty { out.removeAll { $0.family != "residue" && residue.blockCovers($0.range) } }
        if !configuration.severities.isEmpty {
            for k in out.indices { if let s = configuration.severity(for: out[k].rule) { out[k].severity = s } }
        }
        if !configuration.allowedWords.isEmpty {
            let s = analysis.scalars
            let spans = SortedRanges(allowed.matches(in: s, 0..<s.count).map(\.range))
            out.removeAll { spans.contains($0.range) }
        }
        out.sort { a, b in
            a.range.lowerBound != b.range.lowerBound
                ? a.range.lowerBound < b.range.lowerBound
                : a.range.upperBound != b.range.upperBound ? a.range.upperBound < b.range.upperBound : a.rule < b.rule
        }
        // Two rules may not report the same span for the same reason twice.
        var unique: [Diagnostic] = []
        unique.reserveCapacity(out.count)
        for d in out where !(unique.last.map { $0.rule == d.rule && $0.range == d.range } ?? false) { unique.append(d) }
        return Self.withoutContradictedFixes(Self.withoutRepeatedFixes(unique))
    }

    /// Two rules of one family that propose the same correction of the same characters (其它 → 其他 as a
    /// confusable word and as a homophone) are one slip: the writer sees it once, with the surer of the two.
    static func withoutRepeatedFixes(_ sorted: [Diagnostic]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        out.reserveCapacity(sorted.count)
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count && sorted[end].range == sorted[start].range { end += 1 }
            for k in start..<end {
                let d = sorted[k]
                let same = { (e: Diagnostic) in
                    e.family == d.family && e.replacements.first != nil && e.replacements.first == d.replacements.first
                }
                // Kept unless another of the group says the same more surely (or as surely, listed earlier).
                let beaten = (start..<end).contains { j in
                    j != k && same(sorted[j])
                        && ((sorted[j].confidence ?? 1) > (d.confidence ?? 1)
                            || ((sorted[j].confidence ?? 1) == (d.confidence ?? 1) && j < k))
                }
                if !beaten { out.append(d) }
            }
            start = end
        }
        return out
    }

    /// Two findings on the same characters that would write different things there (a half-width ")" made "）" by
    /// one rule and "》" by another, because it closes a 《) are a choice for the writer: neither is fixed without
    /// them, so no fix, safe or not, writes one reading over the other. Both keep their suggestions.
    static func withoutContradictedFixes(_ sorted: [Diagnostic]) -> [Diagnostic] {
        var out = sorted
        var start = 0
        while start < out.count {
            var end = start + 1
            while end < out.count && out[end].range == out[start].range { end += 1 }
            let proposals = Set(out[start..<end].compactMap { $0.fix == nil ? nil : $0.replacements.first })
            let others = Set(out[start..<end].compactMap(\.replacements.first))
            if end - start > 1 && !proposals.isEmpty && others.count > 1 {
                for k in start..<end { out[k].fix = nil }
            }
            start = end
        }
        return out
    }
}

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
    /// confusable word and as a homophone) are one slip: the writer sees it once, with the surer of the two (the
    /// first listed when they are as sure).
    static func withoutRepeatedFixes(_ sorted: [Diagnostic]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        out.reserveCapacity(sorted.count)
        for group in sameRangeGroups(sorted) {
            // Indices into `sorted`, so that the kept findings stay in its order.
            var kept: [Int] = []
            for i in group {
                let d = sorted[i]
                let same = kept.firstIndex { j in
                    sorted[j].family == d.family && d.replacements.first != nil && sorted[j].replacements.first == d.replacements.first
                }
                if let same {
                    if (d.confidence ?? 1) > (sorted[kept[same]].confidence ?? 1) { kept[same] = i }
                } else {
                    kept.append(i)
                }
            }
            out += kept.sorted().map { sorted[$0] }
        }
        return out
    }

    /// Two findings on the same characters that would write different things there (a half-width ")" made "）" by
    /// one rule and "》" by another, because it closes a 《) are a choice for the writer: neither is fixed without
    /// them, so no fix, safe or not, writes one reading over the other. Both keep their suggestions.
    static func withoutContradictedFixes(_ sorted: [Diagnostic]) -> [Diagnostic] {
        var out = sorted
        for group in sameRangeGroups(sorted) where group.count > 1 {
            let proposals = Set(out[group].compactMap { $0.fix == nil ? nil : $0.replacements.first })
            let others = Set(out[group].compactMap(\.replacements.first))
            if !proposals.isEmpty && others.count > 1 {
                for k in group { out[k].fix = nil }
            }
        }
        return out
    }

    /// The index ranges of findings, sorted by range, that report the same characters.
    static func sameRangeGroups(_ sorted: [Diagnostic]) -> [Range<Int>] {
        var groups: [Range<Int>] = []
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count && sorted[end].range == sorted[start].range { end += 1 }
            groups.append(start..<end)
            start = end
        }
        return groups
    }
}

/// A garbled fixed phrase, found by its similarity to the canonical one rather than by a list of wrong forms: two
/// neighbouring characters swapped (拒防腐变), one replaced by a character of like sound or shape (拒腐防辨), or one
/// (in long phrases two neighbouring ones) left out inside it (以习近平为核心的党中央). Punctuation and spaces inside
/// the phrase do not count (不忘初心 牢记使命 is fine).
public struct FixedPhraseRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "formula.phrase",
        severity: .error,
        summary: "固定表述有错字、颠倒或漏字（拒防腐变、不忘初心、牢记使名、以习近平为核心的党中央）",
        rationale:
            "拒腐防变、不忘初心、牢记使命、全面从严治党、以习近平同志为核心的党中央等表述一字不能差（参考文件 political-formulas.md，每条附来源）。按与标准表述的相似度查找：相邻两字颠倒、一字换成音近或形近字、中间漏掉一字（较长的表述漏掉相邻两字），不逐一列举错误写法。标点和空格不计。",
        fix: .unsafe,
        triggering: [
            RuleExample("筑牢«拒防腐变»的思想防线。", fixed: "筑牢拒腐防变的思想防线。"),
            RuleExample("牢记«不忘初心、牢记使名»。", fixed: "牢记不忘初心、牢记使命。"),
            RuleExample("紧密团结在«以习近平为核心的党中央»周围。", fixed: "紧密团结在以习近平同志为核心的党中央周围。"),
            RuleExample("坚决维护«党中央权威和统一领导»。", fixed: "坚决维护党中央权威和集中统一领导。"),
            RuleExample("认真落实«党风廉建设»责任制。", fixed: "认真落实党风廉政建设责任制。"),
        ],
        nonTriggering: [
            "筑牢拒腐防变的思想防线，不忘初心 牢记使命。",
            "紧密团结在以习近平同志为核心的党中央周围。",
            "全面从严治党，从严治警，从严治校。",
            "坚持全面从严治理，推进依法行政。",
        ]
    )

    /// A phrase without its punctuation, as the comparison sees it.
    static func core(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] { scalars.filter { !isIgnored($0) } }

    @inline(__always) static func isIgnored(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        // Han characters, most of the text, first.
        if ScalarClass.isUnifiedHan(v) { return false }
        return v == 0x3001 || v == 0xFF0C || v == 0x2C || v == 0x201C || v == 0x201D || v == 0x2018 || v == 0x2019
            || ScalarClass.isInlineSpace(v)
    }

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        let knowledge = analysis.knowledge
        let lexicon = Lexicon.shared
        var out: [Diagnostic] = []
        let starters = knowledge.index.phraseStarters
        let cores = knowledge.index.phraseCores
        // The starts' buffers serve every paragraph, emptied rather than allocated anew for each.
        var starts = [[Int]](repeating: [], count: cores.count)
        for paragraph in analysis.document.paragraphs where !paragraph.isBlank {
            let allowed = SortedRanges(knowledge.index.allowedSpans(s, paragraph.content))
            // The paragraph without what the phrases ignore, and where each of its characters stands in the text,
            // written straight into their storage (an append per character, twice, cost more than the rest).
            var kept = 0
            let map = [Int](unsafeUninitializedCapacity: paragraph.content.count) { buffer, count in
                for p in paragraph.content where !Self.isIgnored(s[p]) {
                    buffer.initializeElement(at: kept, to: p)
                    kept += 1
                }
                count = kept
            }
            let t = [Unicode.Scalar](unsafeUninitializedCapacity: kept) { buffer, count in
                for (k, p) in map.enumerated() { buffer.initializeElement(at: k, to: s[p]) }
                count = kept
            }
            // The positions where each phrase may start: its first character there, or its second one after. One
            // pass over the paragraph through the phrases' first and second characters, instead of a pass a phrase.
            for c in starts.indices { starts[c].removeAll(keepingCapacity: true) }
            for i in t.indices {
                if starters.first.mayHold(t[i]) { for c in starters.first[t[i]] { starts[c].append(i) } }
                if i + 1 < t.count && starters.second.mayHold(t[i + 1]) {
                    for c in starters.second[t[i + 1]] where starts[c].last != i { starts[c].append(i) }
                }
            }
            for (c, (k, p)) in cores.enumerated() where !starts[c].isEmpty {
                let entry = knowledge.phrases[k]
                let n = p.count
                guard t.count >= n - 2 else { continue }
                var exact: [Range<Int>] = []
                for i in starts[c] where t[i] == p[0] && i + n <= t.count && t[i..<i + n].elementsEqual(p) {
                    exact.append(i..<i + n)
                }
                var next = 0
                for i in starts[c] where i >= next {
                    guard let found = Self.nearMiss(t, at: i, p, lexicon) else { continue }
                    let window = i..<i + found.length
                    guard !exact.contains(where: { $0.overlaps(window) }) else { continue }
                    let span = map[window.lowerBound]..<map[window.upperBound - 1] + 1
                    guard !allowed.contains(span) else { continue }
                    out.append(
                        description.diagnostic(
                            span, "固定表述应为“\(entry.text)”（\(found.what)）" + entry.citation, replacements: [entry.text],
                            fix: .unsafe, severity: knowledge.severity(entry.status, .error)))
                    next = window.upperBound
                }
            }
        }
        return out
    }

    /// The phrases (by index into `cores`) each character starts, and those whose second character it is.
    static func starters(_ cores: [(phrase: Int, core: [Unicode.Scalar])]) -> (first: ScalarIndex, second: ScalarIndex) {
        var first = ScalarIndex(), second = ScalarIndex()
        for (c, (_, p)) in cores.enumerated() {
            if let a = p.first { first.add(c, under: a) }
            if p.count > 1 { second.add(c, under: p[1]) }
        }
        return (first, second)
    }

    /// Numbers filed under scalars, with a bit per BMP scalar in front so that a scalar holding nothing (nearly
    /// every one) costs a bit test rather than a hash.
    struct ScalarIndex {
        private var lists: [Unicode.Scalar: [Int]] = [:]
        private var bits = [UInt64](repeating: 0, count: 0x10000 / 64)

        mutating func add(_ n: Int, under scalar: Unicode.Scalar) {
            lists[scalar, default: []].append(n)
            if scalar.value < 0x10000 { bits[Int(scalar.value) >> 6] |= 1 << UInt64(scalar.value & 63) }
        }

        @inline(__always) func mayHold(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value >= 0x10000 || bits[Int(scalar.value) >> 6] & (1 << UInt64(scalar.value & 63)) != 0
        }

        subscript(_ scalar: Unicode.Scalar) -> [Int] { lists[scalar] ?? [] }
    }

    /// Whether t at i is p with one slip; the slip's length in t and what it is.
    static func nearMiss(_ t: [Unicode.Scalar], at i: Int, _ p: [Unicode.Scalar], _ lexicon: Lexicon) -> (length: Int, what: String)? {
        let n = p.count
        if i + n <= t.count {
            // The first two mismatched positions and how many there are (counting stops past two): no array, since
            // this runs at every place a phrase may start.
            var first = -1, second = -1, mismatches = 0
            for j in 0..<n where t[i + j] != p[j] {
                if mismatches == 0 { first = j } else if mismatches == 1 { second = j }
                mismatches += 1
                if mismatches > 2 { break }
            }
            if mismatches == 1, !lexicon.confusion(t[i + first], p[first]).isEmpty {
                return (n, "“\(t[i + first])”应为“\(p[first])”")
            }
            if mismatches == 2, second == first + 1, t[i + first] == p[second], t[i + second] == p[first] {
                return (n, "“\(p[first])\(p[second])”颠倒")
            }
        }
        // Left out inside the phrase: one character, or two neighbouring ones in a phrase of eight or more.
        var a = 0
        while a < n && i + a < t.count && t[i + a] == p[a] { a += 1 }
        guard a >= 1 else { return nil }
        for gap in 1...(n >= 8 ? 2 : 1) where a + gap <= n - 1 {
            let rest = p[(a + gap)...]
            let end = i + a + rest.count
            if end <= t.count && t[(i + a)..<end].elementsEqual(rest) {
                return (n - gap, "漏了“\(String(String.UnicodeScalarView(p[a..<a + gap])))”")
            }
        }
        return nil
    }
}

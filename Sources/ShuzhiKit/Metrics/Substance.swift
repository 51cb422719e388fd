/// How much of a report states facts: the share of sentences with a concrete result (a number with its unit, a
/// titled document, a named place or organisation) against formulaic ones, and the paragraphs with the least substance.
public struct Substance: Sendable {
    public struct Paragraph: Sendable {
        public let index: Int
        public let range: Range<Int>
        public let sentences: Int
        public let factual: Int
    }

    public let sentences: Int
    public let factual: Int
    /// factual / sentences, 0…1.
    public var score: Double { sentences == 0 ? 0 : Double(factual) / Double(sentences) }
    /// Paragraphs of at least two sentences and 60 characters, fewest facts first (at most five).
    public let mostFormulaic: [Paragraph]

    public init(_ analysis: Analysis, results: [StatedResult]) {
        let s = analysis.scalars
        let lexicon = Lexicon.shared
        let resultSpans = SortedRanges(results.map(\.range))
        let words = analysis.words
        var nameSpans: [Range<Int>] = []
        for w in words {
            if case .known(_, let tag) = w.kind, lexicon.tag(tag) == "ns" || lexicon.tag(tag) == "nt", w.range.count >= 2 {
                nameSpans.append(w.range)
            }
        }
        let names = SortedRanges(nameSpans)
        var sentences = 0, factual = 0
        var paragraphs: [Paragraph] = []
        for paragraph in analysis.document.paragraphs where !paragraph.isBlank {
            var count = 0, facts = 0
            var a = paragraph.content.lowerBound
            for p in paragraph.content.lowerBound...paragraph.content.upperBound {
                guard p == paragraph.content.upperBound || Clause.endsSentence(s[p].value) else { continue }
                let sentence = a..<p
                a = p + 1
                guard sentence.count >= 6 else { continue }
                count += 1
                let hasResult = resultSpans.overlaps(sentence)
                let hasTitle = sentence.contains { s[$0] == "《" }
                let hasName = names.overlaps(sentence)
                if hasResult || hasTitle || hasName { facts += 1 }
            }
            sentences += count
            factual += facts
            if count >= 2 && paragraph.content.count >= 60 {
                paragraphs.append(Paragraph(index: paragraph.index, range: paragraph.content, sentences: count, factual: facts))
            }
        }
        self.sentences = sentences
        self.factual = factual
        mostFormulaic = Array(
            paragraphs.sorted {
                Double($0.factual) / Double($0.sentences) < Double($1.factual) / Double($1.sentences)
            }.filter { Double($0.factual) / Double($0.sentences) < 0.5 }.prefix(5))
    }
}

/// Everything rules read about a document, computed once and shared: the outline, the web-residue scan, the
/// numbered sequences, the quotation-mark pairing and the word segmentation. Rules are pure functions of this value.
public final class Analysis: Sendable {
    public let document: Document
    public let outline: Outline
    public let webResidue: WebResidue
    /// Sibling headings and 一是… series as number sequences (read by the numbering rules).
    let sequences: NumberedSequences
    /// “” and ‘’ paired per paragraph (read by the quote rules).
    let doubleQuotes: QuotePairing
    let singleQuotes: QuotePairing
    /// The segmenter (dictionary plus the user's words) and the words of every paragraph, in order — segmented on
    /// first use, since only the typo rules read them.
    public let segmenter: Segmenter
    public var words: [Word] { segmentation.value }
    private let segmentation: OnceValue<[Word]>

    /// The political formulas, dates and wording changes the `formula` and `outdated` rules read.
    public let knowledge: KnowledgeBase
    /// The year the report speaks for (inferred, or `--year`), decided on first use.
    public var reportYear: ReportYear { year.value }
    private let year: OnceValue<ReportYear>
    /// When the report was written and the span of work it describes, for the rules that judge dates; nil when the
    /// year is unknown.
    var reportPeriod: OutdatedContext? { period.value }
    private let period: OnceValue<OutdatedContext?>
    /// Which of 述学/述职/述廉/述法/党建/问题不足/下步打算 each top-level section is, decided on first use.
    public var structure: ReportStructure { parts.value }
    private let parts: OnceValue<ReportStructure>
    private let typos = OnceCell<TypoFindings>()
    let typoTuning: TypoTuning
    /// The strings of two to four Han characters the document writes, with their counts, made on first use.
    var vocabulary: DocumentVocabulary { ownVocabulary.value }
    private let ownVocabulary: OnceValue<DocumentVocabulary>
    let sharedVocabulary: (any SharedVocabulary)?
    /// The time of each step above made so far (for `--timings`).
    let steps: StepTimes

    /// - Parameters:
    ///   - userWords: words the user declared right (`[words] allow`); the segmenter treats them as words.
    ///   - knowledge: the built-in knowledge base, or it extended with the user's files.
    ///   - year: the report's year when the user states it; otherwise inferred from the text.
    ///   - typoTuning: the typo finders' weights.
    ///   - sharedVocabulary: words other documents use (a batch, the corpus store), not to be taken for slips.
    public init(
        _ document: Document, userWords: [String] = [], knowledge: KnowledgeBase = .builtIn, year: Int? = nil,
        typoTuning: TypoTuning = .standard, sharedVocabulary: (any SharedVocabulary)? = nil
    ) {
        self.document = document
        self.typoTuning = typoTuning
        self.sharedVocabulary = sharedVocabulary
        let steps = StepTimes()
        self.steps = steps
        self.ownVocabulary = OnceValue { steps.measure("vocabulary") { DocumentVocabulary(document.scalars) } }
        self.knowledge = knowledge
        let segmenter = Segmenter(userWords: userWords)
        self.segmenter = segmenter
        self.segmentation = OnceValue {
            steps.measure("segmentation") { document.paragraphs.flatMap { segmenter.segment(document.scalars, $0.content) } }
        }
        let residue = WebResidue(document)
        self.webResidue = residue
        // Pasted page chrome (a breadcrumb, a toolbar) is neither the title nor a heading.
        let outline = Outline(document, ignoring: Set(residue.blocks.flatMap { Array($0.paragraphs) }))
        self.outline = outline
        let reportYear = OnceValue {
            steps.measure("year") { ReportYear(document, outline: outline, knowledge: knowledge, override: year) }
        }
        self.year = reportYear
        self.period = OnceValue { steps.measure("period") { OutdatedContext(reportYear.value, document.scalars, plans: knowledge.plans) } }
        self.parts = OnceValue { steps.measure("structure") { ReportStructure(document, outline) } }
        self.sequences = NumberedSequences(document, outline)
        self.doubleQuotes = QuotePairing(document, double: true)
        self.singleQuotes = QuotePairing(document, double: false)
    }

    public var scalars: [Unicode.Scalar] { document.scalars }

    /// The slips of the pen the typo rules report, found once.
    var typoFindings: TypoFindings { typos.value { TypoFindings(self, tuning: typoTuning) } }

    /// Calls body with each non-blank paragraph's content range and its words.
    func forEachParagraph(_ body: (Range<Int>, ArraySlice<Word>) -> Void) {
        let words = self.words
        var cursor = 0
        for paragraph in document.paragraphs where !paragraph.isBlank {
            let range = paragraph.content
            while cursor < words.count && words[cursor].range.upperBound <= range.lowerBound { cursor += 1 }
            var end = cursor
            while end < words.count && words[end].range.lowerBound < range.upperBound { end += 1 }
            body(range, words[cursor..<end])
            cursor = end
        }
    }
}

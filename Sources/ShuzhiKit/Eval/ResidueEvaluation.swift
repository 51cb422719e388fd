/// How well template-site residue is recognised (`shuzhi eval residue DIR`) on documents whose lines are marked:
/// a line that starts with “§” is residue, one that starts with “¶” is the report's title (Scripts/make-residue-dev.py
/// builds such a set). The marks are stripped, the text analysed as `check` would, and every line judged: a residue
/// line is found when a residue block or inline residue covers most of it; a report line is a false alarm when any
/// residue touches it; the title is right when the outline's title is the marked line. Then `fix` (safe fixes) is run
/// and each line looked for in its output, letters and digits only (punctuation fixes do not count): a residue line
/// still there was not removed, a report line no longer there was removed or rewritten.
public struct ResidueEvaluation: Sendable {
    public struct Line: Sendable {
        public let text: String
        public let isResidue: Bool
        public let flagged: Bool
    }

    public struct Result: Sendable {
        public var lines: [Line] = []
        /// Whether the document has a marked title and the outline found exactly it.
        public var titleMarked = false
        public var titleRight = false
        public var foundTitle: String?
        /// Residue lines `fix` left in, and report lines it removed or rewrote beyond punctuation.
        public var residueLeftByFix: [String] = []
        public var reportLostByFix: [String] = []

        public var residueLines: Int { lines.count { $0.isResidue } }
        public var residueFound: Int { lines.count { $0.isResidue && $0.flagged } }
        public var reportLines: Int { lines.count { !$0.isResidue } }
        public var falseAlarms: Int { lines.count { !$0.isResidue && $0.flagged } }
    }

    /// The marked text as the document to check, and each line's marks.
    public static func unmark(_ text: String) -> (text: String, residue: [Bool], title: Int?) {
        var lines: [String] = [], residue: [Bool] = [], title: Int?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(raw)
            let isResidue = line.hasPrefix("§")
            if isResidue { line = line.dropFirst() }
            if line.hasPrefix("¶") { line = line.dropFirst(); title = lines.count }
            lines.append(String(line))
            residue.append(isResidue)
        }
        return (lines.joined(separator: "\n"), residue, title)
    }

    public static func evaluate(_ marked: String, checker: Checker = Checker()) -> Result {
        let (text, residue, titleLine) = unmark(marked)
        let document = Document(text: text)
        let analysis = checker.analyse(document)
        let found = analysis.webResidue.blocks.map(\.range) + analysis.webResidue.inline.map(\.range)
        var result = Result()
        for paragraph in document.paragraphs where paragraph.index < residue.count && !paragraph.isBlank {
            let r = paragraph.content
            let covered = found.reduce(0) { $0 + max(0, min($1.upperBound, r.upperBound) - max($1.lowerBound, r.lowerBound)) }
            let isResidue = residue[paragraph.index]
            let flagged = isResidue ? covered * 2 > r.count : covered > 0
            result.lines.append(Line(text: document.string(r), isResidue: isResidue, flagged: flagged))
        }
        if let titleLine, titleLine < document.paragraphs.count {
            result.titleMarked = true
            result.titleRight = analysis.outline.title == document.paragraphs[titleLine].content
        }
        result.foundTitle = analysis.outline.title.map { document.string($0) }
        let fixed = Fixer.fixAll(document, checker: checker, includeUnsafe: false).document
        let kept = Set(fixed.paragraphs.map { letters(fixed.scalars[$0.content]) })
        for line in result.lines {
            let key = letters(Array(line.text.unicodeScalars)[...])
            guard !key.isEmpty else { continue }
            if line.isResidue && kept.contains(key) { result.residueLeftByFix.append(line.text) }
            if !line.isResidue && !kept.contains(key) { result.reportLostByFix.append(line.text) }
        }
        return result
    }

    /// Han characters, digits and Latin letters: what a punctuation fix leaves alone.
    static func letters(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        for c in scalars where ScalarClass.isHan(c.value) || ScalarClass.isASCIIDigit(c.value) || ScalarClass.isASCIILetter(c.value) {
            view.append(c)
        }
        return String(view)
    }
}

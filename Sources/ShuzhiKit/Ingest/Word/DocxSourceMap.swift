/// The way back from a .docx document's text to its XML, kept for the annotated and fixed Word output: which part
/// and which `<w:p>` each paragraph came from, and for each piece of text the run and the bytes it was read from.
public struct DocxSourceMap: Sendable {
    public struct Segment: Sendable {
        public enum Kind: Sendable { case text, tab, lineBreak }
        public let kind: Kind
        /// Scalar offsets in `Document.scalars`.
        public let textRange: Range<Int>
        /// Bytes of the source in the part: the character data inside `<w:t>`, or the `<w:tab/>`/`<w:br/>` element.
        public let xmlRange: Range<Int>
        /// Bytes of the enclosing `<w:r>…</w:r>`, when there is one.
        public let runRange: Range<Int>?
    }

    public struct ParagraphSource: Sendable {
        /// Index into `parts`.
        public let part: Int
        /// Bytes of `<w:p>…</w:p>` in the part.
        public let xmlRange: Range<Int>
        /// Paragraph style id (`w:pStyle`), e.g. "Heading1", or "1" in Chinese Word.
        public let styleID: String?
        /// The style's name from styles.xml, e.g. "heading 1".
        public let styleName: String?
        /// Heading level (1-based) from the paragraph's or its style's outline level or a heading style name.
        public let headingLevel: Int?
        /// Whether Word numbers this paragraph automatically (`w:numPr` on it or its style): its "一、" is not in the text.
        public let isAutoNumbered: Bool
        public let isCentered: Bool
        public let isInTable: Bool
        public let segments: [Segment]
    }

    /// Part names, e.g. "word/document.xml".
    public let parts: [String]
    public let paragraphs: [ParagraphSource]
    /// For each line of the document text, the paragraph it belongs to (a `<w:br/>` splits one paragraph in lines).
    public let lineParagraphs: [Int]
}

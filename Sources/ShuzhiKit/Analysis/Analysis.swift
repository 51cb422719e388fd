/// Everything rules read about a document, computed once and shared: the outline, the web-residue scan, the
/// numbered sequences and the quotation-mark pairing. Rules are pure functions of this value.
public final class Analysis: Sendable {
    public let document: Document
    public let outline: Outline
    public let webResidue: WebResidue
    /// Sibling headings and 一是… series as number sequences (read by the numbering rules).
    let sequences: NumberedSequences
    /// “” and ‘’ paired per paragraph (read by the quote rules).
    let doubleQuotes: QuotePairing
    let singleQuotes: QuotePairing

    public init(_ document: Document) {
        self.document = document
        let residue = WebResidue(document)
        self.webResidue = residue
        // Pasted page chrome (a breadcrumb, a toolbar) is neither the title nor a heading.
        let outline = Outline(document, ignoring: Set(residue.blocks.flatMap { Array($0.paragraphs) }))
        self.outline = outline
        self.sequences = NumberedSequences(document, outline)
        self.doubleQuotes = QuotePairing(document, double: true)
        self.singleQuotes = QuotePairing(document, double: false)
    }

    public var scalars: [Unicode.Scalar] { document.scalars }
}

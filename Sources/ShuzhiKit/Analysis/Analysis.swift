/// Everything rules read about a document, computed once: the outline and the web-residue scan. Rules are pure
/// functions of this value.
public final class Analysis: Sendable {
    public let document: Document
    public let outline: Outline
    public let webResidue: WebResidue

    public init(_ document: Document) {
        self.document = document
        let residue = WebResidue(document)
        self.webResidue = residue
        // Pasted page chrome (a breadcrumb, a toolbar) is neither the title nor a heading.
        self.outline = Outline(document, ignoring: Set(residue.blocks.flatMap { Array($0.paragraphs) }))
    }

    public var scalars: [Unicode.Scalar] { document.scalars }
}

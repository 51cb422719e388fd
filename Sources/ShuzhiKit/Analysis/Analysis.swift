/// Everything rules read about a document, computed once: the outline and the web-residue scan. Rules are pure
/// functions of this value.
public final class Analysis: Sendable {
    public let document: Document
    public let outline: Outline
    public let webResidue: WebResidue

    public init(_ document: Document) {
        self.document = document
        self.outline = Outline(document)
        self.webResidue = WebResidue(document)
    }

    public var scalars: [Unicode.Scalar] { document.scalars }
}

import Foundation
import ShuzhiKit
import ShuzhiStore

/// Adding a document to the store — `corpus add` and `POST /api/corpus` both call this: its title is its first line
/// (else the file name), its year the one it reports on unless given, its source the file name; the same text twice
/// is stored once.
public enum CorpusIntake {
    public static func add(
        _ document: Document, file: String, author: String?, year: Int?, kind: DocumentKind, tags: [String],
        to store: any CorpusStore
    ) async throws -> (outcome: AddOutcome, metadata: DocumentMetadata) {
        let metadata = DocumentMetadata(
            title: document.firstLine(limit: 60) ?? (file as NSString).lastPathComponent, author: author,
            year: year ?? Analysis(document).reportYear.year, kind: kind, tags: tags, source: file)
        return (try await store.add(text: document.scalars, metadata: metadata), metadata)
    }
}

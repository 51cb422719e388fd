import ShuzhiKit

/// A .docx: the zip reader (with its bomb caps), the XML scanner, the styles and relationships, the paragraph map
/// back to the source. Any bytes: a document or an `IngestError`, never a crash, a hang or unbounded memory.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let document = try? Ingest.document(from: bytes, name: "fuzz.docx", options: IngestOptions(convertLegacy: false)) {
        if let map = document.docx {
            for p in map.paragraphs {
                precondition(p.xmlRange.upperBound <= size * 64 + 1_000_000)
                for s in p.segments { precondition(s.textRange.upperBound <= document.scalars.count) }
            }
        }
    }
    return 0
}

import ShuzhiKit

/// Text decoding: the encoding sniffer, UTF-8/UTF-16 with and without a byte-order mark, GB18030 through iconv, line
/// ends, and the document's lines and paragraphs. Any bytes: a document or an `IngestError`, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for encoding in [nil] + TextEncoding.allCases.map(Optional.some) {
        if let document = try? Ingest.document(
            from: bytes, name: "fuzz.txt", options: IngestOptions(encoding: encoding, convertLegacy: false))
        {
            precondition(document.paragraphs.allSatisfy { $0.range.upperBound <= document.scalars.count })
            _ = document.text
        }
    }
    return 0
}

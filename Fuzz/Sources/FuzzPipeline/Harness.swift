import Foundation
import ShuzhiKit

/// The whole path a report takes: bytes → document (as text, or as .docx when they start like a zip) → analysis →
/// every rule → the JSON, SARIF and text renderings → the fixes → the Word writers (comments, tracked and made
/// fixes, the laid-out document). Any bytes: outputs or an `IngestError`, never a crash, and every Word file written
/// reads back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let name = bytes.starts(with: [0x50, 0x4B]) ? "fuzz.docx" : "fuzz.txt"
    guard let document = try? Ingest.document(from: bytes, name: name, options: IngestOptions(convertLegacy: false)) else { return 0 }
    let checker = Checker()
    let analysis = checker.analyse(document)
    let diagnostics = checker.check(analysis)
    for d in diagnostics { precondition(d.range.upperBound <= document.scalars.count && d.range.lowerBound >= 0) }
    let report = CheckReport(document: document, diagnostics: diagnostics, reportYear: analysis.reportYear)
    _ = report.json.serialized()
    _ = SARIFRenderer.render([report], version: "fuzz").serialized()
    _ = TextRenderer(color: false).render(report)
    _ = Fixer.fixAll(document, checker: checker, includeUnsafe: true)
    let formatted = DocxFormatter.format(analysis)
    precondition((try? Ingest.document(from: formatted, name: "f.docx")) != nil, "the laid-out document reads back")
    if document.format == .docx {
        for revising in [DocxAnnotator.Revising.tracked, .accepted] {
            if let fixed = try? DocxAnnotator.fix(
                bytes, document: document, diagnostics: diagnostics, includeUnsafe: true, revising: revising)
            {
                precondition((try? Ingest.document(from: fixed.bytes, name: "fixed.docx")) != nil, "a fixed document reads back")
            }
        }
        if let annotated = try? DocxAnnotator.annotate(
            bytes, document: document, notes: DocxAnnotator.notes(diagnostics, document: document))
        {
            precondition((try? Ingest.document(from: annotated, name: "annotated.docx")) != nil, "an annotated document reads back")
        }
    }
    return 0
}

import ShuzhiKit

/// A zip of reports (a batch upload): names that climb out, encrypted entries, sizes that lie, bombs. Any bytes:
/// the reports or a `ReportArchive.Failure`, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let reports = try? ReportArchive.reports(in: bytes) {
        for r in reports { precondition(!r.name.hasPrefix("/") && !r.name.contains("../")) }
    }
    return 0
}

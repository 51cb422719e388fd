import Foundation
@testable import ShuzhiKit

/// Paths to test fixtures and to the shared corpus next to the project (tests that need `../shared` skip without it).
enum Fixture {
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")!
    }

    static func bytes(_ name: String) -> [UInt8] { [UInt8](try! Data(contentsOf: url(name))) }

    static func document(_ name: String) throws -> Document {
        try Ingest.document(from: bytes(name), name: name)
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `../shared` as the README describes it, when present.
    static var shared: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("corpus").path) ? url : nil
    }

    static var hasShared: Bool { shared != nil }
}

extension Document {
    /// The diagnostics of all default rules.
    var diagnostics: [Diagnostic] { Checker().check(self) }
}

func ingestError(_ body: () throws -> Document) -> IngestError? {
    do { _ = try body(); return nil } catch let e as IngestError { return e } catch { return nil }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import ShuzhiKit
import ShuzhiStore
import ShuzhiTestSupport
@testable import ShuzhiServer

/// A server over a new SQLite store in a temporary folder, driven without a socket (HummingbirdTesting's router
/// framework), or live on a loopback port.
struct TestServer {
    let settings: ServerSettings
    let folder: URL

    init(token: String? = nil, limits: UploadLimits = UploadLimits()) {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("shuzhi-server-\(UUID().uuidString)")
        settings = ServerSettings(
            port: 0, token: token, storeLocation: folder.appendingPathComponent("corpus.sqlite").path,
            ingest: IngestOptions(convertLegacy: false), limits: limits)
    }

    func run<T: Sendable>(_ setup: TestingSetup = .router, _ body: @Sendable @escaping (any TestClientProtocol) async throws -> T)
        async throws -> T
    {
        let store = try await CorpusStores.open(settings.storeLocation)
        do {
            let value = try await ShuzhiServer.application(settings, store: store).test(setup, body)
            try await store.close()
            try? FileManager.default.removeItem(at: folder)
            return value
        } catch {
            try? await store.close()
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }
}

enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sample = root.appendingPathComponent("Examples/sample-report.txt")
    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent("Tests/ShuzhiKitTests/Fixtures").appendingPathComponent(name)))
    }
    static var sampleText: String { (try? String(contentsOf: sample, encoding: .utf8)) ?? "" }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:] }
    /// The Chinese message of an API error body.
    var errorMessage: String { ((json["error"] as? [String: Any])?["message"] as? String) ?? "" }
    var bytes: [UInt8] { Array(body.readableBytesView) }
}

extension ByteBuffer {
    static func json(_ object: Any) -> ByteBuffer {
        ByteBuffer(bytes: (try? JSONSerialization.data(withJSONObject: object)) ?? Data())
    }
}

/// multipart/form-data as a browser builds it (`MultipartBody`), as HummingbirdTesting takes it.
struct Form {
    var body = MultipartBody()

    mutating func file(_ field: String, _ name: String, _ bytes: [UInt8]) { body.file(field, name, Data(bytes)) }

    mutating func field(_ field: String, _ value: String) { body.field(field, value) }

    var buffer: ByteBuffer { ByteBuffer(bytes: body.data) }
    static let headers: HTTPFields = [.contentType: MultipartBody.contentType]
}

import Foundation
import Hummingbird
import HummingbirdTesting
import ShuzhiKit
import ShuzhiServer
import ShuzhiStore

/// The server's readers: a request, in process (HummingbirdTesting's router framework, no socket), through the access
/// checks, the query decoding, the JSON and multipart readers, the batch and zip readers and the routes. Any request:
/// a documented answer, never a crash and never a 5xx; every error is JSON with a message.
///
/// The input: byte 0 picks the operation, byte 1 the content type, then the query up to the first newline, then the
/// body. A multipart body's boundary is `FUZZ`.
enum Shape {
    static let operations: [(HTTPRequest.Method, String)] = [
        (.post, "/api/check"), (.post, "/api/fix"), (.post, "/api/annotate"), (.post, "/api/format"), (.post, "/api/outline"),
        (.post, "/api/metrics"), (.post, "/api/compare"), (.post, "/api/review"), (.post, "/api/corpus"),
        (.post, "/api/corpus/search"), (.post, "/api/words"), (.get, "/api/corpus"), (.get, "/api/words"),
        (.get, "/api/words/suggestions"), (.get, "/api/corpus/1"), (.delete, "/api/corpus/1"), (.delete, "/api/words/%E5%B8%83"),
        (.get, "/api/corpus/stats"), (.get, "/api/rules"), (.put, "/api/check"),
    ]
    static let contentTypes: [String?] = [
        "application/json", "multipart/form-data; boundary=FUZZ", "application/octet-stream", "application/zip", "text/plain",
        nil,
    ]
}

/// One request at a time from libFuzzer's thread to the server's task, and its status back.
final class Exchange: @unchecked Sendable {
    let requests: AsyncStream<(HTTPRequest.Method, String, HTTPFields, ByteBuffer)>
    let send: AsyncStream<(HTTPRequest.Method, String, HTTPFields, ByteBuffer)>.Continuation
    let answered = DispatchSemaphore(value: 0)
    var answer: (status: Int, body: String) = (0, "")

    init() {
        (requests, send) = AsyncStream.makeStream()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shuzhi-fuzz-server-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let settings = ServerSettings(
            port: 0, storeLocation: folder.appendingPathComponent("corpus.sqlite").path, ingest: IngestOptions(convertLegacy: false),
            limits: UploadLimits(maximumDocumentBytes: 1 << 20))
        Task {
            do {
                let store = try await CorpusStores.open(settings.storeLocation)
                try await ShuzhiServer.application(settings, store: store).test(.router) { client in
                    for await (method, uri, headers, body) in self.requests {
                        // A request the framework itself cannot complete is a finding too, not a hang.
                        do {
                            let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
                            self.answer = (Int(response.status.code), String(buffer: response.body))
                        } catch {
                            self.answer = (599, "the request failed: \(error)")
                        }
                        self.answered.signal()
                    }
                }
            } catch {
                fatalError("the server did not start: \(error)")
            }
        }
    }

    func ask(_ method: HTTPRequest.Method, _ uri: String, _ headers: HTTPFields, _ body: [UInt8]) -> (status: Int, body: String) {
        send.yield((method, uri, headers, ByteBuffer(bytes: body)))
        answered.wait()
        return answer
    }
}

let exchange = Exchange()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard bytes.count >= 2 else { return 0 }
    let (method, path) = Shape.operations[Int(bytes[0]) % Shape.operations.count]
    let contentType = Shape.contentTypes[Int(bytes[1]) % Shape.contentTypes.count]
    let rest = bytes[2...]
    let newline = rest.firstIndex(of: 0x0A) ?? rest.endIndex
    // The query as bytes on the wire: only what a URL may carry (anything else percent-encoded).
    var query = ""
    for b in rest[rest.startIndex..<newline] {
        let c = Character(Unicode.Scalar(b))
        query += b > 0x20 && b < 0x7F && c != "#" ? String(c) : "%" + String(format: "%02X", b)
    }
    // A review waits for its result, so that its work is part of this input's run and not the next one's.
    if path == "/api/review" { query += (query.isEmpty ? "" : "&") + "wait=1" }
    let body = Array(rest[(newline < rest.endIndex ? newline + 1 : newline)...])
    var headers: HTTPFields = [:]
    if let contentType { headers[.contentType] = contentType }
    let answer = exchange.ask(method, query.isEmpty ? path : path + "?" + query, headers, body)
    precondition(answer.status >= 200 && answer.status < 500, "\(method) \(path)?\(query): \(answer.status) \(answer.body)")
    if answer.status >= 400 {
        let error = (try? JSONSerialization.jsonObject(with: Data(answer.body.utf8))) as? [String: Any]
        let message = (error?["error"] as? [String: Any])?["message"] as? String
        precondition(message?.isEmpty == false, "\(method) \(path): an error without a message: \(answer.body)")
    }
    return 0
}

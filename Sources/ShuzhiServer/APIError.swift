import Hummingbird
import ShuzhiKit
import ShuzhiService

/// Every error the API answers with: the status, and a JSON body the page shows as it is.
///
///     {"error": {"status": 413, "kind": "too-large", "message": "文件过大……", "messageEnglish": "…"}}
struct APIError: HTTPResponseError, Sendable {
    let status: HTTPResponse.Status
    let kind: String
    let message: String
    let english: String

    init(_ status: HTTPResponse.Status, _ kind: String, _ message: String, _ english: String) {
        self.status = status
        self.kind = kind
        self.message = message
        self.english = english
    }

    var json: JSONValue {
        .object([
            (
                "error",
                .object([
                    ("status", .int(Int(status.code))), ("kind", .string(kind)), ("message", .string(message)),
                    ("messageEnglish", .string(english)),
                ])
            )
        ])
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.make(json, status: status)
    }

    /// A file that could not be read: too large is 413, anything else about the content is 400 (422 would say the
    /// request was well-formed, but to the writer it is simply a file Shuzhi cannot take).
    init(_ error: IngestError) {
        self.init(
            error.kind == .tooLarge || error.kind == .decompressionLimit ? .contentTooLarge : .badRequest, error.kind.rawValue,
            "\(error.file)：\(error.chinese)", "\(error.file): \(error.english)")
    }

    /// An operation's refusal (a bad override, an output the input cannot give).
    init(_ error: ServiceError) { self.init(.badRequest, "bad-request", error.chinese, error.english) }

    init(_ failure: ReportArchive.Failure) {
        self.init(
            failure.isSizeLimit ? .contentTooLarge : .badRequest, "bad-archive", "压缩包：\(failure.chinese)",
            "archive: \(failure)")
    }

    static func badRequest(_ message: String, _ english: String) -> APIError { .init(.badRequest, "bad-request", message, english) }

    static func tooLarge(limit: Int) -> APIError {
        .init(.contentTooLarge, "too-large", "上传内容过大，上限 \(limit / 1_048_576) MB", "the upload is larger than \(limit / 1_048_576) MB")
    }

    static let notFound = APIError(.notFound, "not-found", "没有这个地址", "no such endpoint")
    static let unauthorized = APIError(.unauthorized, "unauthorized", "需要访问令牌：请先登录", "an access token is required")
}

/// JSON (and other) bodies with the headers every API answer carries.
enum JSONResponse {
    static func make(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        bytes(value.bytes(pretty: false), contentType: "application/json; charset=utf-8", status: status)
    }

    static func bytes(_ bytes: [UInt8], contentType: String, status: HTTPResponse.Status = .ok, download: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: contentType, .cacheControl: "no-store"]
        if let download { headers[.contentDisposition] = contentDisposition(download) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `attachment` with an ASCII fallback and the real (often Chinese) name per RFC 6266/5987.
    static func contentDisposition(_ name: String) -> String {
        let ascii = String(
            name.unicodeScalars.map { s -> Character in
                let c = Character(s)
                return s.isASCII && (c.isLetter || c.isNumber || "-._".contains(c)) ? c : "_"
            })
        var encoded = ""
        for byte in name.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~".contains(c) {
                encoded.append(c)
            } else {
                encoded += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}

import Foundation
import Hummingbird
import NIOCore
import ShuzhiKit
import ShuzhiService

/// One document as a request carries it: bytes and the name it is shown and saved under.
struct Upload: Sendable {
    let name: String
    let bytes: [UInt8]

}

/// Reads what a request sends, within the limits. Three shapes, so that a page, `curl` and a script all work:
/// - `application/json`: `{"text": "…", "name": "报告.txt"}` (pasted text);
/// - `multipart/form-data`: a `file` part (or `files` parts for a batch), or a `text` field;
/// - anything else: the body is the file itself, named by `?name=`.
struct RequestReader {
    let limits: UploadLimits

    struct PastedText: Decodable {
        let text: String
        let name: String?
    }

    /// The body, refused with 413 past `limit`.
    static func body(_ request: Request, limit: Int) async throws -> [UInt8] {
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw APIError.tooLarge(limit: limit)
        }
    }

    /// One document, or 400 when the request holds none.
    func document(_ request: Request) async throws -> Upload {
        let body = try await Self.body(request, limit: limits.maximumDocumentBytes + 64 * 1024)
        let contentType = request.headers[.contentType] ?? ""
        let queryName = request.form["name"].map(String.init)
        if contentType.lowercased().hasPrefix("application/json") {
            let pasted: PastedText
            do { pasted = try JSONDecoder().decode(PastedText.self, from: Data(body)) } catch {
                throw APIError.badRequest("JSON 请求应为 {\"text\": \"报告正文\"}", "a JSON request must be {\"text\": \"…\"}")
            }
            return try limited(
                Upload(name: Self.clean(pasted.name ?? queryName) ?? OutputName.pasted(pasted.text), bytes: Array(pasted.text.utf8)))
        }
        if let boundary = Multipart.boundary(of: contentType) {
            let form = try Self.multipart(body, boundary: boundary)
            if let file = form.first("file") ?? form.first("files") {
                return try limited(Upload(name: Self.clean(file.filename ?? queryName) ?? "上传的文件", bytes: file.bytes))
            }
            if let text = form.first("text") {
                return try limited(
                    Upload(name: Self.clean(queryName) ?? OutputName.pasted(String(decoding: text.bytes, as: UTF8.self)), bytes: text.bytes)
                )
            }
            throw APIError.badRequest("表单中没有 file 或 text 字段", "the form has no file or text field")
        }
        guard !body.isEmpty else { throw APIError.badRequest("请求中没有报告内容", "the request has no document") }
        return try limited(Upload(name: Self.clean(queryName) ?? "上传的文件", bytes: body))
    }

    /// Several documents: `files` parts (a part may be a .zip of reports), or the body itself as a zip.
    func batch(_ request: Request) async throws -> (uploads: [Upload], fields: [String: String]) {
        let body = try await Self.body(request, limit: limits.maximumBatchBytes)
        let contentType = request.headers[.contentType] ?? ""
        var uploads: [Upload] = []
        var fields: [String: String] = [:]
        if let boundary = Multipart.boundary(of: contentType) {
            for part in try Self.multipart(body, boundary: boundary).parts {
                if part.filename == nil { fields[part.name] = part.text; continue }
                let name = Self.clean(part.filename) ?? "上传的文件"
                if name.lowercased().hasSuffix(".zip") {
                    uploads += try unzip(part.bytes)
                } else {
                    uploads.append(try limited(Upload(name: name, bytes: part.bytes)))
                }
            }
        } else if !body.isEmpty {
            uploads = try unzip(body)
        }
        guard !uploads.isEmpty else {
            throw APIError.badRequest("没有收到报告文件（.txt、.docx、.doc、.wps 或其 zip 压缩包）", "no report files in the request")
        }
        guard uploads.count <= limits.batch.maximumFiles else {
            throw APIError(ReportArchive.Failure.tooManyFiles(found: uploads.count, limit: limits.batch.maximumFiles))
        }
        return (uploads, fields)
    }

    private func unzip(_ bytes: [UInt8]) throws -> [Upload] {
        do throws(ReportArchive.Failure) {
            return try ReportArchive.reports(in: bytes, limits: limits.batch).map { Upload(name: $0.name, bytes: $0.bytes) }
        } catch {
            throw APIError(error)
        }
    }

    private func limited(_ upload: Upload) throws -> Upload {
        if upload.bytes.count > limits.maximumDocumentBytes { throw APIError.tooLarge(limit: limits.maximumDocumentBytes) }
        return upload
    }

    static func multipart(_ body: [UInt8], boundary: String) throws -> Multipart {
        do throws(Multipart.Failure) { return try Multipart(body, boundary: boundary) } catch {
            throw APIError.badRequest("表单格式有误", "malformed multipart/form-data")
        }
    }

    /// A name as shown and used for downloads: the last path component (a browser may send a path), no control
    /// characters, at most 120 characters; nil when nothing is left.
    static func clean(_ name: String?) -> String? {
        guard let name else { return nil }
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var s = String(String.UnicodeScalarView(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
        s = s.trimmingCharacters(in: .whitespaces)
        if s.isEmpty || s == "." || s == ".." { return nil }
        return String(s.prefix(120))
    }
}

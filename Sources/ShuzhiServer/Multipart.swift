import Foundation
import ShuzhiKit

/// multipart/form-data (RFC 7578), as browsers send a form with files: each part's name, file name, and bytes.
/// The whole body is in memory already (its size was limited while it was read), so parsing is a byte search.
struct Multipart {
    struct Part {
        let name: String
        let filename: String?
        let bytes: [UInt8]

        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    let parts: [Part]

    /// The boundary of a `multipart/form-data; boundary=…` content type, or nil for any other type.
    static func boundary(of contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/form-data" else { return nil }
        for p in pieces.dropFirst() where p.lowercased().hasPrefix("boundary=") {
            var b = String(p.dropFirst("boundary=".count))
            if b.hasPrefix("\""), b.hasSuffix("\""), b.count >= 2 { b = String(b.dropFirst().dropLast()) }
            return b.isEmpty || b.utf8.count > 200 ? nil : b
        }
        return nil
    }

    enum Failure: Error { case malformed(String) }

    init(_ body: [UInt8], boundary: String) throws(Failure) {
        let delimiter = Array(("--" + boundary).utf8)
        let separator = Array("\r\n--".utf8) + Array(boundary.utf8)
        guard let first = Bytes.firstIndex(of: delimiter, in: body, from: 0) else { throw .malformed("no boundary") }
        var parts: [Part] = []
        var p = first + delimiter.count
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if p + 2 <= body.count, body[p] == 0x2D, body[p + 1] == 0x2D { break }
            guard p + 2 <= body.count, body[p] == 0x0D, body[p + 1] == 0x0A else { throw .malformed("bad delimiter line") }
            p += 2
            guard let headerEnd = Bytes.firstIndex(of: Array("\r\n\r\n".utf8), in: body, from: p) else {
                throw .malformed("part without headers")
            }
            let headers = String(decoding: body[p..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let next = Bytes.firstIndex(of: separator, in: body, from: contentStart) else { throw .malformed("unterminated part") }
            let (name, filename) = Self.disposition(headers)
            guard let name else { throw .malformed("part without a name") }
            parts.append(Part(name: name, filename: filename, bytes: Array(body[contentStart..<next])))
            p = next + separator.count
        }
        self.parts = parts
    }

    func first(_ name: String) -> Part? { parts.first { $0.name == name } }
    func all(_ name: String) -> [Part] { parts.filter { $0.name == name } }

    /// name and filename of `Content-Disposition: form-data; name="file"; filename="报告.docx"` (browsers send UTF-8).
    static func disposition(_ headers: String) -> (String?, String?) {
        for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
            var name: String?, filename: String?
            for field in line.split(separator: ";").dropFirst() {
                let kv = field.trimmingCharacters(in: .whitespaces)
                guard let eq = kv.firstIndex(of: "=") else { continue }
                let key = kv[..<eq].lowercased()
                var value = String(kv[kv.index(after: eq)...])
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                value = value.replacingOccurrences(of: "%22", with: "\"")
                if key == "name" { name = value } else if key == "filename" { filename = value }
            }
            return (name, filename)
        }
        return (nil, nil)
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ShuzhiKit
@testable import ShuzhiServer

/// Who may use the server and what a hostile page or upload can do: nothing.
@Suite struct SecurityTests {
    static let token = "s3cret-token-for-tests"

    @Test func aHostOthersCanReachNeedsAToken() throws {
        #expect(throws: ServerSetupError.self) { try ServerSettings(host: "0.0.0.0", storeLocation: "x").validate() }
        #expect(throws: ServerSetupError.self) { try ServerSettings(host: "192.168.1.5", token: "", storeLocation: "x").validate() }
        #expect(throws: ServerSetupError.self) { try ServerSettings(host: "0.0.0.0", token: "short", storeLocation: "x").validate() }
        #expect(throws: ServerSetupError.self) {
            try ServerSettings(host: "0.0.0.0", token: "has a space in it", storeLocation: "x").validate()
        }
        try ServerSettings(host: "0.0.0.0", token: Self.token, storeLocation: "x").validate()
        for host in ["127.0.0.1", "127.3.4.5", "localhost", "::1"] { try ServerSettings(host: host, storeLocation: "x").validate() }
        #expect(!ServerSettings.isLoopback("127.0.0.1.evil.com"))
        #expect(!ServerSettings.isLoopback("0.0.0.0"))
    }

    @Test func withATokenEveryRequestMustCarryIt() async throws {
        try await TestServer(token: Self.token).run { client in
            let body = ByteBuffer.json(["text": "正文"])
            let json: HTTPFields = [.contentType: "application/json"]
            try await client.execute(uri: "/api/check", method: .post, headers: json, body: body) { response in
                #expect(response.status == .unauthorized)
                #expect(response.errorMessage.contains("令牌"))
            }
            try await client.execute(uri: "/openapi.json", method: .get) { response in #expect(response.status == .unauthorized) }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login")
            }
            var wrong = json
            wrong[.authorization] = "Bearer s3cret-token-for-tesTS"
            try await client.execute(uri: "/api/check", method: .post, headers: wrong, body: body) { response in
                #expect(response.status == .unauthorized)
            }
            for header in [
                HTTPFields([HTTPField(name: .authorization, value: "Bearer \(Self.token)")]),
                HTTPFields([HTTPField(name: HTTPField.Name("X-Shuzhi-Token")!, value: Self.token)]),
                HTTPFields([HTTPField(name: .cookie, value: "shuzhi_token=\(Self.token)")]),
            ] {
                var headers = json
                headers.append(contentsOf: header)
                try await client.execute(uri: "/api/check", method: .post, headers: headers, body: body) { response in
                    #expect(response.status == .ok)
                }
            }
            // The login form: a wrong token is refused, the right one sets an HttpOnly, SameSite=Strict cookie.
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            try await client.execute(uri: "/login", method: .post, headers: form, body: ByteBuffer(string: "token=guess")) { response in
                #expect(response.status == .unauthorized)
                #expect(response.text.contains("令牌不正确"))
            }
            try await client.execute(uri: "/login", method: .post, headers: form, body: ByteBuffer(string: "token=\(Self.token)")) {
                response in
                #expect(response.status == .seeOther)
                let cookie = response.headers[.setCookie] ?? ""
                #expect(cookie.contains("shuzhi_token=\(Self.token)") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            }
        }
    }

    @Test func everyAnswerForbidsForeignScriptsAndFraming() async throws {
        try await TestServer().run { client in
            for uri in ["/", "/assets/app.js", "/api/health", "/api/nothing"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let csp = response.headers[.contentSecurityPolicy] ?? ""
                    #expect(
                        csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"),
                        "\(uri)")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                }
            }
            // The page loads nothing from elsewhere: every src and href is the server's own or a fragment.
            try await client.execute(uri: "/", method: .get) { response in
                let page = response.text
                let references = page.matches(of: /(?:src|href)="([^"]*)"/).map { String($0.1) }
                #expect(!references.isEmpty)
                for r in references { #expect(r.hasPrefix("/") || r.hasPrefix("#") || r.hasPrefix("data:"), "\(r)") }
                #expect(!page.contains("<script>") && !page.contains("style=\""))
            }
        }
    }

    /// A page on another site may post to a server on this machine (the browser sends the request, with `Origin`);
    /// it is refused before anything is read.
    @Test func requestsFromOtherSitesAreRefused() async throws {
        try await TestServer().run { client in
            for origin in ["https://evil.example", "http://localhost.evil.example"] {
                try await client.execute(uri: "/api/corpus/1", method: .delete, headers: [.origin: origin]) { response in
                    #expect(response.status == .forbidden)
                }
            }
            try await client.execute(uri: "/api/corpus/1", method: .delete, headers: [.origin: "http://localhost"]) { response in
                #expect(response.status == .notFound)
            }
        }
        #expect(AccessControl.isLoopbackAuthority("127.0.0.1:8080"))
        #expect(AccessControl.isLoopbackAuthority("[::1]:8080"))
        #expect(AccessControl.isLoopbackAuthority("localhost"))
        #expect(!AccessControl.isLoopbackAuthority("evil.example:8080"))
        #expect(!AccessControl.isLoopbackAuthority("127.0.0.1.nip.io"))
    }

    /// A report full of markup comes back as data: the JSON carries it as a string, never as a page.
    @Test func markupInAReportStaysText() async throws {
        let hostile = "一、工作情况\n<script>alert(1)</script>\"><img src=x onerror=alert(2)>，我们要再接再励。"
        try await TestServer().run { client in
            try await client.execute(
                uri: "/api/check", method: .post, headers: [.contentType: "application/json"], body: .json(["text": hostile])
            ) { response in
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(response.json["text"] as? String == hostile)
            }
            try await client.execute(uri: "/api/fix?name=%3Cimg%20src%3Dx%3E.txt", method: .post, body: ByteBuffer(string: hostile)) {
                response in
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
                let disposition = response.headers[.contentDisposition] ?? ""
                #expect(!disposition.contains("<") && !disposition.contains("\r") && !disposition.contains("\n"))
            }
        }
    }

    /// A name in the request never names a file on this machine: it only labels the upload.
    @Test func namesNeverReachTheFileSystem() async throws {
        try await TestServer().run { client in
            try await client.execute(uri: "/api/check?name=/etc/passwd", method: .post, body: ByteBuffer(string: "一、报告正文。")) { response in
                #expect(response.json["file"] as? String == "passwd")
                #expect(response.json["text"] as? String == "一、报告正文。")
            }
        }
        #expect(RequestReader.clean("../../a/b/报告.docx") == "报告.docx")
        #expect(RequestReader.clean("C:\\Users\\x\\述职.docx") == "述职.docx")
        #expect(RequestReader.clean("..") == nil)
        #expect(
            ReportArchive.isSafe("a/b.txt") && !ReportArchive.isSafe("../b.txt") && !ReportArchive.isSafe("/etc/x")
                && !ReportArchive.isSafe("C:\\x.txt") && !ReportArchive.isSafe("a\\..\\..\\x.txt"))
    }
}

import CShuzhiWebAssets
import Hummingbird

/// The page, its script and style, and the API description, served from the copies linked into the binary.
enum WebAssets {
    static func bytes(_ name: String) -> [UInt8] {
        var count = 0
        guard let base = shuzhi_web_asset(name, &count) else { return [] }
        return Array(UnsafeBufferPointer(start: base, count: count))
    }

    static let page = bytes("page.html")
    static let script = bytes("app.js")
    static let style = bytes("app.css")
    static let openAPI = bytes("openapi.json")

    static func add(to router: Router<BasicRequestContext>, token: String?) {
        // The page is one document; the check, review and corpus views are its #fragments.
        router.get("/") { _, _ in serve(page, "text/html; charset=utf-8") }
        router.get("/assets/app.js") { _, _ in serve(script, "text/javascript; charset=utf-8") }
        router.get("/assets/app.css") { _, _ in serve(style, "text/css; charset=utf-8") }
        router.get("/openapi.json") { _, _ in serve(openAPI, "application/json; charset=utf-8") }
        router.get("/api/health") { _, _ in
            JSONResponse.make(.object([("status", .string("ok")), ("version", .string(ShuzhiServer.version))]))
        }
        router.get("/login") { _, _ in loginPage(message: nil) }
        router.post("/login") { request, _ in
            let body = try await RequestReader.body(request, limit: 4096)
            let presented = FormEncoding.field("token", in: body) ?? ""
            guard let token, AccessControl.constantTimeEqual(presented, token) else {
                var response = loginPage(message: "令牌不正确，请重试。")
                response.status = .unauthorized
                return response
            }
            var response = Response(status: .seeOther, headers: [.location: "/"])
            response.setCookie(
                Cookie(name: AccessControl.cookieName, value: token, path: "/", secure: false, httpOnly: true, sameSite: .strict))
            return response
        }
    }

    static func serve(_ bytes: [UInt8], _ type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A form with one field; its only style is the page's own stylesheet.
    static func loginPage(message: String?) -> Response {
        let note = message.map { "<p class=\"login-error\" role=\"alert\">\($0)</p>" } ?? ""
        let html = """
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>登录 · 述职报告检查</title><link rel="stylesheet" href="/assets/app.css"></head>
            <body class="login"><main><h1>述职报告检查</h1><p>此服务需要访问令牌，请向管理员索取。</p>\(note)
            <form method="post" action="/login"><label for="token">访问令牌</label>
            <input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
            <button type="submit">登录</button></form></main></body></html>
            """
        return serve(Array(html.utf8), "text/html; charset=utf-8")
    }
}

/// `application/x-www-form-urlencoded`, as the login form posts it.
enum FormEncoding {
    static func field(_ name: String, in body: [UInt8]) -> String? {
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard kv.count == 2, decode(kv[0]) == name else { continue }
            return decode(kv[1])
        }
        return nil
    }

    static func decode(_ s: Substring) -> String? {
        String(s.replacingOccurrences(of: "+", with: " ")).removingPercentEncoding
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import ShuzhiKit

/// Who may use the server, checked before any route runs.
///
/// - **Token.** When one is set, every request must carry it: `Authorization: Bearer …`, `X-Shuzhi-Token: …`, or the
///   cookie that `/login` sets. Pages without it go to the login form; the API answers 401.
/// - **Host.** Bound to loopback, only `localhost`/`127.x`/`[::1]` Host headers are served: a web page elsewhere
///   cannot rebind its own name to 127.0.0.1 (DNS rebinding) and read the reports.
/// - **Origin.** A request that changes something must come from the server's own page: a browser sends `Origin`
///   with such requests, and another site's origin is refused (cross-site request forgery).
/// - **Headers.** Every answer forbids scripts, styles and images from anywhere but the server itself, framing, and
///   content-type sniffing, so that even a mistake in the page could not run text from a report.
struct AccessControl: RouterMiddleware {
    typealias Context = BasicRequestContext
    let token: String?
    let loopbackOnly: Bool
    var methods = RouteMethods([])

    static let cookieName = "shuzhi_token"
    /// For a self-contained page to print: its inline styles, and nothing that runs or loads.
    static let printablePolicy =
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
        + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await guarded(request, context: context, next: next)
        } catch let error as HTTPResponseError {
            // The router's own 404 (not a route's "no such document"): a known path asked with another method is 405.
            if !(error is APIError), error.status == .notFound, let refusal = methods.refusal(of: request) {
                response = refusal
            } else {
                response = try Self.jsonError(error, request: request, context: context)
            }
        } catch {
            context.logger.error("请求失败 / request failed: \(error)")
            response = JSONResponse.make(
                APIError(.internalServerError, "internal", "服务器内部错误", "internal server error").json,
                status: .internalServerError)
        }
        // A page made whole on the server (the reviewer's sheets) brings its own, stricter policy: no script at all.
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return response
    }

    private func guarded(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if loopbackOnly, let host = request.head.authority, !Self.isLoopbackAuthority(host) {
            throw APIError(.misdirectedRequest, "bad-host", "只接受本机地址（localhost、127.0.0.1）的访问", "only loopback host names are served")
        }
        if request.method != .get && request.method != .head, let origin = request.headers[.origin],
            !Self.sameOrigin(origin, authority: request.head.authority)
        {
            throw APIError(.forbidden, "cross-origin", "拒绝来自其他网站的请求", "requests from other sites are refused")
        }
        guard let token, !token.isEmpty else { return try await next(request, context) }
        let path = request.uri.path
        if path == "/login" || path.hasPrefix("/assets/") { return try await next(request, context) }
        if Self.presented(request).contains(where: { Self.constantTimeEqual($0, token) }) { return try await next(request, context) }
        if path.hasPrefix("/api/") || path == "/openapi.json" { throw APIError.unauthorized }
        return Response(status: .seeOther, headers: [.location: "/login"])
    }

    /// The tokens a request carries, in any of the three places.
    static func presented(_ request: Request) -> [String] {
        var out: [String] = []
        if let auth = request.headers[.authorization], auth.lowercased().hasPrefix("bearer ") { out.append(String(auth.dropFirst(7))) }
        if let header = request.headers[HTTPField.Name("X-Shuzhi-Token")!] { out.append(header) }
        if let cookie = request.cookies[cookieName] { out.append(cookie.value) }
        return out
    }

    /// Compares without stopping at the first difference, so the time taken does not tell how much of a guess was right.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) { diff |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0) }
        return diff == 0
    }

    static func isLoopbackAuthority(_ authority: String) -> Bool {
        var host = Substring(authority)
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            host = host[host.index(after: host.startIndex)..<close]
        } else if let colon = host.lastIndex(of: ":") {
            host = host[..<colon]
        }
        return ServerSettings.isLoopback(String(host))
    }

    /// `Origin: http://127.0.0.1:8080` against `Host: 127.0.0.1:8080`.
    static func sameOrigin(_ origin: String, authority: String?) -> Bool {
        guard let authority, let schemeEnd = origin.range(of: "://") else { return false }
        return origin[schemeEnd.upperBound...].lowercased() == authority.lowercased()
    }

    /// An error as JSON for the API; for a page, the same message as a short text page.
    static func jsonError(_ error: HTTPResponseError, request: Request, context: Context) throws -> Response {
        if let api = error as? APIError { return JSONResponse.make(api.json, status: api.status) }
        let status = error.status
        let message: (String, String)
        switch status {
        case .notFound: message = ("没有这个地址", "no such endpoint")
        case .contentTooLarge: message = ("上传内容过大", "the upload is too large")
        case .methodNotAllowed: message = ("不支持这种请求方法", "method not allowed")
        default: message = ("请求有误（\(status.code)）", "the request failed (\(status.code))")
        }
        return JSONResponse.make(APIError(status, "http-\(status.code)", message.0, message.1).json, status: status)
    }
}

import HTTPTypes
import Hummingbird

/// The methods each of the server's paths takes, read from the router itself. The router answers 404 both for a path
/// it does not know and for a known path asked with another method; the second is 405 with `Allow` (RFC 9110
/// §15.5.6), which tells a script what it did wrong instead of that the address does not exist.
struct RouteMethods: Sendable {
    private let routes: [(path: RouterPath, methods: [HTTPRequest.Method])]

    init(_ descriptions: [Router<BasicRequestContext>.RouteDescription]) {
        var routes: [(path: RouterPath, methods: [HTTPRequest.Method])] = []
        for route in descriptions {
            if let i = routes.firstIndex(where: { $0.path == route.path }) {
                routes[i].methods.append(route.method)
            } else {
                routes.append((route.path, [route.method]))
            }
        }
        self.routes = routes
    }

    /// The methods the route for `path` takes, for the `Allow` header; empty when no route has this path. Where
    /// several match, the router takes the one with a fixed segment where the others have a parameter, the first
    /// place they differ (/api/corpus/stats over /api/corpus/{id}), and so does this.
    func allowed(on path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        var best: (fixed: [Bool], methods: [HTTPRequest.Method])?
        for route in routes where route.path.components.count == segments.count {
            guard zip(route.path.components, segments).allSatisfy({ $0 ~= $1 }) else { continue }
            let fixed = zip(route.path.components, segments).map { $0 == $1 }
            if let current = best, !fixed.lexicographicallyPrecedes(current.fixed, by: { $0 && !$1 }) { continue }
            best = (fixed, route.methods)
        }
        return best?.methods ?? []
    }

    /// The 405 for `request` when its path is known under other methods; nil when the path itself is unknown.
    func refusal(of request: Request) -> Response? {
        let methods = allowed(on: request.uri.path)
        guard !methods.isEmpty, !methods.contains(request.method) else { return nil }
        let error = APIError(
            .methodNotAllowed, "method-not-allowed", "这个地址不支持 \(request.method.rawValue) 请求",
            "\(request.method.rawValue) is not allowed here")
        var response = JSONResponse.make(error.json, status: .methodNotAllowed)
        response.headers[.allow] = methods.map(\.rawValue).joined(separator: ", ")
        return response
    }
}

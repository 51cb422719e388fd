import Foundation
import Hummingbird
import Logging
import NIOCore
import ShuzhiKit
import ShuzhiStore

/// `shuzhi serve`: the web page and its JSON API (documented in openapi.json) over the same library calls as the CLI.
public enum ShuzhiServer {
    public static let version = "0.2.0"

    /// The routes, behind the access checks, for a store that is already open.
    static func router(_ settings: ServerSettings, store: any CorpusStore, jobs: ReviewJobs) -> Router<BasicRequestContext> {
        // The access checks come first, and they answer 405 for a known path asked with another method: they learn
        // the paths from a router with the same routes (middleware only covers routes added after it).
        let methods = RouteMethods(addRoutes(to: Router(), settings, store: store, jobs: jobs).routes)
        let router = Router()
        router.add(
            middleware: AccessControl(token: settings.token, loopbackOnly: ServerSettings.isLoopback(settings.host), methods: methods))
        return addRoutes(to: router, settings, store: store, jobs: jobs)
    }

    private static func addRoutes(
        to router: Router<BasicRequestContext>, _ settings: ServerSettings, store: any CorpusStore, jobs: ReviewJobs
    ) -> Router<BasicRequestContext> {
        WebAssets.add(to: router, token: settings.token)
        DocumentRoutes(settings: settings, store: store).add(to: router)
        ReviewRoutes(settings: settings, store: store, jobs: jobs).add(to: router)
        CorpusRoutes(settings: settings, store: store).add(to: router)
        WordRoutes(settings: settings, store: store).add(to: router)
        return router
    }

    /// The application for a store that is already open; tests drive it without a socket.
    public static func application(
        _ settings: ServerSettings, store: any CorpusStore,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        var logger = Logger(label: "shuzhi")
        logger.logLevel = .warning
        return Application(
            router: router(settings, store: store, jobs: ReviewJobs()),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "Shuzhi"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? settings.port) },
            logger: logger
        )
    }

    /// Opens the store, serves until SIGINT or SIGTERM, closes the store. `onServerRunning` gets the bound port (which
    /// differs from the requested one when that was 0).
    public static func run(_ settings: ServerSettings, onServerRunning: @escaping @Sendable (Int) async -> Void) async throws {
        try settings.validate()
        let store = try await CorpusStores.open(settings.storeLocation)
        do {
            try await application(settings, store: store, onServerRunning: onServerRunning).runService()
            try await store.close()
        } catch {
            try? await store.close()
            throw error
        }
    }
}

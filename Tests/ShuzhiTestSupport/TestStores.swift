import Foundation
import Logging
import PostgresNIO
import ShuzhiStore

/// The stores the tests run against: always a SQLite file; a PostgreSQL server too when SHUZHI_TEST_POSTGRES names
/// one (`.ci/run` starts one with Scripts/test-postgres.sh and sets SHUZHI_REQUIRE_POSTGRES, so CI cannot skip it).
public enum Backend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres

    public var description: String { rawValue }

    public static var serverURL: String? {
        ProcessInfo.processInfo.environment["SHUZHI_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Without a server only SQLite; `StoreTests.postgresIsThereWhenRequired` fails when CI asked for both.
    public static var available: [Backend] { serverURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// A location for a new, empty store: a file in a new temporary folder, or a new database on the server.
    public func newLocation() async throws -> String {
        switch self {
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shuzhi-store-\(UUID().uuidString)")
            return dir.appendingPathComponent("corpus.sqlite").path
        case .postgres:
            guard let base = Self.serverURL, var parts = URLComponents(string: base) else { throw Unavailable() }
            let name = "shuzhi_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            try await Self.onServer(base) { try await $0.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: Self.logger) }
            parts.path = "/" + name
            return parts.string ?? base
        }
    }

    struct Unavailable: Error {}

    public static let logger = Logger(label: "shuzhi.tests", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Runs `body` on a raw connection to `url`, outside any store.
    public static func onServer(_ url: String, _ body: (PostgresConnection) async throws -> Void) async throws {
        let connection = try await PostgresConnection.connect(configuration: try PostgresStore.configuration(url), id: 9, logger: logger)
        do { try await body(connection) } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}

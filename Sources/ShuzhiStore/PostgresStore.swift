import Foundation
import Logging
import NIOSSL
import PostgresNIO
import ShuzhiKit

/// The organisation's store: the same tables and behaviour as `SQLiteStore`, on a PostgreSQL server that many
/// `shuzhi` clients and servers share. One connection per store value, held by an actor so each transaction has it
/// to itself; concurrent writers are kept apart by PostgreSQL (a unique digest, an advisory lock around migrations).
public actor PostgresStore: CorpusStore {
    private let connection: PostgresConnection
    private let logger: Logger
    /// The URL without its password, for messages.
    public nonisolated let location: String
    public nonisolated let scheme: FingerprintScheme

    /// Connects to `url` (`postgres://user:password@host:port/database?sslmode=disable|prefer|require`, or
    /// `?host=/var/run/postgresql` for a Unix socket) and brings the schema up to date.
    public static func open(url: String, scheme: FingerprintScheme = .standard) async throws -> PostgresStore {
        let target = try PostgresTarget(url)
        let logger = Logger(label: "shuzhi.store", factory: { _ in SwiftLogNoOpLogHandler() })
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: target.configuration, id: 1, logger: logger)
        } catch {
            throw StoreError.cannotOpen(target.redacted, Self.reason(error))
        }
        let store = PostgresStore(connection: connection, logger: logger, location: target.redacted, scheme: scheme)
        do {
            return try await store.migrate()
        } catch {
            try? await connection.close()
            if let error = error as? StoreError { throw error }
            throw StoreError.cannotOpen(target.redacted, Self.reason(error))
        }
    }

    private init(connection: PostgresConnection, logger: Logger, location: String, scheme: FingerprintScheme) {
        self.connection = connection
        self.logger = logger
        self.location = location
        self.scheme = scheme
    }

    /// The connection settings a `postgres://` URL names.
    public static func configuration(_ url: String) throws -> PostgresConnection.Configuration {
        try PostgresTarget(url).configuration
    }

    /// The server's own message where there is one (`PSQLError` hides it from `description` on purpose).
    static func reason(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return "\(underlying)" }
            return "\(error.code)"
        }
        if let error = error as? PostgresTransactionError {
            return reason(error.closureError ?? error.commitError ?? error.beginError ?? error.rollbackError ?? error)
        }
        return "\(error)"
    }

    @discardableResult
    private func run(_ query: PostgresQuery) async throws -> [PostgresRow] {
        do {
            return try await connection.query(query, logger: logger).collect()
        } catch {
            throw StoreError.database(Self.reason(error))
        }
    }

    private func transaction<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await run("BEGIN")
        do {
            let value = try await body()
            try await run("COMMIT")
            return value
        } catch {
            _ = try? await run("ROLLBACK")
            throw error
        }
    }

    /// Migrations run under an advisory lock, so two clients opening a new database at once apply them once.
    /// Returns the store with the scheme it records (recording this one's in a new store).
    private func migrate() async throws -> PostgresStore {
        try await transaction {
            try await run("SELECT pg_advisory_xact_lock(\(Self.migrationLock))")
            try await run("CREATE TABLE IF NOT EXISTS shuzhi_schema (version INTEGER NOT NULL, applied_at TEXT NOT NULL)")
            let found = try await schemaVersion()
            guard found <= Schema.version else { throw StoreError.schemaTooNew(found: found, known: Schema.version) }
            for n in (found + 1)..<(Schema.version + 1) {
                for statement in Schema.migration(n, dialect: .postgres) { try await run(PostgresQuery(unsafeSQL: statement)) }
                try await run("INSERT INTO shuzhi_schema (version, applied_at) VALUES (\(n), \(SQLiteStore.now()))")
            }
            var settings: [String: String] = [:]
            for row in try await run("SELECT name, value FROM shuzhi_settings") {
                let (name, value) = try row.decode((String, String).self)
                settings[name] = value
            }
            let (kept, record) = try await Schema.scheme(settings: settings, requested: scheme) {
                try await run("SELECT COUNT(*) FROM documents").first?.decode(Int.self) == 0
            }
            if record {
                try await run("INSERT INTO shuzhi_settings (name, value) VALUES ('k', \(String(kept.k))), ('w', \(String(kept.w)))")
            }
            return kept == scheme ? self : PostgresStore(connection: connection, logger: logger, location: location, scheme: kept)
        }
    }

    /// A constant key for `pg_advisory_xact_lock` ("shuzhi" in ASCII).
    private static let migrationLock: Int64 = 0x73_68_75_7A_68_69

    private func schemaVersion() async throws -> Int {
        try await run("SELECT COALESCE(MAX(version), 0) FROM shuzhi_schema").first?.decode(Int.self) ?? 0
    }

    public func add(text: [Unicode.Scalar], metadata: DocumentMetadata) async throws -> AddOutcome {
        let comparable = ComparableText(text)
        let digest = comparable.digest
        let fingerprints = Winnowing.fingerprints(comparable, scheme: scheme)
        return try await transaction {
            // ON CONFLICT: another client adding the same text at the same moment gets `duplicate`, not an error.
            let inserted = try await run(
                """
                INSERT INTO documents (digest, title, author, year, kind, tags, source, characters, fingerprint_count, added_at, body)
                VALUES (\(digest), \(metadata.title), \(metadata.author), \(metadata.year), \(metadata.kind.rawValue),
                        \(metadata.tags.joined(separator: "\n")), \(metadata.source), \(comparable.count), \(fingerprints.count),
                        \(SQLiteStore.now()), \(text.string(0..<text.count)))
                ON CONFLICT (digest) DO NOTHING RETURNING id
                """)
            guard let id = try inserted.first?.decode(Int64.self) else {
                let existing = try await run("SELECT id FROM documents WHERE digest = \(digest)")
                return .duplicate(try existing.first?.decode(Int64.self) ?? 0)
            }
            // All fingerprints in one statement: two arrays unnested into rows.
            let hashes = fingerprints.map { Int64(bitPattern: $0.hash) }
            let positions = fingerprints.map(\.position)
            try await run(
                """
                INSERT INTO fingerprints (hash, document_id, position)
                SELECT h, \(id), p FROM unnest(\(hashes)::bigint[], \(positions)::integer[]) AS t(h, p)
                """)
            return .added(id)
        }
    }

    private static let columns = "id, digest, title, author, year, kind, tags, source, characters, fingerprint_count, added_at"

    private static func document(_ row: PostgresRow) throws -> StoredDocument {
        let (id, digest, title, author, year, kind, tags, source, characters, count, addedAt) = try row.decode(
            (Int64, String, String, String?, Int?, String, String, String?, Int, Int, String).self)
        return StoredDocument(
            id: id, digest: digest, title: title, author: author, year: year, kind: kind, tags: tags,
            source: source, characters: characters, fingerprints: count, addedAt: addedAt)
    }

    public func documents() async throws -> [StoredDocument] {
        try await run(PostgresQuery(unsafeSQL: "SELECT \(Self.columns) FROM documents ORDER BY id")).map(Self.document)
    }

    public func document(_ id: Int64) async throws -> StoredDocument? {
        var query = PostgresQuery(unsafeSQL: "SELECT \(Self.columns) FROM documents WHERE id = $1")
        query.binds.append(id)
        return try await run(query).first.map(Self.document)
    }

    public func text(of id: Int64) async throws -> String? {
        try await run("SELECT body FROM documents WHERE id = \(id)").first?.decode(String.self)
    }

    public func remove(_ id: Int64) async throws -> Bool {
        try await transaction {
            let removed = try await run("DELETE FROM documents WHERE id = \(id) RETURNING id")
            try await run("DELETE FROM fingerprints WHERE document_id = \(id)")
            return !removed.isEmpty
        }
    }

    public func statistics() async throws -> StoreStatistics {
        var stats = StoreStatistics()
        for row in try await run("SELECT kind, COUNT(*), COALESCE(SUM(characters), 0) FROM documents GROUP BY kind") {
            let (kind, n, characters) = try row.decode((String, Int, Int).self)
            stats.documents += n
            stats.characters += characters
            if let kind = DocumentKind(rawValue: kind) { stats.byKind[kind] = n }
        }
        if let row = try await run("SELECT COUNT(*), COUNT(DISTINCT hash) FROM fingerprints").first {
            (stats.fingerprints, stats.distinctHashes) = try row.decode((Int, Int).self)
        }
        stats.schemaVersion = try await schemaVersion()
        stats.bytes =
            try await run("SELECT (pg_total_relation_size('documents') + pg_total_relation_size('fingerprints'))::bigint").first?.decode(
                Int.self) ?? 0
        return stats
    }

    public func documentID(digest: String) async throws -> Int64? {
        try await run("SELECT id FROM documents WHERE digest = \(digest)").first?.decode(Int64.self)
    }

    public func allowedWords() async throws -> [AllowedWord] {
        try await run("SELECT word, note, added_at FROM allowed_words ORDER BY added_at, word").map { row in
            let (word, note, addedAt) = try row.decode((String, String, String).self)
            return AllowedWord(word: word, note: note, addedAt: addedAt)
        }
    }

    public func allow(_ word: String, note: String) async throws -> Bool {
        // ON CONFLICT: two people adding the same word at once both succeed, and it is there once.
        let now = SQLiteStore.now()
        return
            !(try await run(
                "INSERT INTO allowed_words (word, note, added_at) VALUES (\(word), \(note), \(now)) ON CONFLICT (word) DO NOTHING RETURNING word"
            ).isEmpty)
    }

    public func disallow(_ word: String) async throws -> Bool {
        !(try await run("DELETE FROM allowed_words WHERE word = \(word) RETURNING word").isEmpty)
    }

    public func documentCount() async throws -> Int {
        try await run("SELECT COUNT(*) FROM documents").first?.decode(Int.self) ?? 0
    }

    public func documentFrequencies(of hashes: [UInt64]) async throws -> [UInt64: Int] {
        let keys = Array(Set(hashes)).map { Int64(bitPattern: $0) }
        var out: [UInt64: Int] = [:]
        for row in try await run(
            "SELECT hash, COUNT(DISTINCT document_id) FROM fingerprints WHERE hash = ANY(\(keys)::bigint[]) GROUP BY hash")
        {
            let (hash, n) = try row.decode((Int64, Int).self)
            out[UInt64(bitPattern: hash)] = n
        }
        return out
    }

    public func occurrences(of hashes: [UInt64]) async throws -> [(hash: UInt64, document: Int64, position: Int32)] {
        let keys = Array(Set(hashes)).map { Int64(bitPattern: $0) }
        return try await run("SELECT hash, document_id, position FROM fingerprints WHERE hash = ANY(\(keys)::bigint[])").map {
            let (hash, document, position) = try $0.decode((Int64, Int64, Int32).self)
            return (UInt64(bitPattern: hash), document, position)
        }
    }

    public func verify() async throws -> [String] {
        var problems: [String] = []
        if let n = try await run(PostgresQuery(unsafeSQL: Verification.orphans)).first?.decode(Int.self),
            let problem = Verification.orphanProblem(n)
        {
            problems.append(problem)
        }
        for row in try await run(PostgresQuery(unsafeSQL: Verification.incomplete)) {
            let (id, expected, found) = try row.decode((Int64, Int, Int).self)
            problems.append(Verification.incompleteProblem(id: id, expected: expected, found: found))
        }
        return problems
    }

    public func optimize() async throws { _ = try await run("ANALYZE documents, fingerprints") }

    public func close() async throws { try await connection.close() }
}

/// A `postgres://` URL read the way libpq reads it: user, password, host, port, database, `sslmode`, and `host=`
/// a socket folder. Missing parts default to the `PG*` environment variables, then to libpq's defaults.
struct PostgresTarget {
    let configuration: PostgresConnection.Configuration
    let redacted: String

    static func accepts(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    init(_ url: String) throws {
        guard Self.accepts(url), let parts = URLComponents(string: url) else {
            throw StoreError.cannotOpen(url, "不是 postgres:// 地址 / not a postgres:// URL")
        }
        let environment = ProcessInfo.processInfo.environment
        let query = Dictionary((parts.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        let user = parts.user.flatMap { $0.removingPercentEncoding } ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        let password = parts.password.flatMap { $0.removingPercentEncoding } ?? environment["PGPASSWORD"]
        let database =
            String(parts.path.drop(while: { $0 == "/" })).removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 } ?? environment[
                "PGDATABASE"] ?? user
        let port = parts.port ?? environment["PGPORT"].flatMap { Int($0) } ?? 5432
        let host = parts.host.flatMap { $0.isEmpty ? nil : $0 } ?? query["host"] ?? environment["PGHOST"] ?? "/var/run/postgresql"
        if host.hasPrefix("/") {
            configuration = .init(unixSocketPath: "\(host)/.s.PGSQL.\(port)", username: user, password: password, database: database)
        } else {
            let tls: PostgresConnection.Configuration.TLS
            switch query["sslmode"] ?? environment["PGSSLMODE"] ?? "disable" {
            case "disable", "allow": tls = .disable
            case "prefer": tls = try .prefer(NIOSSLContext(configuration: .makeClientConfiguration()))
            default: tls = try .require(NIOSSLContext(configuration: .makeClientConfiguration()))
            }
            configuration = .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        var shown = parts
        if shown.password != nil { shown.password = "***" }
        redacted = shown.string ?? url
    }
}

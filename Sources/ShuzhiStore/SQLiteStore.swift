import Foundation
import SQLiteNIO
import ShuzhiKit

/// The embedded store: one SQLite file (write-ahead log, so a killed process leaves the last committed state).
/// An actor, so that each transaction has the connection to itself.
public actor SQLiteStore: CorpusStore {
    private let connection: SQLiteConnection
    public nonisolated let path: String
    public nonisolated let scheme: FingerprintScheme

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    public static func open(path: String, scheme: FingerprintScheme = .standard) async throws -> SQLiteStore {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let connection: SQLiteConnection
        do { connection = try await SQLiteConnection.open(storage: .file(path: path)) } catch {
            throw StoreError.cannotOpen(path, "\(error)")
        }
        let store: SQLiteStore
        do {
            store = SQLiteStore(connection: connection, path: path, scheme: try await prepare(connection, scheme: scheme))
        } catch {
            try? await connection.close()
            if let error = error as? StoreError { throw error }
            throw StoreError.cannotOpen(path, "\(error)")
        }
        return store
    }

    private init(connection: SQLiteConnection, path: String, scheme: FingerprintScheme) {
        self.connection = connection
        self.path = path
        self.scheme = scheme
    }

    /// Brings the schema up to date and returns the store's fingerprint scheme (recording `scheme` in a new store).
    private static func prepare(_ connection: SQLiteConnection, scheme: FingerprintScheme) async throws -> FingerprintScheme {
        // No waiting inside SQLite: its busy handler sleeps on one of sqlite-nio's few pool threads, which can hold up
        // the very connection that owns the lock. Busy answers are retried here, asynchronously, instead.
        _ = try await connection.query("PRAGMA busy_timeout = 0")
        try await retryingWhileBusy(connection) { _ = try await connection.query("PRAGMA journal_mode = WAL") }
        _ = try await connection.query("PRAGMA synchronous = NORMAL")
        // The version is read inside the write transaction, so of several openers only the first migrates.
        var result = scheme
        try await transaction(connection) {
            _ = try await connection.query("CREATE TABLE IF NOT EXISTS shuzhi_schema (version INTEGER NOT NULL, applied_at TEXT NOT NULL)")
            let found = try await schemaVersion(connection)
            guard found <= Schema.version else { throw StoreError.schemaTooNew(found: found, known: Schema.version) }
            for n in (found + 1)..<(Schema.version + 1) {
                for statement in Schema.migration(n, dialect: .sqlite) { _ = try await connection.query(statement) }
                _ = try await connection.query(
                    "INSERT INTO shuzhi_schema (version, applied_at) VALUES (?, ?)", [.integer(n), .text(Self.now())])
            }
            var settings: [String: String] = [:]
            for row in try await connection.query("SELECT name, value FROM shuzhi_settings") {
                if let name = row.column("name")?.string, let value = row.column("value")?.string { settings[name] = value }
            }
            let (kept, record) = try await Schema.scheme(settings: settings, requested: scheme) {
                try await connection.query("SELECT COUNT(*) AS n FROM documents").first?.column("n")?.integer == 0
            }
            result = kept
            if record {
                for (name, value) in [("k", kept.k), ("w", kept.w)] {
                    _ = try await connection.query(
                        "INSERT INTO shuzhi_settings (name, value) VALUES (?, ?)", [.text(name), .text(String(value))])
                }
            }
        }
        return result
    }

    /// The newest migration recorded; 0 for a new file.
    private static func schemaVersion(_ connection: SQLiteConnection) async throws -> Int {
        try await connection.query("SELECT MAX(version) AS v FROM shuzhi_schema").first?.column("v")?.integer ?? 0
    }

    private static func transaction(
        _ connection: SQLiteConnection, isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> Void
    ) async throws {
        // BEGIN IMMEDIATE, retried while another connection holds the write lock.
        try await retryingWhileBusy(connection) { _ = try await connection.query("BEGIN IMMEDIATE") }
        do {
            try await body()
            _ = try await connection.query("COMMIT")
        } catch {
            _ = try? await connection.query("ROLLBACK")
            throw error
        }
    }

    private func transaction(_ body: () async throws -> Void) async throws {
        try await Self.transaction(connection, body)
    }

    /// Runs `body` again while SQLite answers "busy", for up to ten seconds, sleeping without holding a thread.
    private static func retryingWhileBusy(
        _ connection: SQLiteConnection, isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> Void
    ) async throws {
        var waited = 0
        while true {
            do {
                return try await body()
            } catch let error as SQLiteError
                where [.busy, .busyInRecovery, .busyInSnapshot, .busyTimeout, .locked].contains(error.reason) && waited < 10_000
            {
                try await Task.sleep(for: .milliseconds(10))
                waited += 10
            }
        }
    }

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }

    public func add(text: [Unicode.Scalar], metadata: DocumentMetadata) async throws -> AddOutcome {
        let comparable = ComparableText(text)
        let digest = comparable.digest
        let fingerprints = Winnowing.fingerprints(comparable, scheme: scheme)
        var id: Int64 = 0
        var existing: Int64?
        // The digest is looked up inside the write transaction, so two processes adding the same text cannot both store it.
        try await transaction {
            if let found = try await connection.query("SELECT id FROM documents WHERE digest = ?", [.text(digest)]).first?.column("id")?
                .integer
            {
                existing = Int64(found)
                return
            }
            _ = try await connection.query(
                """
                INSERT INTO documents (digest, title, author, year, kind, tags, source, characters, fingerprint_count, added_at, body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .text(digest), .text(metadata.title), metadata.author.map { .text($0) } ?? .null,
                    metadata.year.map { .integer($0) } ?? .null,
                    .text(metadata.kind.rawValue), .text(metadata.tags.joined(separator: "\n")), metadata.source.map { .text($0) } ?? .null,
                    .integer(comparable.count), .integer(fingerprints.count), .text(Self.now()), .text(text.string(0..<text.count)),
                ])
            id = Int64(try await connection.lastAutoincrementID())
            // Many rows per statement: one round trip per thousand fingerprints, not per fingerprint.
            let batch = 1000
            var start = 0
            while start < fingerprints.count {
                let part = fingerprints[start..<min(start + batch, fingerprints.count)]
                let sql =
                    "INSERT INTO fingerprints (hash, document_id, position) VALUES "
                    + Array(repeating: "(?, ?, ?)", count: part.count).joined(separator: ", ")
                var binds: [SQLiteData] = []
                binds.reserveCapacity(part.count * 3)
                for f in part { binds += [.integer(Int(Int64(bitPattern: f.hash))), .integer(Int(id)), .integer(Int(f.position))] }
                _ = try await connection.query(sql, binds)
                start += batch
            }
        }
        if let existing { return .duplicate(existing) }
        return .added(id)
    }

    private static let columns = "id, digest, title, author, year, kind, tags, source, characters, fingerprint_count, added_at"

    private static func document(_ row: SQLiteRow) -> StoredDocument? {
        guard let id = row.column("id")?.integer, let title = row.column("title")?.string else { return nil }
        return StoredDocument(
            id: Int64(id), digest: row.column("digest")?.string ?? "", title: title, author: row.column("author")?.string,
            year: row.column("year")?.integer, kind: row.column("kind")?.string ?? "", tags: row.column("tags")?.string ?? "",
            source: row.column("source")?.string, characters: row.column("characters")?.integer ?? 0,
            fingerprints: row.column("fingerprint_count")?.integer ?? 0, addedAt: row.column("added_at")?.string ?? "")
    }

    public func documents() async throws -> [StoredDocument] {
        try await connection.query("SELECT \(Self.columns) FROM documents ORDER BY id").compactMap(Self.document)
    }

    public func document(_ id: Int64) async throws -> StoredDocument? {
        try await connection.query("SELECT \(Self.columns) FROM documents WHERE id = ?", [.integer(Int(id))]).first.flatMap(Self.document)
    }

    public func text(of id: Int64) async throws -> String? {
        try await connection.query("SELECT body FROM documents WHERE id = ?", [.integer(Int(id))]).first?.column("body")?.string
    }

    public func remove(_ id: Int64) async throws -> Bool {
        var removed = false
        try await transaction {
            removed = try await connection.query("SELECT id FROM documents WHERE id = ?", [.integer(Int(id))]).first != nil
            _ = try await connection.query("DELETE FROM fingerprints WHERE document_id = ?", [.integer(Int(id))])
            _ = try await connection.query("DELETE FROM documents WHERE id = ?", [.integer(Int(id))])
        }
        return removed
    }

    public func statistics() async throws -> StoreStatistics {
        var stats = StoreStatistics()
        for row in try await connection.query("SELECT kind, COUNT(*) AS n, COALESCE(SUM(characters), 0) AS c FROM documents GROUP BY kind")
        {
            let n = row.column("n")?.integer ?? 0
            stats.documents += n
            stats.characters += row.column("c")?.integer ?? 0
            if let kind = DocumentKind(rawValue: row.column("kind")?.string ?? "") { stats.byKind[kind] = n }
        }
        let f = try await connection.query("SELECT COUNT(*) AS n, COUNT(DISTINCT hash) AS d FROM fingerprints").first
        stats.fingerprints = f?.column("n")?.integer ?? 0
        stats.distinctHashes = f?.column("d")?.integer ?? 0
        stats.schemaVersion = try await Self.schemaVersion(connection)
        let pages = try await connection.query("SELECT page_count * page_size AS b FROM pragma_page_count(), pragma_page_size()").first
        stats.bytes = pages?.column("b")?.integer ?? 0
        return stats
    }

    public func documentID(digest: String) async throws -> Int64? {
        try await connection.query("SELECT id FROM documents WHERE digest = ?", [.text(digest)]).first?.column("id")?.integer.map(
            Int64.init)
    }

    public func documentCount() async throws -> Int {
        try await connection.query("SELECT COUNT(*) AS n FROM documents").first?.column("n")?.integer ?? 0
    }

    public func documentFrequencies(of hashes: [UInt64]) async throws -> [UInt64: Int] {
        var out: [UInt64: Int] = [:]
        for part in Self.chunks(Array(Set(hashes)), 900) {
            let sql =
                "SELECT hash, COUNT(DISTINCT document_id) AS n FROM fingerprints WHERE hash IN (" + Self.marks(part.count)
                + ") GROUP BY hash"
            for row in try await connection.query(sql, part.map { .integer(Int(Int64(bitPattern: $0))) }) {
                if let h = row.column("hash")?.integer { out[UInt64(bitPattern: Int64(h))] = row.column("n")?.integer ?? 0 }
            }
        }
        return out
    }

    public func occurrences(of hashes: [UInt64]) async throws -> [(hash: UInt64, document: Int64, position: Int32)] {
        var out: [(hash: UInt64, document: Int64, position: Int32)] = []
        for part in Self.chunks(Array(Set(hashes)), 900) {
            let sql = "SELECT hash, document_id, position FROM fingerprints WHERE hash IN (" + Self.marks(part.count) + ")"
            for row in try await connection.query(sql, part.map { .integer(Int(Int64(bitPattern: $0))) }) {
                guard let h = row.column("hash")?.integer, let d = row.column("document_id")?.integer,
                    let p = row.column("position")?.integer
                else { continue }
                out.append((UInt64(bitPattern: Int64(h)), Int64(d), Int32(p)))
            }
        }
        return out
    }

    public func verify() async throws -> [String] {
        var problems: [String] = []
        for row in try await connection.query("PRAGMA integrity_check") {
            if let message = row.columns.first?.data.string, message != "ok" { problems.append("SQLite：\(message)") }
        }
        if let n = try await connection.query(Verification.orphans).first?.columns.first?.data.integer,
            let problem = Verification.orphanProblem(n)
        {
            problems.append(problem)
        }
        for row in try await connection.query(Verification.incomplete) {
            let values = row.columns.map { $0.data.integer ?? 0 }
            problems.append(Verification.incompleteProblem(id: Int64(values[0]), expected: values[1], found: values[2]))
        }
        return problems
    }

    public func optimize() async throws { _ = try await connection.query("PRAGMA optimize") }

    public func allowedWords() async throws -> [AllowedWord] {
        try await connection.query("SELECT word, note, added_at FROM allowed_words ORDER BY added_at, word").map { row in
            AllowedWord(
                word: row.column("word")?.string ?? "", note: row.column("note")?.string ?? "",
                addedAt: row.column("added_at")?.string ?? "")
        }
    }

    public func allow(_ word: String, note: String) async throws -> Bool {
        var added = false
        try await transaction {
            added = try await connection.query("SELECT word FROM allowed_words WHERE word = ?", [.text(word)]).first == nil
            if added {
                _ = try await connection.query(
                    "INSERT INTO allowed_words (word, note, added_at) VALUES (?, ?, ?)", [.text(word), .text(note), .text(Self.now())])
            }
        }
        return added
    }

    public func disallow(_ word: String) async throws -> Bool {
        var removed = false
        try await transaction {
            removed = try await connection.query("SELECT word FROM allowed_words WHERE word = ?", [.text(word)]).first != nil
            _ = try await connection.query("DELETE FROM allowed_words WHERE word = ?", [.text(word)])
        }
        return removed
    }

    public func close() async throws { try await connection.close() }

    static func marks(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ", ") }

    static func chunks<T>(_ items: [T], _ size: Int) -> [ArraySlice<T>] {
        stride(from: 0, to: items.count, by: size).map { items[$0..<min($0 + size, items.count)] }
    }
}

import ShuzhiKit

/// What a stored document is: a report someone wrote, a template sold online, or anything else kept for comparison.
public enum DocumentKind: String, Sendable, CaseIterable, Codable {
    case report, template, other
}

/// What the user tells the store about a document when adding it.
public struct DocumentMetadata: Sendable, Equatable {
    public var title: String
    public var author: String?
    public var year: Int?
    public var kind: DocumentKind
    public var tags: [String]
    /// The file it came from, as given.
    public var source: String?

    public init(
        title: String, author: String? = nil, year: Int? = nil, kind: DocumentKind = .report, tags: [String] = [], source: String? = nil
    ) {
        self.title = title
        self.author = author
        self.year = year
        self.kind = kind
        self.tags = tags
        self.source = source
    }
}

public struct StoredDocument: Sendable, Equatable {
    public let id: Int64
    public let metadata: DocumentMetadata
    /// Characters of the comparable text (Han, letters, digits).
    public let characters: Int
    public let fingerprints: Int
    /// `ComparableText.digest`: the same text added twice has the same digest.
    public let digest: String
    /// ISO 8601, UTC.
    public let addedAt: String
}

extension StoredDocument {
    /// A row of `documents`, as both stores read it (tags are stored one per line).
    init(
        id: Int64, digest: String, title: String, author: String?, year: Int?, kind: String, tags: String, source: String?,
        characters: Int, fingerprints: Int, addedAt: String
    ) {
        let metadata = DocumentMetadata(
            title: title, author: author, year: year, kind: DocumentKind(rawValue: kind) ?? .other,
            tags: tags.isEmpty ? [] : tags.components(separatedBy: "\n"), source: source)
        self.init(id: id, metadata: metadata, characters: characters, fingerprints: fingerprints, digest: digest, addedAt: addedAt)
    }
}

/// A word of the organisation's word list (`shuzhi words`, the web page's 加入本单位词库): text that is right as
/// written — a name, a place, a project, a coined slogan — which no rule flags.
public struct AllowedWord: Sendable, Equatable {
    public let word: String
    /// Who added it or why (free text; may be empty).
    public let note: String
    /// ISO 8601, UTC.
    public let addedAt: String

    public init(word: String, note: String, addedAt: String) {
        (self.word, self.note, self.addedAt) = (word, note, addedAt)
    }
}

public enum AddOutcome: Sendable, Equatable {
    case added(Int64)
    /// The same text (up to punctuation, spacing, width and placeholders) is already stored under this id.
    case duplicate(Int64)
}

public struct StoreStatistics: Sendable, Equatable {
    public var documents = 0
    public var characters = 0
    public var fingerprints = 0
    public var distinctHashes = 0
    public var byKind: [DocumentKind: Int] = [:]
    public var schemaVersion = 0
    /// Space the store takes: the SQLite file (pages in use), or the PostgreSQL tables with their indexes.
    public var bytes = 0
}

public enum StoreError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(String, String)
    /// The store was written by a newer Shuzhi.
    case schemaTooNew(found: Int, known: Int)
    case notFound(Int64)
    case database(String)

    public var description: String {
        switch self {
        // The database library's reason is English: it stays in the English half.
        case .cannotOpen(let place, let reason): "无法打开语料库 \(place)，请检查路径、权限或服务器地址 / cannot open the store \(place): \(reason)"
        case .schemaTooNew(let found, let known):
            "语料库结构版本 \(found) 比本程序支持的 \(known) 新，请升级 shuzhi / the store's schema \(found) is newer than this shuzhi knows (\(known))"
        case .notFound(let id): "语料库中没有编号 \(id) 的文档 / no document \(id) in the store"
        case .database(let reason): "语料库读写出错 / store error: \(reason)"
        }
    }
}

/// A corpus of documents with their fingerprints. Every change is one transaction: a document is stored with all its
/// fingerprints or not at all, whatever stops the process.
public protocol CorpusStore: Sendable {
    /// How this store fingerprints text (fixed when it was made).
    var scheme: FingerprintScheme { get }
    func add(text: [Unicode.Scalar], metadata: DocumentMetadata) async throws -> AddOutcome
    func documents() async throws -> [StoredDocument]
    func document(_ id: Int64) async throws -> StoredDocument?
    /// The original text as added.
    func text(of id: Int64) async throws -> String?
    func remove(_ id: Int64) async throws -> Bool
    func statistics() async throws -> StoreStatistics
    /// The stored document with this `ComparableText.digest`, if any.
    func documentID(digest: String) async throws -> Int64?
    /// How many documents are stored (cheap, unlike `statistics`).
    func documentCount() async throws -> Int
    /// For each fingerprint hash, how many stored documents hold it (the boilerplate measure).
    func documentFrequencies(of hashes: [UInt64]) async throws -> [UInt64: Int]
    /// The stored (document, position) of each of these hashes.
    func occurrences(of hashes: [UInt64]) async throws -> [(hash: UInt64, document: Int64, position: Int32)]
    /// What is wrong with the stored data, in Chinese and English; empty when every document has exactly its
    /// fingerprints, no fingerprint is left without its document, and (SQLite) the file passes its integrity check.
    func verify() async throws -> [String]
    /// Refreshes the query planner's statistics after many documents went in: without them PostgreSQL plans the
    /// fingerprint lookup of a freshly filled store as a scan (148 ms instead of 5 ms per check, measured).
    func optimize() async throws
    /// The organisation's word list, in the order the words were added.
    func allowedWords() async throws -> [AllowedWord]
    /// Adds a word to the list; false when it was there already (its note is kept).
    func allow(_ word: String, note: String) async throws -> Bool
    /// Takes a word off the list; false when it was not there.
    func disallow(_ word: String) async throws -> Bool
    func close() async throws
}

extension CorpusStore {
    /// Of these fingerprint hashes, those common in the store — held by at least the policy's boilerplate share of
    /// its `documents` (all stored ones unless given): official wording everyone uses, not evidence of copying.
    public func commonFingerprints(_ hashes: [UInt64], policy: CopyPolicy, documents: Int? = nil) async throws -> Set<UInt64> {
        let count: Int
        if let documents { count = documents } else { count = try await documentCount() }
        let threshold = policy.boilerplateThreshold(documents: count)
        return Set(try await documentFrequencies(of: hashes).filter { $0.value >= threshold }.keys)
    }
}

/// The checks both stores run in `verify`, as SQL that reads the same in SQLite and PostgreSQL.
enum Verification {
    /// Fingerprints whose document is gone.
    static let orphans = "SELECT COUNT(*) FROM fingerprints f WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = f.document_id)"
    /// Documents whose stored fingerprints are not as many as they should be.
    static let incomplete = """
        SELECT d.id, d.fingerprint_count, (SELECT COUNT(*) FROM fingerprints f WHERE f.document_id = d.id)
        FROM documents d WHERE d.fingerprint_count <> (SELECT COUNT(*) FROM fingerprints f WHERE f.document_id = d.id)
        """

    static func orphanProblem(_ n: Int) -> String? {
        n == 0 ? nil : "\(n) 个指纹没有对应的文档 / \(n) fingerprints without their document"
    }

    static func incompleteProblem(id: Int64, expected: Int, found: Int) -> String {
        "文档 #\(id) 应有 \(expected) 个指纹，实有 \(found) 个 / document #\(id) has \(found) of its \(expected) fingerprints"
    }
}

/// Opens the store a user names: a `postgres://` (or `postgresql://`) URL is a PostgreSQL server, anything else a
/// SQLite file.
public enum CorpusStores {
    /// `scheme` applies to a new store; an existing one keeps the scheme it was made with.
    public static func open(_ location: String, scheme: FingerprintScheme = .standard) async throws -> any CorpusStore {
        if PostgresTarget.accepts(location) { return try await PostgresStore.open(url: location, scheme: scheme) }
        return try await SQLiteStore.open(path: location, scheme: scheme)
    }

    /// The kind of store a location names, as a browser may be told it: "PostgreSQL" or "SQLite", never the location.
    public static func kindName(_ location: String) -> String { PostgresTarget.accepts(location) ? "PostgreSQL" : "SQLite" }

    /// The location as it may be shown: a URL's password masked.
    public static func display(_ location: String) -> String {
        guard PostgresTarget.accepts(location), let target = try? PostgresTarget(location) else { return location }
        return target.redacted
    }
}

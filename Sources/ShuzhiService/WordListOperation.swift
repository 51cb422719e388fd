import Foundation
import ShuzhiKit
import ShuzhiStore

/// `words` — `shuzhi words …`, `/api/words` and the web page's 加入本单位词库: the words a writer or an office teaches
/// Shuzhi are right as written (a name, a place, a project, a coined slogan). They live in the store, for a whole
/// organisation, or in a folder's `.shuzhi.toml` (`[words] allow`); every check, fix and Word output honours both.
public enum WordListOperation {
    /// One word of the list and where it is kept: the store, or the configuration file that names it.
    public struct Entry: Sendable, Equatable {
        public let word: String
        public let note: String
        /// "store", or the path of the configuration file.
        public let source: String
        public let addedAt: String?
    }

    /// A word the organisation's stored reports suggest: flagged as a slip in several of them, written the same way.
    public struct Suggestion: Sendable, Equatable {
        public let word: String
        /// How many stored reports write it.
        public let documents: Int
        /// The findings it drew there (their rules).
        public let rules: [String]
    }

    /// The longest word the list takes (a project's full name fits; a sentence does not).
    public static let maximumLength = 40

    /// The configuration with the store's words added: what each check of an organisation honours.
    public static func honoured(_ configuration: Configuration, store: (any CorpusStore)?) async throws -> Configuration {
        guard let store else { return configuration }
        var settled = configuration
        let known = Set(configuration.allowedWords)
        settled.allowedWords += try await store.allowedWords().map(\.word).filter { !known.contains($0) }
        return settled
    }

    /// Every word taught: the store's, then the configuration's.
    public static func list(store: (any CorpusStore)?, configuration: Configuration, configurationFile: String?) async throws -> [Entry] {
        var out = try await (store?.allowedWords() ?? []).map { Entry(word: $0.word, note: $0.note, source: "store", addedAt: $0.addedAt) }
        let inStore = Set(out.map(\.word))
        out += configuration.allowedWords.filter { !inStore.contains($0) }.map {
            Entry(word: $0, note: "", source: configurationFile ?? "配置", addedAt: nil)
        }
        return out
    }

    /// The word as the list keeps it: one line without control characters, at most `maximumLength` Unicode scalars
    /// as given (the limit the API's schema states), then trimmed of spaces and not empty.
    public static func validated(_ word: String) throws(ServiceError) -> String {
        guard
            !word.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.value == 0x2028 || $0.value == 0x2029 })
        else { throw ServiceError("一次加入一个词，不能含换行或控制字符", "one word, without line breaks or control characters") }
        guard word.unicodeScalars.count <= maximumLength else {
            throw ServiceError("词太长（最多 \(maximumLength) 字）", "the word is longer than \(maximumLength) characters")
        }
        let trimmed = word.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ServiceError("词不能为空", "the word is empty") }
        return trimmed
    }

    /// Adds a word to the store's list; false when it was there.
    public static func add(_ word: String, note: String = "", store: any CorpusStore) async throws -> Bool {
        try await store.allow(try validated(word), note: note.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    public static func remove(_ word: String, store: any CorpusStore) async throws -> Bool {
        try await store.disallow(word.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The list as a file to keep or to give another office: one word a line, UTF-8, as `shuzhi words add --file`
    /// and `[words] allow` take them.
    public static func export(_ entries: [Entry]) -> String { entries.map { $0.word + "\n" }.joined() }

    /// Words the organisation's stored reports propose: strings the typo and formula rules flag in at least
    /// `minimumDocuments` of the `limit` most recent stored reports, each time written alike — a name or a project
    /// several writers spell the same way is the organisation's, not everyone's slip. Words already taught are left out.
    public static func suggestions(
        store: any CorpusStore, configuration: Configuration, minimumDocuments: Int = 2, limit: Int = 200
    ) async throws -> [Suggestion] {
        let taught = Set(try await list(store: store, configuration: configuration, configurationFile: nil).map(\.word))
        var settings = configuration
        settings.sharedVocabulary = nil
        let checker = Checker(configuration: settings)
        var documents: [String: Set<Int64>] = [:], rules: [String: Set<String>] = [:]
        let recent = try await store.documents().filter { $0.metadata.kind == .report }.sorted { $0.id > $1.id }.prefix(limit)
        for stored in recent {
            try Task.checkCancellation()
            guard let text = try await store.text(of: stored.id) else { continue }
            let document = Document(name: stored.metadata.title, text: text)
            for d in checker.check(document) where d.family == "typo" || d.family == "formula" {
                let word = document.string(d.subject ?? d.range).trimmingCharacters(in: .whitespaces)
                guard word.count >= 2, word.count <= maximumLength, !taught.contains(word) else { continue }
                documents[word, default: []].insert(stored.id)
                rules[word, default: []].insert(d.rule)
            }
        }
        return documents.filter { $0.value.count >= minimumDocuments }
            .map { Suggestion(word: $0.key, documents: $0.value.count, rules: rules[$0.key, default: []].sorted()) }
            .sorted { ($0.documents, $1.word) > ($1.documents, $0.word) }
    }
}

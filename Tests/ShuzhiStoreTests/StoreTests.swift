import Foundation
import Testing
import ShuzhiKit
import ShuzhiTestSupport
import SQLiteNIO
import PostgresNIO
@testable import ShuzhiStore

/// Both stores, against a real SQLite file and a real PostgreSQL server: adding, recognising a re-added text, listing,
/// removing, statistics, fingerprint lookups, and refusing a store written by a newer schema.
@Suite struct StoreTests {
    static func temporaryPath() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shuzhi-store-\(UUID().uuidString)")
        return dir.appendingPathComponent("corpus.sqlite").path
    }

    static let report = "一年来，我认真学习贯彻党的二十大精神，全年实施重点项目46个，完成投资12亿元，同比增长8.5%。深入基层调研12次，形成调研报告3篇，推动解决群众急难愁盼问题27件。"

    @Test(arguments: Backend.available) func addsListsAndRecognisesTheSameTextAgain(_ backend: Backend) async throws {
        let path = try await backend.newLocation()
        let store = try await CorpusStores.open(path)
        let first = try await store.add(
            text: Array(Self.report.unicodeScalars),
            metadata: DocumentMetadata(title: "述职报告", author: "张三", year: 2023, kind: .report, tags: ["县直", "发改"]))
        guard case .added(let id) = first else { Issue.record("not added: \(first)"); return }
        // The same words with other punctuation, spacing and width are the same text.
        let variant = Self.report.replacingOccurrences(of: "，", with: ",").replacingOccurrences(of: "46", with: "４６") + "\n\n"
        #expect(try await store.add(text: Array(variant.unicodeScalars), metadata: DocumentMetadata(title: "另一份")) == .duplicate(id))
        let stored = try #require(try await store.document(id))
        #expect(stored.metadata == DocumentMetadata(title: "述职报告", author: "张三", year: 2023, kind: .report, tags: ["县直", "发改"]))
        #expect(stored.characters == ComparableText(Array(Self.report.unicodeScalars)).count)
        #expect(stored.fingerprints > 0)
        #expect(try await store.text(of: id) == Self.report)
        try await store.close()

        // Reopened, it holds the same; a second document, then removing the first.
        let again = try await CorpusStores.open(path)
        #expect(try await again.documents().map(\.id) == [id])
        let second = try await again.add(
            text: Array("在县委的坚强领导下，我带领局班子成员扎实推进各项工作，圆满完成年度目标任务。".unicodeScalars),
            metadata: DocumentMetadata(title: "模板", kind: .template))
        var stats = try await again.statistics()
        #expect(stats.documents == 2 && stats.byKind[.template] == 1 && stats.byKind[.report] == 1 && stats.schemaVersion == Schema.version)
        #expect(stats.bytes > 0)
        #expect(stats.fingerprints == stored.fingerprints + (try await again.documents().last?.fingerprints ?? -1))
        #expect(try await again.remove(id))
        #expect(try await again.remove(id) == false)
        #expect(try await again.document(id) == nil)
        stats = try await again.statistics()
        #expect(stats.documents == 1)
        if case .added(let secondID) = second {
            #expect(stats.fingerprints == (try await again.document(secondID))?.fingerprints)
        } else {
            Issue.record("second not added")
        }
        try await again.close()
    }

    /// The organisation's word list: added once (a second add keeps the first note), listed in the order added, kept
    /// across reopening, taken off again.
    @Test(arguments: Backend.available) func keepsTheOrganisationsWordList(_ backend: Backend) async throws {
        let path = try await backend.newLocation()
        let store = try await CorpusStores.open(path)
        #expect(try await store.allowedWords().isEmpty)
        #expect(try await store.allow("稳钢", note: "本单位提法"))
        #expect(try await store.allow("黑羊站水厂", note: ""))
        #expect(try await store.allow("稳钢", note: "又一次") == false)
        try await store.close()
        let again = try await CorpusStores.open(path)
        let words = try await again.allowedWords()
        #expect(words.map(\.word).sorted() == ["稳钢", "黑羊站水厂"].sorted())
        #expect(words.first { $0.word == "稳钢" }?.note == "本单位提法")
        #expect(words.allSatisfy { !$0.addedAt.isEmpty })
        #expect(try await again.disallow("稳钢"))
        #expect(try await again.disallow("稳钢") == false)
        #expect(try await again.allowedWords().map(\.word) == ["黑羊站水厂"])
        try await again.close()
    }

    @Test(arguments: Backend.available) func looksFingerprintsUp(_ backend: Backend) async throws {
        let store = try await CorpusStores.open(try await backend.newLocation())
        let scalars = Array(Self.report.unicodeScalars)
        let added = try await store.add(text: scalars, metadata: DocumentMetadata(title: "a"))
        guard case .added(let id) = added else {
            Issue.record("a new report was not added: \(added)")
            return
        }
        let prints = Winnowing.fingerprints(ComparableText(scalars))
        let found = try await store.occurrences(of: prints.map(\.hash))
        #expect(Set(found.map { "\($0.hash)@\($0.position)" }) == Set(prints.map { "\($0.hash)@\($0.position)" }))
        #expect(found.allSatisfy { $0.document == id })
        let frequencies = try await store.documentFrequencies(of: prints.map(\.hash) + [12345])
        #expect(frequencies[12345] == nil && prints.allSatisfy { frequencies[$0.hash] == 1 })
        // Statistics refreshed (ANALYZE, PRAGMA optimize): the same answers after.
        try await store.optimize()
        #expect(try await store.occurrences(of: prints.map(\.hash)).count == found.count)
        try await store.close()
    }

    /// The store's reports are the typo rules' shared vocabulary; a checked report already stored counts once.
    @Test(arguments: Backend.available) func storedReportsAreTheSharedVocabulary(_ backend: Backend) async throws {
        let store = try await CorpusStores.open(try await backend.newLocation())
        let texts = ["扎住制度的笼子，守住廉洁底线。", "各级干部要扎住思想防线。", "要为廉政强身，紧紧扎住制度围栏。"]
        for (i, text) in texts.enumerated() {
            _ = try await store.add(text: Array(text.unicodeScalars), metadata: DocumentMetadata(title: "\(i)"))
        }
        let checked = Array(texts[2].unicodeScalars)
        let vocabulary = try await store.vocabulary(with: [checked])
        #expect(vocabulary.documentsContaining("扎住", atMost: 10) == 2)
        #expect(vocabulary.documentsContaining("制度", atMost: 10) == 1)
        #expect(vocabulary.documentsContaining("笼子", atMost: 10) == 0)
        let limited = try await store.vocabulary(with: [checked], limit: 1)
        #expect(limited.documentsContaining("扎住", atMost: 10) == 1)
        // Kept between checks, the stored report being checked not counted as another; rebuilt when a report comes.
        let cache = StoreVocabularyCache()
        #expect(try await cache.vocabulary(for: checked, in: store).documentsContaining("扎住", atMost: 10) == 2)
        let outsider = Array("紧紧扎住制度围栏，守住底线。".unicodeScalars)
        #expect(try await cache.vocabulary(for: outsider, in: store).documentsContaining("扎住", atMost: 10) == 3)
        _ = try await store.add(text: Array("扎住篱笆，扎住防线。".unicodeScalars), metadata: DocumentMetadata(title: "3"))
        #expect(try await cache.vocabulary(for: outsider, in: store).documentsContaining("扎住", atMost: 10) == 4)
        try await store.close()
    }

    @Test(arguments: Backend.available) func refusesAStoreFromANewerSchema(_ backend: Backend) async throws {
        let path = try await backend.newLocation()
        let store = try await CorpusStores.open(path)
        try await store.close()
        // A later Shuzhi recorded version 99.
        let newer = "INSERT INTO shuzhi_schema (version, applied_at) VALUES (99, 'x')"
        switch backend {
        case .sqlite:
            let raw = try await SQLiteConnection.open(storage: .file(path: path))
            _ = try await raw.query(newer)
            try await raw.close()
        case .postgres:
            try await Backend.onServer(path) { try await $0.query(PostgresQuery(unsafeSQL: newer), logger: Backend.logger) }
        }
        await #expect(throws: StoreError.schemaTooNew(found: 99, known: Schema.version)) { try await CorpusStores.open(path) }
    }

    /// Two clients adding the same text at once: one stores it, the other is told it is a duplicate of that one, and
    /// one row is stored. Many new clients opening a new database at once apply the schema once.
    @Test(arguments: Backend.available) func concurrentClientsAddingTheSameText(_ backend: Backend) async throws {
        let path = try await backend.newLocation()
        let text = Array(Self.report.unicodeScalars)
        let outcomes = try await withThrowingTaskGroup(of: AddOutcome.self) { group in
            for n in 0..<6 {
                group.addTask {
                    let store = try await CorpusStores.open(path)
                    do {
                        let outcome = try await store.add(text: text, metadata: DocumentMetadata(title: "第\(n)份"))
                        try await store.close()
                        return outcome
                    } catch {
                        try? await store.close()
                        throw error
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let added = outcomes.compactMap { if case .added(let id) = $0 { id } else { nil } }
        #expect(added.count == 1)
        #expect(outcomes.allSatisfy { $0 == .added(added.first ?? -1) || $0 == .duplicate(added.first ?? -1) })
        let store = try await CorpusStores.open(path)
        let stats = try await store.statistics()
        let stored = try await store.document(added.first ?? -1)
        #expect(stats.documents == 1 && stats.fingerprints == stored?.fingerprints)
        try await store.close()
    }

    @Test func postgresIsThereWhenRequired() {
        if ProcessInfo.processInfo.environment["SHUZHI_REQUIRE_POSTGRES"] == "1" {
            #expect(
                Backend.serverURL != nil, "SHUZHI_REQUIRE_POSTGRES is set but SHUZHI_TEST_POSTGRES is not: the PostgreSQL tests did not run"
            )
        }
    }

    @Test func anUnreachableServerIsACleanError() async throws {
        // Port 1 on loopback: nothing listens there.
        await #expect(throws: StoreError.self) { try await CorpusStores.open("postgres://nobody@127.0.0.1:1/none") }
        #expect(CorpusStores.display("postgres://u:secret@db.example/x") == "postgres://u:***@db.example/x")
    }

    @Test func aFileThatIsNotADatabaseIsRefused() async throws {
        let path = Self.temporaryPath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("这不是数据库".utf8).write(to: URL(fileURLWithPath: path))
        await #expect(throws: StoreError.self) { try await SQLiteStore.open(path: path) }
    }
}

import Foundation
import Testing
import ShuzhiKit
import SQLiteNIO
@testable import ShuzhiStore

/// The embedded store against a real SQLite file: adding, recognising a re-added text, listing, removing, statistics,
/// fingerprint lookups, and refusing a store written by a newer schema.
@Suite struct SQLiteStoreTests {
    static func temporaryPath() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shuzhi-store-\(UUID().uuidString)")
        return dir.appendingPathComponent("corpus.sqlite").path
    }

    static let report = "一年来，我认真学习贯彻党的二十大精神，全年实施重点项目46个，完成投资12亿元，同比增长8.5%。深入基层调研12次，形成调研报告3篇，推动解决群众急难愁盼问题27件。"

    @Test func addsListsAndRecognisesTheSameTextAgain() async throws {
        let path = Self.temporaryPath()
        let store = try await SQLiteStore.open(path: path)
        let first = try await store.add(text: Array(Self.report.unicodeScalars),
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
        let again = try await SQLiteStore.open(path: path)
        #expect(try await again.documents().map(\.id) == [id])
        let second = try await again.add(text: Array("在县委的坚强领导下，我带领局班子成员扎实推进各项工作，圆满完成年度目标任务。".unicodeScalars),
                                         metadata: DocumentMetadata(title: "模板", kind: .template))
        var stats = try await again.statistics()
        #expect(stats.documents == 2 && stats.byKind[.template] == 1 && stats.byKind[.report] == 1 && stats.schemaVersion == Schema.version)
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

    @Test func looksFingerprintsUp() async throws {
        let store = try await SQLiteStore.open(path: Self.temporaryPath())
        let scalars = Array(Self.report.unicodeScalars)
        guard case .added(let id) = try await store.add(text: scalars, metadata: DocumentMetadata(title: "a")) else { return }
        let prints = Winnowing.fingerprints(ComparableText(scalars))
        let found = try await store.occurrences(of: prints.map(\.hash))
        #expect(Set(found.map { "\($0.hash)@\($0.position)" }) == Set(prints.map { "\($0.hash)@\($0.position)" }))
        #expect(found.allSatisfy { $0.document == id })
        let frequencies = try await store.documentFrequencies(of: prints.map(\.hash) + [12345])
        #expect(frequencies[12345] == nil && prints.allSatisfy { frequencies[$0.hash] == 1 })
        try await store.close()
    }

    @Test func refusesAStoreFromANewerSchema() async throws {
        let path = Self.temporaryPath()
        let store = try await SQLiteStore.open(path: path)
        try await store.close()
        // A later Shuzhi recorded version 99.
        let raw = try await SQLiteConnection.open(storage: .file(path: path))
        _ = try await raw.query("INSERT INTO shuzhi_schema (version, applied_at) VALUES (99, 'x')")
        try await raw.close()
        await #expect(throws: StoreError.schemaTooNew(found: 99, known: Schema.version)) { try await SQLiteStore.open(path: path) }
    }

    @Test func aFileThatIsNotADatabaseIsRefused() async throws {
        let path = Self.temporaryPath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("这不是数据库".utf8).write(to: URL(fileURLWithPath: path))
        await #expect(throws: StoreError.self) { try await SQLiteStore.open(path: path) }
    }
}

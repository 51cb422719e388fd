import Foundation
import Testing
import ShuzhiKit
import ShuzhiTestSupport
@testable import ShuzhiStore
import ShuzhiService

/// Copy detection through a real store: a passage taken from one stored report is found with its source and
/// offsets; wording four stored reports share is shared wording; the author's own report is own words.
@Suite struct CopyDetectorTests {
    static func prose(_ n: Int, seed: UInt64) -> String {
        var random = CopyBenchmark.SplitMix(seed: seed)
        var out = ""
        for i in 0..<n {
            out.unicodeScalars.append(Unicode.Scalar(0x4E00 + UInt32(random.next() % 3000))!)
            if i % 29 == 28 { out += "。\n" } else if i % 9 == 8 { out += "，" }
        }
        return out
    }

    @Test(arguments: Backend.available) func findsTheSourceAndTellsCopyingFromCommonWording(_ backend: Backend) async throws {
        let store = try await CorpusStores.open(try await backend.newLocation())
        let formula = Self.prose(120, seed: 99)
        let source = Self.prose(1500, seed: 1)
        let sourceScalars = Array(source.unicodeScalars)
        var ids: [Int64] = []
        for (n, text) in [
            source, Self.prose(1500, seed: 2) + formula, Self.prose(1500, seed: 3) + formula, Self.prose(1500, seed: 4) + formula,
        ].enumerated() {
            let outcome = try await store.add(
                text: Array(text.unicodeScalars),
                metadata: DocumentMetadata(
                    title: "第\(n)份", author: n == 3 ? "本人" : "他人",
                    source: "/收件/第\(n)份.docx"))
            guard case .added(let id) = outcome else { Issue.record("not added"); return }
            ids.append(id)
        }
        let taken = sourceScalars[600..<900]
        let query =
            Array((Self.prose(700, seed: 5) + "\n").unicodeScalars) + taken
            + Array(("\n" + formula + Self.prose(700, seed: 6)).unicodeScalars)
        let result = try await CopyDetector().compare(query, in: store, author: "某人")
        let copied = result.sources.flatMap { s in s.passages.filter { $0.verdict == .copied }.map { (s.document.id, $0) } }
        #expect(copied.count == 1)
        if let (id, p) = copied.first {
            #expect(id == ids[0])
            let expected = Array(sourceScalars[p.source])
            #expect(Array(query[p.query]) == expected)
            #expect(p.source.lowerBound >= 600 && p.source.upperBound <= 900 && p.source.count >= 295)
        }
        // The formula is in three stored reports: shared wording wherever it was found.
        let formulaPassages = result.sources.filter { $0.document.id != ids[0] }.flatMap(\.passages)
        #expect(!formulaPassages.isEmpty && formulaPassages.allSatisfy { $0.verdict == .sharedWording && $0.otherDocuments >= 1 })
        #expect(result.largestSource?.document.id == ids[0])
        #expect(result.copiedShare > 0.1 && result.copiedShare == result.copiedShareExcludingOwn && result.sharedWordingShare > 0.05)

        // The author of report 3 checking a text built on it: own words, counted in the total but not in the rest.
        let stored = try await store.text(of: ids[3]) ?? ""
        let own = Array(stored.unicodeScalars)[0..<600] + Array(Self.prose(900, seed: 7).unicodeScalars)
        let mine = try await CopyDetector().compare(Array(own), in: store, author: "本人")
        #expect(mine.sources.first?.passages.first?.verdict == .ownWords)
        #expect(mine.copiedShare > 0.3 && mine.copiedShareExcludingOwn == 0)
        // A text checked again after it was stored (the same file name, wherever it lies) is not its own source.
        let again = try await CopyDetector().compare(sourceScalars, in: store, name: "审阅/第0份.docx")
        #expect(again.sources.allSatisfy { $0.document.id != ids[0] } && again.copiedShare == 0)
        // The same text under another name is the whole of it copied, named as the same text.
        let handedIn = try await CopyDetector().compare(sourceScalars, in: store, name: "李四.docx")
        #expect(handedIn.copiedShare == 1 && handedIn.copiedShareExcludingOwn == 1)
        #expect(handedIn.largestSource?.document.id == ids[0] && handedIn.largestSource?.sameText == true)
        #expect(handedIn.summary(storeDocuments: 4).largestSource?.relation == .sameText)
        let whole = handedIn.diagnostics.filter { $0.message.contains("同一文本") }
        #expect(whole.count == 1 && whole.first?.rule == "similarity.copied" && (whole.first?.range.count ?? 0) <= 60)
        try await store.close()
    }

    /// A report whose opening or closing lines name the author of a stored report is that author's: their earlier
    /// year is 年年一样, not someone else's copy, also when nobody said who wrote it.
    @Test(arguments: Backend.available) func theSameAuthorsEarlierYearIsNamedAsSuch(_ backend: Backend) async throws {
        let store = try await CorpusStores.open(try await backend.newLocation())
        let body = Self.prose(1500, seed: 11)
        let earlier = "2024年度述职报告\n" + body + "\n王五\n2025年1月10日"
        guard
            case .added(let id) = try await store.add(
                text: Array(earlier.unicodeScalars),
                metadata: DocumentMetadata(title: "2024年度述职报告", author: "王五", year: 2024))
        else { Issue.record("not added"); return }
        _ = try await store.add(
            text: Array(Self.prose(1500, seed: 12).unicodeScalars), metadata: DocumentMetadata(title: "他人", author: "赵六"))
        let thisYear = "2025年度述职报告\n" + body + "\n王五\n2026年1月12日"
        let result = try await CopyDetector().compare(Array(thisYear.unicodeScalars), in: store)
        #expect(result.largestSource?.document.id == id && result.largestSource?.ownEarlierReport == true)
        #expect(result.copiedShare > 0.9 && result.copiedShareExcludingOwn == 0)
        #expect(result.summary(storeDocuments: 2).largestSource?.cell.contains("年年一样") == true)
        // Someone else's report with the same body is copying.
        let other = "2025年度述职报告\n" + body + "\n孙七\n2026年1月12日"
        let copied = try await CopyDetector().compare(Array(other.unicodeScalars), in: store)
        #expect(copied.largestSource?.ownEarlierReport == false && copied.copiedShareExcludingOwn > 0.9)
        try await store.close()
    }
}

/// `compare` with a store (the CLI's `compare --corpus`, the server's `/api/compare?corpus=1`): wording common in the
/// store is shared wording — also in a store made with an older fingerprint scheme, whose own scheme must be used.
@Suite struct CompareOperationTests {
    @Test func anOldSchemeStoreStillTellsCommonWording() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shuzhi-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let old = FingerprintScheme(k: 13, w: 8)
        let store = try await SQLiteStore.open(path: dir.appendingPathComponent("corpus.sqlite").path, scheme: old)
        #expect(store.scheme == old && old != .standard)
        let common = CopyDetectorTests.prose(160, seed: 77)
        for n in 0..<5 {
            _ = try await store.add(
                text: Array((CopyDetectorTests.prose(900, seed: 30 + UInt64(n)) + "\n" + common).unicodeScalars),
                metadata: DocumentMetadata(title: "第\(n)份"))
        }
        let a = Array((CopyDetectorTests.prose(700, seed: 50) + "\n" + common).unicodeScalars)
        let b = Array((CopyDetectorTests.prose(700, seed: 51) + "\n" + common).unicodeScalars)
        let alone = try await CompareOperation.compare(a, b)
        #expect(alone.passages.count == 1 && alone.passages.first?.verdict == .copied)
        let withStore = try await CompareOperation.compare(a, b, store: store)
        #expect(withStore.passages.count == 1 && withStore.passages.first?.verdict == .sharedWording)
        try await store.close()
    }
}

/// The similarity rules' own examples, checked against a real store holding each rule's `stored` text: a triggering
/// example is flagged by its rule exactly at its marks, a non-triggering one not at all; and a configuration that
/// turns the rule off or re-levels it is obeyed as it is for every other rule.
@Suite struct CorpusRuleExampleTests {
    @Test(arguments: RuleRegistry.corpus.map(\.description.id))
    func examplesAgainstAStore(id: String) async throws {
        let rule = try #require(RuleRegistry.corpus.first { $0.description.id == id })
        let store = try await CorpusStores.open(try await Backend.sqlite.newLocation())
        _ = try await store.add(
            text: Array(rule.stored.unicodeScalars),
            metadata: DocumentMetadata(title: "往年报告", author: "甲", source: "往年报告.txt"))
        let author = rule.storedIsOwn ? "甲" : "乙"
        func flagged(_ text: String, _ configuration: Configuration = Configuration()) async throws -> [Diagnostic] {
            try await CopyDetector().check(Document(text: text), findings: [], in: store, author: author, configuration: configuration)
                .diagnostics.filter { $0.rule.hasPrefix("similarity.") }
        }
        #expect(!rule.description.triggering.isEmpty)
        for example in rule.description.triggering {
            let (text, spans) = example.parsed
            let found = try await flagged(text)
            #expect(found.map(\.rule) == spans.map { _ in id }, "\(id): \(found.map(\.rule))")
            #expect(found.map(\.range) == spans, "\(id): \(found.map(\.range)) ≠ \(spans)")
            #expect(found.allSatisfy { $0.severity == rule.description.severity })
            var off = Configuration()
            off.disabled = [id]
            #expect(try await flagged(text, off).isEmpty, "\(id) disabled")
            var relevelled = Configuration()
            relevelled.severities = [id: .error]
            #expect(try await flagged(text, relevelled).allSatisfy { $0.severity == .error })
        }
        for text in rule.description.nonTriggering {
            #expect(try await flagged(text).isEmpty, "\(id): \(text)")
        }
        try await store.close()
    }
}

import Foundation

/// The strings of two to four Han characters that several documents write — the reports of a batch checked
/// together, the reports of the corpus store — as an organisation's own dictionary for the typo rules: 稳链强链 or
/// 艳湖社区 in three reports of one county is its vocabulary, not three writers' slip.
///
/// Only strings written by at least two documents are kept (a question is whether *other* documents write a
/// string), each with the number of documents, in one sorted array: a batch of 1,000 reports of 5,000 characters
/// keeps a few million. The documents being checked are usually among those counted (a batch is its own
/// vocabulary), so a question subtracts the checked document itself (`countsCheckedDocument`).
public struct BatchVocabulary: SharedVocabulary {
    /// The vocabulary of `texts`, counted when a typo finding first asks for it: most checks of a batch ask nothing
    /// (no typo rule enabled, or no finding sure enough to consult it), and counting a megabyte's strings costs more
    /// than every other rule on it (about 350 M instructions for 17 files of 64 KB).
    public static func deferred(_ texts: [[Unicode.Scalar]], countsCheckedDocument: Bool = true) -> any SharedVocabulary {
        DeferredBatchVocabulary(texts, countsCheckedDocument: countsCheckedDocument)
    }

    private var hashes: [UInt64] = []
    private var documents: [UInt16] = []
    /// Whether the document being checked is one of those counted: then it is not "another document".
    public var countsCheckedDocument: Bool

    /// Documents are added in chunks, each chunk's strings merged into the counts so far, so that memory stays
    /// near the size of the result.
    static let chunk = 64

    public init(_ texts: [[Unicode.Scalar]], countsCheckedDocument: Bool = true) {
        self.countsCheckedDocument = countsCheckedDocument
        var all: [UInt64] = [], counts: [UInt16] = []
        var start = 0
        while start < texts.count {
            var batch: [UInt64] = []
            for text in texts[start..<min(texts.count, start + Self.chunk)] {
                // Each document counts once per string, however often it writes it.
                var own = DocumentVocabulary.stringHashes(text)
                own.sort()
                batch += Self.distinct(own)
            }
            batch.sort()
            var runs: [UInt64] = [], runCounts: [UInt16] = []
            var i = 0
            while i < batch.count {
                var j = i + 1
                while j < batch.count && batch[j] == batch[i] { j += 1 }
                runs.append(batch[i])
                runCounts.append(UInt16(j - i))
                i = j
            }
            (all, counts) = Self.merge(all, counts, runs, runCounts)
            start += Self.chunk
        }
        for k in counts.indices where counts[k] >= 2 {
            hashes.append(all[k])
            documents.append(counts[k])
        }
    }

    public func documentsContaining(_ text: String, atMost: Int) -> Int {
        let scalars = Array(text.unicodeScalars)
        guard DocumentVocabulary.lengths.contains(scalars.count) else { return 0 }
        let h = LexiconHash.text(scalars)
        let lo = hashes.firstIndex(notBelow: h)
        guard lo < hashes.count && hashes[lo] == h else { return 0 }
        return min(atMost, Int(documents[lo]) - (countsCheckedDocument ? 1 : 0))
    }

    /// How many strings two or more documents write.
    public var count: Int { hashes.count }

    private static func distinct(_ sorted: [UInt64]) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(sorted.count)
        for h in sorted where out.last != h { out.append(h) }
        return out
    }

    private static func merge(_ a: [UInt64], _ ac: [UInt16], _ b: [UInt64], _ bc: [UInt16]) -> ([UInt64], [UInt16]) {
        var out: [UInt64] = [], counts: [UInt16] = []
        out.reserveCapacity(a.count + b.count)
        counts.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                out.append(a[i]); counts.append(ac[i]); i += 1
            } else if i == a.count || b[j] < a[i] {
                out.append(b[j]); counts.append(bc[j]); j += 1
            } else {
                let (sum, overflow) = ac[i].addingReportingOverflow(bc[j])
                out.append(a[i]); counts.append(overflow ? .max : sum); i += 1; j += 1
            }
        }
        return (out, counts)
    }
}

/// A `BatchVocabulary` counted on first use (`BatchVocabulary.deferred`); the check of each document of a batch may
/// ask it from its own task, so the first question counts under a lock and the others wait for it.
final class DeferredBatchVocabulary: SharedVocabulary, @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [[Unicode.Scalar]]
    private let countsCheckedDocument: Bool
    private var counted: BatchVocabulary?

    init(_ texts: [[Unicode.Scalar]], countsCheckedDocument: Bool) {
        self.texts = texts
        self.countsCheckedDocument = countsCheckedDocument
    }

    func documentsContaining(_ text: String, atMost: Int) -> Int {
        lock.withLock {
            if counted == nil {
                counted = BatchVocabulary(texts, countsCheckedDocument: countsCheckedDocument)
                texts = []
            }
            return counted!.documentsContaining(text, atMost: atMost)
        }
    }
}

/// A text-reuse benchmark built from real reports, PAN style: passages of 50–800 characters taken from one report
/// and put into another, verbatim or lightly edited (a few characters changed, clauses swapped, punctuation redone),
/// with the offsets of every case in both documents. The same seed gives the same benchmark.
public enum CopyBenchmark {
    public enum Obfuscation: String, Sendable, CaseIterable {
        case verbatim, light
    }

    public struct Source: Sendable {
        public var name: String
        public var text: [Unicode.Scalar]
        /// Who wrote it: passages are only taken from another author's reports (one's own are reuse, not copying).
        public var author: String
        public init(name: String, text: [Unicode.Scalar], author: String = "") {
            self.name = name
            self.text = text
            self.author = author
        }
    }

    /// A report with passages of others put into it.
    public struct Suspicious: Sendable {
        /// The report it was made from.
        public var host: String
        public var name: String
        public var text: [Unicode.Scalar]
        public var cases: [PlagiarismMeasures.Passage]
    }

    public static func build(
        _ documents: [Source], casesPerDocument: Int, obfuscation: Obfuscation, seed: UInt64,
        lengths: ClosedRange<Int> = 50...800
    ) -> [Suspicious] {
        var random = SplitMix(seed: seed)
        var out: [Suspicious] = []
        for (h, host) in documents.enumerated() {
            let name = "\(host.name)+\(obfuscation.rawValue)"
            // Paragraph starts of the host where a passage may go, in random order.
            var slots = paragraphStarts(host.text).filter { $0 > 0 }
            random.shuffle(&slots)
            var insertions: [(at: Int, text: [Unicode.Scalar], source: String, sourceRange: Range<Int>)] = []
            var attempts = 0
            while insertions.count < casesPerDocument && !slots.isEmpty && attempts < 200 {
                attempts += 1
                let s = Int(random.next() % UInt64(documents.count))
                let source = documents[s]
                if s == h || (!host.author.isEmpty && source.author == host.author) { continue }
                guard
                    let range = passage(
                        in: source.text, length: lengths.lowerBound + Int(random.next() % UInt64(lengths.count)), limit: lengths.upperBound,
                        random: &random)
                else { continue }
                var text = Array(source.text[range])
                if obfuscation == .light { text = lightlyEdited(text, random: &random) }
                insertions.append((slots.removeLast(), text, source.name, range))
            }
            // Build the new text front to back so every case's offsets are those of the final text.
            insertions.sort { $0.at < $1.at }
            var text: [Unicode.Scalar] = []
            var cases: [PlagiarismMeasures.Passage] = []
            var copied = 0
            for insertion in insertions {
                text += host.text[copied..<insertion.at]
                copied = insertion.at
                let start = text.count
                text += insertion.text
                cases.append(
                    .init(
                        suspicious: name, suspiciousRange: start..<text.count, source: insertion.source, sourceRange: insertion.sourceRange)
                )
                text.append("\n")
            }
            text += host.text[copied...]
            out.append(Suspicious(host: host.name, name: name, text: text, cases: cases))
        }
        return out
    }

    /// Offsets just after each line break.
    static func paragraphStarts(_ text: [Unicode.Scalar]) -> [Int] {
        var out: [Int] = []
        for (i, c) in text.enumerated() where c == "\n" && i + 1 < text.count { out.append(i + 1) }
        return out
    }

    /// A run of whole sentences at least `length` scalars long (at most `limit`), from a random sentence start.
    static func passage(in text: [Unicode.Scalar], length: Int, limit: Int, random: inout SplitMix) -> Range<Int>? {
        var starts: [Int] = []
        var previous: Unicode.Scalar = "\n"
        for (i, c) in text.enumerated() {
            if (previous == "\n" || previous == "。" || previous == "！" || previous == "？" || previous == "；") && isKept(c) {
                starts.append(i)
            }
            previous = c
        }
        guard !starts.isEmpty else { return nil }
        for _ in 0..<20 {
            let start = starts[Int(random.next() % UInt64(starts.count))]
            var end = start + length
            guard end <= text.count else { continue }
            while end < text.count && end - start < limit && !"。！？\n".unicodeScalars.contains(text[end - 1]) { end += 1 }
            while end > start && (text[end - 1] == "\n" || text[end - 1] == " ") { end -= 1 }
            if end - start >= length - 1 && end - start <= limit { return start..<end }
        }
        return nil
    }

    static func isKept(_ c: Unicode.Scalar) -> Bool { ScalarClass.isHan(c.value) || ScalarClass.isASCIIDigit(c.value) }

    /// What a writer hiding a copy does: swaps two clauses of some sentences, changes about one character in 60
    /// (at least one), and redoes some punctuation.
    static func lightlyEdited(_ passage: [Unicode.Scalar], random: inout SplitMix) -> [Unicode.Scalar] {
        // Clauses: split at commas inside sentences; swap a random adjacent pair in half of the sentences with three or more.
        var sentences: [[[Unicode.Scalar]]] = [[[]]]
        for c in passage {
            sentences[sentences.count - 1][sentences[sentences.count - 1].count - 1].append(c)
            if c == "，" { sentences[sentences.count - 1].append([]) }
            if c == "。" || c == "；" || c == "\n" { sentences.append([[]]) }
        }
        var text: [Unicode.Scalar] = []
        for var clauses in sentences {
            clauses.removeAll { $0.isEmpty }
            if clauses.count >= 3 && random.next() % 2 == 0 {
                let i = Int(random.next() % UInt64(clauses.count - 2))
                clauses.swapAt(i, i + 1)
            }
            for clause in clauses { text += clause }
        }
        // Characters: Han characters replaced by others from the same passage (what a synonym edit looks like here).
        let han = text.indices.filter { ScalarClass.isHan(text[$0].value) }
        if !han.isEmpty {
            for _ in 0..<max(1, han.count / 60) {
                let i = han[Int(random.next() % UInt64(han.count))]
                let other = text[han[Int(random.next() % UInt64(han.count))]]
                text[i] = other == text[i] ? Unicode.Scalar(0x4E00 + UInt32(random.next() % 0x5000))! : other
            }
        }
        // Punctuation: a third of the commas become enumeration commas, semicolons or nothing.
        var out: [Unicode.Scalar] = []
        for c in text {
            if c == "，" && random.next() % 3 == 0 {
                switch random.next() % 3 {
                case 0: out.append("、")
                case 1: out.append("；")
                default: break
                }
                continue
            }
            out.append(c)
        }
        return out
    }

    /// splitmix64: small, fast and the same everywhere, so a benchmark can be rebuilt from its seed.
    public struct SplitMix: Sendable {
        var state: UInt64
        public init(seed: UInt64) { state = seed }
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            return Winnowing.mix(state &- 0x9E37_79B9_7F4A_7C15)
        }
        mutating func shuffle<T>(_ items: inout [T]) {
            guard items.count > 1 else { return }
            for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, Int(next() % UInt64(i + 1))) }
        }
    }
}

/// `../shared/corpus/laws/laws.txt` is many laws in one file; each starts with its title on a line of its own,
/// followed by a line that begins with a date (1997年3月14日 …通过).
public enum LawCollection {
    public static func split(_ text: [Unicode.Scalar]) -> [CopyBenchmark.Source] {
        let lines = LineIndex(text)
        var starts: [Int] = []
        for l in 0..<(lines.lineCount - 1) {
            let title = lines.contentRange(ofLine: l), next = lines.contentRange(ofLine: l + 1)
            guard !title.isEmpty, title.count <= 60, startsWithDate(text, next), !startsWithDate(text, title) else { continue }
            if text[title].contains(where: { "，。；：".unicodeScalars.contains($0) }) { continue }
            starts.append(l)
        }
        return starts.enumerated().map { n, l in
            let end = n + 1 < starts.count ? lines.starts[starts[n + 1]] : text.count
            let range = lines.starts[l]..<end
            return CopyBenchmark.Source(name: "laws/\(n + 1) " + text.string(lines.contentRange(ofLine: l)), text: Array(text[range]))
        }
    }

    /// "1997年3月14日" or "（1997年…" at the start of a range.
    static func startsWithDate(_ text: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        if i < range.upperBound && (text[i] == "（" || text[i] == "(") { i += 1 }
        var digits = 0
        while i < range.upperBound && ScalarClass.isASCIIDigit(text[i].value) { digits += 1; i += 1 }
        return digits == 4 && i < range.upperBound && text[i] == "年"
    }
}

import ArgumentParser
import Foundation
import ShuzhiKit
import ShuzhiStore

/// `shuzhi eval copying CORPUS`: the copy benchmark of BENCHMARKS.md, end to end through a real store. Every report
/// of CORPUS (national/*.txt, district/*.txt) and every law of laws/laws.txt goes into the store; passages of one
/// report are put into another (verbatim, and lightly edited); each changed report is checked against the store and
/// scored with PAN's measures. The unchanged reports are checked too: whatever they share with the others (a year's
/// report and the year before) is natural reuse and should come out as shared wording, not copying.
struct CopyEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "copying", abstract: "评测抄袭检测 / measure copy detection (PAN measures)")

    @Argument(help: "语料目录（含 national/、district/、laws/）/ corpus folder") var corpus: String
    @Option(help: "语料库，默认临时 SQLite 文件 / store (default: a temporary SQLite file)") var store: String?
    @Option(help: "每份报告插入的段落数 / passages put into each report") var cases = 3
    @Option(help: "随机种子 / seed") var seed: UInt64 = 2026
    @Option(help: "指纹长度 k / gram length") var k = Winnowing.defaultK
    @Option(help: "窗口 w / window") var w = Winnowing.defaultW
    @Option(name: .customLong("min-length"), help: "判为抄袭的最短段落 / shortest copied passage") var minimumLength = CopyPolicy().minimumLength
    @Option(help: "段落内最大间隔 / largest gap inside a passage") var gap = PassageAligner.Parameters().gap
    @Option(name: .customLong("boilerplate-floor"), help: "通用语最少文档数 / documents from which wording is boilerplate")
    var boilerplateFloor = CopyPolicy().boilerplateFloor
    @Option(name: .customLong("boilerplate-share"), help: "通用语最少文档比例 / share of documents from which wording is boilerplate")
    var boilerplateShare = CopyPolicy().boilerplateShare
    @Option(name: .customLong("max-others"), help: "其他文档持有该段落的上限 / other documents holding a copied passage, below")
    var maximumOthers = CopyPolicy().maximumOtherDocuments
    @Flag(help: "不加入法律法规 / leave the laws out") var noLaws = false
    @Option(help: "导出基准（文档与案例）到目录，供其他工具使用 / write the benchmark to a folder for other tools") var export: String?
    @Flag(help: "列出每个漏检和误报 / list each miss and false alarm") var verbose = false

    func run() throws {
        let root = URL(fileURLWithPath: corpus)
        var reports: [CopyBenchmark.Source] = []
        for series in ["national", "district"] {
            let dir = root.appendingPathComponent(series)
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
            for file in files {
                let document = try Ingest.load(path: dir.appendingPathComponent(file).path, options: IngestOptions())
                // Each series has one author: the State Council, and one district government.
                reports.append(
                    .init(name: "\(series)/\(file.replacingOccurrences(of: ".txt", with: ""))", text: document.scalars, author: series))
            }
        }
        guard reports.count >= 2 else {
            Terminal.error("错误：\(corpus) 下没有 national/ 或 district/ 报告 / no reports found")
            throw ExitCode(2)
        }
        var laws: [CopyBenchmark.Source] = []
        let lawsFile = root.appendingPathComponent("laws/laws.txt").path
        if !noLaws, FileManager.default.fileExists(atPath: lawsFile) {
            laws = LawCollection.split(try Ingest.load(path: lawsFile, options: IngestOptions(maximumBytes: 1 << 30)).scalars)
        }
        let benchmark = CopyBenchmark.Obfuscation.allCases.map {
            ($0, CopyBenchmark.build(reports, casesPerDocument: cases, obfuscation: $0, seed: seed))
        }
        if let export { try Self.export(reports + laws, benchmark, to: export) }

        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("shuzhi-copy-\(UUID().uuidString)")
        let location = store ?? temporary.appendingPathComponent("corpus.sqlite").path
        defer { try? FileManager.default.removeItem(at: temporary) }
        var policy = CopyPolicy()
        policy.minimumLength = minimumLength
        policy.boilerplateFloor = boilerplateFloor
        policy.boilerplateShare = boilerplateShare
        policy.maximumOtherDocuments = maximumOthers
        var parameters = PassageAligner.Parameters()
        parameters.gap = gap
        let detector = CopyDetector(policy: policy, parameters: parameters)
        let scheme = FingerprintScheme(k: k, w: w)
        let verbose = self.verbose
        let (reportList, lawList) = (reports, laws)

        let output = try AsyncBridge.run { () -> String in
            let store = try await CorpusStores.open(location, scheme: scheme)
            var out = "语料库 / store: \(CorpusStores.display(location)) (\(store.scheme))\n"
            // Add: reports first (their ids are needed to leave each report's own original out of its check).
            let clock = ContinuousClock()
            var ids: [String: Int64] = [:]
            let addStart = clock.now
            for source in reportList + lawList {
                let meta = DocumentMetadata(
                    title: source.name, author: source.author.isEmpty ? nil : source.author,
                    kind: source.author.isEmpty ? .other : .report, source: source.name)
                switch try await store.add(text: source.text, metadata: meta) {
                case .added(let id), .duplicate(let id): ids[source.name] = id
                }
            }
            try await store.optimize()
            let added = clock.now - addStart
            let stats = try await store.statistics()
            out +=
                "文档 / documents \(stats.documents) (reports \(reportList.count), laws \(lawList.count)), characters \(stats.characters), "
            out +=
                "fingerprints \(stats.fingerprints), size \(String(format: "%.1f", Double(stats.bytes) / 1_048_576)) MB, add \(Self.seconds(added))\n"

            var times: [Double] = []
            let authors = Dictionary(uniqueKeysWithValues: reportList.map { ($0.name, $0.author) })
            func detect(_ text: [Unicode.Scalar], excluding: String, as name: String) async throws -> [PlagiarismMeasures.Passage] {
                let started = clock.now
                let result = try await detector.compare(text, in: store, author: authors[excluding], excluding: [ids[excluding] ?? -1])
                times.append(Self.milliseconds(clock.now - started))
                return result.sources.flatMap { match in
                    match.passages.filter { $0.verdict == .copied }.map {
                        PlagiarismMeasures.Passage(
                            suspicious: name, suspiciousRange: $0.query, source: match.document.metadata.source ?? "",
                            sourceRange: $0.source)
                    }
                }
            }
            for (obfuscation, suspicious) in benchmark {
                var cases: [PlagiarismMeasures.Passage] = [], detections: [PlagiarismMeasures.Passage] = []
                for document in suspicious {
                    cases += document.cases
                    detections += try await detect(document.text, excluding: document.host, as: document.name)
                }
                let s = PlagiarismMeasures.score(cases: cases, detections: detections)
                out += String(
                    format: "%@: cases %d, detections %d, precision %.3f, recall %.3f, granularity %.3f, plagdet %.3f\n",
                    obfuscation.rawValue, s.cases, s.detections, s.precision, s.recall, s.granularity, s.plagdet)
                if verbose { out += Self.misses(cases: cases, detections: detections, suspicious: suspicious) }
            }
            // Natural pairs: the reports as they are. Everything called copied here is a false alarm.
            var natural: [PlagiarismMeasures.Passage] = []
            var sharedWording = 0, ownWords = 0, ownCharacters = 0, pairs: [String: Int] = [:]
            for report in reportList {
                let result = try await detector.compare(report.text, in: store, author: report.author, excluding: [ids[report.name] ?? -1])
                for match in result.sources {
                    for p in match.passages {
                        if p.verdict == .ownWords {
                            ownWords += 1
                            ownCharacters += p.length
                        } else if p.verdict == .copied {
                            natural.append(
                                .init(
                                    suspicious: report.name, suspiciousRange: p.query, source: match.document.metadata.source ?? "",
                                    sourceRange: p.source))
                            pairs["\(report.name) ← \(match.document.metadata.source ?? "")", default: 0] += p.length
                            if verbose {
                                out += String(
                                    format: "  natural %@ ← %@ length %d matched %d boilerplate %.2f others %d: ", report.name,
                                    match.document.metadata.source ?? "", p.length, p.matched, p.boilerplate, p.otherDocuments)
                                out += String(report.text.string(p.query).replacingOccurrences(of: "\n", with: " ").prefix(50)) + "\n"
                            }
                        } else {
                            sharedWording += 1
                        }
                    }
                }
            }
            out +=
                "natural pairs: \(reportList.count) reports unchanged, shared-wording passages \(sharedWording), own-words passages \(ownWords)"
            out +=
                " (characters \(ownCharacters)), copied passages \(natural.count) (characters \(natural.reduce(0) { $0 + $1.suspiciousRange.count }))\n"
            for (pair, n) in pairs.sorted(by: { $0.value > $1.value }).prefix(verbose ? 50 : 5) {
                out += "  \(pair): \(n) characters called copied\n"
            }
            out += Self.percentiles("query time over \(times.count) benchmark checks", times)
            // The issue's measure: checking a 5,000-character report. Every 5,000-character stretch of the verbatim
            // benchmark reports, every 2,500 characters, with its host's original left out.
            var fiveThousand: [Double] = []
            for document in benchmark.first?.1 ?? [] {
                var start = 0
                while start + Self.queryLength <= document.text.count {
                    let started = clock.now
                    _ = try await detector.compare(
                        Array(document.text[start..<(start + Self.queryLength)]), in: store,
                        author: authors[document.host], excluding: [ids[document.host] ?? -1])
                    fiveThousand.append(Self.milliseconds(clock.now - started))
                    start += Self.queryLength / 2
                }
            }
            out += Self.percentiles("query time, \(Self.queryLength)-character report, over \(fiveThousand.count) checks", fiveThousand)
            try await store.close()
            return out
        }
        Terminal.write(output)
    }

    static let queryLength = 5000

    static func percentiles(_ label: String, _ values: [Double]) -> String {
        let v = values.sorted()
        guard !v.isEmpty else { return "" }
        return String(format: "%@: p50 %.1f ms, p99 %.1f ms\n", label, v[v.count / 2], v[min(v.count - 1, v.count * 99 / 100)])
    }

    static func misses(
        cases: [PlagiarismMeasures.Passage], detections: [PlagiarismMeasures.Passage], suspicious: [CopyBenchmark.Suspicious]
    ) -> String {
        var out = ""
        let texts = Dictionary(uniqueKeysWithValues: suspicious.map { ($0.name, $0.text) })
        for c in cases where !detections.contains(where: { $0.detects(c) }) {
            let text = texts[c.suspicious] ?? []
            out +=
                "  missed \(c.suspicious) \(c.suspiciousRange) ← \(c.source) \(c.sourceRange): \(text.string(c.suspiciousRange.clamped(to: 0..<text.count)).prefix(60))\n"
        }
        for d in detections where !cases.contains(where: { d.detects($0) }) {
            let text = texts[d.suspicious] ?? []
            out +=
                "  false \(d.suspicious) \(d.suspiciousRange) ← \(d.source) \(d.sourceRange): \(text.string(d.suspiciousRange.clamped(to: 0..<text.count)).prefix(60))\n"
        }
        return out
    }

    /// The benchmark as files another tool can read: every document, and the cases as JSON lines.
    static func export(
        _ sources: [CopyBenchmark.Source], _ benchmark: [(CopyBenchmark.Obfuscation, [CopyBenchmark.Suspicious])], to folder: String
    ) throws {
        let root = URL(fileURLWithPath: folder)
        func write(_ name: String, _ text: [Unicode.Scalar], under dir: String) throws {
            let url = root.appendingPathComponent(dir).appendingPathComponent(name.replacingOccurrences(of: "/", with: "_") + ".txt")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.string(0..<text.count).write(to: url, atomically: true, encoding: .utf8)
        }
        for source in sources { try write(source.name, source.text, under: "sources") }
        var lines: [String] = []
        for (obfuscation, suspicious) in benchmark {
            for document in suspicious {
                try write(document.name, document.text, under: "suspicious")
                for c in document.cases {
                    let fields: JSONValue = .object([
                        ("obfuscation", .string(obfuscation.rawValue)), ("suspicious", .string(c.suspicious)),
                        ("host", .string(document.host)),
                        ("suspicious_start", .int(c.suspiciousRange.lowerBound)), ("suspicious_end", .int(c.suspiciousRange.upperBound)),
                        ("source", .string(c.source)), ("source_start", .int(c.sourceRange.lowerBound)),
                        ("source_end", .int(c.sourceRange.upperBound)),
                    ])
                    lines.append(fields.serialized(pretty: false))
                }
            }
        }
        try (lines.joined(separator: "\n") + "\n").write(to: root.appendingPathComponent("cases.jsonl"), atomically: true, encoding: .utf8)
    }

    static func milliseconds(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
    static func seconds(_ d: Duration) -> String { String(format: "%.1f s", milliseconds(d) / 1000) }
}

import ArgumentParser
import Foundation
import ShuzhiKit
import ShuzhiService
import ShuzhiStore

/// `shuzhi corpus add|list|show|remove|stats`: the store of earlier reports and templates that copying is checked against.
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "语料库：加入、列出、查看、删除文档 / the store of reports and templates to compare against",
        subcommands: [CorpusAdd.self, CorpusList.self, CorpusShow.self, CorpusRemove.self, CorpusStats.self, CorpusVerify.self]
    ).underShuzhi
}

/// Where the store is: `--store`, else $SHUZHI_STORE, else the user's data folder.
struct StoreOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "语料库：SQLite 文件（默认 ~/.local/share/shuzhi/corpus.sqlite，或环境变量 SHUZHI_STORE）或 postgres://用户@主机/库 / a SQLite file or a postgres:// URL",
            valueName: "path|url"))
    var store: String?

    var path: String {
        if let store { return store }
        let env = ProcessInfo.processInfo.environment
        if let s = env["SHUZHI_STORE"], !s.isEmpty { return s }
        let base =
            env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (base as NSString).appendingPathComponent("shuzhi/corpus.sqlite")
    }

    /// Whether a store is there to read without asking for one: named (`--store`, SHUZHI_STORE) or the default
    /// file existing. A check reads its word list then, and never creates a store to do so.
    var isThere: Bool {
        store != nil || !(ProcessInfo.processInfo.environment["SHUZHI_STORE"] ?? "").isEmpty || FileManager.default.fileExists(atPath: path)
    }

    /// `configuration` with the organisation's word list (`shuzhi words`) added, when a store is there.
    func honouringTaughtWords(_ configuration: Configuration) throws -> Configuration {
        guard isThere else { return configuration }
        return try with { store in try await WordListOperation.honoured(configuration, store: store) }
    }

    /// `body` with the store when `open` (as `with` gives it), else with none.
    func with<T: Sendable>(opening open: Bool, _ body: @escaping @Sendable ((any CorpusStore)?) async throws -> T) throws -> T {
        open ? try with { try await body($0) } : try AsyncBridge.run { try await body(nil) }
    }

    /// Opens the store for `body` and closes it after; a store that cannot be opened is an input error (exit 2).
    func with<T: Sendable>(_ body: @escaping @Sendable (any CorpusStore) async throws -> T) throws -> T {
        let path = self.path
        do {
            return try AsyncBridge.run {
                let store = try await CorpusStores.open(path)
                do {
                    let value = try await body(store)
                    try await store.close()
                    return value
                } catch {
                    try? await store.close()
                    throw error
                }
            }
        } catch let error as StoreError {
            Terminal.error("错误：\(error)\nerror: \(error)")
            throw ExitCode(2)
        }
    }
}

extension DocumentKind: ExpressibleByArgument {}

struct CorpusAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "加入文件或目录（.txt/.docx，递归）/ add files or folders")

    @Argument(help: "文件或目录 / files or folders") var paths: [String]
    @Option(help: "类别 / kind: report, template, other") var kind: DocumentKind = .report
    @Option(help: "作者或单位 / author or unit") var author: String?
    @Option(help: "年度（默认从正文推断）/ year (default: inferred)") var year: Int?
    @Option(help: "标签，可重复 / tag, repeatable") var tag: [String] = []
    @OptionGroup var store: StoreOptions
    @OptionGroup var input: InputOptions

    func run() throws {
        let files = try Self.expand(paths)
        guard !files.isEmpty else {
            Terminal.error("错误：没有找到 .txt 或 .docx 文件\nerror: no .txt or .docx files found")
            throw ExitCode(2)
        }
        let options = try input.ingestOptions()
        Interrupt.install()
        let failures = try store.with { store in
            var progress = Progress(total: files.count, label: "加入语料库")
            var failures = 0
            for file in files {
                if Interrupt.isRequested {
                    Terminal.error("\n已中断：\(progress.done)/\(files.count) 份已处理，语料库完好 / interrupted; the store is intact")
                    break
                }
                let document: Document
                do { document = try Ingest.load(path: file, options: options) } catch {
                    Terminal.error("\(error)")
                    failures += 1
                    progress.step()
                    continue
                }
                let (outcome, m) = try await CorpusIntake.add(
                    document, file: file, author: author, year: year, kind: kind, tags: tag, to: store)
                switch outcome {
                // Written at once (not buffered): a line per document as it is stored, also into a pipe or a log.
                case .added(let id): Terminal.write("已加入 #\(id)  \(m.title)  (\(file))\n")
                case .duplicate(let id): Terminal.write("已存在 #\(id)，未重复加入  (\(file))\n")
                }
                progress.step()
            }
            progress.finish()
            // Also after Ctrl-C: what went in is there to be queried.
            try await store.optimize()
            return failures
        }
        if Interrupt.isRequested { throw ExitCode(130) }
        if failures > 0 { throw ExitCode(2) }
    }

    /// Files as given, and the .txt/.docx files under each folder, sorted.
    static func expand(_ paths: [String]) throws -> [String] {
        var out: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                Terminal.error("错误：找不到 \(path)\nerror: \(path) does not exist")
                throw ExitCode(2)
            }
            if isDirectory.boolValue {
                let found = (FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? [])
                    .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".docx") }.sorted()
                out += found.map { (path as NSString).appendingPathComponent($0) }
            } else {
                out.append(path)
            }
        }
        return out
    }
}

struct CorpusList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "列出文档 / list documents")
    @OptionGroup var store: StoreOptions

    func run() throws {
        let documents = try store.with { try await $0.documents() }
        print("编号\t类别\t年度\t作者\t字数\t标题")
        for d in documents {
            let m = d.metadata
            print("\(d.id)\t\(m.kind.rawValue)\t\(m.year.map(String.init) ?? "-")\t\(m.author ?? "-")\t\(d.characters)\t\(m.title)")
        }
        print("共 \(documents.count) 份")
    }
}

struct CorpusShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "查看一份文档 / show a document")
    @Argument(help: "编号 / id") var id: Int64
    @Flag(help: "输出全文 / print the whole text") var text = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        let id = self.id
        let (document, body) = try store.with { store in (try await store.document(id), try await store.text(of: id)) }
        guard let document, let body else {
            Terminal.error("错误：\(StoreError.notFound(id))")
            throw ExitCode(2)
        }
        let m = document.metadata
        print("编号：\(document.id)\n标题：\(m.title)\n类别：\(m.kind.rawValue)\n年度：\(m.year.map(String.init) ?? "-")\n作者：\(m.author ?? "-")")
        print("标签：\(m.tags.isEmpty ? "-" : m.tags.joined(separator: "、"))\n来源：\(m.source ?? "-")\n加入时间：\(document.addedAt)")
        print("字数：\(document.characters)\n指纹：\(document.fingerprints)\n摘要：\(document.digest)")
        if text { print("\n" + body) } else { print("\n" + (body.count > 200 ? String(body.prefix(200)) + "…" : body)) }
    }
}

struct CorpusRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "删除文档 / remove documents")
    @Argument(help: "编号 / ids") var ids: [Int64]
    @OptionGroup var store: StoreOptions

    func run() throws {
        let ids = self.ids
        let removed = try store.with { store in
            var out: [Int64: Bool] = [:]
            for id in ids { out[id] = try await store.remove(id) }
            return out
        }
        var missing = false
        for id in ids {
            if removed[id] == true { print("已删除 #\(id)") } else { Terminal.error("错误：\(StoreError.notFound(id))"); missing = true }
        }
        if missing { throw ExitCode(2) }
    }
}

struct CorpusStats: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "语料库统计 / store statistics")
    @OptionGroup var store: StoreOptions

    func run() throws {
        let s = try store.with { try await $0.statistics() }
        print("语料库：\(CorpusStores.display(store.path))")
        print("文档：\(s.documents)（" + DocumentKind.allCases.map { "\($0.rawValue) \(s.byKind[$0] ?? 0)" }.joined(separator: "，") + "）")
        print("字数：\(s.characters)\n指纹：\(s.fingerprints)（不同 \(s.distinctHashes)）")
        print("占用空间：\(String(format: "%.1f", Double(s.bytes) / 1_048_576)) MB\n结构版本：\(s.schemaVersion)")
    }
}

/// For the IT person after a crash, a full disk or a restore: is every document whole?
struct CorpusVerify: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "检查语料库是否完好 / check the store is consistent")
    @OptionGroup var store: StoreOptions

    func run() throws {
        let problems = try store.with { try await $0.verify() }
        if problems.isEmpty {
            print("语料库完好：\(CorpusStores.display(store.path))")
            return
        }
        for problem in problems { print(problem) }
        throw ExitCode(1)
    }
}

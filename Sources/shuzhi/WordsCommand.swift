import ArgumentParser
import Foundation
import ShuzhiKit
import ShuzhiService
import ShuzhiStore

/// `shuzhi words`: the organisation's word list — names, places, projects and slogans that are right as written.
/// Kept in the store (the whole office's) or a folder's `.shuzhi.toml` (`[words] allow`); every check, fix, review
/// and Word output honours both.
struct WordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "words",
        abstract: "本单位词库：人名、地名、项目名等不再提示 / the organisation's word list",
        discussion: """
            词保存在语料库中（全单位共用），或写在目录的 .shuzhi.toml 的 [words] allow 中（该目录专用）。
            Words live in the store (the whole organisation's) or in a folder's .shuzhi.toml ([words] allow).
            """,
        subcommands: [WordsList.self, WordsAdd.self, WordsRemove.self, WordsExport.self, WordsSuggest.self],
        defaultSubcommand: WordsList.self
    ).underShuzhi
}

/// The words of the store and of the configuration that applies to a folder.
private func taughtWords(_ store: StoreOptions, _ rules: RuleOptions, folder: String) throws -> [WordListOperation.Entry] {
    var cache: [String: Configuration] = [:]
    let configuration: Configuration
    do { configuration = try rules.configuration(for: (folder as NSString).appendingPathComponent("."), cache: &cache) } catch let f
        as InputFailure
    {
        Terminal.error(f.message)
        throw ExitCode(2)
    }
    let file = rules.config ?? (rules.noConfig ? nil : Configuration.find(from: folder))
    return try store.with(opening: store.isThere) { opened in
        try await WordListOperation.list(store: opened, configuration: configuration, configurationFile: file)
    }
}

struct WordsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "列出词库 / list the words")

    @Option(help: ArgumentHelp("也列出这个目录适用的 .shuzhi.toml 中的词（默认当前目录）/ the folder whose .shuzhi.toml counts", valueName: "dir"))
    var folder = "."
    @OptionGroup var store: StoreOptions
    @OptionGroup var rules: RuleOptions

    func run() throws {
        let entries = try taughtWords(store, rules, folder: folder)
        if entries.isEmpty {
            Terminal.write("词库为空 / the word list is empty\n")
            return
        }
        for e in entries {
            let place = e.source == "store" ? "语料库" : e.source
            Terminal.write("\(e.word)\t\(place)\(e.note.isEmpty ? "" : "\t\(e.note)")\n")
        }
    }
}

struct WordsAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "加入词库（语料库中，全单位共用）/ add words to the store's list")

    @Argument(help: "词，可多个 / words") var words: [String] = []
    @Option(help: ArgumentHelp("从文件读词，每行一个 / read words from a file, one a line", valueName: "file")) var file: String?
    @Option(help: "备注 / a note") var note = ""
    @OptionGroup var store: StoreOptions

    func run() throws {
        var all = words
        if let file {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                Terminal.error("错误：无法读取 \(file)（应为 UTF-8 文本，每行一个词）\nerror: cannot read \(file) as UTF-8 text")
                throw ExitCode(2)
            }
            all += text.components(separatedBy: .newlines).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        guard !all.isEmpty else { throw ValidationError("请给出要加入的词 / name at least one word") }
        for word in all {
            do { _ = try WordListOperation.validated(word) } catch {
                Terminal.error("“\(word)”：\(error.description)")
                throw ExitCode(2)
            }
        }
        let (note, words) = (self.note, all)
        let added = try store.with { store in
            var added = 0
            for word in words where try await WordListOperation.add(word, note: note, store: store) { added += 1 }
            return added
        }
        Terminal.error("已加入 \(added) 个词\(added < all.count ? "（\(all.count - added) 个已在词库中）" : "") / \(added) added")
    }
}

struct WordsRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "从词库删除 / remove words from the store's list")

    @Argument(help: "词 / words") var words: [String]
    @OptionGroup var store: StoreOptions

    func run() throws {
        let words = self.words
        let removed = try store.with { store in
            var removed: [String] = []
            for word in words where try await WordListOperation.remove(word, store: store) { removed.append(word) }
            return removed
        }
        for word in words where !removed.contains(word) {
            Terminal.error("“\(word)”不在语料库的词库中（写在 .shuzhi.toml 里的词请在该文件中删除）/ not in the store's list")
        }
        Terminal.error("已删除 \(removed.count) 个词 / \(removed.count) removed")
        if removed.count < words.count { throw ExitCode(1) }
    }
}

struct WordsExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "导出词库，每行一个词 / export the list, one word a line")

    @Option(name: .shortAndLong, help: ArgumentHelp("写到文件（默认标准输出）/ the file to write", valueName: "file")) var output: String?
    @Option(help: ArgumentHelp("也导出这个目录适用的 .shuzhi.toml 中的词 / the folder whose .shuzhi.toml counts", valueName: "dir"))
    var folder = "."
    @OptionGroup var store: StoreOptions
    @OptionGroup var rules: RuleOptions

    func run() throws {
        let text = WordListOperation.export(try taughtWords(store, rules, folder: folder))
        guard let output else { return Terminal.write(text) }
        do { try AtomicFile.write(Array(text.utf8), to: output) } catch let f as InputFailure {
            Terminal.error(f.message)
            throw ExitCode(2)
        }
        Terminal.error("已写出 \(output) / written")
    }
}

struct WordsSuggest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "从语料库的报告中找出可加入词库的词 / words the stored reports suggest for the list")

    @Option(help: "至少几份报告这样写 / in at least this many reports") var documents = 2
    @OptionGroup var store: StoreOptions

    func run() throws {
        let minimum = documents
        let suggestions = try store.with { store in
            try await WordListOperation.suggestions(store: store, configuration: Configuration(), minimumDocuments: minimum)
        }
        if suggestions.isEmpty { return Terminal.write("没有建议 / no suggestions\n") }
        for s in suggestions {
            Terminal.write("\(s.word)\t\(s.documents) 份报告\t\(s.rules.joined(separator: ","))\n")
        }
        Terminal.error("用 shuzhi words add 词 把其中确实无误的加入词库 / add the right ones with shuzhi words add")
    }
}

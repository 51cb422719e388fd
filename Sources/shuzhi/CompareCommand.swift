import ArgumentParser
import Foundation
import ShuzhiKit
import ShuzhiService
import ShuzhiStore

/// `shuzhi compare A B`: the passages two documents share, side by side, with the copied share of each.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "比对两份文档的相同段落 / Show the passages two documents share.",
        discussion: "有 --corpus 时用语料库判断哪些是各报告共有的公文通用表述。/ With --corpus the store tells which wording every report shares."
    ).underShuzhi

    @Argument(help: "文档 A / the document to check") var a: String
    @Argument(help: "文档 B / the document to compare it with") var b: String
    @Option(help: "输出格式 / output format: text, json") var format: OutputFormat = .text
    @Flag(help: "也列出公文通用表述 / also list shared official wording") var all = false
    @Flag(help: "用语料库衡量通用表述 / weigh boilerplate with the store") var corpus = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var input: InputOptions

    func validate() throws {
        if format == .sarif { throw ValidationError("compare 只输出 text 或 json / compare writes text or json") }
    }

    func run() throws {
        let options = try input.ingestOptions()
        let documents: (Document, Document)
        do {
            documents = (try Ingest.load(path: a, options: options), try Ingest.load(path: b, options: options))
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
        let (da, db) = documents
        let comparison = try store.with(opening: corpus) { try await CompareOperation.compare(da.scalars, db.scalars, store: $0) }
        switch format {
        case .json: Terminal.write(ComparisonRenderer.json(comparison, a: da, b: db))
        default: Terminal.write(ComparisonRenderer.text(comparison, a: da, b: db, showSharedWording: all))
        }
    }
}

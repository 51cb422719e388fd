import ArgumentParser
import Foundation
import ShuzhiKit
import ShuzhiService
import ShuzhiStore

/// `shuzhi review`: a reviewer's batch — each report's findings, parts, results and copy ratios, and which reports
/// copied from each other (matrix, clusters, heatmap).
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "批量审阅：各报告的问题、结构、成绩、复制比，以及报告之间的相似度矩阵和聚类 / review a batch of reports",
        discussion: """
            -o 的扩展名决定格式：.html（含热力图的网页）、.csv（表格，末尾各列为相似度矩阵）、.json；不给 -o 时在终端列出。
            The extension of -o picks the format: .html (a page with the heatmap), .csv (a table; its last columns are the
            similarity matrix), .json; without -o a table is printed. Ctrl-C stops without writing anything.
            """
    ).underShuzhi

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json, html }

    @Argument(help: "报告文件或目录（.txt/.docx，递归）/ report files or folders") var paths: [String]
    @Option(name: .shortAndLong, help: ArgumentHelp("写到文件：review.html、review.csv 或 review.json / write to a file", valueName: "file"))
    var output: String?
    @Option(help: "输出格式（默认按 -o 的扩展名）/ output format (default: from the extension of -o)") var format: Format?
    @Flag(help: "同时对照语料库：每份报告的语料库复制比，语料库中常见的表述算通用表述 / also check against the store") var corpus = false
    @Option(
        help: ArgumentHelp(
            "另写审阅单：首页为需退回报告的排序和理由，其后每份报告一页 A4（.html，或 .pdf，需 Chromium 或 LibreOffice）/ also write the reviewer's sheets",
            valueName: "sheets.html|pdf"))
    var sheets: String?
    @OptionGroup var input: InputOptions
    @OptionGroup var rules: RuleOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("请指定报告文件或目录 / name files or folders") }
        if let sheets, !["html", "htm", "pdf"].contains((sheets as NSString).pathExtension.lowercased()) {
            throw ValidationError("审阅单写成 .html 或 .pdf / --sheets takes a .html or .pdf name")
        }
        _ = try resolvedFormat()
    }

    func resolvedFormat() throws -> Format {
        if let format { return format }
        guard let output else { return .text }
        switch (output as NSString).pathExtension.lowercased() {
        case "html", "htm": return .html
        case "csv": return .csv
        case "json": return .json
        default: throw ValidationError("无法从“\(output)”判断格式：用 .html、.csv、.json，或加 --format / cannot tell the format from the file name")
        }
    }

    func run() throws {
        let files = try CorpusAdd.expand(paths)
        guard !files.isEmpty else {
            Terminal.error("错误：没有找到 .txt 或 .docx 文件\nerror: no .txt or .docx files found")
            throw ExitCode(2)
        }
        let format = try resolvedFormat()
        let options = try input.ingestOptions()
        Interrupt.install()

        var configs: [String: Configuration] = [:]
        var inputs: [ReviewOperation.Input] = []
        for path in files {
            do {
                inputs.append(
                    ReviewOperation.Input(
                        name: path, configuration: try store.honouringTaughtWords(try rules.configuration(for: path, cache: &configs))
                    ) {
                        () throws(IngestError) in try Ingest.load(path: path, options: options)
                    })
            } catch let f as InputFailure { Terminal.error(f.message); throw ExitCode(2) }
        }
        let progress = PhaseProgress()
        let review: BatchReview
        let inputsToReview = inputs
        do {
            review = try store.with(opening: corpus) { store in
                try await ReviewOperation.review(
                    inputsToReview, store: store, progress: { progress.show($0, $1, $2) },
                    shouldStop: { Interrupt.isRequested })
            }
            progress.finish()
        } catch is CancellationError {
            progress.finish()
            return try interrupted()
        }
        for f in review.failures { Terminal.error("错误：\(f.file)：\(f.message)") }
        let (reports, failures) = (review.reports, review.failures)

        let rendered: String
        switch format {
        case .text: rendered = ReviewRenderer.text(review)
        case .csv: rendered = ReviewRenderer.csv(review)
        case .json: rendered = ReviewRenderer.json(review).serialized() + "\n"
        case .html: rendered = ReviewRenderer.html(review, generator: "Shuzhi \(Shuzhi.version)")
        }
        if let sheets {
            let page = ReviewSheet.html(review, generator: "Shuzhi \(Shuzhi.version)")
            do {
                let bytes =
                    (sheets as NSString).pathExtension.lowercased() == "pdf" ? try PrintOperation.pdf(fromHTML: page) : Array(page.utf8)
                try AtomicFile.write(bytes, to: sheets)
            } catch let error as ServiceError {
                Terminal.error(error.description); throw ExitCode(2)
            } catch let f as InputFailure {
                Terminal.error(f.message); throw ExitCode(2)
            }
            let back = ReviewSheet.ranking(review).filter(\.sendBack).count
            Terminal.error("已写出审阅单 \(sheets)：\(reports.count) 份报告，建议退回 \(back) 份 / sheets written")
            if output == nil && format == .text { return }
        }
        if let output {
            do { try AtomicFile.write(Array(rendered.utf8), to: output) } catch let f as InputFailure {
                Terminal.error(f.message); throw ExitCode(2)
            }
            let s = review.similarity
            Terminal.error(
                "已写出 \(output)：\(reports.count) 份报告，\(s.pairs.filter { $0.copiedPassages > 0 }.count) 对有疑似复制段落，\(s.clusters.count) 组")
        } else {
            Terminal.write(rendered)
        }
        if !failures.isEmpty { throw ExitCode(2) }
    }

    func interrupted() throws {
        Terminal.error("\n已中断，未写出审阅结果 / interrupted; nothing was written")
        throw ExitCode(130)
    }
}

import ArgumentParser
import Foundation
import ShuzhiKit
import ShuzhiService
import ShuzhiStore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "检查报告，列出问题 / Check reports and list the findings.",
        discussion: "FILE 为 .txt（UTF-8/UTF-16/GB18030）或 .docx；“-”读标准输入。/ FILE is .txt or .docx; '-' reads standard input."
    ).underShuzhi

    @Argument(help: "要检查的文件 / files to check") var files: [String]
    @Option(help: "输出格式 / output format: text, json, sarif") var format: OutputFormat = .text
    @Option(help: "颜色 / colour: auto, always, never") var color: ColorChoice = .auto
    @Flag(help: "在标准错误输出各阶段和各规则耗时 / print the time of each phase and rule on standard error") var timings = false
    @Flag(help: "对照语料库查找抄袭 / check for copying against the store") var corpus = false
    @Option(help: "作者或单位：其本人报告算沿用而非抄袭 / author or unit whose own reports are reuse, not copying") var author: String?
    @Option(
        help: ArgumentHelp(
            "把问题写成批注，另存为 Word 文档（仅 .docx 输入）/ write the findings as Word comments into a copy of the .docx", valueName: "out.docx"))
    var annotate: String?
    @OptionGroup var input: InputOptions
    @OptionGroup var rules: RuleOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("请指定要检查的文件 / name at least one file") }
        if annotate != nil && files.count != 1 {
            throw ValidationError("--annotate 一次只能用于一个 .docx 文件 / --annotate takes exactly one .docx file")
        }
    }

    func run() throws {
        let options = try input.ingestOptions()
        var configs: [String: Configuration] = [:]
        var reports: [CheckReport] = []
        var failures: [IngestError] = []
        var entries: [JSONValue] = []
        var renderer = TextRenderer(color: Terminal.useColor(color))
        if ProcessInfo.processInfo.environment["SHUZHI_AMBIGUOUS_WIDTH"] == "2" { renderer.ambiguousWidth = 2 }
        // Every file is read first: the documents of one run are each other's vocabulary (and, with --corpus, the
        // store's reports are too), so a term several of them write is not taken for a slip.
        let clock = ContinuousClock()
        var loaded: [(path: String, read: Result<(Document, [UInt8]), IngestError>, took: Duration)] = []
        for path in files {
            let started = clock.now
            do throws(IngestError) {
                let read = try Ingest.loadWithSource(path: path, options: options)
                loaded.append((path, .success((read.document, read.bytes)), clock.now - started))
            } catch { loaded.append((path, .failure(error), clock.now - started)) }
        }
        let batch = loaded.compactMap { try? $0.read.get().0.scalars }
        let shared = try store.with(opening: corpus) { try await CheckOperation.vocabulary(for: batch, store: $0) }
        for (path, read, took) in loaded {
            var configuration: Configuration
            do { configuration = try rules.configuration(for: path, cache: &configs) } catch let f as InputFailure {
                Terminal.error(f.message); throw ExitCode(2)
            }
            configuration = try store.honouringTaughtWords(configuration)
            configuration.sharedVocabulary = shared
            do {
                let (document, source) = try read.get()
                let (author, timed, settings) = (self.author, timings, configuration)
                // A report of hundreds of pages takes seconds: on a terminal, say how far the check has got.
                let progress = document.scalars.count >= Self.longDocument ? FileProgress(path, characters: document.scalars.count) : nil
                let outcome = try store.with(opening: corpus) { store in
                    try await CheckOperation.check(
                        document, configuration: settings, store: store, author: author, timed: timed,
                        progress: progress.map { p in { p.show($0, $1) } })
                }
                progress?.finish()
                let report = outcome.report
                if let t = outcome.timings {
                    Timings.report(
                        path: path, characters: document.scalars.count, ingest: took, analysis: t.analysis,
                        rules: t.rules, perRule: t.steps.map { ($0.name, $0.took) })
                }
                if let annotate { try writeAnnotated(document, source: source, report.diagnostics, path: path, to: annotate) }
                reports.append(report)
                entries.append(report.json)
                if format == .text { Terminal.write(renderer.render(report)) }
            } catch let error as IngestError {
                failures.append(error)
                entries.append(CheckReport.errorJSON(error))
                Terminal.error(error.description)
            }
        }
        switch format {
        case .text:
            if files.count > 1 {
                let total = reports.reduce(0) { $0 + $1.diagnostics.count }
                let errors = reports.reduce(0) { $0 + $1.errorCount }
                Terminal.write(
                    "合计 \(reports.count) 个文件、\(total) 处问题，其中错误 \(errors) 处" + (failures.isEmpty ? "" : "；\(failures.count) 个文件无法读取") + "\n")
            }
        case .json:
            Terminal.write(files.count == 1 ? entries[0] : .array(entries))
        case .sarif:
            Terminal.write(SARIFRenderer.render(reports, version: Shuzhi.version))
        }
        if !failures.isEmpty { throw ExitCode(2) }
        if reports.contains(where: { $0.errorCount > 0 }) { throw ExitCode(1) }
    }
}

extension CheckCommand {
    /// Characters from which a check shows its progress on a terminal (about 150 pages).
    static let longDocument = 200_000

    /// `--annotate`: the input's package with every finding as a comment, written atomically (or not at all).
    func writeAnnotated(_ document: Document, source: [UInt8], _ diagnostics: [Diagnostic], path: String, to output: String) throws {
        let comments: Int
        do {
            let file = try AnnotateOperation.annotate(document, source: source, diagnostics: diagnostics)
            try AtomicFile.write(file.bytes, to: output)
            comments = file.comments
        } catch let error as ServiceError {
            Terminal.error("\(path)：\(error.description)")
            throw ExitCode(2)
        } catch let f as InputFailure {
            Terminal.error(f.message)
            throw ExitCode(2)
        }
        Terminal.error(
            "已写出 \(output)：\(diagnostics.count) 处问题，\(comments) 条批注（开头一条概述，每段的待填占位合为一条） / \(diagnostics.count) findings in \(comments) comments"
        )
    }
}

/// `--timings`: where the time of one check went, printed on standard error. The steps of the analysis made on first
/// use (timed as `analysis.…` before the rules run) count to the analysis, not to the rules.
enum Timings {
    static func report(path: String, characters: Int, ingest: Duration, analysis: Duration, rules: Duration, perRule: [(String, Duration)])
    {
        func ms(_ d: Duration) -> String {
            let v = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
            return String(format: "%.2f ms", v)
        }
        let steps = perRule.filter { $0.0.hasPrefix("analysis.") }, ruleTimes = perRule.filter { !$0.0.hasPrefix("analysis.") }
        let lazy = steps.reduce(Duration.zero) { $0 + $1.1 }
        func row(_ entry: (String, Duration)) -> String {
            "    \(entry.0.padding(toLength: 30, withPad: " ", startingAt: 0)) \(ms(entry.1))"
        }
        var lines = [
            "\(path)：\(characters) 字符 / characters",
            "  读取与解码 / ingest    \(ms(ingest))",
            "  分析 / analysis        \(ms(analysis + lazy))",
        ]
        lines += steps.map(row)
        lines.append("  规则 / rules           \(ms(rules - lazy))")
        lines += ruleTimes.sorted(by: { $0.1 > $1.1 }).map(row)
        Terminal.error(lines.joined(separator: "\n"))
    }
}

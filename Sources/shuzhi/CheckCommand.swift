import ArgumentParser
import Foundation
import ShuzhiKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "检查报告，列出问题 / Check reports and list the findings.",
        discussion: "FILE 为 .txt（UTF-8/UTF-16/GB18030）或 .docx；“-”读标准输入。/ FILE is .txt or .docx; '-' reads standard input."
    )

    @Argument(help: "要检查的文件 / files to check") var files: [String]
    @Option(help: "输出格式 / output format: text, json, sarif") var format: OutputFormat = .text
    @Option(help: "颜色 / colour: auto, always, never") var color: ColorChoice = .auto
    @OptionGroup var input: InputOptions
    @OptionGroup var rules: RuleOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("请指定要检查的文件 / name at least one file") }
    }

    func run() throws {
        let options = try input.ingestOptions()
        var configs: [String: Configuration] = [:]
        var reports: [CheckReport] = []
        var failures: [IngestError] = []
        var entries: [JSONValue] = []
        let renderer = TextRenderer(color: Terminal.useColor(color))
        for path in files {
            let configuration: Configuration
            do { configuration = try rules.configuration(for: path, cache: &configs) }
            catch let f as InputFailure { Terminal.error(f.message); throw ExitCode(2) }
            do {
                let document = try Ingest.load(path: path, options: options)
                let report = CheckReport(document: document, diagnostics: Checker(configuration: configuration).check(document))
                reports.append(report)
                entries.append(report.json)
                if format == .text { Terminal.write(renderer.render(report)) }
            } catch {
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
                Terminal.write("合计 \(reports.count) 个文件、\(total) 处问题，其中错误 \(errors) 处" + (failures.isEmpty ? "" : "；\(failures.count) 个文件无法读取") + "\n")
            }
        case .json:
            Terminal.write((files.count == 1 ? entries[0] : .array(entries)).serialized() + "\n")
        case .sarif:
            Terminal.write(SARIFRenderer.render(reports, version: Shuzhi.version).serialized() + "\n")
        }
        if !failures.isEmpty { throw ExitCode(2) }
        if reports.contains(where: { $0.errorCount > 0 }) { throw ExitCode(1) }
    }
}

import ArgumentParser
import Foundation
import ShuzhiKit
import ShuzhiService

struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "列出报告写明的成绩（指标、数值、单位、变化）和实质内容比例 / List the stated results and the substance score."
    ).underShuzhi

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @Argument(help: "文件 / files") var files: [String]
    @Option(help: "输出格式 / output format: table, csv, json") var format: Format = .table
    @OptionGroup var input: InputOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("请指定文件 / name at least one file") }
    }

    func run() throws {
        var csvHeaderWritten = false
        try PerFile.run(files, try input.ingestOptions(), json: format == .json) { path, document in
            let metrics = MetricsOperation.metrics(document, configuration: Configuration())
            switch format {
            case .table:
                Terminal.write(
                    (files.count > 1 ? "== \(path) ==\n" : "") + MetricsRenderer.table(metrics.results, metrics.substance, document))
            case .json:
                return MetricsOperation.json(metrics)
            case .csv:
                var text = MetricsRenderer.csv(metrics.results, document)
                // One header for several files.
                if csvHeaderWritten, let firstLineEnd = text.range(of: "\r\n") { text = String(text[firstLineEnd.upperBound...]) }
                csvHeaderWritten = true
                Terminal.write(text)
            }
            return nil
        }
    }
}

import ArgumentParser
import Foundation
import ShuzhiKit
import ShuzhiService

struct OutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline",
        abstract: "显示报告的结构（标题、各级标题、一是二是）/ Show the report's structure."
    ).underShuzhi

    @Argument(help: "文件 / files") var files: [String]
    @Option(help: "输出格式 / output format: text, json") var format: OutputFormat = .text
    @Option(help: ArgumentHelp("报告所述年度（默认从正文推断）/ the year the report speaks for (default: inferred)", valueName: "year"))
    var year: Int?
    @OptionGroup var input: InputOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("请指定文件 / name at least one file") }
        if format == .sarif { throw ValidationError("outline 支持 text 和 json / outline prints text or json") }
    }

    func run() throws {
        try PerFile.run(files, try input.ingestOptions(), json: format == .json) { path, document in
            var configuration = Configuration()
            configuration.year = year
            let analysis = OutlineOperation.outline(document, configuration: configuration)
            if format == .json { return OutlineRenderer.json(analysis) }
            Terminal.write((files.count > 1 ? "== \(path) ==\n" : "") + OutlineRenderer.text(analysis))
            return nil
        }
    }
}

import ArgumentParser
import Foundation
import ShuzhiKit

struct OutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline",
        abstract: "显示报告的结构（标题、各级标题、一是二是）/ Show the report's structure."
    )

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
        let options = try input.ingestOptions()
        var entries: [JSONValue] = []
        var failed = false
        for path in files {
            do {
                let analysis = Analysis(try Ingest.load(path: path, options: options), year: year)
                if format == .json { entries.append(OutlineRenderer.json(analysis)) }
                else { Terminal.write((files.count > 1 ? "== \(path) ==\n" : "") + OutlineRenderer.text(analysis)) }
            } catch {
                failed = true
                entries.append(CheckReport.errorJSON(error))
                Terminal.error(error.description)
            }
        }
        if format == .json { Terminal.write(files.count == 1 ? entries[0] : .array(entries)) }
        if failed { throw ExitCode(2) }
    }
}

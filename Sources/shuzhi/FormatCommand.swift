import ArgumentParser
import Foundation
import ShuzhiKit
import ShuzhiService

/// `shuzhi format`: a report (.txt or .docx) laid out per GB/T 9704-2012 as a new .docx.
struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "format",
        abstract: "按 GB/T 9704-2012 排版为 Word 文档 / lay a report out per GB/T 9704-2012 as a .docx",
        discussion: """
            A4，页边距上 37、下 35、左 28、右 26 毫米，每页 22 行、每行 28 字；标题 2 号小标宋居中，正文 3 号仿宋首行缩进二字，
            一级标题黑体、二级楷体、三四级仿宋；页码“— 1 —”4 号宋体，单页居右、双页居左。默认写到 NAME.formatted.docx。
            A4, margins 37/35/28/26 mm, 22 lines × 28 characters; writes NAME.formatted.docx unless -o is given.
            """
    ).underShuzhi

    @Argument(help: "报告文件（.txt 或 .docx）/ the report") var file: String
    @Option(name: .shortAndLong, help: ArgumentHelp("输出的 .docx / the .docx to write", valueName: "out.docx")) var output: String?
    @Option(name: .customLong("copy-number"), help: ArgumentHelp("份号（版心左上角第一行）/ the copy number", valueName: "000001"))
    var copyNumber: String?
    @Option(help: ArgumentHelp("密级和保密期限（左上角第二行）/ the classification", valueName: "秘密★1年")) var secrecy: String?
    @Option(
        name: .customLong("document-number"),
        help: ArgumentHelp("发文字号（标题上方居中）/ the document number", valueName: "X发〔2024〕1号"))
    var documentNumber: String?
    @OptionGroup var input: InputOptions

    func validate() throws {
        if let output, !output.lowercased().hasSuffix(".docx") {
            throw ValidationError("format 写出 Word 文档：-o 请用 .docx 文件名 / format writes a .docx: give -o a .docx name")
        }
    }

    func run() throws {
        let options = try input.ingestOptions()
        let document: Document
        do throws(IngestError) { document = try Ingest.load(path: file, options: options) } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
        let formatted = FormatOperation.format(
            document, configuration: Configuration(),
            marking: DocxFormatter.Marking(copyNumber: copyNumber, secrecy: secrecy, documentNumber: documentNumber))
        let destination = output ?? (file == "-" ? "-.formatted.docx" : OutputName.derived(from: file, suffix: ".formatted.docx"))
        if FixCommand.sameFile(destination, file) {
            Terminal.error("错误：输出文件与输入文件相同（\(file)）\nerror: the output is the input file")
            throw ExitCode(2)
        }
        do { try AtomicFile.write(formatted.bytes, to: destination) } catch let f as InputFailure {
            Terminal.error(f.message)
            throw ExitCode(2)
        }
        Terminal.error("已写出 \(destination) / written")
    }
}

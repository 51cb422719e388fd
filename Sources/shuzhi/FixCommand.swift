import ArgumentParser
import Foundation
import ShuzhiKit
import ShuzhiService

struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "应用安全修复，写出新文件 / Apply safe fixes and write a new file.",
        discussion: """
            默认写到 NAME.fixed.txt（Word 文档写到 NAME.fixed.docx：修改为修订，可在 Word/WPS 中逐条接受或拒绝，其余问题为批注；
            --accept 直接改），不改动原文件；--in-place 才覆盖原文件（仅文本文件）。“-”从标准输入读、向标准输出写。
            By default writes NAME.fixed.txt (a .docx gives NAME.fixed.docx: fixes as tracked changes to accept or reject in
            Word, other findings as comments; --accept makes the changes directly) and leaves the input alone; --in-place
            overwrites it (text files only).
            """
    ).underShuzhi

    @Argument(help: "要修复的文件 / files to fix") var files: [String]
    @Option(name: .shortAndLong, help: "输出文件（只能配合一个输入文件）/ output file (one input only)") var output: String?
    @Flag(name: .customLong("in-place"), help: "直接改写原文件 / overwrite the input file") var inPlace = false
    @Flag(help: "只打印统一格式差异，不写文件 / print a unified diff instead of writing") var diff = false
    @Flag(help: "同时应用需确认的修复 / also apply unsafe fixes") var unsafe = false
    @Flag(help: "Word 文档：直接修改而不是写成修订 / .docx: make the changes instead of tracking them") var accept = false
    @OptionGroup var input: InputOptions
    @OptionGroup var rules: RuleOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("请指定要修复的文件 / name at least one file") }
        if output != nil && files.count > 1 { throw ValidationError("-o 只能用于一个输入文件 / -o takes one input file") }
        if output != nil && inPlace { throw ValidationError("-o 与 --in-place 不能同时使用 / -o and --in-place exclude each other") }
        if diff && (inPlace || output != nil) { throw ValidationError("--diff 不写文件，不能与 -o 或 --in-place 同用 / --diff writes no file") }
        if let output, [".doc", ".wps"].contains(where: output.lowercased().hasSuffix) {
            throw ValidationError("fix 写出 .docx 或纯文本，-o 请用 .docx 或 .txt 文件名 / fix writes .docx or text: give -o such a name")
        }
    }

    func run() throws {
        let options = try input.ingestOptions()
        var configs: [String: Configuration] = [:]
        var failed = false
        var remainingErrors = false
        for path in files {
            do {
                let configuration = try store.honouringTaughtWords(try rules.configuration(for: path, cache: &configs))
                let (document, source) = try Ingest.loadWithSource(path: path, options: options)
                if inPlace && document.format == .docx {
                    throw InputFailure(
                        message:
                            "错误：\(path)：.docx 暂不支持 --in-place，请用 -o 写出文本文件。\nerror: \(path): --in-place is not supported for .docx; write a text file with -o."
                    )
                }
                let destination = inPlace ? path : (output ?? Self.defaultOutput(for: path, docx: document.format == .docx))
                let word = destination.lowercased().hasSuffix(".docx") && !diff
                if word && !(document.format == .docx) {
                    throw InputFailure(
                        message:
                            "错误：\(path) 不是 Word 文档，fix 不能写出 .docx（排版成 Word 请用 shuzhi format）\nerror: \(path) is not a .docx; fix cannot write one"
                    )
                }
                if (word || !inPlace) && destination != "-" && Self.sameFile(destination, path) {
                    throw InputFailure(
                        message: word
                            ? "错误：输出文件与输入文件相同（\(path)）\nerror: the output is the input file"
                            : "错误：输出文件与输入文件相同（\(path)）；要改写原文件请用 --in-place。\nerror: the output is the input file; use --in-place to overwrite it."
                    )
                }
                let outcome: FixOperation.Outcome
                do {
                    outcome = try FixOperation.fix(
                        document, source: source, configuration: configuration,
                        output: word ? (accept ? .accepted : .tracked) : .text, unsafe: unsafe)
                } catch { throw InputFailure(message: "\(path)：\(error.description)") }
                remainingErrors = remainingErrors || outcome.errorsLeft
                if diff, let fixed = outcome.text {
                    Terminal.write(
                        UnifiedDiff.diff(
                            document.text, String(String.UnicodeScalarView(fixed)), oldName: path, newName: path + "（修复后 / fixed）"))
                    continue
                }
                if destination == "-" {
                    FileHandle.standardOutput.write(Data(outcome.file.bytes))
                } else if outcome.fixed == 0 {
                    // Nothing to fix: no copy of the input, and no old output overwritten with one.
                    let annotate = word ? "；要把问题写成批注，请用 shuzhi check --annotate" : ""
                    Terminal.error(
                        "\(path)：没有可自动修复的问题，未写出文件\(outcome.left > 0 ? "；\(outcome.left) 处需人工处理（shuzhi check 查看）\(annotate)" : "") / nothing to fix, no file written"
                    )
                    continue
                } else {
                    try AtomicFile.write(outcome.file.bytes, to: destination)
                }
                if word {
                    Terminal.error(
                        "\(path)：\(accept ? "已修复" : "已标出修订") \(outcome.fixed) 处 → \(destination)；另有 \(outcome.left) 处写成批注 / \(outcome.fixed) fixed, \(outcome.left) commented"
                    )
                } else {
                    Terminal.error(
                        "\(path)：已修复 \(outcome.fixed) 处\(destination == "-" ? "" : " → \(destination)")；另有 \(outcome.left) 处需人工处理（shuzhi check 查看）/ fixed \(outcome.fixed), \(outcome.left) left"
                    )
                }
            } catch let error as IngestError {
                Terminal.error(error.description)
                failed = true
            } catch let failure as InputFailure {
                Terminal.error(failure.message)
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
        if remainingErrors { throw ExitCode(1) }
    }

    static func defaultOutput(for path: String, docx: Bool = false) -> String {
        path == "-" ? "-" : OutputName.derived(from: path, suffix: docx ? ".fixed.docx" : ".fixed.txt")
    }

    static func sameFile(_ a: String, _ b: String) -> Bool {
        URL(fileURLWithPath: a).standardizedFileURL.resolvingSymlinksInPath()
            == URL(fileURLWithPath: b).standardizedFileURL.resolvingSymlinksInPath()
    }
}

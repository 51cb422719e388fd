import ArgumentParser
import Foundation
import ShuzhiKit

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
    )

    @Argument(help: "要修复的文件 / files to fix") var files: [String]
    @Option(name: .shortAndLong, help: "输出文件（只能配合一个输入文件）/ output file (one input only)") var output: String?
    @Flag(name: .customLong("in-place"), help: "直接改写原文件 / overwrite the input file") var inPlace = false
    @Flag(help: "只打印统一格式差异，不写文件 / print a unified diff instead of writing") var diff = false
    @Flag(help: "同时应用需确认的修复 / also apply unsafe fixes") var unsafe = false
    @Flag(help: "Word 文档：直接修改而不是写成修订 / .docx: make the changes instead of tracking them") var accept = false
    @OptionGroup var input: InputOptions
    @OptionGroup var rules: RuleOptions

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
                let configuration = try rules.configuration(for: path, cache: &configs)
                let (document, source) = try Ingest.loadWithSource(path: path, options: options)
                if inPlace && document.format == .docx {
                    throw InputFailure(message: "错误：\(path)：.docx 暂不支持 --in-place，请用 -o 写出文本文件。\nerror: \(path): --in-place is not supported for .docx; write a text file with -o.")
                }
                let destination = inPlace ? path : (output ?? Self.defaultOutput(for: path, docx: document.format == .docx))
                if destination.lowercased().hasSuffix(".docx") && !diff {
                    guard document.format == .docx else {
                        throw InputFailure(message: "错误：\(path) 不是 Word 文档，fix 不能写出 .docx（排版成 Word 请用 shuzhi format）\nerror: \(path) is not a .docx; fix cannot write one")
                    }
                    if Self.sameFile(destination, path) {
                        throw InputFailure(message: "错误：输出文件与输入文件相同（\(path)）\nerror: the output is the input file")
                    }
                    let (left, errors) = try fixWord(document, source: source, checker: Checker(configuration: configuration), to: destination)
                    remainingErrors = remainingErrors || errors
                    Terminal.error("\(path)：\(accept ? "已修复" : "已标出修订") \(left.fixed) 处 → \(destination)；另有 \(left.commented) 处写成批注 / \(left.fixed) fixed, \(left.commented) commented")
                    continue
                }
                let result = Fixer.fixAll(document, checker: Checker(configuration: configuration), includeUnsafe: unsafe)
                remainingErrors = remainingErrors || result.remaining.contains { $0.severity == .error }
                let bytes = encode(result.document, original: document)
                if diff {
                    Terminal.write(UnifiedDiff.diff(document.text, result.document.text, oldName: path, newName: path + "（修复后 / fixed）"))
                    continue
                }
                if destination == "-" {
                    FileHandle.standardOutput.write(Data(bytes))
                } else {
                    if !inPlace && Self.sameFile(destination, path) {
                        throw InputFailure(message: "错误：输出文件与输入文件相同（\(path)）；要改写原文件请用 --in-place。\nerror: the output is the input file; use --in-place to overwrite it.")
                    }
                    try AtomicFile.write(bytes, to: destination)
                }
                let left = result.remaining.count
                Terminal.error("\(path)：已修复 \(result.applied) 处\(destination == "-" ? "" : " → \(destination)")；另有 \(left) 处需人工处理（shuzhi check 查看）/ fixed \(result.applied), \(left) left")
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

    /// Text files keep their encoding, byte-order mark and line endings; .docx input is written as UTF-8 text.
    private func encode(_ fixed: Document, original: Document) -> [UInt8] {
        switch original.format {
        case .text(let encoding, let bom): return ShuzhiKit.encode(fixed.scalars, as: encoding, byteOrderMark: bom)
        case .docx: return Array(fixed.text.utf8)
        }
    }

    static func defaultOutput(for path: String, docx: Bool = false) -> String {
        if path == "-" { return "-" }
        let ns = path as NSString
        let ext = ns.pathExtension.lowercased()
        let stem = (ext == "txt" || ext == "docx" || ext == "text") ? ns.deletingPathExtension : path
        return stem + (docx ? ".fixed.docx" : ".fixed.txt")
    }

    /// A .docx fixed into a .docx: one round of fixes as revisions (or made, with --accept), the rest as comments.
    /// Returns how many were fixed and commented, and whether an error-level finding is left.
    private func fixWord(_ document: Document, source: [UInt8], checker: Checker, to destination: String) throws
        -> ((fixed: Int, commented: Int), Bool) {
        let diagnostics = checker.check(document)
        let (out, fixed) = try DocxAnnotator.fix(source, document: document, diagnostics: diagnostics, includeUnsafe: unsafe,
                                                 revising: accept ? .accepted : .tracked)
        try AtomicFile.write(out, to: destination)
        let left = diagnostics.count - fixed.count
        let fixedErrors = fixed.count { $0.severity == .error }
        return ((fixed.count, left), diagnostics.count { $0.severity == .error } > fixedErrors)
    }

    static func sameFile(_ a: String, _ b: String) -> Bool {
        URL(fileURLWithPath: a).standardizedFileURL.resolvingSymlinksInPath() == URL(fileURLWithPath: b).standardizedFileURL.resolvingSymlinksInPath()
    }
}

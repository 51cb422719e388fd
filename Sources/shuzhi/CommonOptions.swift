import ArgumentParser
import Foundation
import ShuzhiKit
import ShuzhiService

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// How to read input files: shared by every command that reads reports.
struct InputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("强制文本编码 / force the text encoding: utf-8, utf-16le, utf-16be, gb18030 (gbk)", valueName: "encoding"))
    var encoding: String?

    @Option(name: .customLong("max-size"), help: ArgumentHelp("最大文件大小 / largest file read, e.g. 32M (default 32M)", valueName: "size"))
    var maxSize: String?

    func ingestOptions() throws -> IngestOptions {
        var options = IngestOptions()
        if let name = encoding {
            guard let e = TextEncoding(name: name) else {
                throw ValidationError("未知编码“\(name)”，可用 utf-8、utf-16le、utf-16be、gb18030 / unknown encoding")
            }
            options.encoding = e
        }
        if let size = maxSize {
            guard let bytes = Self.parseSize(size) else { throw ValidationError("无法识别的大小“\(size)”，例如 32M、500K / bad size") }
            options.maximumBytes = bytes
        }
        return options
    }

    static func parseSize(_ s: String) -> Int? {
        let upper = s.uppercased().replacingOccurrences(of: "B", with: "").replacingOccurrences(of: "I", with: "")
        let multipliers: [(String, Int)] = [("K", 1024), ("M", 1_048_576), ("G", 1_073_741_824)]
        for (suffix, m) in multipliers where upper.hasSuffix(suffix) {
            return Double(upper.dropLast()).map { Int($0 * Double(m)) }.flatMap { $0 > 0 ? $0 : nil }
        }
        return Int(upper).flatMap { $0 > 0 ? $0 : nil }
    }
}

/// Which rules run: configuration file plus command-line adjustments.
struct RuleOptions: ParsableArguments {
    @Option(help: ArgumentHelp("配置文件（默认在文件所在目录及上级目录查找 .shuzhi.toml）/ configuration file", valueName: "path"))
    var config: String?

    @Flag(name: .customLong("no-config"), help: "不读取配置文件 / ignore .shuzhi.toml files")
    var noConfig = false

    @Option(help: ArgumentHelp("停用规则或规则族，逗号分隔 / disable rules or families (comma-separated)", valueName: "ids"))
    var disable: [String] = []

    @Option(help: ArgumentHelp("另外启用默认关闭的规则 / also run opt-in rules", valueName: "ids"))
    var enable: [String] = []

    @Option(help: ArgumentHelp("只运行这些规则或规则族 / run only these rules or families", valueName: "ids"))
    var select: [String] = []

    @Option(
        name: .customLong("typo-threshold"),
        help: ArgumentHelp("错别字置信度阈值 0–1，越高越少误报（默认 0.8）/ report typo findings at least this sure", valueName: "p"))
    var typoThreshold: Double?

    @Option(help: ArgumentHelp("报告所述年度（默认从正文推断）/ the year the report speaks for (default: inferred)", valueName: "year"))
    var year: Int?

    @Option(help: ArgumentHelp("另加知识库文件（knowledge.json 的格式），可重复 / extra knowledge file, repeatable", valueName: "file"))
    var knowledge: [String] = []

    private static let known = RuleRegistry.descriptions

    /// The configuration for a file: found upward from its folder unless one was named or none is wanted.
    func configuration(for path: String, cache: inout [String: Configuration]) throws -> Configuration {
        var base = Configuration()
        if let config {
            base = try cached(config, &cache)
        } else if !noConfig {
            let folder = path == "-" ? FileManager.default.currentDirectoryPath : (path as NSString).deletingLastPathComponent
            if let found = Configuration.find(from: folder.isEmpty ? "." : folder) { base = try cached(found, &cache) }
        }
        let overrides = Overrides(
            typoThreshold: typoThreshold, year: year, disabled: split(disable), enabled: split(enable),
            selected: split(select), knowledgeFiles: knowledge)
        do { return try overrides.applied(to: base) } catch { throw InputFailure(message: error.description) }
    }

    private func cached(_ path: String, _ cache: inout [String: Configuration]) throws -> Configuration {
        if let c = cache[path] { return c }
        do {
            let c = try Configuration.load(path: path, knownRules: Self.known)
            cache[path] = c
            return c
        } catch {
            throw InputFailure(message: error.description)
        }
    }

    private func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }
}

/// A problem with the input or the configuration: reported on standard error, exit code 2.
struct InputFailure: Error {
    let message: String
}

enum Terminal {
    static func useColor(_ choice: ColorChoice, stream: Int32 = STDOUT_FILENO) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            if let v = ProcessInfo.processInfo.environment["NO_COLOR"], !v.isEmpty { return false }
            return isatty(stream) == 1
        }
    }

    static func write(_ s: String) { FileHandle.standardOutput.write(Data(s.utf8)) }

    /// A JSON document and a newline on standard output.
    static func write(_ json: JSONValue) {
        var bytes = json.bytes()
        bytes.append(0x0A)
        FileHandle.standardOutput.write(Data(bytes))
    }
    static func error(_ s: String) { FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8)) }
}

/// Writes a file so that it is either complete or absent: a temporary file in the same folder, flushed, then
/// rename(2), which replaces the destination atomically. (Foundation's replaceItemAt can lose the original on Linux.)
enum AtomicFile {
    static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).shuzhi-\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(bytes).write(to: temporary, options: .atomic)
            guard rename(temporary.path, path) == 0 else {
                throw InputFailure(message: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            let reason = (error as? InputFailure)?.message ?? error.localizedDescription
            throw InputFailure(message: "错误：无法写入 \(path)（\(reason)）\nerror: cannot write \(path) (\(reason))")
        }
    }
}

/// Reads each file and hands it to `body`, which prints text itself or returns a JSON entry. With `json`, the entries
/// (and `{"file", "error"}` for a file that cannot be read) are printed at the end, one object or an array; an
/// unreadable file makes the exit code 2.
enum PerFile {
    static func run(_ files: [String], _ options: IngestOptions, json: Bool, _ body: (String, Document) throws -> JSONValue?) throws {
        var entries: [JSONValue] = []
        var failed = false
        for path in files {
            do {
                if let entry = try body(path, try Ingest.load(path: path, options: options)) { entries.append(entry) }
            } catch let error as IngestError {
                failed = true
                entries.append(CheckReport.errorJSON(error))
                Terminal.error(error.description)
            }
        }
        if json { Terminal.write(files.count == 1 ? entries[0] : .array(entries)) }
        if failed { throw ExitCode(2) }
    }
}

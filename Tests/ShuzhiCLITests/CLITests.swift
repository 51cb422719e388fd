import Foundation
import Testing
@testable import ShuzhiKit

/// The `shuzhi` binary, run as a user runs it.
enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["SHUZHI_BINARY"] { return URL(fileURLWithPath: path) }
        // The test runner sits next to the products it was built with.
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = runner.deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("shuzhi")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/shuzhi")
    }()

    struct Result {
        let status: Int32
        let stdout: Data
        let stderr: String
        var out: String { String(decoding: stdout, as: UTF8.self) }
        func json() throws -> Any { try JSONSerialization.jsonObject(with: stdout) }
    }

    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil, in directory: URL? = nil, environment: [String: String] = [:]) throws
        -> Result
    {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? root
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        // Output goes to files, read after exit: no pipe can fill up and block the child.
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(
            status: process.terminationStatus, stdout: try Data(contentsOf: outURL),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Converts text with the system's iconv program: an encoder independent of Shuzhi's code.
    static func iconv(_ data: Data, from: String, to: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", from, "-t", to]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return result
    }

    /// Runs shuzhi on a terminal (a pseudo-terminal from util-linux's `script`, part of every Debian), types Ctrl-C
    /// into it once the terminal shows `marker`, and returns the exit status and everything the terminal showed.
    static func interruptOnTerminal(_ arguments: [String], when marker: String, log: URL) throws -> (status: Int32, shown: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = ([binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        process.arguments = ["-qfec", command, "/dev/null"]
        let input = Pipe()
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let out = try FileHandle(forWritingTo: log)
        process.standardInput = input
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            // Blocking on purpose: a suspended task could wait for a busy test thread while the child finishes.
            usleep(20_000)
            if ((try? String(contentsOf: log, encoding: .utf8)) ?? "").contains(marker) { break }
        }
        // Ctrl-C, as typed: the terminal sends SIGINT to the command.
        input.fileHandleForWriting.write(Data([0x03]))
        process.waitUntilExit()
        try out.close()
        return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shuzhi-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let fixtures = root.appendingPathComponent("Tests/ShuzhiKitTests/Fixtures")
    static let sample = "Examples/sample-report.txt"
    static var shared: URL? {
        let url = root.deletingLastPathComponent().appendingPathComponent("shared/samples")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}

@Suite(.serialized) struct CheckCommandTests {
    @Test func checksTheBundledSample() throws {
        let r = try CLI.run(["check", CLI.sample])
        #expect(r.status == 1)
        for rule in [
            "residue.advert", "residue.placeholder", "punct.halfwidth", "punct.unpaired-quote", "numbering.duplicate",
            "numbering.gap", "repeat.phrase", "repeat.char",
        ] {
            #expect(r.out.contains("[\(rule)]"), "missing \(rule)")
        }
        #expect(r.out.contains("Examples/sample-report.txt:9:58: error[punct.halfwidth]"))
        #expect(!r.out.contains("\u{1B}["), "no colour on a pipe")
        #expect(r.out.contains("按类别"))
    }

    /// --year changes what is outdated; a bad --year or knowledge file is a usage error with a message.
    @Test func yearAndKnowledgeOptions() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = dir.appendingPathComponent("报告.txt")
        try Data("述职报告\n一年来，我全面贯彻党的十九大精神，坚定“四个自信”。\n".utf8).write(to: report)
        let unknown = try CLI.run(["check", report.path, "--format", "json", "--no-config"])
        #expect(unknown.status == 0)
        let y = try #require((try unknown.json() as? [String: Any])?["reportYear"] as? [String: Any])
        #expect(y["basis"] as? String == "unknown")
        let dated = try CLI.run(["check", report.path, "--year", "2024", "--no-config"])
        #expect(dated.status == 1 && dated.out.contains("outdated.congress") && dated.out.contains("报告年度：2024"))
        let outline = try CLI.run(["outline", report.path, "--year", "2024"])
        #expect(outline.out.contains("报告年度：2024（由 --year 指定）") && outline.out.contains("结构：述学"))
        #expect(try CLI.run(["check", report.path, "--year", "24"]).status == 2)
        let bad = dir.appendingPathComponent("kb.json")
        try Data("{\"formulas\": [1]}".utf8).write(to: bad)
        let refused = try CLI.run(["check", report.path, "--knowledge", bad.path])
        #expect(refused.status == 2 && refused.stderr.contains("kb.json") && refused.out.isEmpty)
    }

    /// `shuzhi metrics` in its three formats.
    @Test func metricsFormats() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = dir.appendingPathComponent("报告.txt")
        try Data("述职报告\n一、工作成效\n全年实现地区生产总值45.6亿元，同比增长6.5%，新签约项目x个。\n".utf8).write(to: report)
        let table = try CLI.run(["metrics", report.path])
        #expect(table.status == 0 && table.out.contains("地区生产总值：45.6亿元（同比增长6.5%）") && table.out.contains("（缺）x个"))
        let csv = try CLI.run(["metrics", report.path, "--format", "csv"])
        #expect(csv.out.hasPrefix("\u{FEFF}文件,指标,数值,单位") && csv.out.contains(",地区生产总值,45.6,亿元,同比增长6.5%,全年,工作成效,3,"))
        let json = try #require(try CLI.run(["metrics", report.path, "--format", "json"]).json() as? [String: Any])
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(results.count == 2 && results[1]["missing"] as? Bool == true)
        #expect((json["substance"] as? [String: Any])?["sentences"] as? Int == 2)
        #expect(try CLI.run(["metrics", dir.appendingPathComponent("无.txt").path]).status == 2)
    }

    /// The documented JSON shape, and offsets that land exactly on the flagged text of the decoded file.
    @Test func jsonShapeAndOffsets() throws {
        var files = [CLI.sample, CLI.fixtures.appendingPathComponent("gb18030-crlf.txt").path]
        if let shared = CLI.shared {
            files += ["county-deputy-head-2020.txt", "park-deputy-director.txt"].map { shared.appendingPathComponent($0).path }
        }
        for file in files {
            let r = try CLI.run(["check", file, "--format", "json"])
            #expect(r.status == 1 || r.status == 0)
            let object = try #require(try r.json() as? [String: Any])
            #expect(Set(object.keys) == ["file", "encoding", "reportYear", "diagnostics", "summary", "readingOrder"])
            // The reading order names every finding once.
            let entries = ((object["readingOrder"] as? [String: Any])?["entries"] as? [[String: Any]]) ?? []
            let ordered = entries.flatMap { $0["indices"] as? [Int] ?? [] }
            #expect(ordered.sorted() == Array(0..<((object["diagnostics"] as? [Any])?.count ?? -1)))
            #expect(object["file"] as? String == file)
            // The year the outdated rules judged by, with the evidence for it.
            let year = try #require(object["reportYear"] as? [String: Any])
            #expect(Set(year.keys) == ["year", "basis", "reason", "evidence"])
            if file.hasSuffix("county-deputy-head-2020.txt") { #expect(year["year"] as? Int == 2020) }
            // Decode the file independently of Shuzhi: UTF-8 or GB18030 via Foundation's own converters.
            let data = try Data(contentsOf: URL(fileURLWithPath: file, relativeTo: CLI.root))
            let text = String(data: data, encoding: .utf8) ?? decodeGB18030(data)
            var scalars = Array(text.unicodeScalars)
            if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
            let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
            #expect(!diagnostics.isEmpty || file.hasSuffix("gb18030-crlf.txt"))
            for d in diagnostics {
                // Statistical findings (the typo family, doubled words) add their confidence; nothing else varies.
                let base: Set<String> = [
                    "rule", "family", "familyName", "severity", "start", "end", "line", "column", "text", "message", "replacements", "fix",
                ]
                let keys = Set(d.keys), scored = base.union(["confidence"])
                switch (d["family"] as? String, d["rule"] as? String) {
                // …and the whole written word when the finding marks part of it (布 of 布署), as the word list takes it.
                case ("typo", _): #expect(keys == scored || keys == scored.union(["word"]), "\(d)")
                case (_, "repeat.phrase"): #expect(keys == scored || keys == base, "\(d)")  // words of up to four characters are scored
                default: #expect(keys == base, "\(d)")
                }
                if let confidence = d["confidence"] as? Double { #expect(confidence >= 0.8 && confidence <= 1) }
                let start = try #require(d["start"] as? Int), end = try #require(d["end"] as? Int)
                #expect(String(String.UnicodeScalarView(scalars[start..<end])) == d["text"] as? String)
                // line/column recomputed from the offset: LF, CRLF and CR each end a line.
                var line = 1, column = 1, i = 0
                while i < start {
                    if scalars[i] == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
                    if scalars[i] == "\n" || scalars[i] == "\r" { line += 1; column = 1 } else { column += 1 }
                    i += 1
                }
                #expect(d["line"] as? Int == line && d["column"] as? Int == column)
                #expect(["error", "warning", "info"].contains(d["severity"] as? String))
                #expect(["safe", "unsafe", "none"].contains(d["fix"] as? String))
                #expect((d["rule"] as? String)?.hasPrefix((d["family"] as? String ?? "?") + ".") == true)
                #expect(d["replacements"] is [String])
            }
            let summary = try #require(object["summary"] as? [String: Any])
            #expect(summary["total"] as? Int == diagnostics.count)
        }
    }

    private func decodeGB18030(_ data: Data) -> String {
        String(decoding: (try? CLI.iconv(data, from: "GB18030", to: "UTF-8")) ?? Data(), as: UTF8.self)
    }

    @Test func severalFilesGiveAnArrayAndABadOneGivesExitTwo() throws {
        let report = CLI.fixtures.appendingPathComponent("report.docx").path
        let r = try CLI.run(["check", CLI.sample, report, "missing.txt", "--format", "json"])
        #expect(r.status == 2)
        let array = try #require(try r.json() as? [[String: Any]])
        #expect(array.count == 3)
        #expect((array[1]["encoding"] as? String) == "docx")
        let error = try #require(array[2]["error"] as? [String: Any])
        #expect(error["kind"] as? String == "not-found")
        #expect(r.stderr.contains("missing.txt"))
    }

    /// Files checked together are each other's vocabulary: a term two other reports write is not a slip.
    @Test func filesCheckedTogetherShareTheirWords() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let texts = ["要为廉政强身，紧紧扎住制度围栏，坚决防止腐败。", "扎住制度的笼子，守住廉洁底线。", "各级干部要扎住思想防线。"]
        let paths = try texts.enumerated().map { i, text in
            let url = dir.appendingPathComponent("\(i).txt")
            try Data(text.utf8).write(to: url)
            return url.path
        }
        let alone = try CLI.run(["check", "--select", "typo", paths[0]])
        #expect(alone.out.contains("扭"))
        let together = try CLI.run(["check", "--select", "typo"] + paths)
        #expect(together.status == 0 && !together.out.contains("typo."), "\(together.out)")
    }

    @Test func readsStandardInput() throws {
        let r = try CLI.run(["check", "-", "--format", "json"], stdin: Data("全年学习24次,撰写心得6篇。\n".utf8))
        #expect(r.status == 1)
        let object = try #require(try r.json() as? [String: Any])
        #expect(object["file"] as? String == "-")
        let d = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(d["start"] as? Int == 7 && d["text"] as? String == ",")
    }

    @Test func sarif() throws {
        let json = try CLI.run(["check", CLI.sample, "--format", "json"])
        let count = ((try json.json() as? [String: Any])?["diagnostics"] as? [Any])?.count ?? -1
        let r = try CLI.run(["check", CLI.sample, "--format", "sarif"])
        #expect(r.status == 1)
        let log = try #require(try r.json() as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == count)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
    }

    @Test func colourOnlyWhenAskedOrOnATerminal() throws {
        #expect(try CLI.run(["check", CLI.sample, "--color", "always"]).out.contains("\u{1B}[1;31m"))
        #expect(!(try CLI.run(["check", CLI.sample, "--color", "auto"], environment: ["NO_COLOR": "1"]).out.contains("\u{1B}[")))
        // On a real terminal (util-linux `script` gives one; Debian always has it) colour is on unless NO_COLOR is set.
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "util-linux script(1) is missing")
        let command = "\(CLI.binary.path) check \(CLI.sample)"
        let tty = try CLI.run(["-c", "/usr/bin/script -qec '\(command)' /dev/null"], environment: [:], shell: true)
        #expect(tty.out.contains("\u{1B}["))
        let noColor = try CLI.run(["-c", "NO_COLOR=1 /usr/bin/script -qec '\(command)' /dev/null"], environment: [:], shell: true)
        #expect(!noColor.out.contains("\u{1B}[1;31m"))
    }
}

extension CLI {
    /// Runs a shell command line (for `script`, which needs one).
    static func run(_ arguments: [String], environment: [String: String], shell: Bool) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = arguments
        process.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: data, stderr: "")
    }
}

@Suite(.serialized) struct BadInputTests {
    /// Each bad input: exit 2, one Chinese and one English line naming the file, nothing on standard output.
    @Test func everyBadInputIsRefusedClearly() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func write(_ name: String, _ bytes: [UInt8]) -> String {
            let url = dir.appendingPathComponent(name)
            try! Data(bytes).write(to: url)
            return url.path
        }
        let docx = [UInt8](try Data(contentsOf: CLI.fixtures.appendingPathComponent("basic.docx")))
        let cases: [(String, String)] = [
            (write("empty.txt", []), "为空"),
            (write("binary.txt", [0x00, 0x01, 0x02, 0x03, 0xFF, 0x00]), "二进制"),
            (write("invalid.txt", Array("第一行\n".utf8) + [0xFF, 0xFF, 0xFF]), "UTF-8"),
            (write("truncated.docx", Array(docx[..<(docx.count / 2)])), "损坏"),
            (CLI.fixtures.appendingPathComponent("encrypted.docx").path, "密码"),
            // Not a real .doc inside: LibreOffice (when installed) cannot open it either.
            (CLI.fixtures.appendingPathComponent("legacy.doc").path, LibreOffice.executable == nil ? "soffice" : "LibreOffice"),
            (CLI.fixtures.appendingPathComponent("workbook-renamed.docx").path, "Excel"),
            (CLI.fixtures.appendingPathComponent("bomb.docx").path, "压缩炸弹"),
            (dir.appendingPathComponent("missing.txt").path, "不存在"),
            (dir.path, "文件夹"),
        ]
        for (path, words) in cases {
            let r = try CLI.run(["check", path])
            #expect(r.status == 2, "\(path): \(r.status)")
            #expect(r.out.isEmpty, "\(path) printed \(r.out)")
            #expect(r.stderr.contains("错误：\(path)") && r.stderr.contains("error: \(path)"), "\(r.stderr)")
            #expect(r.stderr.contains(words), "\(path): \(r.stderr)")
            // fix writes nothing for it either.
            let f = try CLI.run(["fix", path])
            #expect(f.status == 2)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(!files.contains { $0.contains(".fixed") }, "\(files)")
    }

    /// A 100 MB text is refused before it is read, in bounded memory.
    @Test func aHundredMegabyteTextIsRefusedQuickly() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("huge.txt").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let line = Data(String(repeating: "全面加强学习，推动工作落实。", count: 100).appending("\n").utf8)
        var written = 0
        while written < 100_000_000 { handle.write(line); written += line.count }
        try handle.close()
        let start = Date()
        let r = try CLI.run(["check", path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("过大") && r.stderr.contains("--max-size"))
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func usageErrorsExitTwo() throws {
        for args in [
            ["check"], ["check", "--format", "xml", CLI.sample], ["frobnicate"], ["check", "--encoding", "latin1", CLI.sample],
            ["check", "--disable", "no.such-rule", CLI.sample], ["fix", CLI.sample, "--diff", "--in-place"],
            ["fix", CLI.sample, "-o", "/tmp/out.docx"],
        ] {
            let r = try CLI.run(args)
            #expect(r.status == 2, "\(args): \(r.status) \(r.stderr)")
            #expect(!r.stderr.isEmpty)
        }
        #expect(try CLI.run(["--help"]).status == 0)
        #expect(try CLI.run(["--version"]).status == 0)
    }
}

@Suite(.serialized) struct FixCommandTests {
    func copy(_ source: URL, to dir: URL, as name: String) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.copyItem(at: source, to: url)
        return url
    }

    /// A very long report (here some 200 pages) shows on a terminal how far its check has got; into a pipe, nothing.
    @Test func aLongReportShowsItsProgressOnATerminal() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sample = try String(contentsOf: CLI.root.appendingPathComponent(CLI.sample), encoding: .utf8)
        let long = dir.appendingPathComponent("长报告.txt")
        try String(repeating: sample, count: 200_000 / sample.count + 1).write(to: long, atomically: true, encoding: .utf8)
        let (_, seen) = try CLI.interruptOnTerminal(["check", long.path], when: "规则 2/", log: dir.appendingPathComponent("tty.txt"))
        #expect(seen.contains("正在检查 长报告.txt（") && seen.contains("规则 2/"), "\(seen.prefix(300))")
        let piped = try CLI.run(["check", long.path, "--select", "punct", "--format", "json"])
        #expect(!piped.stderr.contains("正在检查"))
    }

    @Test func writesANewFileAndLeavesTheInputAlone() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try copy(CLI.root.appendingPathComponent(CLI.sample), to: dir, as: "报告.txt")
        let before = try Data(contentsOf: input)
        let r = try CLI.run(["fix", input.path])
        #expect(r.status == 1)  // the sample keeps error-level findings only a person can resolve (placeholders)
        #expect(try Data(contentsOf: input) == before)
        let output = dir.appendingPathComponent("报告.fixed.txt")
        let fixed = try String(contentsOf: output, encoding: .utf8)
        #expect(!fixed.contains("公众号") && fixed.contains("24次，撰写"))
        #expect(r.stderr.contains("已修复"))
        // Fixing the fixed file has nothing to do: it writes nothing, says so, and leaves an old output as it was.
        let stale = dir.appendingPathComponent("again.txt")
        try Data("旧的输出".utf8).write(to: stale)
        let again = try CLI.run(["fix", output.path, "-o", stale.path])
        #expect(try String(contentsOf: stale, encoding: .utf8) == "旧的输出")
        #expect(again.stderr.contains("没有可自动修复的问题，未写出文件") && again.stderr.contains("处需人工处理"), "\(again.stderr)")
        #expect(try String(contentsOf: output, encoding: .utf8) == fixed)
    }

    @Test func keepsEncodingLineEndingsAndByteOrderMark() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("gbk.txt")
        try CLI.iconv(Data("一、加强学习\r\n全年学习24次,撰写心得。\r\n".utf8), from: "UTF-8", to: "GB18030").write(to: input)
        #expect(try CLI.run(["fix", input.path]).status == 0)
        let out = try Data(contentsOf: dir.appendingPathComponent("gbk.fixed.txt"))
        #expect(String(data: out, encoding: .utf8) == nil)
        #expect(String(decoding: try CLI.iconv(out, from: "GB18030", to: "UTF-8"), as: UTF8.self) == "一、加强学习\r\n全年学习24次，撰写心得。\r\n")

        let bom = dir.appendingPathComponent("bom.txt")
        try Data([0xEF, 0xBB, 0xBF] + Array("学习,工作\n".utf8)).write(to: bom)
        #expect(try CLI.run(["fix", bom.path, "--in-place"]).status == 0)
        #expect([UInt8](try Data(contentsOf: bom)) == [0xEF, 0xBB, 0xBF] + Array("学习，工作\n".utf8))
    }

    @Test func diffWritesNothing() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try copy(CLI.root.appendingPathComponent(CLI.sample), to: dir, as: "a.txt")
        let r = try CLI.run(["fix", input.path, "--diff"])
        #expect(r.out.contains("-全年地区生产总值") || r.out.contains("+（二）经济运行稳中向好"))
        #expect(r.out.hasPrefix("--- "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["a.txt"])
    }

    @Test func refusesToOverwriteTheInputWithoutInPlace() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try copy(CLI.root.appendingPathComponent(CLI.sample), to: dir, as: "a.txt")
        let before = try Data(contentsOf: input)
        let r = try CLI.run(["fix", input.path, "-o", input.path])
        #expect(r.status == 2)
        #expect(try Data(contentsOf: input) == before)
    }

    @Test func standardInputToStandardOutput() throws {
        let r = try CLI.run(["fix", "-"], stdin: Data("学习,工作\n".utf8))
        #expect(r.out == "学习，工作\n")
    }

    /// A .docx gives a .docx: the fixes as tracked changes (the reader, like Word's "all changes accepted" view,
    /// reads the fixed text), the other findings as comments; --accept makes them; -o NAME.txt still gives text.
    @Test func docxInputGivesWordWithTrackedChanges() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try copy(CLI.fixtures.appendingPathComponent("report.docx"), to: dir, as: "r.docx")
        let original = try Data(contentsOf: input)
        let r = try CLI.run(["fix", input.path])
        #expect(r.stderr.contains("r.fixed.docx") && r.stderr.contains("批注"), "\(r.stderr)")
        let tracked = dir.appendingPathComponent("r.fixed.docx")
        let main = String(decoding: try Self.part("word/document.xml", of: tracked), as: UTF8.self)
        #expect(
            main.contains("<w:del w:id=") && main.contains("<w:ins w:id=") && main.contains("w:author=\"Shuzhi\"")
                && main.contains("<w:delText"))
        #expect(try Ingest.load(path: tracked.path).text.contains("全年集中学习24次，撰写心得6篇。"))
        #expect(String(decoding: try Self.part("word/comments.xml", of: tracked), as: UTF8.self).contains("<w:comment "))
        #expect(try Data(contentsOf: input) == original)

        let accepted = dir.appendingPathComponent("accepted.docx")
        #expect(try CLI.run(["fix", input.path, "--accept", "-o", accepted.path]).status != 2)
        let plain = String(decoding: try Self.part("word/document.xml", of: accepted), as: UTF8.self)
        #expect(!plain.contains("<w:del ") && !plain.contains("<w:ins "))
        #expect(try Ingest.load(path: accepted.path).text == Ingest.load(path: tracked.path).text)

        _ = try CLI.run(["fix", input.path, "-o", dir.appendingPathComponent("r.txt").path])
        let text = try String(contentsOf: dir.appendingPathComponent("r.txt"), encoding: .utf8)
        #expect(text.contains("全年集中学习24次，撰写心得6篇。"))
        // A text file cannot become a .docx through fix.
        let txt = dir.appendingPathComponent("a.txt")
        try "今年,完成任务。\n".write(to: txt, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["fix", txt.path, "-o", dir.appendingPathComponent("a.docx").path]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("a.docx").path))

        // LibreOffice opens the tracked changes and shows the new text.
        if LibreOffice.executable != nil {
            let pdf = try #require(try LibreOffice.pdf(tracked), "LibreOffice could not open the fixed file")
            let shown = try LibreOffice.text(pdf)
            #expect(shown.contains("，撰写心得"), "\(shown)")
        }
    }

    static func part(_ name: String, of file: URL) throws -> [UInt8] {
        let archive = try ZipArchive(Array(try Data(contentsOf: file)))
        return try archive.data(of: try #require(archive.entry(named: name)), limit: 1 << 24)
    }
}

@Suite(.serialized) struct OtherCommandTests {
    @Test func configurationIsFoundNextToTheFile() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try "[rules]\ndisable = [\"punct\", \"residue\"]\n".write(
            to: dir.appendingPathComponent(".shuzhi.toml"), atomically: true, encoding: .utf8)
        let file = dir.appendingPathComponent("sub/r.txt")
        try "全年学习24次,撰写x篇心得。\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["check", file.path]).status == 0)
        #expect(try CLI.run(["check", file.path, "--no-config"]).status == 1)
        try "[rules]\ndisable = [\"punct.nonsense\"]\n".write(
            to: dir.appendingPathComponent(".shuzhi.toml"), atomically: true, encoding: .utf8)
        let bad = try CLI.run(["check", file.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains(".shuzhi.toml") && bad.stderr.contains("punct.nonsense"))
    }

    @Test func outlineAsTextAndJSON() throws {
        let text = try CLI.run(["outline", CLI.sample])
        #expect(text.status == 0)
        #expect(text.out.contains("《2023年度个人述职述廉报告》"))
        #expect(text.out.contains("  （一）项目建设提速增效"))
        #expect(text.out.contains("· 一是"))
        let json = try #require(try CLI.run(["outline", CLI.sample, "--format", "json"]).json() as? [String: Any])
        let sections = try #require(json["sections"] as? [[String: Any]])
        #expect(sections.map { $0["marker"] as? String } == ["一、", "二、", "二、", "四、", "五、"])
    }

    @Test func evalCSCPrintsPycorrectorsMetricAndSpeed() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("csc.tsv")
        try """
        # source<TAB>target and n<TAB>source<TAB>target lines may mix
        各项审批事项办理时限平均宿短百分之三十。	各项审批事项办理时限平均缩短百分之三十。
        1	在新的一年里，我们将再接再励，奋发有为。	在新的一年里，我们将再接再厉，奋发有为。
        坚持以人民为中心的发展思想。	坚持以人民为中心的发展思想。

        """.write(to: file, atomically: true, encoding: .utf8)
        let r = try CLI.run(["eval", "csc", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.out.contains("sentences: 3"))
        #expect(
            r.out.contains("pycorrector sentence level: acc:1.0000, precision:1.0000, recall:1.0000, f1:1.0000  (TP 2 FP 0 FN 0 TN 1)"),
            "\(r.out)")
        #expect(r.out.contains("correction level: precision:1.0000, recall:1.0000, f1:1.0000"))
        #expect(r.out.contains("sentences/s"))
        // A stricter threshold than any finding's confidence leaves both errors in place.
        let strict = try CLI.run(["eval", "csc", file.path, "--typo-threshold", "1"])
        #expect(strict.out.contains("(TP 0 FP 0 FN 2 TN 1)"), "\(strict.out)")
        let missing = try CLI.run(["eval", "csc", dir.appendingPathComponent("none.tsv").path])
        #expect(missing.status == 2 && missing.stderr.contains("无法读取"))
        #expect(try CLI.run(["eval", "csc", file.path, "--tune", "nonsense=1"]).status == 2)
    }

    /// `eval calibration`: findings on the development sentences right or wrong, on untouched text wrong and
    /// weighted; bad input exits 2.
    @Test func evalCalibrationBinsFindingsByConfidence() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("dev.tsv")
        try """
        same-pinyin	在新的一年里，我们将再接再励，奋发有为。	在新的一年里，我们将再接再厉，奋发有为。
        clean	坚持以人民为中心的发展思想。	坚持以人民为中心的发展思想。

        """.write(to: file, atomically: true, encoding: .utf8)
        let clean = dir.appendingPathComponent("clean")
        try FileManager.default.createDirectory(at: clean, withIntermediateDirectories: true)
        try Data("认真贯彻落实上级的决策部署。".utf8).write(to: clean.appendingPathComponent("a.txt"))
        let r = try CLI.run(["eval", "calibration", file.path, clean.path, "--typo-threshold", "0.3"])
        #expect(r.status == 0, "\(r.stderr)")
        // 再接再励 → 再接再厉 is found at 0.95 or more and is right.
        let top = try #require(r.out.split(separator: "\n").first { $0.hasPrefix("0.95–1.00") })
        #expect(top.split(separator: " ", omittingEmptySubsequences: true).dropFirst().prefix(2) == ["1", "1"], "\(r.out)")
        let noFolder = try CLI.run(["eval", "calibration", file.path, dir.appendingPathComponent("none").path])
        #expect(noFolder.status == 2 && noFolder.stderr.contains("不是目录"))
        #expect(try CLI.run(["eval", "calibration", dir.appendingPathComponent("none.tsv").path, clean.path]).status == 2)
    }

    @Test func evalFalseAlarmsCountsPerTenThousandCharacters() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "坚持以人民为中心的发展思想，推动高质量发展。\n".write(to: dir.appendingPathComponent("clean.txt"), atomically: true, encoding: .utf8)
        try "在新的一年里，我们将再接再励，奋发有为。\n".write(to: dir.appendingPathComponent("slip.txt"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["eval", "false-alarms", dir.path, "--verbose"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.out.contains("clean.txt: 0 findings"))
        #expect(r.out.contains("slip.txt: 1 findings"))
        #expect(r.out.contains("typo.idiom 励→厉"))
        #expect(r.out.contains("total: 1 typo findings in 42 characters"), "\(r.out)")
        #expect(try CLI.run(["eval", "false-alarms", dir.appendingPathComponent("clean.txt").path]).status == 2)
    }

    @Test func typoThresholdOptionIsValidated() throws {
        let bad = try CLI.run(["check", CLI.sample, "--typo-threshold", "2"])
        #expect(bad.status == 2 && bad.stderr.contains("--typo-threshold"))
    }

    @Test func rulesDocumentationIsCurrent() throws {
        let generated = try CLI.run(["rules", "--format", "markdown"]).out
        let committed = try String(contentsOf: CLI.root.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        #expect(generated == committed, "docs/rules.md is stale: run `swift run shuzhi rules --format markdown > docs/rules.md`")
        let list = try #require(try CLI.run(["rules", "--format", "json"]).json() as? [[String: Any]])
        #expect(list.count == RuleRegistry.descriptions.count)
        #expect(list.compactMap { $0["id"] as? String } == RuleRegistry.descriptions.map(\.id))
    }
}

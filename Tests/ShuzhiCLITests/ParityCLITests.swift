import Foundation
import ShuzhiTestSupport
import Testing
@testable import ShuzhiKit

/// The same input gives the same result through the command line and through `shuzhi serve`, operation by operation:
/// both call the one function of `ShuzhiService`, and these tests fail when either side assembles its own.
@Suite(.serialized) struct ParityCLITests {
    static let fixtures = CLI.root.appendingPathComponent("Tests/ShuzhiKitTests/Fixtures")
    static let examples = CLI.root.appendingPathComponent("Examples")

    /// A served `shuzhi` started as the CLI runs (no configuration file), and a request to it.
    final class Server: @unchecked Sendable {
        let served: ServedShuzhi
        let port: Int

        init(store: URL? = nil) throws {
            served = try ServedShuzhi(arguments: ["--no-config"], store: store)
            port = Int(served.url.split(separator: ":").last!.dropLast())!
        }

        func post(_ path: String, _ body: Data, headers: [String: String] = [:], status: Int = 200) throws -> RawHTTP.Response {
            let response = try RawHTTP.request(port: port, method: "POST", path: path, headers: headers, body: body)
            #expect(response.status == status, "\(path): \(String(decoding: response.body, as: UTF8.self).prefix(300))")
            return response
        }

        func get(_ path: String) throws -> NSDictionary {
            let response = try RawHTTP.request(port: port, method: "GET", path: path)
            #expect(response.status == 200, "\(path)")
            return try ParityCLITests.json(response.body)
        }

        deinit { served.stop() }
    }

    static func json(_ data: Data) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
    }

    /// The CLI run in the file's folder on its bare name, so that both sides name the document alike.
    static func cli(_ arguments: [String], _ file: URL) throws -> CLI.Result {
        try CLI.run(arguments + [file.lastPathComponent], in: file.deletingLastPathComponent())
    }

    static func path(_ operation: String, _ file: URL, _ query: String = "") -> String {
        "/api/\(operation)?name=\(file.lastPathComponent.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" + query
    }

    static let documents = [
        examples.appendingPathComponent("sample-report.txt"), fixtures.appendingPathComponent("report.docx"),
        fixtures.appendingPathComponent("gb18030-crlf.txt"),
    ]

    @Test func checkOutlineAndMetricsAgree() throws {
        let server = try Server()
        var withFindings = 0
        for file in Self.documents {
            let body = try Data(contentsOf: file)
            let cli =
                try Self.json(Self.cli(["check", "--no-config", "--format", "json"], file).stdout).mutableCopy() as! NSMutableDictionary
            let served = try Self.json(server.post(Self.path("check", file), body).body).mutableCopy() as! NSMutableDictionary
            if (cli["diagnostics"] as? [Any])?.isEmpty == false { withFindings += 1 }
            served.removeObject(forKey: "text")
            #expect(cli == served, "check of \(file.lastPathComponent)")
            for operation in ["outline", "metrics"] {
                let c = try Self.json(Self.cli([operation, "--format", "json"], file).stdout)
                let s = try Self.json(server.post(Self.path(operation, file), body).body)
                #expect(c == s, "\(operation) of \(file.lastPathComponent)")
            }
        }
        #expect(withFindings >= 2, "the documents compared have findings")
    }

    @Test func fixGivesTheSameBytes() throws {
        let server = try Server()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shuzhi-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (n, file) in Self.documents.enumerated() {
            let body = try Data(contentsOf: file)
            for unsafe in [false, true] {
                let output = folder.appendingPathComponent("out-\(n)-\(unsafe).txt")
                let run = try Self.cli(["fix", "--no-config", "-o", output.path] + (unsafe ? ["--unsafe"] : []), file)
                #expect([0, 1].contains(run.status), "\(run.stderr)")
                let served = try server.post(Self.path("fix", file, "&output=text" + (unsafe ? "&unsafe=1" : "")), body).body
                if FileManager.default.fileExists(atPath: output.path) {
                    #expect(try Data(contentsOf: output) == served, "fix of \(file.lastPathComponent), unsafe \(unsafe)")
                } else {
                    // Nothing to fix: the CLI writes nothing and says so; the server's download is the text unchanged.
                    #expect(run.stderr.contains("未写出文件") && served == body, "fix of \(file.lastPathComponent), unsafe \(unsafe)")
                }
            }
        }
        // Word: the same revisions, comments and text (the revisions' dates differ by the clock).
        let word = Self.fixtures.appendingPathComponent("report.docx")
        for accept in [false, true] {
            let output = folder.appendingPathComponent("out-\(accept).docx")
            _ = try Self.cli(["fix", "--no-config", "-o", output.path] + (accept ? ["--accept"] : []), word)
            let served = try server.post(Self.path("fix", word, "&output=" + (accept ? "accepted" : "tracked")), try Data(contentsOf: word))
                .body
            let (cliParts, servedParts) = (try Self.wordParts(Data(contentsOf: output)), try Self.wordParts(served))
            #expect(cliParts == servedParts, "fix of report.docx, accept \(accept)")
            #expect(cliParts["word/document.xml"]?.contains("<w:ins ") == !accept)
        }
        // Laid out per GB/T 9704.
        for file in Self.documents {
            let output = folder.appendingPathComponent("formatted.docx")
            _ = try Self.cli(["format", "-o", output.path], file)
            let served = try server.post(Self.path("format", file), try Data(contentsOf: file)).body
            #expect(try Self.wordParts(Data(contentsOf: output)) == Self.wordParts(served), "format of \(file.lastPathComponent)")
        }
    }

    @Test func annotateAndCorpusIntakeAgree() throws {
        let server = try Server()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shuzhi-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Every finding as a Word comment.
        let word = Self.fixtures.appendingPathComponent("report.docx")
        let annotated = folder.appendingPathComponent("annotated.docx")
        _ = try Self.cli(["check", "--no-config", "--annotate", annotated.path], word)
        let served = try server.post(Self.path("annotate", word), try Data(contentsOf: word)).body
        let parts = try Self.wordParts(Data(contentsOf: annotated))
        #expect(parts["word/comments.xml"]?.contains("<w:comment ") == true)
        #expect(parts == (try Self.wordParts(served)), "annotate of report.docx")
        // A report taken into the store: the same title, year, author, kind and source either way.
        let report = Self.examples.appendingPathComponent("sample-report.txt")
        let store = folder.appendingPathComponent("cli.sqlite")
        let added = try Self.cli(["corpus", "add", "--store", store.path, "--author", "某局办公室"], report)
        #expect(added.status == 0, "\(added.stderr)")
        var form = MultipartBody()
        form.file("files", report.lastPathComponent, try Data(contentsOf: report))
        form.field("author", "某局办公室")
        _ = try server.post("/api/corpus", form.data, headers: ["Content-Type": MultipartBody.contentType], status: 201)
        let viaServer = try server.get("/api/corpus/1").mutableCopy() as! NSMutableDictionary
        let viaCLI = try Server(store: store).get("/api/corpus/1").mutableCopy() as! NSMutableDictionary
        for d in [viaServer, viaCLI] { d.removeObject(forKey: "addedAt") }
        #expect(viaCLI["year"] as? Int != nil && viaCLI["title"] as? String != nil)
        #expect(viaCLI == viaServer, "corpus intake")
    }

    /// The XML parts of a Word file, the dates of revisions and comments blanked.
    static func wordParts(_ data: Data) throws -> [String: String] {
        let archive = try ZipArchive(Array(data))
        var parts: [String: String] = [:]
        for entry in archive.entries where entry.name.hasSuffix(".xml") {
            let text = String(decoding: try archive.data(of: entry, limit: 50_000_000), as: UTF8.self)
            parts[entry.name] = text.replacing(/w:date="[^"]*"/, with: "")
        }
        #expect(parts["word/document.xml"] != nil)
        return parts
    }

    @Test func compareRulesAndReviewAgree() throws {
        let server = try Server()
        let a = Self.examples.appendingPathComponent("sample-report.txt")
        let samples = CLI.root.appendingPathComponent("../shared/samples")
        // compare: a report and another that took two of its paragraphs, as multipart parts a and b.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shuzhi-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: a, encoding: .utf8)
        let taken = text.components(separatedBy: "\n").filter { $0.count > 40 }.prefix(2).joined(separator: "\n")
        let copied = "关于二〇二四年度个人工作情况的报告\n今年以来，我按照组织安排分管相关工作。\n" + taken + "\n以上报告，请审议。\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("a.txt"))
        try Data(copied.utf8).write(to: folder.appendingPathComponent("b.txt"))
        var form = MultipartBody()
        form.file("a", "a.txt", Data(text.utf8))
        form.file("b", "b.txt", Data(copied.utf8))
        let served = try Self.json(server.post("/api/compare", form.data, headers: ["Content-Type": MultipartBody.contentType]).body)
        let cli = try Self.json(CLI.run(["compare", "--format", "json", "a.txt", "b.txt"], in: folder).stdout)
        #expect((cli["passages"] as? [Any])?.isEmpty == false, "the copied paragraphs are found")
        #expect(cli == served, "compare")
        // The rule catalogue.
        let rules =
            try JSONSerialization.jsonObject(with: RawHTTP.request(port: server.port, method: "GET", path: "/api/rules").body) as? NSArray
        #expect(try JSONSerialization.jsonObject(with: CLI.run(["rules", "--format", "json"]).stdout) as? NSArray == rules)
        // A review of a batch: the same reports, findings, parts and similarity.
        let files =
            [a]
            + ((try? FileManager.default.contentsOfDirectory(at: samples, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
        var batch = MultipartBody()
        for file in files { batch.file("files", file.lastPathComponent, try Data(contentsOf: file)) }
        let job = try Self.json(server.post("/api/review?wait=1", batch.data, headers: ["Content-Type": MultipartBody.contentType]).body)
        let reviewFolder = folder.appendingPathComponent("review")
        try FileManager.default.createDirectory(at: reviewFolder, withIntermediateDirectories: true)
        for file in files { try FileManager.default.copyItem(at: file, to: reviewFolder.appendingPathComponent(file.lastPathComponent)) }
        let review = try Self.json(
            CLI.run(["review", "--no-config", "--format", "json"] + files.map(\.lastPathComponent), in: reviewFolder).stdout)
        #expect(job["review"] as? NSDictionary == review, "review of \(files.count) reports")
    }
}

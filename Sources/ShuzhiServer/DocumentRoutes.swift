import Foundation
import Hummingbird
import ShuzhiKit
import ShuzhiService
import ShuzhiStore

/// The endpoints that take one document (two for compare): check, fix, annotate, format, outline, metrics, compare.
/// Each reads the request, calls the operation the CLI command of the same name calls (`ShuzhiService`), and answers
/// JSON or the file to download. Nothing is written to disk.
struct DocumentRoutes: Sendable {
    let settings: ServerSettings
    let store: any CorpusStore
    /// The store's words, kept between checks with `?corpus=1`.
    var vocabulary = StoreVocabularyCache()
    var reader: RequestReader { RequestReader(limits: settings.limits) }

    func add(to router: Router<BasicRequestContext>) {
        router.post("/api/check") { request, _ in try await check(request) }
        router.post("/api/fix") { request, _ in try await fix(request) }
        router.post("/api/annotate") { request, _ in try await annotate(request) }
        router.post("/api/format") { request, _ in try await format(request) }
        router.post("/api/outline") { request, _ in
            try await analysed(request) { OutlineRenderer.json(OutlineOperation.outline($0, configuration: $1)) }
        }
        router.post("/api/metrics") { request, _ in
            try await analysed(request) { MetricsOperation.json(MetricsOperation.metrics($0, configuration: $1)) }
        }
        router.post("/api/compare") { request, _ in try await compare(request) }
        router.get("/api/rules") { _, _ in JSONResponse.make(RuleCatalogue.json) }
    }

    // MARK: Reading

    /// The document of an upload, or the reason it cannot be read as an API error.
    func load(_ upload: Upload) throws -> (document: Document, source: [UInt8]) {
        do throws(IngestError) {
            let read = try Ingest.documentWithSource(from: upload.bytes, name: upload.name, options: settings.ingest)
            return (read.document, read.bytes)
        } catch {
            throw APIError(error)
        }
    }

    /// The server's rules, with what this request may change: `typoThreshold` and `year` (validated by `Overrides`).
    /// The organisation's word list (`/api/words`) is read from the store for each request, so a word taught on one
    /// page is honoured by the next check anyone runs.
    func configuration(for request: Request) async throws -> Configuration {
        let query = request.form
        let configuration: Configuration
        do {
            configuration = try Overrides.parsing(
                typoThreshold: query["typoThreshold"].map(String.init), year: query["year"].map(String.init)
            )
            .applied(to: settings.configuration)
        } catch { throw APIError(error) }
        return try await WordListOperation.honoured(configuration, store: store)
    }

    static func flag(_ request: Request, _ name: String) -> Bool {
        guard let v = request.form[name] else { return false }
        return isOn(v)
    }

    /// A switch as a query or a form field gives it: present and empty, 1, true, yes or on.
    static func isOn(_ value: some StringProtocol) -> Bool { ["1", "true", "yes", "on", ""].contains(value.lowercased()) }

    // MARK: Check

    /// `CheckReport.json` as the CLI prints it, plus `text` (the decoded text the offsets point into, in Unicode
    /// scalars) and, with `?include=outline,metrics`, those too, so the page needs one upload for all its tabs.
    func check(_ request: Request) async throws -> Response {
        let upload = try await reader.document(request)
        let (document, _) = try load(upload)
        var configuration = try await configuration(for: request)
        let corpus = Self.flag(request, "corpus")
        if corpus {
            // The store's reports are the organisation's dictionary: a term they write is not taken for a slip.
            configuration.sharedVocabulary = try await vocabulary.vocabulary(for: document.scalars, in: store)
        }
        let outcome = try await CheckOperation.check(
            document, configuration: configuration, store: corpus ? store : nil,
            author: request.form["author"].map(String.init))
        let include = Set((request.form["include"] ?? "").split(separator: ",").map(String.init))
        return JSONResponse.make(CheckOperation.json(outcome, include: include))
    }

    func analysed(_ request: Request, _ render: (Document, Configuration) -> JSONValue) async throws -> Response {
        let (document, _) = try load(try await reader.document(request))
        return JSONResponse.make(render(document, try await configuration(for: request)))
    }

    // MARK: Files out

    /// The findings the writer kept: `?ignore=KEY,…` leaves findings out, `?accept=KEY,…` makes an unsafe fix count
    /// as accepted. KEY is `rule:start:end`, as the check's JSON gives each finding.
    static func choices(_ request: Request) -> FixOperation.Choices {
        func keys(_ name: String) -> Set<String> {
            Set((request.form[name] ?? "").split(separator: ",").map(String.init))
        }
        return FixOperation.Choices(ignore: keys("ignore"), accept: keys("accept"))
    }

    /// `?output=text` (the default for text) gives the fixed text in the upload's own encoding; `tracked` (the
    /// default for .docx) and `accepted` give the Word file with the fixes as revisions or made.
    func fix(_ request: Request) async throws -> Response {
        let (document, source) = try load(try await reader.document(request))
        let output = try request.form.choice("output", FixOperation.Output.self)
        let configuration = try await configuration(for: request)
        let outcome = try serviced {
            try FixOperation.fix(
                document, source: source, configuration: configuration, output: output,
                unsafe: Self.flag(request, "unsafe"), choices: Self.choices(request))
        }
        let type = outcome.text == nil ? Self.docxType : "text/plain; charset=\(Self.charset(document.format))"
        return JSONResponse.bytes(outcome.file.bytes, contentType: type, download: outcome.file.name)
    }

    /// The uploaded .docx with every kept finding as a Word comment.
    func annotate(_ request: Request) async throws -> Response {
        let (document, source) = try load(try await reader.document(request))
        let configuration = try await configuration(for: request)
        let file = try serviced {
            try AnnotateOperation.annotate(
                document, source: source,
                diagnostics: Self.choices(request).applied(to: Checker(configuration: configuration).check(document)))
        }
        return JSONResponse.bytes(file.bytes, contentType: Self.docxType, download: file.name)
    }

    /// The text laid out as GB/T 9704 prescribes, as `shuzhi format` writes it.
    func format(_ request: Request) async throws -> Response {
        let (document, _) = try load(try await reader.document(request))
        let form = request.form
        let marking = DocxFormatter.Marking(
            copyNumber: form["copyNumber"].map(String.init), secrecy: form["secrecy"].map(String.init),
            documentNumber: form["documentNumber"].map(String.init))
        let file = FormatOperation.format(document, configuration: try await configuration(for: request), marking: marking)
        return JSONResponse.bytes(file.bytes, contentType: Self.docxType, download: file.name)
    }

    /// An operation's refusal as a 400.
    private func serviced<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as ServiceError { throw APIError(error) }
    }

    // MARK: Compare

    /// Two documents: multipart parts `a` and `b`, or JSON `{"a": {"text": …}, "b": {"text": …}}`.
    func compare(_ request: Request) async throws -> Response {
        let body = try await RequestReader.body(request, limit: 2 * settings.limits.maximumDocumentBytes + 64 * 1024)
        let contentType = request.headers[.contentType] ?? ""
        var uploads: [String: Upload] = [:]
        if let boundary = Multipart.boundary(of: contentType) {
            for part in try RequestReader.multipart(body, boundary: boundary).parts where part.name == "a" || part.name == "b" {
                uploads[part.name] = Upload(name: RequestReader.clean(part.filename) ?? "文档\(part.name.uppercased())", bytes: part.bytes)
            }
        } else {
            struct Pair: Decodable { let a: RequestReader.PastedText; let b: RequestReader.PastedText }
            if let pair = try? JSONDecoder().decode(Pair.self, from: Data(body)) {
                uploads["a"] = Upload(name: RequestReader.clean(pair.a.name) ?? "文档A", bytes: Array(pair.a.text.utf8))
                uploads["b"] = Upload(name: RequestReader.clean(pair.b.name) ?? "文档B", bytes: Array(pair.b.text.utf8))
            }
        }
        guard let a = uploads["a"], let b = uploads["b"] else {
            throw APIError.badRequest(
                "比对需要两份文档：表单字段 a 和 b，或 JSON {\"a\": {\"text\": …}, \"b\": {\"text\": …}}",
                "compare needs two documents, a and b")
        }
        let da = try load(a).document, db = try load(b).document
        let comparison = try await CompareOperation.compare(da.scalars, db.scalars, store: Self.flag(request, "corpus") ? store : nil)
        return JSONResponse.make(ComparisonRenderer.json(comparison, a: da, b: db))
    }

    // MARK: Helpers

    static let docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    static func charset(_ format: SourceFormat) -> String {
        if case .text(let encoding, _) = format { return encoding.rawValue }
        return "utf-8"
    }
}

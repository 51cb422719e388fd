import Foundation
import Hummingbird
import ShuzhiKit
import ShuzhiStore

/// The endpoints that take one document (two for compare): check, fix, annotate, format, outline, metrics, compare.
/// Each reads the request, runs the same library calls as the CLI command of the same name, and answers JSON or the
/// file to download. Nothing is written to disk.
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
        router.post("/api/outline") { request, _ in try await analysed(request) { OutlineRenderer.json($0) } }
        router.post("/api/metrics") { request, _ in
            try await analysed(request) { analysis in
                let results = StatedResults.extract(analysis)
                return MetricsRenderer.json(results, Substance(analysis, results: results), analysis.document)
            }
        }
        router.post("/api/compare") { request, _ in try await compare(request) }
        router.get("/api/rules") { _, _ in JSONResponse.make(Self.rules) }
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

    /// The server's rules, with what this request may change: `typoThreshold` and `year`.
    func checker(for request: Request) throws -> Checker {
        var configuration = settings.configuration
        let query = request.uri.queryParameters
        if let t = query["typoThreshold"] {
            guard let v = Double(t), (0...1).contains(v) else {
                throw APIError.badRequest("typoThreshold 应为 0 到 1 之间的数", "typoThreshold must be between 0 and 1")
            }
            configuration.typoThreshold = v
        }
        if let y = query["year"], !y.isEmpty {
            guard let v = Int(y), Configuration.reportYears.contains(v) else {
                throw APIError.badRequest("year 应为 1949 到 2100 之间的年份", "year must be a year between 1949 and 2100")
            }
            configuration.year = v
        }
        return Checker(configuration: configuration)
    }

    static func flag(_ request: Request, _ name: String) -> Bool {
        guard let v = request.uri.queryParameters[Substring(name)] else { return false }
        return ["1", "true", "yes", "on", ""].contains(v.lowercased())
    }

    // MARK: Check

    /// `CheckReport.json` as the CLI prints it, plus `text` (the decoded text the offsets point into, in Unicode
    /// scalars) and, with `?include=outline,metrics`, those too, so the page needs one upload for all its tabs.
    func check(_ request: Request) async throws -> Response {
        let upload = try await reader.document(request)
        let (document, _) = try load(upload)
        var checker = try checker(for: request)
        if Self.flag(request, "corpus") {
            // The store's reports are the organisation's dictionary: a term they write is not taken for a slip.
            var configuration = checker.configuration
            configuration.sharedVocabulary = try await vocabulary.vocabulary(for: document.scalars, in: store)
            checker = Checker(configuration: configuration, rules: checker.rules)
        }
        let analysis = checker.analyse(document)
        var diagnostics = checker.check(analysis)
        var similarity: SimilaritySummary?
        if Self.flag(request, "corpus") {
            let author = request.uri.queryParameters["author"].map(String.init)
            (diagnostics, similarity) = try await CopyDetector().check(document, findings: diagnostics, in: store, author: author)
        }
        let report = CheckReport(document: document, diagnostics: diagnostics, reportYear: analysis.reportYear, similarity: similarity)
        let include = Set((request.uri.queryParameters["include"] ?? "").split(separator: ",").map(String.init))
        return JSONResponse.make(Self.json(report, analysis, include: include))
    }

    /// A check's JSON with the text, and the outline and metrics when `include` names them.
    static func json(_ report: CheckReport, _ analysis: Analysis, include: Set<String>) -> JSONValue {
        var extra: [(String, JSONValue)] = [("text", .string(report.document.text))]
        if include.contains("outline") { extra.append(("outline", OutlineRenderer.json(analysis))) }
        if include.contains("metrics") {
            let results = StatedResults.extract(analysis)
            extra.append(("metrics", MetricsRenderer.json(results, Substance(analysis, results: results), report.document)))
        }
        return report.json.adding(extra)
    }

    func analysed(_ request: Request, _ render: (Analysis) -> JSONValue) async throws -> Response {
        let (document, _) = try load(try await reader.document(request))
        return JSONResponse.make(render(try checker(for: request).analyse(document)))
    }

    // MARK: Files out

    /// The findings the writer kept: `?ignore=KEY,…` leaves findings out, `?accept=KEY,…` makes an unsafe fix count
    /// as accepted. KEY is `rule:start:end`, as the check's JSON gives each finding.
    static func chosen(_ diagnostics: [Diagnostic], _ request: Request) -> (diagnostics: [Diagnostic], chose: Bool) {
        func keys(_ name: Substring) -> Set<String> {
            Set((request.uri.queryParameters[name] ?? "").split(separator: ",").map(String.init))
        }
        let ignore = keys("ignore"), accept = keys("accept")
        let kept = diagnostics.filter { !ignore.contains($0.key) }.map { d -> Diagnostic in
            guard accept.contains(d.key), let fix = d.fix, fix.applicability == .unsafe else { return d }
            return Diagnostic(rule: d.rule, severity: d.severity, range: d.range, message: d.message, replacements: d.replacements,
                              fix: Fix(.safe, fix.edits), confidence: d.confidence, source: d.source)
        }
        return (kept, !ignore.isEmpty || !accept.isEmpty)
    }

    /// `?output=text` (the default for text) gives the fixed text in the upload's own encoding; `tracked` (the
    /// default for .docx) and `accepted` give the Word file with the fixes as revisions or made.
    func fix(_ request: Request) async throws -> Response {
        let (document, source) = try load(try await reader.document(request))
        let checker = try checker(for: request)
        let unsafe = Self.flag(request, "unsafe")
        let (diagnostics, chose) = Self.chosen(checker.check(document), request)
        let output = request.uri.queryParameters["output"].map(String.init) ?? (document.format == .docx ? "tracked" : "text")
        switch output {
        case "tracked", "accepted":
            guard document.format == .docx else { throw Self.needsWord }
            let (bytes, _) = try wordOutput {
                try DocxAnnotator.fix(source, document: document, diagnostics: diagnostics, includeUnsafe: unsafe,
                                      revising: output == "accepted" ? .accepted : .tracked)
            }
            return JSONResponse.bytes(bytes, contentType: Self.docxType, download: Self.stem(document.name) + ".fixed.docx")
        case "text":
            // Without choices, as `shuzhi fix` does: rounds until nothing changes. With them, exactly the chosen fixes.
            let fixed: [Unicode.Scalar]
            if chose { fixed = Fixer.apply(diagnostics, to: document.scalars, includeUnsafe: unsafe).0 }
            else { fixed = Fixer.fixAll(document, checker: checker, includeUnsafe: unsafe).document.scalars }
            let bytes: [UInt8]
            if case .text(let encoding, let bom) = document.format { bytes = encode(fixed, as: encoding, byteOrderMark: bom) }
            else { bytes = Array(String(String.UnicodeScalarView(fixed)).utf8) }
            return JSONResponse.bytes(bytes, contentType: "text/plain; charset=\(Self.charset(document.format))",
                                      download: Self.stem(document.name) + ".fixed.txt")
        default:
            throw APIError.badRequest("output 应为 text、tracked 或 accepted", "output must be text, tracked or accepted")
        }
    }

    /// The uploaded .docx with every kept finding as a Word comment.
    func annotate(_ request: Request) async throws -> Response {
        let (document, source) = try load(try await reader.document(request))
        guard document.format == .docx else { throw Self.needsWord }
        let (diagnostics, _) = Self.chosen(try checker(for: request).check(document), request)
        let bytes = try wordOutput { try DocxAnnotator.annotate(source, document: document, notes: diagnostics.map(DocxAnnotator.Note.init)) }
        return JSONResponse.bytes(bytes, contentType: Self.docxType, download: Self.stem(document.name) + ".annotated.docx")
    }

    /// The text laid out as GB/T 9704 prescribes, as `shuzhi format` writes it.
    func format(_ request: Request) async throws -> Response {
        let (document, _) = try load(try await reader.document(request))
        let bytes = DocxFormatter.format(try checker(for: request).analyse(document))
        return JSONResponse.bytes(bytes, contentType: Self.docxType, download: Self.stem(document.name) + ".formatted.docx")
    }

    private func wordOutput<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as IngestError { throw APIError(error) }
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
            throw APIError.badRequest("比对需要两份文档：表单字段 a 和 b，或 JSON {\"a\": {\"text\": …}, \"b\": {\"text\": …}}",
                                      "compare needs two documents, a and b")
        }
        let da = try load(a).document, db = try load(b).document
        let comparison = try await PairComparison.compare(da.scalars, db.scalars, store: Self.flag(request, "corpus") ? store : nil)
        return JSONResponse.make(ComparisonRenderer.json(comparison, a: da, b: db))
    }

    // MARK: Helpers

    static let docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    static let needsWord = APIError.badRequest("这项输出需要上传 Word 文档（.docx、.doc 或 .wps）", "this output needs a Word document")

    static func stem(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    static func charset(_ format: SourceFormat) -> String {
        if case .text(let encoding, _) = format { return encoding.rawValue }
        return "utf-8"
    }

    /// Every rule with its family and summary, for the page's labels.
    static let rules: JSONValue = .array(RuleRegistry.descriptions.map { r in
        .object([("id", .string(r.id)), ("family", .string(r.family)), ("severity", .string(r.severity.rawValue)),
                 ("summary", .string(r.summary)), ("fix", .string(r.fix?.rawValue ?? "none"))])
    })
}

extension Diagnostic {
    /// How the page and the fix endpoints name one finding: `rule:start:end`.
    var key: String { "\(rule):\(range.lowerBound):\(range.upperBound)" }
}

extension JSONValue {
    /// An object with more fields at its end; anything else unchanged.
    func adding(_ fields: [(String, JSONValue)]) -> JSONValue {
        guard case .object(let existing) = self else { return self }
        return .object(existing + fields)
    }
}

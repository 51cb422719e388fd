import Foundation
import Hummingbird
import ShuzhiKit
import ShuzhiService
import ShuzhiStore

/// The store of earlier reports and templates: list and filter, add, show, remove, statistics, and search by passage
/// (which stored documents share wording with a text).
struct CorpusRoutes: Sendable {
    let settings: ServerSettings
    let store: any CorpusStore

    func add(to router: Router<BasicRequestContext>) {
        router.get("/api/corpus") { request, _ in try await list(request) }
        router.post("/api/corpus") { request, _ in try await add(request) }
        router.get("/api/corpus/stats") { _, _ in try await statistics() }
        router.post("/api/corpus/search") { request, _ in try await search(request) }
        router.get("/api/corpus/:id") { _, context in try await show(context.parameters.require("id", as: Int64.self)) }
        router.delete("/api/corpus/:id") { _, context in
            let id = try context.parameters.require("id", as: Int64.self)
            guard try await store.remove(id) else { throw Self.notFound(id) }
            return JSONResponse.make(.object([("removed", .int(Int(id)))]))
        }
    }

    static func notFound(_ id: Int64) -> APIError {
        APIError(.notFound, "no-such-document", "语料库中没有编号 \(id) 的文档", "no document \(id) in the store")
    }

    static func json(_ d: StoredDocument) -> JSONValue {
        let m = d.metadata
        return .object([
            ("id", .int(Int(d.id))), ("title", .string(m.title)), ("author", m.author.map { .string($0) } ?? .null),
            ("year", m.year.map { .int($0) } ?? .null), ("kind", .string(m.kind.rawValue)), ("tags", .array(m.tags.map { .string($0) })),
            ("source", m.source.map { .string($0) } ?? .null), ("characters", .int(d.characters)), ("addedAt", .string(d.addedAt)),
        ])
    }

    /// `?q=` keeps documents whose title, author, source file, tag or year contains it; `?kind=` one kind.
    func list(_ request: Request) async throws -> Response {
        let query = request.form
        let q = (query["q"].map(String.init) ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let kind = try query.choice("kind", DocumentKind.self)
        let documents = try await store.documents().filter { d in
            let m = d.metadata
            if let kind, m.kind != kind { return false }
            guard !q.isEmpty else { return true }
            let haystack = [m.title, m.author ?? "", m.source ?? "", m.year.map(String.init) ?? ""] + m.tags
            return haystack.contains { $0.lowercased().contains(q) }
        }
        return JSONResponse.make(.object([("documents", .array(documents.map(Self.json))), ("count", .int(documents.count))]))
    }

    /// Files (multipart `files`, zips unpacked) with the fields `kind`, `author`, `year`, `tags` (comma-separated).
    func add(_ request: Request) async throws -> Response {
        let (uploads, fields) = try await RequestReader(limits: settings.limits).batch(request)
        let kind =
            try fields["kind"].map { value -> DocumentKind in
                guard let k = DocumentKind(rawValue: value) else {
                    throw APIError.badRequest("kind 应为 report、template 或 other", "kind must be report, template or other")
                }
                return k
            } ?? .report
        let author = fields["author"].flatMap { $0.isEmpty ? nil : $0 }
        var year: Int?
        if let y = fields["year"], !y.isEmpty {
            guard let v = Int(y), Configuration.reportYears.contains(v) else {
                throw APIError.badRequest("year 应为年份", "year must be a year")
            }
            year = v
        }
        let tags = (fields["tags"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var results: [JSONValue] = []
        var changed = false
        for upload in uploads {
            let document: Document
            do throws(IngestError) {
                document = try Ingest.documentWithSource(from: upload.bytes, name: upload.name, options: settings.ingest).document
            } catch {
                results.append(.object([("file", .string(upload.name)), ("error", APIError(error).json)]))
                continue
            }
            let (outcome, metadata) = try await CorpusIntake.add(
                document, file: upload.name, author: author, year: year, kind: kind, tags: tags, to: store)
            switch outcome {
            case .added(let id):
                changed = true
                results.append(
                    .object([
                        ("file", .string(upload.name)), ("id", .int(Int(id))), ("outcome", .string("added")),
                        ("title", .string(metadata.title)),
                    ]))
            case .duplicate(let id):
                results.append(.object([("file", .string(upload.name)), ("id", .int(Int(id))), ("outcome", .string("duplicate"))]))
            }
        }
        if changed { try await store.optimize() }
        return JSONResponse.make(.object([("results", .array(results))]), status: changed ? .created : .ok)
    }

    func show(_ id: Int64) async throws -> Response {
        guard let d = try await store.document(id), let text = try await store.text(of: id) else { throw Self.notFound(id) }
        return JSONResponse.make(Self.json(d).adding([("text", .string(text))]))
    }

    func statistics() async throws -> Response {
        let s = try await store.statistics()
        return JSONResponse.make(
            .object([
                // Which kind of store, never where it is: the browser is told no path on the server and no host.
                ("store", .string(CorpusStores.kindName(settings.storeLocation))),
                ("documents", .int(s.documents)),
                ("characters", .int(s.characters)),
                ("byKind", .object(DocumentKind.allCases.map { ($0.rawValue, .int(s.byKind[$0] ?? 0)) })), ("bytes", .int(s.bytes)),
            ]))
    }

    /// The stored documents a text shares passages with, most copied first, each with its passages.
    func search(_ request: Request) async throws -> Response {
        let upload = try await RequestReader(limits: settings.limits).document(request)
        let document = try DocumentRoutes(settings: settings, store: store).load(upload).document
        let comparison = try await CopyDetector().compare(
            document.scalars, in: store, author: request.form["author"].map(String.init),
            name: document.name)
        let sources: [JSONValue] = comparison.sources.sorted { $0.copiedShare > $1.copiedShare }.map { s in
            Self.json(s.document).adding([
                ("copiedShare", .double(ComparisonRenderer.rounded(s.copiedShare))), ("ownEarlierReport", .bool(s.ownEarlierReport)),
                ("sameText", .bool(s.sameText)),
                (
                    "passages",
                    .array(
                        s.passages.map { p in
                            .object([
                                ("verdict", .string(p.verdict.rawValue)), ("start", .int(p.query.lowerBound)),
                                ("end", .int(p.query.upperBound)),
                                ("text", .string(document.string(p.query))),
                            ])
                        })
                ),
            ])
        }
        return JSONResponse.make(
            .object([
                ("summary", comparison.summary(storeDocuments: try await store.documentCount()).json),
                ("sources", .array(sources)),
            ]))
    }
}

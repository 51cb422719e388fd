import Foundation
import Hummingbird
import ShuzhiKit
import ShuzhiService
import ShuzhiStore

/// The batch review: start a job with a batch of files or a zip, follow it, cancel and delete it, fetch the result (JSON, CSV,
/// HTML) or any one report of it checked, for the check page.
struct ReviewRoutes: Sendable {
    let settings: ServerSettings
    let store: any CorpusStore
    let jobs: ReviewJobs

    func add(to router: Router<BasicRequestContext>) {
        router.post("/api/review") { request, _ in try await start(request) }
        router.get("/api/review/:id") { request, context in try await result(request, id: context.parameters.require("id")) }
        router.get("/api/review/:id/events") { _, context in try await events(id: context.parameters.require("id")) }
        router.delete("/api/review/:id") { _, context in
            let id = try context.parameters.require("id")
            guard await jobs.remove(id) else { throw Self.noSuchJob }
            return JSONResponse.make(.object([("id", .string(id)), ("state", .string("cancelled"))]))
        }
        router.get("/api/review/:id/reports/:number") { _, context in
            try await report(id: context.parameters.require("id"), number: context.parameters.require("number", as: Int.self))
        }
    }

    static let noSuchJob = APIError(.notFound, "no-such-review", "没有这次审阅（可能已过期，请重新上传）", "no such review (it may have expired)")

    /// 202 with the job's addresses; with `?wait=1` the finished review itself (for scripts).
    func start(_ request: Request) async throws -> Response {
        let (uploads, fields) = try await RequestReader(limits: settings.limits).batch(request)
        let corpus = DocumentRoutes.flag(request, "corpus") || fields["corpus"].map(DocumentRoutes.isOn) == true
        let configuration = try await DocumentRoutes(settings: settings, store: store).configuration(for: request)
        let ingest = settings.ingest
        let inputs = uploads.map { upload in
            ReviewOperation.Input(name: upload.name, configuration: configuration) { () throws(IngestError) in
                try Ingest.documentWithSource(from: upload.bytes, name: upload.name, options: ingest).document
            }
        }
        let id = await jobs.start(inputs, store: corpus ? store : nil)
        if DocumentRoutes.flag(request, "wait") {
            while let (state, _) = await jobs.state(id), !state.isOver { try await Task.sleep(for: .milliseconds(50)) }
            return try await result(request, id: id)
        }
        return JSONResponse.make(
            .object([
                ("id", .string(id)), ("files", .int(uploads.count)),
                ("status", .string("/api/review/\(id)")), ("events", .string("/api/review/\(id)/events")),
            ]),
            status: .accepted)
    }

    enum ResultFormat: String, CaseIterable { case json, csv, html, sheets, pdf }

    /// The job's state as JSON; when done, `?format=csv|html` downloads the review as `shuzhi review -o` writes it,
    /// `?format=sheets` shows the reviewer's sheets to print and `?format=pdf` downloads them printed.
    func result(_ request: Request, id: String) async throws -> Response {
        let format = try request.form.choice("format", ResultFormat.self) ?? .json
        guard let (state, _) = await jobs.state(id) else { throw Self.noSuchJob }
        if case .finished(let review) = state {
            switch format {
            case .csv:
                return JSONResponse.bytes(
                    Array(ReviewRenderer.csv(review).utf8), contentType: "text/csv; charset=utf-8", download: "审阅结果.csv")
            case .html:
                return JSONResponse.bytes(
                    Array(ReviewRenderer.html(review, generator: "Shuzhi \(ShuzhiServer.version)").utf8),
                    contentType: "text/html; charset=utf-8", download: "审阅结果.html")
            case .sheets:
                // The reviewer's sheets, shown in the browser to be printed (one A4 page per report).
                var page = JSONResponse.bytes(
                    Array(ReviewSheet.html(review, generator: "Shuzhi \(ShuzhiServer.version)").utf8),
                    contentType: "text/html; charset=utf-8")
                page.headers[.contentSecurityPolicy] = AccessControl.printablePolicy
                return page
            case .pdf:
                let pdf: [UInt8]
                do { pdf = try PrintOperation.pdf(fromHTML: ReviewSheet.html(review, generator: "Shuzhi \(ShuzhiServer.version)")) } catch {
                    throw APIError(error)
                }
                return JSONResponse.bytes(pdf, contentType: "application/pdf", download: "审阅单.pdf")
            case .json: break
            }
        }
        if case .failed(let error) = state { throw error }
        return JSONResponse.make(Self.json(id: id, state))
    }

    static func json(id: String, _ state: ReviewJobs.State) -> JSONValue {
        var fields: [(String, JSONValue)] = [("id", .string(id)), ("state", .string(state.name))]
        switch state {
        case .running(let phase, let done, let total):
            fields += [("phase", .string(phase)), ("done", .int(done)), ("total", .int(total))]
        case .finished(let review):
            fields.append(("review", ReviewRenderer.json(review)))
        case .failed(let error):
            fields.append(("error", error.json))
        case .cancelled:
            break
        }
        return .object(fields)
    }

    /// Server-sent events: a `progress` event whenever the job moves, then one `done`, `failed` or `cancelled`
    /// event carrying the same JSON as `GET /api/review/ID`, and the stream ends.
    func events(id: String) async throws -> Response {
        guard await jobs.state(id) != nil else { throw Self.noSuchJob }
        let jobs = self.jobs
        let body = ResponseBody { writer in
            func send(_ event: String, _ payload: JSONValue) async throws {
                try await writer.write(ByteBuffer(string: "event: \(event)\ndata: \(payload.serialized(pretty: false))\n\n"))
            }
            var sent = -1
            while true {
                // A job that is gone was deleted (finished ones are only pushed out long after their `done`).
                guard let (state, version) = await jobs.state(id) else {
                    try await send("cancelled", ReviewRoutes.json(id: id, .cancelled))
                    break
                }
                if version != sent {
                    sent = version
                    let event = state.isOver ? state.name : "progress"
                    var payload = Self.json(id: id, state)
                    // The finished review is fetched once with GET; the stream only says it is ready.
                    if case .finished = state { payload = .object([("id", .string(id)), ("state", .string("done"))]) }
                    try await send(event, payload)
                    if state.isOver { break }
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"], body: body)
    }

    /// Report `number` (1-based, as the review numbers them) as `/api/check?include=outline,metrics` answers.
    func report(id: String, number: Int) async throws -> Response {
        guard let (state, _) = await jobs.state(id) else { throw Self.noSuchJob }
        guard case .finished(let review) = state else {
            throw APIError(.conflict, "review-not-done", "审阅尚未完成", "the review is not finished")
        }
        guard number >= 1 && number <= review.reports.count else {
            throw APIError(.notFound, "no-such-report", "这次审阅中没有第 \(number) 份报告", "no report \(number) in this review")
        }
        let report = review.reports[number - 1].check
        let analysis = Checker(configuration: settings.configuration).analyse(report.document)
        return JSONResponse.make(CheckOperation.json(.init(report: report, analysis: analysis), include: ["outline", "metrics"]))
    }
}

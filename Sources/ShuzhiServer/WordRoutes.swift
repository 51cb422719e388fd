import Foundation
import Hummingbird
import ShuzhiKit
import ShuzhiService
import ShuzhiStore

/// The organisation's word list (`WordListOperation`): list and export it, add a word (the page's 加入本单位词库),
/// remove one, and the words the stored reports suggest. Every check the server runs honours the list.
struct WordRoutes: Sendable {
    let settings: ServerSettings
    let store: any CorpusStore

    func add(to router: Router<BasicRequestContext>) {
        router.get("/api/words") { request, _ in try await list(request) }
        router.post("/api/words") { request, _ in try await add(request) }
        router.get("/api/words/suggestions") { _, _ in try await suggestions() }
        router.delete("/api/words/:word") { _, context in
            let word = try context.parameters.require("word").removingPercentEncoding ?? ""
            guard try await WordListOperation.remove(word, store: store) else {
                throw APIError(.notFound, "no-such-word", "词库中没有“\(word)”", "no such word in the list")
            }
            return JSONResponse.make(.object([("removed", .string(word))]))
        }
    }

    enum ListFormat: String, CaseIterable { case json, txt }

    /// The list as JSON, or with `?format=txt` as a file of one word a line (词库.txt).
    func list(_ request: Request) async throws -> Response {
        let entries = try await WordListOperation.list(store: store, configuration: settings.configuration, configurationFile: "配置文件")
        if try request.form.choice("format", ListFormat.self) == .txt {
            return JSONResponse.bytes(
                Array(WordListOperation.export(entries).utf8), contentType: "text/plain; charset=utf-8", download: "词库.txt")
        }
        return JSONResponse.make(
            .object([
                (
                    "words",
                    .array(
                        entries.map { e in
                            .object([
                                ("word", .string(e.word)), ("note", .string(e.note)), ("source", .string(e.source)),
                                ("addedAt", e.addedAt.map { .string($0) } ?? .null),
                            ])
                        })
                ),
                ("count", .int(entries.count)),
            ]))
    }

    struct NewWord: Decodable {
        let word: String
        let note: String?
    }

    /// `{"word": "…", "note": "…"}`: 201 when added, 200 when it was there already.
    func add(_ request: Request) async throws -> Response {
        let body = try await RequestReader.body(request, limit: 64 * 1024)
        let new: NewWord
        do { new = try JSONDecoder().decode(NewWord.self, from: Data(body)) } catch {
            throw APIError.badRequest("请求应为 {\"word\": \"要加入的词\"}", "the request must be {\"word\": \"…\"}")
        }
        let word: String
        do { word = try WordListOperation.validated(new.word) } catch { throw APIError(error) }
        let added = try await WordListOperation.add(word, note: new.note ?? "", store: store)
        return JSONResponse.make(.object([("word", .string(word)), ("added", .bool(added))]), status: added ? .created : .ok)
    }

    func suggestions() async throws -> Response {
        let found = try await WordListOperation.suggestions(store: store, configuration: settings.configuration)
        return JSONResponse.make(
            .object([
                (
                    "suggestions",
                    .array(
                        found.map { s in
                            .object([
                                ("word", .string(s.word)), ("documents", .int(s.documents)), ("rules", .array(s.rules.map { .string($0) })),
                            ])
                        })
                )
            ]))
    }
}

import Foundation
import Testing
@testable import ShuzhiKit

/// The built-in knowledge base is read at start-up by `KnowledgeFileReader`, a user's file by `JSONDecoder` through the
/// entries' `Codable` conformances: both must give the same entries.
@Suite struct KnowledgeFileReaderTests {
    @Test func theBuiltInFileReadsAsJSONDecoderDecodesIt() throws {
        let foundation = try JSONDecoder().decode(KnowledgeBase.File.self, from: KnowledgeBase.builtInJSON)
        let ours = KnowledgeBase.builtInFile
        #expect(ours == foundation)
        #expect((ours.formulas ?? []).count > 10 && (ours.forms ?? []).count > 5 && (ours.changes ?? []).count > 5)
    }

    /// Every field of every kind of entry, the optional ones present and absent, read as `JSONDecoder` reads them.
    @Test func everyFieldIsRead() throws {
        let text = #"""
            {"version": "t", "formulas": [{"id": "f", "name": "四个意识", "aliases": ["四意"], "members": ["政治意识"],
              "verbs": ["增强"], "since": "2016", "status": "V", "sources": ["https://a"]}, {"id": "g", "name": "n",
              "members": [], "status": "UNVERIFIED", "sources": []}],
             "sequences": [{"id": "s", "items": [["增强", "四个意识"], []], "status": "V2", "sources": ["https://b"]}],
             "phrases": [{"id": "p", "text": "拒腐防变", "status": "V", "sources": []}],
             "forms": [{"id": "w", "text": "四种意识", "correct": "四个意识", "kind": "wrong", "status": "V", "sources": [],
              "message": "m", "after": "2020-01-01"}, {"id": "a", "text": "x", "kind": "allowed", "status": "V", "sources": []}],
             "events": [{"name": "二十大", "congress": 20, "plenum": 0, "start": "2022-10-16", "end": "2022-10-22", "status": "V",
              "sources": []}],
             "plans": [{"name": "十四五", "first": 2021, "last": 2025, "status": "V2", "sources": ["https://x"]}],
             "campaigns": [{"id": "c", "name": "两学一做", "aliases": ["x"], "start": "2016", "end": "2017", "continues": "常态化",
              "status": "V", "sources": []}],
             "changes": [{"id": "h", "date": "2021-07-01", "old": "o", "new": "n", "unlessNear": ["曾"], "asFormula": "f",
              "asGoal": true, "status": "V", "sources": []}, {"id": "i", "date": "d", "old": "o", "new": "n", "asGoal": null,
              "status": "V", "sources": []}],
             "unknown": {"ignored": [1, 2]}}
            """#
        let ours = try KnowledgeFileReader.file(from: JSONValue.parse(Array(text.utf8)))
        let foundation = try JSONDecoder().decode(KnowledgeBase.File.self, from: Data(text.utf8))
        #expect(ours == foundation)
        #expect(ours.plans == [KnowledgeBase.Plan(name: "十四五", first: 2021, last: 2025, status: .secondary, sources: ["https://x"])])
        #expect(ours.changes?.first?.asGoal == true && ours.changes?.last?.asGoal == nil)
        #expect(try KnowledgeFileReader.file(from: JSONValue.parse(Array("{}".utf8))) == KnowledgeBase.File())
    }

    /// A wrong shape names where it is, and `JSONDecoder` refuses the same text.
    @Test(arguments: [
        (#"{"plans": [{"name": "十四五", "first": "2021", "last": 2025, "status": "V", "sources": []}]}"#, ".plans[0].first"),
        (#"{"plans": [{"name": "十四五", "last": 2025, "status": "V", "sources": []}]}"#, ".plans[0].first"),
        (#"{"plans": [{"name": "十四五", "first": 2021, "last": 2025, "status": "maybe", "sources": []}]}"#, ".plans[0].status"),
        (#"{"forms": [{"id": "w", "text": "t", "kind": "odd", "status": "V", "sources": []}]}"#, ".forms[0].kind"),
        (#"{"phrases": [{"id": "p", "text": "t", "status": "V", "sources": ["a", 1]}]}"#, ".phrases[0].sources[1]"),
        (
            #"{"changes": [{"id": "h", "date": "d", "old": "o", "new": "n", "asGoal": 1, "status": "V", "sources": []}]}"#,
            ".changes[0].asGoal"
        ),
        (#"{"formulas": {}}"#, ".formulas"),
        (#"[]"#, ""),
    ])
    func aWrongShapeNamesItsPath(text: String, path: String) throws {
        let value = try JSONValue.parse(Array(text.utf8))
        #expect(throws: KnowledgeFileReader.ShapeError.self) { try KnowledgeFileReader.file(from: value) }
        do { _ = try KnowledgeFileReader.file(from: value) } catch { #expect(error.path == path) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(KnowledgeBase.File.self, from: Data(text.utf8)) }
    }
}

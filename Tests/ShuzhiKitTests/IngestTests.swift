import Foundation
import Testing
@testable import ShuzhiKit

@Suite struct IngestTests {
    let expected = "一、加强学习\r\n全年集中学习24次，撰写心得6篇。\r\n二、履职尽责\r\n"

    @Test func utf8WithAndWithoutByteOrderMark() throws {
        let plain = try Ingest.document(from: Array("严格落实,加强监督".utf8), name: "a.txt")
        #expect(plain.format == .text(.utf8, byteOrderMark: false))
        let bom = try Ingest.document(from: [0xEF, 0xBB, 0xBF] + Array("严格落实,加强监督".utf8), name: "b.txt")
        #expect(bom.format == .text(.utf8, byteOrderMark: true))
        // The mark is not text: offsets are the same with or without it.
        #expect(bom.scalars == plain.scalars)
        #expect(bom.diagnostics.map(\.range) == plain.diagnostics.map(\.range))
        #expect(plain.diagnostics.first?.range == 4..<5)
    }

    @Test(arguments: [("utf16le-bom.txt", TextEncoding.utf16LE), ("utf16be-bom.txt", .utf16BE), ("gb18030-crlf.txt", .gb18030)])
    func detectsEncoding(file: String, encoding: TextEncoding) throws {
        let doc = try Fixture.document(file)
        #expect(doc.format == .text(encoding, byteOrderMark: encoding != .gb18030))
        #expect(doc.text == expected)
    }

    @Test func aSpacedOutTitleIsListedAsItsWords() {
        #expect(Document(text: "\n  述 职 报 告\n正文。").firstLine(limit: 40) == "述职报告")
        #expect(Document(text: "述　职　报　告（2024 年度）\n正文。").firstLine(limit: 40) == "述职报告（2024 年度）")
        #expect(Document(text: "Annual report of 2024\n正文。").firstLine(limit: 40) == "Annual report of 2024")
        #expect(Document(text: "一二三四五六七八九十\n正文。").firstLine(limit: 4) == "一二三四…")
    }

    @Test func crlfCrAndLfGiveTheSameLines() throws {
        for newline in ["\n", "\r\n", "\r"] {
            let doc = try Ingest.document(from: Array("第一行\(newline)第二行,错\(newline)".utf8), name: "x.txt")
            let d = try #require(doc.diagnostics.first { $0.rule == "punct.halfwidth" })
            #expect(doc.lines.location(of: d.range.lowerBound) == (2, 4), "newline \(newline.debugDescription)")
            // Offsets count the terminator as the user's text holds it.
            #expect(d.range.lowerBound == 3 + newline.unicodeScalars.count + 3)
        }
    }

    @Test func forcedEncodingWins() throws {
        let gbk = Fixture.bytes("gb18030-crlf.txt")
        let doc = try Ingest.document(from: gbk, name: "g.txt", options: IngestOptions(encoding: .gb18030))
        #expect(doc.text == expected)
        let wrong = ingestError { try Ingest.document(from: gbk, name: "g.txt", options: IngestOptions(encoding: .utf8)) }
        #expect(wrong?.kind == .invalidEncoding)
        #expect(wrong?.chinese.contains("UTF-8") == true)
    }

    @Test func refusesEmptyAndBlank() {
        #expect(ingestError { try Ingest.document(from: [], name: "e.txt") }?.kind == .empty)
        #expect(ingestError { try Ingest.document(from: Array(" \n\u{3000}\r\n".utf8), name: "e.txt") }?.kind == .empty)
        #expect(ingestError { try Ingest.document(from: [0xEF, 0xBB, 0xBF], name: "e.txt") }?.kind == .empty)
    }

    @Test func refusesBinary() {
        #expect(ingestError { try Ingest.document(from: [0x00, 0x01, 0x02, 0x41, 0x00], name: "b.bin") }?.kind == .binary)
        let pdf = ingestError { try Ingest.document(from: Array("%PDF-1.7\n...".utf8), name: "r.txt") }
        #expect(pdf?.kind == .binary)
        #expect(pdf?.chinese.contains("PDF") == true)
        #expect(ingestError { try Ingest.document(from: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], name: "p.docx") }?.kind == .binary)
    }

    @Test func refusesTextValidInNoEncodingAndSaysWhere() throws {
        // 0xFF never occurs in UTF-8 or GB18030.
        let bytes = Array("第一行\n第二".utf8) + [0xFF, 0xFE, 0x41]
        let e = try #require(ingestError { try Ingest.document(from: bytes, name: "bad.txt") })
        #expect(e.kind == .invalidEncoding)
        #expect(e.chinese.contains("第 2 行"))
        #expect(e.file == "bad.txt")
        #expect(e.description.contains("error: bad.txt"))
    }

    @Test func fileErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shuzhi-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(ingestError { try Ingest.load(path: folder.appendingPathComponent("missing.txt").path) }?.kind == .notFound)
        #expect(ingestError { try Ingest.load(path: folder.path) }?.kind == .isDirectory)
        let big = folder.appendingPathComponent("big.txt")
        try Data(repeating: 0x41, count: 5000).write(to: big)
        let e = ingestError { try Ingest.load(path: big.path, options: IngestOptions(maximumBytes: 4096)) }
        #expect(e?.kind == .tooLarge)
    }

    @Test func encodingRoundTrip() throws {
        let text = "一、加强学习\r\n𠀀生僻字与“引号”\n".scalarArray
        for encoding in TextEncoding.allCases {
            for bom in [false, true] where !(encoding == .utf16LE && !bom) && !(encoding == .utf16BE && !bom) {
                let bytes = encode(text, as: encoding, byteOrderMark: bom)
                let doc = try Ingest.document(from: bytes, name: "r.txt", options: IngestOptions(encoding: encoding))
                #expect(doc.scalars == text, "\(encoding) bom \(bom)")
            }
        }
    }
}

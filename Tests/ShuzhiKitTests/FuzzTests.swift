import Foundation
import Testing
@testable import ShuzhiKit

/// Random and mutated input through ingest and every rule: whatever comes in, Shuzhi must answer with a document or
/// an `IngestError`, never a crash. A seeded generator keeps failures reproducible.
@Suite(.timeLimit(.minutes(10))) struct FuzzTests {
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func survive(_ bytes: [UInt8]) {
        do {
            let doc = try Ingest.document(from: bytes, name: "fuzz")
            let report = CheckReport(document: doc, diagnostics: Checker().check(doc))
            for d in report.diagnostics {
                #expect(d.range.lowerBound >= 0 && d.range.upperBound <= doc.scalars.count)
            }
            #expect(!report.json.serialized().isEmpty)
            let fixed = Fixer.fixAll(doc, checker: Checker(), includeUnsafe: true)
            #expect(fixed.rounds <= Fixer.maximumRounds)
        } catch {
            // Refused cleanly: `Ingest.document` throws only IngestError (typed throws), which has the user's message.
            #expect(!error.description.isEmpty)
        }
    }

    @Test func randomBytes() {
        var rng = SplitMix64(state: 2024)
        for _ in 0..<400 {
            let n = Int.random(in: 0..<600, using: &rng)
            survive((0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) })
        }
    }

    /// Chinese report text with punctuation, markers and placeholders shuffled: the rules' own edge cases.
    @Test func randomReportLikeText() {
        var rng = SplitMix64(state: 7)
        let pieces = [
            "一、", "（一）", "(二)", "1.", "1、", "①", "一是", "二是", "第一，", "“", "”", "\"", "‘", "’", "（", "）", "(", ")",
            "《", "》", "【", "】", "，", "。", ",", ".", "...", "……", "…", "--", "——", "、", "等", "x", "XX", "**", "×",
            "某某", "的的", "认真贯彻", "QQ：12345678", "www.a.com", "13812345678", "\n", "\r\n", " ", "\u{3000}",
            "加强学习", "完成投资", "2023年", "12.5%", "扫码关注公众号", "来源：", "首页 > 范文",
        ]
        for _ in 0..<600 {
            let n = Int.random(in: 0..<60, using: &rng)
            let text = (0..<n).map { _ in pieces.randomElement(using: &rng)! }.joined()
            survive(Array(text.utf8))
        }
    }

    @Test(arguments: ["basic.docx", "report.docx", "prefixed.docx"])
    func mutatedDocx(file: String) {
        var rng = SplitMix64(state: UInt64(file.utf8.count))
        let original = Fixture.bytes(file)
        for _ in 0..<300 {
            var bytes = original
            switch Int.random(in: 0..<4, using: &rng) {
            case 0:  // flip bytes
                for _ in 0..<Int.random(in: 1...8, using: &rng) {
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
            case 1:  // truncate
                bytes = Array(bytes[..<Int.random(in: 0..<bytes.count, using: &rng)])
            case 2:  // overwrite a header field with an extreme value
                let p = Int.random(in: 0..<(bytes.count - 4), using: &rng)
                for k in 0..<4 { bytes[p + k] = 0xFF }
            default:  // splice a random chunk elsewhere
                let a = Int.random(in: 0..<bytes.count, using: &rng), b = Int.random(in: a..<bytes.count, using: &rng)
                bytes.insert(contentsOf: bytes[a..<b], at: Int.random(in: 0..<bytes.count, using: &rng))
            }
            survive(bytes)
        }
    }

    @Test func mutatedXMLInsideAValidPackage() throws {
        var rng = SplitMix64(state: 99)
        let archive = try ZipArchive(Fixture.bytes("basic.docx"))
        let xml = try archive.data(of: try #require(archive.entry(named: "word/document.xml")), limit: 1 << 20)
        for _ in 0..<300 {
            var mutated = xml
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let p = Int.random(in: 0..<mutated.count, using: &rng)
                mutated[p] = [0x3C, 0x3E, 0x2F, 0x26, 0x22, 0x3B, 0x00, 0xE4, 0x20].randomElement(using: &rng)!
            }
            var writer = ZipWriter()
            writer.add("[Content_Types].xml", Array("<Types/>".utf8))
            writer.add("word/document.xml", mutated)
            survive(writer.finish())
        }
    }
}

/// Inputs shaped to make a careless scan quadratic. Each is checked (and fixed) whole; with linear scans this suite
/// takes a second or two, a quadratic one would take hours.
@Suite struct PathologicalInputTests {
    func runAll(_ text: String) -> Int {
        let doc = Document(text: text)
        let diagnostics = Checker().check(doc)
        _ = Fixer.apply(diagnostics, to: doc.scalars, includeUnsafe: true)
        return diagnostics.count
    }

    @Test func manyUnmatchedBrackets() {
        #expect(runAll(String(repeating: "（", count: 100_000) + String(repeating: "》", count: 100_000)) >= 100_000)
        #expect(runAll(String(repeating: "（注", count: 100_000)) >= 100_000)
    }

    @Test func longRunsWithoutBreaks() {
        _ = runAll(String(repeating: "1", count: 300_000))
        _ = runAll(String(repeating: "a", count: 300_000) + "@b")
        _ = runAll(String(repeating: "工作", count: 200_000))
        _ = runAll(String(repeating: "(", count: 100_000) + "中" + String(repeating: ")", count: 100_000))
    }

    @Test func thousandsOfFixesInOneParagraph() {
        let text = String(repeating: "学习,", count: 100_000)
        let doc = Document(text: text)
        let (fixed, count) = Fixer.apply(Checker().check(doc), to: doc.scalars, includeUnsafe: false)
        #expect(count == 100_000)
        #expect(!fixed.contains(","))
    }

    @Test func manyResidueBlocksAndContacts() {
        let block = "本文由网友收集整理，仅供学习参考，如有侵权请联系删除。\n全年完成投资12亿元，同比增长8.5%，群众可拨打0571-88881234反映问题，办结率98.7%。\n"
        #expect(runAll(String(repeating: block, count: 5_000)) >= 10_000)
    }
}

import Foundation
import Testing
@testable import ShuzhiKit

/// The typo family on today's official language (issue 20): the vocabulary of recent years is not a slip, and the
/// slips real writers make — a wrong pick of the input method, a look-alike character, two characters swapped, a
/// character dropped or a word doubled — are found with the fix. No rule knows these strings; they are found by the
/// models, the lexicon's indexes and the document's own words.
@Suite struct ModernTypoTests {
    static func typoFindings(_ text: String) -> [(written: String, fix: String)] {
        var configuration = Configuration()
        configuration.selected = ["typo", "repeat"]
        let document = Document(text: text)
        return Checker(configuration: configuration).check(document)
            .map { (document.string($0.range), $0.replacements.first ?? "") }
    }

    @Test(arguments: [
        "加快推进数智化转型，建设数字政府。",
        "全市上下勠力同心、攻坚克难，经济运行稳中向好。",
        "坚持学思践悟，把学习成果转化为推动工作的实际成效。",
        "要做到知责于心、担责于身、履责于行。",
        "对重点企业实行一企一策、精准帮扶。",
        "新获批国家级专精特新“小巨人”企业十五家。",
        "统筹做好常态化疫情防控和经济社会发展工作，抗疫斗争取得重大成果。",
    ])
    func todaysVocabularyIsNotASlip(text: String) {
        let found = Self.typoFindings(text)
        #expect(found.isEmpty, "\(found)")
    }

    @Test(arguments: [
        ("依法维护群众合法权力，畅通诉求表达渠道。", "权力", "权利"),
        ("坚持务真求实，力戒形式主义。", "务真求实", "求真务实"),
        ("推进高质发展取得新成效。", "高质", "高质量"),
        ("推动全面从严治党向纵深展。", "纵深展", "纵深发展"),
        ("推进推进乡村全面振兴。", "推进推进", "推进"),
        ("各项审批事项办理时限平均宿短百分之三十。", "宿短", "缩短"),
    ])
    func realSlipsAreFoundWithTheirFix(text: String, written: String, fix: String) {
        let found = Self.typoFindings(text)
        #expect(found.contains { $0.written.contains(written) || written.contains($0.written) }, "\(found)")
        var configuration = Configuration()
        configuration.selected = ["typo", "repeat"]
        let fixed = Fixer.fixAll(Document(text: text), checker: Checker(configuration: configuration), includeUnsafe: true)
            .document.text
        #expect(fixed == text.replacingOccurrences(of: written, with: fix), "\(fixed)")
    }

    /// A string the report writes several times is its vocabulary; the one-off spelling beside it is the suspect.
    @Test func theDocumentsOwnWordsWeighIn() {
        let coinage = "推进稳链强链工作。稳链强链成效明显。持续开展稳链强链行动。"
        #expect(Self.typoFindings(coinage).isEmpty, "\(Self.typoFindings(coinage))")
    }

    /// How the document's own counts weigh a finding: a string written more often than the reading proposed is the
    /// writer's word (a local product named three times beside one ordinary use of the proposed word); one written
    /// once beside the proposed reading elsewhere is the suspect.
    @Test func theDocumentsCountsWeighAFinding() {
        func weighed(_ text: String, written: String, meant: String) -> Double {
            TypoFindings.weighed(
                0.95, written: Array(written.unicodeScalars), meant: Array(meant.unicodeScalars), Analysis(Document(text: text)))
        }
        let logit = { (p: Double) in log(p / (1 - p)) }
        let own = weighed("菇娘果上市。菇娘果甜。菇娘果红。一位姑娘在采摘。", written: "菇娘", meant: "姑娘")
        #expect(abs(logit(own) - (logit(0.95) - TypoFindings.ownWordPenalty)) < 1e-9)
        let even = weighed("菇娘果上市。菇娘果甜。两位姑娘在采摘，姑娘们很高兴。", written: "菇娘", meant: "姑娘")
        #expect(abs(even - 0.95) < 1e-9)
        let variant = weighed("菇娘果上市。姑娘在采摘。", written: "菇娘", meant: "姑娘")
        #expect(abs(logit(variant) - (logit(0.95) + TypoFindings.variantBonus)) < 1e-9)
    }

    /// The members of a list of people's names are never typo candidates; a list of ordinary words stays open.
    @Test func namesInAListAreNotTypoCandidates() {
        func closed(_ text: String, _ member: String) -> Bool {
            let analysis = Analysis(Document(text: text))
            var result = false
            analysis.forEachParagraph { range, words in
                let open = CharacterTypoFinder.openPositions(analysis.scalars, range, words, protectedWordCost: 140)
                let s = analysis.scalars, m = Array(member.unicodeScalars)
                guard let at = (range.lowerBound...(range.upperBound - m.count)).first(where: { s[$0..<$0 + m.count].elementsEqual(m) })
                else { return }
                result = (at..<at + m.count).allSatisfy { !open[$0 - range.lowerBound] }
            }
            return result
        }
        let names = "今年的最美医生是王玉凤、申小惠、尼玛拉毛、邢少云、刘志宏、农康和何建行。"
        #expect(closed(names, "邢少云") && closed(names, "尼玛拉毛") && closed(names, "申小惠"))
        // Two surnames in four members are not a list of names (高, 林 and 江 are surnames too).
        #expect(!closed("推动高质量、高效率、林下经济、江河治理协调发展。", "高效率"))
        #expect(!closed("王小惠和邢少云参加了会议。", "邢少云"))
    }

    /// A batch (or the corpus store) is an organisation's dictionary: a string two other reports write is its
    /// term; one other report is not enough (a copied slip travels too).
    @Test func otherReportsWordsAreTheirVocabulary() {
        let report = "要为廉政强身，紧紧扎住制度围栏，坚决防止腐败。"
        let others = ["扎住制度的笼子，守住廉洁底线。", "各级干部要扎住思想防线。"]
        func findings(_ batch: [String]) -> [Diagnostic] {
            var configuration = Configuration()
            configuration.selected = ["typo"]
            configuration.sharedVocabulary = batch.isEmpty ? nil : BatchVocabulary(batch.map { Array($0.unicodeScalars) })
            return Checker(configuration: configuration).check(Document(text: report))
        }
        #expect(findings([]).contains { $0.replacements.first == "扭" })
        #expect(findings([report, others[0]]).contains { $0.replacements.first == "扭" })
        #expect(findings([report] + others).isEmpty)
    }

    /// Counting by document across the chunks the vocabulary is built in, the checked document subtracted.
    @Test func batchVocabularyCountsDocuments() {
        let texts = (0..<150).map { i in Array((i % 3 == 0 ? "稳链强链稳链强链，第\(i)份。" : "其他内容\(i)。").unicodeScalars) }
        let vocabulary = BatchVocabulary(texts)
        #expect(vocabulary.documentsContaining("稳链强链", atMost: 100) == 49)
        #expect(vocabulary.documentsContaining("稳链强链", atMost: 2) == 2)
        #expect(vocabulary.documentsContaining("链强", atMost: 100) == 49)
        #expect(vocabulary.documentsContaining("其他内容", atMost: 100) == 99)
        #expect(vocabulary.documentsContaining("其他", atMost: 100) == 99)
        #expect(vocabulary.documentsContaining("份", atMost: 100) == 0)
        #expect(vocabulary.documentsContaining("没有的词", atMost: 100) == 0)
        var outside = vocabulary
        outside.countsCheckedDocument = false
        #expect(outside.documentsContaining("稳链强链", atMost: 100) == 50)
        // Counted on the first question, the same answers.
        let deferred = BatchVocabulary.deferred(texts)
        for word in ["稳链强链", "链强", "其他内容", "份", "没有的词"] {
            #expect(deferred.documentsContaining(word, atMost: 100) == vocabulary.documentsContaining(word, atMost: 100))
        }
        #expect(BatchVocabulary.deferred(texts, countsCheckedDocument: false).documentsContaining("稳链强链", atMost: 100) == 50)
    }
}

/// False alarms on modern government prose the models never saw: the six provincial 政府工作报告 of 2025 that
/// `Scripts/modern_corpus.py` holds out as its test part (skipped without `../shared`).
@Suite(.enabled(if: Fixture.hasShared, "../shared is not present"))
struct ModernHeldOutTests {
    @Test func heldOutProvincialReportsGetFewTypoFindings() throws {
        var characters = 0, flagged: [String] = []
        var configuration = Configuration()
        configuration.selected = ["typo"]
        for province in ["广东省", "新疆", "浙江省", "湖南省", "贵州省", "重庆市"] {
            let url = Fixture.shared!.appendingPathComponent("corpus/modern/provincial-reports/2025/\(province).txt")
            let document = try Ingest.load(path: url.path)
            characters += document.scalars.count { !$0.properties.isWhitespace }
            flagged += Checker(configuration: configuration).check(document)
                .map { "\(province) \(document.string($0.range))→\($0.replacements.first ?? "")" }
        }
        #expect(characters > 80_000)
        // Issue 20's target is 0.5 per 10,000 characters; this ceiling sits just above today's figure (BENCHMARKS.md).
        #expect(Double(flagged.count) * 10_000 / Double(characters) <= 1.0, "\(flagged.joined(separator: "\n"))")
    }
}

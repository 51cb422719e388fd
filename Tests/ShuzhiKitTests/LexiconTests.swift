import Foundation
import Testing
@testable import ShuzhiKit

@Suite struct LexiconTests {
    let lexicon = Lexicon.shared

    @Test func wordsCarryFrequencyAndPartOfSpeech() throws {
        let deploy = try #require(lexicon.entry("部署"))
        let misspelt = try #require(lexicon.entry("布署"))  // the dictionaries carry some misspellings, rarely
        #expect(deploy.cost < misspelt.cost - 50)
        #expect(lexicon.entry("再接再厉")?.isIdiom == true)
        #expect(lexicon.entry("北京")?.isName == true)
        #expect(lexicon.entry("宿短") == nil)
    }

    @Test func charactersHaveReadingsAndConfusions() {
        #expect(lexicon.readings("长").sorted() == ["chang2", "zhang3"])
        #expect(!lexicon.confusion("宿", "缩").isEmpty)  // 缩 also reads sù
        #expect(!lexicon.confusion("励", "厉").isEmpty)
        #expect(lexicon.confusion("急", "及").contains(.sameSoundSameTone))
        #expect(lexicon.confusion("部", "布").contains(.sameSoundSameTone))
        #expect(lexicon.characterCost("的") < lexicon.characterCost("唷"))
    }

    /// Words by their toneless reading in context, as a pinyin input method offers them.
    @Test func homophoneWordsAreFoundByReading() {
        var found: [String] = []
        lexicon.forEachHomophone(of: Array("按妆".unicodeScalars)) { found.append(String(String.UnicodeScalarView($0))) }
        #expect(found.contains("安装"))
        var deploy: [String] = []
        lexicon.forEachHomophone(of: Array("布署".unicodeScalars)) { deploy.append(String(String.UnicodeScalarView($0))) }
        #expect(deploy.contains("部署"))
    }

    @Test func idiomsAreFoundWithOneCharacterBlank() {
        var found: [Unicode.Scalar] = []
        lexicon.idiomCompletions(Array("再接再励".unicodeScalars), blank: 3) { found.append($0) }
        #expect(found.contains("厉"))
    }

    @Test func languageModelPrefersOfficialWording() {
        let model = LanguageModel.shared
        #expect(model.logProb(of: "加强领导班子建设".unicodeScalars) > model.logProb(of: "加强领导班子建没".unicodeScalars) + 2)
        #expect(model.logProb(of: "缩短审批时间".unicodeScalars) > model.logProb(of: "宿短审批时间".unicodeScalars) + 2)
        print(model.logProb(of: "缩短审批时间".unicodeScalars), model.logProb(of: "宿短审批时间".unicodeScalars))
    }

    /// The back-off form of the Kneser-Ney model is a distribution: for any context the probabilities of all tokens
    /// sum to one, up to 8-bit quantisation and the pruned trigrams' mass.
    @Test(arguments: ["加强", "我们", "。", "的发"])
    func languageModelIsNormalised(context: String) {
        let model = LanguageModel.shared
        let c = Array(context.unicodeScalars).map(model.token)
        var total = 0.0
        for w in 0...LanguageModel.Token(Lexicon.shared.scalarCount + 4) {
            total += pow(10, Double(c.count == 2 ? model.logProb(c[0], c[1], w) : model.logProb(c[0], w)))
        }
        #expect(total > 0.85 && total < 1.15, "sum \(total) after “\(context)”")
    }

    /// A name before a title is closed to the typo finder, though no dictionary knows it.
    @Test func personNamesBeforeTitlesAreNeverTypos() {
        let rule = CharacterTypoRule()
        #expect(!rule.check(Analysis(Document(text: "会议由王晓梅主持。"))).isEmpty)
        #expect(rule.check(Analysis(Document(text: "会议由王晓梅副主任主持。"))).isEmpty)
        #expect(rule.check(Analysis(Document(text: "王晓梅同志主持会议。"))).isEmpty)
    }

    @Test func segmentationPicksTheLikeliestWords() {
        let text = Array("我们要加强领导班子建设".unicodeScalars)
        let words = Segmenter().segment(text, 0..<text.count).map { String(String.UnicodeScalarView(text[$0.range])) }
        print(words)
        #expect(words == ["我们", "要", "加强", "领导班子", "建设"])
        let user = Segmenter(userWords: ["班子建设"])
        let again = user.segment(text, 0..<text.count).map { String(String.UnicodeScalarView(text[$0.range])) }
        #expect(again.contains("班子建设"))
    }
}

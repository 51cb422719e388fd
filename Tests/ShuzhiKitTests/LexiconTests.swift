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

    /// Words by their toneless reading in context, as a pinyin input method offers them: the written word's own
    /// reading, not every reading of its characters (承 may read zheng, but 承载 is cheng zai, never 正在).
    @Test func homophoneWordsAreFoundByReading() {
        func homophones(_ word: String) -> [String] {
            var found: [String] = []
            lexicon.forEachHomophone(of: Array(word.unicodeScalars)) { found.append(String(String.UnicodeScalarView($0))) }
            return found
        }
        #expect(homophones("礼仪").contains("利益"))
        #expect(homophones("权力").contains("权利"))
        #expect(!homophones("承载").contains("正在"))
        #expect(!homophones("实施").contains("事宜"))
        // Only simplified words are offered.
        #expect(!homophones("实施").contains("實施"))
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
    }

    /// The back-off form of the Kneser-Ney model is a distribution: for any context the probabilities of all tokens
    /// sum to one, up to 8-bit quantisation and the pruned trigrams' mass. Both compiled models.
    @Test(arguments: [
        ("加强", false), ("我们", false), ("。", false), ("的发", false), ("加强领", false),
        ("加强", true), ("我们", true), ("。", true), ("的发", true), ("加强领", true), ("我跟我", true),
    ])
    func languageModelIsNormalised(context: String, general: Bool) {
        let model = general ? LanguageModel.general : LanguageModel.shared
        var tokens =
            [LanguageModel.Token](repeating: LanguageModel.begin, count: LanguageModel.padding)
            + context.unicodeScalars.map(model.token)
        tokens.append(0)
        var total = 0.0
        for w in 0...LanguageModel.Token(Lexicon.shared.scalarCount + 4) {
            tokens[tokens.count - 1] = w
            total += pow(10, Double(model.logProb(tokens, at: tokens.count - 1)))
        }
        #expect(total > 0.85 && total < 1.15, "sum \(total) after “\(context)”")
    }

    /// The general model knows everyday wording the formal one has rarely seen, and the formal one official wording.
    @Test func generalModelKnowsEverydayWording() {
        let formal = LanguageModel.shared, general = LanguageModel.general
        #expect(formal.order == 4 && general.order == 4)
        let everyday = "我跟我女朋友打算去看电影".unicodeScalars, official = "坚持和完善人民代表大会制度".unicodeScalars
        #expect(general.logProb(of: everyday) > formal.logProb(of: everyday) + 2)
        #expect(formal.logProb(of: official) > general.logProb(of: official) + 2)
    }

    /// A paragraph's register decides which weights judge it: a letter is everyday writing, a report paragraph and a
    /// short official line (a name and a title, which the general model may explain as well by chance) are not.
    @Test(arguments: [
        ("好久没见了，你最近怎么样？我下个星期跟我朋友打算去法国玩儿。", true),
        ("我真的很想你，希望你们好好的，有空来我家吃饭吧。", true),
        ("全年地区生产总值增长百分之六点五，一般公共预算收入完成年度目标。", false),
        ("认真贯彻落实党中央决策部署，扎实推进全面从严治党。", false),
        ("劳动一坊社区党委书记、居委会主任", false),
    ])
    func registerFollowsTheWording(text: String, everyday: Bool) {
        let scalars = Array(text.unicodeScalars)
        var tokens =
            [LanguageModel.Token](repeating: LanguageModel.begin, count: LanguageModel.padding)
            + scalars.map(LanguageModel.shared.token)
        tokens.append(LanguageModel.end)
        #expect(CharacterTypoFinder().isEveryday(tokens) == everyday)
    }

    /// A name before a title is closed to the typo finder, though no dictionary knows it: even at the lowest
    /// threshold. (The name is one character off a name the lexicon knows, and is itself unknown to it, so nothing
    /// but the title keeps it from being a candidate; the test does not require a false alarm on the bare name.)
    @Test func personNamesBeforeTitlesAreNeverTypos() {
        var configuration = Configuration()
        configuration.selected = ["typo.char"]
        configuration.typoThreshold = 0.01
        let checker = Checker(configuration: configuration)
        #expect(lexicon.entry("胡景涛") == nil)
        #expect(checker.check(Document(text: "会议由胡景涛副主任主持。")).isEmpty)
        #expect(checker.check(Document(text: "胡景涛同志主持会议。")).isEmpty)
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

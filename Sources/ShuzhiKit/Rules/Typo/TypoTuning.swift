import Foundation

/// The weights that turn a candidate correction's evidence into a confidence, tuned on ECSpell's 公文 training split
/// (`../shared/corpus/ecspell/odw.train`; see BENCHMARKS.md). `shuzhi eval csc --tune name=value` tries others.
public struct TypoTuning: Sendable {
    // A logistic regression over every candidate the finder scores on ECSpell odw.train (~17,400 candidates, 616 of
    // them the gold correction; Scripts/fit-typo-weights.py). The confidence is its probability.
    /// Per log10 unit the trigram model prefers the candidate.
    public var languageModel = 1.039
    /// Per unit (−ln p, capped at `segmentationCap`) the segmentation of the neighbourhood gets cheaper.
    public var segmentation = 0.366
    public var segmentationCap = 25.0
    /// Per unit (−ln p) the written character is rarer than the candidate: negative, since in formal prose a rare
    /// character is more often a rare word written right than a slip.
    public var rarity = -0.588
    /// Offsets by how the two characters relate: same sound and tone, other tone, similar shape, similar sound only.
    public var sameSound = 0.431
    public var otherTone = -0.589
    public var similarShape = -1.164
    public var similarSound = -1.664
    /// Per unit of the cheapest word the written character forms (cost / 10), and of the two characters' costs / 8.
    public var writtenWord = -0.039
    public var writtenCharacter = -0.035
    public var candidateCharacter = -0.077
    public var bias = 3.746
    /// Candidates judged by the model alone (的/地/得, 根/跟 and the like: no word changes either way) reach a
    /// confidence of 0.8 when the model prefers them by this many log10 units in the same sound and tone (the
    /// segmentation gain adds, another tone subtracts as above). Set by hand, not fitted (ECSpell has one such
    /// correction): at 3 units the held-out reports drew 3–5 false alarms per 10,000 characters, at 5 about 1, at
    /// 6.5 the same as without this path (see BENCHMARKS.md).
    public var aloneMargin = 6.5
    /// The logit of 0.8, the confidence such a candidate has at exactly that margin.
    static let aloneLogit = logit(0.8)
    /// A character at most this costly as a word on its own (cost units) is a function character.
    public var functionCharacterCost = 90
    /// A word at most this costly (−ln p × 10; ~70 occurrences in jieba's counts) protects its characters.
    public var protectedWordCost = 140
    /// A finding must make the neighbourhood's segmentation at least this much cheaper (cost units).
    public var minimumGain = 20
    /// The gain asked of a candidate inside a frequent two-character word (0: such characters are not tried).
    /// The weights above were fitted with this at 0; 20 then raised ECSpell F1 from 0.489 to 0.505 at the default
    /// threshold with the held-out false alarms within budget (a refit with it on asks for a higher threshold and
    /// ends no better). It halves the speed: ~3,300 instead of ~7,600 sentences/s.
    public var frequentWordGain = 20

    public init() {}

    public static let standard = TypoTuning()

    /// Evidence (a logit) to a confidence in 0…1.
    static func logistic(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
    static func logit(_ p: Double) -> Double { log(p / (1 - p)) }

    /// Sets one weight by name (for tuning runs); false when the name is unknown or the value not a number.
    public mutating func set(_ name: String, _ value: String) -> Bool {
        guard let number = Double(value) else { return false }
        switch name {
        case "languageModel": languageModel = number
        case "segmentation": segmentation = number
        case "rarity": rarity = number
        case "sameSound": sameSound = number
        case "otherTone": otherTone = number
        case "similarShape": similarShape = number
        case "similarSound": similarSound = number
        case "segmentationCap": segmentationCap = number
        case "writtenWord": writtenWord = number
        case "writtenCharacter": writtenCharacter = number
        case "candidateCharacter": candidateCharacter = number
        case "bias": bias = number
        case "aloneMargin": aloneMargin = number
        case "functionCharacterCost": functionCharacterCost = Int(number)
        case "protectedWordCost": protectedWordCost = Int(number)
        case "minimumGain": minimumGain = Int(number)
        case "frequentWordGain": frequentWordGain = Int(number)
        default: return false
        }
        return true
    }
}

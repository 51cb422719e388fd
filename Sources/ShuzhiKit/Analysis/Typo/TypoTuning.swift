import Foundation

/// How a candidate correction's evidence becomes a confidence: a logistic regression's weights, one set per register
/// (see `CharacterTypoFinder.register`), fitted by Scripts/fit-typo-weights.py.
public struct TypoWeights: Sendable, Equatable {
    /// Per log10 unit the formal model prefers the candidate.
    public var languageModel: Double
    /// Per log10 unit the general (everyday) four-gram model prefers it.
    public var generalModel: Double
    /// Per unit (−ln p, capped at `segmentationCap`) the segmentation of the neighbourhood gets cheaper.
    public var segmentation: Double
    public var segmentationCap = 25.0
    /// Per unit (−ln p) the written character is rarer than the candidate: negative, since a rare character is more
    /// often a rare word written right than a slip.
    public var rarity: Double
    /// Offsets by how the two characters relate: same sound and tone, other tone, similar shape, similar sound only.
    public var sameSound: Double
    public var otherTone: Double
    public var similarShape: Double
    public var similarSound: Double
    /// Per unit of the cheapest word the written character forms (cost / 10), and of the two characters' costs / 8.
    public var writtenWord: Double
    public var writtenCharacter: Double
    public var candidateCharacter: Double
    public var bias: Double
    /// Candidates judged by the models alone (的/地/得, 根/跟 and the like: no word changes either way) reach a
    /// confidence of 0.8 when the models prefer them by this many log10 units in the same sound and tone (the
    /// segmentation gain adds, another tone subtracts as above). Set by hand, not fitted (ECSpell has one such
    /// correction): at 3 units the held-out reports drew 3–5 false alarms per 10,000 characters, at 5 about 1, at
    /// 6.5 the same as without this path (see BENCHMARKS.md).
    public var aloneMargin = 6.5

    /// The weights of official prose: fitted by Scripts/fit-typo-weights.py on the tune part of the typo development
    /// set (slips put into held-out 2018–2025 official text, Scripts/make-typo-dev.py) and ECSpell's odw.train (real
    /// slips in official documents), with the candidates of the untouched held-out text weighted 4, so that a
    /// confidence answers for about one slip in 800 characters. The characters' own costs (writtenCharacter,
    /// candidateCharacter) are held at 0 (`--fixed`): fitted, they learned the injected slips' choice of characters
    /// rather than writers'. Until 2026-12 the weights were fitted on ECSpell alone with the formal model of
    /// 2008–2014 text (BENCHMARKS.md).
    public static let formal = TypoWeights(
        languageModel: 1.212, generalModel: 0, segmentation: 0.228, rarity: -0.311, sameSound: -0.864,
        otherTone: -1.713, similarShape: -1.885, similarSound: -1.615, writtenWord: -0.032, writtenCharacter: 0,
        candidateCharacter: 0, bias: 6.077)

    /// The weights of everyday writing: the formal weights fitted on ECSpell until 2026-12 (which every everyday
    /// choice below was made with; the formal weights of today were fitted on official prose and do not carry over)
    /// with the general model's evidence added, 1.5 per log10 unit (a product of the two models: a correction both
    /// prefer is surer than one either prefers). 1.5 is the best
    /// of formal-model weights 0.5/1.04/1.5 × general-model weights 1.04/1.5/2 on the everyday tuning set
    /// (Scripts/make-everyday-tuning.py: learners' and news sentences from pycorrector's evaluation sample, not the
    /// SIGHAN-2015 test) at the default threshold: F1 0.426, against 0.296 with the formal model alone and 0.304 with
    /// the general model alone. A logistic refit on that set (156 gold candidates) ended lower (0.290): too few.
    /// (Measured with the trigram general model before the reviews joined its text; with them the set scored 0.436.
    /// With the four-gram general model, 1.0/1.2/1.5/1.7/2 give 0.436/0.435/0.459/0.457/0.446: 1.5 stays.)
    public static let everyday = TypoWeights(
        languageModel: 1.039, generalModel: 1.5, segmentation: 0.366, rarity: -0.588, sameSound: 0.431,
        otherTone: -0.589, similarShape: -1.164, similarSound: -1.664, writtenWord: -0.039, writtenCharacter: -0.035,
        candidateCharacter: -0.077, bias: 3.746)

    /// The models' combined preference, in logit units.
    @inline(__always) func modelEvidence(formal: Double, general: Double) -> Double {
        languageModel * formal + generalModel * general
    }

    mutating func set(_ name: String, _ number: Double) -> Bool {
        switch name {
        case "languageModel": languageModel = number
        case "generalModel": generalModel = number
        case "segmentation": segmentation = number
        case "segmentationCap": segmentationCap = number
        case "rarity": rarity = number
        case "sameSound": sameSound = number
        case "otherTone": otherTone = number
        case "similarShape": similarShape = number
        case "similarSound": similarSound = number
        case "writtenWord": writtenWord = number
        case "writtenCharacter": writtenCharacter = number
        case "candidateCharacter": candidateCharacter = number
        case "bias": bias = number
        case "aloneMargin": aloneMargin = number
        default: return false
        }
        return true
    }
}

/// The typo finder's weights and the structural choices around them. `shuzhi eval csc --tune name=value` tries
/// others (`everyday.name` for the everyday weights; a bare weight name sets the formal ones).
public struct TypoTuning: Sendable, Equatable {
    /// Where the finders write each candidate's evidence; nil (the default) in every ordinary run.
    public var evidence: TypoEvidence?
    public var formal = TypoWeights.formal
    public var everyday = TypoWeights.everyday
    /// A paragraph is everyday writing when the general model explains it better than the formal one by more than
    /// `registerMargin` log10 units a character plus `registerPrior` units in all: a prior for official prose, which
    /// a short line (a name and a title) cannot overcome by chance. Per character, official paragraphs score −1.3 to
    /// −0.1 (ECSpell odw.train, 5th to 90th percentile; held-out district reports: 95th percentile −0.23),
    /// learners' sentences 0.15 to 0.67 (10th to 90th). Of margins 0.05/0.1 × priors 0/2/4/6, 0.05 and 2 gave the
    /// best ECSpell odw.train F1 (0.510, 4 false corrections against 8 with no prior, where 劳动一坊社区 became
    /// 劳动一番) with the everyday tuning set at 0.418 (0.430 with no prior).
    public var registerMargin = 0.05
    public var registerPrior = 2.0
    /// The logit of 0.8, the confidence a models-alone candidate has at exactly `aloneMargin`.
    static let aloneLogit = logit(0.8)
    /// A character at most this costly as a word on its own (cost units) is a function character: with a candidate as
    /// frequent, the models alone may judge it (共 → 公 in 非共有制, 治 → 致 in 高治病性). 100 rather than 90: ECSpell
    /// odw.train 0.5130 → 0.5185 and the everyday tuning set 0.474 → 0.478, no new false correction on either and none
    /// on the held-out reports (the laws: 250 → 251 findings in 8.1M characters); SIGHAN-15 is unchanged.
    public var functionCharacterCost = 100
    /// A word at most this costly (−ln p × 10; ~70 occurrences in jieba's counts) protects its characters.
    public var protectedWordCost = 140
    /// A finding must make the neighbourhood's segmentation at least this much cheaper (cost units).
    public var minimumGain = 20
    /// The gain asked of a candidate inside a frequent two-character word (0: such characters are not tried).
    /// The weights above were fitted with this at 0; 20 then raised ECSpell F1 from 0.489 to 0.505 at the default
    /// threshold with the held-out false alarms within budget (a refit with it on asks for a higher threshold and
    /// ends no better). It halves the speed: ~3,300 instead of ~7,600 sentences/s.
    public var frequentWordGain = 20
    /// The weights of slips beyond one character (`WordSlipFinder`).
    var slips = SlipWeights.standard

    public init() {}

    public static let standard = TypoTuning()

    /// Evidence (a logit) to a confidence in 0…1.
    static func logistic(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
    static func logit(_ p: Double) -> Double { log(p / (1 - p)) }
    /// A confidence moved by `logits` (evidence for, or against when negative).
    static func shifted(_ p: Double, by logits: Double) -> Double {
        logistic(logit(min(max(p, 1e-9), 1 - 1e-9)) + logits)
    }

    /// Sets one weight by name (for tuning runs); false when the name is unknown or the value not a number.
    public mutating func set(_ name: String, _ value: String) -> Bool {
        guard let number = Double(value) else { return false }
        if name.hasPrefix("everyday.") { return everyday.set(String(name.dropFirst("everyday.".count)), number) }
        if name.hasPrefix("slip.") { return slips.set(String(name.dropFirst("slip.".count)), number) }
        switch name {
        case "registerMargin": registerMargin = number
        case "registerPrior": registerPrior = number
        case "functionCharacterCost": functionCharacterCost = Int(number)
        case "protectedWordCost": protectedWordCost = Int(number)
        case "minimumGain": minimumGain = Int(number)
        case "frequentWordGain": frequentWordGain = Int(number)
        default: return formal.set(name, number)
        }
        return true
    }
}

/// Where the typo finders write each scored candidate's evidence and its confidence — FEAT lines (one character),
/// SLIP lines (larger slips), REGISTER lines (a paragraph's register) — for Scripts/fit-typo-weights.py and for reading
/// why a correction was or was not made. The core only calls `write`; the CLI decides where the lines go (`shuzhi
/// eval` sends them to standard error when SHUZHI_TYPO_FEATURES is set), so the core reads no environment variable
/// and writes to no stream. Two sinks are equal only when they are the same sink.
public final class TypoEvidence: Sendable, Equatable {
    let write: @Sendable (String) -> Void

    public init(_ write: @escaping @Sendable (String) -> Void) { self.write = write }

    public static func == (a: TypoEvidence, b: TypoEvidence) -> Bool { a === b }
}

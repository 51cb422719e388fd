import CShuzhiData

/// A character n-gram model (order 3 or 4), interpolated modified Kneser-Ney stored in back-off form, trained by
/// Scripts/build-lexicon.py; probabilities and back-off weights are quantised to 8 bits, rare n-grams of order 3 and up
/// are pruned, and the tables hold 24-bit fingerprints (`GramTable`). Read in place from the binary. Two are compiled
/// in: `shared`, the formal four-gram model (national laws, 政府工作报告 2008–2014, 人民日报 and the training part of
/// the 2018–2025 modern text), and `general`, a four-gram
/// model of everyday written Chinese (text sampled from open-gram, and reviews), which
/// joins the judgement of paragraphs it explains better than the formal one does (`CharacterTypoFinder.isEveryday`).
// @unchecked: every field is immutable and the buffers point into the binary's read-only data.
public final class LanguageModel: @unchecked Sendable {
    public static let shared = LanguageModel(shuzhi_model_bytes)
    public static let general = LanguageModel(shuzhi_general_bytes)

    /// Token ids: the specials, then the lexicon's character ids shifted past them.
    public typealias Token = UInt16
    static let unknown: Token = 0, begin: Token = 1, end: Token = 2, digit: Token = 3, latin: Token = 4
    private static let firstCharacter = 4  // lexicon id 1 ↦ token 5

    public let order: Int
    private let unigramProb: UnsafeBufferPointer<UInt8>
    private let unigramBackoff: UnsafeBufferPointer<UInt8>
    private let bigrams: GramTable
    private let trigrams: GramTable
    /// Order 4 only (the general model).
    private let fourgrams: GramTable?
    private let unknownLogProb: Float
    /// Whether every log-probability and back-off weight is ≤ 0 (the dequantisation tables run from their floors up
    /// to 0), so that a sum of terms only falls as terms are added.
    let neverPositive: Bool
    private let lexicon: Lexicon
    /// Dequantisation tables: byte → log10 value.
    private let probTable: [Float]
    private let backoffTable: [Float]

    private init(_ bytes: (UnsafeMutablePointer<Int>) -> UnsafePointer<UInt8>?) {
        var count = 0
        let base = bytes(&count)!
        let data = DataContainer(base: UnsafeRawPointer(base), count: count)
        let meta = data.text("META")
        order = LanguageModel.number(meta, "order").map(Int.init) ?? 3
        precondition(order == 3 || order == 4, "compiled model has order \(order); this reader handles 3 and 4")
        let probFloor = Float(LanguageModel.number(meta, "prob_floor") ?? -8)
        let backoffFloor = Float(LanguageModel.number(meta, "backoff_floor") ?? -4)
        unknownLogProb = Float(LanguageModel.number(meta, "unk") ?? -7)
        neverPositive = probFloor <= 0 && backoffFloor <= 0 && unknownLogProb <= 0
        probTable = (0..<256).map { probFloor - probFloor * Float($0) / 255 }
        backoffTable = (0..<256).map { backoffFloor - backoffFloor * Float($0) / 255 }
        unigramProb = data.array("UNIP", of: UInt8.self)
        unigramBackoff = data.array("UNIB", of: UInt8.self)
        bigrams = GramTable(data.section("NG02"))
        trigrams = GramTable(data.section("NG03"))
        fourgrams = order == 4 ? GramTable(data.section("NG04")) : nil
        lexicon = .shared
    }

    /// A number from the flat JSON metadata (the build script writes it; no general JSON reader needed here).
    private static func number(_ json: String, _ key: String) -> Double? {
        guard let range = json.range(of: "\"\(key)\": ") else { return nil }
        let rest = json[range.upperBound...].prefix { "-+.0123456789e".contains($0) }
        return Double(rest)
    }

    @inline(__always) public func token(_ scalar: Unicode.Scalar) -> Token {
        let v = scalar.value
        if (0x30...0x39).contains(v) || (0xFF10...0xFF19).contains(v) { return Self.digit }
        if (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (0xFF21...0xFF3A).contains(v)
            || (0xFF41...0xFF5A).contains(v)
        {
            return Self.latin
        }
        let id = lexicon.id(of: scalar)
        return id == 0 ? Self.unknown : Token(id + Self.firstCharacter)
    }

    // Same packing as the build script: 16 bits per token, the order in the top bits.
    @inline(__always) private func gramHash(_ a: Token, _ b: Token) -> UInt64 {
        LexiconHash.mix((UInt64(a) << 16 | UInt64(b)) ^ (2 << 60))
    }

    @inline(__always) private func gramHash(_ a: Token, _ b: Token, _ c: Token) -> UInt64 {
        LexiconHash.mix((UInt64(a) << 32 | UInt64(b) << 16 | UInt64(c)) ^ (3 << 60))
    }

    @inline(__always) private func gramHash(_ a: Token, _ b: Token, _ c: Token, _ d: Token) -> UInt64 {
        LexiconHash.mix((UInt64(a) << 48 | UInt64(b) << 32 | UInt64(c) << 16 | UInt64(d)) ^ (4 << 60))
    }

    /// Tokens in front of a line's first character, enough for either order: [begin, begin, begin, first, …].
    public static let padding = 3

    /// log10 p(t[k] | the `order` − 1 tokens before it); k ≥ `padding`.
    @inline(__always) public func logProb(_ t: [Token], at k: Int) -> Float {
        logProb(t[k - 3], t[k - 2], t[k - 1], t[k])
    }

    /// log10 p(w | a b c) in a four-gram model, p(w | b c) in a trigram one.
    @inline(__always) func logProb(_ a: Token, _ b: Token, _ c: Token, _ w: Token) -> Float {
        guard let fourgrams else { return logProb(b, c, w) }
        if let slot = fourgrams.slot(gramHash(a, b, c, w)) { return probTable[fourgrams.probability(at: slot)] }
        let context = trigrams.slot(gramHash(a, b, c))
        return (context.map { backoffTable[trigrams.backoff(at: $0)] } ?? 0) + logProb(b, c, w)
    }

    /// log10 p(w | a b), backing off through the stored weights.
    @inline(__always) public func logProb(_ a: Token, _ b: Token, _ w: Token) -> Float {
        if let slot = trigrams.slot(gramHash(a, b, w)) { return probTable[trigrams.probability(at: slot)] }
        let context = bigrams.slot(gramHash(a, b))
        return (context.map { backoffTable[bigrams.backoff(at: $0)] } ?? 0) + logProb(b, w)
    }

    /// log10 p(w | b).
    @inline(__always) public func logProb(_ b: Token, _ w: Token) -> Float {
        if let slot = bigrams.slot(gramHash(b, w)) { return probTable[bigrams.probability(at: slot)] }
        let backoff = Int(b) < unigramBackoff.count ? backoffTable[Int(unigramBackoff[Int(b)])] : 0
        return backoff + logProb(w)
    }

    /// log10 p(w).
    @inline(__always) public func logProb(_ w: Token) -> Float {
        Int(w) < unigramProb.count && w != Self.unknown ? probTable[Int(unigramProb[Int(w)])] : unknownLogProb
    }

    /// log10 probability of the whole text (a line), with sentence-boundary tokens.
    public func logProb<S: Sequence>(of text: S) -> Float where S.Element == Unicode.Scalar {
        var a = Self.begin, b = Self.begin, c = Self.begin, total: Float = 0
        for s in text where !s.properties.isWhitespace {
            let t = token(s)
            total += logProb(a, b, c, t)
            (a, b, c) = (b, c, t)
        }
        return total + logProb(a, b, c, Self.end)
    }
}

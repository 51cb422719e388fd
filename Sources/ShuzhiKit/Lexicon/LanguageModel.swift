import CShuzhiData

/// A character trigram model, interpolated modified Kneser-Ney stored in back-off form, trained by
/// Scripts/build-lexicon.py; probabilities and back-off weights are quantised to 8 bits and rare trigrams are pruned.
/// Read in place from the binary. Two are compiled in: `shared`, the formal model (national laws, 政府工作报告
/// 2008–2014, 人民日报), and `general`, everyday written Chinese (text sampled from open-gram, and reviews), which
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
    private let bigrams: FingerprintTable<UInt16>
    private let trigrams: FingerprintTable<UInt16>
    private let unknownLogProb: Float
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
        precondition(order == 3, "compiled model has order \(order); this reader handles 3")
        let probFloor = Float(LanguageModel.number(meta, "prob_floor") ?? -8)
        let backoffFloor = Float(LanguageModel.number(meta, "backoff_floor") ?? -4)
        unknownLogProb = Float(LanguageModel.number(meta, "unk") ?? -7)
        probTable = (0..<256).map { probFloor - probFloor * Float($0) / 255 }
        backoffTable = (0..<256).map { backoffFloor - backoffFloor * Float($0) / 255 }
        unigramProb = data.array("UNIP", of: UInt8.self)
        unigramBackoff = data.array("UNIB", of: UInt8.self)
        bigrams = FingerprintTable(data.section("NG02"))
        trigrams = FingerprintTable(data.section("NG03"))
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
            || (0xFF41...0xFF5A).contains(v) { return Self.latin }
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

    /// log10 p(w | a b), backing off through the stored weights.
    @inline(__always) public func logProb(_ a: Token, _ b: Token, _ w: Token) -> Float {
        var backoff: Float = 0
        if let v = trigrams.first(gramHash(a, b, w)) { return probTable[Int(v & 0xFF)] }
        if let v = bigrams.first(gramHash(a, b)) { backoff += backoffTable[Int(v >> 8)] }
        return backoff + logProb(b, w)
    }

    /// log10 p(w | b).
    @inline(__always) public func logProb(_ b: Token, _ w: Token) -> Float {
        if let v = bigrams.first(gramHash(b, w)) { return probTable[Int(v & 0xFF)] }
        let backoff = Int(b) < unigramBackoff.count ? backoffTable[Int(unigramBackoff[Int(b)])] : 0
        return backoff + logProb(w)
    }

    /// log10 p(w).
    @inline(__always) public func logProb(_ w: Token) -> Float {
        Int(w) < unigramProb.count && w != Self.unknown ? probTable[Int(unigramProb[Int(w)])] : unknownLogProb
    }

    /// log10 probability of the whole text (a line), with sentence-boundary tokens.
    public func logProb<S: Sequence>(of text: S) -> Float where S.Element == Unicode.Scalar {
        var a = Self.begin, b = Self.begin, total: Float = 0
        var first = true
        for s in text where !s.properties.isWhitespace {
            let t = token(s)
            total += first ? logProb(b, t) : logProb(a, b, t)
            first = false
            (a, b) = (b, t)
        }
        return total + (first ? logProb(b, Self.end) : logProb(a, b, Self.end))
    }
}

import CShuzhiData

/// The compiled lexicon: characters (frequency, readings, confusable characters), ~630k dictionary words with
/// frequency and part of speech, and four-character idioms. Built by Scripts/build-lexicon.py from pycorrector,
/// jieba, pypinyin and char-similar; read in place from the binary.
// @unchecked: every field is immutable and the buffers point into the binary's read-only data.
public final class Lexicon: @unchecked Sendable {
    public static let shared = Lexicon()

    /// How a candidate character relates to the one written (bits; a pair may be several).
    public struct Confusion: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let sameSoundSameTone = Confusion(rawValue: 1)
        public static let sameSoundOtherTone = Confusion(rawValue: 2)
        public static let similarShape = Confusion(rawValue: 4)
        /// z/zh, n/l, -n/-ng and the like.
        public static let similarSound = Confusion(rawValue: 8)
    }

    /// A dictionary entry: its cost (−ln p × 10, quantised; lower is more frequent) and part-of-speech tag.
    public struct Entry: Sendable, Equatable {
        public let cost: Int
        public let tag: String
        /// Person, place and organisation names and other proper nouns (jieba's nr/nrfg/nrt/ns/nt/nz).
        public var isName: Bool { Lexicon.isNameTag(tag) }
        public var isIdiom: Bool { Lexicon.isIdiomTag(tag) }
    }

    static let maxWordLength = 8
    /// The cost given to a character the dictionary does not know as a word of its own.
    static let unknownCost = 255

    private let charIndex: UnsafeBufferPointer<UInt16>
    private let charCosts: UnsafeBufferPointer<UInt8>
    private let scalarsByID: [Unicode.Scalar]
    private let syllables: [String]
    private let readingOffsets: UnsafeBufferPointer<UInt32>
    private let readingList: UnsafeBufferPointer<UInt16>
    private let confusionOffsets: UnsafeBufferPointer<UInt32>
    private let confusionList: UnsafeBufferPointer<UInt32>
    private let words: FingerprintTable<UInt16>
    private let idioms: FingerprintTable<UInt32>
    private let homophones: FingerprintTable<UInt64>
    private let wordReadings: FingerprintTable<UInt64>
    private let dropped: FingerprintTable<UInt32>
    private let tags: [String]
    private let nameTags: [Bool]
    private let idiomTags: [Bool]
    private let followers: PairBlocks
    private let precedents: PairBlocks
    private let nextOffsets: UnsafeBufferPointer<UInt32>
    private let nextList: UnsafeBufferPointer<UInt16>

    private init() {
        var count = 0
        let base = shuzhi_lexicon_bytes(&count)!
        let data = DataContainer(base: UnsafeRawPointer(base), count: count)
        charIndex = data.array("CIDX", of: UInt16.self)
        charCosts = data.array("CFRQ", of: UInt8.self)
        var scalars = [Unicode.Scalar](repeating: " ", count: charCosts.count)
        for (value, id) in charIndex.enumerated() where id != 0 {
            scalars[Int(id)] = Unicode.Scalar(UInt32(value)) ?? " "
        }
        scalarsByID = scalars
        let table = FingerprintTable<UInt16>(data.section("WORD"))
        singleCosts = scalars.indices.map { id in
            id == 0
                ? UInt8(Lexicon.unknownCost)
                : UInt8(table.first(LexiconHash.text(CollectionOfOne(scalars[id]))).map { Int($0 & 0xFF) } ?? Lexicon.unknownCost)
        }
        syllables = data.lines("SYLL")
        readingOffsets = data.array("POFF", of: UInt32.self)
        readingList = data.array("PLST", of: UInt16.self)
        confusionOffsets = data.array("COFF", of: UInt32.self)
        confusionList = data.array("CLST", of: UInt32.self)
        words = FingerprintTable(data.section("WORD"))
        idioms = FingerprintTable(data.section("IDIO"))
        homophones = FingerprintTable(data.section("SOUN"))
        wordReadings = FingerprintTable(data.section("SKEY"))
        dropped = FingerprintTable(data.section("MISS"))
        nextOffsets = data.array("NOFF", of: UInt32.self)
        nextList = data.array("NLST", of: UInt16.self)
        followers = PairBlocks(data.section("PAIR"), characters: charCosts.count)
        precedents = PairBlocks(data.section("RPAI"), characters: charCosts.count)
        tags = data.lines("TAGS", omittingEmpty: false)
        nameTags = tags.map(Lexicon.isNameTag)
        idiomTags = tags.map(Lexicon.isIdiomTag)
    }

    /// The character's id (1…), or 0 when the lexicon does not know it.
    @inline(__always) public func id(of scalar: Unicode.Scalar) -> Int {
        scalar.value < 0x10000 ? Int(charIndex[Int(scalar.value)]) : 0
    }

    public func scalar(id: Int) -> Unicode.Scalar { scalarsByID[id] }

    /// Characters in the table (ids run 1…scalarCount).
    public var scalarCount: Int { scalarsByID.count - 1 }

    /// The second characters of the most frequent two-character words that start with `scalar`, most frequent first.
    func forEachCompletion(of scalar: Unicode.Scalar, _ body: (Unicode.Scalar) -> Void) {
        let id = id(of: scalar)
        guard id != 0 else { return }
        for i in Int(nextOffsets[id])..<Int(nextOffsets[id + 1]) { body(scalarsByID[Int(nextList[i])]) }
    }

    /// Frequent words that leave `written` when one of their characters is dropped (高质 of 高质量, 进步 of 进一步,
    /// 群 of 群众): the dropped character, where it goes in `written` (0…count) and the word's length.
    /// The written text is given as its `count` and its `LexiconHash.text` (a caller growing the text a character
    /// at a time hashes it incrementally).
    @inline(__always) func forEachWordMissingOne(hash: UInt64, count: Int, _ body: (Unicode.Scalar, Int) -> Void) {
        dropped.forEach(hash) { packed in
            guard Int(packed >> 24) == count + 1 else { return }
            body(scalarsByID[Int(packed & 0xFFFF)], Int((packed >> 16) & 0xFF))
        }
    }

    /// Which character's bit block answers `mayPair`: ask the one that stays fixed while candidates vary, so that
    /// every test at one position reads the same cache line.
    enum PairKey { case first, second }

    /// Whether `a` directly followed by `b` occurs inside some dictionary word (a Bloom-style bit block per character:
    /// false means certainly not; true may rarely be wrong).
    @inline(__always) func mayPair(_ a: Unicode.Scalar, _ b: Unicode.Scalar, keyedBy key: PairKey) -> Bool {
        key == .first ? followers.contains(id(of: a), b) : precedents.contains(id(of: b), a)
    }

    /// Whether `a` directly followed by `b` is certainly inside no dictionary word: both characters are the
    /// lexicon's (the pair blocks hold every pair of its characters in its words) and `a`'s block lacks `b`. Exact
    /// pruning: a span holding the pair is then no word.
    @inline(__always) func neverPair(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        let first = id(of: a)
        return first != 0 && id(of: b) != 0 && !followers.contains(first, b)
    }

    /// The bit block of `a`'s followers, for asking `mayPair(a, b)` of many b in turn (a candidate loop).
    @inline(__always) func followerBlock(of a: Unicode.Scalar) -> PairBlocks.Block { followers.block(id(of: a)) }

    /// The bit block of `b`'s precedents, for asking `mayPair(a, b)` of many a in turn.
    @inline(__always) func precedentBlock(of b: Unicode.Scalar) -> PairBlocks.Block { precedents.block(id(of: b)) }

    /// The dictionary cost of the character as a word of its own (`unknownCost` when it is none), by character id;
    /// looked up once at start-up because the typo finder asks for it of every candidate.
    private let singleCosts: [UInt8]

    @inline(__always) func singleWordCost(_ scalar: Unicode.Scalar) -> Int {
        let id = id(of: scalar)
        return id == 0 ? Lexicon.unknownCost : Int(singleCosts[id])
    }

    /// −ln(relative frequency) × 8 of a character (255 when unknown).
    public func characterCost(_ scalar: Unicode.Scalar) -> Int { Int(charCosts[id(of: scalar)]) }

    /// Readings with tone number, e.g. ["chang2", "zhang3"] for 长.
    public func readings(_ scalar: Unicode.Scalar) -> [String] {
        let id = id(of: scalar)
        guard id != 0 else { return [] }
        return (Int(readingOffsets[id])..<Int(readingOffsets[id + 1])).map { syllables[Int(readingList[$0])] }
    }

    /// Frequent words of common characters typed with the same pinyin keys as `word` (two to four characters),
    /// tones ignored as an input method ignores them, by the word's reading in context (承载 cheng zai: not 正在,
    /// though 承 may also read zheng). Nothing for a word the lexicon keeps no reading of.
    func forEachHomophone(of word: [Unicode.Scalar], _ body: ([Unicode.Scalar]) -> Void) {
        guard let key = wordReadings.first(LexiconHash.text(word)) else { return }
        homophones.forEach(key) { packed in
            var found: [Unicode.Scalar] = []
            for k in stride(from: word.count - 1, through: 0, by: -1) {
                found.append(scalarsByID[Int((packed >> (16 * UInt64(k))) & 0xFFFF)])
            }
            body(found)
        }
    }

    /// Common characters a writer could have meant instead of this one, most frequent first.
    @inline(__always) public func forEachConfusion(
        of scalar: Unicode.Scalar,
        _ body: (Unicode.Scalar, Confusion) -> Void
    ) {
        let id = id(of: scalar)
        guard id != 0 else { return }
        for i in Int(confusionOffsets[id])..<Int(confusionOffsets[id + 1]) {
            let packed = confusionList[i]
            body(scalarsByID[Int(packed & 0xFFFF)], Confusion(rawValue: UInt8(truncatingIfNeeded: packed >> 16)))
        }
    }

    public func confusion(_ written: Unicode.Scalar, _ meant: Unicode.Scalar) -> Confusion {
        var found: Confusion = []
        forEachConfusion(of: written) { s, kind in if s == meant { found = kind } }
        return found
    }

    /// The dictionary entry of a word, by the hash of its scalars (see `LexiconHash.text`).
    @inline(__always) func entry(hash: UInt64) -> (cost: Int, tag: Int)? {
        guard let value = words.first(hash) else { return nil }
        return (Int(value & 0xFF), Int(value >> 8))
    }

    public func entry<S: Sequence>(_ word: S) -> Entry? where S.Element == Unicode.Scalar {
        entry(hash: LexiconHash.text(word)).map { Entry(cost: $0.cost, tag: tags[$0.tag]) }
    }

    public func entry(_ word: String) -> Entry? { entry(word.unicodeScalars) }

    func tag(_ index: Int) -> String { index >= 0 && index < tags.count ? tags[index] : "user" }

    static func isNameTag(_ tag: String) -> Bool { tag.hasPrefix("nr") || tag == "ns" || tag == "nt" || tag == "nz" }

    /// Whether a tag index (as `Word.Kind.known` carries it) names someone or something; the user's words (index -1)
    /// count as names, never to be corrected. Read per word by the typo rules, so decided once per tag.
    @inline(__always) func isName(tagIndex index: Int) -> Bool { index < 0 || (index < nameTags.count && nameTags[index]) }

    static func isIdiomTag(_ tag: String) -> Bool { tag == "i" || tag == "l" }

    /// Whether a tag index (as `entry(hash:)` gives it) marks an idiom or set phrase; decided once per tag.
    @inline(__always) func isIdiom(tagIndex index: Int) -> Bool { index >= 0 && index < idiomTags.count && idiomTags[index] }

    /// Characters that complete four characters with position `blank` left out into an idiom.
    func idiomCompletions<C: Collection>(_ four: C, blank: Int, _ body: (Unicode.Scalar) -> Void)
    where C.Element == Unicode.Scalar {
        var h = LexiconHash.seed
        for (k, s) in four.enumerated() { h = LexiconHash.step(h, k == blank ? 0 : s.value) }
        idioms.forEach(LexiconHash.mix(h)) { value in
            if let s = Unicode.Scalar(value) { body(s) }
        }
    }
}

/// Per character, a power-of-two bit block (at least 64 bits, about 8 per partner) marking its partners by hash.
struct PairBlocks: @unchecked Sendable {
    private let offsets: UnsafePointer<UInt32>
    private let blocks: UnsafeRawPointer
    private let count: Int

    init(_ raw: UnsafeRawBufferPointer, characters: Int) {
        count = characters + 1
        precondition(raw.count >= count * 4, "compiled data damaged: pair blocks")
        offsets = raw.baseAddress!.assumingMemoryBound(to: UInt32.self)
        blocks = raw.baseAddress! + count * 4
        precondition(count * 4 + Int(offsets[count - 1]) * 8 <= raw.count, "compiled data damaged: pair blocks")
    }

    @inline(__always) func contains(_ id: Int, _ partner: Unicode.Scalar) -> Bool {
        block(id).contains(Self.hash(partner))
    }

    @inline(__always) static func hash(_ partner: Unicode.Scalar) -> Int {
        Int(truncatingIfNeeded: LexiconHash.mix(UInt64(partner.value) ^ 0x5041_4952))
    }

    /// One character's block (empty for an unknown character or one without partners).
    @inline(__always) func block(_ id: Int) -> Block {
        guard id != 0 else { return .none }
        let lo = Int(offsets[id]), hi = Int(offsets[id + 1])
        guard hi > lo else { return .none }
        return Block(start: blocks + lo * 8, mask: (hi - lo) * 64 - 1)
    }

    struct Block {
        fileprivate let start: UnsafeRawPointer?
        /// Bits in the block − 1; −1 for an empty block.
        fileprivate let mask: Int

        /// The block of no character: nothing pairs with it.
        static var none: Block { Block(start: nil, mask: -1) }

        /// Whether the partner with this `PairBlocks.hash` may pair (false means certainly not).
        @inline(__always) func contains(_ hash: Int) -> Bool {
            guard mask >= 0, let start else { return false }
            let h = hash & mask
            return start.loadUnaligned(fromByteOffset: (h >> 6) * 8, as: UInt64.self) & (1 << UInt64(h & 63)) != 0
        }
    }
}

import Foundation

/// Slips larger than one wrong character, the way writers make them: the input method's wrong word of the same
/// pinyin (核心礼仪 → 核心利益), two characters swapped (务真求实 → 求真务实, 划计 → 计划), a character dropped from a
/// frequent word (高质发展 → 高质量发展, 进步加强 → 进一步加强) and a word written twice (推进推进).
///
/// Candidates come from the lexicon (homophone words by toneless pinyin, words with one character dropped, words and
/// set phrases a swap makes); each is judged as a noisy channel: how much likelier the language models find the text
/// with the edit than without it, plus how much cheaper the segmentation of the neighbourhood becomes, against a
/// prior for the kind of slip (`SlipWeights`). The logistic of that sum is the finding's confidence.
struct WordSlipFinder: Sendable {
    let weights: SlipWeights
    /// Where each candidate's evidence goes (SLIP lines), when it is wanted; every candidate is then judged in full.
    let evidence: TypoEvidence?
    private let lexicon = Lexicon.shared
    private let model = LanguageModel.shared
    private let general = LanguageModel.general

    init(weights: SlipWeights = .standard, evidence: TypoEvidence? = nil) {
        self.weights = weights
        self.evidence = evidence
    }

    private var dumpFeatures: Bool { evidence != nil }

    /// The candidates of the given kinds in every paragraph at least `floor` sure, overlapping ones included (the
    /// caller keeps the surest of any overlap).
    func findings(_ analysis: Analysis, kinds: Set<Slip.Kind>, floor: Double) -> [Slip] {
        var out: [Slip] = []
        let s = analysis.scalars
        // One buffer for every paragraph's candidates: grown once, not once per paragraph.
        var candidates: [Edit] = []
        if kinds.contains(.homophoneWord) {
            analysis.forEachParagraph { range, words in
                findings(s, range, words, analysis.segmenter, kinds: kinds, floor: floor, candidates: &candidates, into: &out)
            }
        } else {
            // The other kinds need no segmentation of the document (`repeat.phrase` alone stays cheap).
            for paragraph in analysis.document.paragraphs where !paragraph.isBlank {
                findings(s, paragraph.content, [], analysis.segmenter, kinds: kinds, floor: floor, candidates: &candidates, into: &out)
            }
        }
        return out
    }

    private func findings(
        _ s: [Unicode.Scalar], _ range: Range<Int>, _ words: ArraySlice<Word>, _ segmenter: Segmenter,
        kinds: Set<Slip.Kind>, floor: Double, candidates: inout [Edit], into out: inout [Slip]
    ) {
        guard range.count >= 2 else { return }
        // Each collector proposes an edit at most once (see `appendNew`), so the candidates need no set to be unique.
        candidates.removeAll(keepingCapacity: true)
        // Asked once per paragraph, not once per character: a kind hashes by its string raw value.
        let reorder = kinds.contains(.reorder), missing = kinds.contains(.missing), redundant = kinds.contains(.redundant)
        if kinds.contains(.homophoneWord) { collectHomophones(s, range, words, into: &candidates) }
        for p in range where ScalarClass.isHan(s[p].value) {
            if reorder { collectSwaps(s, p, range, into: &candidates) }
            if missing { collectMissing(s, p, range, into: &candidates) }
            if redundant && Self.repeatsSoon(s, p, range) { collectDoubled(s, p, range, segmenter, into: &candidates) }
        }
        guard !candidates.isEmpty else { return }
        let pad = LanguageModel.padding
        var tokens = [LanguageModel.Token](repeating: LanguageModel.begin, count: range.count + pad + 1)
        for p in range { tokens[p - range.lowerBound + pad] = model.token(s[p]) }
        tokens[range.count + pad] = LanguageModel.end
        let floorLogit = TypoTuning.logit(floor)
        var writtenFormal = WrittenLogProbs(tokens.count), writtenGeneral = WrittenLogProbs(tokens.count)
        for edit in candidates {
            if let slip = judge(
                edit, s, range, tokens, segmenter, floorLogit: floorLogit,
                writtenFormal: &writtenFormal, writtenGeneral: &writtenGeneral),
                slip.confidence >= floor
            {
                out.append(slip)
            }
        }
    }

    /// One proposed change of the written text: `range` (empty for an insertion) becomes `replacement`.
    struct Edit: Equatable {
        let range: Range<Int>
        let replacement: ShortScalars
        let kind: Slip.Kind
        /// The written word or phrase the message shows, which contains `range`.
        let shown: Range<Int>
        /// Whether the written word is one the dictionary tags as a name.
        var writtenName = false
    }

    // MARK: Candidates

    /// Frequent words typed with the same pinyin as a written word of two to four characters: the input method's
    /// wrong pick (礼仪 for 利益, 盛产 for 生产). The user's words are never changed. A word the dictionary tags as a
    /// name is tried too, with its own weight (`writtenName`): jieba tags many common words as names (齐全 nr, 寻思 nr,
    /// 晋级 nr, 锦旗 ns), and a pick of the wrong name (十堰 for 实验, 宫城 for 工程) is a slip like any other.
    private func collectHomophones(
        _ s: [Unicode.Scalar], _ range: Range<Int>, _ words: ArraySlice<Word>,
        into out: inout [Edit]
    ) {
        for word in words where (2...4).contains(word.range.count) {
            guard case .known(_, let tag) = word.kind, tag >= 0, word.range.allSatisfy({ ScalarClass.isHan(s[$0].value) })
            else { continue }
            let name = lexicon.isName(tagIndex: tag)
            let written = Array(s[word.range])
            let first = out.count
            lexicon.forEachHomophone(of: written) { candidate in
                guard candidate != written, !candidate.contains(where: CharacterTypoFinder.isNumeral) else { return }
                Self.appendNew(
                    Edit(
                        range: word.range, replacement: ShortScalars(candidate), kind: .homophoneWord, shown: word.range, writtenName: name),
                    to: &out, since: first)
            }
        }
    }

    /// Two neighbouring characters swapped (划计 → 计划, 们我 → 我们), or the first and third of a four-character set
    /// phrase (务真求实 → 求真务实): the swap must make a frequent word or set phrase the written text is not.
    private func collectSwaps(_ s: [Unicode.Scalar], _ p: Int, _ range: Range<Int>, into out: inout [Edit]) {
        for distance in 1...2 {
            let q = p + distance
            guard q < range.upperBound, s[p] != s[q], (p...q).allSatisfy({ ScalarClass.isHan(s[$0].value) }) else { return }
            // 阿中经贸合作, 哈中两国, 欧中交往: a bilateral pair names the speaker's country first, so 中 may come second.
            if distance == 1,
                (s[q] == "中" && Self.countryAbbreviations.contains(s[p])) || (s[p] == "中" && Self.countryAbbreviations.contains(s[q]))
            {
                continue
            }
            // A X A Y: parallel halves, which official writing orders either way (走实走深 and 走深走实, 爱港爱国 and
            // 爱国爱港); a swap across the repeated character only reorders them.
            if distance == 2 && p > range.lowerBound && s[p - 1] == s[p + 1] { continue }
            // Every span over both characters holds the swapped text's pairs s[q] s[p + 1] … s[p]: one that is in
            // no word rules them all out.
            if distance == 1 ? lexicon.neverPair(s[q], s[p]) : lexicon.neverPair(s[q], s[p + 1]) || lexicon.neverPair(s[p + 1], s[p]) {
                continue
            }
            // The cheapest word of two to four characters over both characters, in the swapped text.
            var best: (cost: Int, span: Range<Int>)?
            for length in (q - p + 1)...4 {
                for start in max(range.lowerBound, q - length + 1)...p where start + length <= range.upperBound {
                    let span = start..<start + length
                    guard span.allSatisfy({ ScalarClass.isHan(s[$0].value) }) else { continue }
                    // The span as swapped, hashed in place (this runs for every character and span).
                    var h = LexiconHash.seed
                    for k in span { h = LexiconHash.step(h, (k == p ? s[q] : k == q ? s[p] : s[k]).value) }
                    guard let entry = lexicon.entry(hash: LexiconHash.mix(h)) else { continue }
                    // Across a gap only a set phrase counts: 务真求实 → 求真务实, not any word.
                    let limit = distance == 1 ? Self.swapWordCost : (lexicon.isIdiom(tagIndex: entry.tag) ? Self.swapPhraseCost : -1)
                    guard entry.cost <= limit, entry.cost < (best?.cost ?? .max),
                        (lexicon.entry(hash: LexiconHash.text(s[span]))?.cost ?? Lexicon.unknownCost) > entry.cost + Self.swapMargin
                    else { continue }
                    best = (entry.cost, span)
                }
            }
            if let best {
                var swapped = Array(s[p...q])
                swapped.swapAt(0, distance)
                // A swap that would write its neighbours again (城市市城 → 城市城市) makes a doubled word, never what
                // the writer meant: the written order is deliberate there (中心城市市城一体化).
                let n = swapped.count
                if (p - n >= range.lowerBound && s[(p - n)..<p].elementsEqual(swapped))
                    || (q + 1 + n <= range.upperBound && s[(q + 1)..<(q + 1 + n)].elementsEqual(swapped))
                {
                    continue
                }
                out.append(Edit(range: p..<q + 1, replacement: ShortScalars(swapped), kind: .reorder, shown: best.span))
            }
        }
    }

    /// A character dropped from a frequent word: the written text holds what is left (高质 of 高质量, 进步 of 进一步).
    private func collectMissing(_ s: [Unicode.Scalar], _ p: Int, _ range: Range<Int>, into out: inout [Edit]) {
        // The written text p..<end grows a character at a time, and its hash with it.
        var h = LexiconHash.seed
        for length in 1...3 {
            let end = p + length
            guard end <= range.upperBound, ScalarClass.isHan(s[end - 1].value) else { return }
            h = LexiconHash.step(h, s[end - 1].value)
            let first = out.count
            lexicon.forEachWordMissingOne(hash: LexiconHash.mix(h), count: length) { c, k in
                let at = p + k
                // Already there (高质量 holds 高质 followed by 量) or a numeral (a number is not ours to complete;
                // 一 of 进一步, 统一, 一体化 is a word's character far more often than a number's).
                guard !(at < range.upperBound && s[at] == c), !(at > range.lowerBound && s[at - 1] == c),
                    c == "一" || !CharacterTypoFinder.isNumeral(c)
                else { return }
                Self.appendNew(
                    Edit(range: at..<at, replacement: ShortScalars(CollectionOfOne(c)), kind: .missing, shown: p..<end), to: &out,
                    since: first)
            }
        }
    }

    /// Appends the edit unless the same one was proposed since index `first`. Only a table look-up can propose one
    /// twice (two entries alike), and only within one look-up: edits of different look-ups differ in their shown
    /// range or their kind. So a check of the few edits of the look-up replaces a set of every edit of the paragraph.
    private static func appendNew(_ edit: Edit, to out: inout [Edit], since first: Int) {
        guard !out[first...].contains(edit) else { return }
        out.append(edit)
    }

    /// A word of one to four characters written twice in a row (推进推进, 发发展); the second copy goes. Function
    /// characters (的的, 了了) are `repeat.char`'s; a character whose doubling is a word (常常, 人人) and the verbs that
    /// reduplicate (研究研究) are ordinary Chinese.
    private func collectDoubled(
        _ s: [Unicode.Scalar], _ p: Int, _ range: Range<Int>, _ segmenter: Segmenter,
        into out: inout [Edit]
    ) {
        for length in 1...4 {
            let end = p + 2 * length
            guard end <= range.upperBound else { return }
            guard s[p] == s[p + length], (0..<length).allSatisfy({ s[p + $0] == s[p + length + $0] && ScalarClass.isHan(s[p + $0].value) })
            else { continue }
            let unit = Array(s[p..<p + length])
            if length == 1 && (FunctionWordContext.characters.contains(unit[0].value) || lexicon.entry(unit + unit) != nil) { continue }
            if length == 2 && (RepeatedPhraseRule.reduplicable.contains(String(String.UnicodeScalarView(unit))) || unit[0] == "一") {
                continue
            }
            // 的土地的土地 is 的 + 土地的土地…: a phrase never starts or ends with 的.
            if length > 1 && (unit[0] == "的" || unit[length - 1] == "的") { continue }
            if Set(unit).count == 1 && length > 1 { continue }
            guard !Self.straddles(s, p, length, range, segmenter) else { continue }
            out.append(Edit(range: p + length..<end, replacement: ShortScalars(), kind: .redundant, shown: p..<end))
        }
    }

    /// Whether the character at p comes again one to four characters on, within the paragraph and with room for the
    /// repeat: the first thing `collectDoubled` asks, asked inline, since it is false almost everywhere and the call
    /// itself cost more than the test (40 M instructions of a 1 MiB check).
    @inline(__always) static func repeatsSoon(_ s: [Unicode.Scalar], _ p: Int, _ range: Range<Int>) -> Bool {
        var length = 1
        while length <= 4 && p + 2 * length <= range.upperBound {
            if s[p] == s[p + length] { return true }
            length += 1
        }
        return false
    }

    /// Whether a repeat of `length` characters at p is two words meeting, not one written twice: the dictionary's
    /// segmentation of the run around it puts a word across the start of the first copy, the seam or the end of the
    /// second (特别行政区|行政区域图 holds 行政区行政区; 企业|创业|创新 holds 业创业创).
    static func straddles(_ s: [Unicode.Scalar], _ p: Int, _ length: Int, _ range: Range<Int>, _ segmenter: Segmenter) -> Bool {
        var lo = p, hi = p + 2 * length
        while lo > range.lowerBound && lo > p - 4 && ScalarClass.isHan(s[lo - 1].value) { lo -= 1 }
        while hi < range.upperBound && hi < p + 2 * length + 4 && ScalarClass.isHan(s[hi].value) { hi += 1 }
        let cuts = [p, p + length, p + 2 * length]
        return segmenter.segment(s, lo..<hi).contains { word in
            cuts.contains { word.range.lowerBound < $0 && $0 < word.range.upperBound }
        }
    }

    /// One-character names of countries and unions in bilateral pairs (中美, 中俄, 中欧, 中阿, 中哈…).
    static let countryAbbreviations = Set("美俄日韩朝英法德意欧非阿哈巴印澳加蒙越老柬泰缅菲乌吉塔土伊叙埃沙卡科希葡西荷比瑞挪芬丹波匈捷奥新马古秘墨智委".unicodeScalars)

    /// A word at most this costly (−ln p × 10) is what a swap of neighbours must make; a set phrase, a swap across one.
    static let swapWordCost = 140
    static let swapPhraseCost = 150
    /// The written span must be this much costlier than the swapped one (or no word at all).
    static let swapMargin = 30

    // MARK: Judging

    private func judge(
        _ edit: Edit, _ s: [Unicode.Scalar], _ range: Range<Int>, _ tokens: [LanguageModel.Token],
        _ segmenter: Segmenter, floorLogit: Double,
        writtenFormal: inout WrittenLogProbs, writtenGeneral: inout WrittenLogProbs
    ) -> Slip? {
        let pad = LanguageModel.padding
        let lo = edit.range.lowerBound - range.lowerBound + pad, hi = edit.range.upperBound - range.lowerBound + pad
        let w = weights.of(edit.kind)
        // Most candidates fail the reach test below on the formal model alone; the model's terms are never positive,
        // so the gain only falls as they are added, and the sum can stop once that test must fail (exactly: the same
        // arithmetic on a larger gain already fails it).
        let hopeless = edit.kind == .redundant || dumpFeatures ? nil : Hopeless(weights: w, floorLogit: floorLogit)
        let gainFormal = Double(gain(model, tokens, lo, hi, edit.replacement, written: &writtenFormal, hopeless: hopeless))
        // The general model is a second opinion on a doubled word (it knows which words people do double: 0.79 →
        // 0.88 of the right candidates kept when fitted with it); on the other kinds it added nothing in official
        // prose, and it would double the time in everyday writing.
        let gainGeneral = edit.kind == .redundant ? Double(gain(general, tokens, lo, hi, edit.replacement, written: &writtenGeneral)) : 0
        let models = w.languageModel * gainFormal + w.generalModel * gainGeneral + w.bias
        // Out of reach of the floor even with the largest segmentation gain and the commonest words: not worth
        // segmenting for.
        if !dumpFeatures && models + w.reach < floorLogit { return nil }
        // The segmentation of the Han run around the edit, four characters either side, with and without it.
        var a = edit.range.lowerBound, b = edit.range.upperBound
        while a > range.lowerBound && a > edit.range.lowerBound - 4 && ScalarClass.isHan(s[a - 1].value) { a -= 1 }
        while b < range.upperBound && b < edit.range.upperBound + 4 && ScalarClass.isHan(s[b].value) { b += 1 }
        let written = Array(s[a..<b])
        var edited = written
        edited.replaceSubrange(edit.range.lowerBound - a..<edit.range.upperBound - a, with: edit.replacement)
        let writtenCost = written.withUnsafeBufferPointer { segmenter.cost(of: $0) }
        let editedCost = edited.withUnsafeBufferPointer { segmenter.cost(of: $0) }
        // A longer text costs more to segment whatever it says: an insertion is charged one ordinary character, a
        // deletion credited one.
        let lengthCost = (edit.replacement.count - edit.range.count) * Self.characterCost
        let gainSegmentation = Double(writtenCost - editedCost + lengthCost) / 10
        // How common the shown word is as written and as it would read: a slip makes a rare string of a common one.
        let meant = Slip.meant(s, shown: edit.shown, range: edit.range, replacement: edit.replacement)
        let writtenWord = Double(lexicon.entry(s[edit.shown])?.cost ?? Lexicon.unknownCost) / 10
        let meantWord = Double(lexicon.entry(meant)?.cost ?? Lexicon.unknownCost) / 10
        let z =
            models + w.segmentation * min(gainSegmentation, w.segmentationCap)
            + w.writtenWord * writtenWord + w.meantWord * meantWord + (edit.writtenName ? w.writtenName : 0)
        let confidence = TypoTuning.logistic(z)
        if let evidence {
            let line =
                "SLIP\t\(s.string(range))\t\(edit.kind)\t\(edit.range.lowerBound - range.lowerBound)\t\(edit.range.upperBound - range.lowerBound)\t\(String(String.UnicodeScalarView(edit.replacement)))\t\(gainFormal)\t\(gainGeneral)\t\(gainSegmentation)\t\(writtenWord)\t\(meantWord)\t\(confidence)\t\(edit.writtenName ? 1 : 0)\n"
            evidence.write(line)
        }
        return Slip(
            range: edit.range, replacement: Array(edit.replacement), kind: edit.kind, shown: edit.shown,
            confidence: confidence)
    }

    /// What one more character costs the segmentation on average (−ln p × 10 of a common single character).
    static let characterCost = 70

    /// log10 P(text with the edit) − log10 P(text as written), over the n-grams the edit touches: tokens[lo..<hi]
    /// become `replacement`, and the order − 1 tokens after it see a new history. The written side is the same for
    /// every candidate at a place (each insertion at one gap), so it is kept in `written`.
    private func gain(
        _ m: LanguageModel, _ t: [LanguageModel.Token], _ lo: Int, _ hi: Int,
        _ replacement: ShortScalars, written: inout WrittenLogProbs,
        hopeless: Hopeless? = nil
    ) -> Float {
        let tail = min(hi + m.order - 1, t.count)
        let before = written.value(lo, hi) {
            var total: Float = 0
            for k in lo..<tail { total += m.logProb(t, at: k) }
            return total
        }
        var (a, b, c) = (t[lo - 3], t[lo - 2], t[lo - 1])
        var after: Float = 0
        // Whether the sum may stop: it is hopeless, and the terms still to come can only lower it.
        let mayStop = hopeless != nil && m.neverPositive
        func add(_ term: Float) -> Bool {
            after += term
            return mayStop && hopeless?.test(after - before) == true
        }
        for scalar in replacement {
            // Both models share the lexicon's token ids.
            let w = model.token(scalar)
            if add(m.logProb(a, b, c, w)) { return after - before }
            (a, b, c) = (b, c, w)
        }
        for k in hi..<tail {
            if add(m.logProb(a, b, c, t[k])) { return after - before }
            (a, b, c) = (b, c, t[k])
        }
        return after - before
    }
}

/// Whether a candidate whose formal model's gain is `partial` so far is out of reach of the floor, whatever else it
/// gains (a value, not a closure: one is asked for each of the tens of thousands of candidates of a report).
struct Hopeless {
    let weights: SlipKindWeights
    let floorLogit: Double

    @inline(__always) func test(_ partial: Float) -> Bool {
        weights.languageModel * Double(partial) + weights.generalModel * 0 + weights.bias + weights.reach < floorLogit
    }
}

/// The written text's log-probability over each token span an edit replaces, computed once per span: a table by
/// the span's start and length (an edit replaces at most `maxSpan` characters), NaN where not yet known.
struct WrittenLogProbs {
    static let maxSpan = 4
    private var values: [Float]
    private let count: Int

    init(_ count: Int) {
        self.count = count
        values = [Float](repeating: .nan, count: count * (Self.maxSpan + 1))
    }

    mutating func value(_ lo: Int, _ hi: Int, _ compute: () -> Float) -> Float {
        guard hi - lo <= Self.maxSpan, lo < count else { return compute() }
        let index = (hi - lo) * count + lo
        if !values[index].isNaN { return values[index] }
        let v = compute()
        values[index] = v
        return v
    }
}

/// A slip found in the text: `range` of the written text (empty for a dropped character) should read
/// `replacement`; `shown` is the written word or phrase the message quotes.
struct Slip: Sendable, Equatable {
    enum Kind: String, Sendable, CaseIterable {
        case homophoneWord = "homophone-word", reorder, missing, redundant
    }

    let range: Range<Int>
    let replacement: [Unicode.Scalar]
    let kind: Kind
    let shown: Range<Int>
    let confidence: Double

    func with(confidence: Double) -> Slip {
        Slip(range: range, replacement: replacement, kind: kind, shown: shown, confidence: confidence)
    }
}

/// The evidence weights of one kind of slip (a logistic regression, `Scripts/fit-typo-weights.py`).
struct SlipKindWeights: Sendable, Equatable {
    /// Per log10 unit the formal and the general model prefer the edit (the general one for doubled words only).
    var languageModel: Double
    var generalModel: Double
    /// Per unit (−ln p, capped) the segmentation of the neighbourhood gets cheaper.
    var segmentation: Double
    var segmentationCap = 25.0
    /// Per unit (cost / 10) of the shown word as written and as it would read (255 when it is no word).
    var writtenWord: Double
    var meantWord: Double
    var bias: Double
    /// Added when the written word is tagged as a name (homophone words only).
    var writtenName = 0.0

    /// The most the terms other than the models' can add: the largest segmentation gain, the written word the rarest
    /// and the meant one the commonest they can be.
    var reach: Double {
        max(0, segmentation * segmentationCap) + max(0, writtenWord * 25.5) + max(0, meantWord * 25.5) + max(0, writtenName)
    }
}

struct SlipWeights: Sendable, Equatable {
    var homophoneWord: SlipKindWeights
    var reorder: SlipKindWeights
    var missing: SlipKindWeights
    var redundant: SlipKindWeights

    /// Sets `kind.weight` (`missing.bias`, `reorder.languageModel` …) for tuning runs.
    mutating func set(_ name: String, _ number: Double) -> Bool {
        let parts = name.split(separator: ".").map(String.init)
        guard parts.count == 2, let kind = Slip.Kind.allCases.first(where: { "\($0)" == parts[0] }) else { return false }
        var w = of(kind)
        switch parts[1] {
        case "languageModel": w.languageModel = number
        case "generalModel": w.generalModel = number
        case "segmentation": w.segmentation = number
        case "segmentationCap": w.segmentationCap = number
        case "writtenWord": w.writtenWord = number
        case "meantWord": w.meantWord = number
        case "bias": w.bias = number
        case "writtenName": w.writtenName = number
        default: return false
        }
        switch kind {
        case .homophoneWord: homophoneWord = w
        case .reorder: reorder = w
        case .missing: missing = w
        case .redundant: redundant = w
        }
        return true
    }

    func of(_ kind: Slip.Kind) -> SlipKindWeights {
        switch kind {
        case .homophoneWord: homophoneWord
        case .reorder: reorder
        case .missing: missing
        case .redundant: redundant
        }
    }

    /// Fitted by Scripts/fit-typo-weights.py on the tune part of the development set and ECSpell's odw.train
    /// (candidates of untouched held-out text weighted 4: about one slip in 800 characters). The bias is the kind's
    /// prior, as Simple-CSC's distortion priors are (same pinyin, reorder, missing, redundant); the general model
    /// counts for doubled words only. Homophone words keep the fit without ECSpell (0.48 of them found on the tune
    /// part against 0.41, at the same false alarms): ECSpell's few word slips pulled their prior down. Since words the
    /// dictionary tags as names are tried too (2026-12-06), their weights are that fit again with the names' term,
    /// which came out near zero (−0.04); it is set to −1 by hand on the tune part, where −0.04 changed a company's
    /// name (罗氏制药 → 落实) and −1 did not, keeping 234 of the 238 found (211 before names were tried; −2: 230).
    static let standard = SlipWeights(
        homophoneWord: SlipKindWeights(
            languageModel: 1.391, generalModel: 0, segmentation: 0.118, writtenWord: -0.321, meantWord: -0.415, bias: 0.568,
            writtenName: -1.0),
        reorder: SlipKindWeights(
            languageModel: 1.127, generalModel: 0, segmentation: 0.210, writtenWord: 0.187, meantWord: -0.418, bias: -6.784),
        missing: SlipKindWeights(
            languageModel: 1.244, generalModel: 0, segmentation: 0.178, writtenWord: -0.014, meantWord: -0.346, bias: -6.189),
        redundant: SlipKindWeights(
            languageModel: 0.531, generalModel: 1.337, segmentation: -0.095, writtenWord: -0.031, meantWord: -0.643, bias: -0.001))
}

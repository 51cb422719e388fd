import Foundation

/// A proposed correction of one character.
struct TypoFinding: Sendable {
    let position: Int
    let replacement: Unicode.Scalar
    let confidence: Double
    let kind: Lexicon.Confusion
    /// The dictionary word the replacement forms with its neighbours (for the message).
    let word: Range<Int>

    func with(confidence: Double) -> TypoFinding {
        TypoFinding(position: position, replacement: replacement, confidence: confidence, kind: kind, word: word)
    }
}

/// Character typos by noisy-channel scoring. For each character not protected by a frequent word or a name, every
/// confusable character (same or similar sound, similar shape) that forms a dictionary word with its neighbours is
/// scored by three pieces of evidence: how much the language models prefer it, how much cheaper the maximum-probability
/// segmentation of the neighbourhood becomes, and how much rarer the written character is. A logistic of the weighted
/// sum is the confidence, with the weights of the paragraph's register: official prose is judged by the formal
/// model; everyday writing (a letter, a learner's essay, a review pasted in) by the general model and the formal one
/// together. Both models are character four-grams (three characters of context).
struct CharacterTypoFinder: Sendable {
    let tuning: TypoTuning
    private let lexicon = Lexicon.shared
    private let model = LanguageModel.shared
    private let general = LanguageModel.general

    init(tuning: TypoTuning = .standard) { self.tuning = tuning }
    /// Whether each scored candidate's evidence is written out (`TypoEvidence`): every candidate is then scored in
    /// full, none cut short.
    var dumpFeatures: Bool { tuning.evidence != nil }

    func findings(_ analysis: Analysis) -> [TypoFinding] {
        var out: [TypoFinding] = []
        // Corrections made so far are written into this copy, so that their neighbours are judged in corrected
        // context.
        var s = analysis.scalars
        analysis.forEachParagraph { range, words in findings(analysis, &s, range, words, into: &out) }
        return out.sorted { $0.position < $1.position }
    }

    private func findings(
        _ analysis: Analysis, _ s: inout [Unicode.Scalar], _ range: Range<Int>,
        _ words: ArraySlice<Word>, into out: inout [TypoFinding]
    ) {
        var open = Self.openPositions(s, range, words, protectedWordCost: tuning.protectedWordCost)
        // Characters inside a frequent two-character word may still be slips that made another real word (水务 for
        // 税务, 肿大 for 重大): they are tried too, but only that word may change, into a far cheaper one.
        var enclosing = [Range<Int>?](repeating: nil, count: range.count)
        if tuning.frequentWordGain > 0 {
            for word in words where word.range.count == 2 {
                guard case .known(_, let tag) = word.kind, !lexicon.isName(tagIndex: tag) else { continue }
                for q in word.range where !open[q - range.lowerBound] { enclosing[q - range.lowerBound] = word.range }
            }
            for q in range where Self.isPlaceholder(s[q]) || Self.isNumeral(s[q]) {
                for r in max(range.lowerBound, q - 1)..<min(range.upperBound, q + 2) { enclosing[r - range.lowerBound] = nil }
            }
        }
        guard open.contains(true) || enclosing.contains(where: { $0 != nil }) else { return }

        // Model tokens with begin-of-line tokens in front: token(p) is at tokens[p - range.lowerBound + pad].
        let pad = LanguageModel.padding
        var tokens = [LanguageModel.Token](repeating: LanguageModel.begin, count: range.count + pad + 1)
        for p in range { tokens[p - range.lowerBound + pad] = model.token(s[p]) }
        tokens[range.count + pad] = LanguageModel.end
        let everyday = isEveryday(tokens)

        func score(_ p: Int) -> TypoFinding? {
            let k = p - range.lowerBound
            guard open[k] || enclosing[k] != nil else { return nil }
            return bestCandidate(
                s, p, range, &tokens, analysis.segmenter, everyday: everyday,
                minimumGain: open[k] ? tuning.minimumGain : tuning.frequentWordGain,
                only: open[k] ? nil : enclosing[k])
        }
        // Surest first: the surest correction is made, then its neighbours are judged again in the corrected text
        // (two slips in one sentence are common). Left to right, 比塞 became 闭塞 before 塞 → 赛 (比赛) was seen.
        var pending = range.map(score)
        while let k = pending.indices.max(by: { (pending[$0]?.confidence ?? -1) < (pending[$1]?.confidence ?? -1) }),
            let best = pending[k], best.confidence >= Self.contextConfidence
        {
            out.append(best)
            pending[k] = nil
            open[k] = false
            enclosing[k] = nil
            s[best.position] = best.replacement
            tokens[k + pad] = model.token(best.replacement)
            for q in max(0, k - Self.neighbourhood)..<min(range.count, k + Self.neighbourhood + 1) where q != k {
                pending[q] = score(range.lowerBound + q)
            }
        }
        out.append(contentsOf: pending.compactMap { $0 })
    }

    /// How far a correction reaches: the characters a candidate's word and its re-segmented window may span.
    static let neighbourhood = 4

    /// Whether a paragraph is everyday writing: the general model explains it better than the formal one by more than
    /// `registerMargin` log10 units a character plus `registerPrior` in all (see TypoTuning).
    func isEveryday(_ tokens: [LanguageModel.Token]) -> Bool {
        var formalLog: Float = 0, generalLog: Float = 0
        for k in LanguageModel.padding..<tokens.count {
            formalLog += model.logProb(tokens, at: k)
            generalLog += general.logProb(tokens, at: k)
        }
        let characters = Double(tokens.count - LanguageModel.padding - 1)
        let evidence = Double(generalLog - formalLog) - tuning.registerMargin * (characters + 1)
        tuning.evidence?.write("REGISTER\t\(evidence)\t\(characters)\n")
        return evidence > tuning.registerPrior
    }

    /// Function characters writers confuse with each other (gongwen-norms §5 的/地/得 and the like); between two
    /// of one group, no word decides, only the model.
    @inline(__always) static func functionGroup(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "的", "地", "得": return 0
        case "在", "再": return 1
        case "那", "哪": return 2
        case "做", "作": return 3
        case "象", "像": return 4
        case "坐", "座": return 5
        case "即", "既": return 6
        case "已", "以", "己": return 7
        case "带", "戴": return 8
        default: return nil
        }
    }

    /// Pronouns differ in meaning, not spelling: 他/她/它 are never each other's typo.
    @inline(__always) static func isPronoun(_ s: Unicode.Scalar) -> Bool {
        s == "他" || s == "她" || s == "它" || s == "你" || s == "您" || s == "祂"
    }

    /// Whether two characters that form no longer word either way may still be compared by the model alone: a
    /// function-character group, or two frequent single-character words with the same sound (根/跟, 完/玩, 座/坐).
    /// `group` and `pronoun` are the written character's (`functionGroup`, `isPronoun`), asked once per position
    /// rather than once for each of its dozens of confusable characters.
    @inline(__always) func aloneCandidates(
        written group: Int?, pronoun: Bool, _ candidate: Unicode.Scalar, _ kind: Lexicon.Confusion
    ) -> Bool {
        if let group { return group == Self.functionGroup(candidate) }
        guard kind.contains(.sameSoundSameTone) || kind.contains(.sameSoundOtherTone), !pronoun, !Self.isPronoun(candidate)
        else { return false }
        return lexicon.singleWordCost(candidate) <= tuning.functionCharacterCost
    }

    /// Same-sound single-character words tried by the models alone at one position, outside the function groups.
    static let aloneCandidateLimit = 3

    /// The logit of the lowest confidence the rule reports (`TypoFindings.floor`).
    static let floorLogit = TypoTuning.logit(TypoFindings.floor)

    /// A correction at least this sure becomes the context for the positions after it.
    static let contextConfidence = 0.5

    /// Positions of `range` a correction may touch: characters the dictionary does not know as a word, single-character
    /// words and rare words, but never names, the user's words, frequent words, or a placeholder and its neighbours.
    static func openPositions(
        _ s: [Unicode.Scalar], _ range: Range<Int>, _ words: ArraySlice<Word>,
        protectedWordCost: Int
    ) -> [Bool] {
        var open = [Bool](repeating: false, count: range.count)
        for word in words {
            switch word.kind {
            case .unknown:
                open[word.range.lowerBound - range.lowerBound] = true
            case .known(let cost, let tag):
                if word.range.count == 1 || (!Lexicon.shared.isName(tagIndex: tag) && cost > protectedWordCost) {
                    for p in word.range { open[p - range.lowerBound] = true }
                }
            default:
                break
            }
        }
        closePersonNames(s, range, &open)
        closeNameLists(s, range, &open)
        // Placeholders and their neighbours (XX局, 某某同志) are the template's, not typos; Chinese numerals and what
        // abuts them (六二六小河, 十四冬, 一产) are names and abbreviations more often than slips. Arabic digits close
        // nothing: the word after them is a unit or a measure word (41人, 650例, 2025年), where a slip of the input
        // method (41耳, 2025念) is as likely as anywhere.
        for p in range where isPlaceholder(s[p]) || (isNumeral(s[p]) && !ScalarClass.isArabicDigit(s[p].value)) {
            // A lone numeral closes only itself: 二等奖 may be written 二登奖; a run of them (十四冬, 六二六) or a
            // placeholder closes its neighbours too.
            let run =
                isPlaceholder(s[p]) || (p > range.lowerBound && isNumeral(s[p - 1]))
                || (p + 1 < range.upperBound && isNumeral(s[p + 1]))
            let reach = run ? 1 : 0
            for q in max(range.lowerBound, p - reach)..<min(range.upperBound, p + reach + 1) { open[q - range.lowerBound] = false }
        }
        return open
    }

    /// The most common surnames (they cover most officials' names).
    static let surnames: Set<Unicode.Scalar> = Set(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
            .unicodeScalars)

    /// Titles and forms of address that follow a name: 张晓伟同志, 李明书记, 王芳（女）.
    static let titles = KeywordMatcher([
        "同志", "书记", "主任", "局长", "县长", "市长", "区长", "省长", "部长", "处长",
        "科长", "镇长", "乡长", "村长", "主席", "委员", "代表", "先生", "女士", "老师",
        "教授", "经理", "厂长", "院长", "校长", "所长", "队长", "组长", "董事长", "总经理",
        "副书记", "副主任", "副局长", "副县长", "副市长", "副区长", "副镇长", "（女", "(女",
    ])

    /// Closes the characters of a person's name: a common surname and one or two more characters right before a title
    /// (张晓伟同志, 李明副局长), or after a title and spaces where the name ends the line or a clause (区长　杨国宏,
    /// the signature under a report). Names are never typos, and most are in no dictionary.
    private static func closePersonNames(_ s: [Unicode.Scalar], _ range: Range<Int>, _ open: inout [Bool]) {
        for hit in titles.matches(in: s, range) {
            let title = hit.range.lowerBound
            for length in [3, 2]
            where title - length >= range.lowerBound && surnames.contains(s[title - length])
                && (title - length..<title).allSatisfy({ ScalarClass.isHan(s[$0].value) })
            {
                for q in title - length..<title { open[q - range.lowerBound] = false }
                break
            }
            var start = hit.range.upperBound
            while start < range.upperBound && s[start].properties.isWhitespace { start += 1 }
            guard start > hit.range.upperBound, start < range.upperBound, surnames.contains(s[start]) else { continue }
            var end = start + 1
            while end < range.upperBound && end < start + 3 && ScalarClass.isHan(s[end].value) { end += 1 }
            if end == range.upperBound || !ScalarClass.isHan(s[end].value) {
                for q in start..<end { open[q - range.lowerBound] = false }
            }
        }
    }

    /// Closes the members of a list of people's names (获奖者王小惠、尼玛拉毛、邢少云、刘志宏): three or more members
    /// joined by 、, at least three of them and half of all a common surname and one to three characters that make no
    /// dictionary word. Every member of two to four characters that makes no word is then a name, surname or not.
    private static func closeNameLists(_ s: [Unicode.Scalar], _ range: Range<Int>, _ open: inout [Bool]) {
        var p = range.lowerBound
        while p < range.upperBound {
            guard s[p] == "、" else {
                p += 1
                continue
            }
            // The list around this 、: Han members joined by 、, from the member before it on.
            var start = p
            while start > range.lowerBound && ScalarClass.isHan(s[start - 1].value) { start -= 1 }
            var members: [Range<Int>] = []
            var q = start
            while true {
                var end = q
                while end < range.upperBound && ScalarClass.isHan(s[end].value) { end += 1 }
                members.append(q..<end)
                guard end < range.upperBound, s[end] == "、" else { break }
                q = end + 1
            }
            p = members.last!.upperBound + 1
            guard members.count >= 3 else { continue }
            let lexicon = Lexicon.shared
            func isWord(_ m: Range<Int>) -> Bool { lexicon.entry(s[m]) != nil }
            let named = members.filter { m in (2...4).contains(m.count) && surnames.contains(s[m.lowerBound]) && !isWord(m) }
            guard named.count >= 3, 2 * named.count >= members.count else { continue }
            for m in members where (2...4).contains(m.count) && !isWord(m) {
                for r in m { open[r - range.lowerBound] = false }
            }
        }
    }

    static func isNumeral(_ s: Unicode.Scalar) -> Bool {
        ScalarClass.isArabicDigit(s.value) || ChineseNumeral.isNumeralCharacter(s.value) || s == "千"
            || s == "万" || s == "亿"
    }

    static func isPlaceholder(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "X", "x", "Ｘ", "ｘ", "×", "*", "＊", "某", "○", "〇", "□", "_", "＿": return true
        default: return false
        }
    }

    /// The Han run around p, clipped to `span` characters each side.
    private func run(_ s: [Unicode.Scalar], _ p: Int, _ range: Range<Int>, _ span: Int) -> Range<Int> {
        var lo = p, hi = p + 1
        while lo > range.lowerBound && lo > p - span && ScalarClass.isHan(s[lo - 1].value) { lo -= 1 }
        while hi < range.upperBound && hi < p + 1 + span && ScalarClass.isHan(s[hi].value) { hi += 1 }
        return lo..<hi
    }

    /// What `cheapestWord` needs of p's neighbours, whatever the candidate: the pair blocks of the characters either
    /// side and whether the written pairs beyond them occur inside some word. Read once per position, so that a
    /// candidate costs two bit tests before any word is looked up.
    private struct Neighbours {
        let follows: PairBlocks.Block, precedes: PairBlocks.Block
        let hasLeft: Bool, hasRight: Bool
        /// The written pairs at p − 3, p − 2, p + 1, p + 2 (see `cheapestWord`).
        let pair3: Bool, pair2: Bool, pairAfter1: Bool, pairAfter2: Bool

        init(_ s: [Unicode.Scalar], _ p: Int, _ run: Range<Int>, _ lexicon: Lexicon) {
            follows = p > 0 ? lexicon.followerBlock(of: s[p - 1]) : PairBlocks.Block.none
            precedes = p + 1 < s.count ? lexicon.precedentBlock(of: s[p + 1]) : PairBlocks.Block.none
            hasLeft = p > run.lowerBound
            hasRight = p + 1 < run.upperBound
            func pairs(_ q: Int) -> Bool {
                q >= run.lowerBound && q + 1 < run.upperBound && lexicon.mayPair(s[q], s[q + 1], keyedBy: .first)
            }
            pair3 = pairs(p - 3)
            pair2 = pairs(p - 2)
            pairAfter1 = pairs(p + 1)
            pairAfter2 = pairs(p + 2)
            // The hash states of the written characters before p, and the characters after it, for the spans below.
            let at = { (q: Int) -> UInt32 in q >= 0 && q < s.count ? s[q].value : 0 }
            left1 = LexiconHash.step(LexiconHash.seed, at(p - 1))
            left2 = LexiconHash.step(LexiconHash.step(LexiconHash.seed, at(p - 2)), at(p - 1))
            left3 = LexiconHash.step(
                LexiconHash.step(LexiconHash.step(LexiconHash.seed, at(p - 3)), at(p - 2)), at(p - 1))
            (after1, after2, after3) = (at(p + 1), at(p + 2), at(p + 3))
        }

        /// The hash of the characters p − 1, p − 2…p − 1 and p − 3…p − 1, before p's character is stepped in.
        let left1: UInt64, left2: UInt64, left3: UInt64
        /// The values of the characters at p + 1, p + 2, p + 3 (0 beyond the text; used only inside the run).
        let after1: UInt32, after2: UInt32, after3: UInt32

        /// Whether a character with this `PairBlocks.hash` at p could form any word `cheapestWord` looks up: two
        /// bit tests, asked before anything else about each of a position's dozens of confusable characters.
        @inline(__always) func mayForm(_ hash: Int, only: Range<Int>?, at p: Int) -> Bool {
            if let only { return only.lowerBound == p ? precedes.contains(hash) : follows.contains(hash) }
            return (hasLeft && follows.contains(hash)) || (hasRight && precedes.contains(hash))
        }
    }

    /// The cheapest dictionary word of two or three characters that covers p, with `c` written at p. A span is looked
    /// up only when each adjacent pair in it occurs inside some word (the lexicon's pair blocks).
    private func cheapestWord(
        _ s: [Unicode.Scalar], _ p: Int, _ c: Unicode.Scalar, _ n: Neighbours,
        only: Range<Int>? = nil
    ) -> (cost: Int, range: Range<Int>)? {
        let hash = PairBlocks.hash(c)
        guard n.mayForm(hash, only: only, at: p) else { return nil }
        if let only {
            // Inside a frequent word: only that word's span may become another word.
            var h = LexiconHash.seed
            for q in only { h = LexiconHash.step(h, q == p ? c.value : s[q].value) }
            return lexicon.entry(hash: LexiconHash.mix(h)).map { ($0.cost, only) }
        }
        let left = n.hasLeft && n.follows.contains(hash)
        let right = n.hasRight && n.precedes.contains(hash)
        var best: (cost: Int, range: Range<Int>)?
        // Each span's hash is the state before p (shared by every candidate at p) stepped on through c and the
        // characters after it: `h` is the hash state of `span`'s characters.
        func consider(_ h: UInt64, _ span: Range<Int>) {
            if let cost = lexicon.entry(hash: LexiconHash.mix(h))?.cost, cost < (best?.cost ?? .max) { best = (cost, span) }
        }
        let v = c.value
        if left {
            let h1 = LexiconHash.step(n.left1, v)
            consider(h1, p - 1..<p + 1)
            if n.pair2 {
                let h2 = LexiconHash.step(n.left2, v)
                consider(h2, p - 2..<p + 1)
                if n.pair3 { consider(LexiconHash.step(n.left3, v), p - 3..<p + 1) }
                if right { consider(LexiconHash.step(h2, n.after1), p - 2..<p + 2) }
            }
            if right {
                let h12 = LexiconHash.step(h1, n.after1)
                consider(h12, p - 1..<p + 2)
                if n.pairAfter1 { consider(LexiconHash.step(h12, n.after2), p - 1..<p + 3) }
            }
        }
        if right {
            let h0 = LexiconHash.step(LexiconHash.step(LexiconHash.seed, v), n.after1)
            consider(h0, p..<p + 2)
            if n.pairAfter1 {
                let h01 = LexiconHash.step(h0, n.after2)
                consider(h01, p..<p + 3)
                if n.pairAfter2 { consider(LexiconHash.step(h01, n.after3), p..<p + 4) }
            }
        }
        return best
    }

    private func bestCandidate(
        _ s: [Unicode.Scalar], _ p: Int, _ range: Range<Int>,
        _ tokens: inout [LanguageModel.Token], _ segmenter: Segmenter,
        everyday: Bool, minimumGain: Int, only: Range<Int>? = nil
    ) -> TypoFinding? {
        let written = s[p]
        guard ScalarClass.isHan(written.value) else { return nil }
        let near = run(s, p, range, 3)
        guard near.count > 1 else { return nil }
        let neighbours = Neighbours(s, p, near, lexicon)
        let writtenWord = cheapestWord(s, p, written, neighbours, only: only)?.cost ?? Lexicon.unknownCost
        var survivors: [(Unicode.Scalar, Lexicon.Confusion, Range<Int>)] = []
        survivors.reserveCapacity(16)
        // Function characters (的/得/地, 在/再, 那/哪) make no longer word either way: the model alone judges them.
        let writtenMayBeAlone = lexicon.singleWordCost(written) <= tuning.functionCharacterCost
        let writtenGroup = Self.functionGroup(written), writtenPronoun = Self.isPronoun(written)
        var aloneCount = 0
        lexicon.forEachConfusion(of: written) { candidate, kind in
            guard let word = cheapestWord(s, p, candidate, neighbours, only: only), word.cost + minimumGain <= writtenWord else {
                // Turning a character into a numeral changes a number (市三届 → 十三届): never proposed. (Asked only
                // of the few candidates that would be kept.)
                if writtenMayBeAlone, aloneCandidates(written: writtenGroup, pronoun: writtenPronoun, candidate, kind),
                    !Self.isNumeral(candidate)
                {
                    // Outside the function groups, only the commonest same-sound words (most frequent first): a
                    // character like 是 has a dozen, each costing both models' lookups, and rarer ones never win.
                    if writtenGroup == nil {
                        aloneCount += 1
                        guard aloneCount <= Self.aloneCandidateLimit else { return }
                    }
                    survivors.append((candidate, kind, p..<p + 1))
                }
                return
            }
            if Self.isNumeral(candidate) { return }
            survivors.append((candidate, kind, word.range))
        }
        guard !survivors.isEmpty else { return nil }

        let wide = run(s, p, range, 4)
        let i = p - range.lowerBound + LanguageModel.padding
        let last = range.count + LanguageModel.padding
        let original = tokens[i]
        let window = Array(s[wide])
        // The written window's segmentation, computed when the first candidate needs it: most never do (below).
        var writtenSuffix: [Int] = []
        let k = p - wide.lowerBound
        let weights = everyday ? tuning.everyday : tuning.formal
        let useGeneral = weights.generalModel != 0 || dumpFeatures
        let writtenFormal = localLogProb(model, tokens, i, last)
        let writtenGeneral = useGeneral ? localLogProb(general, tokens, i, last) : 0
        var best: TypoFinding?
        var scratch = window
        // The most the terms other than the models' can add to a models-alone candidate's logit (see below).
        let aloneOffset =
            TypoTuning.aloneLogit - (weights.languageModel + weights.generalModel) * weights.aloneMargin
            + max(0, weights.segmentation * weights.segmentationCap) + max(0, weights.otherTone - weights.sameSound)
        // The most the segmentation term can add; no candidate below `hopelessLogit` without it is re-segmented for
        // (nor reported: even the document's own spelling elsewhere, `TypoFindings.weighed`, cannot lift it to the
        // floor). Every candidate is scored in full when its evidence is written out.
        let segmentationReach = weights.segmentation > 0 ? weights.segmentation * weights.segmentationCap : .infinity
        let hopelessLogit = dumpFeatures ? -Double.infinity : Self.floorLogit - TypoFindings.variantBonus
        // The formal model's terms are never positive, so its sum for a candidate only falls as terms are added:
        // it may stop once the candidate cannot reach `hopelessLogit` (models-alone candidates: the floor) with every
        // other term at its best. With the general model in play, every term is summed.
        let mayStop = !dumpFeatures && !useGeneral && model.neverPositive && weights.languageModel > 0
        for (candidate, kind, word) in survivors {
            tokens[i] = model.token(candidate)
            let alone = word.count == 1
            var stopBelow = -Float.infinity
            if mayStop {
                // lm × (sum − written) + best of the rest < bound ⇔ sum < written + (bound − best of the rest) / lm,
                // less a margin for rounding.
                let best =
                    alone
                    ? aloneOffset - Self.floorLogit
                    : segmentationReach
                        + nonModelTerms(
                            weights, written, candidate, kind, writtenWord,
                            Double(lexicon.characterCost(written) - lexicon.characterCost(candidate)) / 8) - hopelessLogit
                stopBelow = writtenFormal + Float(-best / weights.languageModel) - 1e-3
            }
            let formalSum = localLogProb(model, tokens, i, last, stopBelow: stopBelow)
            guard formalSum >= stopBelow else {
                tokens[i] = original
                continue
            }
            let gainFormal = Double(formalSum - writtenFormal)
            let gainGeneral = useGeneral ? Double(localLogProb(general, tokens, i, last) - writtenGeneral) : 0
            let evidence = weights.modelEvidence(formal: gainFormal, general: gainGeneral)
            tokens[i] = original
            // A candidate the models alone judge, which stays under the rule's floor even with the largest
            // segmentation gain, is not worth re-segmenting the neighbourhood for.
            if alone && evidence + aloneOffset < Self.floorLogit { continue }
            let rarity = Double(lexicon.characterCost(written) - lexicon.characterCost(candidate)) / 8
            // No word changes for a models-alone candidate: the word features say nothing, and the models'
            // preference decides.
            let aloneRest = evidence - (weights.languageModel + weights.generalModel) * weights.aloneMargin + TypoTuning.aloneLogit
            // (The bound keeps a hair's margin: it is summed in another order than the logit below.)
            guard
                alone
                    || evidence + segmentationReach + nonModelTerms(weights, written, candidate, kind, writtenWord, rarity) + 1e-9
                        >= hopelessLogit
            else { continue }
            if writtenSuffix.isEmpty { writtenSuffix = window.withUnsafeBufferPointer { segmenter.suffixCosts(of: $0) } }
            scratch[p - wide.lowerBound] = candidate
            let gainSegmentation =
                Double(
                    writtenSuffix[0]
                        - scratch.withUnsafeBufferPointer {
                            segmenter.cost(of: $0, changedAt: k, reusing: writtenSuffix)
                        }) / 10
            scratch[p - wide.lowerBound] = written
            let segmentationTerm = weights.segmentation * min(gainSegmentation, weights.segmentationCap)
            var z: Double
            if alone {
                z = aloneRest + segmentationTerm + (kind.contains(.sameSoundSameTone) ? 0 : weights.otherTone - weights.sameSound)
            } else {
                z =
                    evidence + segmentationTerm
                    + weights.rarity * max(0, rarity) + weights.writtenWord * Double(writtenWord) / 10
                    + weights.writtenCharacter * Double(lexicon.characterCost(written)) / 8
                    + weights.candidateCharacter * Double(lexicon.characterCost(candidate)) / 8 - weights.bias
                if kind.contains(.sameSoundSameTone) {
                    z += weights.sameSound
                } else if kind.contains(.sameSoundOtherTone) {
                    z += weights.otherTone
                } else if kind.contains(.similarShape) {
                    z += weights.similarShape
                } else {
                    z += weights.similarSound
                }
            }
            let confidence = TypoTuning.logistic(z)
            if let evidence = tuning.evidence {
                let line =
                    "FEAT\t\(String(String.UnicodeScalarView(s[range])))\t\(p - range.lowerBound)\t\(candidate)\t\(gainFormal)\t\(gainSegmentation)\t\(rarity)\t\(kind.rawValue)\t\(writtenWord)\t\(lexicon.characterCost(written))\t\(lexicon.characterCost(candidate))\t\(alone ? 1 : 0)\t\(gainGeneral)\t\(everyday ? 1 : 0)\t\(confidence)\n"
                evidence.write(line)
            }
            if confidence > (best?.confidence ?? 0) {
                best = TypoFinding(position: p, replacement: candidate, confidence: confidence, kind: kind, word: word)
            }
        }
        return best
    }

    /// A word-forming candidate's terms other than the models' and the segmentation's: the characters' rarity and
    /// costs, the written word's cost, the prior of how the two characters relate, and the bias.
    @inline(__always) private func nonModelTerms(
        _ weights: TypoWeights, _ written: Unicode.Scalar, _ candidate: Unicode.Scalar, _ kind: Lexicon.Confusion,
        _ writtenWord: Int, _ rarity: Double
    ) -> Double {
        let prior =
            kind.contains(.sameSoundSameTone)
            ? weights.sameSound
            : kind.contains(.sameSoundOtherTone)
                ? weights.otherTone : kind.contains(.similarShape) ? weights.similarShape : weights.similarSound
        return weights.rarity * max(0, rarity) + weights.writtenWord * Double(writtenWord) / 10
            + weights.writtenCharacter * Double(lexicon.characterCost(written)) / 8
            + weights.candidateCharacter * Double(lexicon.characterCost(candidate)) / 8 - weights.bias + prior
    }

    /// log10 of the model's n-grams that see tokens[i]: those ending at i … i + order − 1 (up to the end token at
    /// `last`).
    /// The sum stops as soon as it falls below `stopBelow` (the model's terms are never positive when a caller asks).
    private func localLogProb(
        _ model: LanguageModel, _ t: [LanguageModel.Token], _ i: Int, _ last: Int, stopBelow: Float = -.infinity
    ) -> Float {
        var total: Float = 0
        for k in i...min(i + model.order - 1, last) {
            total += model.logProb(t, at: k)
            if total < stopBelow { return total }
        }
        return total
    }
}

/// Residue of the web page a report template was copied from: advertising, membership offers, copyright and
/// "for study only" notices, "collected by … contact …" lines, QR-code and 公众号 prompts, pasted page chrome
/// (打印/字号/来源/浏览次数, breadcrumbs, time stamps) and contact details.
///
/// It is recognised by its nature, not by a list of one site's sentences: each paragraph (and each sentence in it) is
/// scored on generic features of web publishing — words addressed to a reader of a web page (关注/扫码/下载 with
/// 公众号/二维码/会员), rights notices, page-chrome labels, contact details — and strongly scored paragraphs gather the
/// weakly scored chrome around them into blocks. A long report paragraph that merely mentions 公众号 stays content.
public struct WebResidue: Sendable {
    public struct Block: Sendable {
        /// Paragraph indices of the block.
        public let paragraphs: ClosedRange<Int>
        /// From the first character of the first paragraph to the last character of the last one.
        public let range: Range<Int>
        /// What the fix deletes: whole lines, terminators included, so no blank line is left behind.
        public let removal: Range<Int>
        public let evidence: [String]
    }

    public struct Inline: Sendable {
        /// A sentence or bracketed note inside an otherwise genuine paragraph.
        public let range: Range<Int>
        public let evidence: [String]
    }

    public let blocks: [Block]
    public let inline: [Inline]
    /// Every contact detail in the document, inside residue or not.
    public let contacts: [ContactDetail]

    /// Scores at or above this make a paragraph or sentence residue by itself.
    static let strong = 3

    public init(_ document: Document) {
        let s = document.scalars
        var kinds: [LineKind] = []
        kinds.reserveCapacity(document.paragraphs.count)
        var evidence: [[String]] = []
        var inline: [Inline] = []
        var contacts: [ContactDetail] = []
        var pendingInline: [(paragraph: Int, item: Inline)] = []

        for p in document.paragraphs {
            guard !p.isBlank else { kinds.append(.blank); evidence.append([]); continue }
            let found = ContactDetail.scan(s, p.content)
            contacts.append(contentsOf: found)
            var total = Score()
            // Han characters outside sentences that are residue by themselves: a real sentence that merely holds a
            // phone number or the word 下载 is still substance, and substance is never swept into a block.
            var substantive = 0
            for segment in Self.segments(s, p.content) {
                let score = Score(s, segment, contacts: found.filter { segment.overlaps($0.range) })
                if score.value >= Self.strong {
                    pendingInline.append((p.index, Inline(range: segment, evidence: score.evidence)))
                } else {
                    substantive += segment.reduce(0) { $0 + (ScalarClass.isHan(s[$1].value) ? 1 : 0) }
                }
                total.add(score)
            }
            total.applyContentPenalty(s, p.content)
            let length = p.content.count
            let kind: LineKind
            // A paragraph is residue as a whole only when nothing of substance is left outside its residue sentences.
            if total.value >= Self.strong && substantive < 6 { kind = .strong }
            else if length <= 60 && (total.value >= 1 || Self.looksLikeChrome(s, p.content)) && substantive < 12 { kind = .weak }
            else { kind = .content }
            kinds.append(kind)
            evidence.append(total.evidence)
        }

        // Blocks: runs of strong and weak lines (blank lines bridge) holding at least one strong line.
        var blocks: [Block] = []
        var i = 0
        let paragraphs = document.paragraphs
        while i < kinds.count {
            guard kinds[i] == .strong || kinds[i] == .weak else { i += 1; continue }
            var j = i
            var last = i
            var hasStrong = false
            while j < kinds.count && kinds[j] != .content {
                if kinds[j] != .blank { last = j; hasStrong = hasStrong || kinds[j] == .strong }
                j += 1
            }
            if hasStrong {
                var reasons: [String] = []
                for k in i...last { for e in evidence[k] where !reasons.contains(e) { reasons.append(e) } }
                let start = paragraphs[i].range.lowerBound
                let end = paragraphs[last].range.upperBound
                // Remove the lines and their terminators; at the end of the text, the terminator before them.
                let removal: Range<Int>
                if last + 1 < paragraphs.count { removal = start..<paragraphs[last + 1].range.lowerBound }
                else if i > 0 { removal = paragraphs[i - 1].range.upperBound..<end }
                else { removal = start..<end }
                blocks.append(Block(paragraphs: i...last, range: paragraphs[i].content.lowerBound..<paragraphs[last].content.upperBound,
                                    removal: removal, evidence: reasons))
            }
            i = max(j, last + 1)
        }
        let inBlocks = Set(blocks.flatMap { Array($0.paragraphs) })
        for (paragraph, item) in pendingInline where !inBlocks.contains(paragraph) { inline.append(item) }
        self.blocks = blocks
        self.inline = inline
        self.contacts = contacts
        self.residueRanges = SortedRanges(blocks.map(\.range) + inline.map(\.range))
    }

    /// Whether `range` lies in residue that will be reported as a block or inline residue.
    public func covers(_ range: Range<Int>) -> Bool { residueRanges.contains(range) }

    private let residueRanges: SortedRanges

    private enum LineKind { case blank, strong, weak, content }

    /// Sentences (to 。！？) and bracketed notes （…）【…】 that close a paragraph.
    static func segments(_ s: [Unicode.Scalar], _ r: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = r.lowerBound
        var i = r.lowerBound
        while i < r.upperBound {
            let v = s[i].value
            if v == 0xFF08 || v == 0x3010 || v == 0x28 { // a bracketed note is a segment of its own
                let close: UInt32 = v == 0xFF08 ? 0xFF09 : (v == 0x3010 ? 0x3011 : 0x29)
                if let j = (i + 1..<min(r.upperBound, i + 200)).first(where: { s[$0].value == close }), j - i > 6 {
                    if i > start { out.append(start..<i) }
                    out.append(i..<(j + 1))
                    i = j + 1
                    start = i
                    continue
                }
            }
            if v == 0x3002 || v == 0xFF01 || v == 0xFF1F || v == 0x21 {
                var e = i + 1
                while e < r.upperBound && (s[e].value == 0x201D || s[e].value == 0x3002) { e += 1 }
                out.append(start..<e)
                start = e
                i = e
                continue
            }
            i += 1
        }
        if start < r.upperBound { out.append(start..<r.upperBound) }
        return out
    }

    /// Time stamps, breadcrumbs and toolbars: short lines made of separators, digits and Latin rather than prose.
    static func looksLikeChrome(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        var separators = 0, han = 0, dashDate = false
        var i = r.lowerBound
        while i < r.upperBound {
            let v = s[i].value
            if v == 0x7C || v == 0xFF5C || v == 0x4E28 || v == 0x3E || v == 0xBB || v == 0x203A || v == 0x2F { separators += 1 }
            if ScalarClass.isHan(v) { han += 1 }
            // 2023-12-05 or 2023/12/05
            if i + 6 < r.upperBound, ScalarClass.isASCIIDigit(v), (i + 3 < r.upperBound),
               (0..<4).allSatisfy({ ScalarClass.isASCIIDigit(s[i + $0].value) }),
               s[i + 4] == "-" || s[i + 4] == "/", ScalarClass.isASCIIDigit(s[i + 5].value) {
                dashDate = true
            }
            i += 1
        }
        return separators >= 2 || dashDate || (han == 0 && r.count >= 3)
    }
}

/// The evidence that a piece of text is web residue. Each kind of evidence counts once, at its highest weight, so a
/// legal paragraph that says 侵权 in three sentences is not three times as suspicious.
struct Score {
    private var weights: [String: Int] = [:]
    private(set) var evidence: [String] = []
    private var penalty = 0

    init() {}

    var value: Int { weights.values.reduce(0, +) - penalty }

    mutating func add(_ other: Score) {
        for e in other.evidence { note(other.weights[e] ?? 0, e) }
    }

    mutating func note(_ weight: Int, _ reason: String) {
        if let w = weights[reason] { weights[reason] = max(w, weight); return }
        weights[reason] = weight
        evidence.append(reason)
    }

    // Categories of words; each matched category counts once per segment.
    private static let lexicon: [(words: [String], category: Category)] = [
        // Said to a reader of a web page, never to the 组织部 (nor found in laws or reports).
        (["小编", "本文由", "本文来源", "本文来自", "文章来源", "转载请注明", "转载请", "版权所有", "版权归", "版权声明", "免责声明",
          "如有侵权", "若有侵权", "联系删除", "侵删", "仅供学习", "仅供参考学习", "仅供交流", "仅供个人", "仅供阅读", "请勿转载", "禁止转载",
          "原文链接", "阅读原文", "点击下方", "点击上方", "点击链接", "点击查看", "长按识别", "长按二维码", "扫码关注", "扫一扫",
          "关注公众号", "关注微信", "关注我们", "微信公众号", "公众号：", "公众号:", "更多范文", "更多精彩", "更多资料", "更多内容",
          "下载文档", "文档下载", "免费下载", "下载本文", "全文下载", "开通会员", "会员专享", "VIP会员", "VIP专享", "下载券", "本网站",
          "返回顶部", "返回首页", "打印本页", "关闭窗口", "分享到", "大 中 小", "阅读全文", "展开全文", "全文阅读", "上一篇", "下一篇",
          "相关推荐", "相关阅读", "相关文章", "推荐阅读", "猜你喜欢", "热门推荐", "热门文章", "精品范文", "范文网", "网友整理", "网友投稿",
          "整理发布", "来源于网络", "来自网络",
          // Document-sharing sites: download pitches and the lines they append to every file.
          "精品文档", "值得下载", "值得拥有", "下载后可", "可自由复制", "自由复制编辑", "可编辑", "word版", "Word版", "word文档",
          "Word文档", "欢迎下载", "感谢您的阅读", "感谢阅读", "谢谢阅读", "知识共享", "为大家整理", "为您整理", "希望对大家有所帮助",
          "希望对您有所帮助", "欢迎阅读参考"], .strong),
        // Rights wording that laws and reports use too: it counts only in a short sentence, and one alone is not enough.
        (["未经许可", "未经授权", "不得转载", "著作权", "收集整理", "侵权", "删除"], .notice),
        // Labels of page chrome, at the start of a short line.
        (["来源：", "来源:", "作者：", "作者:", "发布时间", "发布日期", "更新时间", "发表时间", "浏览次数", "浏览量", "阅读次数", "阅读量",
          "点击数", "点击量", "点击次数", "字号：", "字号:", "责任编辑", "编辑：", "标签：", "关键词：", "所属栏目", "栏目：", "分类：",
          "信息来源", "文章作者", "时间：", "日期："], .label),
        // Acts addressed to a reader, and the web objects they act on; a pair of the two is a prompt.
        (["关注", "扫码", "扫描", "长按", "点击", "下载", "复制", "转载", "收藏", "订阅", "回复", "咨询", "开通", "充值", "购买", "领取",
          "获取", "加入", "添加", "搜索", "登录", "注册", "私信", "留言"], .act),
        (["公众号", "二维码", "网站", "会员", "VIP", "vip", "链接", "网址", "客服", "微信", "QQ", "Q群", "群号", "文档", "模板", "积分",
          "账号", "APP", "小程序", "专栏", "频道", "粉丝"], .object),
        // Imperatives to a reader (a bare 请 would match 申请).
        (["欢迎", "敬请", "请您", "请点击", "请关注", "请访问", "请添加", "请联系", "请扫", "更多", "立即", "马上", "点此",
          "快来", "记得", "赶紧"], .imperative),
        // Page furniture that also occurs in prose, so it only tips the balance.
        (["打印", "字号", "首页", "点赞", "在看", "本站", "范文", "网友"], .chrome),
    ]

    private enum Category { case strong, notice, label, act, object, imperative, chrome }

    private static let matcher = KeywordMatcher(lexicon.flatMap(\.words))
    private static let categories: [Category] = lexicon.flatMap { entry in entry.words.map { _ in entry.category } }
    private static let allWords: [String] = lexicon.flatMap(\.words)

    init(_ s: [Unicode.Scalar], _ r: Range<Int>, contacts: [ContactDetail]) {
        var seen = Set<Int>()
        var act: String?, object: String?, imperative = false
        var chrome = 0
        // Web prompts and notices are short; a long sentence that happens to pair 获取 with 链接 is prose.
        let short = r.count <= 50
        Score.matcher.forEachMatch(in: s, r) { m in
            guard seen.insert(m.keyword).inserted else { return }
            let word = Score.allWords[m.keyword]
            switch Score.categories[m.keyword] {
            // In a long sentence even these are likelier quoted or legal wording (对于版权所有，一方…).
            case .strong: note(r.count <= 60 ? 3 : 2, "“\(word)”")
            case .notice: if short { note(1, "“\(word)”") }
            case .label:
                // A chrome label starts its line (or follows a separator) and the line is short.
                var p = m.range.lowerBound - 1
                while p >= r.lowerBound && ScalarClass.isInlineSpace(s[p].value) { p -= 1 }
                if r.count <= 60 && (p < r.lowerBound || "|｜丨】]".unicodeScalars.contains(s[p])) { note(2, "“\(word)”") }
            case .act: act = act ?? word
            case .object: object = object ?? word
            case .imperative: imperative = true
            case .chrome: chrome += 1
            }
        }
        if let act, let object, short {
            note(imperative ? 3 : 1, "“\(act)…\(object)”")
        } else if imperative, let w = object ?? act, r.count <= 40 {
            note(1, "“\(w)”")
        }
        if chrome > 0 && r.count <= 30 { note(chrome >= 2 ? 2 : 1, "网页按钮") }
        for feature in Score.pageFeatures(s, r) { note(3, feature) }
        // A breadcrumb: 首页 > 范文 > 述职报告.
        var arrows = 0
        for k in r where s[k] == ">" || s[k] == "»" || s[k] == "›" || s[k] == "＞" { arrows += 1 }
        if arrows >= 2 && r.count <= 40 { note(2, "导航路径") }
        for c in contacts {
            switch c.kind {
            case .qq, .wechat: note(3, c.kind.chinese)
            case .url:
                // A government site is cited in reports; any other site is what template pages advertise.
                let isGovernment = String(String.UnicodeScalarView(s[c.range])).lowercased().contains(".gov.cn")
                note(isGovernment ? 1 : 2, c.kind.chinese)
            case .email: note(2, c.kind.chinese)
            case .phone: note(1, c.kind.chinese)
            }
        }
    }

    /// Features of pages on document-sharing sites that no word list catches: a page footer (第 1 页 共 5 页, 2/8),
    /// an article marker of a multi-article page (【篇一】, 篇二：), a count of articles in a title (（通用6篇）), and a
    /// decorative rule of dashes or equals signs. Hand-written matchers over scalars: this runs for every sentence.
    static func pageFeatures(_ s: [Unicode.Scalar], _ r: Range<Int>) -> [String] {
        var found: [String] = []
        var dashes = 0, longestDashes = 0, visible = 0
        var page = false, article = false   // the characters the patterns below need: 页 / P, and 篇
        for i in r {
            let v = s[i].value
            if v == 0x2D || v == 0x3D || v == 0x2014 || v == 0x2500 || v == 0x2A { dashes += 1; longestDashes = max(longestDashes, dashes) } else { dashes = 0 }
            if v == 0x9875 || v == 0x2F || v == 0x50 { page = true }
            if v == 0x7BC7 { article = true }
            if !ScalarClass.isInlineSpace(v) { visible += 1 }
        }
        if longestDashes >= 10 { found.append("装饰分隔线") }
        let short = visible <= 24
        guard (page && short) || article else { return found }
        var t: [UInt32] = []
        t.reserveCapacity(visible)
        for i in r where !ScalarClass.isInlineSpace(s[i].value) { t.append(s[i].value) }
        if short && page && PagePattern.isPageFooter(t) { found.append("页码") }
        if short && article && PagePattern.isArticleMarker(t) { found.append("多篇范文的篇目标记") }
        if article && PagePattern.hasArticleCount(t) { found.append("“（通用N篇）”") }
        return found
    }

    /// Long paragraphs dense with the vocabulary of a work report are content even when they mention a website.
    mutating func applyContentPenalty(_ s: [Unicode.Scalar], _ r: Range<Int>) {
        guard value > 0, r.count > 80 else { return }
        var hits = 0
        Score.reportWords.forEachMatch(in: s, r) { _ in hits += 1 }
        if hits >= 4 { penalty = 2 }
    }

    private static let reportWords = KeywordMatcher(["党", "工作", "发展", "建设", "推进", "落实", "加强", "坚持", "全面", "深入",
                                                     "完成", "群众", "领导", "责任", "同比", "增长", "我们", "本人"])
}

/// Small matchers for the page features above, over the visible scalars of a short line.
enum PagePattern {
    private static func digits(_ t: [UInt32], _ i: inout Int) -> Bool {
        let start = i
        while i < t.count && ScalarClass.isASCIIDigit(t[i]) { i += 1 }
        return i > start
    }

    private static func numeral(_ t: [UInt32], _ i: inout Int) -> Bool {
        let start = i
        while i < t.count && (ScalarClass.isASCIIDigit(t[i]) || ChineseNumeral.isNumeralCharacter(t[i])) { i += 1 }
        return i > start
    }

    private static func take(_ t: [UInt32], _ i: inout Int, _ options: String) -> Bool {
        guard i < t.count, options.unicodeScalars.contains(where: { $0.value == t[i] }) else { return false }
        i += 1
        return true
    }

    /// 第1页共5页, 第1页/共5页, 2/8, -3-, —3—, Page1of5.
    static func isPageFooter(_ t: [UInt32]) -> Bool {
        var i = 0
        if take(t, &i, "第") {
            guard digits(t, &i), take(t, &i, "页") else { return false }
            _ = take(t, &i, ",，/")
            return take(t, &i, "共") && digits(t, &i) && take(t, &i, "页") && i == t.count
        }
        if take(t, &i, "-—–") { return digits(t, &i) && take(t, &i, "-—–") && i == t.count }
        if take(t, &i, "P") {
            return take(t, &i, "a") && take(t, &i, "g") && take(t, &i, "e") && digits(t, &i) && take(t, &i, "o") && take(t, &i, "f")
                && digits(t, &i) && i == t.count
        }
        return digits(t, &i) && take(t, &i, "/") && digits(t, &i) && i == t.count
    }

    /// 【篇一】, 篇二：, 第三篇, (篇4) on a line of its own, or a line that begins with 【篇一】.
    static func isArticleMarker(_ t: [UInt32]) -> Bool {
        var i = 0
        let bracketed = take(t, &i, "【[（(")
        if take(t, &i, "篇") {
            guard numeral(t, &i) else { return false }
        } else if take(t, &i, "第") {
            guard numeral(t, &i), take(t, &i, "篇") else { return false }
        } else {
            return false
        }
        let closed = take(t, &i, "】]）)")
        if bracketed && closed && t.first == 0x3010 { return true } // 【篇一】 may head a line
        _ = take(t, &i, "：:")
        return i == t.count
    }

    /// （通用6篇）, (精选5篇), （3篇） anywhere in the text.
    static func hasArticleCount(_ t: [UInt32]) -> Bool {
        for start in t.indices where t[start] == 0xFF08 || t[start] == 0x28 {
            var i = start + 1
            for word in ["通用", "精选", "优选", "热门", "推荐", "最新"] {
                let w = word.unicodeScalars.map(\.value)
                if i + w.count <= t.count && Array(t[i..<(i + w.count)]) == w { i += w.count; break }
            }
            if numeral(t, &i), take(t, &i, "篇"), take(t, &i, "）)") { return true }
        }
        return false
    }
}

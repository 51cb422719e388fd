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
        // Read through converted script: a mirror's 版權所有 and 小編 are a site's words as much as 版权所有 and 小编.
        let (s, converted) = TraditionalCharacters.simplify(document.scalars)
        // …unless the whole text is in traditional script (a report from Hong Kong or Taiwan is not a mirror).
        let readsConverted = converted > 0 && converted * 3 < document.scalars.count { ScalarClass.isHan($0.value) }
        var kinds: [LineKind] = []
        kinds.reserveCapacity(document.paragraphs.count)
        var evidence: [[String]] = []
        var lineScores: [Int] = []
        var inline: [Inline] = []
        var contacts: [ContactDetail] = []
        var pendingInline: [(paragraph: Int, item: Inline)] = []

        for p in document.paragraphs {
            guard !p.isBlank else { kinds.append(.blank); evidence.append([]); lineScores.append(0); continue }
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
            // A line in converted traditional script inside a simplified report comes from a mirror page.
            var traditional = 0, han = 0
            for k in p.content where readsConverted && ScalarClass.isHan(document.scalars[k].value) {
                han += 1
                if s[k] != document.scalars[k] { traditional += 1 }
            }
            if readsConverted && traditional >= 3 && traditional * 5 >= han { total.note(2, "繁体转换文字") }
            total.applyContentPenalty(s, p.content)
            let length = p.content.count
            let kind: LineKind
            // A paragraph is residue as a whole only when nothing of substance is left outside its residue sentences.
            if total.value >= Self.strong && substantive < 6 {
                kind = .strong
            } else if length <= 60 && (total.value >= 1 || Self.looksLikeChrome(s, p.content)) && substantive < 12 {
                kind = .weak
            } else {
                kind = .content
            }
            kinds.append(kind)
            evidence.append(total.evidence)
            lineScores.append(max(0, total.value))
        }

        let paragraphs = document.paragraphs
        // The edges: what stands before the report's first line and after its last is the page around it, so there
        // weaker evidence makes a block and the short lines between residue lines go with it (三一办公, 全部分类).
        let span = Self.reportSpan(s, paragraphs, kinds, lineScores)
        var edges: [ClosedRange<Int>] = []
        if let first = span?.lowerBound, let head = Self.edgeBlock(kinds, lineScores, paragraphs, 0..<first, s, fromStart: true) {
            edges.append(head)
        }
        if let last = span?.upperBound,
            let tail = Self.edgeBlock(kinds, lineScores, paragraphs, last + 1..<kinds.count, s, fromStart: false)
        {
            edges.append(tail)
        }
        // Chrome right under the title (发布时间, 浏览次数, 标签 lines): before the first line of the report's text.
        if let first = span?.lowerBound {
            var k = first + 1
            var run: [Int] = []
            while k < kinds.count, kinds[k] != .content || paragraphs[k].content.count <= 40, run.count < 6 {
                if kinds[k] != .blank && lineScores[k] >= 2 && kinds[k] != .content {
                    run.append(k)
                } else if kinds[k] == .content && !run.isEmpty {
                    break
                }
                k += 1
            }
            if let a = run.first, let b = run.last, !Self.isProse(s, paragraphs[first].content) { edges.append(a...b) }
        }
        for edge in edges {
            for k in edge where kinds[k] != .blank { kinds[k] = .strong }
        }

        // Blocks: runs of strong and weak lines (blank lines bridge) holding at least one strong line.
        var blocks: [Block] = []
        var i = 0
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
                if last + 1 < paragraphs.count {
                    removal = start..<paragraphs[last + 1].range.lowerBound
                } else if i > 0 {
                    removal = paragraphs[i - 1].range.upperBound..<end
                } else {
                    removal = start..<end
                }
                blocks.append(
                    Block(
                        paragraphs: i...last, range: paragraphs[i].content.lowerBound..<paragraphs[last].content.upperBound,
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
        self.blockRanges = SortedRanges(blocks.map(\.range))
    }

    /// Whether `range` lies in residue that will be reported as a block or inline residue.
    public func covers(_ range: Range<Int>) -> Bool { residueRanges.contains(range) }

    /// Whether `range` lies in a residue block (whole lines the fix deletes).
    public func blockCovers(_ range: Range<Int>) -> Bool { blockRanges.contains(range) }

    private let blockRanges: SortedRanges

    private let residueRanges: SortedRanges

    enum LineKind { case blank, strong, weak, content }

    /// Sentences (to 。！？) and bracketed notes （…）【…】 that close a paragraph.
    static func segments(_ s: [Unicode.Scalar], _ r: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = r.lowerBound
        var i = r.lowerBound
        while i < r.upperBound {
            let v = s[i].value
            if v == 0xFF08 || v == 0x3010 || v == 0x28 {  // a bracketed note is a segment of its own
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
                s[i + 4] == "-" || s[i + 4] == "/", ScalarClass.isASCIIDigit(s[i + 5].value)
            {
                dashDate = true
            }
            i += 1
        }
        return separators >= 2 || dashDate || (han == 0 && r.count >= 3)
    }
}

extension WebResidue {
    /// The first and last paragraph of the report itself: from its title, salutation, first heading or first line of
    /// prose to its last line of prose or its 落款. Nil when nothing reads as a report.
    static func reportSpan(_ s: [Unicode.Scalar], _ paragraphs: [Paragraph], _ kinds: [LineKind], _ scores: [Int]) -> ClosedRange<Int>? {
        // The report opens with a line that carries no more than a trace of residue evidence.
        guard
            let first = paragraphs.indices.first(where: {
                kinds[$0] == .content && scores[$0] <= 1 && opensReport(s, paragraphs[$0].content)
            })
        else { return nil }
        var last = first
        for k in paragraphs.indices.reversed() where k > first && kinds[k] == .content && scores[k] <= 1 {
            let r = paragraphs[k].content
            if isSentence(s, r) || closesReport(s, r) { last = k; break }
        }
        return first...last
    }

    /// A title (a short line that names a kind of document), a salutation, a numbered heading or prose.
    static func opensReport(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        if HeadingMarker.parse(s, at: r.lowerBound, end: r.upperBound) != nil { return true }
        if isProse(s, r) { return true }
        let han = r.filter { ScalarClass.isHan(s[$0].value) }.map { s[$0] }
        guard han.count <= 60 else { return false }
        if let last = r.last, (s[last] == "：" || s[last] == ":"), han.count <= 16, Score.addressees.contains(han) { return true }
        return documentNames.contains(han)
    }

    /// The kinds of text a report (or the speech or summary it was bought as) calls itself in its title.
    private static let documentNames = KeywordScan([
        "报告", "总结", "述职", "讲话", "发言", "汇报", "材料", "体会", "规划", "方案",
        "意见", "通知", "办法", "细则", "计划", "决定", "纪要", "公报", "致辞",
        "法", "条例", "规定", "章程", "准则",
    ])

    /// A sentence of the report: at least twenty Han characters and sentence punctuation.
    static func isProse(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        var han = 0, stop = false
        for k in r {
            let v = s[k].value
            if ScalarClass.isHan(v) {
                han += 1
            } else if v == 0x3002 || v == 0xFF0C || v == 0xFF1B || v == 0xFF1F || v == 0xFF01 {
                stop = true
            }
        }
        return han >= 20 && stop
    }

    /// A line that ends a sentence of the report (。！？；), however short.
    static func isSentence(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        r.contains { s[$0].value == 0x3002 || s[$0].value == 0xFF1B || s[$0].value == 0xFF1F || s[$0].value == 0xFF01 }
    }

    /// The 落款: a date line (2025年1月10日) or a signature (述职人：…).
    static func closesReport(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard r.count <= 30 else { return false }
        let text = s[r]
        if let last = text.last, last == "日", text.contains("年"), text.contains("月") { return true }
        return text.starts(with: "述职人".unicodeScalars) || text.starts(with: "汇报人".unicodeScalars) || text.starts(with: "报告人".unicodeScalars)
    }

    /// The residue block of one edge of the text (the lines in `region`), if its evidence is enough: a strong line,
    /// two lines of residue, or three points of evidence together (two before the report: nothing but a title and a
    /// cover stands there). Before the report the whole region goes (the
    /// page's own title and short lines between the chrome); after it, from the first residue line on.
    static func edgeBlock(
        _ kinds: [LineKind], _ scores: [Int], _ paragraphs: [Paragraph], _ region: Range<Int>,
        _ s: [Unicode.Scalar], fromStart: Bool
    ) -> ClosedRange<Int>? {
        let lines = region.filter { kinds[$0] != .blank }
        // Outside the report any evidence counts, even in a line long enough to pass for content in the text.
        let residue = lines.filter { kinds[$0] == .strong || kinds[$0] == .weak || scores[$0] > 0 }
        guard let firstResidue = residue.first, let lastLine = lines.last else { return nil }
        let strong = residue.contains { kinds[$0] == .strong }
        let points = lines.reduce(0) { $0 + scores[$1] }
        // Lines that only look like chrome (rules of dashes, dates) need a word of evidence beside them.
        guard strong || (residue.count >= 2 && points >= 2) || points >= (fromStart ? 2 : 3) else { return nil }
        // After the report the block runs from the first residue line to the last one: a line of text after it is
        // not the page's for want of evidence.
        let from = fromStart ? lines[0] : firstResidue
        let to = fromStart ? lastLine : residue.last ?? lastLine
        // A sentence between is the report's, not the page's: then the block stops short of it.
        for k in from...to
        where kinds[k] == .content && scores[k] <= 1
            && (isProse(s, paragraphs[k].content) || (!fromStart && isSentence(s, paragraphs[k].content)))
        {
            return fromStart ? (k > from ? from...(k - 1) : nil) : nil
        }
        return from...to
    }
}

/// Whether a short run of Han characters contains one of a few words (a tiny matcher over scalars).
struct KeywordScan: Sendable {
    private let words: [[Unicode.Scalar]]
    init(_ words: [String]) { self.words = words.map { Array($0.unicodeScalars) } }
    func contains(_ text: [Unicode.Scalar]) -> Bool {
        words.contains { w in
            guard text.count >= w.count else { return false }
            return (0...(text.count - w.count)).contains { i in (0..<w.count).allSatisfy { text[i + $0] == w[$0] } }
        }
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
        (
            [
                "小编", "本文由", "本文来源", "本文来自", "文章来源", "转载请注明", "转载请", "版权所有", "版权归", "版权声明", "免责声明",
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
                "希望对您有所帮助", "欢迎阅读参考",
                // The platform speaking of its users' files: a report never calls itself 本文档 or its writer a 用户.
                "本文档", "用户上传", "上传人", "会员分享", "内容提供方", "版权说明",
                // A site's registration and its group for readers; a site guessing what the reader likes.
                "ICP备", "ICP证", "公网安备", "群号：", "群号:", "猜你", "由我整理", "小编整理",
            ], .strong
        ),
        // Rights wording that laws and reports use too: it counts only in a short sentence, and one alone is not enough.
        (["未经许可", "未经授权", "不得转载", "著作权", "收集整理", "侵权", "删除"], .notice),
        // Labels of page chrome, at the start of a short line.
        (
            [
                "来源：", "来源:", "作者：", "作者:", "发布时间", "发布日期", "更新时间", "发表时间", "浏览次数", "浏览量", "阅读次数", "阅读量",
                "点击数", "点击量", "点击次数", "字号：", "字号:", "责任编辑", "编辑：", "标签：", "关键词：", "所属栏目", "栏目：", "分类：",
                "信息来源", "文章作者", "时间：", "日期：", "编辑:", "标签:", "关键词:", "栏目:", "分类:", "时间:", "日期:", "当前位置", "现在位置", "您的位置", "所在位置",
            ], .label
        ),
        // Acts addressed to a reader, and the web objects they act on; a pair of the two is a prompt.
        (
            [
                "关注", "扫码", "扫描", "长按", "点击", "下载", "复制", "转载", "收藏", "订阅", "回复", "咨询", "开通", "充值", "购买", "领取",
                "获取", "加入", "添加", "搜索", "登录", "注册", "私信", "留言",
            ], .act
        ),
        (
            [
                "公众号", "二维码", "网站", "会员", "VIP", "vip", "链接", "网址", "客服", "微信", "QQ", "Q群", "群号", "文档", "模板", "积分",
                "账号", "APP", "小程序", "专栏", "频道", "粉丝",
            ], .object
        ),
        // Imperatives to a reader (a bare 请 would match 申请).
        (
            [
                "欢迎", "敬请", "请您", "请点击", "请关注", "请访问", "请添加", "请联系", "请扫", "更多", "立即", "马上", "点此",
                "快来", "记得", "赶紧",
            ], .imperative
        ),
        // Page furniture that also occurs in prose, so it only tips the balance.
        (
            [
                "打印", "字号", "首页", "点赞", "在看", "本站", "范文", "网友", "举报", "帮助中心", "全部分类", "游客", "一键", "金币",
                "积分", "登录", "客服", "专享", "订阅号", "发布于", "推荐度", "简介", "目录", "隐藏内容", "楼层", "回帖", "主题", "复制链接",
                "版权反馈", "收藏", "分享", "相关",
            ], .chrome
        ),
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
                if r.count <= 60 && (p < r.lowerBound || "|｜丨】]-·•".unicodeScalars.contains(s[p])) { note(2, "“\(word)”") }
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
        if chrome > 0 && r.count <= 30 { note(chrome >= 3 ? 3 : chrome, "网页按钮") }
        for feature in Score.pageFeatures(s, r) { note(3, feature) }
        for (weight, feature) in Score.metadataFeatures(s, r) { note(weight, feature) }
        if Score.isJammer(s, r) { note(3, "防复制乱码") }
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
        var page = false, article = false  // the characters the patterns below need: 页 / P, and 篇
        for i in r {
            let v = s[i].value
            // A Han character (most of any line) is neither a dash nor a space; it may be 页 or 篇.
            if ScalarClass.isUnifiedHan(v) {
                dashes = 0
                if v == 0x9875 { page = true } else if v == 0x7BC7 { article = true }
                visible += 1
                continue
            }
            if v == 0x2D || v == 0x3D || v == 0x2014 || v == 0x2500 || v == 0x2A {
                dashes += 1; longestDashes = max(longestDashes, dashes)
            } else {
                dashes = 0
            }
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
        if short && page && (PagePattern.isPageFooter(t) || PagePattern.endsWithPageNumber(t)) { found.append("页码") }
        if short && article && PagePattern.isArticleMarker(t) { found.append("多篇范文的篇目标记") }
        if article && PagePattern.hasArticleCount(t) { found.append("“（通用N篇）”") }
        if article && !found.contains("多篇范文的篇目标记") && PagePattern.hasTitledArticleNumber(t) { found.append("多篇范文的篇目标记") }
        return found
    }

    /// The form of a page's or a file's metadata rather than its words: fields labelled with a colon (上传人：…
    /// 文档编号：… 格式：…), a label with nothing after it (浏览量：, 文号：), counters of the page (约7.06千字, 850次浏览,
    /// 已阅读5页, 需浏览20分钟), a clock time, a file name, a field whose value is a web address (链接地址：https://…),
    /// and pinyin a converter put after characters (績(jì)效).
    static func metadataFeatures(_ s: [Unicode.Scalar], _ r: Range<Int>) -> [(Int, String)] {
        var found: [(Int, String)] = []
        var fields = 0, blankField = false, counter = false, clock = false, file = false, pinyin = false, urlField = false
        var i = r.lowerBound
        while i < r.upperBound {
            let v = s[i].value
            // Every feature below starts at a colon, a digit, a point or a bracket: a Han character starts none.
            if ScalarClass.isUnifiedHan(v) {
                i += 1
                continue
            }
            // label：value — two to six Han characters before a colon, at the start or after a space, bar or dash.
            if (v == 0xFF1A || v == 0x3A), i > r.lowerBound {
                var a = i
                while a > r.lowerBound && ScalarClass.isHan(s[a - 1].value) && i - a < 7 { a -= 1 }
                // The start of a line, not of a sentence (现报告如下： follows a 。 of the same paragraph).
                let atStart = a == 0 || ScalarClass.isInlineSpace(s[a - 1].value) || "-|｜·•\n\r\u{2029}".unicodeScalars.contains(s[a - 1])
                // A salutation (各位代表：, 同志们：) is the report speaking to its audience, not a field.
                let label = Array(s[a..<i])
                if atStart && (2...6).contains(i - a) && !Self.addressees.contains(label) {
                    fields += 1
                    var b = i + 1
                    while b < r.upperBound && ScalarClass.isInlineSpace(s[b].value) { b += 1 }
                    // An empty field stands at the start of its line or after another field; a lead-in to a list
                    // (第五条 本法不适用于：) follows text of its own.
                    let lineStart = (r.lowerBound..<a).allSatisfy {
                        ScalarClass.isInlineSpace(s[$0].value) || "-|｜·•".unicodeScalars.contains(s[$0])
                    }
                    if (lineStart || fields >= 2) && (b == r.upperBound || "[【(（".unicodeScalars.contains(s[b])) { blankField = true }
                    // 链接地址：https://…, 本文网址：www.…: a page's own address as a field.
                    if lineStart && (s.matches(Array("http".unicodeScalars), at: b) || s.matches(Array("www.".unicodeScalars), at: b)) {
                        urlField = true
                    }
                }
            }
            if ScalarClass.isASCIIDigit(v) {
                var a = i
                while i < r.upperBound
                    && (ScalarClass.isASCIIDigit(s[i].value)
                        || (s[i] == "." && i + 1 < r.upperBound && ScalarClass.isASCIIDigit(s[i + 1].value)))
                { i += 1 }
                var before = a - 1
                while before >= r.lowerBound && ScalarClass.isInlineSpace(s[before].value) { before -= 1 }
                var after = i
                while after < r.upperBound && ScalarClass.isInlineSpace(s[after].value) { after += 1 }
                let next = after < r.upperBound ? s[after] : " "
                let previous = before >= r.lowerBound ? s[before] : " "
                if "约共剩读览".unicodeScalars.contains(previous) && "字页次分千万".unicodeScalars.contains(next) { counter = true }
                if next == "次", after + 2 < r.upperBound, s[after + 1] == "浏" || s[after + 1] == "阅" { counter = true }
                // hh:mm after a date's digits
                if i < r.upperBound, s[i] == ":", i - a <= 2, i + 2 < r.upperBound,
                    ScalarClass.isASCIIDigit(s[i + 1].value), ScalarClass.isASCIIDigit(s[i + 2].value)
                {
                    clock = true
                }
                a = i
                continue
            }
            if v == 0x2E, i + 3 <= r.upperBound {  // .doc .docx .pdf .ppt .pptx .xls .wps
                var e = i + 1
                var letters: [UInt32] = []
                while e < r.upperBound && ScalarClass.isASCIILetter(s[e].value) && letters.count < 5 {
                    letters.append(s[e].value | 0x20); e += 1
                }
                let name = String(String.UnicodeScalarView(letters.compactMap(Unicode.Scalar.init)))
                if ["doc", "docx", "pdf", "ppt", "pptx", "xls", "xlsx", "wps"].contains(name), i > r.lowerBound,
                    !ScalarClass.isInlineSpace(s[i - 1].value)
                {
                    file = true
                }
            }
            // 績(jì): a Han character, a bracket, Latin letters with a tone mark, a bracket.
            if (v == 0x28 || v == 0xFF08), i > r.lowerBound, ScalarClass.isHan(s[i - 1].value) {
                var e = i + 1, tone = false
                while e < r.upperBound && e - i <= 7 && (ScalarClass.isASCIILetter(s[e].value) || Self.isToneVowel(s[e].value)) {
                    if Self.isToneVowel(s[e].value) { tone = true }
                    e += 1
                }
                if tone, e < r.upperBound, s[e] == ")" || s[e] == "）" { pinyin = true }
            }
            i += 1
        }
        // A metadata line is short in words; its URLs and numbers may make it long.
        let short = r.count { ScalarClass.isHan(s[$0].value) } <= 40
        if fields >= 2 && short { found.append((3, "文件信息栏")) }
        if blankField && short { found.append((2, "空白栏目")) }
        if counter && short { found.append((2, "页面计数")) }
        if clock && short { found.append((2, "发布时间")) }
        if file && short { found.append((2, "文件名")) }
        if urlField && short { found.append((3, "网址栏")) }
        if pinyin { found.append((3, "转换残留的拼音")) }
        return found
    }

    /// Random ASCII an anti-copy plug-in scatters at line ends (i( j( e7 Z2 {! |0 K): symbols among short runs of
    /// letters and digits, no Chinese.
    static func isJammer(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        var symbols = 0, rare = 0, visible = 0, han = 0
        for k in r {
            let v = s[k].value
            if ScalarClass.isInlineSpace(v) { continue }
            visible += 1
            if ScalarClass.isHan(v) {
                han += 1
                // A jammer holds two Han characters at most: past that, the answer is no.
                if han > 2 { return false }
            }
            switch s[k] {
            // Symbols a report never writes among letters (a + or a bracket it may).
            case "{", "}", "[", "]", "@", "|", "^", "~", "`": symbols += 1; rare += 1
            case "(", ")", "!", "#", "+", ";", "$", "%", "&", "*", "=", "<", ">": symbols += 1
            default: break
            }
        }
        // Short: a sentence split at a half-width ! leaves pieces of six or seven.
        return han <= 2 && visible >= 6 && symbols >= 3 && rare >= 1 && symbols * 4 >= visible
    }

    static let addressees = KeywordScan(["各位", "同志", "领导", "代表", "委员", "朋友", "来宾", "们"])

    private static func isToneVowel(_ v: UInt32) -> Bool { toneVowels.contains(v) }
    private static let toneVowels = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ".unicodeScalars.map(\.value))

    /// Long paragraphs dense with the vocabulary of a work report are content even when they mention a website.
    mutating func applyContentPenalty(_ s: [Unicode.Scalar], _ r: Range<Int>) {
        guard value > 0, r.count > 80 else { return }
        var hits = 0
        Score.reportWords.forEachMatch(in: s, r) { _ in hits += 1 }
        if hits >= 4 { penalty = 2 }
    }

    private static let reportWords = KeywordMatcher([
        "党", "工作", "发展", "建设", "推进", "落实", "加强", "坚持", "全面", "深入",
        "完成", "群众", "领导", "责任", "同比", "增长", "我们", "本人",
    ])
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

    /// A page's title with its page number: 设定员工职能管理计划_第1页, 工会系统手册 第4页.
    static func endsWithPageNumber(_ t: [UInt32]) -> Bool {
        guard t.count >= 4, t.last == 0x9875 else { return false }
        var i = t.count - 2
        guard ScalarClass.isASCIIDigit(t[i]) else { return false }
        while i > 0 && ScalarClass.isASCIIDigit(t[i - 1]) { i -= 1 }
        guard i >= 2, t[i - 1] == 0x7B2C else { return false }  // 第
        return t[i - 2] == 0x5F || ScalarClass.isHan(t[i - 2])
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
        if bracketed && closed && t.first == 0x3010 { return true }  // 【篇一】 may head a line
        _ = take(t, &i, "：:")
        return i == t.count
    }

    /// A sample's title with its number in the bundle: 便民服务工作总结篇一, 岗位说明书篇2岗位职责 (a title of Han
    /// characters, 篇 and a numeral; not 第三篇, not 篇章). Only in a line of at most forty characters.
    static func hasTitledArticleNumber(_ t: [UInt32]) -> Bool {
        guard t.count <= 40 else { return false }
        for i in t.indices.dropFirst(2) where t[i] == 0x7BC7 && i + 1 < t.count {  // 篇
            let next = t[i + 1]
            guard ScalarClass.isASCIIDigit(next) || ChineseNumeral.isNumeralCharacter(next), next != 0x7AE0 else { continue }
            // 第三篇, 一篇, 两篇: a count, not a sample's number.
            if t[i - 1] == 0x7B2C || ChineseNumeral.isNumeralCharacter(t[i - 1]) || t[i - 1] == 0x4E24 { continue }
            var han = 0
            for k in 0..<i where ScalarClass.isHan(t[k]) { han += 1 }
            if han >= 4 { return true }
        }
        return false
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

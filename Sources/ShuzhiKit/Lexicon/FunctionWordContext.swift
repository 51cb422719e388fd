/// Function characters that a writer doubles by slip (的的, 了了, 在在) and the common words that legitimately put
/// two of them side by side (为了|了解, 目的|的, 现在|在, 研究所|所长). A doubled character is a slip only when
/// neither neighbour makes a word with it.
///
/// This list is hand-made general knowledge of Chinese; the compiled lexicon (issue 3) will supersede it.
enum FunctionWordContext {
    /// Characters whose doubling is checked: those that begin few words, so that a second one is rarely the start of a
    /// word (对方, 有毒, 事由|由 make 对对, 有有, 由由 ordinary text; the lexicon of issue 3 will judge those).
    static let characters = Set("的了是在和与把被也都就而并我这其之着以于".unicodeScalars.map(\.value))

    /// Words that end or begin with one of `characters`.
    static let words = KeywordMatcher(
        """
        目的 标的 有的 是的 别的 似的 真的 的确 的士 的话
        为了 除了 罢了 好了 算了 极了 不了 得了 了解 了结 了却 了然 了如指掌 了不起 不了了之
        但是 就是 还是 可是 于是 总是 凡是 或是 若是 要是 只是 真是 正是 而是 硬是 倒是 便是 即是 不是 也是 都是 又是 更是 尤其是
        特别是 老是 像是 算是 却是 乃是 实事求是 自以为是 一是 二是 三是 四是 五是 六是 七是 八是 九是 十是 是否 是非 是以 凡是
        现在 正在 存在 所在 实在 好在 自在 内在 外在 潜在 在于 在线 在场 在职 在岗 在建 在内 在外 在读 在校 在编 在册 在押 在逃 在意
        在乎 在案 在途 在手 在望 在此 在即
        平和 温和 缓和 调和 总和 随和 人和 共和 饱和 和谐 和平 和睦 和美 和解 和气 和蔼 和煦 和顺 和衷 和善
        参与 给与 赠与 授与 与会 与其 与否 与日俱增 与时俱进 与众不同 与人 与共
        针对 面对 应对 反对 核对 比对 绝对 相对 查对 校对 一对 成对 派对 对象 对于 对待 对比 对照 对接 对口 对策 对外 对内 对标 对手
        对话 对应 对立 对称 对此
        一把 把握 把关 把手 把脉 把持 把守
        棉被 被动 被告 被迫 被害 被子
        即将 必将 终将 行将 大将 武将 将来 将军 将近 将要 将士 将领
        跟从 服从 顺从 听从 盲从 自从 随从 从事 从业 从严 从而 从前 从来 从此 从中 从未 从容 从属 从重 从宽 从紧 从简 从优 从快 从头
        由于 对于 关于 至于 基于 在于 属于 等于 善于 敢于 勇于 便于 处于 位于 鉴于 终于 过于 高于 低于 大于 小于 多于 少于 出于 源于
        乐于 急于 忙于 安于 易于 难于 归于 限于 用于 利于 免于 趋于 忠于 于是
        作为 认为 成为 因为 行为 以为 称为 视为 分为 较为 更为 极为 最为 尤为 甚为 难为 有为 无为 为民 为人 为止 为此 为了 为主 为首
        为何 为难 为期 为重
        合并 兼并 吞并 并且 并非 并不 并未 并没 并重 并举 并行 并存 并购 并网 并列 并轨 并联 并入
        也许 也是 也要 也就
        首都 成都 古都 京都 都是 都要 都市 都会
        成就 造就 迁就 将就 早就 也就 就是 就业 就医 就学 就近 就地 就餐 就职 就任 就绪 就此
        从而 因而 进而 然而 继而 反而 故而 而且 而是 而言 而已 而今 而后
        以及 涉及 普及 危及 顾及 论及 提及 波及 企及 触及 不及 及时 及早 及格 及其
        或者 或许 或是
        不但 非但 但是 但凡 但愿
        自我 本我 忘我 我们 我国 我省 我市 我县 我区 我镇 我局 我委 我院 我校 我部 我司 我乡
        这些 这样 这里 这个 这次 这种 这项 这是
        尤其 极其 与其 及其 何其 其他 其中 其次 其实 其余 其间 其一 其二
        总之 加之 久之 反之 随之 为之 之后 之前 之间 之中 之外 之内 之下 之上 之所以 之一
        随着 接着 顺着 朝着 向着 沿着 本着 意味着 有着 带着 着力 着眼 着手 着重 着实 着想 着装
        获得 取得 赢得 记得 懂得 使得 值得 觉得 难得 舍得 显得 晓得 免得 省得 不得 只得 得到 得以 得益 得力 得当 得失 得分 得出 得知
        所有 没有 具有 拥有 享有 持有 占有 含有 存有 固有 特有 原有 现有 已有 只有 还有 富有 稀有 私有 公有 国有 共有 独有 有效 有力
        有序 有关 有些 有的 有所 有利 有机 有益 有着 有助 有限 有待 有望 有幸 有形 有方
        可以 所以 予以 加以 难以 得以 足以 借以 用以 赖以 据以 何以 是以 以来 以上 以下 以及 以后 以前 以内 以外 以便 以免 以往 以此
        以期 以为
        场所 处所 住所 派出所 研究所 事务所 厕所 诊所 交易所 所以 所有 所在 所属 所得 所长 所需 所谓
        转让 出让 礼让 谦让 让步 让利 让位
        即使 假使 致使 促使 迫使 大使 行使 驱使 指使 使用 使得 使命 使者
        供给 配给 补给 发给 交给 送给 给予 给付
        主要 重要 需要 必要 只要 纲要 摘要 概要 首要 紧要 扼要 提要 想要 就要 将要 还要 也要 都要 更要 要求 要素 要点 要害 要务 要是
        要么
        社会 大会 全会 机会 学会 协会 工会 议会 国会 都会 开会 体会 领会 理会 约会 晚会 宴会 例会 委员会 座谈会 研讨会 总会 商会
        分会 会议 会同 会商 会谈 会见 会员 会计 会展 会审 会签 会聚 会战
        职能 功能 技能 效能 才能 可能 本能 智能 性能 体能 潜能 动能 赋能 不能 只能 能力 能够 能源 能耗 能级 能动 能效
        方向 导向 取向 倾向 走向 面向 转向 意向 动向 志向 指向 向前 向上 向下 向好 向心 向往 向来
        又称 又名 又是
        而已 不已 业已 早已 已经 已有 已然 已久
        归还 偿还 退还 返还 还是 还有 还要 还需 还应 还款 还原
        一再 再次 再度 再造 再生 再者
        原则 规则 准则 细则 法则 总则 实则 否则 则是
        原因 成因 基因 诱因 起因 病因 因为 因此 因素 因而 因地 因人 因时 因势
        理由 缘由 自由 来由 经由 由于 由此 由来 由衷
        立即 随即 旋即 即使 即将 即可 即便 即时 即是
        应该 该项 该局 该村 该县 该市 该公司 该企业 该单位
        因此 为此 由此 如此 对此 从此 在此 借此 据此 特此 彼此 此外 此次 此前 此后 此项 此类
        我们 你们 他们 她们 它们 人们 同志们
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Whether the doubled character at `i` and `i + 1` belongs to a word on either side, or to an AABB form
    /// (的的确确, 实实在在) — in which case it is not a slip.
    static func isLegitimate(_ s: [Unicode.Scalar], _ i: Int, in p: Range<Int>) -> Bool {
        // AABB on either side: 的的确确, 实实在在.
        if i + 3 < p.upperBound, s[i + 2] == s[i + 3], s[i + 2] != s[i] { return true }
        if i - 2 >= p.lowerBound, s[i - 2] == s[i - 1], s[i - 1] != s[i] { return true }
        let window = max(p.lowerBound, i - 3)..<min(p.upperBound, i + 6)
        for m in words.matches(in: s, window) {
            // A word ending with the first of the pair, or starting with the second.
            if m.range.upperBound == i + 1 && m.range.lowerBound < i { return true }
            if m.range.lowerBound == i + 1 && m.range.upperBound > i + 2 { return true }
        }
        return false
    }
}

/// Instructions a template gives its user, left in brackets: （请填写单位名称）, 【根据实际情况修改】, （姓名）, （略）.
public struct TemplateHintRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "residue.template-hint",
        severity: .error,
        summary: "模板中的填写说明未删除（【请填写…】、（根据实际修改）、（姓名））",
        rationale: "模板用括号里的说明告诉使用者该填什么；这些说明留在报告里，说明报告没有写完。",
        fix: .unsafe,
        triggering: [
            RuleExample("我叫张三«（请填写姓名）»，现任副局长。", fixed: "我叫张三，现任副局长。"),
            "«（单位名称）»：",
            "全年完成投资«【根据实际情况填写】»亿元。",
            "现将«（单位名称）»一年来的工作报告如下：",
            "XX«（姓名）»同志",
        ],
        nonTriggering: [
            "认真学习《中华人民共和国民法典》（以下简称民法典）。",
            "开展“我为群众办实事”（以下简称办实事）活动。",
            "（一）加强理论学习",
            "组织填写调查问卷1200份（含线上填写）。",
            "申请人的名称（姓名）、地址；",
        ]
    )

    private static let instructions = KeywordMatcher([
        "请填写", "填写姓名", "填写单位", "填写名称", "填写内容", "在此填写", "此处填写", "自行填写", "如实填写", "据实填写",
        "请输入", "在此输入", "此处输入", "填入", "替换为", "替换成", "修改为", "自行修改", "根据实际", "按实际", "结合实际",
        "视实际", "根据自身", "结合自身", "根据本单位", "结合本单位", "请在此", "在此处", "此处插入", "此处粘贴", "此处添加",
    ])

    /// Bracket contents that are only a field's name or an elision.
    private static let fieldLabels: Set<String> = [
        "单位名称", "单位", "姓名", "名字", "职务", "职位", "部门", "部门名称", "日期", "时间", "年份", "数字", "数据", "金额", "地名",
        "县名", "市名", "乡镇名称", "项目名称", "企业名称", "公司名称", "单位全称", "本人姓名",
    ]

    private static let fieldNouns = KeywordMatcher(["名称", "姓名", "名字", "单位", "职务", "部门", "日期", "时间", "地址", "名义"])

    /// Hints stand in （）()【】〔〕[]［］ — not in 《》〈〉, which name works.
    @inline(__always) private static func closer(of v: UInt32) -> UInt32? {
        v == 0x300A || v == 0x3008 ? nil : Brackets.closer(of: v)
    }

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let s = analysis.scalars
        var out: [Diagnostic] = []
        for p in analysis.document.paragraphs where !p.isBlank {
            var i = p.content.lowerBound
            while i < p.content.upperBound {
                guard let close = Self.closer(of: s[i].value) else { i += 1; continue }
                var j = i + 1
                while j < p.content.upperBound && j - i <= 41 && s[j].value != close { j += 1 }
                guard j < p.content.upperBound, s[j].value == close, j > i + 1 else { i += 1; continue }
                let inner = (i + 1)..<j
                let content = s.string(inner).filter { $0 != " " && $0 != "　" }
                // A bare field name is a slot to fill, except right after a word naming the same kind of field:
                // 名称（姓名）, 姓名（单位名称） are appositions in running text.
                let lead = max(p.content.lowerBound, i - 2)..<i
                let isApposition = Self.fieldNouns.matches(in: s, lead).contains { $0.range.upperBound == i }
                if (!isApposition && Self.fieldLabels.contains(content)) || Self.instructions.containsMatch(in: s, inner) {
                    out.append(
                        description.diagnostic(
                            i..<(j + 1), "模板的填写说明“\(s.string(i..<(j + 1)))”未删除，请按说明填写后删去",
                            replacements: [""], fix: .unsafe))
                }
                i = j + 1
            }
        }
        return out
    }
}

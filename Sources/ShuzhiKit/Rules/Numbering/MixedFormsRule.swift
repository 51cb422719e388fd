/// The same level numbered two ways in one document: under one 一、 the subsections are （一）（二）, under another
/// 1. 2. (GB/T 15834 B.3: a document uses one system of ordinals).
public struct MixedFormsRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "numbering.mixed-forms",
        severity: .info,
        summary: "同一层级混用不同序号形式（有的一级标题下用（一），有的用 1.）",
        rationale: "同一文件中同一层级的结构层次序数应统一；跳级使用虽然允许，但同层混用会让读者误判层级。",
        triggering: [
            "一、加强学习\n（一）深化理论学习\n（二）强化业务学习\n二、履职尽责\n«1.»抓好招商\n2.抓好项目\n三、廉洁自律\n（一）严守纪律"
        ],
        nonTriggering: [
            "一、加强学习\n（一）深化理论学习\n二、履职尽责\n（一）抓好招商",
            "一、加强学习\n二、履职尽责\n（一）抓好招商",
        ]
    )

    public func check(_ analysis: Analysis) -> [Diagnostic] {
        let outline = analysis.outline
        // For each parent style, which child styles open its subsections, and where.
        var firstChildren: [HeadingMarker.Style: [(child: HeadingMarker.Style, range: Range<Int>)]] = [:]
        for node in outline.headings {
            guard let parent = node.marker?.style, let first = node.children.first, let m = outline.nodes[first].marker else { continue }
            firstChildren[parent, default: []].append((m.style, m.range))
        }
        var out: [Diagnostic] = []
        for (_, children) in firstChildren {
            var counts: [HeadingMarker.Style: Int] = [:]
            for c in children { counts[c.child, default: 0] += 1 }
            guard counts.count > 1, let majority = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key
            else { continue }
            for c in children where c.child != majority {
                out.append(description.diagnostic(c.range, "此处下一级用“\(c.child.example)”式序号，其他同级标题下用“\(majority.example)”，建议统一"))
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
